package vn.trang.index;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;

/**
 * One text value analysed once: every syllable as {@link VietnameseAnalyzers#EXACT} gives it, its
 * folded form, and its offsets, as UTF-8 ready for the index. The index holds each value in up to
 * five fields (exact, folded, bigrams, title, snippet); running one analysis chain per field
 * tokenized, normalised and lower-cased the same text five times, which made analysis the largest
 * cost of a build's index stage. Here the exact chain runs once, each syllable is folded as the
 * folded chain's last step ({@link ASCIIFoldingFilter#foldToASCII}) would fold it, and
 * {@link AnalysedTokens} replays the result into each field. The replay produces
 * exactly the terms of the per-field chains (a test compares them), so queries analysed with
 * those chains meet these terms.
 */
final class AnalysedText {

    static final AnalysedText EMPTY = new AnalysedText(0);

    /** Characters of the value: the end offset of the analysis, which multi-valued offsets add up. */
    private int length;
    private int size;
    private byte[] exact;
    private int[] exactEnds;
    private byte[] folded;
    private int[] foldedEnds;
    private int[] startOffsets;
    private int[] endOffsets;

    private AnalysedText(int capacity) {
        exact = new byte[capacity * 8];
        folded = new byte[capacity * 4];
        exactEnds = new int[capacity];
        foldedEnds = new int[capacity];
        startOffsets = new int[capacity];
        endOffsets = new int[capacity];
    }

    /** The syllables of {@code value}; {@link #EMPTY} for null or blank. */
    static AnalysedText of(String value) {
        if (value == null || value.isBlank()) {
            return EMPTY;
        }
        // About one syllable per four characters of Vietnamese text.
        AnalysedText t = new AnalysedText(Math.max(4, value.length() / 4));
        char[] fold = new char[64];
        try (TokenStream ts = VietnameseAnalyzers.EXACT.tokenStream("", value)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                char[] chars = term.buffer();
                int n = term.length();
                if (fold.length < 4 * n) {
                    fold = new char[ArrayUtil.oversize(4 * n, Character.BYTES)];
                }
                int folds = fold(chars, n, fold);
                t.add(term, fold, folds, offset.startOffset(), offset.endOffset());
            }
            ts.end();
            t.length = offset.endOffset();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not throw
        }
        return t;
    }

    /**
     * Folds one syllable as {@link ASCIIFoldingFilter#foldToASCII} does, through a table of the
     * Latin blocks Vietnamese uses (built from that method, so both agree): the method is one switch
     * of several thousand cases that the JIT takes seconds to compile, and a build is over before.
     * Anything outside the table (rare: other scripts, ligatures, symbols) goes to the method.
     */
    private static int fold(char[] chars, int n, char[] out) {
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            char f = c < 0x80 ? c : c < LATIN.length ? LATIN[c] : c >= VIETNAMESE_FROM && c < VIETNAMESE_TO
                    ? VIETNAMESE[c - VIETNAMESE_FROM] : 0;
            if (f == 0) {
                return ASCIIFoldingFilter.foldToASCII(chars, 0, out, 0, n);
            }
            out[i] = f;
        }
        return n;
    }

    /** Latin-1 Supplement and Latin Extended A and B (U+0080–U+024F): each one's fold, 0 if not one character. */
    private static final char[] LATIN = singleFolds(0, 0x250);
    /** Latin Extended Additional (U+1E00–U+1EFF): ạ ả ấ ầ ẩ ẫ ậ … ỹ. */
    private static final int VIETNAMESE_FROM = 0x1E00;
    private static final int VIETNAMESE_TO = 0x1F00;
    private static final char[] VIETNAMESE = singleFolds(VIETNAMESE_FROM, VIETNAMESE_TO);

    private static char[] singleFolds(int from, int to) {
        char[] table = new char[to - from];
        char[] in = new char[1];
        char[] out = new char[4];
        for (int c = Math.max(from, 0x80); c < to; c++) {
            in[0] = (char) c;
            if (ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, 1) == 1) {
                table[c - from] = out[0];
            }
        }
        return table;
    }

    private void add(CharSequence exactTerm, char[] fold, int foldLength, int start, int end) {
        if (size == exactEnds.length) {
            int grown = ArrayUtil.oversize(size + 1, Integer.BYTES);
            exactEnds = ArrayUtil.growExact(exactEnds, grown);
            foldedEnds = ArrayUtil.growExact(foldedEnds, grown);
            startOffsets = ArrayUtil.growExact(startOffsets, grown);
            endOffsets = ArrayUtil.growExact(endOffsets, grown);
        }
        int at = size == 0 ? 0 : exactEnds[size - 1];
        exact = ArrayUtil.grow(exact, at + exactTerm.length() * UnicodeUtil.MAX_UTF8_BYTES_PER_CHAR);
        exactEnds[size] = UnicodeUtil.UTF16toUTF8(exactTerm, 0, exactTerm.length(), exact, at);
        int fat = size == 0 ? 0 : foldedEnds[size - 1];
        folded = ArrayUtil.grow(folded, fat + foldLength * UnicodeUtil.MAX_UTF8_BYTES_PER_CHAR);
        foldedEnds[size] = encode(fold, foldLength, folded, fat);
        startOffsets[size] = start;
        endOffsets[size] = end;
        size++;
    }

    /** Syllables in the value. */
    int size() {
        return size;
    }

    /** The value's length in characters (the final offset of its analysis). */
    int length() {
        return length;
    }

    int startOffset(int i) {
        return startOffsets[i];
    }

    int endOffset(int i) {
        return endOffsets[i];
    }

    /** Points {@code into} at syllable {@code i}, exact or folded; no copy. */
    void term(int i, boolean fold, BytesRef into) {
        int[] ends = fold ? foldedEnds : exactEnds;
        into.bytes = fold ? folded : exact;
        into.offset = i == 0 ? 0 : ends[i - 1];
        into.length = ends[i] - into.offset;
    }

    /**
     * The whole value as one key, folded syllables joined by single spaces ("Chiếm hữu, sử dụng"
     * → "chiem huu su dung"), or null when it has none or more than {@code maxSyllables}: what
     * {@link VietnameseAnalyzers#titleKey} computes, without analysing again.
     */
    BytesRef key(int maxSyllables) {
        if (size == 0 || size > maxSyllables) {
            return null;
        }
        byte[] out = new byte[foldedEnds[size - 1] + size - 1];
        int at = 0;
        for (int i = 0; i < size; i++) {
            int from = i == 0 ? 0 : foldedEnds[i - 1];
            int n = foldedEnds[i] - from;
            if (i > 0) {
                out[at++] = ' ';
            }
            System.arraycopy(folded, from, out, at, n);
            at += n;
        }
        return new BytesRef(out);
    }

    /** UTF-8 of chars[0, n) at out[at]; folded syllables are nearly always ASCII. */
    private static int encode(char[] chars, int n, byte[] out, int at) {
        for (int i = 0; i < n; i++) {
            if (chars[i] >= 0x80) {
                return UnicodeUtil.UTF16toUTF8(new String(chars, 0, n), 0, n, out, at);
            }
        }
        for (int i = 0; i < n; i++) {
            out[at + i] = (byte) chars[i];
        }
        return at + n;
    }
}
