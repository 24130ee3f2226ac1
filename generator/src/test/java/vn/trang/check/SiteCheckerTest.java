package vn.trang.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.cli.TrangCommand;
import vn.trang.pipeline.BuildResult;

/**
 * {@code trang check} on a fixture with one injected fault of each kind: a broken link, a link to
 * a missing file, a broken anchor, invalid HTML from a (site-overridden) template, an image
 * without alt text; and a clean fixture that passes.
 */
class SiteCheckerTest {

    @TempDir
    static Path dir;
    static Fixture f;
    static SiteChecker.Report report;

    @BeforeAll
    static void buildAndCheck() throws Exception {
        f = Fixture.standard(dir);
        f.write("content/so-a/tin-tuc/loi.md", Fixture.md("title: Tin có lỗi\ndate: 2026-01-02\nsummary: Thử.",
                "Đoạn đầu.\n\nXem [trang không có](/so-a/khong-co/) ở đây.\n\nTải [văn bản](van-ban-thieu.pdf).\n\n"
                        + "Đến [mục không có](/so-a/gioi-thieu/#khong-co-muc).\n\n<img src=\"anh.png\">\n\n![](anh.png)\n\n"
                        + "Đến [trang ngoài](https://vbpl.vn/).\n\n"
                        + "Đến [trang của cổng](https://" + Fixture.PORTAL_HOST + "/so-a/khong-co/) bằng địa chỉ đầy đủ.\n"));
        f.bytes("content/so-a/tin-tuc/anh.png", vn.trang.image.TestImages.png(8, 8));
        // The build itself refuses broken links: the targets exist when building...
        f.page("so-a", "khong-co", "Không có");
        f.bytes("content/so-a/tin-tuc/van-ban-thieu.pdf", new byte[] {'%', 'P', 'D', 'F'});
        f.write("content/so-a/trang/gioi-thieu.md", Fixture.md("title: Giới thiệu", "## Không có mục\n\nNội dung.\n"));
        // Line 6 mentions the targets as text; line 8 links to them after a good link to the same words.
        f.write("content/so-a/tin-tuc/nhac-lai.md", Fixture.md("title: Tin nhắc lại\ndate: 2026-01-04\nsummary: Thử.",
                "Trang /so-a/bi-xoa/ và tệp bi-xoa.pdf được nhắc ở đây.\n\n"
                        + "Xem [ở đây](/so-a/con-lai/), [ở đây](/so-a/bi-xoa/) và [tệp](bi-xoa.pdf).\n"));
        f.page("so-a", "con-lai", "Còn lại");
        f.page("so-a", "bi-xoa", "Bị xóa");
        f.bytes("content/so-a/tin-tuc/bi-xoa.pdf", new byte[] {'%', 'P', 'D', 'F'});
        f.news("xa-b", "tot", "Tin tốt", "2026-01-03");
        // A site override whose template emits invalid HTML: a div inside a p.
        f.write("themes/overrides/xa-b/templates/news.ftlh", "<#import \"layout.ftlh\" as layout>\n"
                + "<@layout.html><p><div>${item.title}</div></p></@layout.html>\n");
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        // ...and are taken away afterwards, as a copy of the output damaged after the build would be
        // (what `trang check --no-build` is for).
        deleteTree(f.out().resolve("so-a/khong-co"));
        Files.delete(f.out().resolve("so-a/tin-tuc/van-ban-thieu.pdf"));
        deleteTree(f.out().resolve("so-a/bi-xoa"));
        Files.delete(f.out().resolve("so-a/tin-tuc/bi-xoa.pdf"));
        Path intro = f.out().resolve("so-a/gioi-thieu/index.html");
        String html = Files.readString(intro);
        assertTrue(html.contains("id=\"khong-co-muc\""), html);
        Files.writeString(intro, html.replace("id=\"khong-co-muc\"", "id=\"muc-khac\""));
        report = new SiteChecker(true, 2, f.root, List.of("https://" + Fixture.PORTAL_HOST + "/")).check(f.out());
    }

