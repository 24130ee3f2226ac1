package vn.trang.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;

/**
 * The build runs its stages in order and stops at the first one that reports an error, leaving
 * the output as it was: what {@link Builder} promises and {@link BuildResult#stages} records.
 */
class BuildStagesTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
    static final List<String> ALL = List.of("load", "parse", "link", "images", "plan+render", "files", "check", "index", "swap",
            "cache");

    @TempDir
    Path tmp;

    static BuildResult build(Fixture f, boolean cache) {
        return new Builder().build(new BuildOptions(f.root, f.out(), null, "default", 2, AS_OF).withCache(cache));
    }

    static Fixture project(Path dir, String body) {
        Fixture f = Fixture.standard(dir);
        f.news("so-a", "b", "Tin B", "2026-01-03");
        f.write("content/so-a/tin-tuc/a.md", Fixture.md("title: Tin A\ndate: 2026-01-02\nsummary: Thử.", body));
        return f;
    }

    @Test
    void everyStageRunsInOrderWithOrWithoutTheCache() {
        for (boolean cache : List.of(false, true, true)) {
            Fixture f = project(tmp, "Xem [tin B](/so-a/tin-tuc/tin-b/).\n");
            BuildResult r = build(f, cache);
            assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
            assertEquals(ALL, r.stages(), "cache " + cache);
        }
    }

    @Test
    void aParseErrorStopsTheBuildBeforeLinking() {
        Fixture f = project(tmp, "Nội dung.\n");
        f.write("content/so-a/tin-tuc/c.md", Fixture.md("title: Tin C\ndate: không phải ngày", "Nội dung.\n"));
        BuildResult r = build(f, false);
        assertFalse(r.ok());
        assertEquals(List.of("load"), r.stages(), () -> Diags.dump(r.diagnostics()));
        assertFalse(Files.exists(f.out()), "no output is made");
    }

    @Test
    void aBrokenLinkStopsTheBuildAtTheCheckAndKeepsTheOutput() throws Exception {
        Fixture f = project(tmp, "Xem [tin B](/so-a/tin-tuc/tin-b/).\n");
        assertTrue(build(f, false).ok());
        String before = Files.readString(f.out().resolve("so-a/tin-tuc/tin-a/index.html"));
        f.write("content/so-a/tin-tuc/a.md", Fixture.md("title: Tin A\ndate: 2026-01-02\nsummary: Thử.",
                "Xem [trang không có](/so-a/khong-co/).\n"));
        BuildResult r = build(f, false);
        assertFalse(r.ok());
        assertEquals(List.of("load", "parse", "link", "images", "plan+render", "files"), r.stages(),
                () -> Diags.dump(r.diagnostics()));
        assertEquals(before, Files.readString(f.out().resolve("so-a/tin-tuc/tin-a/index.html")));
    }
}
