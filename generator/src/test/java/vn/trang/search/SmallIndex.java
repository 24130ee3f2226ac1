package vn.trang.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

import vn.trang.index.IndexBuilder;
import vn.trang.index.SearchDocument;
import vn.trang.index.SearchFields;

/**
 * A handful of items indexed in memory with the real schema and analysis, for ranking tests: what
 * a ranking puts first for a query, as the service's engine ranks it.
 */
final class SmallIndex implements AutoCloseable {

    private final Directory dir = new ByteBuffersDirectory();
    private final DirectoryReader reader;

    private SmallIndex(List<SearchDocument> docs) throws IOException {
        new IndexBuilder(1).write(dir, docs);
        reader = DirectoryReader.open(dir);
    }

    static SmallIndex of(List<SearchDocument> docs) throws IOException {
        return new SmallIndex(docs);
    }

    /** An item of the portal with no metadata. */
    static SearchDocument doc(String url, String title, String type, String body) {
        return new SearchDocument(url, title, List.of(), "", body, List.of(), "tinh", "Tỉnh", type, List.of(),
                null, null, null, null, null, null);
    }

    DirectoryReader reader() {
        return reader;
    }

    /** The urls of the ten best items, best first. */
    List<String> top(Ranking ranking, String query) throws IOException {
        SearchEngine engine = new SearchEngine(ranking);
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(engine.similarity());
        StoredFields stored = searcher.storedFields();
        List<String> out = new ArrayList<>();
        for (ScoreDoc sd : engine.rank(searcher, query, 10).scoreDocs) {
            out.add(stored.document(sd.doc).get(SearchFields.ID));
        }
        return out;
    }

    /** The best item's url, or null when nothing matches. */
    String first(Ranking ranking, String query) throws IOException {
        List<String> t = top(ranking, query);
        return t.isEmpty() ? null : t.get(0);
    }

    @Override
    public void close() throws IOException {
        reader.close();
        dir.close();
    }
}
