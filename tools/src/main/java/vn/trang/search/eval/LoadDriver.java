package vn.trang.search.eval;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Benchmark helper (bench/search-load.sh): an open-loop load generator. Requests are due at a
 * fixed rate whatever the server does, and each latency is measured from when its request was
 * due, not from when it could be sent, so a stalled server shows in the percentiles instead of
 * silently slowing the load down (the "coordinated omission" of closed-loop tools such as wrk).
 * Keep-alive HTTP/1.1 over a pool of sockets, one thread each.
 *
 * <p>The first {@code WARMUP} seconds (default 5) run at the same rate but are not measured: they
 * open the connections and let this JVM compile its own loop. Measured from the first request, a
 * fresh driver counted its own start-up as the service's latency (p99 54 ms against a service
 * answering every request from its cache).
 *
 * <pre>java -cp trang.jar vn.trang.search.eval.LoadDriver http://127.0.0.1:4001 queries.txt RATE SECONDS [CONNECTIONS [WARMUP]]</pre>
 *
 * Prints one JSON line: rate asked and achieved, errors, p50/p90/p99/p99.9/max in milliseconds, and
 * the p99 of each second in order ({@code p99_per_second_ms}): a run whose p99 is high because of
 * one stalled second (a pause of the service, or of a shared machine) looks different there from
 * one that is slow throughout.
 */
public final class LoadDriver {

    private LoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        List<String> queries = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        double rate = Double.parseDouble(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int connections = args.length > 4 ? Integer.parseInt(args[4]) : 64;
        int warmup = (int) (rate * (args.length > 5 ? Integer.parseInt(args[5]) : 5));
        int measured = (int) (rate * seconds);
        int total = warmup + measured;
        long interval = (long) (1e9 / rate);
        long[] latency = new long[measured];
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime() + 200_000_000L;
        Thread[] workers = new Thread[connections];
        for (int w = 0; w < connections; w++) {
            workers[w] = new Thread(() -> {
                Connection c = null;
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    long due = start + i * interval;
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    String path = base.getPath().replaceAll("/$", "") + "/api/search?" + queries.get(i % queries.size());
                    try {
                        if (c == null) {
                            c = new Connection(base.getHost(), base.getPort());
                        }
                        if (c.get(path) != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        c = null;
                    }
                    if (i >= warmup) {
                        latency[i - warmup] = System.nanoTime() - due;
                    }
                }
            }, "load-" + w);
            workers[w].start();
        }
        for (Thread t : workers) {
            t.join();
        }
        double took = (System.nanoTime() - (start + warmup * interval)) / 1e9;
        long[] sorted = latency.clone();
        Arrays.sort(sorted);
        StringBuilder perSecond = new StringBuilder();
        int perSecondCount = Math.max(1, (int) rate);
        for (int from = 0; from < measured; from += perSecondCount) {
            long[] second = Arrays.copyOfRange(latency, from, Math.min(measured, from + perSecondCount));
            Arrays.sort(second);
            perSecond.append(perSecond.length() == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.1f", ms(second, 0.99)));
        }
        System.out.printf(java.util.Locale.ROOT,
                "{\"rate\": %.0f, \"achieved\": %.0f, \"requests\": %d, \"errors\": %d, \"p50_ms\": %.2f, \"p90_ms\": %.2f, "
                        + "\"p99_ms\": %.2f, \"p999_ms\": %.2f, \"max_ms\": %.2f, \"p99_per_second_ms\": [%s]}%n",
                rate, measured / took, measured, errors.get(), ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99),
                ms(sorted, 0.999), sorted[sorted.length - 1] / 1e6, perSecond);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /** One keep-alive connection; reads each answer whole (the service always sends Content-Length). */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final String host;

        Connection(String host, int port) throws IOException {
            this.host = host;
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }

        int get(String path) throws IOException {
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.split(" ")[1]);
            int length = 0;
            String h;
            while (!(h = line()).isEmpty()) {
                int colon = h.indexOf(':');
                if (colon > 0 && h.substring(0, colon).equalsIgnoreCase("Content-Length")) {
                    length = Integer.parseInt(h.substring(colon + 1).strip());
                }
            }
            for (long skipped = 0; skipped < length; ) {
                long s = in.skip(length - skipped);
                if (s <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("closed");
                    }
                    s = 1;
                }
                skipped += s;
            }
            return code;
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (b != '\r') {
                    sb.append((char) b);
                }
            }
            if (b < 0) {
                throw new IOException("closed");
            }
            return sb.toString();
        }
    }
}
