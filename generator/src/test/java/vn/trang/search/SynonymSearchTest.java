package vn.trang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The synonym table on a real index: what a citizen's word finds through the law's word. */
class SynonymSearchTest {

    static final String LAND = "/thu-tuc/cap-giay-chung-nhan-quyen-su-dung-dat/";
    static final String APART = "/tin-tuc/so-tay-an-toan/";
    static final String DIAGRAM = "/van-ban/so-do-thua-dat/";
    static final String ID_CARD = "/thu-tuc/cap-the-can-cuoc-cong-dan/";
    static final String RESIDENCE = "/thu-tuc/dang-ky-thuong-tru/";
    static final String OLD_FORM = "/van-ban/to-khai-cmnd/";
    static final String OLD_CARD = "/van-ban/chung-minh-nhan-dan/";
    static final String FAKES = "/tin-tuc/thu-giu-so-do-gia/";
    static final String RENEWAL = "/tin-tuc/cap-doi-so-do-cu/";

    static final Ranking ON = Ranking.DEFAULT;
    static final Ranking OFF = Ranking.DEFAULT.with("synonyms=0");

    static SmallIndex index;

    @BeforeAll
    static void index() throws IOException {
        index = SmallIndex.of(List.of(
                SmallIndex.doc(LAND, "Cấp giấy chứng nhận quyền sử dụng đất lần đầu", "procedure",
                        "Người sử dụng đất nộp hồ sơ đề nghị cấp giấy chứng nhận quyền sử dụng đất lần đầu; "
                                + "cơ quan đăng ký đất đai kiểm tra và trao giấy chứng nhận quyền sử dụng đất."),
                SmallIndex.doc(APART, "Tập huấn an toàn lao động tại các công trình", "news",
                        "Sở tổ chức tập huấn an toàn lao động cho công nhân các công trình trên địa bàn. "
                                + "Học viên được phát sổ tay hướng dẫn, được thực hành sơ cứu và phòng cháy. "
                                + "Khu vực nguy hiểm được rào chắn và treo biển báo màu đỏ theo quy định. "
                                + "Cuối khóa, học viên làm bài kiểm tra và được cấp chứng nhận hoàn thành."),
                SmallIndex.doc(DIAGRAM, "Sơ đồ vị trí thửa đất", "document", "Bản sơ đồ thửa đất kèm theo hồ sơ."),
                SmallIndex.doc(ID_CARD, "Cấp thẻ căn cước công dân", "procedure",
                        "Công dân từ đủ 14 tuổi làm thủ tục cấp căn cước công dân."),
                SmallIndex.doc(RESIDENCE, "Đăng ký thường trú", "procedure", "Công dân nộp hồ sơ đăng ký thường trú."),
                SmallIndex.doc(OLD_FORM, "Mẫu tờ khai CMND", "document", "Tờ khai CMND dùng đến năm 2016."),
                SmallIndex.doc(OLD_CARD, "Quy định về chứng minh nhân dân", "document",
                        "Chứng minh nhân dân được cấp cho công dân.")));
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @Test
    void theShippedRankingUsesTheTable() {
        assertTrue(Ranking.DEFAULT.synonyms() > 0);
    }

    @Test
    void aCitizensWordAbsentFromTheIndexMatchesThroughTheLawsWord() throws IOException {
        // "sơ đồ" is in the index and folds as "sổ đỏ" does; typed with marks, "sổ đỏ" itself is
        // in no item, so the item holding its expansion matches (below items that hold the
        // syllables themselves: the expansion only adds to a score).
        List<String> on = index.top(ON, "sổ đỏ");
        assertTrue(on.contains(LAND), on.toString());
        assertTrue(on.contains(APART), on.toString());
        assertFalse(index.top(OFF, "sổ đỏ").contains(LAND));
    }

    @Test
    void amongItemsHoldingTheCitizensWordTheOneAboutTheLawsWordComesFirst() throws IOException {
        try (SmallIndex both = SmallIndex.of(List.of(
                SmallIndex.doc(FAKES, "Thu giữ sổ đỏ giả", "news", "Công an thu giữ sổ đỏ giả."),
                SmallIndex.doc(RENEWAL, "Cấp đổi sổ đỏ cũ", "news", "Người dân cấp đổi sổ đỏ cũ sang giấy chứng nhận "
                        + "quyền sử dụng đất mẫu mới tại văn phòng đăng ký đất đai của huyện.")))) {
            assertEquals(List.of(RENEWAL, FAKES), both.top(ON, "sổ đỏ"));
            assertEquals(List.of(FAKES, RENEWAL), both.top(OFF, "sổ đỏ"));
        }
    }

    @Test
    void anAbbreviationAbsentFromTheIndexMatchesThroughItsExpansion() throws IOException {
        assertEquals(List.of(ID_CARD), index.top(ON, "CCCD"));
        assertEquals(List.of(ID_CARD), index.top(ON, "cccd"));
        assertEquals(ID_CARD, index.top(ON, "cấp CCCD").get(0));
        assertEquals(List.of(), index.top(OFF, "CCCD"));
    }

    @Test
    void whereTheQuerysOwnWordIsInTheIndexTheExpansionDecidesNoMatch() throws IOException {
        // "CMND" is in the index: only the items that hold it match; the expansion adds to their
        // score (none of them holds "chứng minh nhân dân" here, so nothing else is found).
        assertEquals(List.of(OLD_FORM), index.top(ON, "CMND"));
        // The other way, "chứng minh nhân dân" is in the index too: the item saying "CMND" does not
        // hold the query's words and is not found, but ranking is unchanged for those that are.
        assertEquals(List.of(OLD_CARD), index.top(ON, "chứng minh nhân dân"));
    }

    @Test
    void aQueryTheTableHasNothingForIsBuiltAsWithoutIt() {
        QueryBuilder on = new QueryBuilder(ON);
        QueryBuilder off = new QueryBuilder(OFF);
        for (String q : List.of("quy hoạch đô thị mới", "giay to can thiet", "Điều 5 Luật Đất đai")) {
            assertEquals(off.build(UserQuery.parse(q)), on.build(UserQuery.parse(q)), q);
            assertEquals(off.disjunction(UserQuery.parse(q)), on.disjunction(UserQuery.parse(q)), q);
        }
        for (String q : List.of("sổ đỏ", "CCCD", "bằng lái xe")) {
            assertFalse(off.build(UserQuery.parse(q)).toString().contains("Absent"), q);
            assertTrue(on.build(UserQuery.parse(q)).toString().contains("Absent"), q);
            assertFalse(off.build(UserQuery.parse(q)).equals(on.build(UserQuery.parse(q))), q);
        }
    }
}
