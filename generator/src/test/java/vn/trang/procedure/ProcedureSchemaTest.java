package vn.trang.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.diag.Diagnostic;
import vn.trang.diag.Diagnostics;
import vn.trang.model.ChannelType;
import vn.trang.model.ImplementingLevel;
import vn.trang.model.LegalBasis;
import vn.trang.model.Procedure;
import vn.trang.model.ServiceLevel;

/**
 * The full procedure front matter (docs/CONTENT.md, "Procedure"): a complete valid file, then
 * each rule broken once, reported at its file:line:column.
 */
class ProcedureSchemaTest {

    static final String FILE = "content/so-a/thu-tuc/tt.md";

    /** Line n of the list is line n of the file. */
    static final List<String> VALID = List.of("",
            "---",
            "title: Cấp giấy phép xây dựng nhà ở riêng lẻ",
            "code: \"1.009994.000.00.00.H04\"",
            "decision: 1291/qđ-ubnd",
            "implementing_level: [tinh, xa]",
            "procedure_type: TTHC được luật giao quy định chi tiết",
            "field: Hoạt động xây dựng",
            "steps:",
            "  - Nộp hồ sơ tại **Trung tâm** Phục vụ hành chính công.",
            "  - \"Thẩm định: kiểm tra thực địa.\"",
            "channels:",
            "  - type: truc-tuyen",
            "    processing_time: 15 ngày làm việc",
            "    fee: Miễn phí",
            "  - type: truc-tiep",
            "    processing_time: 15 ngày làm việc",
            "    fee: 75.000 đồng/giấy phép",
            "    description: Nộp tại Trung tâm Phục vụ hành chính công tỉnh",
            "dossier:",
            "  - name: Đơn đề nghị cấp giấy phép xây dựng",
            "    form: mau-01.docx",
            "    originals: 1",
            "    copies: 0",
            "  - name: Bản vẽ thiết kế",
            "    originals: 2",
            "target_groups: [Công dân Việt Nam]",
            "agencies:",
            "  performing: Sở Xây dựng",
            "  competent: Ủy ban nhân dân tỉnh",
            "  coordinating: [Công an tỉnh, Sở Tài chính]",
            "reception_address: Trung tâm Phục vụ hành chính công tỉnh",
            "result: Giấy phép xây dựng",
            "legal_basis:",
            "  - 50/2014/QH13",
            "  - number: 175/2024/nđ-cp",
            "    title: Nghị định quy định chi tiết Luật Xây dựng",
            "    issued: 2024-12-30",
            "  - 73-CP",
            "conditions: |",
            "  Công trình phù hợp với **quy hoạch**.",
            "forms:",
            "  - file: mau-01.docx",
            "    title: Mẫu số 01",
            "  - to-khai.pdf",
            "level: toan-trinh",
            "online_url: https://dichvucong.gov.vn/p/home/dvc.html?ma_thu_tuc=1.009994",
            "source_url: https://dichvucong.gov.vn/thu-tuc-hanh-chinh/1",
            "keywords: [giấy phép xây dựng]",
            "sample: true",
            "---",
            "Ghi chú.");

