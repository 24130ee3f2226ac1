package vn.trang.search.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.trang.index.SearchDocument;

class PlainBm25Test {

    private static SearchDocument doc(String id, String title, String text) {
        return new SearchDocument(id, title, List.of("Luật Đất đai"), "", text, List.of(), "corpus", "corpus", "document",
                List.of(), null, null, null, null, null, null);
    }

    private static final List<SearchDocument> CORPUS = List.of(
            doc("a", "Đồ thị", "Đồ thị của hàm số."),
            doc("b", "Quy hoạch đô thị", "Quy hoạch đô thị và nông thôn, đô thị loại một."),
            doc("c", "Thuế", "Thuế thu nhập cá nhân được khấu trừ tại nguồn theo quy định của luật thuế."));

    @Test
    void termsAreLowerCasedSyllablesThenBigrams() {
        assertEquals(List.of("đô", "thị", "loại", "1", "đô thị", "thị loại", "loại 1"),
                PlainBm25.terms("Đô THỊ, loại 1", false));
        assertEquals(List.of("do", "thi", "do thi"), PlainBm25.terms("Đô thị", true));
        // NFD (as old phones send it) is the same syllable as NFC.
        assertEquals(PlainBm25.terms("thuế", false), PlainBm25.terms("thue\u0302\u0301", false));
    }

    @Test
    void marksDecideAsTypedAndFoldingMergesBothSides() {
        PlainBm25 typed = new PlainBm25(CORPUS, false);
        // Any term matches ("thị" is in both); the marked syllable and bigram decide the order.
        assertEquals(List.of("b", "a"), typed.top("đô thị", 10));
        assertEquals(List.of("a", "b"), typed.top("đồ thị", 10));
        PlainBm25 folded = new PlainBm25(CORPUS, true);
        List<String> top = folded.top("do thi", 10);
        assertEquals(2, top.size());
        assertTrue(top.containsAll(List.of("a", "b")));
    }

    @Test
    void onlyTitleAndTextAreSearched() {
        // The metadata (the law's name) is not part of the baseline's one field.
        assertEquals(List.of(), new PlainBm25(CORPUS, false).top("đất đai", 10));
    }

    @Test
    void theScoreIsBm25WithK1_1_2AndB_0_75() {
        // "thuế": 1 term; "phí lệ phí": 3 syllables + 2 bigrams = 5; average length 3.
        PlainBm25 two = new PlainBm25(List.of(doc("x", "", "thuế"), doc("y", "", "phí lệ phí")), false);
        double idf = Math.log(1 + (2 - 1 + 0.5) / (1 + 0.5));
        double norm = 1.2 * (1 - 0.75 + 0.75 * 1 / 3.0);
        assertEquals(idf * 2.2 / (1 + norm), two.scores("thuế")[0], 1e-6);
        assertEquals(0, two.scores("thuế")[1]);
    }

    @Test
    void scoresAreBm25WithK1And075() {
        // One document, one term occurring once in a document of average length: idf × 1 × 2.2 / (1 + 1.2).
        PlainBm25 one = new PlainBm25(List.of(doc("x", "", "thuế"), doc("y", "", "phí")), false);
        assertEquals(List.of("x"), one.top("thuế thuế", 1));
        assertEquals(List.of("x"), one.top("thuế phí", 1), "ties keep corpus order");
        assertEquals(1, one.top("thuế phí", 1).size());
    }
}
