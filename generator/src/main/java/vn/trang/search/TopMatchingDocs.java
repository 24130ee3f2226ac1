package vn.trang.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * The best {@code n} documents by one query's score among those another query matches, scoring
 * as few documents as possible.
 *
 * <p>Why: the scoring query of a search is "every syllable must occur, and then bigrams, titles
 * and keys add to the score". Written that way, Lucene walks the required conjunction and scores
 * every document in it: on text where the typed syllables are common (most two-syllable queries),
 * that is nearly the whole index for ten hits. Written instead as one flat disjunction of the same
 * scoring clauses ({@link QueryBuilder#disjunction}), Lucene's MaxScore algorithm skips every
 * document whose best possible score cannot reach the current top {@code n}: once ten documents
 * hold the rare clause that decides the ranking (a title phrase, a metadata value), only that
 * clause's postings are walked. What the disjunction alone would lose — the documents must still
 * match — is checked here, for the few documents that are good enough to be collected, by
 * advancing the condition's iterator to them.
 *
 * <p>The top documents are the same as with the required form: the collector behind this one only
 * sees documents that match, so the score it asks for (its n-th best) is the n-th best among the
 * matching documents, and anything skipped scores below it. Scores may differ from the required
 * form's in the last bit, because the additions happen in another order.
 */
final class TopMatchingDocs {

    private TopMatchingDocs() {
    }

    static TopDocs search(IndexSearcher searcher, Query scoring, Query condition, int n) throws IOException {
        Weight matches = searcher.createWeight(searcher.rewrite(condition), ScoreMode.COMPLETE_NO_SCORES, 1f);
        TopScoreDocCollectorManager top = new TopScoreDocCollectorManager(n, n);
        return searcher.search(scoring, new CollectorManager<OnlyMatching, TopDocs>() {
            @Override
            public OnlyMatching newCollector() throws IOException {
                return new OnlyMatching(top.newCollector(), matches);
            }

            @Override
            public TopDocs reduce(Collection<OnlyMatching> collectors) throws IOException {
                List<TopScoreDocCollector> inner = new ArrayList<>(collectors.size());
                collectors.forEach(c -> inner.add(c.top));
                return top.reduce(inner);
            }
        });
    }

    /** Passes on only the documents the condition matches. */
    private static final class OnlyMatching implements Collector {

        final TopScoreDocCollector top;
        private final Weight condition;

        OnlyMatching(TopScoreDocCollector top, Weight condition) {
            this.top = top;
            this.condition = condition;
        }

        @Override
        public ScoreMode scoreMode() {
            return top.scoreMode();
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
            Scorer scorer = condition.scorer(leaf);
            if (scorer == null) {
                throw new CollectionTerminatedException(); // nothing in this segment matches
            }
            TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
            DocIdSetIterator approximation = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
            return new FilterLeafCollector(top.getLeafCollector(leaf)) {
                @Override
                public void collect(int doc) throws IOException {
                    // Documents arrive in increasing order within a segment, so the condition's
                    // iterator only ever moves forward.
                    int at = approximation.docID();
                    if (at < doc) {
                        at = approximation.advance(doc);
                    }
                    if (at == doc && (twoPhase == null || twoPhase.matches())) {
                        in.collect(doc);
                    }
                }
            };
        }
    }
}
