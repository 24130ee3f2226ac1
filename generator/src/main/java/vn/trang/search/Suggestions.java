package vn.trang.search;

import java.util.List;

/**
 * What a search that found nothing offers instead (docs/SEARCH.md, "No results"): each a plain
 * link, none when it would find nothing either.
 *
 * @param wider      the same search without its site filter, when there was one and that finds
 *                   something; else null
 * @param widerTotal what {@code wider} finds
 * @param respelled  the query spelt with marks, the most frequent marked spelling in the index of
 *                   each syllable typed without, when that differs and finds something; else null
 * @param respelling the query of {@code respelled}, or null
 * @param services   the province's most-searched procedures ({@link SearchedServices}), at most three
 */
public record Suggestions(SearchRequest wider, long widerTotal, SearchRequest respelled, String respelling,
                          List<Service> services) {

    public static final Suggestions NONE = new Suggestions(null, 0, null, null, List.of());

    public Suggestions {
        services = List.copyOf(services);
    }

    public boolean isEmpty() {
        return wider == null && respelled == null && services.isEmpty();
    }

    /** A procedure offered: its page, title and unit. */
    public record Service(String url, String title, String siteName) {
    }
}
