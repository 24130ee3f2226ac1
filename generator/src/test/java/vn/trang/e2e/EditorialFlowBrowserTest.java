package vn.trang.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;

import vn.trang.Fixture;
import vn.trang.git.GitFixture.Person;
import vn.trang.git.Verifier;
import vn.trang.serve.DevServer;
import vn.trang.serve.EditBackend;

/**
 * The editorial board's whole path in a real browser: Debian's Chromium (through chromedriver)
 * on the editor Trang builds for a unit ({@code /so-a/quan-tri/}, served by the preview server),
 * Decap CMS talking to decap-server in Git mode ({@link EditBackend}) on a JGit repository —
 * one decap-server per person, as each person runs her own, so each commit carries who made it.
 *
 * <ol>
 * <li>The unit's editor writes a news item (Vietnamese title, an image, a date, a publish_at in
 *     the future), saves it and sends it to review; the unit's reviewer (trưởng ban biên tập) marks
 *     it ready and publishes it: a merge into main in her name.</li>
 * <li>The same for a legal document whose relation the editor picks from the catalog's list;
 *     {@code trang verify} accepts what main now holds.</li>
 * <li>An editor of another unit writes in this unit's editor (nothing in the browser stops her)
 *     and the reviewer publishes it: {@code trang verify} refuses her commit (rule bien-tap).</li>
 * <li>{@code trang build} at a clock before the news item's publish_at leaves it out; after it,
 *     the page shows the text and the image, in Chromium too.</li>
 * </ol>
 *
 * <p>Screenshots of each step are left in {@code -Dtrang.editorShots} (default
 * {@code /tmp/editor-shots}). Needs chromium, chromedriver, node and {@code npm ci} in
 * {@code editor/} (.ci/run installs them); without them the test is skipped with the reason, under
 * CI ({@code CI=true}) it fails.
 */
@ExtendWith(SharedBrowser.class)
class EditorialFlowBrowserTest {

    static final String SITE = Fixture.DEPT;
    static final LocalDateTime EDITING = LocalDateTime.of(2026, 12, 7, 10, 0);
    static final String PUBLISH_AT = "2026-12-10T07:00";
    static final LocalDateTime BEFORE = LocalDateTime.of(2026, 12, 9, 12, 0);
    static final LocalDateTime AFTER = LocalDateTime.of(2026, 12, 10, 7, 30);

    static final String NEWS_TITLE = "Hội nghị tổng kết công tác chuyển đổi số năm 2026";
    static final String NEWS_SLUG = "hoi-nghi-tong-ket-cong-tac-chuyen-doi-so-nam-2026";
    static final String NEWS_TEXT = "Sáng ngày 1 tháng 12, Sở Thử Nghiệm tổ chức hội nghị tổng kết công tác chuyển đổi số.";
    static final String DOC_NUMBER = "15/2026/QĐ-UBND";
    static final String DOC_SUMMARY = "Ban hành quy chế quản lý cổng thông tin điện tử của sở";
    static final String STRAY_TITLE = "Tin của xã gửi nhầm sang trang sở";

    @TempDir
    Path tmp;

    final List<String> serverLog = Collections.synchronizedList(new ArrayList<>());
    EditorialProject project;
    /** The decap-server of the person at the browser; each has her own, on the port the editor names. */
    EditBackend backend;
    DecapEditor ui;
    String editorUrl;

