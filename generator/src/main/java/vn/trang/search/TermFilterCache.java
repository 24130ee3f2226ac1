package vn.trang.search;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LRUQueryCache;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.UsageTrackingQueryCachingPolicy;

/**
 * Keeps the documents of single terms as bit sets when they are used to match rather than to
 * score: the syllables of the match query that totals and facets are counted with
 * ({@link FacetCounter}) and that the top hits are checked against ({@link TopMatchingDocs}), and
 * the facet filters.
 *
 * <p>Why: counting walks the conjunction of the query's syllables over up to
 * {@link FacetCounter#EXACT_LIMIT} matches and a sample beyond, and the syllables people type are
 * common ones whose postings are long: most of that walk was decoding postings blocks. A cached
 * term is a bit set, and the conjunction of bit sets costs a few word operations per 64
 * documents. Lucene's default policy never caches a single term ("already plenty fast"); on a big
 * province the query log repeats the same few thousand syllables, so here every term is cached and
 * the least recently used ones go first. Other queries keep Lucene's default policy. Only segments
 * of at least 10,000 documents are cached (Lucene's default), so small provinces are unaffected.
 *
 * <p>Memory: a dense term costs one bit per document of the segment (12.5 KB per 100,000
 * documents), a sparse one less; the cache is bounded by {@code -Dtrang.search.termCacheMb}
 * (default 64) and belongs to one publish, so it goes with the index it describes.
 */
public final class TermFilterCache {

    static final long MAX_BYTES = Long.getLong("trang.search.termCacheMb", 64) << 20;
    private static final int MAX_QUERIES = 20_000;

    private TermFilterCache() {
    }

    /** Gives the searcher a cache and policy of its own. */
    public static void install(IndexSearcher searcher) {
        if (MAX_BYTES <= 0) {
            searcher.setQueryCache(null);
            return;
        }
        searcher.setQueryCache(new Cache());
        searcher.setQueryCachingPolicy(new TermsFirst());
    }

    /** Lucene's LRU cache, counting how often a term was answered from it. */
    static final class Cache extends LRUQueryCache {
        private final AtomicLong termHits = new AtomicLong();

        Cache() {
            super(MAX_QUERIES, MAX_BYTES);
        }

        long termHits() {
            return termHits.get();
        }

        @Override
        protected void onHit(Object readerCoreKey, Query query) {
            super.onHit(readerCoreKey, query);
            if (query instanceof TermQuery) {
                termHits.incrementAndGet();
            }
        }
    }

    /** Every term query; anything else as Lucene's default policy decides. */
    static final class TermsFirst implements QueryCachingPolicy {
        private final UsageTrackingQueryCachingPolicy others = new UsageTrackingQueryCachingPolicy();

        @Override
        public void onUse(Query query) {
            if (!(query instanceof TermQuery)) {
                others.onUse(query);
            }
        }

        @Override
        public boolean shouldCache(Query query) throws java.io.IOException {
            return query instanceof TermQuery || others.shouldCache(query);
        }
    }
}
