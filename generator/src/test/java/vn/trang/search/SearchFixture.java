package vn.trang.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.index.SearchFiles;
import vn.trang.pipeline.BuildResult;

/**
 * A small province for search tests: portal {@code tinh}, department {@code so-a}, commune
 * {@code xa-b}, with items chosen so each test query has one right answer (minimal pairs for marks,
 * tone placement, numbers, codes and phrases). Built with the real pipeline, searched through the
 * real service.
 */
final class SearchFixture {

    static final String PERMIT_PROCEDURE = "/so-a/thu-tuc/cap-giay-phep-xay-dung-nha-o-rieng-le/";
    static final String DIRECTIVE = "/so-a/van-ban/06-ct-ubnd/";
    static final String CITING_NEWS = "/tin-tuc/trien-khai-chi-thi-ve-trat-tu-xay-dung/";
    static final String BIRTH = "/xa-b/thu-tuc/dang-ky-khai-sinh/";
    static final String MEDIATION = "/xa-b/tin-tuc/hoi-nghi-hoa-giai-o-co-so/";
    static final String URBAN = "/tin-tuc/quy-hoach-do-thi-moi-phia-nam/";
    static final String CHART = "/tin-tuc/do-thi-tang-truong-kinh-te-quy-i/";
    static final String PHRASE = "/tin-tuc/cai-cach-thu-tuc-hanh-chinh-nam-2026/";
    static final String SCATTERED = "/tin-tuc/so-ket-cong-tac-quy-i/";
    static final String HAZARD = "/so-a/tin-tuc/tieu-de-co-ky-tu-dac-biet/";

    private SearchFixture() {
    }

    static Fixture create(Path dir) {
        Fixture f = Fixture.standard(dir);
        news(f, Fixture.PORTAL, "trien-khai-chi-thi-ve-trat-tu-xay-dung", "Triển khai chỉ thị về trật tự xây dựng",
                "2026-02-01", "Các xã, phường triển khai Chỉ thị số 06/CT-UBND của Ủy ban nhân dân tỉnh.",
                "Thực hiện Chỉ thị số 06/CT-UBND, các địa phương kiểm tra công trình xây dựng không phép.");
        news(f, Fixture.PORTAL, "quy-hoach-do-thi-moi-phia-nam", "Quy hoạch đô thị mới phía nam", "2026-01-10",
                "Tỉnh công bố quy hoạch đô thị mới.", "Khu đô thị mới rộng 500 ha.");
        news(f, Fixture.PORTAL, "do-thi-tang-truong-kinh-te-quy-i", "Đồ thị tăng trưởng kinh tế quý I", "2026-04-05",
                "Đồ thị cho thấy kinh tế tăng trưởng.", "Số liệu được trình bày bằng đồ thị.");
        news(f, Fixture.PORTAL, "cai-cach-thu-tuc-hanh-chinh-nam-2026", "Cải cách thủ tục hành chính năm 2026", "2026-03-01",
                "Tỉnh đẩy mạnh cải cách thủ tục hành chính.", "Cắt giảm thủ tục hành chính rườm rà.");
        news(f, Fixture.PORTAL, "so-ket-cong-tac-quy-i", "Sơ kết công tác quý I", "2026-03-30",
                "Sơ kết công tác.", "Nhiều thủ tục được rút gọn; công tác hành chính có tiến bộ.");
        f.document(Fixture.DEPT, "06-ct-ubnd", "06/CT-UBND", "Chỉ thị", "2019-04-19",
                "title: Chỉ thị về tăng cường quản lý trật tự xây dựng", "fields: [Xây dựng]");
        f.procedure(Fixture.DEPT, "cap-giay-phep-xay-dung-nha-o-rieng-le", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "1.000894");
        news(f, Fixture.DEPT, "tieu-de-co-ky-tu-dac-biet", "Quy định <b>mới</b> & \"giấy phép\"", "2025-12-01",
                "Tóm tắt có <script>alert(1)</script> và dấu &.", "Nội dung có <script>alert(2)</script>.");
        f.procedure(Fixture.COMMUNE, "dang-ky-khai-sinh", "Đăng ký khai sinh", "1.001193");
        news(f, Fixture.COMMUNE, "hoi-nghi-hoa-giai-o-co-so", "Hội nghị hòa giải ở cơ sở", "2026-05-05",
                "Xã tổ chức hội nghị về công tác hòa giải.", "Các tổ hòa giải ở cơ sở chia sẻ kinh nghiệm.");
        for (int i = 1; i <= 25; i++) {
            news(f, Fixture.COMMUNE, "ban-tin-so-" + i, "Bản tin nông thôn mới số " + i, "2025-01-" + (i < 10 ? "0" + i : i),
                    "Bản tin nông thôn mới kỳ " + i + ".", "Xã Bình Yên xây dựng nông thôn mới.");
        }
        return f;
    }

    /** A news item with a summary and a body of its own (Fixture.news writes a fixed body). */
    static void news(Fixture f, String site, String name, String title, String date, String summary, String body) {
        f.write("content/" + site + "/tin-tuc/" + name + ".md", Fixture.md("title: '" + title.replace("'", "''")
                + "'\ndate: " + date + "\nsummary: '" + summary.replace("'", "''") + "'", body + "\n"));
    }

    static SearchService build(Fixture f) {
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        List<String> log = new ArrayList<>();
        SearchService s = new SearchService(SearchFiles.inOutput(f.out()), Ranking.DEFAULT, log::add);
        assertTrue(s.reopen(), () -> "index not opened: " + log);
        return s;
    }

    static List<String> urls(SearchResponse r) {
        return r.hits().stream().map(SearchResponse.Hit::url).toList();
    }
}
