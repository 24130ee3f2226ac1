package vn.trang.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import vn.trang.index.IndexBuilder;
import vn.trang.index.ItemDocuments;
import vn.trang.index.LuceneDocuments;
import vn.trang.index.SearchFields;
import vn.trang.model.Item;

/**
 * Brings a copy of the previous search index up to date by replacing only the documents of
 * changed pages (an edit to one page must not re-analyse a province's text). Used only
 * when every page keeps its place in the index's order, so each document's order value stays
 * what a full build would give it; anything else (pages added, removed, reordered) is a full
 * rebuild by {@link IndexBuilder}. The writer uses IndexBuilder's configuration
 * ({@link IndexBuilder#config}); an index of another sort or schema fails to open or is refused,
 * and the caller rebuilds.
 *
 * <p>The result holds the same documents as a full build but, until the next full build, more
 * than one segment: relevance statistics still count the replaced versions until Lucene merges
 * them, so scores may differ in their last digits.
 */
public final class IndexUpdate {

    private IndexUpdate() {
    }

    /** Hard-links every file of {@code from} into the empty or missing folder {@code to}. */
    public static void linkFiles(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.toList()) {
                if (Files.isRegularFile(f)) {
                    Path t = to.resolve(f.getFileName().toString());
                    try {
                        Files.createLink(t, f);
                    } catch (UnsupportedOperationException | IOException e) {
                        Files.copy(f, t);
                    }
                }
            }
        }
    }

    /**
     * Replaces the documents at {@code changed} positions of {@code dir}'s index with those of
     * {@code items} (the full, ordered list of indexed items).
     */
    public static void update(Path dir, List<Item> items, List<Integer> changed) throws IOException {
        // the full build's configuration (analyzers, index sort, merge policy, compound files)
        IndexWriterConfig config = IndexBuilder.config(IndexWriterConfig.OpenMode.APPEND);
        try (Directory directory = FSDirectory.open(dir)) {
            Map<String, String> data = new HashMap<>();
            try (DirectoryReader r = DirectoryReader.open(directory)) {
                r.getIndexCommit().getUserData().forEach(data::put);
                if (!IndexBuilder.SCHEMA_VERSION.equals(data.get(IndexBuilder.SCHEMA_KEY))
                        || r.numDocs() != items.size()) {
                    throw new IOException("chỉ mục cũ không khớp");
                }
            }
            try (IndexWriter w = new IndexWriter(directory, config)) {
                for (int i : changed) {
                    vn.trang.index.SearchDocument doc = ItemDocuments.of(items.get(i));
                    w.updateDocument(new Term(SearchFields.ID, doc.url()), LuceneDocuments.of(doc, i));
                }
                data.put(IndexBuilder.DOCS_KEY, Integer.toString(items.size()));
                w.setLiveCommitData(data.entrySet());
                w.commit();
            }
        }
    }
}
