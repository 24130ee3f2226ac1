package vn.trang.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.AlreadyClosedException;

import vn.trang.index.SearchFiles;

/**
 * The currently published index, swapped without downtime. A publish replaces the whole output
 * folder (a rename), so a new index is a new folder, not new segments in the old one: reopening
 * means opening the new folder beside the old, switching one reference, and closing the old
 * manager. Searches that already hold the old searcher finish on it (its reader is reference
 * counted and stays readable after its folder is deleted: the files are memory-mapped); a search
 * that races the switch and finds the old manager closed simply takes the new one.
 */
final class LiveIndex implements Closeable {

    /** Work done with a searcher of one publish. */
    @FunctionalInterface
    interface Use<T> {
        T apply(IndexSearcher searcher, Published publish) throws IOException;
    }

    private final SearchFiles files;
    private final Similarity similarity;
    private final int cacheEntries;
    private final AtomicReference<Published> current = new AtomicReference<>();
    private final Object reopening = new Object();
    private volatile String problem;

    /** @param cacheEntries answers kept per publish ({@link ResultCache}); 0 for none */
    LiveIndex(SearchFiles files, Similarity similarity, int cacheEntries) {
        this.files = files;
        this.similarity = similarity;
        this.cacheEntries = cacheEntries;
    }

    /**
     * Opens the published index if it is new (first call, or a publish since). Never throws: a
     * missing or broken index leaves the previous one serving and is reported by {@link #problem()}.
     *
     * @return whether a new index is now serving
     */
    boolean reopen() {
        synchronized (reopening) {
            Optional<Published.Identity> id = Published.Identity.of(files.index());
            Published old = current.get();
            if (id.isEmpty()) {
                problem = old == null ? "chưa có chỉ mục tìm kiếm tại " + files.index() : null;
                return false;
            }
            if (old != null && old.identity.equals(id.get())) {
                return false;
            }
            Published fresh;
            try {
                fresh = Published.open(files, id.get(), similarity, cacheEntries);
            } catch (IOException | RuntimeException e) {
                problem = "không mở được chỉ mục " + files.index() + ": " + e.getMessage();
                return false;
            }
            current.set(fresh);
            problem = null;
            if (old != null) {
                retire(old);
            }
            return true;
        }
    }

    /**
     * Runs {@code use} with a searcher of the current publish, or returns empty when none is
     * open. The searcher is released afterwards whatever happens.
     */
    <T> Optional<T> with(Use<T> use) throws IOException {
        while (true) {
            Published p = current.get();
            if (p == null) {
                return Optional.empty();
            }
            IndexSearcher s;
            try {
                s = p.manager.acquire();
            } catch (AlreadyClosedException e) {
                continue; // swapped between get() and acquire(): take the new one
            }
            try {
                return Optional.ofNullable(use.apply(s, p));
            } finally {
                p.manager.release(s);
            }
        }
    }

    /** Documents in the serving index, or -1 when none is open. */
    int docs() {
        Published p = current.get();
        return p == null ? -1 : p.docs;
    }

    /** Cache hits and misses of the serving publish, or zeros. */
    long[] cacheCounts() {
        Published p = current.get();
        return p == null ? new long[2] : new long[] {p.cache.hits(), p.cache.misses()};
    }

    /** Why no index is serving, or null. */
    String problem() {
        return problem;
    }

    private static void retire(Published old) {
        try {
            old.close();
        } catch (IOException e) {
            // the old reader goes away with its last searcher anyway
        }
        // Not old.closeDirectory(): an in-flight search may still read through it. An FSDirectory
        // holds no resources of its own beyond the reader's, which reference counting closes.
    }

    @Override
    public void close() throws IOException {
        Published p = current.getAndSet(null);
        if (p != null) {
            p.close();
            p.closeDirectory();
        }
    }
}
