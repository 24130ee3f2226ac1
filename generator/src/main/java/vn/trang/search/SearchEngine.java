package vn.trang.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.Similarity;

import vn.trang.index.HitRecord;
import vn.trang.index.SearchFields;
import vn.trang.search.SearchResponse.Facet;
import vn.trang.search.SearchResponse.FacetValue;
import vn.trang.search.SearchResponse.Hit;

/**
 * Runs searches on an open index: query, filters, one page of hits with snippets, facet counts.
 * Holds its ranking and, per open index, the procedure titles the service clause reads; one engine
 * serves every thread and every publish.
 */
public final class SearchEngine {

    /** Facet values listed per dimension (the selected one always is). */
    static final int FACET_VALUES = 20;
    private static final Sort NEWEST_FIRST = newestFirst();

    private final Ranking ranking;
    private final QueryBuilder builder;
    private final int exactCounts;
    private final int sampleCounts;
    /** The procedure titles of each open index, dropped when its reader closes. */
    private final Map<IndexReader.CacheKey, ServiceIntent> services = new ConcurrentHashMap<>();

    public SearchEngine(Ranking ranking) {
        this(ranking, FacetCounter.EXACT_LIMIT, FacetCounter.SAMPLE_TARGET);
    }

    /**
     * @param exactCounts  matches counted exactly (total and facets) before the rest is sampled
     * @param sampleCounts matches the sample beyond that is meant to hold
     */
    public SearchEngine(Ranking ranking, int exactCounts, int sampleCounts) {
        this.ranking = ranking;
        this.builder = new QueryBuilder(ranking);
        this.exactCounts = exactCounts;
        this.sampleCounts = sampleCounts;
    }

    public Ranking ranking() {
        return ranking;
    }

    /** The similarity searchers of this engine must use (BM25 with the ranking's k1 and b). */
    public Similarity similarity() {
        return new RankingSimilarity(ranking);
    }

    /** The best {@code k} documents of a query, without facets or snippets (evaluation). */
    public TopDocs rank(IndexSearcher searcher, String query, int k) throws IOException {
        UserQuery q = UserQuery.parse(query);
        ServiceIntent intent = services(searcher);
        return top(searcher, q, intent, builder.matching(q, intent), Map.of(), k);
    }

    /**
     * The procedures of the searcher's index, read on its first search and kept while its reader
     * is open (one engine serves every publish the service swaps in).
     */
    private ServiceIntent services(IndexSearcher searcher) throws IOException {
        if (ranking.serviceTitle() <= 0) {
            return ServiceIntent.NONE;
        }
        IndexReader reader = searcher.getIndexReader();
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        if (helper == null) {
            return ServiceIntent.of(reader);
        }
        ServiceIntent known = services.get(helper.getKey());
        if (known != null) {
            return known;
        }
        ServiceIntent read = ServiceIntent.of(reader);
        if (services.putIfAbsent(helper.getKey(), read) == null) {
            helper.addClosedListener(services::remove);
        }
        return services.get(helper.getKey());
    }

    /**
     * The best {@code want} hits by relevance. Without filters, through the flat disjunction that
     * lets Lucene skip what cannot reach them ({@link TopMatchingDocs}); with filters, through the
     * required form, in which a selective filter leads and little is scored anyway.
     */
    private TopDocs top(IndexSearcher searcher, UserQuery q, ServiceIntent intent, Query matching,
                        Map<String, String> filters, int want) throws IOException {
        Query disjunction = filters.isEmpty() ? builder.disjunction(q, intent) : null;
        if (disjunction != null) {
            return TopMatchingDocs.search(searcher, disjunction, matching, want);
        }
        return searcher.search(filtered(builder.build(q, intent), filters), new TopScoreDocCollectorManager(want, want));
    }

    /** How many documents a request matches, exactly; nothing is scored. */
    public long count(IndexSearcher searcher, SearchRequest req) throws IOException {
        UserQuery q = UserQuery.parse(req.query());
        if (q.isEmpty()) {
            return req.filters().isEmpty() ? 0 : searcher.count(filtered(QueryBuilder.all(), req.filters()));
        }
        return searcher.count(filtered(builder.matching(q, services(searcher)), req.filters()));
    }

