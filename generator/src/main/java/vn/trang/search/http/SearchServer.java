package vn.trang.search.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import vn.trang.search.SearchService;

/**
 * The search service on its own port ({@code trang search}), for production behind a reverse
 * proxy that serves the static site. A fixed pool of workers (searching is CPU-bound: more threads
 * than cores only queue inside the JVM) with a bounded queue; when it is full the accepting thread
 * runs the request itself, which slows accepting down instead of dropping connections. A poller
 * picks up each new publish.
 */
public final class SearchServer implements AutoCloseable {

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, the body
        // waits for the client's delayed ACK: a flat 40 ms on every keep-alive answer. Read once,
        // when the JDK's server configuration is first loaded.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService poller;

    /**
     * @param host        address to bind; 127.0.0.1 behind a proxy on the same machine
     * @param port        0 picks a free port
     * @param threads     worker threads
     * @param pollSeconds how often to look for a new publish; 0 never
     */
    public SearchServer(SearchService service, SearchHttp http, String host, int port, int threads, int pollSeconds)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 1024);
        AtomicInteger n = new AtomicInteger();
        workers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4096), r -> {
            Thread t = new Thread(r, "trang-search-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(workers);
        http.mount(server);
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "trang-search-reopen");
            t.setDaemon(true);
            return t;
        });
        if (pollSeconds > 0) {
            poller.scheduleWithFixedDelay(service::reopen, pollSeconds, pollSeconds, TimeUnit.SECONDS);
        }
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        poller.shutdownNow();
        server.stop(0);
        workers.shutdownNow();
    }
}
