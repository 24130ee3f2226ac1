package vn.trang.search.http;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import vn.trang.search.SearchService;
import vn.trang.web.Limits;
import vn.trang.web.WebServer;

/**
 * The search service on its own port ({@code trang search}), for production behind a reverse
 * proxy that serves the static site. The {@link WebServer} reads requests on its network thread
 * and hands only complete ones to a fixed pool of workers (searching is CPU-bound: more threads
 * than cores only queue inside the JVM) with one bounded queue; when it is full a request is
 * answered 503 at once. A poller picks up each new publish.
 */
public final class SearchServer implements AutoCloseable {

    /** Requests waiting for a worker, beyond which the service answers 503. */
    static final int QUEUE = 4096;

    private final WebServer server;
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
        AtomicInteger n = new AtomicInteger();
        workers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "trang-search-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            server = new WebServer(host, port, workers, Limits.DEFAULT, line -> http.log().accept("trang search: " + line));
        } catch (IOException | RuntimeException e) {
            workers.shutdownNow();
            throw e;
        }
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
        return server.port();
    }

    @Override
    public void close() {
        poller.shutdownNow();
        server.close();
        workers.shutdownNow();
    }
}
