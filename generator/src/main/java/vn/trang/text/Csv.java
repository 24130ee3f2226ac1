package vn.trang.text;

import java.util.List;

/**
 * RFC 4180 CSV for open-data exports. Starts with a UTF-8 byte-order mark: without it the
 * spreadsheet programs officials use open Vietnamese text as mojibake.
 */
public final class Csv {

    private final StringBuilder sb = new StringBuilder(BOM);

    public Csv row(List<?> cells) {
        row(cells, sb);
        return this;
    }

    /** The byte-order mark every export starts with. */
    public static final String BOM = "\uFEFF";

    /** One row, for exports written as they are made (a province's is too big for one string). */
    public static void row(List<?> cells, StringBuilder sb) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object c = cells.get(i);
            sb.append(cell(c == null ? "" : c.toString()));
        }
        sb.append("\r\n");
    }

    static String cell(String v) {
        if (v.isEmpty()) {
            return v;
        }
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1))
                // Spreadsheet formula injection: a cell starting with = + - @ would run as a formula.
                || "=+-@".indexOf(v.charAt(0)) >= 0;
        if (!quote) {
            return v;
        }
        String body = "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        return '"' + body.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
