package vn.trang.pipeline;

import java.time.Duration;
import java.util.List;

import vn.trang.diag.Diagnostic;
import vn.trang.diag.Diagnostics;

/**
 * The outcome of a build.
 *
 * @param ok    true when the output was replaced; false leaves the previous output untouched
 * @param sites sites built
 * @param items content items parsed
 * @param files files written
 * @param unresolvedCitations numbers cited in text but not in the catalog (see the report)
 * @param note  what the build cache has to say (not used, started afresh…), or null
 * @param cacheWarnings damaged build-cache records that were dropped and computed again, one
 *                      warning per kind: about the build machine, not the content, so kept out of
 *                      {@code diagnostics} (and of the output's warnings report)
 * @param stages the stages that ended, in order ({@link Timings}): a failed build's last one is
 *               the stage before the one that stopped it
 * @param due    items that appear or are taken down within {@link Visibility#DUE_DAYS} days of the
 *               build's clock, soonest first
 */
public record BuildResult(boolean ok, Diagnostics diagnostics, int sites, int items, int files,
                          int unresolvedCitations, Duration took, String note, List<Diagnostic> cacheWarnings,
                          List<String> stages, List<DueItem> due) {

    public BuildResult {
        cacheWarnings = List.copyOf(cacheWarnings);
        stages = List.copyOf(stages);
        due = List.copyOf(due);
    }

    /** What becomes due in the next days, for the terminal: a heading and one line each; "" when nothing. */
    public String dueSummary() {
        if (due.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("Lịch đăng trong " + Visibility.DUE_DAYS + " ngày tới (giờ Việt Nam):")
                .append(System.lineSeparator());
        for (DueItem i : due) {
            sb.append(i.line()).append(System.lineSeparator());
        }
        return sb.toString();
    }

    /** The one-line summary printed at the end. */
    public String summary() {
        String head = ok ? "Xong: " + sites + " trang web, " + items + " bài, " + files + " tệp"
                + (unresolvedCitations > 0 ? ", " + unresolvedCitations + " trích dẫn chưa có trong danh mục ("
                + Builder.UNRESOLVED_REPORT + ")" : "")
                : "Thất bại: đầu ra cũ được giữ nguyên";
        return head + " — " + diagnostics.summary() + " — " + took.toMillis() + " ms";
    }
}
