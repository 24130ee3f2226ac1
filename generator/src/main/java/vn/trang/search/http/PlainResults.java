package vn.trang.search.http;

import java.util.Map;

import vn.trang.index.OpenSearchDescription;
import vn.trang.search.Html;
import vn.trang.search.http.ResultsView.FacetLink;
import vn.trang.search.http.ResultsView.FacetView;
import vn.trang.search.http.ResultsView.HitView;
import vn.trang.search.http.ResultsView.ServiceLink;
import vn.trang.search.http.ResultsView.SuggestionsView;
import vn.trang.render.ViewModels.PageLink;

/**
 * The results page without a theme: plain, valid, accessible HTML for when the published theme
 * cannot draw one. Everything from the index or the query is escaped; snippets are already.
 */
final class PlainResults {

    private PlainResults() {
    }

    static String html(ResultsView v, Map<String, String> t) {
        StringBuilder sb = new StringBuilder(8 * 1024);
        String title = t.getOrDefault("search_title", "Tìm kiếm");
        sb.append("<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex\">\n<title>").append(esc(title))
                .append(v.query().isEmpty() ? "" : ": " + esc(v.query())).append("</title>\n</head>\n<body>\n<main>\n<h1>")
                .append(esc(title)).append("</h1>\n<form role=\"search\" action=\"").append(OpenSearchDescription.SEARCH_PATH)
                .append("\" method=\"get\">\n<label for=\"search-q\">").append(esc(t.getOrDefault("search_label", "Từ khóa")))
                .append("</label>\n<input id=\"search-q\" type=\"search\" name=\"q\" value=\"").append(esc(v.query()))
                .append("\">\n");
        if (v.siteId() != null) {
            sb.append("<input type=\"hidden\" name=\"site\" value=\"").append(esc(v.siteId())).append("\">\n");
        }
        sb.append("<button type=\"submit\">").append(esc(t.getOrDefault("search_button", "Tìm"))).append("</button>\n</form>\n");
        if (v.notice() != null) {
            sb.append("<p role=\"status\">").append(esc(v.notice())).append("</p>\n");
        }
        if (!v.query().isEmpty()) {
            String count = Long.toString(v.total());
            if (!v.totalExact()) {
                count = t.getOrDefault("search_about", "khoảng {count}").replace("{count}", count);
            }
            sb.append("<p>").append(esc(count)).append(' ').append(esc(t.getOrDefault("search_results", "kết quả"))).append("</p>\n");
        }
        suggestions(v, t, sb);
        sb.append("<ol>\n");
        for (HitView h : v.hits()) {
            sb.append("<li><h2><a href=\"").append(esc(h.url())).append("\">").append(esc(h.title())).append("</a></h2>\n<p>")
                    .append(esc(h.siteName() == null ? "" : h.siteName())).append(" · ").append(esc(h.typeLabel()))
                    .append("</p>\n<p>").append(h.snippet()).append("</p></li>\n");
        }
        sb.append("</ol>\n");
        for (FacetView f : v.facets()) {
            sb.append("<h2>").append(esc(f.title())).append("</h2>\n<ul>\n");
            for (FacetLink l : f.values()) {
                sb.append("<li><a href=\"").append(esc(l.url())).append("\"").append(l.selected() ? " aria-current=\"true\"" : "")
                        .append('>').append(esc(l.label())).append("</a> (").append(l.count()).append(")</li>\n");
            }
            sb.append("</ul>\n");
        }
        if (v.pagination().totalPages() > 1) {
            sb.append("<nav aria-label=\"").append(esc(t.getOrDefault("pagination", "Phân trang"))).append("\"><ul>\n");
            for (PageLink p : v.pagination().pages()) {
                sb.append("<li><a href=\"").append(esc(p.url())).append("\"").append(p.current() ? " aria-current=\"page\"" : "")
                        .append('>').append(p.number()).append("</a></li>\n");
            }
            sb.append("</ul></nav>\n");
        }
        return sb.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void suggestions(ResultsView v, Map<String, String> t, StringBuilder sb) {
        SuggestionsView s = v.suggestions();
        if (s == null) {
            return;
        }
        if (s.widerUrl() != null || s.respellingUrl() != null) {
            sb.append("<h2>").append(esc(t.getOrDefault("search_suggestions", "Có thể thử"))).append("</h2>\n<ul>\n");
        }
        if (s.widerUrl() != null) {
            sb.append("<li><a href=\"").append(esc(s.widerUrl())).append("\">")
                    .append(esc(t.getOrDefault("search_suggest_wider", "Tìm «{query}» trong toàn tỉnh ({count} kết quả)")
                            .replace("{query}", v.query()).replace("{count}", Long.toString(s.widerTotal()))))
                    .append("</a></li>\n");
        }
        if (s.respellingUrl() != null) {
            sb.append("<li><a href=\"").append(esc(s.respellingUrl())).append("\">")
                    .append(esc(t.getOrDefault("search_suggest_marks", "Tìm theo chữ có dấu: «{query}»")
                            .replace("{query}", s.respelling()))).append("</a></li>\n");
        }
        if (s.widerUrl() != null || s.respellingUrl() != null) {
            sb.append("</ul>\n");
        }
        if (!s.services().isEmpty()) {
            sb.append("<h2>").append(esc(t.getOrDefault("search_suggest_services", "Dịch vụ công được tìm nhiều nhất")))
                    .append("</h2>\n<ul>\n");
            for (ServiceLink l : s.services()) {
                sb.append("<li><a href=\"").append(esc(l.url())).append("\">").append(esc(l.title())).append("</a>")
                        .append(l.siteName() == null ? "" : " · " + esc(l.siteName())).append("</li>\n");
            }
            sb.append("</ul>\n");
        }
    }

    private static String esc(String s) {
        return Html.escape(s);
    }
}
