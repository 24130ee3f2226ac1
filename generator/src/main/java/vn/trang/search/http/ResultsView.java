package vn.trang.search.http;

import java.time.LocalDate;
import java.util.List;

import vn.trang.render.ViewModels.Pagination;

/**
 * What {@code search.ftlh} receives as {@code search} (docs/THEME.md): the results already turned
 * into labels and links, so the template only lays them out.
 *
 * @param query         the query as understood ("" before a search)
 * @param scopeName     the unit searched, or null for the whole province
 * @param wholeProvinceUrl the same search without the unit, or null when not scoped
 * @param total         all matches (an estimate, rounded, when {@code totalExact} is false)
 * @param hits          this page
 * @param facets        counts per dimension with links
 * @param filters       active filters with links that remove them
 * @param sortByDate    whether sorted newest first; {@code relevanceUrl}/{@code dateUrl} switch
 * @param pagination    as list pages have it (the layout's {@code pager} macro draws it)
 * @param truncated     the query was cut to its maximum length
 * @param notice        a service message (no index yet), or null
 * @param totalExact    false when so many items matched that the total was estimated from a sample
 *                      (the page says "khoảng" / "about")
 * @param facetsExact   false when the facet counts are such estimates
 * @param suggestions   when nothing was found, what to try instead; null otherwise
 */
public record ResultsView(String query, String siteId, String scopeName, String wholeProvinceUrl, long total,
                          List<HitView> hits, List<FacetView> facets, List<FilterView> filters, boolean sortByDate,
                          String relevanceUrl, String dateUrl, Pagination pagination, boolean truncated,
                          String notice, long tookMs, boolean totalExact, boolean facetsExact,
                          SuggestionsView suggestions) {

    public ResultsView {
        hits = List.copyOf(hits);
        facets = List.copyOf(facets);
        filters = List.copyOf(filters);
    }

    /**
     * One hit.
     *
     * @param snippet HTML, escaped, matches in {@code <mark>} (print with {@code ?no_esc})
     * @param date    for {@code fmt.date}, or null
     */
    public record HitView(String url, String title, String siteName, String type, String typeLabel, LocalDate date,
                          String number, String code, String snippet) {
    }

    /** @param name the dimension id; {@code title} its label */
    public record FacetView(String name, String title, List<FacetLink> values) {
        public FacetView {
            values = List.copyOf(values);
        }
    }

    /** @param url the search with this value selected, or with it removed when {@code selected} */
    public record FacetLink(String label, long count, String url, boolean selected) {
    }

    public record FilterView(String title, String label, String removeUrl) {
    }

    /**
     * What a search that found nothing offers, each a plain link (docs/SEARCH.md, "No results").
     *
     * @param widerUrl      the same query without the site filter, or null; it finds {@code widerTotal}
     * @param respelling    the query spelt with marks, or null; {@code respellingUrl} searches it
     * @param services      the province's most-searched procedures, at most three
     */
    public record SuggestionsView(String widerUrl, long widerTotal, String respelling, String respellingUrl,
                                  List<ServiceLink> services) {
        public SuggestionsView {
            services = List.copyOf(services);
        }
    }

    public record ServiceLink(String url, String title, String siteName) {
    }
}
