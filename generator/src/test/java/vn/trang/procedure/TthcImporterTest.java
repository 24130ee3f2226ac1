package vn.trang.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.cli.TrangCommand;
import vn.trang.model.ChannelType;
import vn.trang.model.ImplementingLevel;
import vn.trang.model.Procedure;
import vn.trang.model.ServiceLevel;
import vn.trang.pipeline.BuildResult;

/**
 * {@code trang import tthc}: a hand-written sample in the national portal's format (run-together
 * table cells) becomes content files that build without errors; what cannot be converted
 * cleanly is skipped with its reason.
 */
class TthcImporterTest {

    private static final String SLUG = "cap-giay-phep-xay-dung-moi-doi-voi-cong-trinh-cap-dac-biet-cap-i-cap-ii";

    @TempDir
    Path tmp;
    Fixture f;
    Path sample;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void setUp() throws URISyntaxException {
        f = Fixture.standard(tmp.resolve("project"));
        sample = Path.of(TthcImporterTest.class.getResource("tthc-sample.jsonl").toURI());
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TrangCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private Run importInto(String site, Path file, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("import", "tthc", file.toString(), "--site", site,
                "--root", f.root.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private List<String> files(String site) throws IOException {
        Path dir = f.path("content/" + site + "/thu-tuc");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void convertsEveryLocalRecordSkipsOnlyWhatIsNoLocalProcedureAndSaysWhatItCouldNotSplit() throws IOException {
        Run r = importInto("so-a", sample);
        assertEquals(TrangCommand.OK, r.code(), r::toString);
        assertTrue(r.out().contains("Đã đọc 8 bản ghi; đã chuyển 6 thủ tục vào content/so-a/thu-tuc/ (3 kèm cảnh báo); bỏ qua 2:"),
                r.out());
        for (String reason : List.of("bỏ qua dòng 3 (1.000178): chỉ thực hiện ở: Cấp bộ",
                "bỏ qua dòng 7: không đọc được JSON",
                "cảnh báo dòng 4 (1.008331): thời hạn giải quyết \"1\" (trực tuyến) không ghi đơn vị",
                "cảnh báo dòng 5 (1.014208): căn cứ pháp lý có dòng không tách được tên và số hiệu",
                "cảnh báo dòng 8 (1.001445): không tách được tên giấy tờ và tên tệp mẫu")) {
            assertTrue(r.out().contains(reason), () -> reason + "\n" + r.out());
        }
        List<String> written = files("so-a");
        assertEquals(6, written.size(), written::toString);
        assertTrue(written.containsAll(List.of(SLUG + "-1-009995.md", SLUG + ".md", "chung-thuc-ban-sao-tu-ban-chinh.md")));

        BuildResult b = f.build();
        assertTrue(b.ok(), () -> Diags.dump(b.diagnostics()));
        // Zero errors; imported procedures are still to be reviewed (no "updated" date, legal
        // basis not in this project's document index), which the build may warn about.
        assertEquals(0, b.diagnostics().errorCount(), () -> Diags.dump(b.diagnostics()));
        Document page = Jsoup.parse(Fixture.read(f.out().resolve("so-a/thu-tuc/" + SLUG + "/index.html")));
        assertEquals("Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II", page.selectFirst("h1").text());
    }

    @Test
    void importedProceduresOpenInTheBrowserEditor() {
        assertEquals(TrangCommand.OK, importInto("so-a", sample).code());
        Run check = run("fmt", "--check", "--root", f.root.toString());
        assertEquals(TrangCommand.OK, check.code(), check::toString);
        assertTrue(check.err().contains("6 tệp đều ở dạng trình soạn thảo đọc được"), check::toString);
    }

    @Test
    void aCellThatCannotBeSplitIsLeftOutAndKeptAsWrittenInTheBody() throws IOException {
        importInto("so-a", sample);
        Procedure support = Procedures.valid(f, "so-a", "ho-tro-phat-trien-san-xuat-cong-dong");
        assertEquals(List.of("27/2022/NĐ-CP"), support.legalBasis().stream().map(b -> b.number()).toList());
        assertTrue(support.bodyHtml().contains("Quyết định của Ủy ban nhân dân tỉnh về mẫu hồ sơ24/2024"), support.bodyHtml());
        Procedure paper = Procedures.valid(f, "so-a", "trinh-bao-mat-ho-chieu");
        assertEquals(List.of(), paper.dossier(), "not split: left out");
        assertTrue(paper.bodyHtml().contains("văn bản trình báo.docx"), paper.bodyHtml());
    }

    @Test
    void aTimeWithoutAUnitKeepsTheChannelAndTheTimeAsWritten() {
        importInto("so-a", sample);
        Procedure p = Procedures.valid(f, "so-a", "dang-ky-bien-phap-bao-dam");
        assertEquals(List.of(ChannelType.ONLINE, ChannelType.POST), p.channels().stream().map(c -> c.channel()).toList());
        assertNull(p.channels().get(0).processingTime(), "a time is not guessed");
        assertEquals("Thời hạn giải quyết ghi trên Cổng Dịch vụ công quốc gia: 1 (không ghi đơn vị).",
                p.channels().get(0).description());
        assertEquals(ServiceLevel.PARTIAL, p.serviceLevel());
    }

    /** One record in the portal's format with the given cells; the rest are plain and valid. */
    static String record(String code, String title, String level, String decision, String basis) {
        return record(code, title, level, decision, basis, "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp20 Ngày làm việcMiễn phí");
    }

    static String record(String code, String title, String level, String decision, String basis, String channels) {
        return "{\"ma_thu_tuc\": \"" + code + "\", \"ten_thu_tuc\": \"" + title + "\", \"so_quyet_dinh\": \"" + decision
                + "\", \"cap_thuc_hien\": \"" + level + "\", \"linh_vuc\": \"Nông nghiệp\", \"cach_thuc_thuc_hien\": \""
                + channels + "\", \"thanh_phan_ho_so\": "
                + "\"--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghị1 bản chính\", \"can_cu_phap_ly\": \"" + basis
                + "\", \"ket_qua_xu_ly\": \"Quyết định hỗ trợMã: KQ.G01.000001\"}\n";
    }

    @Test
    void aChannelCellThatIsNotATableIsKeptAsWrittenAndStillTellsTheLevel() throws IOException {
        Path file = tmp.resolve("channels.jsonl");
        Files.writeString(file, record("1.000002", "Đăng ký trực tuyến", "Cấp tỉnh", "", "",
                "Nộp Trực tuyến qua Cổng dịch vụ công hoặc trực tiếp tại Trung tâm"));
        Run r = importInto("so-a", file);
        assertTrue(r.out().contains("đã chuyển 1 thủ tục vào content/so-a/thu-tuc/ (1 kèm cảnh báo)"), r.out());
        assertTrue(r.out().contains("cảnh báo dòng 1 (1.000002): cách thức thực hiện không có bảng quen thuộc"), r.out());
        Procedure p = Procedures.valid(f, "so-a", "dang-ky-truc-tuyen");
        assertEquals(List.of(), p.channels());
        assertEquals(ServiceLevel.PARTIAL, p.serviceLevel(), "the text says Trực tuyến");
        assertTrue(p.bodyHtml().contains("Cách thức thực hiện") && p.bodyHtml().contains("Nộp Trực tuyến qua Cổng dịch vụ công"),
                p.bodyHtml());
    }

    @Test
    void aLegalBasisLineWithTextAroundItsNumberKeepsTheNumberAndTheTextAndWarns() throws IOException {
        Path file = tmp.resolve("loose.jsonl");
        Files.writeString(file, record("1.014208", "Hỗ trợ dự án liên kết", "Cấp xã", "226/QĐ-UBND",
                LegalBasisCell.HEADER + "Nghị định 27/2022/NĐ-CP27/2022/NĐ-CPQuyết định 24/2024/QĐ-UBND Sơn La 2024 mẫu hồ sơ,"
                        + " thủ tục chọn dự án hỗ trợ sản xuất liên kết theo chuỗi giá trị24/2024")
                + record("3.000370", "Cấp thẻ kiểm soát an ninh hàng không", "Cấp bộ, Cấp tỉnh", "9303",
                LegalBasisCell.HEADER + "LUẬT  HÀNG KHÔNG DÂN DỤNG VIỆT NAM66/2006/QH11Thông tư số 31/2025/TT-BCA ngày"
                        + " 21/4/2025 của Bộ trưởng Bộ Công an quy định thẻ, giấy phép an ninh hàng không31/2025/TT_BCA")
                + record("1.000001", "Thủ tục của bộ", "Cấp bộ", "", ""));
        Run r = importInto("xa-b", file);
        assertEquals(TrangCommand.OK, r.code(), r::toString);
        assertTrue(r.out().contains("đã chuyển 2 thủ tục vào content/xa-b/thu-tuc/ (2 kèm cảnh báo); bỏ qua 1:"), r.out());
        assertTrue(r.out().contains("cảnh báo dòng 1 (1.014208): căn cứ pháp lý có dòng không tách được tên và số hiệu: "
                + "\"Quyết định 24/2024/QĐ-UBND Sơn La 2024 mẫu hồ s…\"; giữ số hiệu 24/2024/QĐ-UBND"), r.out());
        assertTrue(r.out().contains("cảnh báo dòng 2 (3.000370): số quyết định công bố '9303' không phải số hiệu văn bản"), r.out());

        Procedure p = Procedures.valid(f, "xa-b", "ho-tro-du-an-lien-ket");
        assertEquals(List.of("27/2022/NĐ-CP", "24/2024/QĐ-UBND"), p.legalBasis().stream().map(b -> b.number()).toList());
        assertEquals("Quyết định 24/2024/QĐ-UBND Sơn La 2024 mẫu hồ sơ, thủ tục chọn dự án hỗ trợ sản xuất liên kết theo"
                + " chuỗi giá trị", p.legalBasis().get(1).title());
        Procedure card = Procedures.valid(f, "xa-b", "cap-the-kiem-soat-an-ninh-hang-khong");
        assertEquals(List.of("66/2006/QH11", "31/2025/TT-BCA"), card.legalBasis().stream().map(b -> b.number()).toList());
        assertNull(card.decision(), "not a number: left out");
        assertTrue(card.bodyHtml().contains("9303"), "and kept as text");
        assertEquals(List.of(ImplementingLevel.PROVINCE), card.implementingLevels());
    }

    @Test
    void everyCellOfACleanRecordIsKept() {
        importInto("so-a", sample);
        Procedure p = Procedures.valid(f, "so-a", SLUG);
        assertEquals("1.009994", p.code());
        assertEquals("1234/QĐ-BXD", p.decision());
        assertEquals(List.of(ImplementingLevel.PROVINCE), p.implementingLevels(), "Cấp bộ is not local");
        assertEquals("TTHC được luật giao quy định chi tiết", p.procedureType());
        assertEquals("Hoạt động xây dựng", p.field());
        assertEquals(3, p.steps().size());
        assertEquals("Chủ đầu tư nộp hồ sơ.", p.steps().get(0).markdown());
        assertTrue(p.steps().get(1).html().contains("<li>"), p.steps().get(1).html());
        assertEquals(3, p.channels().size());
        assertEquals(ChannelType.DIRECT, p.channels().get(0).channel());
        assertEquals("20 ngày làm việc", p.processingTime());
        assertEquals("150.000 đồng (Lệ phí cấp giấy phép xây dựng)", p.fees());
        assertEquals("Nộp tại Trung tâm Phục vụ hành chính công.", p.channels().get(0).description());
        assertNull(p.channels().get(2).fee(), "Không có thông tin");
        assertEquals(1, p.dossier().size());
        assertNull(p.dossier().get(0).name());
        var papers = p.dossier().get(0).papers();
        assertEquals(3, papers.size());
        assertEquals("Đơn đề nghị cấp giấy phép xây dựng theo Mẫu số 01 Phụ lục II Nghị định số 175/2024/NĐ-CP;", papers.get(0).name());
        assertTrue(papers.get(0).note().contains("Mau01.docx"));
        assertEquals(2, papers.get(1).originals());
        assertEquals(0, papers.get(2).originals());
        assertEquals(1, papers.get(2).copies());
        assertEquals(List.of("Tổ chức (không bao gồm doanh nghiệp, HTX)", "Công dân Việt Nam", "Cán bộ, công chức, viên chức"),
                p.targetGroups());
        assertEquals("Sở Xây dựng", p.agency());
        assertEquals(List.of("Ủy ban nhân dân cấp tỉnh"), p.agencies().competent());
        assertEquals("Trung tâm Phục vụ hành chính công tỉnh", p.receptionAddress());
        assertEquals("Giấy phép xây dựng", p.result());
        assertEquals(List.of("50/2014/QH13", "175/2024/NĐ-CP", "1234/QĐ-TTg", "06/2021/TT-BXD"),
                p.legalBasis().stream().map(b -> b.number()).toList());
        assertEquals("Luật Xây dựng năm 2014", p.legalBasis().get(0).title());
        assertTrue(p.conditionsHtml().contains("<li>"), p.conditionsHtml());
        assertEquals(ServiceLevel.PARTIAL, p.serviceLevel(), "an online channel, toàn trình unknown: một phần");
        assertEquals("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/0001", p.sourceUrl());
        assertEquals(List.of("giấy phép", "xây dựng"), p.keywords());
    }

    @Test
    void casesOddDecisionNumbersAndProceduresNotSubmittedOnline() {
        importInto("xa-b", sample);
        Procedure p = Procedures.valid(f, "xa-b", "chung-thuc-ban-sao-tu-ban-chinh");
        assertEquals("QĐ/0001-BTP", p.decision(), "kept as given");
        assertEquals(List.of(ImplementingLevel.COMMUNE), p.implementingLevels());
        assertEquals(ServiceLevel.INFORMATION, p.serviceLevel(), "no online channel");
        assertEquals("1 ngày", p.processingTime());
        assertEquals("2.000 đồng/trang", p.fees());
        assertEquals(2, p.dossier().size());
        assertEquals("Giấy tờ phải xuất trình", p.dossier().get(0).name());
        assertEquals("Hợp đồng: nộp 01 bản sao; phụ lục hợp đồng: nộp 01 bản sao", p.dossier().get(0).papers().get(1).name());
        assertNull(p.dossier().get(1).name());
    }

    @Test
    void neverOverwritesUnlessAsked() throws IOException {
        importInto("so-a", sample);
        Path file = f.path("content/so-a/thu-tuc/" + SLUG + ".md");
        Files.writeString(file, Fixture.read(file).replace("Giấy phép xây dựng", "Giấy phép đã sửa tay"));
        Run again = importInto("so-a", sample);
        assertTrue(again.out().contains("đã chuyển 0 thủ tục"), again.out());
        assertTrue(again.out().contains("tệp đã có (dùng --overwrite để ghi đè)"), again.out());
        assertTrue(Fixture.read(file).contains("Giấy phép đã sửa tay"));
        assertEquals(6, files("so-a").size(), "no second copy under another name");

        Run forced = importInto("so-a", sample, "--overwrite");
        assertTrue(forced.out().contains("đã chuyển 6 thủ tục"), forced.out());
        assertFalse(Fixture.read(file).contains("Giấy phép đã sửa tay"));
    }

    @Test
    void readsGzipAndStopsAtTheLimit() throws IOException {
        Path gz = tmp.resolve("sample.jsonl.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(Files.readAllBytes(sample));
        }
        Run r = importInto("so-a", gz, "--limit", "2");
        assertEquals(TrangCommand.OK, r.code(), r::toString);
        assertTrue(r.out().contains("Đã đọc 2 bản ghi; đã chuyển 2 thủ tục"), r.out());
    }

    @Test
    void usageErrors() {
        assertEquals(TrangCommand.USAGE, run("import", "vbpl", sample.toString(), "--site", "so-a", "--root", f.root.toString()).code());
        assertEquals(TrangCommand.USAGE, importInto("so-z", sample).code());
        assertEquals(TrangCommand.USAGE, importInto("so-a", tmp.resolve("khong-co.jsonl")).code());
        assertEquals(TrangCommand.USAGE, importInto("so-a", sample, "--limit", "-1").code());
        assertEquals(TrangCommand.USAGE, run("import", "tthc", sample.toString(), "--root", f.root.toString()).code(),
                "--site is required");
    }
}
