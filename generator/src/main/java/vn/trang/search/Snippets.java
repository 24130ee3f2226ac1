package vn.trang.search;

import java.io.IOException;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter.OffsetSource;

import vn.trang.index.SearchDocument;
import vn.trang.index.SearchFields;
import vn.trang.index.VietnameseAnalyzers;

/**
 * Snippets of the hits: the passages of the body with most query syllables, marked. The body
 * field is indexed folded with offsets, so "giay phep" marks "giấy phép" in the original text and
 * nothing is re-analysed at query time (the highlighter reads offsets from the postings).
 */
final class Snippets {

    /** About two lines on a phone. */
    static final int PASSAGE_CHARS = 160;
    static final int PASSAGES = 2;
    /** Characters considered: all that is stored ({@code SearchDocument.SNIPPET_TEXT_MAX}). */
    static final int MAX_LENGTH = SearchDocument.SNIPPET_TEXT_MAX;

    private static final PassageRanking SCORER = new PassageRanking();

    private Snippets() {
    }

    /** One snippet per hit, in order; null where the hit has no text. */
    static String[] of(IndexSearcher searcher, Query highlight, TopDocs docs) throws IOException {
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, VietnameseAnalyzers.FOLDED)
                .withFormatter(new MarkFormatter())
                .withScorer(SCORER)
                .withMaxLength(MAX_LENGTH)
                .withMaxNoHighlightPassages(1)
                // Spaces, not sentences: legal sentences run to hundreds of characters, and Vietnamese
                // syllables are separated by spaces, so a space is always a clean cut. (The JDK's
                // word iterator was the costliest step of a search.)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        new CustomSeparatorBreakIterator(' '), PASSAGE_CHARS, 0.5f));
        UnifiedHighlighter h = new UnifiedHighlighter(builder) {
            // The body field is always indexed with offsets (SearchFields). Saying so here spares
            // each search merging the field infos of every segment to find it out.
            @Override
            protected OffsetSource getOffsetSource(String field) {
                return OffsetSource.POSTINGS;
            }
        };
        return h.highlight(SearchFields.BODY, highlight, docs, PASSAGES);
    }
}
