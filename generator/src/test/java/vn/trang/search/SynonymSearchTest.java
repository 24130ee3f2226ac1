package vn.trang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.trang.index.IndexBuilder;
import vn.trang.index.SearchDocument;
import vn.trang.index.SearchFields;

/** The synonym table on a real index: what a citizen's word finds through the law's word. */
class SynonymSearchTest {

    static final String LAND = "/thu-tuc/cap-giay-chung-nhan-quyen-su-dung-dat/";
    static final String APART = "/tin-tuc/so-tay-an-toan/";
    static final String DIAGRAM = "/van-ban/so-do-thua-dat/";
    static final String ID_CARD = "/thu-tuc/cap-the-can-cuoc-cong-dan/";
    static final String RESIDENCE = "/thu-tuc/dang-ky-thuong-tru/";
    static final String OLD_FORM = "/van-ban/to-khai-cmnd/";
    static final String OLD_CARD = "/van-ban/chung-minh-nhan-dan/";

    static final Ranking ON = Ranking.DEFAULT.with("synonyms=1");
    static final Ranking OFF = Ranking.DEFAULT.with("synonyms=0");

    static Directory dir = new ByteBuffersDirectory();
    static DirectoryReader reader;

    @BeforeAll
    static void index() throws IOException {
        new IndexBuilder(1).write(dir, List.of(
                doc(LAND, "Cấp giấy chứng nhận quyền sử dụng đất lần đầu", "procedure",
                        "Hồ sơ đề nghị cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở."),
                doc(APART, "Sổ tay an toàn lao động", "news", "Sổ tay phát cho công nhân; mũ màu đỏ là bắt buộc."),
                doc(DIAGRAM, "Sơ đồ vị trí thửa đất", "document", "Bản sơ đồ thửa đất kèm theo hồ sơ."),
                doc(ID_CARD, "Cấp thẻ căn cước công dân", "procedure",
                        "Công dân từ đủ 14 tuổi làm thủ tục cấp căn cước công dân."),
                doc(RESIDENCE, "Đăng ký thường trú", "procedure", "Công dân nộp hồ sơ đăng ký thường trú."),
                doc(OLD_FORM, "Mẫu tờ khai CMND", "document", "Tờ khai CMND dùng đến năm 2016."),
                doc(OLD_CARD, "Quy định về chứng minh nhân dân", "document",
                        "Chứng minh nhân dân được cấp cho công dân.")));
        reader = DirectoryReader.open(dir);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        dir.close();
    }

    static SearchDocument doc(String url, String title, String type, String body) {
        return new SearchDocument(url, title, List.of(), "", body, List.of(), "tinh", "Tỉnh", type, List.of(),
                null, null, null, null, null, null);
    }

    static List<String> top(Ranking ranking, String query) throws IOException {
        SearchEngine engine = new SearchEngine(ranking);
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(engine.similarity());
        StoredFields stored = searcher.storedFields();
        List<String> out = new ArrayList<>();
        for (ScoreDoc sd : engine.rank(searcher, query, 10).scoreDocs) {
            out.add(stored.document(sd.doc).get(SearchFields.ID));
        }
        return out;
    }

    @Test
    void aCitizensWordFindsTheLawsWordAboveItemsThatOnlyShareItsSyllables() throws IOException {
        List<String> on = top(ON, "sổ đỏ");
        // "sơ đồ" is in the index and folds as "sổ đỏ" does; typed with marks, "sổ đỏ" itself is
        // in no item, so the item holding its expansion matches, above one holding "sổ" and "đỏ"
        // apart. (Folded syllables still find "sơ đồ": marks only add to a score.)
        assertTrue(on.contains(LAND), on.toString());
        assertTrue(on.indexOf(LAND) < on.indexOf(APART), on.toString());
        assertFalse(top(OFF, "sổ đỏ").contains(LAND));
    }

    @Test
    void anAbbreviationAbsentFromTheIndexMatchesThroughItsExpansion() throws IOException {
        assertEquals(List.of(ID_CARD), top(ON, "CCCD"));
        assertEquals(List.of(ID_CARD), top(ON, "cccd"));
        assertEquals(ID_CARD, top(ON, "cấp CCCD").get(0));
        assertEquals(List.of(), top(OFF, "CCCD"));
    }

    @Test
    void whereTheQuerysOwnWordIsInTheIndexTheExpansionDecidesNoMatch() throws IOException {
        // "CMND" is in the index: only the items that hold it match; the expansion adds to their
        // score (none of them holds "chứng minh nhân dân" here, so nothing else is found).
        assertEquals(List.of(OLD_FORM), top(ON, "CMND"));
        // The other way, "chứng minh nhân dân" is in the index too: the item saying "CMND" does not
        // hold the query's words and is not found, but ranking is unchanged for those that are.
        assertEquals(List.of(OLD_CARD), top(ON, "chứng minh nhân dân"));
    }

    @Test
    void theWeightZeroLeavesEveryQueryAsItWas() throws IOException {
        QueryBuilder off = new QueryBuilder(OFF);
        QueryBuilder plain = new QueryBuilder(Ranking.DEFAULT.with("synonyms=0"));
        for (String q : List.of("sổ đỏ", "CCCD", "bằng lái xe", "ủy ban nhân dân tỉnh")) {
            assertEquals(plain.build(UserQuery.parse(q)), off.build(UserQuery.parse(q)), q);
            assertFalse(off.build(UserQuery.parse(q)).toString().contains("Absent"), q);
        }
    }
}
