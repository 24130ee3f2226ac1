package vn.trang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.index.SearchFiles;
import vn.trang.Fixture;

/**
 * The number of answers a service keeps ({@code trang search --cache}): 0 keeps none, N keeps the
 * N most recent, and health reports the size and what it served.
 */
class CacheSizeTest {

    @TempDir
    static Path tmp;
    static Fixture fixture;

    @BeforeAll
    static void build() {
        fixture = SearchFixture.create(tmp);
        assertTrue(fixture.build().ok());
    }

    /** Asks "giấy phép", the same again, "xây dựng", then "giấy phép" a third time; returns health after. */
    private static SearchService.Health askWith(int entries) throws IOException {
        List<String> log = new ArrayList<>();
        try (SearchService s = new SearchService(SearchFiles.inOutput(fixture.out()), new SearchEngine(Ranking.DEFAULT),
                entries, log::add)) {
            assertTrue(s.reopen(), log::toString);
            SearchResponse first = s.search(SearchRequest.of("giấy phép"));
            SearchResponse again = s.search(SearchRequest.of("giấy phép"));
            s.search(SearchRequest.of("xây dựng"));
            SearchResponse third = s.search(SearchRequest.of("giấy phép"));
            assertEquals(SearchFixture.urls(first), SearchFixture.urls(again));
            assertEquals(SearchFixture.urls(first), SearchFixture.urls(third));
            return s.health();
        }
    }

    @Test
    void noneKeptWithZero() throws IOException {
        SearchService.Health h = askWith(0);
        assertEquals(0, h.cacheEntries());
        assertEquals(0, h.cacheHits());
    }

    @Test
    void oneKeptIsReplacedByTheNextQuestion() throws IOException {
        SearchService.Health h = askWith(1);
        assertEquals(1, h.cacheEntries());
        assertEquals(1, h.cacheHits(), "the repeat is served, the third ask comes after another question");
        assertEquals(3, h.cacheMisses());
    }

    @Test
    void twoKeptServeBothRepeats() throws IOException {
        SearchService.Health h = askWith(2);
        assertEquals(2, h.cacheEntries());
        assertEquals(2, h.cacheHits());
        assertEquals(2, h.cacheMisses());
    }

    @Test
    void negativeMeansNone() throws IOException {
        assertEquals(0, askWith(-5).cacheEntries());
    }
}
