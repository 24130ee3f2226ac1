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
 *
 * <p>Answers are kept packed, one byte array each ({@link PackedResponses}): as objects, the
 * cache's churn made the garbage collector's pauses the service's worst latency.
 */
final class ResultCache {

    /** Entries kept by default: a few kilobytes each, packed (ten hits with snippets, facets). */
    static final int DEFAULT_ENTRIES = 4096;

    private final int capacity;
    private final Map<SearchRequest, byte[]> entries;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    ResultCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<SearchRequest, byte[]> eldest) {
                return size() > ResultCache.this.capacity;
            }
        };
    }

    /** The cached answer to a request with the same key (as the answer to {@code key}), or null. */
    SearchResponse get(SearchRequest key) {
        if (capacity == 0) {
            return null;
        }
        byte[] packed;
        synchronized (entries) {
            packed = entries.get(key);
        }
        (packed == null ? misses : hits).increment();
        return packed == null ? null : PackedResponses.unpack(key, packed);
    }

    void put(SearchRequest key, SearchResponse response) {
        if (capacity > 0) {
            byte[] packed = PackedResponses.pack(response);
            synchronized (entries) {
                entries.put(key, packed);
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
