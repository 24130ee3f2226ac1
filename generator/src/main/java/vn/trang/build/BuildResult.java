package vn.trang.build;

import java.time.Duration;

import vn.trang.diag.Diagnostics;

/**
 * The outcome of a build.
 *
 * @param ok    true when the output was replaced; false leaves the previous output untouched
 * @param sites sites built
 * @param items content items parsed
 * @param files files written
 */
public record BuildResult(boolean ok, Diagnostics diagnostics, int sites, int items, int files, Duration took) {

    /** The one-line summary printed at the end. */
    public String summary() {
        String head = ok ? "Xong: " + sites + " trang web, " + items + " bài, " + files + " tệp"
                : "Thất bại: đầu ra cũ được giữ nguyên";
        return head + " — " + diagnostics.summary() + " — " + took.toMillis() + " ms";
    }
}
