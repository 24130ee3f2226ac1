package vn.trang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.index.SearchFiles;
import vn.trang.pipeline.BuildOptions;
import vn.trang.pipeline.BuildResult;
import vn.trang.pipeline.Builder;

/**
 * A hand-made query set on the demo province (content/ of the repository), as citizens type it:
 * with and without marks, document numbers and procedure codes. Expectations name items whose
 * subject is stable in the demo (Chỉ thị 06/CT-UBND is real; the others are what the demo is about).
 */
class DemoSearchTest {

    @TempDir
    static Path tmp;
    static SearchService service;

    @BeforeAll
    static void build() {
        BuildResult r = new Builder().build(BuildOptions.defaults(Fixture.REPO, tmp.resolve("public")));
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        service = new SearchService(SearchFiles.inOutput(tmp.resolve("public")), Ranking.DEFAULT, s -> { });
        assertTrue(service.reopen());
    }

    @AfterAll
    static void close() throws Exception {
        service.close();
    }

    private static List<SearchResponse.Hit> top(String q) {
        return service.search(SearchRequest.of(q)).hits();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "06/CT-UBND                          | /van-ban/06-ct-ubnd/",
            "06/ct-ubnd                          | /van-ban/06-ct-ubnd/",
            "chỉ thị 06/CT-UBND                  | /van-ban/06-ct-ubnd/",
            "Số: 06/CT–UBND                      | /van-ban/06-ct-ubnd/",
            "khai mạc hội Lim                    | /tin-tuc/khai-mac-hoi-lim-xuan-binh-ngo-nam-2026/",
            "khai mac hoi lim                    | /tin-tuc/khai-mac-hoi-lim-xuan-binh-ngo-nam-2026/"})
    void firstHit(String query, String url) {
        List<SearchResponse.Hit> hits = top(query.strip());
        assertEquals(url, hits.isEmpty() ? null : hits.get(0).url(), () -> query + " → " + hits);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.000894                   | 1.000894",
            "đăng ký kết hôn            | 1.000894",
            "dang ky ket hon            | 1.000894",
            "thủ tục đăng ký khai sinh  | ",
            "dang ky khai sinh          | "})
    void proceduresComeFirst(String query, String code) {
        List<SearchResponse.Hit> hits = top(query.strip());
        assertTrue(!hits.isEmpty() && "procedure".equals(hits.get(0).type()), () -> query + " → " + hits);
        if (code != null) {
            assertEquals(code.strip(), hits.get(0).code(), () -> query + " → " + hits);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"giấy phép xây dựng | so-xay-dung", "giay phep xay dung | so-xay-dung"})
    void theUnitInChargeIsOnTheFirstPage(String query, String site) {
        assertTrue(top(query.strip()).stream().anyMatch(h -> h.site().equals(site.strip())), () -> query + " → " + top(query));
    }
}
