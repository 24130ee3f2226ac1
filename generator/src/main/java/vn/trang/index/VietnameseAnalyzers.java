package vn.trang.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis chains of the search index (docs/DOMAIN.md#vietnamese-text). Lucene has no Vietnamese analyzer; what
 * Vietnamese needs is small:
 *
 * <ul>
 *   <li>StandardTokenizer (UAX #29): spaces separate syllables, combining marks stay inside the
 *       token, "1.000894" stays one token;</li>
 *   <li>{@link VietnameseNormalizationFilter}: NFC, Ð→Đ, one tone placement;</li>
 *   <li>lower case;</li>
 *   <li>for the folded variant, ASCIIFoldingFilter after NFC: every precomposed Vietnamese
 *       letter and đ fold to ASCII, so "giay phep" meets "giấy phép";</li>
 *   <li>for the bigram variants, ShingleFilter(2, 2) without unigrams: words are mostly two
 *       syllables ("giấy phép", "xây dựng"), so a bigram is the nearest thing to a word and a
 *       cheap proximity signal (one term lookup instead of a phrase query).</li>
 * </ul>
 *
 * <p>Analyzers are thread-safe and reuse their token streams per thread; one instance of each is
 * enough for the process.
 */
public final class VietnameseAnalyzers {

    /** Accent-preserving: "Giấy  Phép" → [giấy, phép]. */
    public static final Analyzer EXACT = chain(false, false);
    /** Folded: "Giấy phép" → [giay, phep]. */
    public static final Analyzer FOLDED = chain(true, false);
    /** Accent-preserving bigrams: "giấy phép xây" → ["giấy phép", "phép xây"]. */
    public static final Analyzer EXACT_BIGRAMS = chain(false, true);
    /** Folded bigrams: "giấy phép xây" → ["giay phep", "phep xay"]. */
    public static final Analyzer FOLDED_BIGRAMS = chain(true, true);

    /** The separator ShingleFilter puts between the syllables of a bigram term. */
    public static final String BIGRAM_SEPARATOR = " ";

    private VietnameseAnalyzers() {
    }

    /** The analyzer of every field of the schema ({@link SearchFields}), keyword for the rest. */
    public static Analyzer perField() {
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(
                SearchFields.ALL_EXACT, EXACT,
                SearchFields.ALL_FOLDED, FOLDED,
                SearchFields.ALL_BIGRAMS, FOLDED_BIGRAMS,
                SearchFields.ALL_EXACT_BIGRAMS, EXACT_BIGRAMS,
                SearchFields.TITLE_FOLDED, FOLDED,
                SearchFields.BODY, FOLDED));
    }

    /** The tokens of a text with one analyser, at most {@code max}. */
    public static List<String> tokens(Analyzer analyzer, String text, int max) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        try (TokenStream ts = analyzer.tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && out.size() < max) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not throw
        }
        return out;
    }

    /**
     * A whole title or value as one key: its folded syllables joined by single spaces, punctuation gone
     * ("Chiếm hữu, sử dụng tài sản" → "chiem huu su dung tai san"). Null for titles longer than
     * {@code maxSyllables}, which no query contains whole.
     */
    public static String titleKey(String title, int maxSyllables) {
        List<String> t = tokens(FOLDED, title, maxSyllables + 1);
        return t.isEmpty() || t.size() > maxSyllables ? null : String.join(BIGRAM_SEPARATOR, t);
    }

    private static Analyzer chain(boolean fold, boolean bigrams) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new VietnameseNormalizationFilter(source);
                ts = new LowerCaseFilter(ts);
                if (fold) {
                    ts = new ASCIIFoldingFilter(ts);
                }
                if (bigrams) {
                    ShingleFilter shingles = new ShingleFilter(ts, 2, 2);
                    shingles.setOutputUnigrams(false);
                    shingles.setTokenSeparator(BIGRAM_SEPARATOR);
                    ts = shingles;
                }
                return new TokenStreamComponents(source, ts);
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                // Values of a multi-valued field (title, metadata, body) are not one sentence:
                // phrase queries must not match across them.
                return 100;
            }

            @Override
            public int getOffsetGap(String fieldName) {
                return 1;
            }
        };
    }
}
