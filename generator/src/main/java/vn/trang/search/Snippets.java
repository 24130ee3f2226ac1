package vn.trang.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import vn.trang.index.SearchFields;
import vn.trang.index.VietnameseAnalyzers;

/**
 * Snippets of the hits: the passages of the body with most query syllables, marked. The body
 * field is indexed folded with offsets, so "giay phep" marks "giấy phép" in the original text and
 * nothing is re-analysed at query time (the highlighter reads offsets from the postings).
 */
final class Snippets {

    private static final Locale VI = Locale.forLanguageTag("vi");
    /** About two lines on a phone. */
    static final int PASSAGE_CHARS = 160;
    static final int PASSAGES = 2;
    /** Characters of the body considered; matches further on are not worth the time. */
    static final int MAX_LENGTH = 50_000;

    private Snippets() {
    }

    /** One snippet per hit, in order; null where the hit has no text. */
    static String[] of(IndexSearcher searcher, Query highlight, TopDocs docs) throws IOException {
        UnifiedHighlighter h = UnifiedHighlighter.builder(searcher, VietnameseAnalyzers.FOLDED)
                .withFormatter(new MarkFormatter())
                .withMaxLength(MAX_LENGTH)
                .withMaxNoHighlightPassages(1)
                // Word boundaries, not sentences: legal sentences run to hundreds of characters.
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getWordInstance(VI), PASSAGE_CHARS, 0.5f))
                .build();
        return h.highlight(SearchFields.BODY, highlight, docs, PASSAGES);
    }
}