    @TempDir
    java.nio.file.Path tmp;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = Fixture.standard(tmp);
        f.bytes("content/so-a/thu-tuc/mau-01.docx", new byte[] {1, 2, 3});
        f.bytes("content/so-a/thu-tuc/to-khai.pdf", new byte[] {4});
    }

    /** The valid file with line n replaced (null: deleted, keeping the numbering of lines before it). */
    private void write(Object... lineAndText) {
        List<String> lines = new ArrayList<>(VALID);
        for (int i = 0; i < lineAndText.length; i += 2) {
            lines.set((Integer) lineAndText[i], (String) lineAndText[i + 1]);
        }
        lines.removeIf(l -> l == null);
        f.write(FILE, String.join("\n", lines.subList(1, lines.size())) + "\n");
    }

    private Diagnostics invalid(Object... lineAndText) {
        write(lineAndText);
        return Procedures.invalid(f, "so-a", "tt");
    }

    private Procedure valid(Object... lineAndText) {
        write(lineAndText);
        return Procedures.valid(f, "so-a", "tt");
    }

    @Test
    void theFullModel() {
        Procedure p = valid();
        assertEquals("1.009994.000.00.00.H04", p.code());
        assertEquals("1291/QĐ-UBND", p.decision(), "normalised");
        assertEquals(List.of(ImplementingLevel.PROVINCE, ImplementingLevel.COMMUNE), p.implementingLevels());
        assertEquals("tinh", p.implementingLevel());
        assertEquals("Cấp tỉnh, Cấp xã", p.implementingLevelLabel());
        assertEquals("TTHC được luật giao quy định chi tiết", p.procedureType());
        assertEquals(2, p.steps().size());
        assertTrue(p.steps().get(0).html().contains("<strong>Trung tâm</strong>"), p.steps().get(0).html());
        assertEquals(List.of(ChannelType.ONLINE, ChannelType.DIRECT), p.channels().stream().map(c -> c.channel()).toList());
        assertEquals("15 ngày làm việc", p.processingTime());
        assertEquals("75.000 đồng/giấy phép", p.fees(), "the direct channel's fee");
        assertEquals(1, p.dossier().size());
        assertNull(p.dossier().get(0).name(), "papers without cases: one unnamed case");
        var paper = p.dossier().get(0).papers().get(0);
        assertEquals("/so-a/thu-tuc/mau-01.docx", paper.form().url());
        assertEquals(1, paper.originals());
        assertEquals(0, paper.copies());
        assertNull(p.dossier().get(0).papers().get(1).copies(), "not stated");
        assertEquals(List.of("Công dân Việt Nam"), p.targetGroups());
        assertEquals("Sở Xây dựng", p.agency());
        assertEquals(List.of("Công an tỉnh", "Sở Tài chính"), p.agencies().coordinating());
        assertEquals("Trung tâm Phục vụ hành chính công tỉnh", p.receptionAddress());
        assertEquals("Giấy phép xây dựng", p.result());
        assertEquals(List.of("50/2014/QH13", "175/2024/NĐ-CP", "73-CP"), p.legalBasis().stream().map(LegalBasis::number).toList());
        assertEquals(LocalDate.of(2024, 12, 30), p.legalBasis().get(1).issued());
        assertNotNull(p.legalBasis().get(1).key());
        assertNull(p.legalBasis().get(2).key(), "an old number is kept as given, unparsed");
        assertTrue(p.conditionsHtml().contains("<strong>quy hoạch</strong>"));
        assertEquals(List.of("Mẫu số 01", "to-khai.pdf"), p.forms().stream().map(x -> x.title()).toList());
        assertEquals("/so-a/thu-tuc/to-khai.pdf", p.forms().get(1).url());
        assertEquals(ServiceLevel.FULL, p.serviceLevel());
        assertTrue(p.online());
        assertEquals("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/1", p.sourceUrl());
        assertEquals(List.of("giấy phép xây dựng"), p.keywords());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1.000894\"", "\"2.000635\"", "\"3.000123\"", "\"1.000894.000.00.00.H38\"", "1.009990"})
    void codes(String code) {
        assertTrue(valid(3, "code: " + code).code().startsWith(code.replace("\"", "").substring(0, 2)));
    }

    @Test
    void badCode() {
        Diags.assertHints(Diags.singleError(invalid(3, "code: \"1.0894\""), FILE, 3, 7, "1.0894"), "1.000894");
    }

    @Test
    void decisionThatIsNotADocumentNumber() {
        Diagnostic x = Diags.singleError(invalid(4, "decision: Quyết định 1291/QĐ-UBND"), FILE, 4, 11, "không phải số hiệu");
        Diags.assertHints(x, "1291/QĐ-UBND");
    }

    @Test
    void oddDecisionNumbersAreKeptAsGiven() {
        assertEquals("QĐ/0001-BCA", valid(4, "decision: QĐ/0001-BCA").decision());
    }

    @Test
    void badImplementingLevelInAList() {
        Diags.singleError(invalid(5, "implementing_level: [tinh, tỉnh]"), FILE, 5, 28, "tỉnh");
    }

    @Test
    void aSingleImplementingLevel() {
        assertEquals(List.of(ImplementingLevel.DISTRICT), valid(5, "implementing_level: huyen").implementingLevels());
    }

    @Test
    void aStepMustBeText() {
        Diags.singleError(invalid(10, "  - buoc: Thẩm định"), FILE, 10, 5, "mỗi bước");
    }

    @Test
    void unknownChannelType() {
        Diagnostic x = Diags.singleError(invalid(12, "  - type: online"), FILE, 12, 11, "online");
        Diags.assertHints(x, "truc-tiep", "truc-tuyen", "buu-chinh");
    }

    @Test
    void misspeltChannelKey() {
        Diagnostic x = Diags.singleError(invalid(14, "    fees: Miễn phí"), FILE, 14, 5, "'fees'");
        Diags.assertHints(x, "fee");
    }

    @Test
    void channelWithoutType() {
        Diags.singleError(invalid(12, "  - processing_time: 15 ngày làm việc", 13, null), FILE, 12, 5, "'type'");
    }

    @Test
    void papersAndCasesMixed() {
        Diags.singleError(invalid(24, "  - case: Trường hợp ủy quyền", 25, "    papers: [{name: Giấy ủy quyền, originals: 1}]"),
                FILE, 20, 5, "lẫn");
    }

    @Test
    void casesWithNames() {
        Procedure p = valid(19, "dossier:\n  - case: Trường hợp tự nộp\n    papers:\n      - name: Đơn đề nghị\n        originals: 1",
                20, "  - case: Trường hợp ủy quyền\n    papers:\n      - name: Giấy ủy quyền\n        copies: 1",
                21, null, 22, null, 23, null, 24, null, 25, null);
        assertEquals(List.of("Trường hợp tự nộp", "Trường hợp ủy quyền"), p.dossier().stream().map(c -> c.name()).toList());
        assertTrue(p.dossierHasCases());
        assertEquals(2, p.paperCount());
    }

    @Test
    void aCaseWithoutPapers() {
        Diags.singleError(invalid(19, "dossier:\n  - case: Trường hợp ủy quyền\n    papers: []", 20, null, 21, null, 22, null,
                23, null, 24, null, 25, null), FILE, 21, 13, "không có giấy tờ");
    }

    @Test
    void aPaperWithoutName() {
        Diags.singleError(invalid(20, "  - note: Bản sao có chứng thực"), FILE, 20, 5, "'name'");
    }

    @Test
    void impossibleQuantity() {
        Diags.singleError(invalid(23, "    copies: -1"), FILE, 23, 13, "copies");
    }

    @Test
    void aQuantityMustBeANumber() {
        Diags.singleError(invalid(22, "    originals: một"), FILE, 22, 16, "'originals'");
    }

    @Test
    void aPaperFormThatDoesNotExist() {
        Diags.singleError(invalid(21, "    form: mau-02.docx"), FILE, 21, 11, "mau-02.docx");
    }

    @Test
    void aFormOutsideTheSiteFolder() {
        f.bytes("content/xa-b/thu-tuc/mau.pdf", new byte[] {1});
        Diags.singleError(invalid(44, "  - ../../xa-b/thu-tuc/mau.pdf"), FILE, 44, 5, "ngoài thư mục");
    }

    @Test
    void aFormThatDoesNotExist() {
        Diags.singleError(invalid(42, "  - file: mau-09.docx"), FILE, 42, 11, "mau-09.docx");
    }

    @Test
    void unknownAgencyRole() {
        Diagnostic x = Diags.singleError(invalid(29, "  authority: Ủy ban nhân dân tỉnh"), FILE, 29, 3, "'authority'");
        Diags.assertHints(x, "performing", "competent", "authorised", "coordinating");
    }

    @Test
    void legalBasisThatIsNotADocumentNumber() {
        Diagnostic x = Diags.singleError(invalid(34, "  - Luật Xây dựng số 50/2014/QH13"), FILE, 34, 5, "không phải số hiệu văn bản");
        Diags.assertHints(x, "50/2014/QH13", "title");
    }

    @Test
    void legalBasisNumberInAMapping() {
        Diags.singleError(invalid(35, "  - number: Nghị định về xây dựng"), FILE, 35, 13, "không phải số hiệu văn bản");
    }

    @Test
    void legalBasisWithABadDate() {
        Diags.singleError(invalid(37, "    issued: 30/12/2024"), FILE, 37, 13, "'issued'");
    }

    @Test
    void onlineLevelsNeedASubmissionUrl() {
        Diagnostic x = Diags.singleError(invalid(46, null), FILE, 45, 8, "trực tuyến");
        Diags.assertHints(x, "online_url");
        Diags.singleError(invalid(45, "level: 4", 46, null), FILE, 45, 8, "muc-4");
    }

    @Test
    void otherLevelsDoNot() {
        assertEquals(ServiceLevel.PARTIAL, valid(45, "level: mot-phan", 46, null).serviceLevel());
        assertEquals(ServiceLevel.INFORMATION, valid(45, "level: thong-tin", 46, null).serviceLevel());
        Procedure legacy = valid(45, "level: 2", 46, null);
        assertEquals("Cung cấp thông tin trực tuyến", legacy.levelLabel(), "a legacy level reads as its current one");
        assertEquals("Mức độ 2", legacy.sourceLevelLabel(), "the source's level is kept for the page");
        assertEquals(ServiceLevel.PARTIAL, valid(45, "level: 3", 46, null).serviceLevel().current(),
                "mức 3 is một phần, which needs no submission address");
    }

    @Test
    void badLevelListsTheLevels() {
        Diags.assertHints(Diags.singleError(invalid(45, "level: muc-5"), FILE, 45, 8, "muc-5"), "toan-trinh", "mot-phan",
                "thong-tin");
    }

    @Test
    void badUrls() {
        Diags.singleError(invalid(46, "online_url: dichvucong.gov.vn"), FILE, 46, 13, "dichvucong.gov.vn");
        Diags.singleError(invalid(47, "source_url: ftp://x"), FILE, 47, 13, "ftp://x");
    }

    @Test
    void keysOfTheFirstFormatSayWhereTheirValuesGo() {
        Diags.assertHints(Diags.singleError(invalid(48, "agency: Sở Xây dựng"), FILE, 48, 1, "agency"), "performing");
        Diags.assertHints(Diags.singleError(invalid(48, "processing_time: 15 ngày"), FILE, 48, 1, "processing_time"), "channels");
        Diags.assertHints(Diags.singleError(invalid(48, "fees: Miễn phí"), FILE, 48, 1, "fees"), "fee");
    }

    @Test
    void everyProblemOfAFileIsReportedInOneRun() {
        Diagnostics d = invalid(12, "  - type: online", 23, "    copies: -1", 34, "  - Luật Xây dựng");
        assertEquals(3, d.list().size(), () -> Diags.dump(d));
        assertEquals(Arrays.asList(12, 23, 34), d.list().stream().map(Diagnostic::line).toList());
    }
}
