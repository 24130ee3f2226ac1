package vn.trang.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.diag.Diagnostic;
import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.pipeline.BuildResult;

/**
 * Images without alt text and headings out of order in a body are warnings of the parse, at the
 * line and column written, as {@code trang check} would find them in the built page.
 */
class BodyOutlineTest {

    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();
    private static final String FILE = "content/so-a/tin-tuc/x.md";

    /** The body starts on line 1 and sits right under the page's title (h1). */
    private static List<Diagnostic> warnings(String markdown) {
        return warnings(markdown, 1);
    }

    private static List<Diagnostic> warnings(String markdown, int levelAbove) {
        Diagnostics d = new Diagnostics();
        MARKDOWN.renderBody(markdown, "/so-a/tin-tuc/", SourcePos.of(FILE), 1, levelAbove, d);
        return d.list();
    }

    private static Diagnostic single(String markdown) {
        List<Diagnostic> all = warnings(markdown);
        assertEquals(1, all.size(), () -> Diags.dump(all));
        assertFalse(all.get(0).isError());
        return all.get(0);
    }

    @Test
    void aWellOrderedBodyWithDescribedImagesHasNoWarning() {
        assertEquals(List.of(), warnings("## Một\n\n### Một chấm một\n\n![Quang cảnh](anh.jpg)\n\n## Hai\n\n"
                + "<img src=\"b.png\" alt=\"Sơ đồ\">\n\n### Hai chấm một\n\n## Ba\n"));
        assertEquals(List.of(), warnings("Văn bản thường, không tiêu đề, không ảnh."));
    }

    @Test
    void anImageWithoutAltIsWarnedAtItsPosition() {
        Diagnostic x = single("Đoạn đầu.\n\nXem ảnh: ![](hinh/anh.jpg) nhé.\n");
        Diags.assertAt(x, FILE, 3, 10);
        Diags.assertMentions(x, "hinh/anh.jpg", "thiếu mô tả (alt)");
        Diags.assertHints(x, "![Quang cảnh hội nghị](anh.jpg)");
        Diags.assertAt(single("![  ][r]\n\n[r]: anh.png\n"), FILE, 1, 1);
    }

    @Test
    void anHtmlImageWithoutAltIsWarnedAtItsTag() {
        Diagnostic x = single("<p>Chữ\n<img src=\"anh.jpg\" alt=\"\"></p>\n");
        Diags.assertAt(x, FILE, 2, 1);
        Diags.assertHints(x, "alt=\"Quang cảnh hội nghị\"");
        Diags.assertAt(single("Chữ <img src=\"a.png\"> chữ.\n"), FILE, 1, 5);
    }

    @Test
    void aSkippedLevelIsWarnedAtTheHeading() {
        Diagnostic x = single("## Mục\n\nChữ.\n\n#### Chi tiết\n");
        Diags.assertAt(x, FILE, 5, 1);
        Diags.assertMentions(x, "\"Chi tiết\"", "cấp 2 xuống cấp 4");
        Diags.assertHints(x, "### Chi tiết");
        Diags.assertMentions(single("### Ngay đầu\n"), "cấp 1 xuống cấp 3");
        Diags.assertAt(single("## A\n\n<h4>B</h4>\n"), FILE, 3, 1);
    }

    @Test
    void aBodyH1IsASecondTitle() {
        Diagnostic x = single("Chữ.\n\n# Giới thiệu\n");
        Diags.assertAt(x, FILE, 3, 1);
        Diags.assertMentions(x, "cấp 1", "\"Giới thiệu\"");
        Diags.assertHints(x, "## Giới thiệu");
        Diags.assertAt(single("Giới thiệu\n==========\n"), FILE, 1, 1);
        assertEquals(2, warnings("# A\n\n# B\n").size(), "each one");
    }

