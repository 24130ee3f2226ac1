package vn.trang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.trang.Fixture;
import vn.trang.search.http.SearchHttp;
import vn.trang.search.http.SearchServer;
import vn.trang.text.JsonReader;

/**
 * The real HTTP service on 127.0.0.1, port 0: the JSON API and the results page, and hostile
 * input of every kind, which must always get a valid answer and never a 5xx or a stack trace.
 */
class SearchHttpTest {

    @TempDir
    static Path tmp;
    static SearchService service;
    static SearchServer server;
    static HttpClient http;
    static final List<String> log = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        Fixture f = SearchFixture.create(tmp);
        service = SearchFixture.build(f);
        server = new SearchServer(service, new SearchHttp(service, log::add), "127.0.0.1", 0, 4, 0);
        server.start();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        service.close();
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r::body);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return (Map<String, Object>) JsonReader.parse(r.body());
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    @SuppressWarnings("unchecked")
    void apiAnswersWithHitsFacetsAndTiming() throws Exception {
        Map<String, Object> m = json(get("/api/search?q=" + enc("giay phep xay dung")));
        assertTrue(((Number) m.get("total")).longValue() >= 1);
        List<Map<String, Object>> hits = (List<Map<String, Object>>) m.get("hits");
        Map<String, Object> first = hits.get(0);
        assertEquals(SearchFixture.PERMIT_PROCEDURE, first.get("url"));
        for (String key : List.of("title", "site", "site_name", "type", "snippet")) {
            assertTrue(first.containsKey(key), key);
        }
        assertEquals("1.000894", first.get("code"));
        assertTrue(m.get("took_ms") instanceof Number);
        Map<String, Object> facets = (Map<String, Object>) m.get("facets");
        assertTrue(facets.containsKey("site") && facets.containsKey("type"), facets::toString);
    }

    @Test
    @SuppressWarnings("unchecked")
    void filtersFromParameters() throws Exception {
        Map<String, Object> m = json(get("/api/search?q=" + enc("xây dựng") + "&type=document&year=2019&field="
                + enc("Xây dựng") + "&site=so-a"));
        List<Map<String, Object>> hits = (List<Map<String, Object>>) m.get("hits");
        assertEquals(List.of(SearchFixture.DIRECTIVE), hits.stream().map(h -> h.get("url")).toList());
        assertEquals(Map.of("site", "so-a", "type", "document", "field", "Xây dựng", "year", "2019"), m.get("filters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "q=", "q=%20%20", "q=a+AND+(b+OR", "q=title%3Ax*", "q=%5B1+TO+2%5D", "q=~~~~", "q=%5C", "q=%22",
            "q=*", "q=%3F", "q=%2F%2F", "q=-", "q=-x", "q=x%5E10", "q=%00%01%02", "q=%E1%BB", "q=%25zz", "q=%25", "q=100%25",
            "q=%FF%FE%FD", "q=%ED%A0%80", "q=%E2%80%AE%E2%80%8B", "page=-1&size=0", "page=99999999999&size=-5",
            "page=abc&size=1e9", "size=1000000", "page=1000&size=50", "q=x&q=y&q=z", "site=%00&type=%FF",
            "sort=%00&facets=maybe", "q=06%2FCT-UBND&page=0", "q=%22%22%22%22", "q=-%22%22",
            "year=99999999999999999999999999999999999999999999999999999999999999", "q=%F0%9F%98%80+gi%E1%BA%A5y"})
    void hostileQueriesGetValidAnswers(String query) throws Exception {
        HttpResponse<String> r = get("/api/search?" + query);
        Map<String, Object> m = json(r);
        assertTrue(m.containsKey("total") && m.containsKey("hits"), r::body);
        assertTrue(((Number) m.get("size")).intValue() <= SearchRequest.MAX_SIZE);
        HttpResponse<String> page = get("/tim-kiem?" + query);
        assertEquals(200, page.statusCode(), page::body);
        assertTrue(page.body().contains("</html>"), "a whole page");
        assertFalse(page.body().contains("Exception") || r.body().contains("Exception"), "no stack trace");
    }

    @Test
    void longAndDecomposedQueries() throws Exception {
        String big = "giấy phép xây dựng ".repeat(600); // ~11 KB
        Map<String, Object> m = json(get("/api/search?q=" + enc(big)));
        assertEquals(Boolean.TRUE, m.get("truncated"));
        assertTrue(((Number) m.get("total")).longValue() >= 1);
        String nfd = Normalizer.normalize("hòa giải", Normalizer.Form.NFD);
        assertEquals(json(get("/api/search?q=" + enc("hòa giải"))).get("total"), json(get("/api/search?q=" + enc(nfd))).get("total"));
        // A query string longer than the service reads is cut before it is even decoded...
        assertEquals(200, get("/api/search?q=" + "a".repeat(30_000)).statusCode());
        // ...and 100 KB of it is refused before it reaches a worker.
        assertEquals(414, get("/api/search?q=" + "a".repeat(100_000)).statusCode());
    }

    @Test
    void rawRequestsWithBrokenUrisAndMethods() throws Exception {
        assertTrue(raw("POST /api/search?q=x HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n").startsWith("HTTP/1.1 405"));
        assertTrue(raw("DELETE /tim-kiem HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 405"));
        String head = raw("HEAD /api/search?q=x HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(head.startsWith("HTTP/1.1 200"), head);
        String weird = raw("GET /api/search?q=&&&==&=x&site&q HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(weird.startsWith("HTTP/1.1 200"), weird);
        // A request line that is not a URI at all ("%zz") is refused by the server before any
        // handler runs: a 400, never a 5xx, and no stack trace.
        String malformed = raw("GET /api/search?q=%zz%%% HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(malformed.startsWith("HTTP/1.1 400"), malformed);
        assertFalse(malformed.contains("\tat "), malformed);
        assertTrue(raw("GET /api/searchX HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 404"));
        assertTrue(raw("GET /tim-kiem-khac HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 404"));
    }

    private static String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream os = s.getOutputStream();
            os.write(request.getBytes(StandardCharsets.ISO_8859_1));
            os.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            byte[] b = new byte[4096];
            int n;
            // Read the status line and headers; enough to judge.
            while ((n = in.read(b)) > 0) {
                buf.write(b, 0, n);
                if (buf.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                    break;
                }
            }
            return buf.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void healthSaysReady() throws Exception {
        Map<String, Object> m = json(get("/api/search/health"));
        assertEquals("ok", m.get("status"));
        assertTrue(((Number) m.get("docs")).intValue() > 30);
        @SuppressWarnings("unchecked")
        Map<String, Object> cache = (Map<String, Object>) m.get("cache");
        assertEquals(SearchService.CACHE_ENTRIES, ((Number) cache.get("entries")).intValue(), cache::toString);
        assertTrue(cache.containsKey("hits") && cache.containsKey("misses"), cache::toString);
    }

    @Test
    void resultsPageIsThemedAndUsableWithoutJavaScript() throws Exception {
        HttpResponse<String> r = get("/tim-kiem?q=" + enc("xây dựng") + "&site=so-a");
        assertEquals(200, r.statusCode());
        assertEquals("noindex", r.headers().firstValue("X-Robots-Tag").orElse(""));
        Document doc = Jsoup.parse(r.body());
        assertTrue(doc.select("script").isEmpty(), "no JavaScript");
        // The unit's own header, and its box searching it by default.
        assertEquals("Sở Thử Nghiệm", doc.selectFirst(".brand-name").text());
        Element form = doc.selectFirst("form.search-form");
        assertEquals("/tim-kiem", form.attr("action"));
        assertEquals("so-a", form.selectFirst("input[name=site]").val());
        assertEquals("xây dựng", form.selectFirst("input[name=q]").val());
        Element whole = doc.selectFirst("a.search-scope");
        assertEquals("/tim-kiem?q=x%C3%A2y+d%E1%BB%B1ng", whole.attr("href"));
        // Hits, facets with links, the selected site filter removable.
        assertFalse(doc.select(".search-hit").isEmpty());
        assertTrue(doc.select(".search-hit h2 a").stream().allMatch(a -> a.attr("href").startsWith("/so-a/")));
        assertFalse(doc.select(".facets .facet-type a").isEmpty());
        assertTrue(doc.select(".search-filter a").stream().anyMatch(a -> a.attr("href").equals(whole.attr("href"))));
        // "dựng" was typed with its marks: the text's "dung" (of "nội dung") is another word.
        assertFalse(doc.select("mark").eachText().contains("dung"), () -> doc.select("mark").toString());
        Document folded = Jsoup.parse(get("/tim-kiem?q=" + enc("xay dung") + "&site=so-a").body());
        assertTrue(folded.select("mark").eachText().contains("dung"), "typed without marks: every spelling marked");
    }

    @Test
    void resultsPageOfTheWholeProvinceHasThePortalLayoutAndPagination() throws Exception {
        Document doc = Jsoup.parse(get("/tim-kiem?q=" + enc("nong thon moi")).body());
        assertTrue(doc.selectFirst(".brand-name").text().startsWith("Cổng Thông tin"));
        assertTrue(doc.select("form.search-form input[name=site]").isEmpty(), "the portal searches everything");
        assertTrue(doc.select("a.search-scope").isEmpty());
        Element next = doc.selectFirst(".pagination a[rel=next]");
        assertTrue(next.attr("href").contains("page=2"), next::toString);
        Document page2 = Jsoup.parse(get(next.attr("href")).body());
        assertEquals("2", page2.selectFirst(".pagination [aria-current=page]").text().replaceAll("\\D", ""));
    }

    @Test
    void emptyAndNoResultPages() throws Exception {
        Document empty = Jsoup.parse(get("/tim-kiem").body());
        assertFalse(empty.select(".search-prompt").isEmpty());
        Document none = Jsoup.parse(get("/tim-kiem?q=" + enc("xyzzy plugh") + "&site=xa-b").body());
        assertFalse(none.select(".search-empty").isEmpty());
        // The province has nothing either: no link to an empty page; the most-searched services instead.
        assertTrue(none.select(".search-empty a[href=/tim-kiem?q=xyzzy+plugh]").isEmpty(), "no empty wider search");
        assertFalse(none.select(".search-empty .search-services a").isEmpty(), "services offered");
    }

    @Test
    void hostileTextIsEscapedInThePage() throws Exception {
        String q = "<script>alert(1)</script> \"'><img src=x onerror=alert(2)>";
        Document doc = Jsoup.parse(get("/tim-kiem?q=" + enc(q)).body());
        assertTrue(doc.select("script").isEmpty());
        assertTrue(doc.select("img[onerror]").isEmpty());
        assertEquals(q, doc.selectFirst("input[name=q]").val());
    }

    @Test
    void manyConcurrentQueries() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            String[] queries = {"giay phep", "06/CT-UBND", "1.000894", "hòa giải", "thủ tục hành chính", "nông thôn mới", "", "%"};
            for (int i = 0; i < 400; i++) {
                String q = queries[i % queries.length];
                answers.add(pool.submit(() -> get("/api/search?q=" + enc(q) + "&page=" + (1 + q.length() % 3)).statusCode()));
            }
            for (Future<Integer> a : answers) {
                assertEquals(200, a.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(log.isEmpty(), log::toString);
    }
}
