package vn.trang.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Writes a complete, read-only index of a set of documents into an empty folder: built once per
 * publish, never updated in place (a new publish is a new folder, swapped in whole), so it is
 * merged to a single segment for the fastest reads and the simplest facet counting.
 */
public final class IndexBuilder {

    /** Commit user-data keys: the schema a reader must understand, and how many documents. */
    public static final String SCHEMA_KEY = "trang.schema";
    public static final String DOCS_KEY = "trang.docs";
    /** Bump when fields or analysis change incompatibly; the service refuses other versions. */
    public static final String SCHEMA_VERSION = "2";

    private final int threads;

    public IndexBuilder(int threads) {
        this.threads = Math.max(1, threads);
    }

    /** Indexes {@code docs} into {@code dir} (created; must not hold an index) and commits. */
    public void write(Path dir, List<SearchDocument> docs) throws IOException {
        Files.createDirectories(dir);
        try (Directory directory = FSDirectory.open(dir)) {
            write(directory, docs);
        }
    }

    /** Indexes {@code docs} into an empty directory (in memory for evaluations) and commits. */
    public void write(Directory directory, List<SearchDocument> docs) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(VietnameseAnalyzers.perField())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(128)
                .setUseCompoundFile(false)
                .setCommitOnClose(false)
                // Documents are added from several threads; sorting by input order keeps ties in a
                // deterministic, meaningful order (the catalog's: newest first).
                .setIndexSort(new Sort(new SortField(SearchFields.ORDER, SortField.Type.LONG)));
        TieredMergePolicy merges = new TieredMergePolicy();
        merges.setNoCFSRatio(0.0); // no compound files: the index is opened read-only and memory-mapped
        config.setMergePolicy(merges);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            addAll(writer, docs);
            writer.forceMerge(1);
            writer.setLiveCommitData(Map.of(SCHEMA_KEY, SCHEMA_VERSION, DOCS_KEY, Integer.toString(docs.size()))
                    .entrySet());
            writer.commit();
        }
    }

    /** Analysis dominates indexing time; IndexWriter takes documents from many threads at once. */
    private void addAll(IndexWriter writer, List<SearchDocument> docs) throws IOException {
        if (threads == 1 || docs.size() < 1000) {
            for (int i = 0; i < docs.size(); i++) {
                writer.addDocument(LuceneDocuments.of(docs.get(i), i));
            }
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, docs.size()).parallel().forEach(i -> {
                try {
                    writer.addDocument(LuceneDocuments.of(docs.get(i), i));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("bị ngắt khi đang lập chỉ mục", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw new IOException("lỗi khi lập chỉ mục: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
