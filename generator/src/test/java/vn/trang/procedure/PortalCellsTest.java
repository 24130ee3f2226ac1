package vn.trang.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.trang.model.ChannelType;
import vn.trang.procedure.ChannelCell.Channel;
import vn.trang.procedure.DossierCell.Case;
import vn.trang.procedure.LegalBasisCell.Basis;

/** The national portal's flattened table cells, split back into rows. */
class PortalCellsTest {

    private static final String H = ChannelCell.HEADER;
    private static final String D = DossierCell.HEADER;
    private static final String B = LegalBasisCell.HEADER;

    @Test
    void channelsRunTogether() {
        List<Channel> c = ChannelCell.parse(H + "Trực tuyến3 Ngày làm việcMiễn phíDịch vụ bưu chính5 NgàyMiễn phí"
                + "(Không thu phí)Gửi qua bưu điện.Trực tiếp5 Ngày làm việc2,500,000 Việt Nam Đồng(Phí : Đồng (theo Thông tư"
                + " số 64/2025/TT-BTC))20 ngày làm việc kể từ khi nhận đủ hồ sơ hợp lệ.");
        assertEquals(3, c.size());
        assertEquals(new Channel(ChannelType.ONLINE, "3 ngày làm việc", "Miễn phí", null), c.get(0));
        assertEquals(new Channel(ChannelType.POST, "5 ngày", "Miễn phí (Không thu phí)", "Gửi qua bưu điện."), c.get(1));
        assertEquals(ChannelType.DIRECT, c.get(2).type());
        assertEquals("2.500.000 đồng (Phí : Đồng (theo Thông tư số 64/2025/TT-BTC))", c.get(2).fee());
        assertEquals("20 ngày làm việc kể từ khi nhận đủ hồ sơ hợp lệ.", c.get(2).description());
    }

    @Test
    void channelWithoutInformationAndAFeeWithoutAmount() {
        List<Channel> c = ChannelCell.parse(H + "Trực tiếpKhông có thông tinKhông có thông tinNộp tại trụ sở."
                + "Trực tuyến2 GiờVNĐ(20.000 đồng/tờ khai)");
        assertEquals(new Channel(ChannelType.DIRECT, null, null, "Nộp tại trụ sở."), c.get(0));
        assertEquals(new Channel(ChannelType.ONLINE, "2 giờ", "20.000 đồng/tờ khai", null), c.get(1));
        assertEquals(List.of(), ChannelCell.parse("Không có thông tin"));
    }

    @Test
    void aTimeWithoutUnitIsNotGuessed() {
        Unconvertible e = assertThrows(Unconvertible.class, () -> ChannelCell.parse(H + "Trực tuyến1Miễn phí"));
        assertEquals("thoi-han", e.category);
        assertTrue(e.getMessage().contains("\"1\""), e.getMessage());
    }

