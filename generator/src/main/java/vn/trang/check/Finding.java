package vn.trang.check;

/**
 * One problem found in the built site.
 *
 * @param page   the output page, e.g. {@code so-tai-chinh/tin-tuc/abc/index.html}
 * @param source the content file the page comes from, when known, else null
 * @param line   line in {@code source} (or in the page when there is no source), 0 when unknown
 * @param error  errors fail {@code trang check}; the rest are reported
 */
public record Finding(String page, String source, int line, int column, boolean error, String rule, String message) {

    /** {@code file:line:col: lỗi: [rule] message (trang: page)}. */
    public String format() {
        String where = source != null ? source : page;
        StringBuilder sb = new StringBuilder(where);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ").append(error ? "lỗi" : "cảnh báo").append(": [").append(rule).append("] ").append(message);
        if (source != null) {
            sb.append(" (trang /").append(page.replaceFirst("index\\.html$", "")).append(')');
        }
        // quotes content (link targets, file names): never raw control characters on a terminal
        return vn.trang.text.ControlChars.escape(sb.toString());
    }
}
