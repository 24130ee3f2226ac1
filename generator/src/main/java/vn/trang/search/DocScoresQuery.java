package vn.trang.search;

import java.io.IOException;
import java.util.Arrays;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * A fixed set of documents of one reader, each with its own score: what a decision already made
 * in memory ({@link ServiceIntent}) contributes to a Lucene query, without a term to look up.
 * Valid only on the reader whose document ids it holds; it is never cached, and is equal only to a
 * query of the same reader with the same documents and scores.
 */
final class DocScoresQuery extends Query {

    private final Object reader;
    private final int[] docs;
    private final float[] scores;
    private final float max;

    /**
     * @param reader the reader's identity ({@code IndexReader.getContext().id()} or the reader)
     * @param docs   ascending global document ids
     * @param scores each document's score
     */
    DocScoresQuery(Object reader, int[] docs, float[] scores) {
        this.reader = reader;
        this.docs = docs;
        this.scores = scores;
        float m = 0;
        for (float s : scores) {
            m = Math.max(m, s);
        }
        this.max = m;
    }

    int size() {
        return docs.length;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new Weight(this) {
            @Override
            public Scorer scorer(LeafReaderContext leaf) {
                int from = lowerBound(leaf.docBase);
                int to = lowerBound(leaf.docBase + leaf.reader().maxDoc());
                return from == to ? null : new ArrayScorer(this, leaf.docBase, from, to, boost);
            }

            @Override
            public boolean isCacheable(LeafReaderContext leaf) {
                return false;
            }

            @Override
            public Explanation explain(LeafReaderContext leaf, int doc) {
                int i = Arrays.binarySearch(docs, leaf.docBase + doc);
                return i >= 0 ? Explanation.match(boost * scores[i], "named in memory")
                        : Explanation.noMatch("not named");
            }
        };
    }

    private int lowerBound(int doc) {
        int i = Arrays.binarySearch(docs, doc);
        return i >= 0 ? i : -i - 1;
    }

    /** Walks the documents of one leaf: {@code docs[from, to)}. */
    private final class ArrayScorer extends Scorer {
        private final int base;
        private final float boost;
        private final DocIdSetIterator iterator;
        private int i;

        ArrayScorer(Weight weight, int base, int from, int to, float boost) {
            super(weight);
            this.base = base;
            this.boost = boost;
            this.i = from - 1;
            this.iterator = new DocIdSetIterator() {
                @Override
                public int docID() {
                    return i < from ? -1 : i >= to ? NO_MORE_DOCS : docs[i] - base;
                }

                @Override
                public int nextDoc() {
                    i++;
                    return docID();
                }

                @Override
                public int advance(int target) {
                    while (++i < to && docs[i] - base < target) {
                        // a handful of documents: a scan beats a search
                    }
                    return docID();
                }

                @Override
                public long cost() {
                    return to - from;
                }
            };
        }

        @Override
        public DocIdSetIterator iterator() {
            return iterator;
        }

        @Override
        public float getMaxScore(int upTo) {
            return boost * max;
        }

        @Override
        public float score() {
            return boost * scores[i];
        }

        @Override
        public int docID() {
            return iterator.docID();
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "DocScores(" + docs.length + " docs)";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && reader == ((DocScoresQuery) other).reader
                && Arrays.equals(docs, ((DocScoresQuery) other).docs)
                && Arrays.equals(scores, ((DocScoresQuery) other).scores);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * classHash() + Arrays.hashCode(docs)) + Arrays.hashCode(scores);
    }
}
