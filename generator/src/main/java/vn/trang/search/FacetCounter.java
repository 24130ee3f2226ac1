package vn.trang.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Exact facet counts over every matching document, read from sorted-set doc values, plus the
 * exact number of matches.
 *
 * <p>Why exact counts over all matches rather than over the top N hits: a facet link promises
 * "Văn bản (12)" and the page it opens must say 12. Counting over the top N would show numbers
 * that the filtered page contradicts as soon as a query matches more than N items — the common
 * case on a provincial portal. Why not Lucene's facet module: the dimensions here are a few flat
 * keyword fields already needed as filters; counting their ordinals in one pass is a few dozen
 * lines, needs no taxonomy or extra field, and the index has a segment or two (one per indexing
 * thread: ordinals are counted per segment and turned into values once, in {@link #reduce}). The
 * cost is a full pass over the matches instead of skipping non-competitive ones; docs/BENCHMARKS.md
 * measures it, and API clients that need no facets can say {@code facets=0}.
 */
final class FacetCounter implements CollectorManager<FacetCounter.Counting, FacetCounter.Counts> {

    /** Counts per dimension (value → count) and the number of matching documents. */
    record Counts(Map<String, Map<String, Long>> byDimension, long matches) {
    }

    private final List<String> dimensions;

    FacetCounter(List<String> dimensions) {
        this.dimensions = List.copyOf(dimensions);
    }

    @Override
    public Counting newCollector() {
        return new Counting();
    }

    @Override
    public Counts reduce(Collection<Counting> collectors) throws IOException {
        Map<String, Map<String, Long>> out = new HashMap<>();
        dimensions.forEach(d -> out.put(d, new HashMap<>()));
        long matches = 0;
        for (Counting c : collectors) {
            matches += c.matches;
            for (Leaf leaf : c.leaves) {
                for (int d = 0; d < dimensions.size(); d++) {
                    int[] counts = leaf.counts[d];
                    SortedSetDocValues values = leaf.values[d];
                    Map<String, Long> target = out.get(dimensions.get(d));
                    for (int ord = 0; ord < counts.length; ord++) {
                        if (counts[ord] > 0) {
                            target.merge(values.lookupOrd(ord).utf8ToString(), (long) counts[ord], Long::sum);
                        }
                    }
                }
            }
        }
        return new Counts(out, matches);
    }

    /** Ordinal counts of one segment, resolved to strings only once, in {@link #reduce}. */
    private record Leaf(SortedSetDocValues[] values, int[][] counts) {
    }

    final class Counting implements Collector {
        private final List<Leaf> leaves = new ArrayList<>();
        private long matches;

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            int n = dimensions.size();
            SortedSetDocValues[] iterators = new SortedSetDocValues[n];
            SortedSetDocValues[] lookups = new SortedSetDocValues[n];
            int[][] counts = new int[n][];
            for (int d = 0; d < n; d++) {
                iterators[d] = DocValues.getSortedSet(context.reader(), dimensions.get(d));
                // A second instance for reduce(): lookupOrd on the iterating one is fine, but
                // keeping them apart makes the iterator's position irrelevant.
                lookups[d] = DocValues.getSortedSet(context.reader(), dimensions.get(d));
                counts[d] = new int[(int) iterators[d].getValueCount()];
            }
            leaves.add(new Leaf(lookups, counts));
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                    // counts need no scores
                }

                @Override
                public void collect(int doc) throws IOException {
                    matches++;
                    for (int d = 0; d < n; d++) {
                        SortedSetDocValues v = iterators[d];
                        if (v.advanceExact(doc)) {
                            int[] c = counts[d];
                            for (int i = v.docValueCount(); i > 0; i--) {
                                c[(int) v.nextOrd()]++;
                            }
                        }
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
