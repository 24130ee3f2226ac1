package vn.trang.search.http;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import freemarker.template.Template;

import vn.trang.index.OpenSearchDescription;
import vn.trang.index.SearchFields;
import vn.trang.model.Site;
import vn.trang.render.Layout;
import vn.trang.render.ViewModels.Crumb;
import vn.trang.render.ViewModels.PageInfo;
import vn.trang.render.ViewModels.PageLink;
import vn.trang.render.ViewModels.Pagination;
import vn.trang.search.SearchRequest;
import vn.trang.search.SearchResponse.Facet;
import vn.trang.search.SearchResponse.FacetValue;
import vn.trang.search.SearchResponse.Hit;
import vn.trang.search.SearchResponse;
import vn.trang.search.SearchService;
import vn.trang.search.SiteLayout;
import vn.trang.search.Suggestions;
import vn.trang.search.TypeLabels;
import vn.trang.search.http.ResultsView.FacetLink;
import vn.trang.search.http.ResultsView.FacetView;
import vn.trang.search.http.ResultsView.FilterView;
import vn.trang.search.http.ResultsView.HitView;
import vn.trang.search.http.ResultsView.ServiceLink;
import vn.trang.search.http.ResultsView.SuggestionsView;
import vn.trang.text.DateFormats;

/**
 * The results page: {@code search.ftlh} of the published theme, inside the layout of the site
 * searched (its header, menu and footer; the portal's for a whole-province search), so a unit's
 * search looks like the rest of the unit's site. When the theme cannot render it (a broken
 * override, a publish without a layout) the page falls back to {@link PlainResults}: a search
 * never ends in an error page.
 */
final class ResultsPage {

    static final String TEMPLATE = "search.ftlh";

    private final DateFormats fmt = new DateFormats();
    private final Consumer<String> log;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    ResultsPage(Consumer<String> log) {
        this.log = log;
    }

    String render(SearchService.Results results) {
        SearchResponse response = results.response();
        Map<String, String> t = strings(results);
        ResultsView view = view(response, t, results);
        if (results.layout().isPresent() && results.theme() != null && results.sites().portal() != null) {
            try {
                SiteLayout layout = results.layout().get();
                SearchView model = model(layout, results.sites().portal(), view, t, fmt);
                Template template = results.theme().configuration(layout.site()).getTemplate(TEMPLATE);
                StringWriter out = new StringWriter(16 * 1024);
                template.process(model, out);
                return out.toString();
            } catch (Exception e) {
                String problem = "trang search: không tạo được trang kết quả bằng giao diện: " + firstLine(e.getMessage());
                if (reported.add(problem)) {
                    log.accept(problem);
                }
            }
        }
        return PlainResults.html(view, t);
    }

    private static SearchView model(SiteLayout layout, Site portal, ResultsView view, Map<String, String> t,
                                    DateFormats fmt) {
        Site site = layout.site();
        String title = view.query().isEmpty() ? t.getOrDefault("search_title", "Tìm kiếm")
                : t.getOrDefault("search_results_for", "Kết quả tìm kiếm: {query}").replace("{query}", view.query());
        List<Crumb> crumbs = new ArrayList<>();
        crumbs.add(new Crumb(t.getOrDefault("home", "Trang chủ"), portal.path()));
        if (!site.portal()) {
            crumbs.add(new Crumb(site.name(), site.path()));
        }
        crumbs.add(new Crumb(t.getOrDefault("search_title", "Tìm kiếm"), null));
        // No canonical URL: result pages are not for search engines (the service also says noindex).
        PageInfo page = new PageInfo(title, null, OpenSearchDescription.SEARCH_PATH, null, "search", null, null);
        return new SearchView(new Layout(site, portal, layout.parent(), layout.nav(), crumbs, page, t, fmt,
                layout.assets(), layout.lang(), layout.generator(), List.of(), null, site.path()), view);
    }

    static ResultsView view(SearchResponse r, Map<String, String> t, SearchService.Results results) {
        SearchRequest req = r.request();
        String siteId = req.filters().get(SearchFields.SITE);
        boolean unit = siteId != null && results.sites().isUnit(siteId);
        String scope = unit ? results.sites().name(siteId).orElse(siteId) : null;
        List<HitView> hits = new ArrayList<>();
        for (Hit h : r.hits()) {
            hits.add(new HitView(h.url(), h.title(), h.siteName(), h.type(),
                    TypeLabels.label(t, h.type()), date(h.date()), h.number(), h.code(),
                    h.snippet()));
        }
        List<FacetView> facets = new ArrayList<>();
        List<FilterView> filters = new ArrayList<>();
        for (Facet f : r.facets()) {
            String title = t.getOrDefault("search_facet_" + f.name(), f.name());
            List<FacetLink> links = new ArrayList<>();
            for (FacetValue v : f.values()) {
                SearchRequest target = req.withFilter(f.name(), v.selected() ? null : v.value());
                // Types in the page's language (the engine labels facets in Vietnamese).
                String label = f.name().equals(SearchFields.TYPE) ? TypeLabels.label(t, v.value()) : v.label();
                links.add(new FacetLink(label, v.count(), SearchUrls.of(target), v.selected()));
                if (v.selected()) {
                    filters.add(new FilterView(title, label, SearchUrls.of(target)));
                }
            }
            facets.add(new FacetView(f.name(), title, links));
        }
        boolean byDate = req.sort() == SearchRequest.Order.DATE;
        return new ResultsView(r.query(), siteId, scope, unit ? SearchUrls.wholeProvince(req) : null, r.total(), hits,
                facets, filters, byDate, SearchUrls.of(req.withSort(SearchRequest.Order.RELEVANCE)),
                SearchUrls.of(req.withSort(SearchRequest.Order.DATE)), pagination(r), r.truncated(), r.notice(),
                r.tookMs(), r.totalExact(), r.facetsExact(), suggestions(results.suggestions()));
    }

    private static SuggestionsView suggestions(Suggestions s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        return new SuggestionsView(s.wider() == null ? null : SearchUrls.of(s.wider()), s.widerTotal(), s.respelling(),
                s.respelled() == null ? null : SearchUrls.of(s.respelled()),
                s.services().stream().map(v -> new ServiceLink(v.url(), v.title(), v.siteName())).toList());
    }

    private static Pagination pagination(SearchResponse r) {
        SearchRequest req = r.request();
        int pages = r.totalPages();
        int page = Math.min(req.page(), pages);
        List<PageLink> links = new ArrayList<>();
        for (int i = 1; i <= pages; i++) {
            // The window list pages use: first, last and two either side of the current one.
            if (i == 1 || i == pages || Math.abs(i - page) <= 2) {
                links.add(new PageLink(i, SearchUrls.of(req.withPage(i)), i == page));
            }
        }
        return new Pagination(page, pages, (int) Math.min(Integer.MAX_VALUE, r.total()),
                page > 1 ? SearchUrls.of(req.withPage(page - 1)) : null,
                page < pages ? SearchUrls.of(req.withPage(page + 1)) : null, links);
    }

    private static LocalDate date(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Map<String, String> strings(SearchService.Results results) {
        if (results.theme() == null) {
            return Map.of();
        }
        try {
            String lang = results.layout().map(SiteLayout::lang).orElse("vi");
            return results.theme().messages(lang).asMap();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.strip().lines().findFirst().orElse("");
    }
}
