package vn.trang.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Indexing with several threads gives the index one thread gives, documents in input order. */
class IndexBuilderTest {

    @TempDir
    Path tmp;

    @Test
    void runsInParallelKeepInputOrderAndScores() throws IOException {
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < 2 * IndexBuilder.MIN_RUN + 7; i++) {
            docs.add(new SearchDocument("/tin-tuc/" + i + "/", "Bản tin số " + i, List.of(), "Tóm tắt " + i,
                    i % 3 == 0 ? "Giấy phép xây dựng nhà ở" : "Hội nghị hòa giải ở cơ sở", List.of(), "tinh", "Tỉnh",
                    "news", List.of(), 2026, null, null, null, null, null));
        }
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        new IndexBuilder(1).write(one, docs);
        new IndexBuilder(2).write(two, docs);
        try (DirectoryReader a = DirectoryReader.open(FSDirectory.open(one));
             DirectoryReader b = DirectoryReader.open(FSDirectory.open(two))) {
            assertEquals(1, a.leaves().size());
            assertEquals(2, b.leaves().size());
            assertEquals(docs.size(), b.numDocs());
            assertEquals(Integer.toString(docs.size()), b.getIndexCommit().getUserData().get(IndexBuilder.DOCS_KEY));
            assertEquals(orders(a), orders(b));
            TermQuery q = new TermQuery(new Term(SearchFields.ALL_FOLDED, "giay"));
            ScoreDoc[] x = new IndexSearcher(a).search(q, 20).scoreDocs;
            ScoreDoc[] y = new IndexSearcher(b).search(q, 20).scoreDocs;
            for (int i = 0; i < x.length; i++) {
                assertEquals(x[i].doc, y[i].doc);
                assertEquals(x[i].score, y[i].score, 1e-6);
            }
        }
        // The runs' working folders are gone; only the index is left.
        try (var s = Files.list(tmp)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().contains(".run")));
        }
    }

    /** The input position of every document, by document id. */
    private static List<Long> orders(DirectoryReader r) throws IOException {
        List<Long> out = new ArrayList<>();
        for (LeafReaderContext leaf : r.leaves()) {
            NumericDocValues v = leaf.reader().getNumericDocValues(SearchFields.ORDER);
            for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                v.advanceExact(d);
                out.add(v.longValue());
            }
        }
        for (int i = 0; i < out.size(); i++) {
            assertEquals(i, out.get(i).longValue());
        }
        return out;
    }
}
