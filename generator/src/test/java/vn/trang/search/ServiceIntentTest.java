package vn.trang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.trang.index.SearchFields;

/** The service clause: which words name a service, and what it does to a real index. */
class ServiceIntentTest {

    static final String PERMIT = "/so-xd/thu-tuc/cap-giay-phep-xay-dung/";
    static final String GUIDANCE = "/so-xd/van-ban/huong-dan-giay-phep-xay-dung/";
    static final String FINES = "/van-ban/xu-phat-xay-dung/";

    static SmallIndex index;
    static DirectoryReader reader;

    @BeforeAll
    static void index() throws IOException {
        String repeated = "Cấp giấy phép xây dựng cho nhà ở riêng lẻ; hồ sơ giấy phép xây dựng; thời hạn giấy phép xây dựng. ";
        index = SmallIndex.of(List.of(
                SmallIndex.doc(PERMIT, "Cấp giấy phép xây dựng mới công trình cấp đặc biệt, cấp I, cấp II", "procedure",
                        "Nộp hồ sơ tại Trung tâm Phục vụ hành chính công."),
                SmallIndex.doc(GUIDANCE, "Hướng dẫn cấp giấy phép xây dựng sau khi sắp xếp đơn vị hành chính", "document",
                        repeated.repeat(6)),
                SmallIndex.doc(FINES, "Xử phạt hành vi xây dựng nhà ở không có giấy phép xây dựng", "document",
                        "Người xây dựng nhà ở không có giấy phép xây dựng bị phạt tiền và buộc tháo dỡ.")));
        reader = index.reader();
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @Test
    void theQuestionAroundAServiceNameIsSetAside() {
        assertEquals(List.of("giay", "phep", "xay", "dung"),
                ServiceIntent.content(QueryTerms.of("làm giấy phép xây dựng ở đâu")));
        assertEquals(List.of("giay", "phep", "xay", "dung"),
                ServiceIntent.content(QueryTerms.of("lam giay phep xay dung o dau")));
        // With marks, only the exact form word is set aside: "căn" (căn cước) is not "cần".
        assertEquals(List.of("cấp", "lại", "căn", "cước").stream().map(vn.trang.text.Slugs::fold).toList(),
                ServiceIntent.content(QueryTerms.of("cần cấp lại căn cước")));
    }

    @Test
    void aLongQuestionIsNotAServiceName() throws IOException {
        ServiceIntent intent = ServiceIntent.of(reader);
        assertNull(intent.clause(QueryTerms.of(
                "người thuê nhà ở chung cư muốn sửa chữa cải tạo căn hộ thì chủ sở hữu phải xin phép cơ quan nào"), 50f));
        assertNotNull(intent.clause(QueryTerms.of("giay phep xay dung"), 50f));
        assertNull(intent.clause(QueryTerms.of("giay phep xay dung"), 0f));
    }

    @Test
    void onlyProceduresWhoseTitleHoldsTheNameAreNamed() throws IOException {
        ServiceIntent intent = ServiceIntent.of(reader);
        IndexSearcher searcher = new IndexSearcher(reader);
        StoredFields stored = searcher.storedFields();
        // Four content syllables: all four must be in the title; the procedure's has them.
        ScoreDoc[] named = searcher.search(intent.clause(QueryTerms.of("xin giay phep xay dung"), 50f), 10).scoreDocs;
        assertEquals(1, named.length);
        assertEquals(PERMIT, stored.document(named[0].doc).get(SearchFields.ID));
        assertEquals(50f, named[0].score, 1e-4);
        // Five: four of them are enough, and the score says how many.
        named = searcher.search(intent.clause(QueryTerms.of("giay phep xay dung tam"), 50f), 10).scoreDocs;
        assertEquals(1, named.length);
        assertEquals(40f, named[0].score, 1e-4);
        // The documents' titles hold the name too, but they are not procedures; no title holds these.
        assertNull(intent.clause(QueryTerms.of("huong dan sap xep"), 50f));
        assertNull(intent.clause(QueryTerms.of("giay phep lai xe"), 50f));
        assertNull(ServiceIntent.NONE.clause(QueryTerms.of("giay phep xay dung"), 50f));
    }

    @Test
    void aNeededShareOfTheContentWords() {
        assertEquals(4, ServiceIntent.required(4));
        assertEquals(4, ServiceIntent.required(5));
        assertEquals(8, ServiceIntent.required(10));
    }

    @Test
    void theNamedProcedureComesBeforeTheDocumentThatMentionsItMost() throws IOException {
        assertEquals(GUIDANCE, index.top(Ranking.DEFAULT.with("serviceTitle=0"), "giay phep xay dung").get(0));
        assertEquals(PERMIT, index.top(Ranking.DEFAULT, "giay phep xay dung").get(0));
        assertEquals(PERMIT, index.top(Ranking.DEFAULT, "làm giấy phép xây dựng ở đâu").get(0));
    }

    @Test
    void aLegalQuestionStillFindsItsDocument() throws IOException {
        String q = "xây dựng nhà ở không có giấy phép xây dựng bị xử phạt thế nào";
        assertEquals(FINES, index.top(Ranking.DEFAULT, q).get(0));
        assertEquals(index.top(Ranking.DEFAULT.with("serviceTitle=0"), q), index.top(Ranking.DEFAULT, q));
    }
}
