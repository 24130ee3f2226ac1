package vn.trang.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The most recent answers of one publish, by request: a portal's query log is heavily skewed (the
 * same procedure names, the same document numbers, the same news of the week), and an answer
 * served again costs a map lookup instead of a search with facets and snippets. Bounded, least
 * recently used out first. It belongs to one publish ({@link Published}), so a new index starts
 * with an empty cache and nothing stale is ever served.
 *
 * <p>The key is the request with its query as the engine reads it ({@link QueryText}: NFC, spaces,
 * control characters), so "giấy  phép" typed in NFD and "giấy phép" share an entry; anything that
 * changes the answer (filters, page, size, sort, facets) is part of the key.
 */
final class ResultCache {

    /** Entries kept by default: a few kilobytes each (ten hits with snippets, facets). */
    static final int DEFAULT_ENTRIES = 4096;

    private final int capacity;
    private final Map<SearchRequest, SearchResponse> entries;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    ResultCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<SearchRequest, SearchResponse> eldest) {
                return size() > ResultCache.this.capacity;
            }
        };
    }

    /** The cached answer to a request with the same key, or null. */
    SearchResponse get(SearchRequest key) {
        if (capacity == 0) {
            return null;
        }
        SearchResponse r;
        synchronized (entries) {
            r = entries.get(key);
        }
        (r == null ? misses : hits).increment();
        return r;
    }

    void put(SearchRequest key, SearchResponse response) {
        if (capacity > 0) {
            synchronized (entries) {
                entries.put(key, response);
            }
        }
    }

    /** The request as a cache key: its query cleaned as the engine will read it. */
    static SearchRequest key(SearchRequest r) {
        return new SearchRequest(QueryText.of(r.query()).text(), r.filters(), r.page(), r.size(), r.sort(), r.facets());
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }
}
