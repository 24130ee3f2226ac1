package vn.trang.build;

import java.nio.file.Path;

/**
 * What to build.
 *
 * @param root    the project folder (holding sites/, content/, themes/)
 * @param out     the output folder; replaced only when the whole build succeeds
 * @param site    build only this site (and the shared assets), or null for all
 * @param theme   theme name under themes/
 * @param threads render threads
 */
public record BuildOptions(Path root, Path out, String site, String theme, int threads) {

    public static BuildOptions defaults(Path root, Path out) {
        return new BuildOptions(root, out, null, "default", Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public BuildOptions withSite(String id) {
        return new BuildOptions(root, out, id, theme, threads);
    }

    public BuildOptions withOut(Path dir) {
        return new BuildOptions(root, dir, site, theme, threads);
    }
}
