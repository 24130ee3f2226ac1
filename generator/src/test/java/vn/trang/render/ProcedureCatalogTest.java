package vn.trang.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.MiniJson;
import vn.trang.diag.Diagnostic;
import vn.trang.pipeline.BuildOptions;
import vn.trang.pipeline.BuildResult;
import vn.trang.pipeline.Builder;

/**
 * The procedure catalog across a fixture province built as of 2026-06-01: the portal's
 * province-wide catalog and its browse pages, statistics, the review report and its warnings,
 * legal basis linked to the document index, exports.
 */
class ProcedureCatalogTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
    static final String RECENT = "updated: 2026-05-01";

    @TempDir
    static Path dir;
    static Fixture f;
    static BuildResult result;

    static BuildResult build(Fixture fx, LocalDate asOf, int reviewDays) {
        return new Builder().build(new BuildOptions(fx.root, fx.out(), null, "default", 2).withAsOf(asOf)
                .withReviewDays(reviewDays));
    }

    @BeforeAll
    static void buildProvince() {
        f = Fixture.standard(dir);
        f.write("content/tinh/van-ban/old.md", Fixture.md("number: 10/2015/QĐ-UBND\ndoc_type: Quyết định\n"
                + "issuer: Ủy ban nhân dân tỉnh Thử\nissued: 2015-01-01\neffective: 2015-01-10\nsummary: Quy định cũ", ""));
        f.write("content/tinh/van-ban/new.md", Fixture.md("number: 20/2025/QĐ-UBND\ndoc_type: Quyết định\n"
                + "issuer: Ủy ban nhân dân tỉnh Thử\nissued: 2025-01-01\neffective: 2025-01-10\nsummary: Quy định mới\n"
                + "relations:\n  thay_the: [10/2015/QĐ-UBND]", ""));
        f.procedure("so-a", "cap-phep", "Cấp giấy phép xây dựng", "1.009994", RECENT,
                "implementing_level: tinh", "agencies:\n  performing: Sở A",
                "legal_basis:\n  - number: 20/2025/QĐ-UBND");
        f.procedure("so-a", "gia-han", "Gia hạn giấy phép xây dựng", "1.009995", RECENT,
                "implementing_level: tinh", "agencies:\n  performing: Sở A",
                "legal_basis:\n  - number: 10/2015/QĐ-UBND");
        f.procedure("so-a", "cu", "Điều chỉnh giấy phép xây dựng", "1.009996", "updated: 2024-01-15",
                "level: mot-phan", "implementing_level: tinh", "agencies:\n  performing: Sở A");
        f.procedure("xa-b", "khai-sinh", "Đăng ký khai sinh", "1.001193", RECENT, "level: mot-phan",
                "implementing_level: xa", "agencies:\n  performing: Ủy ban nhân dân xã B");
        result = build(f, AS_OF, 365);
        assertTrue(result.ok(), () -> Diags.dump(result.diagnostics()));
    }

    static Document page(String url) {
        return Jsoup.parse(Fixture.read(f.out().resolve(url.substring(1) + "index.html")));
    }

    static Map<String, String> facetCounts(Document d) {
        Map<String, String> counts = new HashMap<>();
        for (Element li : d.select(".facet-group li")) {
            counts.put(li.selectFirst("a").attr("href"), li.selectFirst(".count").text());
        }
        return counts;
    }

    @Test
    void thePortalCatalogListsEveryUnitsProcedures() {
        Document portal = page("/thu-tuc/");
        List<String> titles = portal.select(".item-list .item-title").eachText();
        assertEquals(4, titles.size(), titles::toString);
        assertTrue(titles.contains("Đăng ký khai sinh") && titles.contains("Cấp giấy phép xây dựng"), titles::toString);
        assertEquals(3, page("/so-a/thu-tuc/").select(".item-list .item").size(), "a unit lists its own");
    }

    @Test
    void browsePagesByFieldLevelImplementingLevelAndAgencyHaveCounts() {
        Map<String, String> counts = facetCounts(page("/thu-tuc/"));
        assertEquals("(4)", counts.get("/thu-tuc/linh-vuc/hoat-dong-xay-dung/"), counts::toString);
        assertEquals("(2)", counts.get("/thu-tuc/muc-do/toan-trinh/"), counts::toString);
        assertEquals("(2)", counts.get("/thu-tuc/muc-do/mot-phan/"), counts::toString);
        assertEquals("(3)", counts.get("/thu-tuc/cap-thuc-hien/cap-tinh/"), counts::toString);
        assertEquals("(1)", counts.get("/thu-tuc/cap-thuc-hien/cap-xa/"), counts::toString);
        assertEquals("(3)", counts.get("/thu-tuc/co-quan/so-a/"), counts::toString);
        Document online = page("/thu-tuc/muc-do/toan-trinh/");
        assertEquals(List.of("Cấp giấy phép xây dựng", "Gia hạn giấy phép xây dựng"),
                online.select(".item-list .item-title").eachText());
    }

    @Test
    void statisticsCountLevelsAndTheOnlineShare() {
        Document stats = page("/thu-tuc/thong-ke/");
        String lead = stats.selectFirst(".lead").text();
        assertTrue(lead.contains("một phần): 4 (100%)") && lead.contains("toàn trình: 2 (50%)"), lead);
        assertFalse(stats.select("svg[role=img]").isEmpty(), "charts as inline SVG");
        assertTrue(stats.select("script:not([type=application/ld+json])").isEmpty(), "no JavaScript");
        Map<String, String> units = new HashMap<>();
        for (Element row : stats.select("#t-units ~ .table-wrap tbody tr, section:has(#t-units) tbody tr")) {
            units.put(row.selectFirst("th").text(), row.select("td").eachText().toString());
        }
        // Online services are toàn trình and một phần; within them, toàn trình.
        assertEquals("[3, 3, 100%, 2, 66,7%]", units.get("Sở Thử Nghiệm"), units::toString);
        assertEquals("[1, 1, 100%, 0, 0%]", units.get("Xã Bình Yên"), units::toString);
        Document unit = page("/so-a/thu-tuc/thong-ke/");
        assertTrue(unit.selectFirst(".lead").text().contains("3"));
    }

    @Test
    void reviewReportListsReplacedBasisAndStaleProcedures() {
        Document review = page("/thu-tuc/ra-soat/");
        Map<String, String> reasons = new HashMap<>();
        for (Element row : review.select("table.review tbody tr")) {
            reasons.put(row.select("td").get(0).text(), row.select("td").get(3).text());
        }
        assertEquals(2, reasons.size(), reasons::toString);
        assertTrue(reasons.get("1.009995").contains("10/2015/QĐ-UBND") && reasons.get("1.009995").contains("hết hiệu lực"),
                reasons::toString);
        assertTrue(reasons.get("1.009996").contains("15/01/2024"), reasons::toString);
        List<Diagnostic> warnings = result.diagnostics().list().stream().filter(x -> !x.isError()).toList();
        assertEquals(2, warnings.size(), () -> Diags.dump(warnings));
        assertTrue(warnings.stream().anyMatch(w -> w.file().equals("content/so-a/thu-tuc/gia-han.md")
                && w.message().contains("1.009995")), () -> Diags.dump(warnings));
        assertEquals(1, page("/xa-b/thu-tuc/ra-soat/").select(".empty").size(), "nothing to review in xa-b");
    }

    @Test
    void reviewDaysAreConfigurable(@TempDir Path tmp) {
        Fixture fx = Fixture.standard(tmp);
        fx.procedure("so-a", "x", "Thủ tục X", "1.000001", "updated: 2026-03-01");
        BuildResult strict = build(fx, AS_OF, 30);
        assertEquals(1, strict.diagnostics().warningCount(), () -> Diags.dump(strict.diagnostics()));
        BuildResult lenient = build(fx, AS_OF, 365);
        assertEquals(0, lenient.diagnostics().warningCount(), () -> Diags.dump(lenient.diagnostics()));
    }

    @Test
    void legalBasisLinksToTheDocumentIndexWithItsStatus() {
        Document d = page("/so-a/thu-tuc/gia-han-giay-phep-xay-dung/");
        Element link = d.selectFirst("main a[href=/van-ban/10-2015-qd-ubnd/]");
        assertNotNull(link, "basis linked to the document page");
        assertTrue(link.parent().text().contains("Hết hiệu lực toàn bộ"), link.parent().text());
    }

    @Test
    void unknownLegalBasisIsAWarningAtItsLine(@TempDir Path tmp) {
        Fixture fx = Fixture.standard(tmp);
        fx.procedure("so-a", "x", "Thủ tục X", "1.000001", "legal_basis:\n  - number: 99/2099/NĐ-CP");
        BuildResult r = build(fx, AS_OF, 365);
        assertTrue(r.ok());
        Diagnostic w = Diags.single(r.diagnostics());
        assertFalse(w.isError());
        assertEquals("content/so-a/thu-tuc/x.md", w.file());
        assertTrue(w.message().contains("99/2099/NĐ-CP"), w::format);
        assertTrue(w.line() > 1, w::format);
    }

    @Test
    @SuppressWarnings("unchecked")
    void exportsCarryTheCatalog() throws IOException {
        Map<String, Object> json = MiniJson.object(Files.readString(f.out().resolve("thu-tuc/thu-tuc.json")));
        assertEquals(4L, json.get("count"));
        Map<String, Object> permit = ((List<Map<String, Object>>) (List<?>) json.get("procedures")).stream()
                .filter(p -> "1.009995".equals(p.get("code"))).findFirst().orElseThrow();
        assertEquals("toan-trinh", permit.get("service_level"));
        assertEquals(Boolean.TRUE, permit.get("online"));
        Map<String, Object> basis = ((List<Map<String, Object>>) permit.get("legal_basis")).get(0);
        assertEquals("10/2015/QĐ-UBND", basis.get("number"));
        assertEquals("Hết hiệu lực toàn bộ", basis.get("status"));
        assertTrue(((String) basis.get("url")).endsWith("/van-ban/10-2015-qd-ubnd/"));
        String csv = Files.readString(f.out().resolve("so-a/thu-tuc/thu-tuc.csv"));
        assertTrue(csv.startsWith("\uFEFFma_thu_tuc,"), csv);
        assertEquals(4, csv.split("\r\n").length, "header and three procedures");
        assertTrue(csv.contains("1.009994,Cấp giấy phép xây dựng,Hoạt động xây dựng"), csv);
    }
}
