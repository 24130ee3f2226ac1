package vn.trang.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * Writes a complete, read-only index of a set of documents into an empty folder: built once per
 * publish, never updated in place (a new publish is a new folder, swapped in whole).
 *
 * <p>Both cores work: the documents are cut into one contiguous run per thread, and each thread
 * makes (analyses) and adds its run in order with a writer of its own, merged to one segment. The
 * runs' segments are then put side by side in the final index, in input order, without merging
 * them again: document ids follow the catalog order (ties keep it), and collection statistics are
 * the whole index's whatever the segment count, so scores do not depend on the number of threads.
 * One writer fed by several threads would spread its documents over per-thread buffers in no
 * order: each buffer sorted when flushed, and all merged again at the end, cost more than the
 * second core saved.
 */
public final class IndexBuilder {

    /** Commit user-data keys: the schema a reader must understand, and how many documents. */
    public static final String SCHEMA_KEY = "trang.schema";
    public static final String DOCS_KEY = "trang.docs";
    /** Bump when fields or analysis change incompatibly; the service refuses other versions. */
    public static final String SCHEMA_VERSION = "5";

    /** Runs shorter than this are not worth a thread (and a segment) of their own. */
    static final int MIN_RUN = 500;
    /** Indexing memory, shared by the runs: a province's build must stay within the launcher's heap. */
    private static final double RAM_BUFFER_MB = 128;
    /**
     * Memory: from this many documents on, a build indexes with less memory
     * ({@link #LARGE_RAM_BUFFER_MB}) and reads what it merges without mapping it: at 100,000 pages
     * the build's own live set is ~0.55 GB of a 1 GB heap, and mapped files read by merges and
     * addIndexes count in the process's resident memory (the bound is 1.5 GB). Below it, mapped
     * reads and the large buffer are much faster (10,000 pages: the index stage took ~2–4× as
     * long with NIOFSDirectory and 48 MB). The index written is the same either way.
     */
    static final int LARGE = 50_000;
    private static final double LARGE_RAM_BUFFER_MB = 48;

    private final int threads;

    public IndexBuilder(int threads) {
        this.threads = Math.max(1, threads);
    }

    /** Indexes {@code docs} into {@code dir} (created; must not hold an index) and commits. */
    public void write(Path dir, List<SearchDocument> docs) throws IOException {
        Files.createDirectories(dir);
        List<Path> runDirs = new ArrayList<>();
        boolean large = docs.size() >= LARGE;
        try (Directory directory = open(dir, large)) {
            write(directory, docs, run -> {
                // Beside the index, not in it: the index folder must hold only the index's files.
                Path p = dir.resolveSibling(dir.getFileName() + ".run" + run);
                runDirs.add(p);
                return open(p, large);
            });
        } finally {
            for (Path p : runDirs) {
                deleteTree(p);
            }
        }
    }

    /** See {@link #LARGE}: the search service maps the index it serves either way. */
    private static Directory open(Path p, boolean large) throws IOException {
        return large ? new NIOFSDirectory(p) : FSDirectory.open(p);
    }

    /** Indexes {@code docs} into an empty directory in memory (evaluations) and commits. */
    public void write(Directory directory, List<SearchDocument> docs) throws IOException {
        write(directory, docs, run -> new ByteBuffersDirectory());
    }

    /** Where a run is written before it joins the index. */
    private interface RunDirectories {
        Directory open(int run) throws IOException;
    }

    private void write(Directory directory, List<SearchDocument> docs, RunDirectories runDirs) throws IOException {
        int runs = Math.max(1, Math.min(threads, docs.size() / MIN_RUN));
        Map<String, String> commitData = Map.of(SCHEMA_KEY, SCHEMA_VERSION, DOCS_KEY, Integer.toString(docs.size()));
        double buffer = docs.size() >= LARGE ? LARGE_RAM_BUFFER_MB : RAM_BUFFER_MB;
        try (IndexWriter writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(buffer))) {
            if (runs == 1) {
                addRun(writer, docs, 0);
            } else {
                Directory[] parts = new Directory[runs];
                try {
                    for (int r = 0; r < runs; r++) {
                        parts[r] = runDirs.open(r);
                    }
                    writeRuns(docs, parts, buffer);
                    // Copies the runs' files, in order: no merge.
                    writer.addIndexes(parts);
                } finally {
                    IOUtils.close(parts);
                }
            }
            writer.setLiveCommitData(commitData.entrySet());
            writer.commit();
        }
    }

    /** Each run in its own thread and writer; waits for all. */
    private static void writeRuns(List<SearchDocument> docs, Directory[] parts, double buffer) throws IOException {
        int runs = parts.length;
        ExecutorService pool = Executors.newFixedThreadPool(runs, r -> {
            Thread t = new Thread(r, "trang-index");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                int from = (int) ((long) docs.size() * r / runs);
                int to = (int) ((long) docs.size() * (r + 1) / runs);
                Directory part = parts[r];
                done.add(pool.submit(() -> {
                    IndexWriterConfig c = config(IndexWriterConfig.OpenMode.CREATE)
                            .setRAMBufferSizeMB(buffer / runs);
                    try (IndexWriter w = new IndexWriter(part, c)) {
                        addRun(w, docs.subList(from, to), from);
                        w.commit();
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                finished(f);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Adds documents in order, their order values counting from {@code first}, as one segment. */
    private static void addRun(IndexWriter writer, List<SearchDocument> docs, int first) throws IOException {
        for (int i = 0; i < docs.size(); i++) {
            writer.addDocument(LuceneDocuments.of(docs.get(i), first + i));
        }
        writer.forceMerge(1);
    }

    private static void finished(Future<Void> run) throws IOException {
        try {
            run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("bị ngắt khi đang lập chỉ mục", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException("lỗi khi lập chỉ mục: " + c, c);
        }
    }

    /**
     * The writer configuration of the search index, for a new index or for updating one in place
     * (the build cache's {@code IndexUpdate}): both must agree or the index cannot be reopened.
     */
    public static IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
        IndexWriterConfig config = new IndexWriterConfig(VietnameseAnalyzers.perField())
                .setOpenMode(mode)
                .setCodec(new TrangCodec())
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                .setUseCompoundFile(false)
                .setCommitOnClose(false)
                // Ties keep the catalog's order (newest first). Documents arrive in that order, so
                // each flushed segment is already sorted and sorting costs nothing; the declared
                // sort keeps merges, and documents replaced later, in that order too.
                .setIndexSort(new Sort(new SortField(SearchFields.ORDER, SortField.Type.LONG)));
        TieredMergePolicy merges = new TieredMergePolicy();
        merges.setNoCFSRatio(0.0); // no compound files: the index is opened read-only and memory-mapped
        config.setMergePolicy(merges);
        return config;
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
