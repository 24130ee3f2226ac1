package vn.trang.render;

import java.util.List;
import java.util.function.Function;

import vn.trang.model.Item;

/**
 * One way to browse a list: by type, year, issuer, field, status… Each value gets its own
 * paginated page at {@code <section>/<segment>/<value-slug>/}.
 *
 * @param segment URL segment, e.g. "loai"
 * @param title   what the sidebar calls it, e.g. "Loại văn bản"
 * @param values  an item's values for this dimension (several for multi-valued fields)
 * @param newestFirst order values descending by label (years) instead of by count
 * @param slugs   a value's URL segment (default: the slug of its label)
 */
public record FacetDimension(String segment, String title, Function<Item, List<String>> values, boolean newestFirst,
                             Function<String, String> slugs) {

    public FacetDimension(String segment, String title, Function<Item, List<String>> values, boolean newestFirst) {
        this(segment, title, values, newestFirst, Facets::slug);
    }
}
