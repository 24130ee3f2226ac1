package vn.trang.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Fixture;
import vn.trang.diag.Diagnostic;
import vn.trang.diag.Severity;

/**
 * Drafts, publish_at and unpublish_at, placeholders and the due list, through real builds of a
 * temporary project: each build judges the schedule with its own clock ({@link BuildOptions#now()}).
 */
class ScheduleBuildTest {

    private static final LocalDateTime MORNING = LocalDateTime.of(2026, 3, 10, 8, 0);

    @TempDir
    Path tmp;

    private BuildResult build(Fixture f, Path out, LocalDateTime now, boolean preview) {
        return new Builder().build(new BuildOptions(f.root, out, null, "default", 2).withNow(now).withDrafts(preview));
    }

    private static String errors(BuildResult r) {
        return r.diagnostics().list().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    }

    /** Whether any HTML or XML file of the output mentions {@code text} (lists, feeds, sitemaps too). */
    private static boolean anywhere(Path out, String text) throws IOException {
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String n = p.getFileName().toString();
                if ((n.endsWith(".html") || n.endsWith(".xml")) && Fixture.read(p).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void scheduledItemIsAbsentBeforeItsTimeAndPresentFromIt() throws IOException {
        Fixture f = Fixture.standard(tmp.resolve("p"))
                .news("so-a", "hen-gio", "Tin hẹn giờ đăng", "2026-03-10 08:00", "publish_at: 2026-03-10 08:00");
        Path before = tmp.resolve("before");
        BuildResult early = build(f, before, MORNING.minusMinutes(1), false);
        assertTrue(early.ok(), () -> errors(early));
        assertFalse(Files.exists(before.resolve("so-a/tin-tuc/tin-hen-gio-dang/index.html")));
        assertFalse(anywhere(before, "Tin hẹn giờ đăng"), "not listed, not in the feed or the sitemap");

        Path after = tmp.resolve("after");
        BuildResult onTime = build(f, after, MORNING, false);
        assertTrue(onTime.ok(), () -> errors(onTime));
        Document page = Jsoup.parse(Fixture.read(after.resolve("so-a/tin-tuc/tin-hen-gio-dang/index.html")));
        assertEquals("Tin hẹn giờ đăng", page.selectFirst("main h1").text());
        assertTrue(Fixture.read(after.resolve("so-a/tin-tuc/index.html")).contains("Tin hẹn giờ đăng"), "listed");
    }

    @Test
    void futureDateWithoutPublishAtIsListedTodayWithAWarningAtTheDate() throws IOException {
        Fixture f = Fixture.standard(tmp.resolve("p"))
                .news("so-a", "tuong-lai", "Tin ghi ngày mai", "2026-03-11");
        Path out = tmp.resolve("out");
        BuildResult r = build(f, out, MORNING, false);
        assertTrue(r.ok(), () -> errors(r));
        List<String> warnings = r.diagnostics().list().stream().filter(d -> d.severity() == Severity.WARNING)
                .map(Diagnostic::format).toList();
        assertEquals(1, warnings.size(), () -> errors(r));
        String w = warnings.get(0);
        assertTrue(w.startsWith("content/so-a/tin-tuc/tuong-lai.md:3:7: cảnh báo: ngày 'date' (2026-03-11) sau thời điểm"
                + " dựng trang (2026-03-10 08:00): bài vẫn được đăng và liệt kê ngay hôm nay"), w);
        assertTrue(w.contains("publish_at: 2026-03-11"), "says how to schedule it: " + w);
        // listed, as the warning says: on the unit's home and in its news list
        Document home = Jsoup.parse(Fixture.read(out.resolve("so-a/index.html")));
        assertEquals("Tin ghi ngày mai", home.selectFirst("section.latest-news .item-title a").text());
        assertTrue(Fixture.read(out.resolve("so-a/tin-tuc/index.html")).contains("Tin ghi ngày mai"));
    }

    @Test
    void futureDateWithPublishAtOrPastDateIsNoWarning() {
        Fixture f = Fixture.standard(tmp.resolve("p"))
                .news("so-a", "hen-gio", "Tin hẹn giờ", "2026-03-11", "publish_at: 2026-03-11 07:00")
                .news("so-a", "hom-qua", "Tin hôm qua", "2026-03-09");
        BuildResult r = build(f, tmp.resolve("out"), MORNING, false);
        assertTrue(r.ok(), () -> errors(r));
        assertEquals(List.of(), r.diagnostics().list().stream().filter(d -> d.severity() == Severity.WARNING)
                .map(Diagnostic::format).toList());
    }

    @Test
    void unpublishedItemIsTakenDownFromItsTime() throws IOException {
        Fixture f = Fixture.standard(tmp.resolve("p"))
                .news("so-a", "thong-bao", "Thông báo có thời hạn", "2026-03-01", "unpublish_at: 2026-03-10 08:00");
        BuildResult on = build(f, tmp.resolve("on"), MORNING.minusMinutes(1), false);
        assertTrue(on.ok(), () -> errors(on));
        assertTrue(Files.exists(tmp.resolve("on/so-a/tin-tuc/thong-bao-co-thoi-han/index.html")));
        BuildResult off = build(f, tmp.resolve("off"), MORNING, false);
        assertTrue(off.ok(), () -> errors(off));
        assertFalse(Files.exists(tmp.resolve("off/so-a/tin-tuc/thong-bao-co-thoi-han/index.html")));
        assertFalse(anywhere(tmp.resolve("off"), "Thông báo có thời hạn"));
    }

    @Test
    void unpublishNotAfterPublishIsAnErrorAtItsValue() {
        Fixture f = Fixture.standard(tmp.resolve("p"))
                .news("so-a", "sai", "Tin sai lịch", "2026-03-01", "publish_at: 2026-03-10 08:00",
                        "unpublish_at: 2026-03-10 08:00");
        BuildResult r = build(f, tmp.resolve("out"), MORNING, false);
        assertFalse(r.ok());
        List<Diagnostic> errors = r.diagnostics().list().stream().filter(d -> d.severity() == Severity.ERROR).toList();
        assertEquals(1, errors.size(), () -> errors(r));
        assertTrue(errors.get(0).format().startsWith("content/so-a/tin-tuc/sai.md:6:15: "), errors(r));
        assertTrue(errors.get(0).format().contains("unpublish_at"), errors(r));
    }

    @Test
    void badPublishTimeIsAnError() {
        Fixture f = Fixture.standard(tmp.resolve("p"))
                .news("so-a", "sai", "Tin sai giờ", "2026-03-01", "publish_at: 10/03/2026 8h");
        BuildResult r = build(f, tmp.resolve("out"), MORNING, false);
        assertFalse(r.ok());
        assertTrue(errors(r).contains("content/so-a/tin-tuc/sai.md:5:13: lỗi: 'publish_at' không phải ngày hợp lệ"),
                errors(r));
    }

    @Test
    void draftIsPreviewedMarkedButNeverBuilt() throws IOException {
        Fixture f = Fixture.standard(tmp.resolve("p"))
                .news("so-a", "nhap", "Tin còn nháp", "2026-03-01", "draft: true");
        Path preview = tmp.resolve("preview");
        BuildResult served = build(f, preview, MORNING, true);
        assertTrue(served.ok(), () -> errors(served));
        Document page = Jsoup.parse(Fixture.read(preview.resolve("so-a/tin-tuc/tin-con-nhap/index.html")));
        assertEquals("Tin còn nháp", page.selectFirst("main h1").text());
        assertTrue(page.selectFirst("main .banner-draft").text().startsWith("Bản nháp"), page.select("main").html());

        Path built = tmp.resolve("built");
        BuildResult r = build(f, built, MORNING, false);
        assertTrue(r.ok(), () -> errors(r));
        assertFalse(Files.exists(built.resolve("so-a/tin-tuc/tin-con-nhap/index.html")));
        assertFalse(anywhere(built, "Tin còn nháp"));
        assertFalse(anywhere(built, "banner-draft"));
    }

    @Test
    void placeholdersAreErrorsInABuildAndWarningsInAPreview() throws IOException {
        Fixture f = Fixture.standard(tmp.resolve("p")).write("content/so-a/tin-tuc/moi.md", Fixture.md(
                "title: Tin mới viết\ndate: 2026-03-01\nsummary: Tóm tắt.   # TODO: sửa", "Nội dung. TBD\n"));
        BuildResult r = build(f, tmp.resolve("built"), MORNING, false);
        assertFalse(r.ok());
        List<String> found = r.diagnostics().list().stream().map(Diagnostic::format).map(s -> s.lines().findFirst().get())
                .toList();
        assertEquals(List.of(
                "content/so-a/tin-tuc/moi.md:4:23: lỗi: còn chữ giữ chỗ 'TODO' từ mẫu của trang new: nội dung chưa được điền",
                "content/so-a/tin-tuc/moi.md:6:11: lỗi: còn chữ giữ chỗ 'TBD' từ mẫu của trang new: nội dung chưa được điền"),
                found.stream().filter(s -> s.contains("giữ chỗ")).toList(), () -> errors(r));

        Path preview = tmp.resolve("preview");
        BuildResult served = build(f, preview, MORNING, true);
        assertTrue(served.ok(), () -> errors(served));
        assertEquals(2, served.diagnostics().list().stream()
                .filter(d -> d.severity() == Severity.WARNING && d.format().contains("giữ chỗ")).count(), errors(served));
        assertTrue(Files.exists(preview.resolve("so-a/tin-tuc/tin-moi-viet/index.html")), "the preview shows the page");
    }

    @Test
    void aDraftsPlaceholdersAreNoErrorInABuild() {
        Fixture f = Fixture.standard(tmp.resolve("p")).write("content/so-a/tin-tuc/moi.md", Fixture.md(
                "title: Tin mới viết\ndate: 2026-03-01\nsummary: Tóm tắt.\ndraft: true", "Nội dung. TODO: sửa.\n"));
        BuildResult r = build(f, tmp.resolve("built"), MORNING, false);
        assertTrue(r.ok(), () -> errors(r));
    }

    @Test
    void theBuildListsWhatBecomesDueInSevenDays() {
        Fixture f = Fixture.standard(tmp.resolve("p"))
                .news("so-a", "a", "Tin đăng sau ba ngày", "2026-03-13", "publish_at: 2026-03-13 07:30")
                .news("so-a", "b", "Tin gỡ sau năm ngày", "2026-03-01", "unpublish_at: 2026-03-15 17:00")
                .news("so-a", "c", "Tin đăng sau mười ngày", "2026-03-20", "publish_at: 2026-03-20 07:30")
                .news("so-a", "d", "Tin nháp hẹn giờ", "2026-03-11", "publish_at: 2026-03-11 07:30", "draft: true")
                .news("so-a", "e", "Tin đã đăng", "2026-03-01", "publish_at: 2026-03-09 07:30");
        BuildResult r = build(f, tmp.resolve("out"), MORNING, false);
        assertTrue(r.ok(), () -> errors(r));
        assertEquals(List.of(
                new DueItem(LocalDateTime.of(2026, 3, 13, 7, 30), true, "content/so-a/tin-tuc/a.md",
                        "/so-a/tin-tuc/tin-dang-sau-ba-ngay/", "Tin đăng sau ba ngày"),
                new DueItem(LocalDateTime.of(2026, 3, 15, 17, 0), false, "content/so-a/tin-tuc/b.md",
                        "/so-a/tin-tuc/tin-go-sau-nam-ngay/", "Tin gỡ sau năm ngày")), r.due());
        assertTrue(r.dueSummary().startsWith("Lịch đăng trong 7 ngày tới (giờ Việt Nam):"), r.dueSummary());
        assertTrue(r.dueSummary().contains("2026-03-13 07:30  đăng   /so-a/tin-tuc/tin-dang-sau-ba-ngay/  (content/so-a/tin-tuc/a.md)"),
                r.dueSummary());
    }
}
