package vn.trang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Fixture;
import vn.trang.index.SearchFiles;
import vn.trang.search.http.SearchHttp;
import vn.trang.search.http.SearchServer;
import vn.trang.search.SearchResponse.FacetValue;

/**
 * A query matching more items than the engine counts exactly: the total and the facets become
 * estimates and say so, while the hits are the same as with exact counting.
 */
class ApproximateCountsTest {

    @TempDir
    static Path tmp;
    static SearchService exact;
    static SearchService approximate;

    @BeforeAll
    static void build() {
        Fixture f = SearchFixture.create(tmp);
        exact = SearchFixture.build(f);
        List<String> log = new ArrayList<>();
        approximate = new SearchService(SearchFiles.inOutput(f.out()), new SearchEngine(Ranking.DEFAULT, 5, 2), log::add);
        assertTrue(approximate.reopen(), () -> "index not opened: " + log);
    }

    @AfterAll
    static void close() throws Exception {
        exact.close();
        approximate.close();
    }

    @Test
    void manyMatchesGiveAnEstimateAndTheSameHits() {
        SearchRequest req = SearchRequest.of("nông thôn mới");
        SearchResponse e = exact.search(req);
        SearchResponse a = approximate.search(req);
        assertTrue(e.totalExact() && e.facetsExact(), "the default limit counts the fixture exactly");
        assertTrue(e.total() >= 25, () -> "total " + e.total());
        assertFalse(a.totalExact(), "5 matches are counted, the rest sampled");
        assertFalse(a.facetsExact());
        assertTrue(a.total() > 5, () -> "estimate " + a.total());
        assertEquals(SearchFixture.urls(e), SearchFixture.urls(a), "ranking does not depend on counting");
    }

    @Test
    void theApiAndThePageSayAbout() throws Exception {
        List<String> log = new ArrayList<>();
        SearchServer server = new SearchServer(approximate, new SearchHttp(approximate, log::add), "127.0.0.1", 0, 2, 0);
        server.start();
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String q = URLEncoder.encode("nông thôn mới", StandardCharsets.UTF_8);
            String api = get(http, server, "/api/search?q=" + q);
            assertTrue(api.contains("\"total_exact\":false") && api.contains("\"facets_exact\":false"), api);
            String page = get(http, server, "/tim-kiem?q=" + q);
            assertTrue(page.contains("khoảng "), page);
            assertTrue(page.contains("(≈"), page);
            String few = get(http, server, "/api/search?q=" + URLEncoder.encode("giấy phép xây dựng", StandardCharsets.UTF_8));
            assertTrue(few.contains("\"total_exact\":true") && !few.contains("facets_exact"), few);
            String fewPage = get(http, server, "/tim-kiem?q=" + URLEncoder.encode("giấy phép xây dựng", StandardCharsets.UTF_8));
            assertFalse(fewPage.contains("khoảng ") || fewPage.contains("(≈"), fewPage);
        } finally {
            server.close();
        }
        assertTrue(log.isEmpty(), log::toString);
    }

    private static String get(HttpClient http, SearchServer server, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r::body);
        return r.body();
    }

    @Test
    void fewMatchesStayExact() {
        SearchRequest req = SearchRequest.of("giấy phép xây dựng");
        SearchResponse a = approximate.search(req);
        SearchResponse e = exact.search(req);
        assertTrue(e.total() < 5, () -> "total " + e.total());
        assertTrue(a.totalExact() && a.facetsExact());
        assertEquals(e.total(), a.total());
        assertEquals(e.facets(), a.facets());
    }

    @Test
    void withoutFacetsTheTotalIsStillMarked() {
        SearchRequest req = new SearchRequest("nông thôn mới", Map.of(), 1, 10, SearchRequest.Order.RELEVANCE, false);
        SearchResponse a = approximate.search(req);
        assertFalse(a.totalExact());
        assertTrue(a.facets().isEmpty());
        assertTrue(a.facetsExact(), "no facet is estimated when none is counted");
        assertEquals(exact.search(req).total(), exact.search(SearchRequest.of("nông thôn mới")).total());
    }

    @Test
    void aFilteredDimensionIsCountedSideways() {
        SearchResponse e = exact.search(SearchRequest.of("nông thôn mới"));
        String site = e.facets().stream().filter(f -> f.name().equals("site")).findFirst().orElseThrow()
                .values().get(0).value();
        SearchRequest filtered = SearchRequest.of("nông thôn mới").withFilter("site", site);
        SearchResponse a = approximate.search(filtered);
        List<FacetValue> sites = a.facets().stream().filter(f -> f.name().equals("site")).findFirst().orElseThrow()
                .values();
        assertTrue(sites.stream().anyMatch(v -> v.selected() && v.value().equals(site)), sites::toString);
        assertFalse(a.facetsExact());
    }
}
