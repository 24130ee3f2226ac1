package vn.trang.index;

import java.io.IOException;
import java.text.Normalizer;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Per token: NFC (citizens' phones and old converters send NFD; 109 articles of the ALQAC set are
 * NFD), the Icelandic eth (Ð, ð) that TCVN3/VNI converters emit for Đ/đ, the canonical tone
 * placement of {@link ToneMarks}, and no leading zeros in plain numbers. Working per token rather than as a char filter keeps the token
 * offsets pointing into the original text: the search's snippets (vn.trang.search.Snippets) mark matches in the stored text
 * at the offsets the body field's postings hold.
 */
public final class VietnameseNormalizationFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    public VietnameseNormalizationFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] b = term.buffer();
        int n = term.length();
        if (isAscii(b, n)) {
            stripLeadingZeros();
            return true;
        }
        // Precomposed Vietnamese (what nearly all text is) needs nothing unless it may move a tone.
        if (!hasMarkOrEth(b, n) && !(n >= 2 && ToneMarks.mayMove(b[n - 2], b[n - 1]))) {
            return true;
        }
        String s = term.toString();
        String out = normalize(s);
        if (!out.equals(s)) {
            term.setEmpty().append(out);
        }
        return true;
    }

    /**
     * "06" and "6" are the same number in a document number ("Chỉ thị 06/CT-UBND", "chỉ thị số 6"),
     * a date or a count; written with or without the zero, they must meet.
     */
    private void stripLeadingZeros() {
        char[] b = term.buffer();
        int n = term.length();
        int zeros = 0;
        while (zeros < n - 1 && b[zeros] == '0') {
            zeros++;
        }
        if (zeros == 0) {
            return;
        }
        for (int i = zeros; i < n; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return; // not a plain number ("0.5", "0a")
            }
        }
        System.arraycopy(b, zeros, b, 0, n - zeros);
        term.setLength(n - zeros);
    }

    /** The same normalisation on a whole string (query text, stored keys). */
    public static String normalize(String s) {
        String t = Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
        if (t.indexOf('\u00D0') >= 0 || t.indexOf('\u00F0') >= 0) {
            t = t.replace('\u00D0', 'Đ').replace('\u00F0', 'đ');
        }
        return ToneMarks.canonical(t);
    }

    /** Combining marks (NFD text) or the eth: the cases where the token is not clean NFC already. */
    private static boolean hasMarkOrEth(char[] buf, int len) {
        for (int i = 0; i < len; i++) {
            char c = buf[i];
            if ((c >= '\u0300' && c <= '\u036F') || c == '\u00D0' || c == '\u00F0' || Character.isSurrogate(c)
                    || (c >= '\u1DC0' && c <= '\u1DFF') || (c >= '\u20D0' && c <= '\u20FF')) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAscii(char[] buf, int len) {
        for (int i = 0; i < len; i++) {
            if (buf[i] >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
