package vn.trang.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import vn.trang.index.SearchFields;

/**
 * One search, as the API and the page receive it, already bounded: whatever the parameters say,
 * page and size are in range and filter values are short clean strings. Unknown parameters are
 * ignored and malformed numbers fall back to defaults, so no request is ever refused.
 *
 * @param query   the raw query text (cleaned later by {@link UserQuery#parse})
 * @param filters dimension ({@link SearchFields#FACETS}) → required value, in dimension order
 * @param page    1-based
 * @param size    hits per page
 * @param sort    by relevance, or newest first
 * @param facets  whether to count facets (the page always does; API clients may not need them)
 */
public record SearchRequest(String query, Map<String, String> filters, int page, int size, Order sort,
                            boolean facets) {

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 50;
    /** Nobody reads result 1,000; deep pages cost more than they are worth. */
    public static final int MAX_RESULTS = 1000;
    static final int MAX_FILTER_CHARS = 200;

    public enum Order { RELEVANCE, DATE }

    public SearchRequest {
        query = query == null ? "" : query;
        filters = Collections.unmodifiableMap(new LinkedHashMap<>(filters));
        size = Math.max(1, Math.min(MAX_SIZE, size));
        page = Math.max(1, Math.min(maxPage(size), page));
        sort = sort == null ? Order.RELEVANCE : sort;
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, Map.of(), 1, DEFAULT_SIZE, Order.RELEVANCE, true);
    }

    /** From request parameters (first value of each name); see the class comment. */
    public static SearchRequest from(Function<String, String> param) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (String dim : SearchFields.FACETS) {
            String v = cleanFilter(param.apply(dim));
            if (!v.isEmpty()) {
                filters.put(dim, v);
            }
        }
        int size = parseInt(param.apply("size"), DEFAULT_SIZE);
        int page = parseInt(param.apply("page"), 1);
        Order sort = "date".equals(param.apply("sort")) ? Order.DATE : Order.RELEVANCE;
        boolean facets = !"0".equals(param.apply("facets")) && !"false".equals(param.apply("facets"));
        return new SearchRequest(param.apply("q"), filters, page, size, sort, facets);
    }

    public static int maxPage(int size) {
        return Math.max(1, MAX_RESULTS / Math.max(1, size));
    }

    /** The same search with one filter changed (null removes it), back on page 1. */
    public SearchRequest withFilter(String dim, String value) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String d : SearchFields.FACETS) {
            String v = d.equals(dim) ? value : filters.get(d);
            if (v != null) {
                f.put(d, v);
            }
        }
        return new SearchRequest(query, f, 1, size, sort, facets);
    }

    /** The same filters, size and sort with another query, back on page 1. */
    public SearchRequest withQuery(String q) {
        return new SearchRequest(q, filters, 1, size, sort, facets);
    }

    public SearchRequest withPage(int p) {
        return new SearchRequest(query, filters, p, size, sort, facets);
    }

    public SearchRequest withSort(Order o) {
        return new SearchRequest(query, filters, 1, size, o, facets);
    }

    /** The filters except one dimension (drill-sideways counting of that dimension). */
    Map<String, String> filtersWithout(String dim) {
        Map<String, String> f = new LinkedHashMap<>(filters);
        f.remove(dim);
        return f;
    }

    private static int parseInt(String s, int fallback) {
        if (s == null || s.isBlank() || s.length() > 9) {
            return fallback;
        }
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String cleanFilter(String v) {
        if (v == null) {
            return "";
        }
        String s = QueryText.of(v.length() > MAX_FILTER_CHARS ? v.substring(0, MAX_FILTER_CHARS) : v).text();
        return s.length() > MAX_FILTER_CHARS ? s.substring(0, MAX_FILTER_CHARS) : s;
    }
}