    @Test
    void whenAskedATimeWithoutUnitIsKeptAsWrittenInTheDescription() {
        List<String> warnings = new java.util.ArrayList<>();
        List<Channel> c = ChannelCell.parse(H + "Trực tuyến1Miễn phíNộp qua cổng.Trực tiếp5 NgàyMiễn phí", warnings);
        assertEquals(new Channel(ChannelType.ONLINE, null, "Miễn phí",
                "Thời hạn giải quyết ghi trên Cổng Dịch vụ công quốc gia: 1 (không ghi đơn vị). Nộp qua cổng."), c.get(0));
        assertEquals("5 ngày", c.get(1).time());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("\"1\" (trực tuyến)"), warnings.get(0));
    }

    @Test
    void aRowThatIsNotAChannelRow() {
        Unconvertible e = assertThrows(Unconvertible.class,
                () -> ChannelCell.parse(H + "Trực tiếpHệ thống giải quyết thủ tục hành chính"));
        assertEquals("cach-thuc", e.category);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2,000,000|2.000.000", "15000000|15.000.000", "500|500", "1,5|1,5"})
    void amountsAreWrittenTheVietnameseWay(String in, String out) {
        assertEquals(out, ChannelCell.amount(in));
    }

    @Test
    void dossierWithCasesFormsAndQuantities() {
        List<Case> cases = DossierCell.parse("* Giấy tờ phải nộp:" + D
                + "Đơn đề nghị theo Mẫu số 01 ban hành kèm theo Nghị định số 121/2021/NĐ-CP;Mus01.docx1 bản chính"
                + "Giấy tờ chứng minh theo mẫu (mẫu 2A)36-Mẫu 2A-Bản khai cá nhân (1).doc0 bản chính,2 bản sao"
                + "--" + D + "Bản sao giấy tờ tùy thân0 bản chính,1 bản sao");
        assertEquals(2, cases.size());
        assertEquals("Giấy tờ phải nộp", cases.get(0).name());
        assertNull(cases.get(1).name());
        var first = cases.get(0).papers().get(0);
        assertEquals("Đơn đề nghị theo Mẫu số 01 ban hành kèm theo Nghị định số 121/2021/NĐ-CP;", first.name());
        assertEquals("Mus01.docx", first.form());
        assertEquals(1, first.originals());
        assertEquals(0, first.copies());
        var second = cases.get(0).papers().get(1);
        assertEquals("36-Mẫu 2A-Bản khai cá nhân (1).doc", second.form());
        assertEquals(0, second.originals());
        assertEquals(2, second.copies());
        assertEquals("Bản sao giấy tờ tùy thân", cases.get(1).papers().get(0).name());
    }

    @Test
    void aQuantityInsideANameStaysInTheName() {
        List<Case> cases = DossierCell.parse("--" + D + "Hợp đồng: nộp 01 bản sao; phụ lục: nộp 01 bản sao0 bản chính,1 bản sao"
                + "Mẫu số 011 bản chính");
        var papers = cases.get(0).papers();
        assertEquals(2, papers.size());
        assertEquals("Hợp đồng: nộp 01 bản sao; phụ lục: nộp 01 bản sao", papers.get(0).name());
        assertEquals(1, papers.get(0).copies());
        assertEquals("Mẫu số 01", papers.get(1).name(), "the last digit is the quantity");
        assertEquals(1, papers.get(1).originals());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Đơn khiếu nại hoặc bản ghi lời khiếu nạiMẫu ban hành kèm theo Nghị định 124-2020.doc|Mẫu ban hành kèm theo Nghị định 124-2020.doc",
            "Văn bản theo Mẫu 03a Phụ lục III Nghị định 151/2024/NĐ-CPMus03axethongminh.docx|Mus03axethongminh.docx",
            "Tờ khai theo mẫu NA5 của Bộ Công an.NA5 (1).doc|NA5 (1).doc",
            "Danh sách (nếu có);Mau02-DS(BHYT).doc|Mau02-DS(BHYT).doc",
            "Văn bản theo Mẫu 04 Thông tư 08/2026/TT-BNNMT ngày 26/01/2026Mau so 04.docx|Mau so 04.docx"})
    void formFileNamesAreToldFromPaperNames(String text, String form) {
        int ext = text.lastIndexOf('.');
        int at = DossierCell.formStart(text, ext);
        assertEquals(form, text.substring(at));
    }

    @Test
    void aFormGluedToLowerCaseTextCannotBeSplit() {
        Unconvertible e = assertThrows(Unconvertible.class,
                () -> DossierCell.parse("--" + D + "Đơn trình báo theo quy địnhvăn bản trình báo.docx1 bản chính"));
        assertEquals("ho-so", e.category);
    }

    @Test
    void legalBasisTitlesAndCodes() {
        List<Basis> b = clean(B + "Hướng dẫn xử lý khiếu nại trong công an nhân dân68/2013/TT-BCA"
                + "Luật Khiếu nại  năm 201102/2011/QH13Nghị định 05/2012/NĐ-CP05/2012/NĐ-CP"
                + "Quyết định của Thủ tướng1605/QĐ-TTgLuật28/2023/QH15"
                + "Nghị định 73/NĐ-CP ngày 30/7/1994 của Chính phủ về ưu đãi.73-CP");
        assertEquals(List.of("68/2013/TT-BCA", "02/2011/QH13", "05/2012/NĐ-CP", "1605/QĐ-TTg", "28/2023/QH15", "73-CP"),
                b.stream().map(Basis::number).toList());
        assertEquals("Hướng dẫn xử lý khiếu nại trong công an nhân dân", b.get(0).title());
        assertEquals("Luật Khiếu nại năm 2011", b.get(1).title());
        assertEquals("Nghị định 05/2012/NĐ-CP", b.get(2).title());
        assertEquals("Luật", b.get(4).title());
        assertEquals("Nghị định 73/NĐ-CP ngày 30/7/1994 của Chính phủ về ưu đãi", b.get(5).title());
    }

    @Test
    void aTitleFollowedByANumberStartsANewRow() {
        List<Basis> b = clean(B + "Nghị định về tài nguyên nước.NĐ 23/2026/NĐ-CP14/2025/TT-BNNMT14/2025/TT-BNNMT");
        assertEquals(List.of("23/2026/NĐ-CP", "14/2025/TT-BNNMT"), b.stream().map(Basis::number).toList());
    }

    @Test
    void codesGluedToTheNextTitle() {
        List<Basis> b = clean(B + "Quy định về hoạt động vận tải đường bộ158/2024/NĐ-CPnghị quyết về cắt giảm"
                + "01/2026/NQ-CPThông tư 223/2016/TT-BTC223/2016/TT-BTCThông tư số 79/2024/TT-BCA ngày 15/11/2024 của Bộ Công an"
                + "79/2024/TT-BCALuật 08/2017/QH1408/2017/QH14Quyết định1605/QĐ-TTgnghị định70/2025/NĐ-CP"
                + "BỘ LUẬT HÀNG HẢI VIỆT NAM95/2015/QH13sửa đổi các thông tư về trồng trọtsố 07/2026/TT-BNNMT"
                + "Về an ninh hàng không92/2015/NĐ-CPLUẬT HÀNG KHÔNG DÂN DỤNG66/2006/QH11Thông tư 53/2025/TT-BCAngày 01/7/2025"
                + "53/2025/TT-BCA");
        assertEquals(List.of("158/2024/NĐ-CP", "01/2026/NQ-CP", "223/2016/TT-BTC", "79/2024/TT-BCA", "08/2017/QH14",
                "1605/QĐ-TTg", "70/2025/NĐ-CP", "95/2015/QH13", "07/2026/TT-BNNMT", "92/2015/NĐ-CP", "66/2006/QH11",
                "53/2025/TT-BCA"), b.stream().map(Basis::number).toList());
        assertEquals("LUẬT HÀNG KHÔNG DÂN DỤNG", b.get(10).title());
        assertEquals("nghị quyết về cắt giảm", b.get(1).title());
        assertEquals("BỘ LUẬT HÀNG HẢI VIỆT NAM", b.get(7).title());
        assertEquals("sửa đổi các thông tư về trồng trọt", b.get(8).title());
    }

    /** Rows that all split cleanly: no text kept aside, no warning. */
    private static List<Basis> clean(String cell) {
        LegalBasisCell.Result c = LegalBasisCell.parse(cell);
        assertEquals(List.of(), c.warnings());
        assertEquals(List.of(), c.unsplit());
        return c.rows();
    }

    @Test
    void aLineWithTextAroundItsNumberKeepsTheNumberAndTheText() {
        LegalBasisCell.Result c = LegalBasisCell.parse(B + "Nghị định 27/2022/NĐ-CP27/2022/NĐ-CP"
                + "Quyết định 24/2024/QĐ-UBND Sơn La 2024 mẫu hồ sơ, thủ tục chọn dự án hỗ trợ sản xuất giá trị24/2024");
        assertEquals(List.of(new Basis("27/2022/NĐ-CP", "Nghị định 27/2022/NĐ-CP"),
                new Basis("24/2024/QĐ-UBND", "Quyết định 24/2024/QĐ-UBND Sơn La 2024 mẫu hồ sơ, thủ tục chọn dự án hỗ trợ sản xuất giá trị")),
                c.rows(), "the trailing copy of the code cell is not part of the title");
        assertEquals(List.of(), c.unsplit());
        assertEquals(1, c.warnings().size());
        assertTrue(c.warnings().get(0).contains("giữ số hiệu 24/2024/QĐ-UBND"), c.warnings().get(0));
    }

    @Test
    void aCodeCellThatIsNotQuiteANumberIsLeftToTheTitlesNumber() {
        LegalBasisCell.Result c = LegalBasisCell.parse(B + "LUẬT HÀNG KHÔNG DÂN DỤNG VIỆT NAM66/2006/QH11"
                + "Thông tư số 31/2025/TT-BCA ngày 21/4/2025 của Bộ trưởng Bộ Công an quy định thẻ an ninh hàng không31/2025/TT_BCA");
        assertEquals(List.of("66/2006/QH11", "31/2025/TT-BCA"), c.rows().stream().map(Basis::number).toList());
        assertEquals("Thông tư số 31/2025/TT-BCA ngày 21/4/2025 của Bộ trưởng Bộ Công an quy định thẻ an ninh hàng không",
                c.rows().get(1).title());
    }

    @Test
    void textWhoseOnlyNumberIsAlreadyListedIsKeptAsWritten() {
        String guide = "Hướng dẫn thực hiện Quyết định số 290/2005/QĐ-TTg về chế độ, chính sách191/2005/TTLT/BQP-BLĐTBXH-BTC";
        LegalBasisCell.Result c = LegalBasisCell.parse(B + "Quyết định của Thủ tướng290/2005/QĐ-TTg" + guide);
        assertEquals(List.of("290/2005/QĐ-TTg"), c.rows().stream().map(Basis::number).toList());
        assertEquals(List.of(guide), c.unsplit(), "nothing is lost");
        assertTrue(c.warnings().get(0).contains("nguyên văn"), c.warnings().get(0));
    }

    @Test
    void aCellWithoutTheTableIsReadLoosely() {
        LegalBasisCell.Result c = LegalBasisCell.parse("Luật Xây dựng số 50/2014/QH13 và Nghị định số 15/2021/NĐ-CP");
        assertEquals(List.of("50/2014/QH13", "15/2021/NĐ-CP"), c.rows().stream().map(Basis::number).toList());
        assertEquals(List.of("Luật Xây dựng số 50/2014/QH13 và Nghị định số 15/2021/NĐ-CP"), c.unsplit(),
                "two numbers: which text is whose is not guessed");
        assertEquals(1, c.warnings().size());
    }

    @Test
    void resultsAndKeywords() {
        var o = OutcomeCell.parse("Giấy phépMã: KQ.G01.000123Văn bản từ chốiMã: KQ.G01.000124Từ khóagiấy phép, cấp phép"
                + "Mô tảKhông có thông tinChọn cơ quan thực hiệnTỉnh/ Thành phốNộp hồ sơ");
        assertEquals(List.of("Giấy phép", "Văn bản từ chối"), o.results());
        assertEquals(List.of("giấy phép", "cấp phép"), o.keywords());
        assertEquals(List.of(), OutcomeCell.parse("Không có thông tin").results());
    }

    @Test
    void targetGroupsKeepCommasInsideParenthesesAndNames() {
        assertEquals(List.of("Tổ chức (không bao gồm doanh nghiệp, HTX)", "Cán bộ, công chức, viên chức", "Doanh nghiệp"),
                TargetGroupsCell.parse("Tổ chức (không bao gồm doanh nghiệp, HTX), Cán bộ, công chức, viên chức, Doanh nghiệp"));
    }

    @Test
    void stepsAreSplitAtNumberedSteps() {
        assertEquals(List.of("Nộp hồ sơ.", "Kiểm tra:\n\n- đủ thì nhận;\n\n- thiếu thì trả.", "Trả kết quả."),
                StepsCell.parse("Bước 1: Nộp hồ sơ.\nBước 2. Kiểm tra:\n- đủ thì nhận;\n- thiếu thì trả.\nb) Bước 3: Trả kết quả."));
        assertEquals(1, StepsCell.parse("Tổ chức nộp hồ sơ.\nCơ quan trả kết quả.").size(), "no numbered steps: one step");
        assertEquals(1, StepsCell.parse("Bước 2: Thẩm định.\nBước 3: Trả kết quả.").size(), "not from 1: one step");
    }

    @Test
    void plainTextBecomesSafeMarkdown() {
        assertEquals("\\# không phải tiêu đề", PortalText.markdown("   # không phải tiêu đề   "));
        assertEquals("a \\< b", PortalText.markdown("a < b"));
        assertEquals("Dòng một\n\na) mục a", PortalText.markdown("Dòng một\na) mục a"));
    }
}