    @Test
    void anEditorsItemsAreReviewedPublishedVerifiedAndScheduled(Browser browser) throws Exception {
        List<String> missing = new ArrayList<>();
        if (Browser.find("trang.node", "node") == null) {
            missing.add("node (Node.js 20+)");
        }
        for (String installed : List.of("editor/node_modules/decap-cms/dist/decap-cms.js", EditBackend.INSTALLED)) {
            if (!Files.isRegularFile(Fixture.REPO.resolve(installed))) {
                missing.add(installed + " (cd editor && npm ci)");
            }
        }
        Browser.require("editorial browser test", missing);

        Path shots = Path.of(System.getProperty("trang.editorShots", "/tmp/editor-shots"));
        if (Files.isDirectory(shots)) {
            try (var old = Files.newDirectoryStream(shots, "[0-9][0-9]-*.png")) {
                for (Path f : old) {
                    Files.delete(f); // a previous run's, so what is there is this run's
                }
            }
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        Path image = tmp.resolve("hoi-nghi.png");
        Files.write(image, Png.solid(320, 200, 0x1d4e89));

        try (EditorialProject p = EditorialProject.create(tmp.resolve("du-an"))) {
            project = p;
            backend = EditBackend.start(Fixture.REPO, p.root(), EditorialProject.EDITOR.name(),
                    EditorialProject.EDITOR.email(), 0, path, serverLog::add);
            step("decap-server started");
            AtomicReference<Path> served = new AtomicReference<>(tmp.resolve("public-editing"));
            p.build(served.get(), EDITING, backend.apiUrl());
            step("built");
            DevServer server = new DevServer(served::get, 0, false);
            try {
                server.start();
                String base = "http://127.0.0.1:" + server.port();
                browser.forget(base); // Decap keeps the signed-in user in localStorage
                ChromeDriver driver = browser.driver();
                ui = new DecapEditor(driver, shots);
                editorUrl = base + "/" + SITE + "/quan-tri/";
                editorsAndReviewer(image);
                published(p);

                // 4. Built before the news item's publish_at, it is left out; after, it is there.
                Path after = tmp.resolve("public-after");
                scheduled(p, tmp.resolve("public-before"), after);
                served.set(after);
                String newsUrl = base + "/" + SITE + "/tin-tuc/" + NEWS_SLUG + "/";
                driver.get(newsUrl);
                assertTrue(driver.findElement(By.tagName("main")).getText().contains(NEWS_TEXT), newsUrl);
                ui.screenshot("trang-tin-da-xuat-ban");
            } catch (RuntimeException | AssertionError e) {
                if (ui != null) {
                    ui.screenshot("loi");
                }
                throw new AssertionError(e.getMessage() + "\nform errors: " + (ui == null ? "" : ui.errors())
                        + "\ndecap-server: " + String.join("\n", serverLog) + "\nscreenshots: " + shots, e);
            } finally {
                backend.close();
                server.close();
            }
        }
    }

    /**
     * Each item is written, reviewed and published before the next is written: decap-server's
     * Git mode loses an item in review once another is published (it diffs main against the
     * item's branch two-dot, so main's new files look like the branch's own; see EDITING.md).
     */
    private void editorsAndReviewer(Path image) throws IOException {
        // 1. The unit's editor writes a news item and sends it to review; the reviewer publishes it.
        ui.signIn(editorUrl);
        ui.screenshot("bien-tap-vien-cac-chuyen-muc");
        step("signed in");
        ui.newEntry("tin-tuc");
        ui.type("title", NEWS_TITLE);
        ui.type("summary", "Sở tổng kết, đánh giá kết quả chuyển đổi số năm 2026.");
        ui.setDate("date", "2026-12-01T08:30");
        ui.image("image", image);
        ui.type("image_alt", "Quang cảnh hội nghị");
        ui.setDate("publish_at", PUBLISH_AT);
        ui.body(NEWS_TEXT);
        ui.show("image");
        ui.screenshot("tin-moi-anh-dai-dien");
        save("tin");
        ui.setStatus("Đang xét duyệt");
        ui.screenshot("tin-dang-xet-duyet");
        step("news in review");

        as(EditorialProject.REVIEWER);
        ui.workflow();
        ui.screenshot("truong-ban-quy-trinh-bien-tap");
        ui.openFromWorkflow(NEWS_TITLE);
        ui.setStatus("Sẵn sàng");
        ui.screenshot("truong-ban-san-sang");
        ui.publishNow();
        ui.screenshot("truong-ban-da-cong-bo");
        step("news published");

        // 2. A legal document with a relation picked from the catalog's list, reviewed the same way.
        as(EditorialProject.EDITOR);
        ui.newEntry("van-ban");
        ui.type("number", DOC_NUMBER);
        ui.choose("doc_type", "Quyết", "Quyết định");
        ui.type("issuer", "Ủy ban nhân dân tỉnh Thử");
        ui.setDate("issued", "2026-12-02");
        ui.type("summary", DOC_SUMMARY);
        ui.expand("relations");
        ui.choose(ui.addItem("can_cu", "number"), "06", EditorialProject.CATALOG_NUMBER);
        ui.screenshot("van-ban-chon-van-ban-can-cu");
        save("van-ban");
        ui.setStatus("Đang xét duyệt");
        as(EditorialProject.REVIEWER);
        ui.openFromWorkflow(DOC_NUMBER);
        ui.setStatus("Sẵn sàng");
        ui.publishNow();
        step("document published");

        Verifier.Outcome approved = project.verify();
        assertEquals(List.of(), EditorialProject.violations(approved), () -> EditorialProject.dump(approved));
        assertTrue(approved.ok(), () -> EditorialProject.dump(approved));

        // 3. An editor of the commune writes in the department's editor: nothing there stops her.
        as(EditorialProject.OTHER_UNITS_EDITOR);
        ui.newEntry("tin-tuc");
        ui.type("title", STRAY_TITLE);
        ui.type("summary", "Tin này của xã, không phải của sở.");
        ui.setDate("date", "2026-12-03T09:00");
        save("tin-nham");
        ui.setStatus("Sẵn sàng");
        as(EditorialProject.REVIEWER);
        ui.openFromWorkflow(STRAY_TITLE);
        ui.publishNow();
        step("other unit's news published");
    }

    /** Who made what: the editors' commits on their branches, each merged by the reviewer; verify's verdict. */
    private void published(EditorialProject p) throws Exception {
        try (Git git = Git.open(p.root().toFile())) {
            Repository r = git.getRepository();
            List<String> authored = new ArrayList<>();
            for (RevCommit c : git.log().addRange(p.since, r.resolve("main")).setRevFilter(RevFilter.NO_MERGES).call()) {
                authored.add(c.getAuthorIdent().getEmailAddress());
                // the messages the generated config gives Decap, in Vietnamese
                assertTrue(c.getShortMessage().startsWith("Tạo "), c.getShortMessage());
            }
            Collections.sort(authored);
            assertEquals(List.of(EditorialProject.EDITOR.email(), EditorialProject.EDITOR.email(),
                    EditorialProject.OTHER_UNITS_EDITOR.email()), authored);
            List<String> merged = new ArrayList<>();
            for (RevCommit c : git.log().addRange(p.since, r.resolve("main")).setRevFilter(RevFilter.ONLY_MERGES).call()) {
                merged.add(c.getAuthorIdent().getEmailAddress());
            }
            assertEquals(Collections.nCopies(3, EditorialProject.REVIEWER.email()), merged,
                    "each publication is a merge commit by the reviewer, not a fast-forward");
        }
        String newsFile = "content/" + SITE + "/tin-tuc/" + NEWS_SLUG + ".md";
        assertTrue(Files.isRegularFile(p.root().resolve(newsFile)), newsFile + " on main");
        assertTrue(Files.isRegularFile(p.root().resolve("content/" + SITE + "/tin-tuc/hoi-nghi.png")), "the image beside it");
        Verifier.Outcome refused = p.verify();
        List<String> wrong = EditorialProject.violations(refused);
        assertEquals(1, wrong.size(), () -> EditorialProject.dump(refused));
        assertTrue(wrong.get(0).matches("content/" + SITE + "/tin-tuc/tin-cua-xa-.*\\.md bien-tap"), wrong::toString);
        step("verified");
    }

    private void scheduled(EditorialProject p, Path before, Path after) throws IOException {
        p.build(before, BEFORE, null);
        String newsPage = SITE + "/tin-tuc/" + NEWS_SLUG + "/index.html";
        assertFalse(Files.exists(before.resolve(newsPage)), newsPage + " before " + PUBLISH_AT);
        assertFalse(Fixture.read(before.resolve(SITE + "/tin-tuc/index.html")).contains(NEWS_TITLE));
        String document = documentPage(before);
        assertTrue(document.contains(DOC_SUMMARY), document);
        assertTrue(document.contains("06-ct-ubnd"), "the relation links the chosen document:\n" + document);

        p.build(after, AFTER, null);
        String page = Fixture.read(after.resolve(newsPage));
        assertTrue(page.contains(NEWS_TEXT), page);
        assertTrue(page.contains("hoi-nghi.png"), "the image is on the page:\n" + page);
        assertTrue(Files.exists(after.resolve(SITE + "/tin-tuc/hoi-nghi.png"))
                || Files.exists(after.resolve(SITE + "/tin-tuc/" + NEWS_SLUG + "/hoi-nghi.png")), "the image is published");
        step("built before and after " + PUBLISH_AT);
    }

    /** Saves, or fails with what the form says is wrong. */
    private void save(String what) {
        try {
            ui.save();
        } catch (TimeoutException e) {
            ui.screenshot("khong-luu-duoc-" + what);
            throw new AssertionError("Decap did not save the " + what + "; the form says: " + ui.errors(), e);
        }
    }

    /** The next person at the browser: her own decap-server (on the port the built editor names), signed in. */
    private void as(Person who) throws IOException {
        int port = backend.port();
        backend.close();
        step("decap-server of " + who.name());
        backend = EditBackend.start(Fixture.REPO, project.root(), who.name(), who.email(), port,
                System.getenv().getOrDefault("PATH", "/usr/bin:/bin"), serverLog::add);
        ui.signIn(editorUrl);
    }

    private final long started = System.nanoTime();

    /** Where the flow is, and when: in the test's output, to tell a slow step from a stuck one. */
    private void step(String what) {
        System.out.printf("editorial flow: %s at %d ms%n", what, (System.nanoTime() - started) / 1_000_000);
    }

    private static String documentPage(Path out) throws IOException {
        try (var files = Files.walk(out.resolve(SITE + "/van-ban"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().equals("index.html")).toList()) {
                String html = Files.readString(f, StandardCharsets.UTF_8);
                if (html.contains(DOC_NUMBER) && html.contains("<h1") && !f.getParent().endsWith("van-ban")) {
                    return html;
                }
            }
        }
        return fail("no page for " + DOC_NUMBER + " under " + out.resolve(SITE + "/van-ban"));
    }
}
