package vn.trang.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.pipeline.BuildResult;

/** The preview server: static files, redirects, per-site 404s, no escape from the root, live reload. */
class DevServerTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String SECRET = "BÍ MẬT NGOÀI THƯ MỤC";

    @TempDir
    static Path tmp;
    static Fixture f;
    static Path out;
    static DevServer server;
    static HttpClient http;

    @BeforeAll
    static void start() throws IOException {
        f = Fixture.standard(tmp.resolve("project"));
        f.news("so-a", "tin", "Tin của sở", "2025-01-01");
        out = f.out();
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        // Files beside and above the served folder that must never be reachable.
        Files.writeString(tmp.resolve("secret.txt"), SECRET);
        Files.writeString(f.path("secret.txt"), SECRET);
        server = new DevServer(() -> out, 0, true);
        server.start();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(WAIT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static URI uri(DevServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static URI uri(String path) {
        return uri(server, path);
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(server, path);
    }

    private static HttpResponse<String> get(DevServer server, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(server, path)).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A request sent byte for byte as given, so no client library normalises the path first. */
    private static RawResponse raw(String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout((int) WAIT.toMillis());
            OutputStream os = s.getOutputStream();
            os.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            os.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            String text = buf.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            return new RawResponse(status, text);
        }
    }

    record RawResponse(int status, String text) {
    }

    private static String file(Path p) {
        return Fixture.read(p);
    }

    @Test
    void servesIndexHtmlForDirectories() throws Exception {
        HttpResponse<String> r = get("/so-a/");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String onDisk = file(out.resolve("so-a/index.html"));
        String title = org.jsoup.Jsoup.parse(onDisk).title();
        assertEquals(title, org.jsoup.Jsoup.parse(r.body()).title());
        HttpResponse<String> home = get("/");
        assertEquals(200, home.statusCode());
        assertEquals(org.jsoup.Jsoup.parse(file(out.resolve("index.html"))).title(), org.jsoup.Jsoup.parse(home.body()).title());
    }

    @Test
    void redirectsDirectoriesToTheirSlashForm() throws Exception {
        HttpResponse<String> r = get("/so-a/tin-tuc");
        assertEquals(301, r.statusCode());
        assertEquals("/so-a/tin-tuc/", r.headers().firstValue("Location").orElseThrow());
        assertEquals(301, get("/so-a").statusCode());
    }

    @Test
    void missingPagesGetTheNearestSites404WithStatus404() throws Exception {
        HttpResponse<String> unit = get("/so-a/tin-tuc/khong-co/");
        assertEquals(404, unit.statusCode());
        String unit404 = org.jsoup.Jsoup.parse(file(out.resolve("so-a/404.html"))).title();
        assertEquals(unit404, org.jsoup.Jsoup.parse(unit.body()).title());
        assertTrue(unit.body().contains("Sở Thử Nghiệm"));

        HttpResponse<String> portal = get("/khong-co.html");
        assertEquals(404, portal.statusCode());
        assertEquals(org.jsoup.Jsoup.parse(file(out.resolve("404.html"))).title(),
                org.jsoup.Jsoup.parse(portal.body()).title());
        assertNotEquals(unit404, org.jsoup.Jsoup.parse(portal.body()).title(), "each site has its own 404");
        assertEquals(404, get("/xa-b/khong/co/gi/").statusCode());
        assertTrue(get("/xa-b/khong/co/gi/").body().contains("Xã Bình Yên"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../secret.txt", "/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/secret.txt",
            "/..%2fsecret.txt", "/%2e%2e%2f%2e%2e%2fsecret.txt", "/so-a/../../secret.txt", "/so-a/%2e%2e/%2e%2e/secret.txt",
            "//../secret.txt", "/..\\secret.txt", "/../../../../../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
            "/%252e%252e/secret.txt", "/.%2e/secret.txt", "/secret.txt%00.html"})
    void pathTraversalNeverEscapesTheRoot(String path) throws Exception {
        RawResponse r = raw(path);
        assertNotEquals(200, r.status(), r::text);
        assertFalse(r.text().contains(SECRET), r::text);
        assertFalse(r.text().contains("root:x:0:0"), r::text);
        assertTrue(r.status() == 400 || r.status() == 403 || r.status() == 404, r::text);
    }

    @Test
    void malformedPathsGetBadRequest() throws Exception {
        // A NUL byte cannot be part of a file name: a clear 400, not a dropped connection.
        RawResponse r = raw("/secret.txt%00.html");
        assertEquals(400, r.status(), r::text);
        assertEquals(200, raw("/so-a/").status(), "the server keeps serving");
        // A '%' without two hex digits: a plain sentence naming it, not an exception's name.
        RawResponse bad = raw("/so-a/%ZZ/");
        assertEquals(400, bad.status(), bad::text);
        assertTrue(bad.text().contains("\"%ZZ\"") && !bad.text().contains("Exception"), bad::text);
    }

    @Test
    void pathTraversalThroughTheHttpClientToo() throws Exception {
        for (String path : List.of("/../secret.txt", "/%2e%2e/secret.txt", "/%2e%2e/%2e%2e/etc/passwd")) {
            HttpResponse<String> r = get(path);
            assertNotEquals(200, r.statusCode(), path);
            assertFalse(r.body().contains(SECRET), path);
        }
    }

    @Test
    void reloadScriptIsInjectedIntoHtmlOnly() throws Exception {
        HttpResponse<String> html = get("/so-a/tin-tuc/tin-cua-so/");
        assertEquals(200, html.statusCode());
        assertEquals(1, org.jsoup.Jsoup.parse(html.body()).select("script:not([type=application/ld+json])").size());
        assertTrue(html.body().contains(DevServer.EVENTS_PATH));
        int script = html.body().indexOf("<script>");
        assertTrue(script > 0 && script < html.body().lastIndexOf("</body>"), "injected before </body>");
        assertEquals(file(out.resolve("so-a/tin-tuc/tin-cua-so/index.html")),
                html.body().substring(0, script) + html.body().substring(html.body().indexOf("</script>", script) + 9),
                "the page is otherwise served as built");
        assertTrue(org.jsoup.Jsoup.parse(file(out.resolve("so-a/tin-tuc/tin-cua-so/index.html")))
                .select("script:not([type=application/ld+json])").isEmpty(), "the built file itself runs no script");
        assertEquals(1, org.jsoup.Jsoup.parse(get("/so-a/nope/").body()).select("script:not([type=application/ld+json])").size(), "404 pages too");

        for (String path : List.of("/_assets/css/trang.css", "/sitemap.xml", "/robots.txt", "/so-a/tin-tuc/rss.xml",
                "/_assets/img/logo.svg")) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri(path)).timeout(WAIT).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), path);
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(out.resolve(path.substring(1))), r.body()),
                    "served byte for byte: " + path);
        }
        assertTrue(get("/_assets/css/trang.css").headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertTrue(get("/sitemap.xml").headers().firstValue("Content-Type").orElse("").contains("xml"));
    }

    @Test
    void theEditorPageIsNotReloadedByRebuilds() throws Exception {
        HttpResponse<String> editor = get("/so-a/quan-tri/");
        assertEquals(200, editor.statusCode());
        assertEquals(file(out.resolve("so-a/quan-tri/index.html")), editor.body(), "served as built, no reload script");
    }

    @Test
    void withoutLiveReloadNothingIsInjected() throws Exception {
        try (DevServer plain = new DevServer(() -> out, 0, false)) {
            plain.start();
            HttpResponse<String> r = get(plain, "/so-a/");
            assertEquals(file(out.resolve("so-a/index.html")), r.body());
        }
    }

    @Test
    void onlyGetAndHeadAreAllowed() throws Exception {
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/so-a/")).timeout(WAIT)
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(uri("/so-a/")).timeout(WAIT)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
    }

    @Test
    void servesTheNewOutputAfterARebuild(@TempDir Path own) throws Exception {
        Fixture g = Fixture.standard(own);
        assertTrue(g.build().ok());
        try (DevServer fresh = new DevServer(g::out, 0, true)) {
            fresh.start();
            assertEquals(404, get(fresh, "/so-a/tin-tuc/tin-moi/").statusCode());
            g.news("so-a", "moi", "Tin mới", "2025-02-01");
            assertTrue(g.build().ok());
            assertEquals(200, get(fresh, "/so-a/tin-tuc/tin-moi/").statusCode(), "the server follows the swapped folder");
        }
    }

    /** Opens the event stream and returns its lines as they arrive. */
    private static BlockingQueue<String> subscribe() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> r = http.sendAsync(HttpRequest.newBuilder(uri(DevServer.EVENTS_PATH)).build(),
                HttpResponse.BodyHandlers.ofLines()).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        Thread reader = new Thread(() -> {
            try (Stream<String> s = r.body()) {
                s.forEach(lines::add);
            } catch (RuntimeException closed) {
                // the server closed the stream
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        assertEquals(": connected", lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        return lines;
    }

    /** Calls {@code send} until {@code event} arrives (the subscription may register a moment after the greeting). */
    private static String await(BlockingQueue<String> lines, String event, Runnable send) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            send.run();
            String line;
            while ((line = lines.poll(100, TimeUnit.MILLISECONDS)) != null) {
                if (line.equals(event)) {
                    return lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }
        throw new AssertionError("no '" + event + "' within " + WAIT);
    }

    @Test
    void eventStreamDeliversReload() throws Exception {
        BlockingQueue<String> lines = subscribe();
        String data = await(lines, "event: reload", server::reload);
        assertEquals("data: {}", data);
    }

    @Test
    void eventStreamDeliversBuildProblemsAsJson() throws Exception {
        BlockingQueue<String> lines = subscribe();
        String text = "content/so-a/tin-tuc/x.md:3:7: lỗi: \"date\" <sai>\n    sửa: viết date: 2019-04-19";
        String data;
        try {
            data = await(lines, "event: problem", () -> server.problem(text));
        } finally {
            server.reload(); // the other tests want the pages, not the problem page
        }
        assertNotNull(data);
        assertTrue(data.startsWith("data: \""), data);
        assertFalse(data.substring(6).contains("<"), "no raw markup in the event: " + data);
        assertFalse(data.substring(6).contains("\n"), data);
        assertTrue(data.contains("\\u003csai\\u003e"), data);
        assertTrue(data.contains("lỗi: \\\"date\\\""), data);
        assertTrue(data.contains("\\n    sửa"), data);
    }
}
