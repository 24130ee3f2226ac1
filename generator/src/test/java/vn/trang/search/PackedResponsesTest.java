package vn.trang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.trang.search.SearchResponse.Facet;
import vn.trang.search.SearchResponse.FacetValue;
import vn.trang.search.SearchResponse.Hit;

/** A packed answer unpacks to an equal answer: every field, nulls, Vietnamese text, long snippets. */
class PackedResponsesTest {

    @Test
    void everyFieldComesBackEqual() {
        SearchRequest request = SearchRequest.of("giấy phép xây dựng").withFilter("site", "xa-thanh-tien");
        String longSnippet = "Đăng ký <mark>khai sinh</mark> ".repeat(3_000); // past writeUTF's 64 KB
        SearchResponse r = new SearchResponse(request, "giấy phép xây dựng", 12_345,
                List.of(new Hit("/van-ban/06-ct-ubnd/", "Chỉ thị 06/CT-UBND về tăng cường", "tinh", "Tỉnh Thanh Hóa",
                                "document", "2025-03-01", "06/CT-UBND", null, "… cấp <mark>giấy phép</mark> …"),
                        new Hit("/thu-tuc/1-000894/", "Cấp giấy phép xây dựng", "so-xay-dung", "Sở Xây dựng", "procedure",
                                null, null, "1.000894", longSnippet),
                        new Hit("/tin/a/", "", "xa-a", "", "news", null, null, null, null)),
                List.of(new Facet("site", List.of(new FacetValue("tinh", "Tỉnh", 9_000, false),
                                new FacetValue("xa-thanh-tien", "Xã Thạnh Tiến", 0, true))),
                        new Facet("year", List.of(new FacetValue("2025", "2025", 3_400, false)))),
                17, true, null, false, true);
        SearchResponse back = PackedResponses.unpack(request, PackedResponses.pack(r));
        assertEquals(r, back);
        assertNull(back.hits().get(2).snippet());
        assertEquals(longSnippet, back.hits().get(1).snippet());

        SearchResponse empty = SearchResponse.empty(request, "", false, "Chưa có chỉ mục tìm kiếm");
        assertEquals(empty, PackedResponses.unpack(request, PackedResponses.pack(empty)));
    }

    @Test
    void packedIsSmallerThanTheTextAsJavaKeepsIt() {
        String snippet = "Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai thực hiện chuyển đổi số năm 2025";
        SearchRequest request = SearchRequest.of("chuyển đổi số");
        SearchResponse r = new SearchResponse(request, "chuyển đổi số", 1,
                List.of(new Hit("/tin/1/", snippet, "tinh", "Tỉnh", "news", null, null, null, snippet)), List.of(), 1,
                false, null);
        // UTF-8 of Vietnamese is well under the two bytes a character of a non-Latin-1 Java string.
        assertTrue(PackedResponses.pack(r).length < 2 * 2 * snippet.length());
    }
}
