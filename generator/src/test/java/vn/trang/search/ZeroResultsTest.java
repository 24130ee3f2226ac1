package vn.trang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Fixture;
import vn.trang.check.HtmlValidator;
import vn.trang.index.SearchFields;
import vn.trang.search.http.SearchHttp;
import vn.trang.search.http.SearchServer;
import vn.trang.text.JsonReader;

/**
 * A search that finds nothing offers the same query in the whole province, the query spelt with
 * marks, and the most-searched procedures: each only when it finds something, each a plain link,
 * on the page and in the API. Real build, real index, real HTTP service.
 */
class ZeroResultsTest {

    @TempDir
    static Path tmp;
    static SearchService service;
    static SearchServer server;
    static HttpClient http;
    static final List<String> log = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        service = SearchFixture.build(SearchFixture.create(tmp));
        server = new SearchServer(service, new SearchHttp(service, log::add), "127.0.0.1", 0, 2, 0);
        server.start();
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        service.close();
    }

    static SearchRequest request(String q, String site) {
        return SearchRequest.from(p -> p.equals("q") ? q : p.equals(SearchFields.SITE) ? site : null);
    }

    @Test
    void scopedQueryOffersTheProvinceAndTheMarkedSpelling() {
        // Birth registration is the commune's, not the department's.
        SearchService.Results r = service.results(request("dang ky khai sinh", Fixture.DEPT));
        assertEquals(0, r.response().total());
        Suggestions s = r.suggestions();
        assertNotNull(s.wider());
        assertNull(s.wider().filters().get(SearchFields.SITE));
        assertEquals("dang ky khai sinh", s.wider().query());
        assertEquals(service.search(s.wider()).total(), s.widerTotal());
        assertTrue(s.widerTotal() > 0);
        // Matching is folded: with marks the query finds nothing more in the department, so the
        // marked spelling is offered in the province, where it finds the procedure.
        assertEquals("đăng ký khai sinh", s.respelling());
        assertNull(s.respelled().filters().get(SearchFields.SITE));
        assertEquals(SearchFixture.BIRTH, SearchFixture.urls(service.search(s.respelled())).get(0));
    }

    @Test
    void queryTypedWithMarksIsNotRespelled() {
        Suggestions s = service.results(request("đăng ký khai sinh", Fixture.DEPT)).suggestions();
        assertNotNull(s.wider());
        assertNull(s.respelled());
        assertNull(s.respelling());
    }

    @Test
    void nothingAnywhereOffersOnlyServices() {
        Suggestions s = service.results(request("xyzzy plugh", Fixture.COMMUNE)).suggestions();
        assertNull(s.wider(), "the province has nothing either");
        assertNull(s.respelled());
        // The fixture has two procedures, both fully online.
        assertEquals(List.of(SearchFixture.PERMIT_PROCEDURE, SearchFixture.BIRTH).stream().sorted().toList(),
                s.services().stream().map(Suggestions.Service::url).sorted().toList());
        assertEquals(Suggestions.NONE, service.results(request("khai sinh", null)).suggestions(), "found: none");
    }

    @Test
    void mostSearchedServicesComeFirst() {
        SearchService counted = SearchFixture.build(SearchFixture.create(tmp.resolve("counted")));
        try (counted) {
            for (int i = 0; i < 3; i++) {
                assertEquals(SearchFixture.BIRTH, SearchFixture.urls(counted.search(request("khai sinh", null))).get(0));
            }
            counted.search(request("giấy phép xây dựng nhà ở riêng lẻ", null));
            List<Suggestions.Service> top = counted.results(request("xyzzy", null)).suggestions().services();
            assertEquals(SearchFixture.BIRTH, top.get(0).url());
            assertEquals("Đăng ký khai sinh", top.get(0).title());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void pageAndApiOfferPlainLinks() throws Exception {
        String q = "/tim-kiem?q=" + URLEncoder.encode("dang ky khai sinh", StandardCharsets.UTF_8) + "&site=so-a";
        String html = get(q).body();
        Document doc = Jsoup.parse(html);
        assertTrue(doc.select("script:not([type=application/ld+json])").isEmpty(), "no JavaScript");
        List<String> links = doc.select(".search-suggestions a").eachAttr("href");
        assertEquals(2, links.size(), doc.select(".search-empty").toString());
        assertTrue(links.stream().allMatch(h -> h.startsWith("/tim-kiem?q=") && !h.contains("site=")), links::toString);
        assertTrue(doc.select(".search-suggestions").text().contains("đăng ký khai sinh"));
        assertEquals(2, doc.select(".search-services a").size());
        assertTrue(doc.select(".search-services a").eachAttr("href").contains(SearchFixture.BIRTH));
        // The links work: the first finds the procedure.
        assertTrue(Jsoup.parse(get(links.get(1)).body()).select(".search-hit a").eachAttr("href")
                .contains(SearchFixture.BIRTH));
        Path page = tmp.resolve("zero.html");
        Files.writeString(page, html);
        assertEquals(List.of(), new HtmlValidator().check(page));

        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) JsonReader.parse(get(q.replace("/tim-kiem", "/api/search")).body());
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) json.get("suggestions");
        assertNotNull(s, json::toString);
        assertTrue(((Map<?, ?>) s.get("without_site")).get("url").toString().startsWith("/tim-kiem?q="));
        assertEquals("đăng ký khai sinh", ((Map<?, ?>) s.get("with_marks")).get("query"));
        assertEquals(2, ((List<?>) s.get("services")).size());
        Map<?, ?> found = (Map<?, ?>) JsonReader.parse(get("/api/search?q=khai+sinh").body());
        assertNull(found.get("suggestions"));
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
