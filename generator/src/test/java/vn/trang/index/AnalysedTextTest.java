package vn.trang.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.junit.jupiter.api.Test;

import vn.trang.index.AnalysedTokens.Form;

/**
 * The index is written from one analysis per value ({@link AnalysedText}) replayed into each
 * field; queries are analysed with the per-field chains of {@link VietnameseAnalyzers}. Both must
 * give the same terms, positions and offsets, or queries would miss what was indexed.
 */
class AnalysedTextTest {

    private static final List<String> TEXTS = List.of(
            "Giấy  PHÉP xây dựng",
            "Chỉ thị số 06/CT-UBND ngày 19/4/2019 của Ủy ban nhân dân tỉnh Bắc Ninh",
            Normalizer.normalize("Hội nghị hoà giải ở cơ sở; thủy lợi, uỷ ban, khỏe mạnh", Normalizer.Form.NFD),
            "\u00D0ăng ký kết hôn — mã 1.000894, phí 0.5%, 007 hồ sơ",
            "một",
            "Straße ﬁnal ǅemal Ωmega 北京 𝒜𝒷𝒸 e\u0301 a\u0323\u0306",
            "x".repeat(600) + " dài",
            "  ,;  ");

    @Test
    void replayGivesTheTermsPositionsAndOffsetsOfEachChain() throws IOException {
        for (String text : TEXTS) {
            AnalysedText a = AnalysedText.of(text);
            assertEquals(run(VietnameseAnalyzers.EXACT, text), run(new AnalysedTokens(a, Form.EXACT)), text);
            assertEquals(run(VietnameseAnalyzers.FOLDED, text), run(new AnalysedTokens(a, Form.FOLDED)), text);
            // Bigrams are indexed without positions or offsets: their terms and count are what matters.
            assertEquals(terms(VietnameseAnalyzers.FOLDED_BIGRAMS, text),
                    terms(new AnalysedTokens(a, Form.FOLDED_BIGRAMS)), text);
            assertEquals(terms(VietnameseAnalyzers.EXACT_BIGRAMS, text),
                    terms(new AnalysedTokens(a, Form.EXACT_BIGRAMS)), text);
            assertEquals(VietnameseAnalyzers.titleKey(text, SearchFields.KEY_MAX_SYLLABLES),
                    a.key(SearchFields.KEY_MAX_SYLLABLES) == null ? null : a.key(SearchFields.KEY_MAX_SYLLABLES).utf8ToString(),
                    text);
        }
    }

    @Test
    void foldingAgreesWithTheFoldedChainForEveryLatinLetter() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (char c = 0x80; c < 0x2000; c++) {
            if (Character.isLetter(c)) {
                sb.append('x').append(c).append(' ');
            }
        }
        String text = sb.toString();
        assertEquals(run(VietnameseAnalyzers.FOLDED, text), run(new AnalysedTokens(AnalysedText.of(text), Form.FOLDED)));
    }

    @Test
    void snippetOffsetsPointIntoTheJoinedText() throws IOException {
        String summary = "Tóm tắt về giấy phép.";
        String body = "Nội dung hướng dẫn cấp giấy phép xây dựng nhà ở riêng lẻ.";
        String joined = summary + "\n" + body;
        int cut = joined.lastIndexOf(' ');
        AnalysedTokens snippet = new AnalysedTokens(new AnalysedText[] {AnalysedText.of(summary), AnalysedText.of(body)},
                new int[] {0, summary.length() + 1}, cut, Form.FOLDED);
        assertEquals(run(VietnameseAnalyzers.FOLDED, joined.substring(0, cut)), run(snippet));
    }

    @Test
    void titleKeysOfLongOrEmptyValuesAreNone() {
        assertNull(AnalysedText.of("").key(16));
        assertNull(AnalysedText.of("a b c d e f g h i k l m n o p q r").key(16));
        assertEquals("chiem huu su dung tai san",
                AnalysedText.of("Chiếm hữu, sử dụng tài sản").key(16).utf8ToString());
    }

    private static List<String> run(Analyzer analyzer, String text) throws IOException {
        return run(analyzer.tokenStream("", text));
    }

    /** term@position[start-end] for every token, and the final offset. */
    private static List<String> run(TokenStream ts) throws IOException {
        List<String> out = new ArrayList<>();
        try (ts) {
            TermToBytesRefAttribute term = ts.getAttribute(TermToBytesRefAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += inc.getPositionIncrement();
                out.add(term.getBytesRef().utf8ToString() + "@" + position + "[" + offset.startOffset() + "-"
                        + offset.endOffset() + "]");
            }
            ts.end();
            out.add("end " + offset.endOffset());
        }
        return out;
    }

    private static List<String> terms(Analyzer analyzer, String text) throws IOException {
        return terms(analyzer.tokenStream("", text));
    }

    private static List<String> terms(TokenStream ts) throws IOException {
        List<String> out = new ArrayList<>();
        try (ts) {
            TermToBytesRefAttribute term = ts.getAttribute(TermToBytesRefAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.getBytesRef().utf8ToString());
            }
            ts.end();
        }
        return out;
    }
}
