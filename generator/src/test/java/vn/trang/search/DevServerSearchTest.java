package vn.trang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Fixture;
import vn.trang.index.SearchFiles;
import vn.trang.search.http.SearchHttp;
import vn.trang.serve.DevServer;

/** The preview server answers searches, and never serves the published index as static files. */
class DevServerSearchTest {

    @TempDir
    Path tmp;

    @Test
    void servesSearchAndHidesTheIndex() throws Exception {
        Fixture f = SearchFixture.create(tmp);
        try (SearchService service = SearchFixture.build(f); DevServer server = new DevServer(f::out, 0, true)) {
            SearchHttp http = new SearchHttp(service, s -> { });
            server.mount(SearchHttp.API, http.api());
            server.mount(SearchHttp.PAGE, http.page());
            server.start();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> api = get(client, base + "/api/search?q=1.000894");
            assertEquals(200, api.statusCode());
            assertTrue(api.body().contains(SearchFixture.PERMIT_PROCEDURE), api.body());
            HttpResponse<String> page = get(client, base + "/tim-kiem?q=khai+sinh&site=xa-b");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains(SearchFixture.BIRTH));
            // Static pages carry the search form and the OpenSearch link; the description is served.
            Document home = Jsoup.parse(get(client, base + "/xa-b/").body());
            assertEquals("xa-b", home.selectFirst("form.search-form input[name=site]").val());
            assertEquals("/xa-b/opensearch.xml", home.selectFirst("link[rel=search]").attr("href"));
            assertEquals(200, get(client, base + "/xa-b/opensearch.xml").statusCode());
            // The index, its theme copy and sites.json are not public.
            assertTrue(Files.isRegularFile(SearchFiles.inOutput(f.out()).sites()));
            for (String path : new String[] {"/_search/sites.json", "/_search/", "/_search", "/_search/index/segments_1",
                    "/_search/themes/default/templates/layout.ftlh", "/%5Fsearch/sites.json"}) {
                assertEquals(404, get(client, base + path).statusCode(), path);
            }
        }
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
