package vn.trang.pipeline;

/**
 * A stage reported an error and the build stops there. The error itself is in the build's
 * {@code Diagnostics} (with its file and line); this only unwinds to the {@link Builder}, which
 * leaves the output as it was.
 */
final class BuildFailed extends Exception {

    BuildFailed() {
        super(null, null, false, false);
    }
}
