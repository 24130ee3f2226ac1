package vn.trang.search.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.trang.index.SearchDocument;

class FeedbackTest {

    private static SearchDocument doc(String id, String text) {
        return new SearchDocument(id, "", List.of(), "", text, List.of(), "corpus", "corpus", "document", List.of(),
                null, null, null, null, null, null);
    }

    /** Two hits about marriage first, then a third about it in the law's words, then an unrelated one. */
    private static List<SearchDocument> corpus() {
        List<SearchDocument> docs = new ArrayList<>(List.of(
                doc("a", "lấy chồng kết hôn đăng ký kết hôn tại ủy ban"),
                doc("b", "lấy chồng khi đủ tuổi kết hôn theo luật hôn nhân"),
                doc("c", "ngân hàng cho vay vốn lãi suất hợp đồng tín dụng"),
                doc("d", "điều kiện kết hôn: nam nữ tự nguyện kết hôn, đủ tuổi kết hôn")));
        // Filler, so that the marriage words are rare (df ≤ a tenth of the corpus) and count.
        for (int i = 0; i < 40; i++) {
            docs.add(doc("f" + i, "văn bản số " + i + " về thuế phí lệ phí nộp ngân sách"));
        }
        return docs;
    }

    private static final List<Feedback.Hit> FIRST = List.of(new Feedback.Hit("a", 10f), new Feedback.Hit("b", 9f),
            new Feedback.Hit("c", 7f), new Feedback.Hit("d", 6f));

    @Test
    void aHitInTheTopHitsVocabularyMovesUp() {
        Feedback fb = new Feedback(corpus());
        assertEquals(List.of("a", "b", "c", "d"), fb.rerank(FIRST, new Feedback.Setting(2, 10, 0), 4));
        List<String> after = fb.rerank(FIRST, new Feedback.Setting(2, 10, 0.5), 4);
        assertEquals(List.of("a", "b", "d", "c"), after);
    }

    @Test
    void settingsAreParsed() {
        assertEquals(new Feedback.Setting(5, 20, 0.2), Feedback.Setting.parse(" 5, 20 ,0.2"));
        assertThrows(IllegalArgumentException.class, () -> Feedback.Setting.parse("5,20"));
    }
}
