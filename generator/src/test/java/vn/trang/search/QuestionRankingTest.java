package vn.trang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.trang.index.SearchDocument;

/**
 * A question as a citizen types it, on a real index: its question words ("bao nhiêu", "gì", a final
 * "không") must not decide the ranking, and its content must not all be required.
 */
class QuestionRankingTest {

    static final String AGE = "/luat/hon-nhan/dieu-8/";
    static final String FEES = "/luat/phi/dieu-4/";
    static final String TERMS = "/luat/an-ninh-mang/dieu-2/";
    static final String DUTIES = "/luat/an-ninh-mang/dieu-14/";
    static final String TOURIST_RIGHTS = "/luat/du-lich/dieu-11/";
    static final String TOUR_BUSINESS = "/luat/du-lich/dieu-40/";

    static SmallIndex index;

    @BeforeAll
    static void index() throws IOException {
        index = SmallIndex.of(List.of(
                doc(AGE, "Điều kiện kết hôn",
                        "Nam, nữ kết hôn với nhau phải tuân theo các điều kiện: nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 "
                                + "tuổi trở lên; việc kết hôn do nam và nữ tự nguyện quyết định."),
                doc(FEES, "Hỏi đáp về lệ phí",
                        "Công dân hỏi lệ phí là bao nhiêu, nộp bao nhiêu lần và nộp ở đâu thì được trả lời tại bộ phận "
                                + "một cửa; mức thu bao nhiêu do hội đồng nhân dân quyết định."),
                doc(TERMS, "Giải thích từ ngữ",
                        "An ninh mạng là sự bảo đảm hoạt động trên không gian mạng không gây phương hại đến an ninh "
                                + "quốc gia. Không gian mạng là mạng lưới kết nối của cơ sở hạ tầng công nghệ thông tin."),
                doc(DUTIES, "Bảo vệ an ninh mạng đối với hệ thống thông tin",
                        "Cơ quan bảo vệ an ninh mạng, an ninh mạng của hệ thống thông tin, giám sát an ninh mạng, "
                                + "phòng ngừa sự cố an ninh mạng, ứng phó sự cố an ninh mạng."),
                doc(TOURIST_RIGHTS, "Quyền của khách du lịch",
                        "Được lựa chọn dịch vụ; được bảo hiểm; được cung cấp thông tin; được bảo đảm an toàn."),
                doc(TOUR_BUSINESS, "Kinh doanh dịch vụ lữ hành",
                        "Doanh nghiệp lữ hành bảo đảm quyền của khách du lịch và thông tin cho khách du lịch.")));
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    static SearchDocument doc(String url, String title, String body) {
        return SmallIndex.doc(url, title, "document", body);
    }

    static List<String> top(Ranking ranking, String query) throws IOException {
        return index.top(ranking, query);
    }

    /** Without the question form; without synonyms either, which would know "lấy vợ" as kết hôn. */
    static final Ranking WITHOUT = Ranking.DEFAULT.with("questionForm=1,questionMatch=0,synonyms=0");
    static final Ranking WITH = Ranking.DEFAULT.with("synonyms=0");

    @Test
    void questionWordsDoNotOutrankWhatIsAsked() throws IOException {
        String q = "Nam bao nhiêu tuổi thì được kết hôn?";
        assertNotEquals(AGE, first(WITHOUT, q), "without the question form, 'bao nhiêu' decides");
        assertEquals(AGE, first(Ranking.DEFAULT, q));
        assertEquals(AGE, first(Ranking.DEFAULT, "nam bao nhieu tuoi thi duoc ket hon"));
    }

    @Test
    void aShortQuestionNeedsOnlyPartOfItsWords() throws IOException {
        // "lấy vợ" is not the law's word: as keywords three of the five must occur, and nothing has them.
        String q = "nam bao nhiêu tuổi thì lấy vợ được";
        assertEquals(List.of(), top(WITHOUT, q));
        assertEquals(List.of(), top(WITH, "nam tuổi lấy vợ được"));
        assertEquals(AGE, first(WITH, q));
    }

    @Test
    void aDefinitionQuestionFindsTheDefinitions() throws IOException {
        // "X là gì?" is answered by "X là …": only "gì" is the question's own word.
        assertEquals(TERMS, first(Ranking.DEFAULT, "An ninh mạng là gì?"));
    }

    @Test
    void aShortQuestionNamesItsTopicAsATitleDoes() throws IOException {
        String q = "Khách du lịch có quyền gì?";
        assertEquals(TOUR_BUSINESS, first(Ranking.DEFAULT.with("questionTitle=0"), q));
        assertEquals(TOURIST_RIGHTS, first(Ranking.DEFAULT, q));
        // The same words as keywords, not a question: the title weighs as for any query.
        assertEquals(TOUR_BUSINESS, first(Ranking.DEFAULT, "khách du lịch quyền"));
    }

    private static String first(Ranking r, String q) throws IOException {
        return index.first(r, q);
    }
}
