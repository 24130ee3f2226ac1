package vn.trang.pipeline;

import java.nio.file.Path;
import java.time.LocalDate;

import vn.trang.render.SitePlanner;
import vn.trang.text.DateFormats;

/**
 * What to build.
 *
 * @param root    the project folder (holding sites/, content/, themes/)
 * @param out     the output folder; replaced only when the whole build succeeds
 * @param site    build only this site (and the shared assets), or null for all
 * @param theme   theme name under themes/
 * @param threads render threads
 * @param asOf    the date validity is derived for (today in Vietnam unless overridden)
 * @param reviewDays procedures not updated for longer are listed for review
 * @param cache   use and update the build cache in {@code .trang-cache/}; the CLI does by
 *                default, other callers ask for it
 * @param since   with the cache: trust content files Git says are unchanged since this revision
 *                (the cache must come from a build of it), or null
 * @param progress told of each stage and page, for a progress line
 */
public record BuildOptions(Path root, Path out, String site, String theme, int threads, LocalDate asOf,
                           int reviewDays, boolean cache, String since, Progress progress) {

    public BuildOptions {
        progress = progress == null ? Progress.NONE : progress;
    }

    public BuildOptions(Path root, Path out, String site, String theme, int threads) {
        this(root, out, site, theme, threads, LocalDate.now(DateFormats.VIETNAM), SitePlanner.DEFAULT_REVIEW_DAYS);
    }

    public BuildOptions(Path root, Path out, String site, String theme, int threads, LocalDate asOf) {
        this(root, out, site, theme, threads, asOf, SitePlanner.DEFAULT_REVIEW_DAYS);
    }

    public BuildOptions(Path root, Path out, String site, String theme, int threads, LocalDate asOf, int reviewDays) {
        this(root, out, site, theme, threads, asOf, reviewDays, false, null, Progress.NONE);
    }

    public BuildOptions withReviewDays(int days) {
        return new BuildOptions(root, out, site, theme, threads, asOf, days, cache, since, progress);
    }

    public static BuildOptions defaults(Path root, Path out) {
        return new BuildOptions(root, out, null, "default", Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public BuildOptions withSite(String id) {
        return new BuildOptions(root, out, id, theme, threads, asOf, reviewDays, cache, since, progress);
    }

    public BuildOptions withAsOf(LocalDate date) {
        return new BuildOptions(root, out, site, theme, threads, date, reviewDays, cache, since, progress);
    }

    public BuildOptions withThreads(int n) {
        return new BuildOptions(root, out, site, theme, n, asOf, reviewDays, cache, since, progress);
    }

    public BuildOptions withCache(boolean on) {
        return new BuildOptions(root, out, site, theme, threads, asOf, reviewDays, on, since, progress);
    }

    public BuildOptions withSince(String rev) {
        return new BuildOptions(root, out, site, theme, threads, asOf, reviewDays, cache, rev, progress);
    }

    public BuildOptions withProgress(Progress p) {
        return new BuildOptions(root, out, site, theme, threads, asOf, reviewDays, cache, since, p);
    }
}
