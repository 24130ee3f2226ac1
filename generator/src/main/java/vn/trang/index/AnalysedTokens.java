package vn.trang.index;

import java.io.IOException;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeFactory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;

/**
 * Replays {@link AnalysedText} into one field, in one of the forms of {@link VietnameseAnalyzers}:
 * exact or folded syllables, or their bigrams (pairs of adjacent syllables joined by
 * {@link VietnameseAnalyzers#BIGRAM_SEPARATOR}, as {@code ShingleFilter(2, 2)} without unigrams
 * makes them). Terms are handed over as UTF-8 bytes, so nothing is analysed or encoded again.
 *
 * <p>Several texts can be replayed as one value, each with the offset at which it starts in that
 * value, up to a character limit: the snippet field is the summary, a line break, and the start of
 * the body ({@link SearchDocument#snippetText()}), and its offsets must point into that string.
 */
final class AnalysedTokens extends TokenStream {

    enum Form {
        EXACT(false, false), FOLDED(true, false), EXACT_BIGRAMS(false, true), FOLDED_BIGRAMS(true, true);

        final boolean folded;
        final boolean bigrams;

        Form(boolean folded, boolean bigrams) {
            this.folded = folded;
            this.bigrams = bigrams;
        }
    }

    private static final byte SEPARATOR = (byte) VietnameseAnalyzers.BIGRAM_SEPARATOR.charAt(0);

    private final BytesTermAttribute term;
    private final OffsetAttribute offset;
    private final PositionIncrementAttribute position;
    private final Form form;
    private final AnalysedText[] parts;
    private final int[] starts;
    private final int limit;
    private final BytesRef left = new BytesRef();
    private final BytesRef right = new BytesRef();
    private final BytesRefBuilder pair = new BytesRefBuilder();
    private int part;
    private int next;

    /** One text, whole. */
    AnalysedTokens(AnalysedText text, Form form) {
        this(new AnalysedText[] {text}, new int[] {0}, text.length(), form);
    }

    /**
     * @param parts  texts replayed one after the other
     * @param starts where each text starts in the value (its offsets are shifted by that much)
     * @param limit  the value's length: syllables ending beyond it are left out
     */
    AnalysedTokens(AnalysedText[] parts, int[] starts, int limit, Form form) {
        // Plain attributes: a term of bytes, not the packed char-term implementation.
        super(AttributeFactory.DEFAULT_ATTRIBUTE_FACTORY);
        this.term = addAttribute(BytesTermAttribute.class);
        this.offset = addAttribute(OffsetAttribute.class);
        this.position = addAttribute(PositionIncrementAttribute.class);
        this.parts = parts;
        this.starts = starts;
        this.limit = limit;
        this.form = form;
    }

    @Override
    public boolean incrementToken() {
        // No clearAttributes(): every attribute is set below (it showed in profiles, per token).
        while (part < parts.length) {
            AnalysedText t = parts[part];
            int i = next;
            int last = form.bigrams ? i + 1 : i;
            if (last < t.size() && starts[part] + t.endOffset(last) <= limit) {
                next++;
                emit(t, i, last);
                return true;
            }
            // The next text; a bigram is made of two syllables of the same text.
            part++;
            next = 0;
        }
        return false;
    }

    private void emit(AnalysedText t, int first, int last) {
        position.setPositionIncrement(1);
        int shift = starts[part];
        offset.setOffset(shift + t.startOffset(first), shift + t.endOffset(last));
        if (first == last) {
            t.term(first, form.folded, left);
            term.setBytesRef(left);
            return;
        }
        t.term(first, form.folded, left);
        t.term(last, form.folded, right);
        pair.clear();
        pair.append(left);
        pair.append(SEPARATOR);
        pair.append(right);
        term.setBytesRef(pair.get());
    }

    @Override
    public void end() throws IOException {
        super.end();
        offset.setOffset(limit, limit);
    }

    @Override
    public void reset() {
        part = 0;
        next = 0;
    }
}
