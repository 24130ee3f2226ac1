package vn.trang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.text.Normalizer;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The result cache: one entry per request as the engine reads it, least recently used out first. */
class ResultCacheTest {

    private static SearchResponse answer(SearchRequest r) {
        return SearchResponse.empty(r, r.query(), false, null);
    }

    @Test
    void requestsTheEngineReadsAlikeShareAnEntry() {
        ResultCache cache = new ResultCache(8);
        SearchRequest typed = SearchRequest.of("giấy phép");
        cache.put(ResultCache.key(typed), answer(typed));
        SearchRequest nfd = SearchRequest.of("  " + Normalizer.normalize("giấy   phép", Normalizer.Form.NFD) + " ");
        assertNotNull(cache.get(ResultCache.key(nfd)));
        // Filters, pages and sort change the answer: other entries.
        assertNull(cache.get(ResultCache.key(typed.withPage(2))));
        assertNull(cache.get(ResultCache.key(typed.withFilter("site", "so-a"))));
        assertNull(cache.get(ResultCache.key(typed.withSort(SearchRequest.Order.DATE))));
        assertEquals(1, cache.hits());
        assertEquals(3, cache.misses());
    }

    @Test
    void keepsTheMostRecentlyUsed() {
        ResultCache cache = new ResultCache(2);
        SearchRequest a = SearchRequest.of("a");
        SearchRequest b = SearchRequest.of("b");
        SearchRequest c = SearchRequest.of("c");
        SearchResponse ra = answer(a);
        cache.put(a, ra);
        cache.put(b, answer(b));
        assertEquals(ra, cache.get(a)); // a is now the most recent
        cache.put(c, answer(c));
        assertNull(cache.get(b));
        assertEquals(ra, cache.get(a));
        assertNotNull(cache.get(c));
    }

    @Test
    void sizeZeroKeepsNothing() {
        ResultCache cache = new ResultCache(0);
        SearchRequest a = new SearchRequest("a", Map.of(), 1, 10, null, true);
        cache.put(a, answer(a));
        assertNull(cache.get(a));
    }

    /** Answers of about the same size, each a little over a tenth of a 4 KB ring. */
    private static SearchResponse sized(SearchRequest r) {
        return new SearchResponse(r, r.query(), 1, java.util.List.of(new SearchResponse.Hit("/a/", "Tiêu đề", "tinh",
                "Tỉnh", "news", null, null, null, "đoạn trích ".repeat(30))), java.util.List.of(), 1, false, null);
    }

    @Test
    void answersTheRingHasOverwrittenAreMissesAndTheRestComeBackEqual() {
        int one = PackedResponses.pack(sized(SearchRequest.of("q0"))).length;
        ResultCache cache = new ResultCache(1_000, 4 * one + one / 2); // room for four answers
        for (int i = 0; i < 10; i++) {
            SearchRequest r = SearchRequest.of("q" + i);
            cache.put(r, sized(r));
        }
        for (int i = 0; i < 6; i++) {
            assertNull(cache.get(SearchRequest.of("q" + i)), "q" + i + " was overwritten");
        }
        for (int i = 6; i < 10; i++) {
            SearchRequest r = SearchRequest.of("q" + i);
            assertEquals(sized(r), cache.get(r));
        }
    }

    @Test
    void anAnswerAskedForOftenOutlivesTheRing() {
        int one = PackedResponses.pack(sized(SearchRequest.of("q0"))).length;
        ResultCache cache = new ResultCache(1_000, 4 * one + one / 2);
        SearchRequest hot = SearchRequest.of("hot");
        cache.put(hot, sized(hot));
        for (int i = 0; i < 40; i++) {
            SearchRequest r = SearchRequest.of("q" + i);
            cache.put(r, sized(r));
            assertEquals(sized(hot), cache.get(hot), "after " + i + " others");
        }
        assertEquals(40, cache.hits());
    }
}
