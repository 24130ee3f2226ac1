package vn.trang.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.pipeline.BuildResult;

/** procedure.ftlh: every section in the national portal's order, tables, links, JSON-LD, print. */
class ProcedurePageTest {

    @TempDir
    static Path tmp;
    static Fixture f;
    static Document full;
    static Document minimal;

    @BeforeAll
    static void build() {
        f = Fixture.standard(tmp);
        f.bytes("content/so-a/thu-tuc/mau-01.docx", new byte[2048]);
        f.write("content/so-a/thu-tuc/tt.md", String.join("\n", ProcedureSchemaTest.VALID.subList(1, ProcedureSchemaTest.VALID.size()))
                .replace("dossier:\n", "dossier:\n  - case: Trường hợp tự nộp\n    papers:\n")
                .replace("  - name: Đơn đề nghị cấp giấy phép xây dựng\n    form: mau-01.docx\n    originals: 1\n    copies: 0\n"
                                + "  - name: Bản vẽ thiết kế\n    originals: 2\n",
                        "      - name: Đơn đề nghị cấp giấy phép xây dựng\n        form: mau-01.docx\n        originals: 1\n"
                                + "        copies: 0\n      - name: Bản vẽ thiết kế\n        originals: 2\n"
                                + "  - papers:\n      - name: Giấy tờ tùy thân <bản chụp>\n        copies: 1\n")
                .replace("  - to-khai.pdf\n", "") + "\n");
        f.procedure("xa-b", "toi-gian", "Thủ tục tối giản", "2.000635", "level: mot-phan");
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        // The full example cites documents this fixture has no page for: the linker may warn.
        assertEquals(0, r.diagnostics().errorCount(), () -> Diags.dump(r.diagnostics()));
        full = Jsoup.parse(Fixture.read(f.out().resolve("so-a/thu-tuc/cap-giay-phep-xay-dung-nha-o-rieng-le/index.html")));
        minimal = Jsoup.parse(Fixture.read(f.out().resolve("xa-b/thu-tuc/thu-tuc-toi-gian/index.html")));
    }

    @Test
    void sectionsInTheNationalPortalsOrder() {
        List<String> headings = full.select("main h2:not(section.history h2)").eachText();
        assertEquals(List.of("Thông tin thủ tục", "Trình tự thực hiện", "Cách thức thực hiện", "Thành phần hồ sơ",
                "Đối tượng thực hiện", "Cơ quan thực hiện", "Địa chỉ tiếp nhận hồ sơ", "Kết quả thực hiện", "Căn cứ pháp lý",
                "Yêu cầu, điều kiện thực hiện", "Mẫu đơn, tờ khai", "Ghi chú"), headings);
        for (Element h : full.select("main h2:not(section.history h2)")) {
            assertNotNull(full.selectFirst("[aria-labelledby=" + h.id() + "]"), "each section is labelled by its heading");
        }
    }

    @Test
    void generalFacts() {
        String facts = full.selectFirst("section.doc-meta").text();
        for (String s : List.of("1.009994.000.00.00.H04", "1291/QĐ-UBND", "Cấp tỉnh, Cấp xã", "TTHC được luật giao quy định chi tiết",
                "Hoạt động xây dựng", "Dịch vụ công trực tuyến toàn trình")) {
            assertTrue(facts.contains(s), () -> s + " in " + facts);
        }
    }

    @Test
    void stepsAreAnOrderedListOfMarkdown() {
        Element ol = full.selectFirst("ol.proc-steps");
        assertEquals(2, ol.select("> li").size());
        assertEquals("Trung tâm", ol.selectFirst("li strong").text());
    }

    @Test
    void channelTable() {
        Element table = full.selectFirst("section[aria-labelledby=h-channels] table");
        assertEquals(List.of("Hình thức nộp", "Thời hạn giải quyết", "Phí, lệ phí", "Mô tả"), table.select("thead th").eachText());
        List<String> rows = table.select("tbody tr").eachText();
        assertEquals(List.of("Trực tuyến 15 ngày làm việc Miễn phí",
                "Trực tiếp 15 ngày làm việc 75.000 đồng/giấy phép Nộp tại Trung tâm Phục vụ hành chính công tỉnh"), rows);
        assertEquals("row", table.selectFirst("tbody th").attr("scope"));
    }

