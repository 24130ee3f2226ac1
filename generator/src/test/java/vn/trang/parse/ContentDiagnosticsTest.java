package vn.trang.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.diag.Diagnostic;
import vn.trang.diag.Diagnostics;
import vn.trang.pipeline.BuildResult;

/**
 * content/&lt;site&gt;/&lt;section&gt;/*.md: each problem is one error at file:line:column, and a
 * build with errors fails. Line 1 of every file is the opening "---".
 */
class ContentDiagnosticsTest {

    private static final String NEWS = "content/so-a/tin-tuc/tin.md";
    private static final String DOC = "content/so-a/van-ban/vb.md";
    private static final String PROC = "content/so-a/thu-tuc/tt.md";

    @TempDir
    Path tmp;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = Fixture.standard(tmp);
    }

    /** Writes one file, builds, and returns the diagnostics of the failed build. */
    private Diagnostics fails(String rel, String text) {
        f.write(rel, text);
        return fails();
    }

    private Diagnostics fails() {
        BuildResult r = f.build();
        assertFalse(r.ok(), () -> "the build should fail:" + Diags.dump(r.diagnostics()));
        assertTrue(r.diagnostics().hasErrors());
        assertFalse(Files.exists(f.out()), "a failed first build writes no output");
        return r.diagnostics();
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void aValidNewsFileBuilds() {
        f.write(NEWS, lines("---", "title: Tin hợp lệ", "date: 2025-03-14 08:30", "summary: Tóm tắt.", "---", "Nội dung."));
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        assertEquals(0, r.diagnostics().list().size(), () -> Diags.dump(r.diagnostics()));
    }

    // --- front matter ----------------------------------------------------------------------

    @Test
    void missingFrontMatter() {
        Diags.singleError(fails(NEWS, lines("title: Tin", "", "Nội dung.")), NEWS, 1, 1, "'---'");
    }

    @Test
    void fileStartingWithABlankLine() {
        Diags.singleError(fails(NEWS, lines("", "---", "title: Tin", "---")), NEWS, 1, 1, "dòng trống");
    }

    @Test
    void emptyFile() {
        Diags.singleError(fails(NEWS, ""), NEWS, 1, 1, "'---'");
    }

    @Test
    void unterminatedFrontMatter() {
        Diagnostic x = Diags.singleError(fails(NEWS, lines("---", "title: Tin", "date: 2025-01-01", "summary: Tóm tắt.",
                "", "Nội dung không có dòng đóng.")), NEWS, 1, 1, "'---'");
        Diags.assertHints(x, "đóng");
    }

    @Test
    void yamlSyntaxErrorAtItsLine() {
        // The classic: a colon inside an unquoted title.
        Diagnostic x = Diags.singleError(fails(NEWS, lines("---", "title: Thông báo: lịch tiếp công dân",
                "date: 2025-01-01", "summary: Tóm tắt.", "---", "Nội dung.")), NEWS, 2, 17, "YAML");
        Diags.assertHints(x, "ngoặc kép");
    }

    @Test
    void yamlSyntaxErrorFurtherDown() {
        Diags.singleError(fails(NEWS, lines("---", "title: Tin", "date: 2025-01-01", "summary: Tóm tắt.",
                "author: [Phòng A", "---", "Nội dung.")), NEWS, 6, 1, "YAML");
    }

    @Test
    void frontMatterThatIsNotAMapping() {
        Diags.singleError(fails(NEWS, lines("---", "- title", "- date", "---")), NEWS, 2, 1, "khóa: giá trị");
    }

    @Test
    void crlfAndBomAreAccepted() {
        f.write(NEWS, "\uFEFF---\r\ntitle: Tin Windows\r\ndate: 2025-01-01\r\nsummary: Tóm tắt.\r\n---\r\nNội dung.\r\n");
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        assertTrue(Files.exists(f.out().resolve("so-a/tin-tuc/tin-windows/index.html")));
    }

    // --- keys and values ---------------------------------------------------------------------

    @Test
    void unknownKeyWithSuggestion() {
        Diagnostic x = Diags.singleError(fails(NEWS, lines("---", "title: Tin", "date: 2025-01-01", "sumary: Tóm tắt.",
                "---", "Nội dung.")), NEWS, 4, 1, "'sumary'");
        Diags.assertHints(x, "'summary'");
    }

    @Test
    void unknownKeyOfAnotherType() {
        // "number" belongs to documents, not news.
        Diags.singleError(fails(NEWS, lines("---", "title: Tin", "date: 2025-01-01", "summary: Tóm tắt.",
                "number: 12/TB-UBND", "---")), NEWS, 5, 1, "'number'");
    }

    @Test
    void missingTitle() {
        Diags.singleError(fails(NEWS, lines("---", "date: 2025-01-01", "summary: Tóm tắt.", "---", "Nội dung.")),
                NEWS, 2, 1, "'title'");
    }

    @Test
    void emptyTitle() {
        Diags.singleError(fails(NEWS, lines("---", "title:", "date: 2025-01-01", "summary: Tóm tắt.", "---")),
                NEWS, 2, 1, "'title'");
    }

    @Test
    void missingSummary() {
        Diags.singleError(fails(NEWS, lines("---", "title: Tin", "date: 2025-01-01", "---", "Nội dung.")),
                NEWS, 2, 1, "'summary'");
    }

    @Test
    void missingDate() {
        Diagnostic x = Diags.singleError(fails(NEWS, lines("---", "title: Tin", "summary: Tóm tắt.", "---")),
                NEWS, 2, 1, "'date'");
        Diags.assertHints(x, "date: 20");
    }

    @Test
    void missingDocumentSummary() {
        Diags.singleError(fails(DOC, lines("---", "number: 12/QĐ-UBND", "doc_type: Quyết định", "issuer: UBND tỉnh",
                "issued: 2025-01-02", "---")), DOC, 2, 1, "'summary'");
    }

    @Test
    void listWhereTextIsExpected() {
        Diags.singleError(fails(NEWS, lines("---", "title: [Tin một, Tin hai]", "date: 2025-01-01",
                "summary: Tóm tắt.", "---")), NEWS, 2, 8, "'title'", "danh sách");
    }

    @Test
    void mapWhereTextIsExpected() {
        Diags.singleError(fails(NEWS, lines("---", "title: Tin", "date: 2025-01-01", "summary:", "  vi: Tóm tắt.",
                "---")), NEWS, 5, 3, "'summary'");
    }

    @Test
    void dayMonthYearDateSuggestsIsoDate() {
        Diagnostic x = Diags.singleError(fails(NEWS, lines("---", "title: Tin", "date: 19/4/2019", "summary: Tóm tắt.",
                "---")), NEWS, 3, 7, "'date'", "19/4/2019");
        Diags.assertHints(x, "2019-04-19");
    }

    @Test
    void dayMonthYearIssueDateSuggestsIsoDate() {
        Diagnostic x = Diags.singleError(fails(DOC, lines("---", "number: 06/CT-UBND", "doc_type: Chỉ thị",
                "issuer: UBND tỉnh", "issued: 19/4/2019", "summary: Trích yếu.", "---")), DOC, 5, 9, "'issued'", "19/4/2019");
        Diags.assertHints(x, "issued: 2019-04-19");
    }

    @Test
    void impossibleDate() {
        Diags.singleError(fails(NEWS, lines("---", "title: Tin", "date: 2025-02-30", "summary: Tóm tắt.", "---")),
                NEWS, 3, 7, "2025-02-30");
    }

    @Test
    void duplicateKey() {
        Diagnostic x = Diags.singleError(fails(NEWS, lines("---", "title: Tin", "date: 2025-01-01", "summary: Tóm tắt.",
                "title: Tin khác", "---")), NEWS, 5, 1, "'title'");
        Diags.assertMentions(x, "2");
    }

    @Test
    void booleanThatIsNotTrueOrFalse() {
        Diags.singleError(fails(NEWS, lines("---", "title: Tin", "date: 2025-01-01", "summary: Tóm tắt.", "draft: có",
                "---")), NEWS, 5, 8, "'draft'");
    }

    @Test
    void invalidSlug() {
        Diagnostic x = Diags.singleError(fails(NEWS, lines("---", "title: Tin", "slug: Tin Tức Mới", "date: 2025-01-01",
                "summary: Tóm tắt.", "---")), NEWS, 3, 7, "Tin Tức Mới");
        Diags.assertHints(x, "tin-tuc-moi");
    }

    @Test
    void titleWithoutLettersGivesNoSlug() {
        Diags.singleError(fails(NEWS, lines("---", "title: \"!!!\"", "date: 2025-01-01", "summary: Tóm tắt.", "---")),
                NEWS, 2, 1, "!!!");
    }

    @Test
    void badNewsCategory() {
        Diagnostic x = Diags.singleError(fails(NEWS, lines("---", "title: Tin", "date: 2025-01-01", "summary: Tóm tắt.",
                "category: tin-vui", "---")), NEWS, 5, 11, "tin-vui");
        Diags.assertHints(x, "tin-hoat-dong");
    }

    @Test
    void imageWithoutAlt() {
        Diagnostic x = Diags.singleError(fails(NEWS, lines("---", "title: Tin", "date: 2025-01-01", "summary: Tóm tắt.",
                "image: anh.jpg", "---")), NEWS, 5, 1, "ảnh");
        Diags.assertHints(x, "image_alt");
    }

    @Test
    void imageOutsideTheFolder() {
        Diags.singleError(fails(NEWS, lines("---", "title: Tin", "date: 2025-01-01", "summary: Tóm tắt.",
                "image: ../../anh.jpg", "image_alt: Ảnh", "---")), NEWS, 5, 8, "ảnh");
    }

    // --- documents ---------------------------------------------------------------------------

    private static String doc(String... extra) {
        return lines("---", "number: 06/CT-UBND", "doc_type: Chỉ thị", "issuer: UBND tỉnh", "issued: 2019-04-19",
                "summary: Trích yếu.", String.join("\n", extra), "---", "Nội dung.");
    }

    @Test
    void effectiveBeforeIssued() {
        Diags.singleError(fails(DOC, doc("effective: 2019-04-01")), DOC, 7, 12, "2019-04-01", "2019-04-19");
    }

    @Test
    void expiresBeforeIssued() {
        Diags.singleError(fails(DOC, doc("expires: 2018-12-31")), DOC, 7, 10, "2018-12-31");
    }

    @Test
    void effectiveRuleInWordsIsAccepted() {
        f.write(DOC, doc("effective: 10 ngày kể từ ngày ký"));
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        String html = Fixture.read(f.out().resolve("so-a/van-ban/06-ct-ubnd/index.html"));
        assertTrue(Jsoup.parse(html).text().contains("10 ngày kể từ ngày ký"));
    }

    @Test
    void badEffectiveDate() {
        Diags.singleError(fails(DOC, doc("effective: 29/04/2019")), DOC, 7, 12, "29/04/2019");
    }

    @Test
    void badStatus() {
        Diagnostic x = Diags.singleError(fails(DOC, doc("status: Còn hiệu lực một phần")), DOC, 7, 9,
                "Còn hiệu lực một phần");
        Diags.assertHints(x, "Hết hiệu lực một phần");
    }

    @Test
    void badDocumentNumber() {
        Diags.singleError(fails(DOC, doc().replace("number: 06/CT-UBND", "number: 06 CT-UBND")), DOC, 2, 9, "06 CT-UBND");
    }

    @Test
    void missingDocumentNumber() {
        // Without number there is no title and no slug either: still exactly one error, not a silent drop.
        Diags.singleError(fails(DOC, doc().replace("number: 06/CT-UBND\n", "")), DOC, 2, 1, "'number'");
    }

    @Test
    void missingDocumentTypeAndIssuerAreBothReported() {
        Diagnostics d = fails(DOC, doc().replace("doc_type: Chỉ thị\n", "").replace("issuer: UBND tỉnh\n", ""));
        assertEquals(2, d.list().size(), () -> Diags.dump(d));
        Diags.assertMentions(d.list().get(0), "'doc_type'");
        Diags.assertMentions(d.list().get(1), "'issuer'");
    }

    @Test
    void typeSpecificProblemsAreReportedTogetherWithCommonOnes() {
        Diagnostics d = fails(DOC, doc("status: Sai").replace("issued: 2019-04-19", "issued: 2019-04-19\ndate: hôm nay"));
        assertEquals(2, d.list().size(), () -> Diags.dump(d));
        Diags.assertAt(d.list().get(0), DOC, 6, 7);
        Diags.assertMentions(d.list().get(0), "'date'");
        Diags.assertAt(d.list().get(1), DOC, 8, 9);
        Diags.assertMentions(d.list().get(1), "Sai");
    }

    @Test
    void badSourceUrl() {
        Diags.singleError(fails(DOC, doc("url: vbpl.vn/abc")), DOC, 7, 6, "vbpl.vn/abc");
    }

    // --- procedures --------------------------------------------------------------------------

    /** Lines 2–5: title, code, field, level; an online level gets online_url on line 6. */
    private static String proc(String code, String level) {
        boolean online = level.equals("toan-trinh") || level.equals("3") || level.equals("4");
        return online ? lines("---", "title: Cấp giấy phép xây dựng", "code: " + code, "field: Hoạt động xây dựng",
                "level: " + level, "online_url: https://dichvucong.gov.vn/", "---", "Nội dung.")
                : lines("---", "title: Cấp giấy phép xây dựng", "code: " + code, "field: Hoạt động xây dựng",
                "level: " + level, "---", "Nội dung.");
    }

    @Test
    void validProcedureCodesAndLegacyLevels() {
        f.write(PROC, proc("\"1.009994\"", "toan-trinh"));
        f.write("content/so-a/thu-tuc/tt2.md", proc("\"1.000894.000.00.00.H38\"", "3").replace("Cấp", "Gia hạn"));
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
    }

    @Test
    void badProcedureCode() {
        Diagnostic x = Diags.singleError(fails(PROC, proc("\"1.9994\"", "toan-trinh")), PROC, 3, 7, "1.9994");
        Diags.assertHints(x, "1.000894");
    }

    @Test
    void procedureCodeReadAsANumber() {
        // Unquoted, YAML would make 1.009990 the number 1.00999: Trang keeps the text as written.
        f.write(PROC, proc("1.009990", "toan-trinh"));
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        String html = Fixture.read(f.out().resolve("so-a/thu-tuc/cap-giay-phep-xay-dung/index.html"));
        assertTrue(html.contains("1.009990"), "the code keeps its trailing zero");
    }

    @Test
    void badLevel() {
        Diagnostic x = Diags.singleError(fails(PROC, proc("\"1.009994\"", "muc-5")), PROC, 5, 8, "muc-5");
        Diags.assertHints(x, "toan-trinh", "mot-phan");
    }

    @Test
    void badImplementingLevel() {
        Diags.singleError(fails(PROC, proc("\"1.009994\"", "mot-phan").replace("---\nNội", "implementing_level: tỉnh\n---\nNội")),
                PROC, 6, 21, "tỉnh");
    }

    // --- encoding ----------------------------------------------------------------------------

    @Test
    void latin1FileIsReportedAtItsFirstBadCharacter() {
        String text = lines("---", "title: Tin", "date: 2025-01-01", "summary: Hà Nội", "---", "Nội dung.");
        f.bytes(NEWS, text.getBytes(StandardCharsets.ISO_8859_1));
        // "summary: H" is 10 characters: 'à' is column 11 of line 4.
        Diags.singleError(fails(), NEWS, 4, 11, "UTF-8");
    }

    @Test
    void windows1258FileIsReportedAtItsFirstBadCharacter() {
        Charset cp1258 = Charset.forName("windows-1258");
        String text = lines("---", "title: Thông báo", "date: 2025-01-01", "summary: Thông tin.", "---", "Chào.");
        byte[] bytes = text.getBytes(cp1258);
        assertFalse(new String(bytes, cp1258).contains("?"), "the sample must be encodable in windows-1258");
        f.bytes(NEWS, bytes);
        Diags.singleError(fails(), NEWS, 2, 10, "UTF-8");
    }

    @Test
    void decomposedTextIsNormalised() {
        String title = Normalizer.normalize("Hội nghị tổng kết", Normalizer.Form.NFD);
        f.write(NEWS, lines("---", "title: " + title, "date: 2025-01-01", "summary: Tóm tắt.", "---", "Nội dung."));
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        Document doc = Jsoup.parse(Fixture.read(f.out().resolve("so-a/tin-tuc/hoi-nghi-tong-ket/index.html")));
        assertEquals("Hội nghị tổng kết", doc.selectFirst("h1").text());
        assertTrue(Normalizer.isNormalized(doc.selectFirst("h1").text(), Normalizer.Form.NFC));
    }

    // --- where files are ---------------------------------------------------------------------

    @Test
    void unknownSectionFolder() {
        Diagnostic x = Diags.singleError(fails("content/so-a/tin/x.md", lines("---", "title: Tin", "---")),
                "content/so-a/tin", 0, 0, "'tin'");
        Diags.assertHints(x, "tin-tuc", "van-ban", "thu-tuc", "trang");
    }

    @Test
    void folderForAnUnknownSite() {
        Diagnostic x = Diags.singleError(fails("content/so-z/tin-tuc/x.md", lines("---", "title: Tin", "---")),
                "content/so-z", 0, 0, "'so-z'");
        Diags.assertHints(x, "sites/so-z.yml");
    }

    @Test
    void markdownDirectlyInTheSiteFolder() {
        Diags.singleError(fails("content/so-a/gioi-thieu.md", lines("---", "title: Giới thiệu", "---")),
                "content/so-a/gioi-thieu.md", 0, 0, "chuyên mục");
    }

    @Test
    void fileDirectlyInContent() {
        Diags.singleError(fails("content/ghi-chu.md", "ghi chú\n"), "content/ghi-chu.md", 0, 0);
    }

    // --- URLs --------------------------------------------------------------------------------

    @Test
    void twoItemsWithTheSameUrlNameBothFiles() {
        f.write("content/so-a/tin-tuc/a.md", lines("---", "title: Trùng tên", "date: 2025-01-02", "summary: A.", "---"));
        f.write("content/so-a/tin-tuc/b.md", lines("---", "title: Trùng tên", "date: 2025-01-01", "summary: B.", "---"));
        Diagnostics d = fails();
        Diagnostic x = Diags.single(d);
        assertTrue(x.isError());
        String both = x.file() + " " + x.message();
        assertTrue(both.contains("content/so-a/tin-tuc/a.md") && both.contains("content/so-a/tin-tuc/b.md"), x::format);
        Diags.assertMentions(x, "/so-a/tin-tuc/trung-ten/");
        Diags.assertHints(x, "slug");
    }

    @Test
    void pageSlugCollidingWithASectionList() {
        f.news("so-a", "tin", "Tin thường", "2025-01-01");
        f.page("so-a", "tin-tuc-trang", "Tin tức");
        Diagnostics d = fails();
        Diagnostic x = Diags.single(d);
        assertTrue(x.isError());
        assertEquals("content/so-a/trang/tin-tuc-trang.md", x.file(), x::format);
        Diags.assertMentions(x, "/so-a/tin-tuc/", "danh sách");
        assertFalse(x.fix().contains("hai tệp"), () -> "only the page can change: " + x.format());
    }

    @Test
    void portalPageCollidingWithAUnitHome() {
        f.page("tinh", "so-a", "Sở A");
        Diags.singleError(fails(), "content/tinh/trang/so-a.md", 0, 0, "/so-a/", "Sở Thử Nghiệm");
    }

    @Test
    void everyBrokenFileIsReportedInOneBuild() {
        f.write("content/so-a/tin-tuc/a.md", lines("---", "title: A", "date: 2025-13-01", "summary: A.", "---"));
        f.write("content/xa-b/tin-tuc/b.md", lines("---", "title: B", "date: 2025-01-01", "---"));
        f.write("content/tinh/van-ban/c.md", doc("status: Sai"));
        Diagnostics d = fails();
        assertEquals(3, d.errorCount(), () -> Diags.dump(d));
        assertEquals(java.util.List.of("content/so-a/tin-tuc/a.md", "content/tinh/van-ban/c.md", "content/xa-b/tin-tuc/b.md"),
                d.list().stream().map(Diagnostic::file).toList(), "sorted by file");
    }
}
