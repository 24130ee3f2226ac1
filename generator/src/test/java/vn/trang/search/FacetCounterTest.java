package vn.trang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Facet counts on a small index of known content: exact below the limit (compared with a count by
 * hand), estimated from a sample above it, with the estimate marked and near the truth.
 */
class FacetCounterTest {

    static final int DOCS = 20_000;
    static final List<String> DIMS = List.of("site", "year", "tag");
    static Directory dir;
    static DirectoryReader reader;
    static IndexSearcher searcher;

    /** Doc i: "even"/"odd"; site s(i % 10); year 2000 + i / 2000 (in index order, as dates are); tags multi-valued. */
    @BeforeAll
    static void index() throws IOException {
        dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setMaxBufferedDocs(7_000))) {
            for (int i = 0; i < DOCS; i++) {
                Document d = new Document();
                d.add(new StringField("parity", i % 2 == 0 ? "even" : "odd", Field.Store.NO));
                d.add(new StringField("rare", i % 1000 == 0 ? "yes" : "no", Field.Store.NO));
                d.add(new SortedSetDocValuesField("site", new BytesRef("s" + i % 10)));
                d.add(new SortedSetDocValuesField("year", new BytesRef(Integer.toString(2000 + i / 2000))));
                d.add(new SortedSetDocValuesField("tag", new BytesRef("t" + i % 3)));
                if (i % 4 == 0) {
                    d.add(new SortedSetDocValuesField("tag", new BytesRef("four")));
                }
                w.addDocument(d);
            }
            // A deleted document is neither counted nor matched.
            w.deleteDocuments(new Term("rare", "yes"));
        }
        reader = DirectoryReader.open(dir);
        searcher = new IndexSearcher(reader);
        assertTrue(reader.leaves().size() > 1, "several segments, so sampling crosses segment bounds");
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        dir.close();
    }

    /** Counted by hand: doc i matches if the predicate holds and i is not deleted. */
    static Map<String, Map<String, Long>> truth(java.util.function.IntPredicate match) {
        Map<String, Map<String, Long>> out = new HashMap<>();
        DIMS.forEach(d -> out.put(d, new HashMap<>()));
        for (int i = 0; i < DOCS; i++) {
            if (!match.test(i) || i % 1000 == 0) {
                continue;
            }
            out.get("site").merge("s" + i % 10, 1L, Long::sum);
            out.get("year").merge(Integer.toString(2000 + i / 2000), 1L, Long::sum);
            out.get("tag").merge("t" + i % 3, 1L, Long::sum);
            if (i % 4 == 0) {
                out.get("tag").merge("four", 1L, Long::sum);
            }
        }
        return out;
    }

    static long matches(java.util.function.IntPredicate match) {
        long n = 0;
        for (int i = 0; i < DOCS; i++) {
            if (match.test(i) && i % 1000 != 0) {
                n++;
            }
        }
        return n;
    }

    /**
     * Ordinals too wide for one packed word (in the first segment, five dimensions of 4,500 values
     * and a small one: 68 bits), asked first one dimension at a time and then all together, so the segment's
     * packed ordinals are read again for the union: every count still equals a count by hand.
     */
    @Test
    void wideOrdinalsAndDimensionsAskedOneByOneCountExactly() throws IOException {
        int docs = 6_000;
        List<String> dims = List.of("w0", "w1", "w2", "w3", "w4", "small", "tag");
        java.util.function.BiFunction<String, Integer, List<String>> values = (dim, i) -> switch (dim) {
            case "small" -> List.of("v" + i % 5);
            case "tag" -> i % 3 == 0 ? List.of("a", "b") : List.of("a");
            default -> List.of("x" + (i + 37 * (dim.charAt(1) - '0')) % 4_500);
        };
        try (Directory d = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(d, new IndexWriterConfig().setMaxBufferedDocs(5_000))) {
                for (int i = 0; i < docs; i++) {
                    Document doc = new Document();
                    doc.add(new StringField("parity", i % 2 == 0 ? "even" : "odd", Field.Store.NO));
                    for (String dim : dims) {
                        for (String v : values.apply(dim, i)) {
                            doc.add(new SortedSetDocValuesField(dim, new BytesRef(v)));
                        }
                    }
                    w.addDocument(doc);
                }
            }
            try (DirectoryReader r = DirectoryReader.open(d)) {
                IndexSearcher s = new IndexSearcher(r);
                Query even = new TermQuery(new Term("parity", "even"));
                Map<String, Map<String, Long>> truth = new HashMap<>();
                for (String dim : dims) {
                    Map<String, Long> counts = new HashMap<>();
                    for (int i = 0; i < docs; i += 2) {
                        values.apply(dim, i).forEach(v -> counts.merge(v, 1L, Long::sum));
                    }
                    truth.put(dim, counts);
                }
                for (String dim : List.of("w3", "small", "w0")) {
                    FacetCounter.Counts one = new FacetCounter(List.of(dim), docs, 100).count(s, even);
                    assertEquals(Map.of(dim, truth.get(dim)), one.byDimension(), dim);
                }
                FacetCounter.Counts all = new FacetCounter(dims, docs, 100).count(s, even);
                assertTrue(all.exact());
                assertEquals(docs / 2, all.matches());
                assertEquals(truth, all.byDimension());
            }
        }
    }

    @Test
    void belowTheLimitEveryCountIsExact() throws IOException {
        Query even = new TermQuery(new Term("parity", "even"));
        FacetCounter.Counts c = new FacetCounter(DIMS, DOCS, 100).count(searcher, even);
        assertTrue(c.exact());
        assertEquals(matches(i -> i % 2 == 0), c.matches());
        assertEquals(truth(i -> i % 2 == 0), c.byDimension());
    }

    @Test
    void theDefaultLimitCountsTenThousandMatchesExactly() throws IOException {
        Query even = new TermQuery(new Term("parity", "even"));
        FacetCounter.Counts c = new FacetCounter(DIMS).count(searcher, even);
        assertTrue(FacetCounter.EXACT_LIMIT >= 10_000);
        assertTrue(c.exact(), "9,990 matches");
        assertEquals(truth(i -> i % 2 == 0), c.byDimension());
        assertFalse(new FacetCounter(DIMS).count(searcher, new MatchAllDocsQuery()).exact(), "19,980 matches");
    }

    @Test
    void aboveTheLimitCountsAreEstimatedAndSaySo() throws IOException {
        FacetCounter.Counts c = new FacetCounter(DIMS, 1_000, 1_500).count(searcher, new MatchAllDocsQuery());
        assertFalse(c.exact());
        long real = matches(i -> true);
        assertNear(real, c.matches(), 0.05, "total");
        assertEquals(FacetCounter.round(c.matches()), c.matches(), "an estimate is rounded");
        Map<String, Map<String, Long>> truth = truth(i -> true);
        for (String dim : DIMS) {
            assertEquals(truth.get(dim).keySet(), c.byDimension().get(dim).keySet(), dim);
            truth.get(dim).forEach((v, n) -> assertNear(n, c.byDimension().get(dim).get(v), 0.15, dim + "=" + v));
        }
    }

    @Test
    void aSparseMatchIsEstimatedToo() throws IOException {
        Query even = new TermQuery(new Term("parity", "even"));
        FacetCounter.Counts c = new FacetCounter(DIMS, 500, 1_000).count(searcher, even);
        assertFalse(c.exact());
        assertNear(matches(i -> i % 2 == 0), c.matches(), 0.05, "total");
        // Odd sites never match an even document, estimate or not.
        assertEquals(Map.of("s0", 0L, "s2", 0L, "s4", 0L, "s6", 0L, "s8", 0L).keySet(),
                c.byDimension().get("site").keySet());
        assertNear(truth(i -> i % 2 == 0).get("year").get("2009"), c.byDimension().get("year").get("2009"), 0.15,
                "a year only the sample sees");
    }

    @Test
    void aSampleThatWouldHoldAlmostEverythingIsNotTaken() throws IOException {
        // Past the limit, but the rest holds fewer matches than twice the sample: counted exactly.
        FacetCounter.Counts c = new FacetCounter(DIMS, 15_000, 5_000).count(searcher, new MatchAllDocsQuery());
        assertTrue(c.exact());
        assertEquals(matches(i -> true), c.matches());
    }

    @Test
    void estimatesKeepTwoSignificantDigits() {
        assertEquals(0, FacetCounter.round(0));
        assertEquals(99, FacetCounter.round(99));
        assertEquals(120, FacetCounter.round(123));
        assertEquals(130, FacetCounter.round(125));
        assertEquals(73_000, FacetCounter.round(73_412));
        assertEquals(100_000, FacetCounter.round(99_600));
    }

    static void assertNear(long expected, Long actual, double tolerance, String what) {
        assertTrue(actual != null && Math.abs(actual - expected) <= tolerance * expected,
                () -> what + ": " + actual + " for " + expected);
    }
}
