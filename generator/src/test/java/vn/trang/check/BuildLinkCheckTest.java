package vn.trang.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.cache.BuildCache;
import vn.trang.diag.Diagnostic;
import vn.trang.pipeline.BuildOptions;
import vn.trang.pipeline.BuildResult;
import vn.trang.pipeline.Builder;

/**
 * {@code trang build} itself fails on a broken internal link, a missing anchor or a link
 * to a missing file, at the content file and line, and leaves the last output as it was — built
 * whole or updated in place, and when the page linked to is deleted while the linking page is
 * kept from the last build.
 */
class BuildLinkCheckTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
    static final String NEWS = "content/so-a/tin-tuc/a.md";

    @TempDir
    Path tmp;

    static BuildResult build(Fixture f, boolean cache) {
        return new Builder().build(new BuildOptions(f.root, f.out(), null, "default", 2, AS_OF).withCache(cache));
    }

    /** A project whose news links to a page, an anchor on another page, and an attachment: all there. */
    static Fixture project(Path dir, String line5) {
        Fixture f = Fixture.standard(dir);
        f.news("so-a", "b", "Tin B", "2026-01-03");
        f.write("content/so-a/trang/gioi-thieu.md", Fixture.md("title: Giới thiệu", "## Lịch sử\n\nNội dung.\n"));
        f.bytes("content/so-a/tin-tuc/tai-lieu.pdf", new byte[] {'%', 'P', 'D', 'F'});
        f.write(NEWS, Fixture.md("title: Tin A\ndate: 2026-01-02\nsummary: Thử.",       // lines 1-5
                "Xem [tin B](/so-a/tin-tuc/tin-b/).\n\n"                                     // 6
                        + line5 + "\n\n"                                                     // 8
                        + "Tải [tài liệu](tai-lieu.pdf), đọc [lịch sử](/so-a/gioi-thieu/#lich-su).\n")); // 10
        return f;
    }

    @Test
    void cleanLinksBuild() {
        Fixture f = project(tmp, "Đến [trang chủ](/so-a/) và [tìm kiếm](/tim-kiem?q=a), [ngoài](https://vbpl.vn/x).");
        BuildResult r = build(f, false);
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        assertEquals(0, r.diagnostics().warningCount(), () -> Diags.dump(r.diagnostics()));
    }

    @ParameterizedTest(name = "{0}, cache {3}")
    @CsvSource(delimiter = '|', value = {
        "Xem [trang không có](/so-a/khong-co/). | 8 | liên kết hỏng: /so-a/khong-co/ | false",
        "Xem [mục không có](/so-a/gioi-thieu/#khong-co). | 8 | neo #khong-co không có trong trang /so-a/gioi-thieu/ | false",
        "Tải [văn bản](van-ban-thieu.pdf). | 8 | liên kết hỏng: /so-a/tin-tuc/van-ban-thieu.pdf | false",
        "Xem [trang không có](../khong-co/). | 8 | liên kết hỏng: /so-a/khong-co/ | true",
        "Xem [mục không có](/so-a/gioi-thieu/#khong-co). | 8 | neo #khong-co | true",
        "Tải [văn bản](van-ban-thieu.pdf). | 8 | /so-a/tin-tuc/van-ban-thieu.pdf | true",
    })
    void aBrokenLinkFailsTheBuildAtItsLineAndKeepsTheOutput(String line, int lineNo, String message, boolean cache)
            throws IOException {
        Fixture f = project(tmp, "Đến [trang chủ](/so-a/).");
        BuildResult first = build(f, cache);
        assertTrue(first.ok(), () -> Diags.dump(first.diagnostics()));
        Map<String, String> before = snapshot(f.out());

        f.write(NEWS, Fixture.read(f.path(NEWS)).replace("Đến [trang chủ](/so-a/).", line));
        BuildResult r = build(f, cache);
        assertFalse(r.ok(), "the build fails");
        List<Diagnostic> errors = r.diagnostics().list().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), () -> Diags.dump(r.diagnostics()));
        Diagnostic e = errors.get(0);
        assertEquals(NEWS, e.file(), e::format);
        assertEquals(lineNo, e.line(), e::format);
        assertTrue(e.column() > 0, e::format);
        assertTrue(e.message().contains(message), e::format);
        assertTrue(e.message().contains("/so-a/tin-tuc/tin-a/"), "names the page: " + e.format());
        assertEquals(before, snapshot(f.out()), "the output is as it was");
        assertNoStaging(f);

        // fixed: builds again
        f.write(NEWS, Fixture.read(f.path(NEWS)).replace(line, "Đến [trang chủ](/so-a/)."));
        BuildResult fixed = build(f, cache);
        assertTrue(fixed.ok(), () -> Diags.dump(fixed.diagnostics()));
    }

    @Test
    void deletingAPageOthersLinkToFailsAnIncrementalBuild() throws IOException {
        Fixture f = project(tmp, "Đến [trang chủ](/so-a/).");
        // a standing page links to the news too: unchanged, it is kept from the last build unrendered
        f.write("content/so-a/trang/lien-he.md", Fixture.md("title: Liên hệ", "Đọc [tin B](/so-a/tin-tuc/tin-b/) trước.\n"));
        assertTrue(build(f, true).ok());
        BuildResult again = build(f, true);
        assertTrue(again.ok(), () -> Diags.dump(again.diagnostics()));
        assertTrue(Files.isRegularFile(f.root.resolve(BuildCache.FOLDER).resolve(InternalLinks.STORE)));
        Map<String, String> before = snapshot(f.out());

        f.delete("content/so-a/tin-tuc/b.md");
        BuildResult r = build(f, true);
        assertFalse(r.ok());
        List<Diagnostic> errors = r.diagnostics().list().stream().filter(Diagnostic::isError).toList();
        assertTrue(errors.stream().anyMatch(e -> e.file().equals("content/so-a/trang/lien-he.md") && e.line() == 4
                && e.message().contains("/so-a/tin-tuc/tin-b/")), () -> Diags.dump(r.diagnostics()));
        assertTrue(errors.stream().anyMatch(e -> e.file().equals(NEWS) && e.line() == 6), () -> Diags.dump(r.diagnostics()));
        assertEquals(before, snapshot(f.out()), "the output is as it was");
        assertNoStaging(f);
    }

    @Test
    void oneSiteBuildChecksOnlyItsOwnLinks() {
        Fixture f = project(tmp, "Đến [xã B](/xa-b/khong-co/).");
        BuildResult all = build(f, false);
        assertFalse(all.ok(), "the whole province has no such page");
        BuildResult one = new Builder().build(new BuildOptions(f.root, f.out(), null, "default", 2, AS_OF).withSite("so-a"));
        assertTrue(one.ok(), () -> Diags.dump(one.diagnostics()));
        f.write(NEWS, Fixture.read(f.path(NEWS)).replace("/xa-b/khong-co/", "/so-a/khong-co/"));
        BuildResult own = new Builder().build(new BuildOptions(f.root, f.out(), null, "default", 2, AS_OF).withSite("so-a"));
        assertFalse(own.ok(), "a broken link into the site built");
    }

    @Test
    void theThemeDeclaresDynamicPaths() {
        Fixture f = project(tmp, "Gửi [góp ý](/gop-y/gui?chu-de=1).");
        assertFalse(build(f, false).ok());
        f.write("themes/default/" + LinkTargets.DYNAMIC_FILE, "# served by the web server\n/gop-y/\n");
        BuildResult r = build(f, false);
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
    }

    /** Every file's bytes and time. */
    static Map<String, String> snapshot(Path out) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                m.put(out.relativize(p).toString(), a.lastModifiedTime() + " " + java.util.Arrays.hashCode(Files.readAllBytes(p)));
            }
        }
        return m;
    }

    static void assertNoStaging(Fixture f) throws IOException {
        try (Stream<Path> s = Files.list(f.out().getParent())) {
            List<String> left = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") && n.contains("public")).toList();
            assertEquals(List.of(), left, "no staging folder left");
        }
    }
}