    @Test
    void underASectionHeadingTheBodyStartsOneLevelLower() {
        assertEquals(List.of(), warnings("### Điều 1\n\n## Chương II\n", 2));
        List<Diagnostic> all = warnings("#### Khoản 1\n", 2);
        assertEquals(1, all.size(), () -> Diags.dump(all));
        Diags.assertMentions(all.get(0), "cấp 2 xuống cấp 4");
    }

    @Test
    void frontMatterMarkdownIsNotABody() {
        Diagnostics d = new Diagnostics();
        MARKDOWN.render("#### Bước\n\n![](a.png)", "/so-a/", SourcePos.of(FILE), 1, d);
        assertEquals(List.of(), d.list());
    }

    /** In a build (and so in serve), in the content file, with documents' bodies under their h2. */
    @Test
    void theBuildWarnsAtTheContentFile(@TempDir Path tmp) {
        Fixture f = Fixture.standard(tmp)
                .write("content/so-a/tin-tuc/anh.md", Fixture.md("title: Tin có ảnh\ndate: 2025-01-10\nsummary: Tóm tắt",
                        "Đoạn một.\n\n![](anh.jpg)\n\n#### Nhảy cấp\n"))
                .write("content/so-a/van-ban/qd.md", Fixture.md("number: 12/2024/QĐ-UBND\ndoc_type: Quyết định\n"
                        + "issuer: Ủy ban nhân dân tỉnh Thử\nissued: 2024-03-01\nsummary: Quyết định thử",
                        "### Điều 1\n\nNội dung.\n"));
        f.bytes("content/so-a/tin-tuc/anh.jpg", vn.trang.image.TestImages.jpeg(8, 8));
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        List<Diagnostic> all = r.diagnostics().list();
        assertEquals(2, all.size(), () -> Diags.dump(all));
        String news = "content/so-a/tin-tuc/anh.md";
        Diags.assertAt(all.get(0), news, 8, 1);
        Diags.assertMentions(all.get(0), "anh.jpg", "alt");
        Diags.assertAt(all.get(1), news, 10, 1);
        Diags.assertMentions(all.get(1), "cấp 1 xuống cấp 4");
    }

    /**
     * The parse's level above a body is the theme's: what it lets pass, {@code trang check} lets
     * pass in the built page, and what it warns about, the check finds there too.
     */
    @Test
    void theParseAndTrangCheckAgreeOnTheBuiltPages(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.standard(tmp)
                .write("content/so-a/tin-tuc/dung.md", Fixture.md("title: Tin đúng\ndate: 2025-01-10\nsummary: Tóm tắt",
                        "## Mục\n\n### Mục con\n"))
                .write("content/so-a/tin-tuc/sai.md", Fixture.md("title: Tin sai\ndate: 2025-01-11\nsummary: Tóm tắt",
                        "### Nhảy\n"))
                .write("content/so-a/van-ban/dung.md", Fixture.md("number: 12/2024/QĐ-UBND\ndoc_type: Quyết định\n"
                        + "issuer: Ủy ban nhân dân tỉnh Thử\nissued: 2024-03-01\nsummary: Quyết định đúng", "### Điều 1\n"))
                .write("content/so-a/van-ban/sai.md", Fixture.md("number: 13/2024/QĐ-UBND\ndoc_type: Quyết định\n"
                        + "issuer: Ủy ban nhân dân tỉnh Thử\nissued: 2024-03-02\nsummary: Quyết định sai", "#### Khoản 1\n"));
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        java.util.Set<String> warned = new java.util.TreeSet<>();
        for (Diagnostic x : r.diagnostics().list()) {
            warned.add(x.file());
        }
        assertEquals(java.util.Set.of("content/so-a/tin-tuc/sai.md", "content/so-a/van-ban/sai.md"), warned);
        java.util.Set<String> checked = new java.util.TreeSet<>();
        for (vn.trang.check.Finding x : new vn.trang.check.SiteChecker(false, 1, f.root, List.of()).check(f.out()).findings()) {
            if (x.rule().equals("heading")) {
                checked.add(x.source());
            }
        }
        assertEquals(warned, checked);
    }
}
