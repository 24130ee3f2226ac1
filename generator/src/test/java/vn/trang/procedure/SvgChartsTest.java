package vn.trang.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** Inline SVG bar charts: accessible, self-contained, escaped, proportional. */
class SvgChartsTest {

    static Element svg(String markup) {
        Document doc = Jsoup.parse(markup, "", Parser.xmlParser());
        return doc.selectFirst("svg");
    }

    @Test
    void accessibleAndSelfContained() {
        String markup = SvgCharts.barChart("so-level", "Thủ tục theo mức độ",
                List.of(new SvgCharts.Bar("Toàn trình", 30), new SvgCharts.Bar("Một phần", 10)));
        Element svg = svg(markup);
        assertEquals("img", svg.attr("role"));
        assertEquals("so-level-title so-level-desc", svg.attr("aria-labelledby"));
        assertEquals("Thủ tục theo mức độ", svg.selectFirst("> title").text());
        assertEquals("Toàn trình: 30; Một phần: 10", svg.selectFirst("> desc").text());
        assertEquals("so-level-title", svg.selectFirst("> title").id());
        List<String> texts = svg.select("text").eachText();
        assertEquals(List.of("Toàn trình", "30", "Một phần", "10"), texts, "labels and values are text");
        assertFalse(markup.contains("<script"));
        assertFalse(markup.contains("@import") || markup.contains("font-face") || markup.contains("href"), "nothing external");
    }

    @Test
    void barsAreProportional() {
        Element svg = svg(SvgCharts.barChart("c", "T", List.of(new SvgCharts.Bar("A", 40), new SvgCharts.Bar("B", 10),
                new SvgCharts.Bar("C", 0), new SvgCharts.Bar("D", 1))));
        List<Integer> widths = svg.select("rect.bar").eachAttr("width").stream().map(Integer::valueOf).toList();
        assertEquals(4, widths.size());
        assertEquals(widths.get(0) / 4, widths.get(1), 1);
        assertEquals(0, widths.get(2));
        assertTrue(widths.get(3) >= 2, "a small non-zero value stays visible");
        int height = Integer.parseInt(svg.attr("height"));
        assertTrue(height >= 4 * SvgCharts.ROW, "one row per bar");
        assertTrue(svg.attr("viewBox").endsWith(" " + height));
    }

    @Test
    void textIsEscapedAndLongLabelsShortened() {
        String label = "Thành lập & hoạt động của <doanh nghiệp> \"xã hội\" trong lĩnh vực văn hóa, thể thao và du lịch";
        String markup = SvgCharts.barChart("x y", "Lĩnh vực <1>", List.of(new SvgCharts.Bar(label, 5, "5 (100%)")));
        assertFalse(markup.contains("<doanh"));
        assertTrue(markup.contains("&lt;doanh nghiệp&gt;"));
        assertTrue(markup.contains("id=\"x-y-title\""), "the id is made safe");
        Element svg = svg(markup);
        String shown = svg.selectFirst("g > text").text();
        assertTrue(shown.endsWith("…") && shown.length() <= SvgCharts.MAX_LABEL, shown);
        assertEquals(label + ": 5 (100%)", svg.selectFirst("g > title").text(), "the full label stays available");
    }

    @Test
    void fromStatisticsRows() {
        ProcedureStatistics s = ProcedureStatistics.of(ProcedureStatisticsTest.sample());
        Element svg = svg(SvgCharts.barChart("fields", "Thủ tục theo lĩnh vực", s.byField(), true));
        assertEquals("2 (33,3%)", svg.select("g").get(0).select("text").get(1).text());
        Element plain = svg(SvgCharts.barChart("fields", "Thủ tục theo lĩnh vực", s.byField(), false));
        assertEquals("2", plain.select("g").get(0).select("text").get(1).text());
    }

    @Test
    void noData() {
        Element svg = svg(SvgCharts.barChart("e", "Trống", List.of()));
        assertEquals("Không có số liệu.", svg.selectFirst("desc").text());
        assertEquals(0, svg.select("rect").size());
    }
}