    static void deleteTree(Path p) throws java.io.IOException {
        try (java.util.stream.Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }

    static List<Finding> rule(String rule) {
        return report.findings().stream().filter(x -> x.rule().equals(rule)).toList();
    }

    @Test
    void brokenLinkIsAnErrorAtTheSourceLine() {
        // (the page taken away is linked from other pages too; this is the editor's link)
        Finding link = rule("link").stream().filter(x -> x.message().contains("/so-a/khong-co/"))
                .filter(x -> x.page().equals("so-a/tin-tuc/tin-co-loi/index.html")).findFirst().orElseThrow();
        assertTrue(link.error());
        assertEquals("content/so-a/tin-tuc/loi.md", link.source());
        assertEquals(8, link.line(), link::format);
    }

    /** At the link itself: not at an earlier mention of its target, nor at an earlier link's text. */
    @Test
    void aBrokenLinkIsPlacedAtTheLinkItself() {
        String page = "so-a/tin-tuc/tin-nhac-lai/index.html";
        Finding toPage = rule("link").stream().filter(x -> x.page().equals(page))
                .filter(x -> x.message().contains("/so-a/bi-xoa/")).findFirst().orElseThrow();
        assertEquals(8, toPage.line(), toPage::format);
        assertEquals(30, toPage.column(), toPage::format);
        Finding toFile = rule("link").stream().filter(x -> x.page().equals(page))
                .filter(x -> x.message().contains("bi-xoa.pdf")).findFirst().orElseThrow();
        assertEquals(8, toFile.line(), toFile::format);
        assertEquals(56, toFile.column(), toFile::format);
    }

    @Test
    void missingFileIsAnError() {
        Finding file = rule("link").stream().filter(x -> x.message().contains("van-ban-thieu.pdf")).findFirst().orElseThrow();
        assertTrue(file.error());
        assertEquals(10, file.line(), file::format);
    }

    @Test
    void brokenAnchorIsAnError() {
        Finding anchor = rule("anchor").stream().findFirst().orElseThrow();
        assertTrue(anchor.message().contains("khong-co-muc"), anchor::format);
        assertEquals(12, anchor.line(), anchor::format);
    }

    @Test
    void imagesWithoutAltAreErrors() {
        List<Finding> alt = rule("alt");
        assertEquals(2, alt.size(), () -> alt.toString());
        assertTrue(alt.stream().allMatch(Finding::error));
        assertTrue(alt.stream().allMatch(x -> "content/so-a/tin-tuc/loi.md".equals(x.source())));
    }

    @Test
    void invalidHtmlFromATemplateIsAnError() {
        List<Finding> html = rule("html");
        assertTrue(html.stream().anyMatch(x -> x.page().equals("xa-b/tin-tuc/tin-tot/index.html") && x.line() > 0),
                () -> html.toString());
        // Elsewhere only the editor's image without alt, which is invalid HTML too.
        assertTrue(html.stream().filter(x -> !x.page().startsWith("xa-b/tin-tuc/tin-tot/"))
                .allMatch(x -> x.message().contains("alt")), () -> html.toString());
    }

    @Test
    void externalLinksAreListedNotChecked() {
        assertTrue(report.external().containsKey("https://vbpl.vn/"));
        assertTrue(report.external().get("https://vbpl.vn/").contains("/so-a/tin-tuc/tin-co-loi/"));
        assertTrue(rule("link").stream().noneMatch(x -> x.message().contains("vbpl")));
    }

    @Test
    void linksToTheProvincesOwnHostAreCheckedNotListed() {
        String own = "https://" + Fixture.PORTAL_HOST + "/so-a/khong-co/";
        assertTrue(report.external().keySet().stream().noneMatch(u -> u.contains(Fixture.PORTAL_HOST)),
                () -> report.external().toString());
        Finding link = rule("link").stream().filter(x -> x.message().contains(own)).findFirst().orElseThrow();
        assertTrue(link.error());
        assertEquals("content/so-a/tin-tuc/loi.md", link.source());
        assertEquals(20, link.line(), link::format);
    }

    @Test
    void aCleanSitePassesAndTheCommandExitsByFindings(@TempDir Path tmp) {
        Fixture clean = Fixture.standard(tmp);
        clean.news("so-a", "a", "Tin A", "2026-01-02");
        clean.document("so-a", "qd", "01/QĐ-SA", "Quyết định", "2026-01-05");
        StringWriter err = new StringWriter();
        int ok = TrangCommand.execute(new String[] {"check", "--root", clean.root.toString(), "--as-of", "2026-06-01"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, ok, err::toString);
        assertTrue(err.toString().contains("0 lỗi"), err::toString);
        StringWriter err2 = new StringWriter();
        int bad = TrangCommand.execute(new String[] {"check", "--root", f.root.toString(), "--no-html", "--no-build"},
                new PrintWriter(new StringWriter()), new PrintWriter(err2));
        assertEquals(1, bad, err2::toString);
        assertTrue(err2.toString().contains("content/so-a/tin-tuc/loi.md:8"), err2::toString);
    }
}
