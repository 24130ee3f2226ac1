package vn.trang.procedure;

import java.util.ArrayList;
import java.util.List;

/**
 * Small inline SVG bar charts for statistics pages: no JavaScript, no fonts of their own (the
 * text inherits the page's system font), readable without the picture. The {@code <svg>} has
 * role="img", a {@code <title>} and a {@code <desc>} listing every value; each bar also has its
 * own {@code <title>}, and each value is printed as text beside its bar.
 *
 * <p>Print the result with {@code ?no_esc}: every text in it is escaped here.
 */
public final class SvgCharts {

    static final int WIDTH = 640;
    static final int LABEL_WIDTH = 250;
    static final int VALUE_WIDTH = 90;
    static final int ROW = 26;
    static final int BAR = 18;
    static final int TOP = 8;
    static final int MAX_LABEL = 38;

    private SvgCharts() {
    }

    /**
     * One bar.
     *
     * @param valueText what to print beside the bar, e.g. "819 (46%)"; the value when null
     */
    public record Bar(String label, long value, String valueText) {

        public Bar(String label, long value) {
            this(label, value, null);
        }

        String shown() {
            return valueText != null ? valueText : Long.toString(value);
        }
    }

    /** Bars of statistics rows, each showing "count (percent)". */
    public static List<Bar> bars(List<ProcedureStatistics.Row> rows) {
        List<Bar> out = new ArrayList<>(rows.size());
        for (ProcedureStatistics.Row r : rows) {
            out.add(new Bar(r.label(), r.count(), r.count() + " (" + r.percentLabel() + ")"));
        }
        return out;
    }

    /**
     * A horizontal bar chart.
     *
     * @param id    unique in the page; the ids of the title and description derive from it
     * @param title the chart's accessible name, e.g. "Thủ tục theo lĩnh vực"
     */
    public static String barChart(String id, String title, List<Bar> bars) {
        String safeId = id.replaceAll("[^A-Za-z0-9_-]", "-");
        long max = bars.stream().mapToLong(Bar::value).max().orElse(0);
        int height = TOP * 2 + Math.max(1, bars.size()) * ROW;
        int barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 16;
        StringBuilder desc = new StringBuilder();
        for (Bar b : bars) {
            if (!desc.isEmpty()) {
                desc.append("; ");
            }
            desc.append(b.label()).append(": ").append(b.shown());
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"stat-chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" aria-labelledby=\"").append(safeId).append("-title ").append(safeId)
                .append("-desc\">\n");
        sb.append("<title id=\"").append(safeId).append("-title\">").append(xml(title)).append("</title>\n");
        sb.append("<desc id=\"").append(safeId).append("-desc\">")
                .append(xml(bars.isEmpty() ? "Không có số liệu." : desc.toString())).append("</desc>\n");
        if (bars.isEmpty()) {
            sb.append("<text x=\"0\" y=\"").append(TOP + 17).append("\" font-size=\"13\">Không có số liệu.</text>\n");
        }
        int y = TOP;
        for (Bar b : bars) {
            long w = max == 0 ? 0 : Math.round((double) b.value() * barSpace / max);
            if (b.value() > 0 && w < 2) {
                w = 2;
            }
            int textY = y + BAR - 4;
            sb.append("<g>");
            sb.append("<title>").append(xml(b.label() + ": " + b.shown())).append("</title>");
            sb.append("<text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(textY)
                    .append("\" text-anchor=\"end\" font-size=\"13\">").append(xml(shorten(b.label()))).append("</text>");
            sb.append("<rect class=\"bar\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y).append("\" width=\"")
                    .append(w).append("\" height=\"").append(BAR).append("\" fill=\"#a61c1c\"/>");
            sb.append("<text x=\"").append(LABEL_WIDTH + w + 6).append("\" y=\"").append(textY)
                    .append("\" font-size=\"13\">").append(xml(b.shown())).append("</text>");
            sb.append("</g>\n");
            y += ROW;
        }
        sb.append("</svg>");
        return sb.toString();
    }

    /** Statistics rows as a chart whose bars read "count (percent)". */
    public static String barChart(String id, String title, List<ProcedureStatistics.Row> rows, boolean withPercent) {
        if (withPercent) {
            return barChart(id, title, bars(rows));
        }
        List<Bar> plain = new ArrayList<>();
        for (ProcedureStatistics.Row r : rows) {
            plain.add(new Bar(r.label(), r.count()));
        }
        return barChart(id, title, plain);
    }

    static String shorten(String label) {
        String one = label.strip().replaceAll("\\s+", " ");
        if (one.length() <= MAX_LABEL) {
            return one;
        }
        int cut = one.lastIndexOf(' ', MAX_LABEL - 1);
        return (cut > MAX_LABEL / 2 ? one.substring(0, cut) : one.substring(0, MAX_LABEL - 1)) + "…";
    }

    static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
