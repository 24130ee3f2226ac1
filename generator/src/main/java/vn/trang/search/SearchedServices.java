package vn.trang.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

import vn.trang.index.HitRecord;
import vn.trang.index.SearchFields;
import vn.trang.search.SearchResponse.Hit;
import vn.trang.search.Suggestions.Service;

/**
 * The province's most-searched services, as far as the service can know: it keeps no query log,
 * so "most searched" is counted here as how often a procedure was the first hit of a search's first
 * page since this publish began serving (repeated searches answered from the cache count too: a
 * citizen asked again). Per publish and in memory only; nothing about who searched is kept.
 *
 * <p>Until three procedures have been first hits (a new publish, a quiet night), the list is filled
 * with the province's procedures that can be done fully online (the level {@code toan-trinh}),
 * then any, in the index's order.
 */
final class SearchedServices {

    static final int SHOWN = 3;
    /** Procedures counted at most: a province publishes a few thousand. */
    static final int MAX_COUNTED = 20_000;
    private static final String PROCEDURE = "procedure";
    private static final String FULLY_ONLINE = "toan-trinh";

    private record Counted(Service service, LongAdder count) {
    }

    private final Map<String, Counted> counts = new ConcurrentHashMap<>();

    /** Counts the first hit of a search answered, if it is a procedure on the first page. */
    void record(SearchResponse r) {
        if (r.request().page() != 1 || r.hits().isEmpty()) {
            return;
        }
        Hit first = r.hits().get(0);
        if (!PROCEDURE.equals(first.type()) || first.url() == null) {
            return;
        }
        Counted c = counts.get(first.url());
        if (c == null) {
            if (counts.size() >= MAX_COUNTED) {
                return;
            }
            c = counts.computeIfAbsent(first.url(),
                    u -> new Counted(new Service(u, first.title(), first.siteName()), new LongAdder()));
        }
        c.count().increment();
    }

    /** The top {@link #SHOWN}, most first hits first, filled up as the class comment says. */
    List<Service> top(IndexSearcher searcher) throws IOException {
        List<Service> out = new ArrayList<>(SHOWN);
        counts.values().stream()
                .sorted(Comparator.comparingLong((Counted c) -> -c.count().sum()).thenComparing(c -> c.service().url()))
                .limit(SHOWN).forEach(c -> out.add(c.service()));
        if (out.size() < SHOWN) {
            fill(searcher, out);
        }
        return out;
    }

    private static void fill(IndexSearcher searcher, List<Service> out) throws IOException {
        // Procedures; fully online ones score 1 more; equal scores stay in index order.
        BooleanQuery query = new BooleanQuery.Builder()
                .add(new ConstantScoreQuery(new TermQuery(new Term(SearchFields.TYPE, PROCEDURE))), Occur.MUST)
                .add(new ConstantScoreQuery(new TermQuery(new Term(SearchFields.LEVEL, FULLY_ONLINE))), Occur.SHOULD)
                .build();
        ScoreDoc[] docs = searcher.search(query, SHOWN * 2).scoreDocs;
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (ScoreDoc d : docs) {
            if (out.size() >= SHOWN) {
                return;
            }
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(d.doc, leaves));
            BinaryDocValues values = DocValues.getBinary(leaf.reader(), SearchFields.HIT);
            if (!values.advanceExact(d.doc - leaf.docBase)) {
                continue;
            }
            HitRecord h = HitRecord.decode(values.binaryValue());
            if (out.stream().noneMatch(s -> s.url().equals(h.url()))) {
                out.add(new Service(h.url(), h.title(), h.siteName()));
            }
        }
    }
}
