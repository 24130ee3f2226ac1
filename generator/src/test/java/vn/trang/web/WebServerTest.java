package vn.trang.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server's own rules, with timeouts short enough to watch: on real loopback sockets, with
 * small handlers that echo, sleep, fail or stream.
 */
class WebServerTest {

    private static final Duration REQUEST = Duration.ofMillis(800);
    private static final Duration IDLE = Duration.ofMillis(2500);

    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final List<String> log = new ArrayList<>();
    private final BlockingQueue<EventSink> sinks = new LinkedBlockingQueue<>();
    private WebServer server;

    private WebServer start(Limits limits, java.util.concurrent.Executor pool) throws IOException {
        server = new WebServer("127.0.0.1", 0, pool, limits, log::add);
        server.mount("/", r -> Reply.text(200, "path=" + r.path() + " raw=" + r.rawPath() + " query=" + r.rawQuery()));
        server.mount("/sleep/", r -> {
            try {
                Thread.sleep(Long.parseLong(r.path().substring("/sleep/".length())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.text(200, "slept " + r.path());
        });
        server.mount("/fail", r -> {
            throw new IllegalStateException("hỏng");
        });
        server.mount("/events", r -> new Reply.Events(sinks::add));
        server.mountPost("/post", r -> Reply.text(200, "body=" + new String(r.body(), StandardCharsets.UTF_8)), 16);
        server.mountPost("/large", r -> Reply.text(200, "bytes=" + r.body().length), 64 * 1024);
        server.start();
        return server;
    }

    private WebServer start() throws IOException {
        return start(Limits.DEFAULT.withTimeouts(REQUEST, IDLE), workers);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        workers.shutdownNow();
    }

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", server.port());
        s.setSoTimeout(10_000);
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        OutputStream os = s.getOutputStream();
        os.write(text.getBytes(StandardCharsets.UTF_8));
        os.flush();
    }

    /** One response with a Content-Length: its status line, headers and body. */
    private static String response(Socket s) throws IOException {
        return response(s, false);
    }

    private static String response(Socket s, boolean headOnly) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head);
            }
            head.write(b);
        }
        String h = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : h.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        byte[] body = headOnly ? new byte[0] : in.readNBytes(length);
        return h + new String(body, StandardCharsets.UTF_8);
    }

    /** Milliseconds until the server closes the connection (reading and dropping anything it sends). */
    private static long closesAfter(Socket s) throws IOException {
        long t0 = System.nanoTime();
        try {
            while (s.getInputStream().read() >= 0) {
                // an answer before the close
            }
        } catch (SocketException reset) {
            // closed too
        } catch (SocketTimeoutException e) {
            throw new AssertionError("still open after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static final String GET = "GET /a HTTP/1.1\r\nHost: x\r\n\r\n";

    @Test
    void keptAliveConnectionsServeRequestsAndCloseWhenIdle() throws Exception {
        start();
        try (Socket s = connect()) {
            for (int i = 0; i < 3; i++) {
                send(s, "GET /a/%C4%91%E1%BB%8Fi?q=%E1%BB%8F+x HTTP/1.1\r\nHost: x\r\n\r\n");
                String r = response(s);
                assertTrue(r.startsWith("HTTP/1.1 200 OK\r\n"), r);
                assertTrue(r.endsWith("path=/a/đỏi raw=/a/%C4%91%E1%BB%8Fi query=q=%E1%BB%8F+x"), r);
                assertTrue(r.contains("date: ") || r.contains("Date: "), r);
                // Longer than the request timeout between requests: the idle timeout applies.
                Thread.sleep(REQUEST.toMillis() + 300);
            }
            long ms = closesAfter(s);
            assertTrue(ms > IDLE.toMillis() - REQUEST.toMillis() - 600 && ms < IDLE.toMillis() + 2000, "closed after " + ms);
        }
    }

    @Test
    void aRequestStartedAfterAnIdleWaitMustEndWithinTheRequestTimeout() throws Exception {
        start();
        try (Socket s = connect()) {
            send(s, GET);
            assertTrue(response(s).startsWith("HTTP/1.1 200"));
            send(s, "GET /a HTTP/1.1\r\nHost:");
            long ms = closesAfter(s);
            assertTrue(ms > REQUEST.toMillis() - 200 && ms < REQUEST.toMillis() + 2000, "closed after " + ms);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        start();
        try (Socket s = connect()) {
            send(s, "GET /sleep/300 HTTP/1.1\r\nHost: x\r\n\r\nGET /sleep/1 HTTP/1.1\r\nHost: x\r\n\r\n" + GET);
            assertTrue(response(s).endsWith("slept /sleep/300"));
            assertTrue(response(s).endsWith("slept /sleep/1"));
            assertTrue(response(s).endsWith("path=/a raw=/a query=null"));
        }
    }

    @Test
    void theServerAnswersWhatNeedsNoHandler() throws Exception {
        start();
        try (Socket s = connect()) {
            send(s, "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc");
            String post = response(s);
            assertTrue(post.startsWith("HTTP/1.1 405 ") && post.contains("allow: GET, HEAD") || post.contains("Allow: GET, HEAD"), post);
            send(s, "HEAD /a HTTP/1.1\r\nHost: x\r\n\r\n");
            String head = response(s, true);
            assertTrue(head.startsWith("HTTP/1.1 200 ") && head.toLowerCase().contains("content-length: 25\r\n"), head);
            send(s, "GET /fail HTTP/1.1\r\nHost: x\r\n\r\n");
            String fail = response(s);
            assertTrue(fail.startsWith("HTTP/1.1 500 ") && fail.contains("see the server's log"), fail);
            assertFalse(fail.contains("IllegalStateException"), fail);
            assertEquals(List.of("lỗi khi trả lời /fail: java.lang.IllegalStateException: hỏng"), log);
            send(s, GET);
            assertTrue(response(s).startsWith("HTTP/1.1 200"), "the connection goes on");
        }
        try (Socket s = connect()) {
            send(s, "GET /a HTTP/1.0\r\n\r\n");
            assertTrue(response(s).startsWith("HTTP/1.0 200"));
            assertTrue(closesAfter(s) < 1000, "HTTP/1.0 without keep-alive: closed after the answer");
        }
    }

    @Test
    void postGoesOnlyToHandlersMountedForItWithinTheirOwnLimit() throws Exception {
        start();
        try (Socket s = connect()) {
            send(s, "POST /post HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nđỏ");
            String ok = response(s);
            assertTrue(ok.startsWith("HTTP/1.1 200 ") && ok.endsWith("body=đỏ"), ok);
            send(s, "GET /post HTTP/1.1\r\nHost: x\r\n\r\n");
            String get = response(s);
            assertTrue(get.startsWith("HTTP/1.1 405 ") && get.toLowerCase().contains("allow: post\r\n"), get);
            send(s, "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc");
            String elsewhere = response(s);
            assertTrue(elsewhere.startsWith("HTTP/1.1 405 ") && elsewhere.toLowerCase().contains("allow: get, head\r\n"),
                    elsewhere);
            send(s, "DELETE /post HTTP/1.1\r\nHost: x\r\n\r\n");
            String delete = response(s);
            assertTrue(delete.startsWith("HTTP/1.1 405 ") && delete.toLowerCase().contains("allow: post\r\n"), delete);
            // a body as large as another handler takes, to one that takes less
            String big = "x".repeat(20_000);
            send(s, "POST /large HTTP/1.1\r\nHost: x\r\nContent-Length: 20000\r\n\r\n" + big);
            assertTrue(response(s).endsWith("bytes=20000"));
        }
        try (Socket s = connect()) {
            send(s, "POST /post HTTP/1.1\r\nHost: x\r\nContent-Length: 17\r\n\r\n" + "y".repeat(17));
            String r = response(s);
            assertTrue(r.startsWith("HTTP/1.1 413 ") && r.contains("longer than 16 bytes"), r);
        }
        try (Socket s = connect()) {
            // no length announced: counted as it comes
            send(s, "POST /post HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "a\r\n0123456789\r\na\r\n0123456789\r\n0\r\n\r\n");
            String r = response(s);
            assertTrue(r.startsWith("HTTP/1.1 413 ") && r.contains("longer than 16 bytes"), r);
        }
        try (Socket s = connect()) {
            send(s, "GET /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "2710\r\n" + "z".repeat(10_000) + "\r\n0\r\n\r\n");
            String r = response(s);
            assertTrue(r.startsWith("HTTP/1.1 413 ") && r.contains("longer than " + Limits.MAX_BODY + " bytes"), r);
        }
    }

    @Test
    void aFullQueueGets503AtOnce() throws Exception {
        start(Limits.DEFAULT, task -> {
            throw new RejectedExecutionException("full");
        });
        try (Socket s = connect()) {
            send(s, GET);
            String r = response(s);
            assertTrue(r.startsWith("HTTP/1.1 503 ") && r.toLowerCase().contains("retry-after: 1"), r);
        }
    }

    @Test
    void connectionsPastTheLimitAreClosedAtOnce() throws Exception {
        Limits d = Limits.DEFAULT;
        start(new Limits(d.requestTimeout(), d.idleTimeout(), d.writeTimeout(), d.maxRequestLine(), d.maxHeaders(),
                d.maxBody(), 2), workers);
        try (Socket a = connect(); Socket b = connect()) {
            Thread.sleep(200);
            try (Socket c = connect()) {
                assertTrue(closesAfter(c) < 1000);
            }
            send(a, GET);
            assertTrue(response(a).startsWith("HTTP/1.1 200"));
        }
    }

    @Test
    void anEventStreamOutlivesTheIdleTimeout() throws Exception {
        start();
        EventSink sink;
        try (Socket s = connect()) {
            send(s, "GET /events HTTP/1.1\r\nHost: x\r\n\r\n");
            sink = sinks.poll(5, TimeUnit.SECONDS);
            assertTrue(sink != null);
            Thread.sleep(IDLE.toMillis() + 500);
            assertTrue(sink.send("event: reload\ndata: {}\n\n"));
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            while (!got.toString(StandardCharsets.UTF_8).contains("data: {}")) {
                got.write(in.read());
            }
            String text = got.toString(StandardCharsets.UTF_8);
            assertTrue(text.startsWith("HTTP/1.1 200 ") && text.toLowerCase().contains("content-type: text/event-stream"), text);
            assertTrue(text.toLowerCase().contains("transfer-encoding: chunked"), text);
        }
        // The browser went away: the sink says so once the server has seen the close.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (sink.send(": ping\n\n") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(sink.send(": ping\n\n"));
    }
}
