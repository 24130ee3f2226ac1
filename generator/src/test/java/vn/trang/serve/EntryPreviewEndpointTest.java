package vn.trang.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Fixture;
import vn.trang.pipeline.BuildOptions;
import vn.trang.pipeline.Progress;

/**
 * The editor's preview pane, over real HTTP on loopback, against a real build of a small
 * province: the entry as the editor has it (JSON front matter, Markdown body) comes back as the
 * page the build would write, with the theme, the sanitizer and citation links, its own
 * diagnostics on top, and nothing written anywhere.
 */
class EntryPreviewEndpointTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ENTRY = EntryPreviewEndpoint.PATH + Fixture.DEPT + "/tin-tuc/mot.md";

    @TempDir
    static Path tmp;
    private static Fixture fixture;
    private static Preview preview;
    private static Map<String, String> outputBefore;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();

    @BeforeAll
    static void serve() throws Exception {
        fixture = Fixture.standard(tmp)
                .news(Fixture.DEPT, "mot", "Tin một", "2025-01-10")
                .document(Fixture.DEPT, "qd-12", "12/2024/QĐ-UBND", "Quyết định", "2024-03-01");
        BuildOptions options = BuildOptions.defaults(fixture.root, fixture.out()).withCache(true).withDrafts(true);
        preview = new Preview(options, 0, r -> { }, m -> { });
        assertTrue(preview.start(false, Progress.NONE).ok());
        outputBefore = listing(fixture.root);
    }

    @AfterAll
    static void stop() throws IOException {
        preview.close();
    }

    private HttpResponse<String> post(String path, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + preview.port() + path)).timeout(WAIT)
                .header("Content-Type", "text/markdown; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String text) throws Exception {
        return post(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every file under the project (the output and the cache included) with its size and time. */
    private static Map<String, String> listing(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                m.put(root.relativize(p).toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return m;
    }

    private static String documentUrl() throws IOException {
        try (Stream<Path> dirs = Files.list(fixture.out().resolve(Fixture.DEPT + "/van-ban"))) {
            Path page = dirs.filter(d -> Files.isRegularFile(d.resolve("index.html")) && d.getFileName().toString().startsWith("12"))
                    .findFirst().orElseThrow();
            return "/" + Fixture.DEPT + "/van-ban/" + page.getFileName() + "/";
        }
    }

    @Test
    void theEntryIsRenderedAsTheBuildWouldWithItsDiagnosticsOnTop() throws Exception {
        String text = "---\n{\n  \"title\": \"Tin xem trước\",\n  \"date\": \"2025-02-01 08:00\",\n"
                + "  \"summary\": \"Tóm tắt tin xem trước\",\n  \"draft\": true\n}\n---\n"
                + "Thực hiện Quyết định số 12/2024/QĐ-UBND của tỉnh.\n\n"
                + "<script>alert('x')</script>\n\n**Chữ đậm** trong bài.\n";
        HttpResponse<String> r = post(ENTRY, text);
        String html = r.body();
        assertEquals(200, r.statusCode(), html);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), r.headers().toString());
        assertTrue(html.contains("<h1") && html.contains("Tin xem trước"), html);
        assertTrue(html.contains("<strong>Chữ đậm</strong>"), "the body, rendered: " + html);
        assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/_assets/") && html.contains("css/trang.css\""),
                "the theme's stylesheet: " + html);
        assertTrue(org.jsoup.Jsoup.parse(html).select("script:not([type=application/ld+json])").isEmpty(),
                "the sanitizer removed the script: " + html);
        assertFalse(html.contains("alert('x')</script>"), "the script's text is gone too: " + html);
        assertTrue(html.contains("class=\"cite\"") && html.contains("href=\"" + documentUrl() + "\""),
                "the citation links to the catalog's document: " + html);
        assertTrue(html.contains("banner-draft"), "a draft is marked as the preview build marks it");
        int box = html.indexOf("id=\"" + PreviewPage.BOX_ID + "\"");
        assertTrue(box > html.indexOf("<body") && box < html.indexOf("<h1"), "the diagnostics come first: " + html);
        assertTrue(html.contains("content/" + Fixture.DEPT + "/tin-tuc/mot.md:11:1:"),
                "the script's removal, at its line: " + html);
        assertEquals(outputBefore, listing(fixture.root), "nothing is written: not the output, the cache or the content");
    }

    @Test
    void malformedFrontMatterIsAPageOfItsDiagnosticNotAServerError() throws Exception {
        HttpResponse<String> json = post(ENTRY, "---\n{\n  \"title\": \"Thiếu ngoặc\",\n  \"date\": \n---\nThân bài.\n");
        assertEquals(422, json.statusCode(), json.body());
        assertTrue(json.body().contains("id=\"" + PreviewPage.BOX_ID + "\"")
                && json.body().contains("content/" + Fixture.DEPT + "/tin-tuc/mot.md:"), json.body());
        assertTrue(json.body().contains("lỗi"), json.body());

        HttpResponse<String> yaml = post(ENTRY, "---\ntitle: [chưa đóng\ndate: 2025-02-01\n---\nThân bài.\n");
        assertEquals(422, yaml.statusCode(), yaml.body());
        assertTrue(yaml.body().contains("content/" + Fixture.DEPT + "/tin-tuc/mot.md:"), yaml.body());

        HttpResponse<String> schema = post(ENTRY, "---\n{\"title\": \"Không ngày\", \"ngay\": \"hôm nay\"}\n---\nThân.\n");
        assertEquals(422, schema.statusCode(), schema.body());
        assertTrue(schema.body().contains("ngay"), "the unknown key is named: " + schema.body());

        byte[] latin1 = "---\ntitle: Tin\u00e9\n---\n".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> bytes = post(ENTRY, latin1);
        assertEquals(422, bytes.statusCode(), bytes.body());
        assertTrue(bytes.body().contains("UTF-8"), bytes.body());

        HttpResponse<String> site = post(EntryPreviewEndpoint.PATH + "khong-co/tin-tuc/", "---\ntitle: x\n---\n");
        assertEquals(422, site.statusCode(), site.body());
        assertTrue(site.body().contains("khong-co"), site.body());
    }

    @Test
    void theEndpointTakesOnlyPostsWithinItsLimit() throws Exception {
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + preview.port() + ENTRY))
                .timeout(WAIT).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode(), get.body());
        assertEquals(List.of("POST"), get.headers().allValues("Allow"));

        byte[] big = new byte[EntryPreviewEndpoint.MAX_BODY + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        HttpResponse<String> large = post(ENTRY, big);
        assertEquals(413, large.statusCode(), large.body());

        HttpResponse<String> post = post("/" + Fixture.DEPT + "/tin-tuc/", "---\ntitle: x\n---\n");
        assertEquals(405, post.statusCode(), "the static pages take no POST: " + post.body());
    }
}
