package vn.trang.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.jgit.api.Git;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.diag.Diagnostics;
import vn.trang.pipeline.BuildOptions;
import vn.trang.pipeline.BuildResult;
import vn.trang.pipeline.Builder;

/** Each item page shows "Cập nhật lần cuối" and its file's last changes, from Git; never fails. */
class HistoryTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 2, 1);

    @TempDir
    Path tmp;

    static BuildResult build(Path root, Path out) {
        BuildResult r = new Builder().build(new BuildOptions(root, out, null, "default", 2, AS_OF));
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        return r;
    }

    static Element history(Path out, String page) throws IOException {
        Document doc = Jsoup.parse(out.resolve(page + "index.html").toFile(), "UTF-8");
        return doc.selectFirst("article section.history");
    }

    @Test
    void everyItemPageShowsItsLastChangesNewestFirst() throws IOException {
        try (GitFixture g = GitFixture.create(tmp.resolve("p"))) {
            showMessages(g, Fixture.DEPT);
            showMessages(g, Fixture.COMMUNE);
            g.commit(GitFixture.ADMIN, "Hiện lời ghi commit");
            g.at(Instant.parse("2026-01-05T02:00:00Z")); // the times below as if this commit were not there
            g.f.news("so-a", "hoi-nghi", "Hội nghị", "2026-01-05 08:00");
            g.f.page("so-a", "gioi-thieu", "Giới thiệu");
            g.commit(GitFixture.EDITOR_A, "Thêm tin hội nghị và trang giới thiệu"); // 02:00Z = 09:00 +07
            g.f.news("so-a", "hoi-nghi", "Hội nghị tổng kết", "2026-01-05 08:00");
            g.commit(GitFixture.EDITOR_A, "Sửa tiêu đề\n\nChi tiết không hiện trên trang.");
            g.f.news("xa-b", "le-hoi", "Lễ hội", "2026-01-06 08:00");
            g.commit(GitFixture.EDITOR_B, "Tin lễ hội của xã");
            g.f.news("so-a", "hoi-nghi", "Hội nghị tổng kết năm", "2026-01-05 08:00");
            g.commit(GitFixture.ADMIN, "Quản trị sửa tin");                   // 05:00Z = 12:00 +07
            Path out = tmp.resolve("out");
            build(g.root, out);

            Element h = history(out, "so-a/tin-tuc/hoi-nghi-tong-ket-nam/");
            assertNotNull(h, "the news page has a history block");
            assertEquals("Cập nhật lần cuối: 05/01/2026 12:00 – Quản Trị Cổng", h.selectFirst(".history-last").text());
            List<String> log = h.select(".history-log li").eachText();
            assertEquals(List.of("05/01/2026 12:00 – Quản Trị Cổng: Quản trị sửa tin",
                    "05/01/2026 10:00 – Nguyễn Biên Tập: Sửa tiêu đề",
                    "05/01/2026 09:00 – Nguyễn Biên Tập: Thêm tin hội nghị và trang giới thiệu"), log);
            assertEquals("2026-01-05", h.selectFirst(".history-last time").attr("datetime"));

            Element page = history(out, "so-a/gioi-thieu/");
            assertEquals(List.of("05/01/2026 09:00 – Nguyễn Biên Tập: Thêm tin hội nghị và trang giới thiệu"),
                    page.select(".history-log li").eachText(), "a page's log has only its own file's changes");
            assertEquals(List.of("05/01/2026 11:00 – Trần Xã Viên: Tin lễ hội của xã"),
                    history(out, "xa-b/tin-tuc/le-hoi/").select(".history-log li").eachText());
        }
    }

    /** Opts a site in to showing authors and commit messages. */
    static void showMessages(GitFixture g, String site) throws IOException {
        Path yml = g.f.path("sites/" + site + ".yml");
        Files.writeString(yml, Files.readString(yml) + "history:\n  messages: true\n");
    }

    @Test
    void developersCommitMessagesStayOffThePageUnlessTheSiteOptsIn() throws IOException {
        try (GitFixture g = GitFixture.create(tmp.resolve("p"))) {
            showMessages(g, Fixture.COMMUNE);
            g.commit(GitFixture.ADMIN, "Xã hiện lời ghi commit");
            g.at(Instant.parse("2026-01-05T02:00:00Z"));
            g.f.news("so-a", "hoi-nghi", "Hội nghị", "2026-01-05 08:00");
            g.f.news("xa-b", "le-hoi", "Lễ hội", "2026-01-05 08:00");
            g.commit(GitFixture.EDITOR_A, "fix typo in front matter (refs #12)");
            g.f.news("so-a", "hoi-nghi", "Hội nghị", "2026-01-05 08:00",
                    "change_note: Sửa giờ khai mạc thành 8 giờ 30.");
            g.commit(GitFixture.EDITOR_A, "WIP: bump dates");
            Path out = tmp.resolve("out");
            build(g.root, out);

            Element dept = history(out, "so-a/tin-tuc/hoi-nghi/");
            assertFalse(dept.text().contains("fix typo"), dept.text());
            assertFalse(dept.text().contains("WIP"), dept.text());
            assertFalse(dept.text().contains("Nguyễn Biên Tập"), "no author either: " + dept.text());
            assertEquals("Cập nhật lần cuối: 05/01/2026 10:00 – Sở Thử Nghiệm", dept.selectFirst(".history-last").text());
            assertEquals(List.of("05/01/2026 10:00", "05/01/2026 09:00"), dept.select(".history-log li").eachText());
            assertEquals("Nội dung thay đổi: Sửa giờ khai mạc thành 8 giờ 30.", dept.selectFirst(".history-note").text());

            Element commune = history(out, "xa-b/tin-tuc/le-hoi/");
            assertEquals(List.of("05/01/2026 09:00 – Nguyễn Biên Tập: fix typo in front matter (refs #12)"),
                    commune.select(".history-log li").eachText(), "the commune opted in");
            assertNull(commune.selectFirst(".history-note"), "no change note written");
        }
    }

    @Test
    void aFolderOutsideGitShowsTheFilesOwnDate() throws IOException {
        Fixture f = Fixture.standard(tmp.resolve("p"));
        f.news("so-a", "tin", "Tin", "2026-01-05 08:00");
        Files.setLastModifiedTime(f.path("content/so-a/tin-tuc/tin.md"), FileTime.from(Instant.parse("2025-03-04T05:06:00Z")));
        Path out = tmp.resolve("out");
        BuildResult r = build(f.root, out);
        assertEquals(0, r.diagnostics().list().size(), () -> Diags.dump(r.diagnostics()));
        Element h = history(out, "so-a/tin-tuc/tin/");
        assertEquals("Cập nhật lần cuối: 04/03/2025 12:06 – Sở Thử Nghiệm", h.selectFirst(".history-last").text());
        assertNull(h.selectFirst(".history-log"), "no change log without Git");
    }

    @Test
    void aFileNotCommittedYetShowsItsOwnDate() throws IOException {
        try (GitFixture g = GitFixture.create(tmp.resolve("p"))) {
            g.f.news("so-a", "cu", "Cũ", "2026-01-05 08:00");
            g.commit(GitFixture.EDITOR_A, "Tin cũ");
            g.f.news("so-a", "moi", "Mới", "2026-01-06 08:00");
            Files.setLastModifiedTime(g.f.path("content/so-a/tin-tuc/moi.md"), FileTime.from(Instant.parse("2026-01-07T00:30:00Z")));
            Path out = tmp.resolve("out");
            build(g.root, out);
            assertEquals("Cập nhật lần cuối: 07/01/2026 07:30 – Sở Thử Nghiệm", history(out, "so-a/tin-tuc/moi/").selectFirst(".history-last").text());
            assertEquals(1, history(out, "so-a/tin-tuc/cu/").select(".history-log li").size());
        }
    }

    @Test
    void aShallowCloneDegradesToFileDatesWithoutFailing() throws Exception {
        Path clone = tmp.resolve("clone");
        try (GitFixture g = GitFixture.create(tmp.resolve("p"))) {
            g.f.news("so-a", "cu", "Cũ", "2026-01-05 08:00");
            g.commit(GitFixture.EDITOR_A, "Tin cũ");
            g.f.news("so-a", "giua", "Giữa", "2026-01-05 09:00");
            g.commit(GitFixture.EDITOR_A, "Tin giữa");
            g.f.news("so-a", "moi", "Mới", "2026-01-06 08:00");
            g.commit(GitFixture.EDITOR_A, "Tin mới");
            try (Git c = Git.cloneRepository().setURI(g.root.toUri().toString()).setDirectory(clone.toFile()).setDepth(2).call()) {
                assertFalse(GitRepos.shallowCommits(c.getRepository()).isEmpty(), "the clone is shallow");
            }
        }
        Path out = tmp.resolve("out");
        BuildResult r = build(clone, out);
        assertEquals(0, r.diagnostics().warningCount(), () -> Diags.dump(r.diagnostics()));
        // The newest commit is whole: its file has a real log.
        assertEquals(List.of("05/01/2026 11:00"),
                history(out, "so-a/tin-tuc/moi/").select(".history-log li").eachText());
        // Files whose changes are behind the cut show their own date, no invented log.
        for (String page : List.of("so-a/tin-tuc/cu/", "so-a/tin-tuc/giua/")) {
            Element h = history(out, page);
            assertNull(h.selectFirst(".history-log"), page);
            assertTrue(h.selectFirst(".history-last").text().startsWith("Cập nhật lần cuối: "), page);
        }
    }

    @Test
    void twoBuildsOfTheSameCommitAreByteIdentical() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        try (GitFixture g = GitFixture.create(tmp.resolve("p"))) {
            for (int i = 1; i <= 6; i++) {
                g.f.news(i % 2 == 0 ? "so-a" : "xa-b", "tin-" + i, "Tin số " + i, "2026-01-0" + i + " 08:00");
                g.f.page("so-a", "gioi-thieu", "Giới thiệu lần " + i);
                g.commit(i % 3 == 0 ? GitFixture.ADMIN : i % 2 == 0 ? GitFixture.EDITOR_A : GitFixture.STRANGER, "Lần " + i);
            }
            Git.cloneRepository().setURI(g.root.toUri().toString()).setDirectory(a.toFile()).call().close();
            Git.cloneRepository().setURI(g.root.toUri().toString()).setDirectory(b.toFile()).call().close();
        }
        // The second checkout's files are years newer: only Git may decide the dates shown.
        try (Stream<Path> s = Files.walk(b.resolve("content"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
            }
        }
        build(a, tmp.resolve("out-a"));
        build(b, tmp.resolve("out-b"));
        // The search index (_search/, Lucene segments with random ids) is not a page; every page is compared.
        List<String> files = tree(tmp.resolve("out-a"));
        assertEquals(files, tree(tmp.resolve("out-b")));
        for (String rel : files) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(tmp.resolve("out-a").resolve(rel)),
                    Files.readAllBytes(tmp.resolve("out-b").resolve(rel))), rel + " differs between the two builds");
        }
        assertTrue(Files.readString(tmp.resolve("out-a/so-a/gioi-thieu-lan-6/index.html")).contains("class=\"history-log\""),
                "the pages compared show their Git history");
    }

    static List<String> tree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .filter(p -> !p.startsWith("_search/")).sorted().toList();
        }
    }

    @Test
    void oneWalkKeepsTheLastFiveChangesOfEveryFile() throws Exception {
        try (GitFixture g = GitFixture.create(tmp.resolve("p"))) {
            // 40 commits over 120 files: each commit touches three files, one of them always the same.
            for (int c = 0; c < 40; c++) {
                g.write("content/so-a/trang/chung.md", "---\ntitle: Chung\n---\nlần " + c + "\n");
                for (int k = 0; k < 2; k++) {
                    int n = (c * 2 + k) % 120;
                    g.write("content/xa-b/trang/t" + n + ".md", "---\ntitle: T" + n + "\n---\nlần " + c + "\n");
                }
                g.commit(c % 2 == 0 ? GitFixture.EDITOR_A : GitFixture.EDITOR_B, "Lần " + c);
            }
            History h = History.load(g.root, List.of(), new Diagnostics());
            FileHistory common = h.of("content/so-a/trang/chung.md");
            assertEquals(History.ENTRIES, common.entries().size());
            assertEquals(List.of("Lần 39", "Lần 38", "Lần 37", "Lần 36", "Lần 35"),
                    common.entries().stream().map(FileHistory.Change::message).toList());
            assertEquals(LocalDateTime.of(2026, 1, 7, 0, 0), common.lastUpdated(), "40 h after the first commit, 08:00 +07 on the 5th");
            FileHistory once = h.of("content/xa-b/trang/t0.md");
            assertEquals(List.of("Lần 0"), once.entries().stream().map(FileHistory.Change::message).toList());
            assertNull(History.NONE.of("content/so-a/trang/chung.md"));
        }
    }

    /** The commit that added each file (when a legal document was published), in the same walk; renames followed; else the file's date. */
    @Test
    void theFirstCommitOfEachFileIsKnownThroughRenames() throws Exception {
        Path clone = tmp.resolve("clone");
        try (GitFixture g = GitFixture.create(tmp.resolve("p"))) {
            g.at(Instant.parse("2026-01-06T03:00:00Z"));                 // 10:00 +07
            g.f.document("so-a", "qd-1", "01/QĐ-SA", "Quyết định", "2026-01-05");
            g.f.document("so-a", "qd-2", "02/QĐ-SA", "Quyết định", "2026-01-05");
            g.f.document("so-a", "qd-3", "03/QĐ-SA", "Quyết định", "2026-01-05");
            g.commit(GitFixture.EDITOR_A, "Ba văn bản");
            g.at(Instant.parse("2026-01-09T03:00:00Z"));
            g.f.document("so-a", "qd-1", "01/QĐ-SA", "Quyết định", "2026-01-05", "signer: Người Ký");
            g.commit(GitFixture.EDITOR_A, "Sửa văn bản 1");
            // a rename as it is (git mv), and a rename with an edit in the same commit
            g.at(Instant.parse("2026-01-20T03:00:00Z"));
            Files.move(g.f.path("content/so-a/van-ban/qd-2.md"), g.f.path("content/so-a/van-ban/qd-so-2.md"));
            String three = Files.readString(g.f.path("content/so-a/van-ban/qd-3.md"));
            Files.delete(g.f.path("content/so-a/van-ban/qd-3.md"));
            g.write("content/so-a/van-ban/qd-so-3.md", three + "Thêm một dòng.\n");
            g.commit(GitFixture.EDITOR_A, "Đổi tên");
            g.at(Instant.parse("2026-02-02T03:00:00Z"));
            g.f.document("so-a", "qd-4", "04/QĐ-SA", "Quyết định", "2026-01-30");
            g.commit(GitFixture.EDITOR_A, "Văn bản 4");
            g.f.document("so-a", "qd-5", "05/QĐ-SA", "Quyết định", "2026-01-30");   // not committed

            History h = History.load(g.root, List.of(), new Diagnostics());
            FileHistory one = h.of("content/so-a/van-ban/qd-1.md");
            assertEquals(LocalDateTime.of(2026, 1, 6, 10, 0), one.added());
            assertTrue(one.addedFromGit());
            assertEquals(LocalDateTime.of(2026, 1, 9, 10, 0), one.lastUpdated(), "changed since: added stays");
            assertEquals(LocalDateTime.of(2026, 1, 6, 10, 0), h.of("content/so-a/van-ban/qd-so-2.md").added(),
                    "renamed as it was: added under its old name");
            assertEquals(LocalDateTime.of(2026, 1, 6, 10, 0), h.of("content/so-a/van-ban/qd-so-3.md").added(),
                    "renamed with an edit: still the same file for Git's rename detection");
            assertEquals(LocalDateTime.of(2026, 2, 2, 10, 0), h.of("content/so-a/van-ban/qd-4.md").added());
            FileHistory five = h.of("content/so-a/van-ban/qd-5.md");
            assertFalse(five.addedFromGit(), "not committed: the file's own date");
            assertEquals(five.lastUpdated(), five.added());

            // A shallow clone without the commits that added qd-1..qd-3: their own dates, no failure.
            try (Git c = Git.cloneRepository().setURI(g.root.toUri().toString()).setDirectory(clone.toFile())
                    .setDepth(2).call()) {
                assertFalse(GitRepos.shallowCommits(c.getRepository()).isEmpty());
            }
        }
        Files.setLastModifiedTime(clone.resolve("content/so-a/van-ban/qd-1.md"),
                FileTime.from(Instant.parse("2026-03-01T01:00:00Z")));
        History s = History.load(clone, List.of(), new Diagnostics());
        FileHistory one = s.of("content/so-a/van-ban/qd-1.md");
        assertFalse(one.addedFromGit());
        assertEquals(LocalDateTime.of(2026, 3, 1, 8, 0), one.added());
        assertTrue(s.of("content/so-a/van-ban/qd-4.md").addedFromGit(), "added after the cut: known");
    }
}
