package vn.trang.build;

import java.nio.file.Path;
import java.time.LocalDate;

import vn.trang.render.DateFormats;
import vn.trang.render.SitePlanner;

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
 */
public record BuildOptions(Path root, Path out, String site, String theme, int threads, LocalDate asOf,
                           int reviewDays) {

    public BuildOptions(Path root, Path out, String site, String theme, int threads) {
        this(root, out, site, theme, threads, LocalDate.now(DateFormats.VIETNAM), SitePlanner.DEFAULT_REVIEW_DAYS);
    }

    public BuildOptions(Path root, Path out, String site, String theme, int threads, LocalDate asOf) {
        this(root, out, site, theme, threads, asOf, SitePlanner.DEFAULT_REVIEW_DAYS);
    }

    public BuildOptions withReviewDays(int days) {
        return new BuildOptions(root, out, site, theme, threads, asOf, days);
    }

    public static BuildOptions defaults(Path root, Path out) {
        return new BuildOptions(root, out, null, "default", Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public BuildOptions withSite(String id) {
        return new BuildOptions(root, out, id, theme, threads, asOf, reviewDays);
    }

    public BuildOptions withOut(Path dir) {
        return new BuildOptions(root, dir, site, theme, threads, asOf, reviewDays);
    }

    public BuildOptions withAsOf(LocalDate date) {
        return new BuildOptions(root, out, site, theme, threads, date, reviewDays);
    }
}
