package vn.trang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.trang.Fixture;
import vn.trang.search.http.SearchHttp;
import vn.trang.search.http.SearchServer;
import vn.trang.text.JsonReader;
import vn.trang.web.Limits;

/**
 * The search service against clients that send slowly, half, or wrong: on real loopback sockets,
 * with the limits it ships with. Slow clients never hold a worker, stalled ones are disconnected,
 * and malformed or oversized requests get a plain-text 4xx saying what is wrong.
 */
class SearchServerLimitsTest {

    /** Fewer workers than stalled clients, many times over. */
    private static final int WORKERS = 4;

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
        server = new SearchServer(service, new SearchHttp(service, log::add), "127.0.0.1", 0, WORKERS, 0);
        server.start();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        service.close();
    }

    private static Socket connect() throws IOException {
        return new Socket("127.0.0.1", server.port());
    }

    /** Half a request of each kind a slow or hostile client leaves hanging. */
    private static final String[] HALVES = {
        "",
        "G",
        "GET /api/search?q=gi",
        "GET /api/search?q=giay+phep HTTP/1.1\r\nHost: x\r\n",
        "GET /tim-kiem?q=x HTTP/1.1\r\nHost: x\r\nUser-Agent: slow",
        "GET /api/search?q=x HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nabc",
    };

    @Test
    void twoHundredStalledConnectionsDoNotDelayAQuery() throws Exception {
        // A first search of another query, so the time below is not the JVM's warm-up.
        assertTrue(get("/api/search?q=x%C3%A2y+d%E1%BB%B1ng").startsWith("HTTP/1.1 200"));
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Socket s = connect();
                s.getOutputStream().write(HALVES[i % HALVES.length].getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                stalled.add(s);
            }
            Thread.sleep(200); // let the server see every first byte
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/api/search?q=" + SearchHttpTest.enc("giấy phép xây dựng"))).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            Map<String, Object> m = SearchHttpTest.json(r);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> hits = (List<Map<String, Object>>) m.get("hits");
            assertEquals(SearchFixture.PERMIT_PROCEDURE, hits.get(0).get("url"));
            assertTrue(ms < 1000, "answered in " + ms + " ms behind 200 stalled connections");
            // And many at once, each on its own connection.
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    answers.add(pool.submit(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + server.port() + "/tim-kiem?q=khai+sinh")).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode()));
                }
                for (Future<Integer> a : answers) {
                    assertEquals(200, a.get());
                }
            } finally {
                pool.shutdownNow();
            }
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    @Test
    void stalledAndDribblingConnectionsAreClosedAfterTheRequestTimeout() throws Exception {
        long timeout = Limits.REQUEST_TIMEOUT.toMillis();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            // Silent; half a request then nothing; a byte every 300 ms, a request that never ends.
            List<Future<Long>> closedAfter = List.of(
                    pool.submit(() -> closedAfter("", false)),
                    pool.submit(() -> closedAfter("GET /api/search?q=x HTTP/1.1\r\nHost: x\r\n", false)),
                    pool.submit(() -> closedAfter("GET /api/search?q=x HTTP/1.1\r\n", true)));
            for (Future<Long> f : closedAfter) {
                long ms = f.get();
                assertTrue(ms >= timeout - 200 && ms <= timeout + 3000, "closed after " + ms + " ms");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends {@code start} (then, if {@code dribble}, a header byte every 300 ms) and returns when the server closes. */
    private static long closedAfter(String start, boolean dribble) throws IOException {
        try (Socket s = connect()) {
            long t0 = System.nanoTime();
            s.setSoTimeout(300);
            OutputStream os = s.getOutputStream();
            os.write(start.getBytes(StandardCharsets.US_ASCII));
            os.flush();
            InputStream in = s.getInputStream();
            long limit = t0 + Limits.REQUEST_TIMEOUT.toNanos() + 5_000_000_000L;
            while (System.nanoTime() < limit) {
                try {
                    if (in.read() < 0) {
                        return (System.nanoTime() - t0) / 1_000_000;
                    }
                } catch (java.net.SocketTimeoutException e) {
                    if (dribble) {
                        try {
                            os.write('X');
                            os.flush();
                        } catch (SocketException closed) {
                            return (System.nanoTime() - t0) / 1_000_000;
                        }
                    }
                } catch (SocketException reset) {
                    return (System.nanoTime() - t0) / 1_000_000;
                }
            }
            throw new AssertionError("still open after " + (limit - t0) / 1_000_000 + " ms");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"/api/search?q=%ZZ | %ZZ", "/api/search?q=%zz | %zz",
            "/tim-kiem?q=gi%E1%BA%A5y+%ZZ | %ZZ", "/api/search?q=100% | %", "/api/search?q=%4 | %4",
            "/api/search?q=%G1&page=2 | %G1", "/tim-kiem?q=x&site=%Z | %Z", "/api/search%ZZ?q=x | %ZZ"})
    void malformedPercentEncodingGetsAPlainBadRequest(String target, String code) throws Exception {
        String r = raw("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(r.startsWith("HTTP/1.1 400 "), r);
        assertTrue(r.toLowerCase(java.util.Locale.ROOT).contains("content-type: text/plain; charset=utf-8"), r);
        String body = r.substring(r.indexOf("\r\n\r\n") + 4);
        assertTrue(body.contains("mã phần trăm sai: \"" + code + "\""), body);
        assertTrue(body.contains("Malformed percent-encoding \"" + code + "\""), body);
        assertFalse(body.contains("Exception") || body.contains("\tat "), body);
        assertTrue(get("/api/search?q=x").startsWith("HTTP/1.1 200"), "the service goes on");
    }

    @Test
    void otherCharactersNoUriMayHoldGetAPlainBadRequest() throws Exception {
        for (String target : List.of("/api/search?q=a\"b", "/tim-kiem?q=<script>", "/api/search?q=a\\b", "/api/search?q={}")) {
            String r = raw("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertTrue(r.startsWith("HTTP/1.1 400 "), r);
            String body = r.substring(r.indexOf("\r\n\r\n") + 4);
            assertTrue(body.contains("Địa chỉ yêu cầu không hợp lệ") && body.contains("not a valid URI"), body);
            assertFalse(body.contains("Exception") || body.contains("<script>"), body);
        }
    }

    @Test
    void overlongRequestLinesAndHeadersAreRefusedWithAPlainMessage() throws Exception {
        String line = raw("GET /api/search?q=" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(line.startsWith("HTTP/1.1 414 "), () -> line.substring(0, Math.min(200, line.length())));
        assertTrue(line.contains("dài quá") && line.contains("longer than"), line);
        String headers = raw("GET /api/search?q=x HTTP/1.1\r\nHost: x\r\nCookie: " + "c=1; ".repeat(20_000) + "\r\n\r\n");
        assertTrue(headers.startsWith("HTTP/1.1 431 "), () -> headers.substring(0, Math.min(200, headers.length())));
        String body = raw("GET /api/search?q=x HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n" + "b".repeat(100_000));
        assertTrue(body.startsWith("HTTP/1.1 413 "), () -> body.substring(0, Math.min(200, body.length())));
        assertTrue(get("/api/search?q=x").startsWith("HTTP/1.1 200"), "the service goes on");
        assertTrue(log.isEmpty(), log::toString);
    }

    private static String get(String target) throws IOException {
        return raw("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    }

    /** Sends a request as given and reads the answer until the server closes (at most 10 s). */
    private static String raw(String request) throws IOException {
        try (Socket s = connect()) {
            s.setSoTimeout(10_000);
            OutputStream os = s.getOutputStream();
            os.write(request.getBytes(StandardCharsets.ISO_8859_1));
            os.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toString(StandardCharsets.UTF_8);
        }
    }
}
