package vn.trang.search;

import java.util.List;

/**
 * The answer to a {@link SearchRequest}: what the JSON API serialises and the results page shows.
 *
 * @param query     the query as understood (cleaned, possibly cut)
 * @param total     every matching item: exact, or an estimate when {@code totalExact} is false
 * @param hits      the requested page
 * @param facets    counts per dimension; a dimension's counts ignore its own filter, so a page can
 *                  offer the other values (drill sideways)
 * @param tookMs    time spent in the engine
 * @param truncated the query was cut to its maximum length
 * @param notice    why the answer is empty or partial when it is not the query's fault
 *                  (no index published yet), else null
 * @param totalExact  false when the query matched so many items that they were counted over a sample
 *                    ({@link FacetCounter}): the total is then "about" that many
 * @param facetsExact false when some facet count is such an estimate
 */
public record SearchResponse(SearchRequest request, String query, long total, List<Hit> hits, List<Facet> facets,
                             long tookMs, boolean truncated, String notice, boolean totalExact,
                             boolean facetsExact) {

    public SearchResponse {
        hits = List.copyOf(hits);
        facets = List.copyOf(facets);
    }

    /** An answer whose counts are all exact. */
    public SearchResponse(SearchRequest request, String query, long total, List<Hit> hits, List<Facet> facets,
                          long tookMs, boolean truncated, String notice) {
        this(request, query, total, hits, facets, tookMs, truncated, notice, true, true);
    }

    public static SearchResponse empty(SearchRequest request, String query, boolean truncated, String notice) {
        return new SearchResponse(request, query, 0, List.of(), List.of(), 0, truncated, notice);
    }

    /** This answer for another request with the same cache key ({@link ResultCache}), found in {@code tookMs}. */
    SearchResponse servedAgain(SearchRequest other, long tookMs) {
        return new SearchResponse(other, query, total, hits, facets, tookMs, truncated, notice, totalExact,
                facetsExact);
    }

    public int totalPages() {
        long shown = Math.min(total, SearchRequest.MAX_RESULTS);
        return (int) Math.max(1, (shown + request.size() - 1) / request.size());
    }

    /**
     * One result.
     *
     * @param snippet HTML: the text around the matches, escaped, matches in {@code <mark>}
     * @param date    ISO date, or null
     */
    public record Hit(String url, String title, String site, String siteName, String type, String date,
                      String number, String code, String snippet) {
    }

    /** The counts of one dimension, most frequent first. */
    public record Facet(String name, List<FacetValue> values) {
        public Facet {
            values = List.copyOf(values);
        }
    }

    /** @param selected whether the request filters on this value */
    public record FacetValue(String value, String label, long count, boolean selected) {
    }
}