    public SearchResponse search(IndexSearcher searcher, SearchRequest req, Labels labels) throws IOException {
        long start = System.nanoTime();
        UserQuery q = UserQuery.parse(req.query());
        String shown = QueryText.of(req.query()).text();
        boolean browse = q.isEmpty();
        if (browse && req.filters().isEmpty()) {
            return SearchResponse.empty(req, shown, q.truncated(), null);
        }
        // Only the top hits are scored (Lucene skips documents that cannot reach them: the collector
        // needs no exact total); totals and facets are counted with the constant-score twin of the
        // query, which matches the same set, exactly up to FacetCounter's limit and over a sample
        // beyond it.
        ServiceIntent intent = browse ? ServiceIntent.NONE : services(searcher);
        Query matching = browse ? QueryBuilder.all() : builder.matching(q, intent);
        int want = Math.min(req.page() * req.size(), SearchRequest.MAX_RESULTS);
        TopDocs docs;
        if (browse || req.sort() == SearchRequest.Order.DATE) {
            Query scoring = browse ? QueryBuilder.all() : builder.build(q, intent);
            docs = searcher.search(filtered(scoring, req.filters()), new TopFieldCollectorManager(NEWEST_FIRST, want, want));
        } else {
            docs = top(searcher, q, intent, matching, req.filters(), want);
        }
        FacetCounter.Counts counts = counter(req.facets() ? SearchFields.FACETS : List.of())
                .count(searcher, filtered(matching, req.filters()));
        List<Facet> facets = List.of();
        boolean facetsExact = true;
        if (req.facets()) {
            List<FacetCounter.Counts> used = new ArrayList<>();
            facets = facets(searcher, matching, req, counts, labels, used);
            facetsExact = used.stream().allMatch(FacetCounter.Counts::exact);
        }
        List<Hit> hits = hits(searcher, q, docs, req);
        long took = (System.nanoTime() - start) / 1_000_000;
        return new SearchResponse(req, shown, counts.matches(), hits, facets, took, q.truncated(), null, counts.exact(),
                facetsExact);
    }

    private FacetCounter counter(List<String> dimensions) {
        return new FacetCounter(dimensions, exactCounts, sampleCounts);
    }

    private List<Hit> hits(IndexSearcher searcher, UserQuery q, TopDocs docs, SearchRequest req) throws IOException {
        int from = (req.page() - 1) * req.size();
        if (from >= docs.scoreDocs.length) {
            return List.of();
        }
        ScoreDoc[] page = Arrays.copyOfRange(docs.scoreDocs, from, Math.min(docs.scoreDocs.length, from + req.size()));
        String[] snippets = Snippets.of(searcher, HighlightTerm.of(q), page);
        List<Hit> hits = new ArrayList<>(page.length);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (int i = 0; i < page.length; i++) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(page[i].doc, leaves));
            BinaryDocValues values = DocValues.getBinary(leaf.reader(), SearchFields.HIT);
            HitRecord h = values.advanceExact(page[i].doc - leaf.docBase) ? HitRecord.decode(values.binaryValue())
                    : new HitRecord("", "", null, null, null, null, null, null);
            hits.add(new Hit(h.url(), h.title(), h.site(), h.siteName(), h.type(), h.date(), h.number(), h.code(),
                    snippets[i] == null ? "" : snippets[i]));
        }
        return hits;
    }

    /**
     * Facets in dimension order. A filtered dimension is counted again without its own filter,
     * so its other values stay visible and clickable (drill sideways).
     */
    private List<Facet> facets(IndexSearcher searcher, Query base, SearchRequest req, FacetCounter.Counts main,
                               Labels labels, List<FacetCounter.Counts> used) throws IOException {
        List<Facet> out = new ArrayList<>();
        for (String dim : SearchFields.FACETS) {
            FacetCounter.Counts source = main;
            if (req.filters().containsKey(dim)) {
                Query sideways = filtered(base, req.filtersWithout(dim));
                source = counter(List.of(dim)).count(searcher, sideways);
            }
            used.add(source);
            Map<String, Long> counts = source.byDimension().get(dim);
            String selected = req.filters().get(dim);
            List<FacetValue> values = new ArrayList<>();
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> {
                        boolean isSelected = e.getKey().equals(selected);
                        if (values.size() < FACET_VALUES || isSelected) {
                            values.add(new FacetValue(e.getKey(), labels.label(dim, e.getKey()), e.getValue(), isSelected));
                        }
                    });
            if (selected != null && values.stream().noneMatch(FacetValue::selected)) {
                values.add(new FacetValue(selected, labels.label(dim, selected), 0, true));
            }
            if (dim.equals(SearchFields.YEAR)) {
                values.sort(Comparator.comparing(FacetValue::value).reversed());
            }
            if (!values.isEmpty()) {
                out.add(new Facet(dim, values));
            }
        }
        return out;
    }

    static Query filtered(Query base, Map<String, String> filters) {
        if (filters.isEmpty()) {
            return base;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(base, Occur.MUST);
        filters.forEach((dim, value) -> b.add(new TermQuery(new Term(dim, value)), Occur.FILTER));
        return b.build();
    }

    private static Sort newestFirst() {
        SortField date = new SortField(SearchFields.DATE_SORT, SortField.Type.LONG, true);
        date.setMissingValue(Long.MIN_VALUE);
        return new Sort(date, SortField.FIELD_SCORE);
    }
}
