package vn.trang.pipeline;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;

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
 * @param now     the build's clock, Vietnam time: items scheduled later ({@code publish_at}) or
 *                taken down earlier ({@code unpublish_at}) are left out; {@code asOf} at 00:00
 *                unless set
 * @param drafts  a preview ({@code trang serve}): drafts are built (marked "Bản nháp") and
 *                placeholders left in a file are warnings, not errors
 * @param editorBackend the address of the editing backend the sites' editors use
 *                ({@code trang serve --edit}: decap-server on this machine), or null for Decap's
 *                default local one
 */
public record BuildOptions(Path root, Path out, String site, String theme, int threads, LocalDate asOf,
                           int reviewDays, boolean cache, String since, Progress progress, LocalDateTime now,
                           boolean drafts, String editorBackend) {

    public BuildOptions {
        progress = progress == null ? Progress.NONE : progress;
        now = now == null ? asOf.atStartOfDay() : now;
    }

    /** Without an editing backend (the sites' editors use Decap's default local one). */
    public BuildOptions(Path root, Path out, String site, String theme, int threads, LocalDate asOf,
                        int reviewDays, boolean cache, String since, Progress progress, LocalDateTime now,
                        boolean drafts) {
        this(root, out, site, theme, threads, asOf, reviewDays, cache, since, progress, now, drafts, null);
    }

    public BuildOptions(Path root, Path out, String site, String theme, int threads) {
        this(root, out, site, theme, threads, LocalDate.now(DateFormats.VIETNAM), SitePlanner.DEFAULT_REVIEW_DAYS, false,
                null, Progress.NONE, LocalDateTime.now(DateFormats.VIETNAM), false, null);
    }

    public BuildOptions(Path root, Path out, String site, String theme, int threads, LocalDate asOf) {
        this(root, out, site, theme, threads, asOf, SitePlanner.DEFAULT_REVIEW_DAYS);
    }

    public BuildOptions(Path root, Path out, String site, String theme, int threads, LocalDate asOf, int reviewDays) {
        this(root, out, site, theme, threads, asOf, reviewDays, false, null, Progress.NONE, null, false, null);
    }

    public BuildOptions withReviewDays(int days) {
        return new BuildOptions(root, out, site, theme, threads, asOf, days, cache, since, progress, now, drafts, editorBackend);
    }

    public static BuildOptions defaults(Path root, Path out) {
        return new BuildOptions(root, out, null, "default", Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public BuildOptions withSite(String id) {
        return new BuildOptions(root, out, id, theme, threads, asOf, reviewDays, cache, since, progress, now, drafts, editorBackend);
    }

    /** Validity derived for {@code date}, and the schedule's clock at its start. */
    public BuildOptions withAsOf(LocalDate date) {
        return new BuildOptions(root, out, site, theme, threads, date, reviewDays, cache, since, progress,
                date.atStartOfDay(), drafts, editorBackend);
    }

    /** The schedule's clock ({@code --now}), and validity derived for its day. */
    public BuildOptions withNow(LocalDateTime time) {
        return new BuildOptions(root, out, site, theme, threads, time.toLocalDate(), reviewDays, cache, since, progress,
                time, drafts, editorBackend);
    }

    /** A preview's build: drafts shown, placeholders only warned of. */
    public BuildOptions withDrafts(boolean on) {
        return new BuildOptions(root, out, site, theme, threads, asOf, reviewDays, cache, since, progress, now, on, editorBackend);
    }

    public BuildOptions withThreads(int n) {
        return new BuildOptions(root, out, site, theme, n, asOf, reviewDays, cache, since, progress, now, drafts, editorBackend);
    }

    public BuildOptions withCache(boolean on) {
        return new BuildOptions(root, out, site, theme, threads, asOf, reviewDays, on, since, progress, now, drafts, editorBackend);
    }

    public BuildOptions withSince(String rev) {
        return new BuildOptions(root, out, site, theme, threads, asOf, reviewDays, cache, rev, progress, now, drafts, editorBackend);
    }

    public BuildOptions withProgress(Progress p) {
        return new BuildOptions(root, out, site, theme, threads, asOf, reviewDays, cache, since, p, now, drafts, editorBackend);
    }

    /** The sites' editors save through the backend at {@code url} ({@code trang serve --edit}). */
    public BuildOptions withEditorBackend(String url) {
        return new BuildOptions(root, out, site, theme, threads, asOf, reviewDays, cache, since, progress, now, drafts, url);
    }
}
