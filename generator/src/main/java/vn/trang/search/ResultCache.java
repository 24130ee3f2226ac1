package vn.trang.search;

import java.nio.ByteBuffer;
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
 * <p>Where answers are kept: packed ({@link PackedResponses}), in a ring outside the Java heap,
 * {@link #BYTES_PER_ENTRY} bytes per entry asked for, written in turn; the map holds where each
 * lies. Why: cached answers live for seconds to minutes, long enough to be promoted out of the
 * young generation and short enough to die there, and at 1,000 searches a second that churn made
 * the collector's pauses the service's worst latency (as objects: 20 ms young pauses and 100-170 ms
 * full collections; packed on the heap: bunches of mixed collections; docs/BENCHMARKS.md). In the
 * ring an answer is bytes the collector never sees; only its key and position are objects.
 *
 * <p>An answer whose bytes the ring has since overwritten is gone (a miss); an answer served from
 * the older half of the ring is written again at its head, so the answers asked for often stay.
 */
final class ResultCache {

    /** Entries kept by default. */
    static final int DEFAULT_ENTRIES = 4096;
    /**
     * Ring bytes per entry. An answer (ten hits with snippets, facets) packs to 8.6 KB on average on
     * the benchmark's log (p50 9.8, p99 11 KB); at 8 KB the ring held fewer answers than asked.
     */
    static final int BYTES_PER_ENTRY = 12 * 1024;

    private record Slot(long at, int length) {
    }

    private final int capacity;
    private final int ringBytes;
    private final Map<SearchRequest, Slot> entries;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    /** Allocated on the first answer (a publish nobody searches costs nothing); guarded by entries. */
    private ByteBuffer ring;
    /** Bytes ever written into the ring; an answer at {@code at} is intact while {@code at >= written - ringBytes}. */
    private long written;

    /**
     * At most this much memory outside the heap, whatever number of entries is asked for: the JVM
     * allows as much direct memory as heap, and a ring that failed to allocate would fail searches.
     */
    static final int MAX_RING_BYTES = 256 * 1024 * 1024;

    ResultCache(int capacity) {
        this(capacity, (int) Math.min(MAX_RING_BYTES, (long) Math.max(0, capacity) * BYTES_PER_ENTRY));
    }

    /** With a ring of {@code ringBytes} (tests make it small to see it wrap). */
    ResultCache(int capacity, int ringBytes) {
        this.capacity = Math.max(0, capacity);
        this.ringBytes = ringBytes;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<SearchRequest, Slot> eldest) {
                return size() > ResultCache.this.capacity;
            }
        };
    }

    /** The cached answer to a request with the same key (as the answer to {@code key}), or null. */
    SearchResponse get(SearchRequest key) {
        if (capacity == 0) {
            return null;
        }
        byte[] packed = null;
        synchronized (entries) {
            Slot slot = entries.get(key);
            if (slot != null && slot.at() < written - ringBytes) {
                entries.remove(key); // overwritten since
                slot = null;
            }
            if (slot != null) {
                packed = new byte[slot.length()];
                ring.get((int) (slot.at() % ringBytes), packed);
                if (slot.at() < written - ringBytes / 2) {
                    entries.put(key, append(packed));
                }
            }
        }
        (packed == null ? misses : hits).increment();
        return packed == null ? null : PackedResponses.unpack(key, packed);
    }

    void put(SearchRequest key, SearchResponse response) {
        if (capacity == 0) {
            return;
        }
        byte[] packed = PackedResponses.pack(response);
        if (packed.length > ringBytes) {
            return; // larger than the whole ring: not kept
        }
        synchronized (entries) {
            entries.put(key, append(packed));
        }
    }

    /** Writes at the ring's head, contiguously (skipping the end of the ring if it does not fit there). */
    private Slot append(byte[] packed) {
        if (ring == null) {
            ring = ByteBuffer.allocateDirect(ringBytes);
        }
        int head = (int) (written % ringBytes);
        if (head + packed.length > ringBytes) {
            written += ringBytes - head;
            head = 0;
        }
        ring.put(head, packed);
        Slot slot = new Slot(written, packed.length);
        written += packed.length;
        return slot;
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
