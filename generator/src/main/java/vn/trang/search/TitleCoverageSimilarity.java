package vn.trang.search;

import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.SmallFloat;

/**
 * Scores a title by how much of it the query covers: each matched title term adds its IDF divided
 * by the title's length, so a title whose every syllable occurs in the query scores its full
 * (IDF-weighted) coverage, and a longer title that merely shares some words scores a fraction.
 * BM25 asks the opposite question (how much of the query the field contains) and cannot tell
 * "Quyền của bên cầm cố" from "Nghĩa vụ của bên cầm cố" for a question about quyền của bên cầm cố:
 * both contain the query's rarest words. Term frequency is ignored: a title says a thing once.
 *
 * <p>Norms are BM25's (the index is written with the default similarity); only scoring differs.
 */
final class TitleCoverageSimilarity extends Similarity {

    private final BM25Similarity norms = new BM25Similarity();

    /**
     * The length of each of the 256 encoded norms (at least 1), decoded once: decoding per scored document
     * ({@code SmallFloat.byte4ToInt}) was about 6 % of a search's CPU (profile at 100k).
     */
    private static final float[] LENGTH = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            LENGTH[i] = Math.max(1, SmallFloat.byte4ToInt((byte) i));
        }
    }

    @Override
    public long computeNorm(FieldInvertState state) {
        return norms.computeNorm(state);
    }

    @Override
    public SimScorer scorer(float boost, CollectionStatistics collection, TermStatistics... terms) {
        double idf = 0;
        for (TermStatistics t : terms) {
            idf += Math.log(1 + (collection.docCount() - t.docFreq() + 0.5) / (t.docFreq() + 0.5));
        }
        float weight = (float) (boost * idf);
        return new SimScorer() {
            @Override
            public float score(float freq, long norm) {
                return weight / LENGTH[((byte) norm) & 0xFF]; // the same float division as before
            }
        };
    }
}
