package vn.trang.pipeline;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads that read content. Their stack is far deeper than a default thread's (half a megabyte
 * to a megabyte): flexmark's and the YAML composer's walks recurse once per nesting level, and
 * content is untrusted. The parsers' own limits keep nesting small; this is the margin under them.
 * The memory is only reserved: a thread uses what its deepest call touches.
 */
public final class ContentThreads {

    /** Stack of each content thread. */
    public static final long STACK_BYTES = 64L << 20;

    private ContentThreads() {
    }

    /** A pool of {@code threads} daemon threads named {@code name-N}. */
    public static ExecutorService pool(int threads, String name) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(null, r, name + "-" + n.incrementAndGet(), STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
    }
}
