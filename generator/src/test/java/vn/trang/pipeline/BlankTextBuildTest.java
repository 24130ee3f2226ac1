package vn.trang.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Fixture;
import vn.trang.diag.Diagnostic;
import vn.trang.diag.Severity;

/**
 * Required text written but left empty: an error in a build, a warning in a preview that still
 * shows the page with a visible placeholder; a key left out stays an error in both.
 */
class BlankTextBuildTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 10, 8, 0);

    @TempDir
    Path tmp;

    private BuildResult build(Fixture f, Path out, boolean preview) {
        return new Builder().build(new BuildOptions(f.root, out, null, "default", 2).withNow(NOW).withDrafts(preview));
    }

    private static List<String> firstLines(BuildResult r, String containing) {
        return r.diagnostics().list().stream().map(Diagnostic::format).map(s -> s.lines().findFirst().get())
                .filter(s -> s.contains(containing)).toList();
    }

    private static String all(BuildResult r) {
        return r.diagnostics().list().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    }

    private Fixture unfinishedNews() {
        return Fixture.standard(tmp.resolve("p")).write("content/so-a/tin-tuc/tin-moi.md", Fixture.md(
                "title: \"\"\nsummary:    \ndate: 2026-03-01", "Nội dung đã viết.\n"));
    }

    @Test
    void emptyRequiredTextIsOneErrorEachInABuild() {
        BuildResult r = build(unfinishedNews(), tmp.resolve("built"), false);
        assertFalse(r.ok());
        assertEquals(List.of(
                "content/so-a/tin-tuc/tin-moi.md:2:8: lỗi: khóa bắt buộc 'title' (tiêu đề) để trống",
                "content/so-a/tin-tuc/tin-moi.md:3:1: lỗi: khóa bắt buộc 'summary' (tóm tắt) để trống"),
                firstLines(r, "để trống"), () -> all(r));
        String full = all(r);
        assertTrue(full.contains("điền tiêu đề sau 'title:', ví dụ: title: "), full);
        assertTrue(full.contains("hoặc đặt draft: true nếu chưa muốn đăng"), full);
    }

    @Test
    void emptyRequiredTextIsAWarningInAPreviewThatShowsThePage() throws IOException {
        Path preview = tmp.resolve("preview");
        BuildResult r = build(unfinishedNews(), preview, true);
        assertTrue(r.ok(), () -> all(r));
        assertEquals(List.of(
                "content/so-a/tin-tuc/tin-moi.md:2:8: cảnh báo: khóa bắt buộc 'title' (tiêu đề) để trống: bản xem trước"
                        + " hiện [Chưa điền tiêu đề], bản đăng sẽ báo lỗi",
                "content/so-a/tin-tuc/tin-moi.md:3:1: cảnh báo: khóa bắt buộc 'summary' (tóm tắt) để trống: bản xem"
                        + " trước hiện [Chưa điền tóm tắt], bản đăng sẽ báo lỗi"),
                firstLines(r, "để trống"), () -> all(r));
        assertTrue(r.diagnostics().list().stream().filter(d -> d.format().contains("để trống"))
                .allMatch(d -> d.severity() == Severity.WARNING));
        // The URL comes from the file's name, so two unfinished files do not collide.
        Document page = Jsoup.parse(Fixture.read(preview.resolve("so-a/tin-tuc/tin-moi/index.html")));
        assertEquals("[Chưa điền tiêu đề]", page.selectFirst("main h1").text());
        assertTrue(page.text().contains("Nội dung đã viết."), page.text());
        assertTrue(Fixture.read(preview.resolve("so-a/tin-tuc/index.html")).contains("[Chưa điền tóm tắt]"),
                "the list shows the summary's placeholder");
    }

    @Test
    void aBuildAfterAPreviewStillRefusesWhatTheCacheKept() {
        Fixture f = unfinishedNews();
        BuildOptions preview = new BuildOptions(f.root, tmp.resolve("preview"), null, "default", 2).withNow(NOW)
                .withDrafts(true).withCache(true);
        BuildResult served = new Builder().build(preview);
        assertTrue(served.ok(), () -> all(served));
        BuildResult r = new Builder().build(preview.withDrafts(false));
        assertFalse(r.ok());
        assertEquals(2, firstLines(r, "lỗi: khóa bắt buộc").size(), () -> all(r));
    }

    @Test
    void aMissingRequiredKeyStaysAnErrorInAPreview() {
        Fixture f = Fixture.standard(tmp.resolve("p")).write("content/so-a/tin-tuc/thieu.md", Fixture.md(
                "title: Tin thiếu tóm tắt\ndate: 2026-03-01", "Nội dung.\n"));
        BuildResult r = build(f, tmp.resolve("preview"), true);
        assertFalse(r.ok());
        assertEquals(List.of("content/so-a/tin-tuc/thieu.md:2:1: lỗi: thiếu khóa bắt buộc 'summary'"),
                firstLines(r, "summary"), () -> all(r));
    }

    @Test
    void anEmptyIdentifyingKeyStaysAnErrorInAPreview() {
        Fixture f = Fixture.standard(tmp.resolve("p")).write("content/so-a/van-ban/vb.md", Fixture.md(
                "number: \"\"\ndoc_type: Chỉ thị\nissuer: Ủy ban nhân dân tỉnh Thử\nissued: 2026-03-01\nsummary: Trích yếu",
                "Nội dung.\n"));
        BuildResult r = build(f, tmp.resolve("preview"), true);
        assertFalse(r.ok());
        assertTrue(all(r).contains("content/so-a/van-ban/vb.md:2:9: lỗi: khóa bắt buộc 'number' để trống"), all(r));
    }

    @Test
    void anEmptySummaryOfADocumentIsAWarningInAPreview() throws IOException {
        Fixture f = Fixture.standard(tmp.resolve("p")).write("content/so-a/van-ban/vb.md", Fixture.md(
                "number: 06/CT-UBND\ndoc_type: Chỉ thị\nissuer: Ủy ban nhân dân tỉnh Thử\nissued: 2026-03-01\nsummary: ''",
                "Nội dung.\n"));
        BuildResult built = build(f, tmp.resolve("built"), false);
        assertFalse(built.ok());
        assertEquals(List.of("content/so-a/van-ban/vb.md:6:10: lỗi: khóa bắt buộc 'summary' (tóm tắt) để trống"),
                firstLines(built, "để trống"), () -> all(built));
        BuildResult served = build(f, tmp.resolve("preview"), true);
        assertTrue(served.ok(), () -> all(served));
    }
}