    @Test
    void dossierTablesPerCaseWithOriginalsAndCopies() {
        Element section = full.selectFirst("section[aria-labelledby=h-dossier]");
        assertEquals(List.of("Trường hợp tự nộp", "Các giấy tờ khác"), section.select("h3").eachText());
        List<Element> tables = section.select("table");
        assertEquals(2, tables.size());
        assertEquals(List.of("Tên giấy tờ", "Mẫu đơn, tờ khai", "Bản chính", "Bản sao"), tables.get(0).select("thead th").eachText());
        Element first = tables.get(0).selectFirst("tbody tr");
        assertEquals("/so-a/thu-tuc/mau-01.docx", first.selectFirst("a").attr("href"));
        assertTrue(first.text().contains("DOCX, 2 KB"), first.text());
        assertEquals(List.of("1", "0"), first.select("td.num").eachText());
        assertEquals(List.of("2", "–"), tables.get(0).select("tbody tr").get(1).select("td.num").eachText(), "not stated: a dash");
        assertEquals("Giấy tờ tùy thân <bản chụp>", tables.get(1).selectFirst("td").text(), "text is escaped");
    }

    @Test
    void agenciesAddressResultBasisConditionsForms() {
        String agencies = full.selectFirst("section[aria-labelledby=h-agencies]").text();
        assertTrue(agencies.contains("Cơ quan có thẩm quyền Ủy ban nhân dân tỉnh"), agencies);
        assertTrue(agencies.contains("Cơ quan phối hợp Công an tỉnh; Sở Tài chính"), agencies);
        assertFalse(agencies.contains("được ủy quyền"), "roles without agencies are left out");
        assertEquals(List.of("50/2014/QH13", "175/2024/NĐ-CP – Nghị định quy định chi tiết Luật Xây dựng (ngày ban hành 30/12/2024)", "73-CP"),
                full.select("ul.proc-basis li").eachText());
        assertEquals("quy hoạch", full.selectFirst("section[aria-labelledby=h-conditions] strong").text());
        assertEquals("Mẫu số 01", full.selectFirst("ul.proc-forms a").text());
    }

    @Test
    void submitOnlineIsProminent() {
        Element first = full.selectFirst("main a.button");
        assertEquals("Nộp hồ sơ trực tuyến", first.text());
        assertTrue(first.attr("href").startsWith("https://dichvucong.gov.vn/"));
        assertTrue(first.elementSiblingIndex() >= 0);
        Element h2 = full.selectFirst("main h2");
        assertTrue(first.parent().siblingIndex() < h2.parent().siblingIndex(), "before the first section");
        assertNull(minimal.selectFirst("main a.button"), "no online URL, no button");
    }

    @Test
    void jsonLdGovernmentService() {
        // the page's other block (@graph: breadcrumbs) is the layout's; this one is the procedure's
        Element script = full.select("script[type=application/ld+json]").stream()
                .filter(e -> e.data().contains("\"GovernmentService\"")).findFirst().orElseThrow();
        String json = script.data();
        assertTrue(json.startsWith("{\"@context\":\"https://schema.org\",\"@type\":\"GovernmentService\""), json);
        for (String s : List.of("\"identifier\":\"1.009994.000.00.00.H04\"", "\"serviceType\":\"Hoạt động xây dựng\"",
                "\"provider\":{\"@type\":\"GovernmentOrganization\",\"name\":\"Sở Xây dựng\"}",
                "\"url\":\"https://tinh.example.vn/so-a/thu-tuc/cap-giay-phep-xay-dung-nha-o-rieng-le/\"",
                "\"serviceUrl\":\"https://dichvucong.gov.vn/p/home/dvc.html?ma_thu_tuc=1.009994\"",
                "\"serviceOutput\":\"Giấy phép xây dựng\"")) {
            assertTrue(json.contains(s), () -> s + " in " + json);
        }
        assertFalse(json.contains("<"), "safe inside a script element");
        assertEquals(1, minimal.select("script[type=application/ld+json]").stream()
                .filter(e -> e.data().contains("\"GovernmentService\"")).count());
    }

    @Test
    void aMinimalProcedureShowsOnlyWhatItHas() {
        assertEquals(List.of("Thông tin thủ tục", "Trình tự thực hiện", "Cách thức thực hiện", "Ghi chú"),
                minimal.select("main h2:not(section.history h2)").eachText());
        assertTrue(minimal.selectFirst("section.doc-meta").text().contains("Chưa cập nhật"), "no implementing level");
    }

    @Test
    void printStylesheet() {
        String css = Fixture.read(f.out().resolve("_assets/css/trang.css"));
        int procedures = css.indexOf("/* procedures */");
        assertTrue(procedures > 0);
        assertTrue(css.indexOf("@media print", procedures) > 0, "the procedure rules have print rules");
    }
}
