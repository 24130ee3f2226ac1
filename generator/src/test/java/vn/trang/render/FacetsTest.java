package vn.trang.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.trang.model.Item;
import vn.trang.model.Section;

/** The sidebar of facet pages: {@link Facets#marked} against {@link Facets#groupsOf}. */
class FacetsTest {

    private static final String SECTION_URL = "/so-tu-phap/van-ban/";

    /** Buckets of every document dimension: counts matter, the items themselves do not here. */
    private static List<List<Facets.Bucket>> buckets(List<FacetDimension> dims) {
        List<List<Facets.Bucket>> out = new ArrayList<>();
        int n = 1;
        for (FacetDimension d : dims) {
            List<Facets.Bucket> b = new ArrayList<>();
            for (int k = 0; k < 3 + dims.indexOf(d) * 7; k++) {
                List<Item> items = new ArrayList<>(Collections.nCopies(n++ % 9 + 1, (Item) null));
                b.add(new Facets.Bucket(d.segment() + "-" + k, d.title() + " " + k, items));
            }
            out.add(b);
        }
        return out;
    }

    @Test
    void markedEqualsTheSidebarMadeForThatValue() {
        List<FacetDimension> dims = Facets.of(Section.DOCUMENTS);
        List<List<Facets.Bucket>> buckets = buckets(dims);
        List<Facets.FacetGroup> plain = Facets.groupsOf(dims, buckets, SECTION_URL, null, null);
        int pages = 0;
        for (int k = 0; k < dims.size(); k++) {
            FacetDimension dim = dims.get(k);
            for (Facets.Bucket b : buckets.get(k)) {
                String url = Facets.url(SECTION_URL, dim, b.slug());
                List<Facets.FacetGroup> marked = Facets.marked(plain, dim.segment(), url);
                assertEquals(Facets.groupsOf(dims, buckets, SECTION_URL, dim, b.slug()), marked, url);
                assertEquals(1, marked.stream().flatMap(g -> g.values().stream()).filter(Facets.FacetValue::current).count());
                for (int g = 0; g < plain.size(); g++) {
                    if (plain.get(g).id().equals(dim.segment())) {
                        assertNotSame(plain.get(g), marked.get(g));
                    } else {
                        assertSame(plain.get(g), marked.get(g), "other dimensions are shared, not copied");
                    }
                }
                pages++;
            }
        }
        assertEquals(buckets.stream().mapToInt(List::size).sum(), pages);
    }
}
