package vn.trang.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.diag.Diagnostic;
import vn.trang.diag.Diagnostics;
import vn.trang.legal.IssuerRank;
import vn.trang.load.ContentScanner;
import vn.trang.load.SiteRegistry;
import vn.trang.load.SiteRegistryLoader;
import vn.trang.load.SourceFile;
import vn.trang.markdown.MarkdownRenderer;
import vn.trang.model.DocumentLinks;
import vn.trang.model.DocumentStatus;
import vn.trang.model.Item;
import vn.trang.model.LegalDocument;
import vn.trang.parse.ContentParser;
import vn.trang.pipeline.BuildResult;

/**
 * Relations that end or suspend another document (thay_the, bai_bo, dinh_chi) take effect only
 * from its issuer or a competent higher one, published on its site or a site above; replacement
 * cycles are errors. Documents are parsed and linked directly, so the status a refused relation
 * would have caused can be checked even though the build fails.
 */
class IssuingPowerTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
    static final String PROVINCE = "Ủy ban nhân dân tỉnh Thử";
    static final String COMMUNE = "Ủy ban nhân dân xã Bình Yên";

    @TempDir
    Path tmp;
    Fixture f;

    @BeforeEach
    void setUp() {
        // The standard portal, department and commune, plus a (legacy) district with a commune of its own.
        f = Fixture.standard(tmp)
                .write("sites/huyen-c.yml", Fixture.unitYaml("Huyện Cũ", "district", "tinh", "/huyen-c/"))
                .write("sites/xa-d.yml", Fixture.unitYaml("Xã Dưới Huyện", "commune", "huyen-c", "/xa-d/"));
    }

    /** A document of {@code issuer} in content/&lt;site&gt;/van-ban/&lt;name&gt;.md; relations go in {@code extra}. */
    void doc(String site, String name, String number, String issuer, String issued, String extra) {
        String type = number.contains("/NĐ-") ? "Nghị định" : number.contains("/NQ-") ? "Nghị quyết" : "Quyết định";
        f.write("content/" + site + "/van-ban/" + name + ".md", Fixture.md("number: " + number + "\ndoc_type: " + type
                + "\nissuer: " + issuer + "\nissued: " + issued + "\neffective: " + issued + "\nsummary: Trích yếu "
                + number + "\n" + extra, "Nội dung.\n"));
    }

    record Linked(List<LegalDocument> documents, Diagnostics diagnostics) {
        LegalDocument byNumber(String number) {
            return documents.stream().filter(x -> x.number().equals(number)).findFirst()
                    .orElseThrow(() -> new AssertionError(number + " not linked"));
        }

        DocumentStatus status(String number) {
            return byNumber(number).links().status();
        }

        List<String> labels(String number) {
            return byNumber(number).links().relations().stream().map(DocumentLinks.RelationGroup::label).toList();
        }
    }

    /** Load, parse and link, as the build does; parse errors fail the test. */
    Linked link() {
        Diagnostics d = new Diagnostics();
        SiteRegistry registry = new SiteRegistryLoader().load(f.root.resolve("sites"), f.root, d)
                .orElseThrow(() -> new AssertionError(Diags.dump(d)));
        List<Item> items = new ArrayList<>();
        ContentParser parser = new ContentParser(new MarkdownRenderer());
        for (SourceFile s : new ContentScanner().scan(registry, f.root.resolve("content"), f.root, null, d).sources()) {
            parser.parse(s, d).ifPresent(items::add);
        }
        assertFalse(d.hasErrors(), () -> Diags.dump(d));
        List<Item> linked = new DocumentLinker(registry, AS_OF).link(items, d).items();
        return new Linked(linked.stream().filter(LegalDocument.class::isInstance).map(LegalDocument.class::cast).toList(), d);
    }

    static List<Diagnostic> errors(Diagnostics d) {
        return d.list().stream().filter(Diagnostic::isError).toList();
    }

    // --- a commune cannot end a provincial document ----------------------------------------

    @Test
    void aCommuneRepealingAProvincialDocumentIsAnErrorNamingBothFilesAndChangesNothing() {
        doc("tinh", "quy-che", "10/2024/QĐ-UBND", PROVINCE, "2024-03-01", "");
        doc("xa-b", "bai-bo", "05/2026/QĐ-UBND", COMMUNE, "2026-02-01", "relations:\n  bai_bo: [10/2024/QĐ-UBND]\n");
        Linked l = link();
        Diagnostic e = Diags.singleError(l.diagnostics(), "content/xa-b/van-ban/bai-bo.md", 9, 12,
                "content/tinh/van-ban/quy-che.md", "10/2024/QĐ-UBND", COMMUNE, PROVINCE, "bãi bỏ");
        Diags.assertHints(e, "cấp trên", "lien_quan");
        assertEquals(DocumentStatus.IN_FORCE, l.status("10/2024/QĐ-UBND"), "the provincial document stays in force");
        assertTrue(l.labels("10/2024/QĐ-UBND").isEmpty(), () -> "no relation shown: " + l.labels("10/2024/QĐ-UBND"));
    }

    @Test
    void aCommuneCannotBorrowTheProvincesNameOrTheGovernments() {
        doc("tinh", "quy-che", "10/2024/QĐ-UBND", PROVINCE, "2024-03-01", "");
        doc("xa-b", "thay-the", "11/2026/QĐ-UBND", PROVINCE, "2026-02-01", "relations:\n  thay_the: [10/2024/QĐ-UBND]\n");
        doc("xa-b", "dinh-chi", "12/2026/NĐ-CP", "Chính phủ", "2026-02-01", "relations:\n  dinh_chi: [10/2024/QĐ-UBND]\n");
        Linked l = link();
        List<Diagnostic> errors = errors(l.diagnostics());
        assertEquals(2, errors.size(), () -> Diags.dump(l.diagnostics()));
        for (Diagnostic e : errors) {
            assertTrue(e.file().startsWith("content/xa-b/van-ban/"), e::format);
            Diags.assertMentions(e, "content/tinh/van-ban/quy-che.md", "không phải cấp trên");
        }
        assertEquals(DocumentStatus.IN_FORCE, l.status("10/2024/QĐ-UBND"));
    }

    @Test
    void aDepartmentCannotEndACommunesDocumentNorItsOwnProvinces() {
        doc("tinh", "quy-che", "10/2024/QĐ-UBND", PROVINCE, "2024-03-01", "");
        doc("xa-b", "ke-hoach", "03/2025/QĐ-UBND", COMMUNE, "2025-03-01", "");
        doc("so-a", "bai-bo", "07/2026/QĐ-SA", "Sở Thử Nghiệm", "2026-02-01",
                "relations:\n  bai_bo: [03/2025/QĐ-UBND, 10/2024/QĐ-UBND]\n");
        Linked l = link();
        assertEquals(2, errors(l.diagnostics()).size(), () -> Diags.dump(l.diagnostics()));
        assertEquals(DocumentStatus.IN_FORCE, l.status("03/2025/QĐ-UBND"));
        assertEquals(DocumentStatus.IN_FORCE, l.status("10/2024/QĐ-UBND"));
    }

    @Test
    void aProvinceCannotEndTheGovernmentsDecreeEvenOnItsOwnSite() {
        doc("tinh", "nghi-dinh", "43/2011/NĐ-CP", "Chính phủ", "2011-06-13", "");
        doc("tinh", "bai-bo", "20/2026/QĐ-UBND", PROVINCE, "2026-02-01", "relations:\n  bai_bo: [43/2011/NĐ-CP]\n");
        Linked l = link();
        Diagnostic e = Diags.singleError(l.diagnostics(), "content/tinh/van-ban/bai-bo.md", 9, 12,
                "content/tinh/van-ban/nghi-dinh.md", "trung ương");
        assertTrue(e.message().contains("Chính phủ"), e::format);
        assertEquals(DocumentStatus.IN_FORCE, l.status("43/2011/NĐ-CP"));
    }

    // --- the same issuer, or a higher one ----------------------------------------------------

    @Test
    void theSameIssuerMayReplaceRepealAndSuspendItsOwnDocuments() {
        doc("xa-b", "cu", "01/2024/QĐ-UBND", COMMUNE, "2024-01-10", "");
        doc("xa-b", "moi", "02/2026/QĐ-UBND", COMMUNE, "2026-01-10", "relations:\n  thay_the: [01/2024/QĐ-UBND]\n");
        doc("so-a", "cu", "01/2024/QĐ-SA", "Sở Thử Nghiệm", "2024-01-10", "");
        doc("so-a", "moi", "02/2026/QĐ-SA", "Sở Thử Nghiệm", "2026-01-10", "relations:\n  dinh_chi: [01/2024/QĐ-SA]\n");
        doc("tinh", "nd-cu", "43/2011/NĐ-CP", "Chính phủ", "2011-06-13", "");
        doc("tinh", "nd-moi", "42/2022/NĐ-CP", "Chính phủ", "2022-06-24", "relations:\n  thay_the: [43/2011/NĐ-CP]\n");
        Linked l = link();
        assertTrue(errors(l.diagnostics()).isEmpty(), () -> Diags.dump(l.diagnostics()));
        assertEquals(DocumentStatus.ENDED, l.status("01/2024/QĐ-UBND"));
        assertEquals(DocumentStatus.SUSPENDED, l.status("01/2024/QĐ-SA"));
        assertEquals(DocumentStatus.ENDED, l.status("43/2011/NĐ-CP"));
    }

    @Test
    void aHigherLevelMayEndALowerLevelsDocuments() {
        doc("xa-b", "xa", "01/2024/QĐ-UBND", COMMUNE, "2024-01-10", "");
        doc("so-a", "so", "01/2024/QĐ-SA", "Sở Thử Nghiệm", "2024-01-10", "");
        doc("tinh", "tinh-bai-bo", "09/2026/QĐ-UBND", PROVINCE, "2026-01-10",
                "relations:\n  bai_bo: [{number: 01/2024/QĐ-UBND, issuer: " + COMMUNE + "}, 01/2024/QĐ-SA]\n");
        // A legacy district over its own commune; the National Assembly over the Government.
        doc("xa-d", "xa", "04/2023/QĐ-UBND", "Ủy ban nhân dân xã Dưới Huyện", "2023-01-10", "");
        doc("huyen-c", "huyen", "05/2024/QĐ-UBND", "UBND huyện Cũ", "2024-05-10",
                "relations:\n  dinh_chi: [{number: 04/2023/QĐ-UBND, issuer: Ủy ban nhân dân xã Dưới Huyện}]\n");
        doc("tinh", "nd", "20/2020/NĐ-CP", "Chính phủ", "2020-01-10", "");
        f.write("content/tinh/van-ban/luat.md", Fixture.md("number: 99/2025/QH15\ndoc_type: Luật\nissuer: Quốc hội\n"
                + "issued: 2025-06-01\neffective: 2025-07-01\nsummary: Luật thử\nrelations:\n  bai_bo: [20/2020/NĐ-CP]\n", ""));
        // The province's council over its committee, on the same site.
        doc("tinh", "ubnd", "08/2025/QĐ-UBND", PROVINCE, "2025-01-10", "");
        doc("tinh", "hdnd", "15/2026/NQ-HĐND", "Hội đồng nhân dân tỉnh Thử", "2026-01-10",
                "relations:\n  bai_bo: [08/2025/QĐ-UBND]\n");
        Linked l = link();
        assertTrue(errors(l.diagnostics()).isEmpty(), () -> Diags.dump(l.diagnostics()));
        assertEquals(DocumentStatus.ENDED, l.status("01/2024/QĐ-UBND"));
        assertEquals(DocumentStatus.ENDED, l.status("01/2024/QĐ-SA"));
        assertEquals(DocumentStatus.SUSPENDED, l.status("04/2023/QĐ-UBND"));
        assertEquals(DocumentStatus.ENDED, l.status("20/2020/NĐ-CP"));
        assertEquals(DocumentStatus.ENDED, l.status("08/2025/QĐ-UBND"));
    }

    @Test
    void aDistrictIsNotAboveACommuneOfAnotherBranch() {
        doc("xa-b", "xa", "01/2024/QĐ-UBND", COMMUNE, "2024-01-10", "");
        doc("huyen-c", "huyen", "05/2025/QĐ-UBND", "Ủy ban nhân dân huyện Cũ", "2025-05-10",
                "relations:\n  bai_bo: [{number: 01/2024/QĐ-UBND, issuer: " + COMMUNE + "}]\n");
        Linked l = link();
        Diags.singleError(l.diagnostics(), "content/huyen-c/van-ban/huyen.md", 9, 21, "content/xa-b/van-ban/xa.md");
        assertEquals(DocumentStatus.IN_FORCE, l.status("01/2024/QĐ-UBND"));
    }

    @Test
    void relationsThatChangeNoStatusNeedNoPower() {
        doc("tinh", "quy-che", "10/2024/QĐ-UBND", PROVINCE, "2024-03-01", "");
        doc("xa-b", "can-cu", "05/2026/QĐ-UBND", COMMUNE, "2026-02-01",
                "relations:\n  can_cu: [10/2024/QĐ-UBND]\n  lien_quan: [10/2024/QĐ-UBND]\n");
        Linked l = link();
        assertTrue(errors(l.diagnostics()).isEmpty(), () -> Diags.dump(l.diagnostics()));
    }

    // --- cycles ------------------------------------------------------------------------------

    @Test
    void aTwoCycleIsOneErrorNamingBothFiles() {
        doc("tinh", "a", "01/2025/QĐ-UBND", PROVINCE, "2025-01-10", "relations:\n  thay_the: [02/2025/QĐ-UBND]\n");
        doc("tinh", "b", "02/2025/QĐ-UBND", PROVINCE, "2025-02-10", "relations:\n  thay_the: [01/2025/QĐ-UBND]\n");
        Linked l = link();
        Diags.singleError(l.diagnostics(), "content/tinh/van-ban/a.md", 9, 14, "vòng",
                "01/2025/QĐ-UBND (content/tinh/van-ban/a.md)", "02/2025/QĐ-UBND (content/tinh/van-ban/b.md)");
    }

    @Test
    void aThreeCycleIsOneErrorNamingEveryFileWhereverTheWalkStarts() {
        doc("tinh", "c", "03/2025/QĐ-UBND", PROVINCE, "2025-03-10", "relations:\n  bai_bo: [01/2025/QĐ-UBND]\n");
        doc("tinh", "a", "01/2025/QĐ-UBND", PROVINCE, "2025-01-10", "relations:\n  thay_the: [02/2025/QĐ-UBND]\n");
        doc("tinh", "b", "02/2025/QĐ-UBND", PROVINCE, "2025-02-10", "relations:\n  thay_the: [03/2025/QĐ-UBND]\n");
        // A document outside the cycle that replaces one on it is not part of the error.
        doc("tinh", "d", "04/2026/QĐ-UBND", PROVINCE, "2026-01-10", "relations:\n  thay_the: [02/2025/QĐ-UBND]\n");
        Linked l = link();
        Diagnostic e = Diags.singleError(l.diagnostics(), "content/tinh/van-ban/a.md", 9, 14, "vòng",
                "content/tinh/van-ban/a.md", "content/tinh/van-ban/b.md", "content/tinh/van-ban/c.md");
        assertFalse(e.message().contains("d.md"), e::format);
        assertTrue(e.message().indexOf("a.md") < e.message().indexOf("b.md")
                && e.message().indexOf("b.md") < e.message().indexOf("c.md"), e::format);
    }

    @Test
    void theBuildFailsOnARefusedRelation() {
        doc("tinh", "quy-che", "10/2024/QĐ-UBND", PROVINCE, "2024-03-01", "");
        doc("xa-b", "bai-bo", "05/2026/QĐ-UBND", COMMUNE, "2026-02-01", "relations:\n  bai_bo: [10/2024/QĐ-UBND]\n");
        BuildResult r = f.build();
        assertFalse(r.ok());
        Diags.singleError(r.diagnostics(), "content/xa-b/van-ban/bai-bo.md", 9, 12, "content/tinh/van-ban/quy-che.md");
    }

    // --- issuer names --------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Quốc hội                                  | NATIONAL_ASSEMBLY",
            "Ủy ban Thường vụ Quốc hội                 | STANDING_COMMITTEE",
            "Uỷ ban thường vụ Quốc hội                 | STANDING_COMMITTEE",
            "Chủ tịch nước                             | STANDING_COMMITTEE",
            "Chính phủ                                 | GOVERNMENT",
            "Thủ tướng Chính phủ                       | GOVERNMENT",
            "Bộ Tài chính                              | CENTRAL_AGENCY",
            "Bộ trưởng Bộ Công an                      | CENTRAL_AGENCY",
            "Bộ Tài chính - Bộ Nội vụ                  | CENTRAL_AGENCY",
            "Ngân hàng Nhà nước Việt Nam               | CENTRAL_AGENCY",
            "Văn phòng Chính phủ                       | CENTRAL_AGENCY",
            "Toà án nhân dân tối cao                   | CENTRAL_AGENCY",
            "Bộ Chỉ huy Quân sự tỉnh Bắc Ninh          | AGENCY",
            "Hội đồng nhân dân tỉnh Bắc Ninh           | PEOPLES_COUNCIL",
            "HĐND xã Tiên Du                           | PEOPLES_COUNCIL",
            "Thường trực HĐND tỉnh                     | PEOPLES_COUNCIL",
            "Ủy ban nhân dân tỉnh Bắc Ninh             | PEOPLES_COMMITTEE",
            "UỶ BAN NHÂN DÂN PHƯỜNG KINH BẮC           | PEOPLES_COMMITTEE",
            "UBND tỉnh Bắc Ninh                        | PEOPLES_COMMITTEE",
            "Chủ tịch UBND tỉnh                        | PEOPLES_COMMITTEE",
            "Sở Tư pháp tỉnh Bắc Ninh                  | AGENCY",
            "Văn phòng UBND tỉnh Bắc Ninh              | AGENCY",
            "Văn phòng HĐND và UBND xã Tiên Du         | AGENCY",
    })
    void issuerNamesAreRanked(String issuer, IssuerRank rank) {
        assertEquals(rank, IssuerRank.of(issuer));
    }
}
