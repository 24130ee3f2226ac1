package vn.trang.cache;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Fixture;
import vn.trang.pipeline.BuildOptions;
import vn.trang.pipeline.BuildResult;
import vn.trang.pipeline.Builder;

/**
 * The schedule and the build cache: when an item's publish_at or unpublish_at passes, the next
 * incremental build (same output, same cache, no file changed) writes what a whole build with
 * the same clock writes, down to the pages that cite the item and the lists that show it. Drafts
 * built by a preview on the same cache do not leak into the next build.
 */
class ScheduledIncrementalTest {

    private static final LocalDateTime BEFORE = LocalDateTime.of(2026, 3, 10, 7, 59);
    private static final LocalDateTime AT = LocalDateTime.of(2026, 3, 10, 8, 0);
    private static final LocalDateTime TAKEN_DOWN = LocalDateTime.of(2026, 3, 20, 17, 0);

    private static BuildResult build(Fixture f, Path out, LocalDateTime now, boolean cache, boolean preview) {
        BuildResult r = new Builder().build(new BuildOptions(f.root, out, null, "default", 2)
                .withNow(now).withCache(cache).withDrafts(preview));
        assertTrue(r.ok(), () -> OutputTrees.errors(r));
        return r;
    }

    private static Fixture project(Path dir) {
        return Fixture.standard(dir)
                .document("so-a", "qd-01", "01/2026/QĐ-UBND", "Quyết định", "2026-03-09",
                        "publish_at: 2026-03-10 08:00", "unpublish_at: 2026-03-20 17:00")
                .news("so-a", "hen-gio", "Tin hẹn giờ", "2026-03-10 08:00", "publish_at: 2026-03-10 08:00")
                .news("so-a", "nhap", "Tin còn nháp", "2026-03-09", "draft: true")
                .write("content/so-a/tin-tuc/trien-khai.md", Fixture.md(
                        "title: Triển khai quyết định\ndate: 2026-03-09\nsummary: Triển khai.",
                        "Thực hiện Quyết định số 01/2026/QĐ-UBND của UBND tỉnh.\n"));
    }

    @Test
    void anItemWhoseTimeCameIsBuiltWithoutAnyFileChanged(@TempDir Path tmp) throws IOException {
        Fixture f = project(tmp.resolve("p"));
        Path out = tmp.resolve("public");
        build(f, out, BEFORE, true, false);
        assertFalse(Files.exists(out.resolve("so-a/tin-tuc/tin-hen-gio/index.html")));
        assertFalse(OutputTrees.anyFileContains(out, "href=\"/so-a/van-ban/01-2026-qd-ubnd/\""), "not linked yet");

        // a preview on the same cache, with the draft, then the same clock again: no draft left
        build(f, tmp.resolve("preview"), BEFORE, true, true);
        assertTrue(Files.exists(tmp.resolve("preview/so-a/tin-tuc/tin-con-nhap/index.html")));
        build(f, out, BEFORE, true, false);
        assertFalse(Files.exists(out.resolve("so-a/tin-tuc/tin-con-nhap/index.html")));
        OutputTrees.assertSameTree(full(f, tmp, "full-before", BEFORE), out, List.of("preview, then build"));

        build(f, out, AT, true, false);
        assertTrue(Files.exists(out.resolve("so-a/tin-tuc/tin-hen-gio/index.html")));
        assertTrue(OutputTrees.anyFileContains(out, "href=\"/so-a/van-ban/01-2026-qd-ubnd/\""), "the citation is linked");
        OutputTrees.assertSameTree(full(f, tmp, "full-at", AT), out, List.of("publish_at passed"));

        build(f, out, TAKEN_DOWN, true, false);
        assertFalse(Files.exists(out.resolve("so-a/van-ban/01-2026-qd-ubnd/index.html")));
        OutputTrees.assertSameTree(full(f, tmp, "full-down", TAKEN_DOWN), out, List.of("unpublish_at passed"));
    }

    private static Path full(Fixture f, Path tmp, String name, LocalDateTime now) {
        Path out = tmp.resolve(name);
        build(f, out, now, false, false);
        return out;
    }
}
