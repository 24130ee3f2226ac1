package vn.trang.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes files on many threads while pages are rendered on as many threads as there are cores.
 *
 * <p>Why: creating a file and its folder is a metadata operation that waits on the
 * disk's journal, a millisecond or more on the build machines measured (docs/BENCHMARKS.md),
 * while rendering a page takes a fraction of that in CPU. Written inline, a two-core build spent
 * most of its time waiting; here rendering threads hand bytes over and go on, up to a bound on
 * bytes in flight so memory stays flat.
 */
public final class ParallelWriter implements AutoCloseable {

    /** What happened to one file. */
    public interface Done {
        void written(Path file, long size, long mtimeNanos);
    }

    public static final int DEFAULT_THREADS = 32;
    private static final long DEFAULT_IN_FLIGHT = 64L << 20;

    private final ExecutorService pool;
    private final Semaphore budget;
    private final int budgetKb;
    private final Set<Path> dirs = ConcurrentHashMap.newKeySet();
    private final AtomicReference<IOException> failure = new AtomicReference<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final Object idle = new Object();

    public ParallelWriter() {
        this(DEFAULT_THREADS, DEFAULT_IN_FLIGHT);
    }

    public ParallelWriter(int threads, long maxInFlightBytes) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory f = r -> {
            Thread t = new Thread(r, "trang-write-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), f);
        this.budgetKb = (int) Math.max(1, maxInFlightBytes >> 10);
        this.budget = new Semaphore(budgetKb);
    }

    /** What to do when a write fails (else the failure is thrown by {@link #await()}). */
    public interface Failed {
        void failed(Path file, IOException e);
    }

    /** Queues a write (waits while too many bytes are in flight); {@code done} may be null. */
    public void write(Path file, byte[] bytes, Done done) {
        write(file, bytes, done, null);
    }

    /** The same; a failure goes to {@code failed} when it is given. */
    public void write(Path file, byte[] bytes, Done done, Failed failed) {
        IOException f = failure.get();
        if (f != null) {
            throw new UncheckedIOException(f);
        }
        int kb = (int) Math.min(budgetKb, (bytes.length >> 10) + 1);
        budget.acquireUninterruptibly(kb);
        pending.incrementAndGet();
        pool.execute(() -> {
            try {
                ensureParent(file);
                Files.write(file, bytes);
                if (done != null) {
                    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                    done.written(file, a.size(), nanos(a));
                }
            } catch (IOException e) {
                if (failed != null) {
                    failed.failed(file, e);
                } else {
                    failure.compareAndSet(null, e);
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, new IOException(e.toString(), e));
            } finally {
                budget.release(kb);
                if (pending.decrementAndGet() == 0) {
                    synchronized (idle) {
                        idle.notifyAll();
                    }
                }
            }
        });
    }

    /** Queues any task that does file-system work (copies, links) on the writer threads. */
    public void run(IoTask task) {
        pending.incrementAndGet();
        pool.execute(() -> {
            try {
                task.run();
            } catch (IOException e) {
                failure.compareAndSet(null, e);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, new IOException(e.toString(), e));
            } finally {
                if (pending.decrementAndGet() == 0) {
                    synchronized (idle) {
                        idle.notifyAll();
                    }
                }
            }
        });
    }

    /** File-system work that may fail. */
    public interface IoTask {
        void run() throws IOException;
    }

    /** Creates a file's folder once per folder (other threads' folders are remembered too). */
    public void ensureParent(Path file) throws IOException {
        Path dir = file.getParent();
        if (dir != null && !dirs.contains(dir)) {
            Files.createDirectories(dir);
            dirs.add(dir);
        }
    }

    /** Waits for every queued write; throws the first failure. */
    public void await() throws IOException {
        synchronized (idle) {
            while (pending.get() > 0) {
                try {
                    idle.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("bị ngắt khi đang ghi tệp", e);
                }
            }
        }
        IOException f = failure.get();
        if (f != null) {
            throw f;
        }
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static long nanos(BasicFileAttributes a) {
        return a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    }
}
