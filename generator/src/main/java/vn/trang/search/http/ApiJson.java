package vn.trang.search.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.trang.search.SearchResponse;
import vn.trang.search.SearchResponse.Facet;
import vn.trang.search.SearchResponse.FacetValue;
import vn.trang.search.SearchResponse.Hit;
import vn.trang.search.SearchService;
import vn.trang.search.Suggestions;
import vn.trang.text.Json;

/**
 * The JSON of {@code GET /api/search} (docs/SEARCH.md, "API"). Maps are the serialisation
 * boundary here, as they are the template boundary elsewhere. Snippets are HTML: escaped text
 * with the matches in {@code <mark>}.
 */
final class ApiJson {

    private ApiJson() {
    }

    static String of(SearchResponse r) {
        return of(r, Suggestions.NONE);
    }

    /** With {@code suggestions} when a search found nothing (absent otherwise). */
    static String of(SearchResponse r, Suggestions suggestions) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("query", r.query());
        m.put("total", r.total());
        m.put("total_exact", r.totalExact());
        m.put("page", r.request().page());
        m.put("size", r.request().size());
        m.put("pages", r.totalPages());
        m.put("sort", r.request().sort() == vn.trang.search.SearchRequest.Order.DATE ? "date" : "relevance");
        m.put("filters", r.request().filters());
        m.put("took_ms", r.tookMs());
        if (!r.facetsExact()) {
            m.put("facets_exact", false);
        }
        if (r.truncated()) {
            m.put("truncated", true);
        }
        if (r.notice() != null) {
            m.put("notice", r.notice());
        }
        List<Object> hits = new ArrayList<>(r.hits().size());
        for (Hit h : r.hits()) {
            Map<String, Object> hit = new LinkedHashMap<>();
            hit.put("url", h.url());
            hit.put("title", h.title());
            hit.put("site", h.site());
            hit.put("site_name", h.siteName());
            hit.put("type", h.type());
            hit.put("date", h.date());
            if (h.number() != null) {
                hit.put("number", h.number());
            }
            if (h.code() != null) {
                hit.put("code", h.code());
            }
            hit.put("snippet", h.snippet());
            hits.add(hit);
        }
        m.put("hits", hits);
        Map<String, Object> facets = new LinkedHashMap<>();
        for (Facet f : r.facets()) {
            List<Object> values = new ArrayList<>(f.values().size());
            for (FacetValue v : f.values()) {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("value", v.value());
                value.put("label", v.label());
                value.put("count", v.count());
                if (v.selected()) {
                    value.put("selected", true);
                }
                values.add(value);
            }
            facets.put(f.name(), values);
        }
        m.put("facets", facets);
        if (!suggestions.isEmpty()) {
            m.put("suggestions", suggestions(suggestions));
        }
        return Json.write(m);
    }

    /** Links as the page has them: paths of this service, or the items' own URLs. */
    private static Map<String, Object> suggestions(Suggestions s) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (s.wider() != null) {
            Map<String, Object> wider = new LinkedHashMap<>();
            wider.put("url", SearchUrls.of(s.wider()));
            wider.put("total", s.widerTotal());
            m.put("without_site", wider);
        }
        if (s.respelled() != null) {
            Map<String, Object> spelt = new LinkedHashMap<>();
            spelt.put("query", s.respelling());
            spelt.put("url", SearchUrls.of(s.respelled()));
            m.put("with_marks", spelt);
        }
        List<Object> services = new ArrayList<>();
        for (Suggestions.Service v : s.services()) {
            Map<String, Object> service = new LinkedHashMap<>();
            service.put("url", v.url());
            service.put("title", v.title());
            service.put("site_name", v.siteName());
            services.add(service);
        }
        m.put("services", services);
        return m;
    }

    static String health(SearchService.Health h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", h.ready() ? "ok" : "unavailable");
        m.put("docs", Math.max(0, h.docs()));
        Map<String, Object> cache = new LinkedHashMap<>();
        cache.put("entries", h.cacheEntries());
        cache.put("hits", h.cacheHits());
        cache.put("misses", h.cacheMisses());
        m.put("cache", cache);
        if (h.problem() != null) {
            m.put("problem", h.problem());
        }
        return Json.write(m);
    }
}
