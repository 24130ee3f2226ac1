package vn.trang.search.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

import vn.trang.index.IndexBuilder;
import vn.trang.index.SearchDocument;
import vn.trang.index.SearchFields;
import vn.trang.search.Ranking;
import vn.trang.search.SearchEngine;

/**
 * Indexes a corpus in memory with the site's schema and analysis, then measures how well a
 * {@link Ranking} finds each query's relevant documents.
 */
public final class Evaluator implements AutoCloseable {

    private final Directory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;

    public Evaluator(List<SearchDocument> corpus, int threads) throws IOException {
        new IndexBuilder(threads).write(directory, corpus);
        reader = DirectoryReader.open(directory);
    }

    /** A query whose relevant documents were not all in the top k, with what came first instead. */
    public record Miss(EvalQuery query, List<String> top) {
    }

    public Metrics run(Ranking ranking, List<EvalQuery> queries, int k) throws IOException {
        return run(ranking, queries, k, new ArrayList<>());
    }

    /** As {@link #run(Ranking, List, int)}, adding every query with a relevant document outside the top k to {@code misses}. */
    public Metrics run(Ranking ranking, List<EvalQuery> queries, int k, List<Miss> misses) throws IOException {
        return score(ranking.name(), ranked(ranking, queries, k), queries, k, misses);
    }

    /** Each query's top k ids under a ranking, by query id: what cross-validation picks among. */
    public Map<String, List<String>> ranked(Ranking ranking, List<EvalQuery> queries, int k) throws IOException {
        SearchEngine engine = new SearchEngine(ranking);
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(engine.similarity());
        StoredFields stored = searcher.storedFields();
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (EvalQuery q : queries) {
            TopDocs top = engine.rank(searcher, q.text(), k);
            List<String> ids = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                ids.add(stored.document(sd.doc).get(SearchFields.ID));
            }
            out.put(q.id(), ids);
        }
        return out;
    }

    /** Each query's first {@code depth} hits with their scores, by query id (for {@link Feedback}). */
    public Map<String, List<Feedback.Hit>> hits(Ranking ranking, List<EvalQuery> queries, int depth) throws IOException {
        SearchEngine engine = new SearchEngine(ranking);
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(engine.similarity());
        StoredFields stored = searcher.storedFields();
        Map<String, List<Feedback.Hit>> out = new LinkedHashMap<>();
        for (EvalQuery q : queries) {
            List<Feedback.Hit> hits = new ArrayList<>();
            for (ScoreDoc sd : engine.rank(searcher, q.text(), depth).scoreDocs) {
                hits.add(new Feedback.Hit(stored.document(sd.doc).get(SearchFields.ID), sd.score));
            }
            out.put(q.id(), hits);
        }
        return out;
    }

    /** The metrics of ranked lists, adding every query with a relevant document outside the top k to {@code misses}. */
    public static Metrics score(String name, Map<String, List<String>> ranked, List<EvalQuery> queries, int k,
                                List<Miss> misses) {
        Metrics.Accumulator acc = new Metrics.Accumulator(k);
        for (EvalQuery q : queries) {
            List<String> ids = ranked.getOrDefault(q.id(), List.of());
            acc.add(ids, new HashSet<>(q.relevant()));
            if (!ids.containsAll(q.relevant())) {
                misses.add(new Miss(q, ids));
            }
        }
        return acc.result(name);
    }

    /** {@link PlainBm25}'s top k for each query, by query id. */
    public static Map<String, List<String>> ranked(PlainBm25 plain, List<EvalQuery> queries, int k) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        queries.forEach(q -> out.put(q.id(), plain.top(q.text(), k)));
        return out;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
