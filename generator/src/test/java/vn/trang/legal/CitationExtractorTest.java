package vn.trang.legal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CitationExtractorTest {

    /** Each line is text that contains no document number, though it has slashes or digits. */
    @ParameterizedTest
    @ValueSource(strings = {
            "Ngày 13/06/2011 và 31/12/2019",
            "từ tháng 6/2019 đến 12/2020",
            "tỷ lệ 1/2, rồi 3/4 số xã",
            "quy trình ISO 9001:2015 và TCVN ISO/IEC 27001:2019",
            "QCVN 02:2009/BXD và QCVN 01-1:2018/BYT",
            "tốc độ 60 km/h, 60km/h",
            "phục vụ 24/7",
            "bình quân 10 m2/người, 500.000 đồng/hồ sơ, 5.000/HS",
            "đạt 46%, 100% cán bộ; mức độ 3,4",
            "ĐT: 0222.3822.513, (0222) 3 822 513, 0912/345/678",
            "V/v phê duyệt kế hoạch",
            "- Văn phòng Chính phủ (b/c);",
            "- Các huyện ủy (p/h chỉ đạo);",
            "xem https://vanban.example.gov.vn/tra-cuu?so=1605/QĐ-TTg ngay",
            "xem www.example.gov.vn/?q=06/CT-UBND",
            "[văn bản](/van-ban/12/QD-UBND) và ./tai-lieu/2019/06/CT-UBND.pdf",
            "Quận 2/TP. Hồ Chí Minh",
            "lớp 10/A1",
            "Tờ khai mẫu số 01/ĐK-TCT, Mẫu 02/TK-TNCN, Phụ lục 03/BC-UBND",
            "giai đoạn 2011-2015, 2011- 2015, 2018 - 2023",
            "CNTT-TT, Bộ TT&TT, Đài PT&TH HP, Covid-19/TP",
            "văn bản 06/ct-ubnd viết thường",
            "số 9.289 tài khoản, 316.663 văn bản",
            "F0/F1, 5Km/h, x2/QĐ",
    })
    void findsNothingWhereThereIsNoNumber(String text) {
        assertEquals(List.of(), normalized(CitationExtractor.extract(text)), text);
    }

    /** text, the one number cited, its date (null when none is stated). */
    static Stream<Arguments> citedWithDates() {
        return Stream.of(
                Arguments.of("Quyết định số 1605/QĐ-TTg ngày 27/8/2010 của Thủ tướng", "1605/QĐ-TTg", LocalDate.parse("2010-08-27")),
                Arguments.of("Nghị định 43/2011/NĐ-CP của Chính phủ ngày 13/6/2011 quy định", "43/2011/NĐ-CP", LocalDate.parse("2011-06-13")),
                Arguments.of("Quyết định số 1605/QĐ-TTg\nngày 27 tháng 8 năm 2010", "1605/QĐ-TTg", LocalDate.parse("2010-08-27")),
                Arguments.of("Quyết định số 246/2005/QĐ-TTg ngày\n06/10/2005 của Thủ tướng", "246/2005/QĐ-TTg", LocalDate.parse("2005-10-06")),
                Arguments.of("Quyết định số 1987/QĐ-UBND của UBND tỉnh Bắc Ninh ngày 31//10/2018, về việc", "1987/QĐ-UBND", LocalDate.parse("2018-10-31")),
                Arguments.of("Quyết định 123/QĐ-UBND do UBND tỉnh ban hành ngày 05.01.2024", "123/QĐ-UBND", LocalDate.parse("2024-01-05")),
                Arguments.of("Công văn số 7740/UBND-VX, ngày 30/11/2018.", "7740/UBND-VX", LocalDate.parse("2018-11-30")),
                Arguments.of("Thông báo số 690-TB/VPTƯ ngày 18/6/2009 của Văn phòng Tỉnh ủy", "690-TB/VPTƯ", LocalDate.parse("2009-06-18")),
                Arguments.of("Luật Tiếp cận thông tin số 104/2016/QH13 ngày 06 tháng 4 năm 2016", "104/2016/QH13", LocalDate.parse("2016-04-06")),
                Arguments.of("Số: 06/CT-UBND\n\nBắc Ninh, ngày 19 tháng 4 năm 2019", "06/CT-UBND", LocalDate.parse("2019-04-19")),
                Arguments.of("Chỉ thị 06/CT-UBND năm 2019 về tăng cường", "06/CT-UBND", null),
                Arguments.of("Quyết định 123/QĐ-UBND ngày 31/2/2019", "123/QĐ-UBND", null),
                Arguments.of("Ngày 26/1/2011, Chủ tịch UBND tỉnh đã có Chỉ thị số 03/CT-UBND yêu cầu", "03/CT-UBND", null),
                Arguments.of("thực hiện Quyết định 5/QĐ-UBND trước ngày 30/6/2019", "5/QĐ-UBND", null),
                Arguments.of("Quyết định 5/QĐ-UBND; ngày 30/6/2019 họp", "5/QĐ-UBND", null),
                Arguments.of("Số hiệu: 06/CT-UBND\nNgày ban hành: 19/04/2019", "06/CT-UBND", null),
                Arguments.of("Bắc Ninh: 06/CT-UBND\nBắc Ninh, ngày 19/4/2019", "06/CT-UBND", null),
                Arguments.of("Căn cứ Nghị định số 15/CP ngày 02/3/1993", "15/CP", LocalDate.parse("1993-03-02")),
                Arguments.of("Số: 123/UBND\nV/v tổ chức hội nghị", "123/UBND", null),
                Arguments.of("theo Báo cáo 15/BC ngày 1/2/2020", "15/BC", LocalDate.parse("2020-02-01")),
                Arguments.of("Quy định 08-QĐi/TW ngày 25/10/2018", "08-QĐi/TW", LocalDate.parse("2018-10-25")),
                Arguments.of("Tờ trình 594/TTr–STTTT (dấu gạch ngang dài)", "594/TTr-STTTT", null),
                Arguments.of("Quyết định 1605/QÐ-TTg (Ð là chữ eth)", "1605/QĐ-TTg", null),
                Arguments.of("**Chỉ thị 06/CT-UBND** và `06/CT-UBND`", "06/CT-UBND", null),
                Arguments.of("[Quyết định 2348/QĐ-UBND](https://haiphong.gov.vn/van-ban/2348-qd-ubnd.html)", "2348/QĐ-UBND", null),
                Arguments.of("Số:06/CT-UBND", "06/CT-UBND", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("citedWithDates")
    void findsTheNumberAndItsDate(String text, String number, LocalDate date) {
        List<Citation> found = CitationExtractor.extract(text);
        assertEquals(number, found.isEmpty() ? null : found.get(0).normalized(), text);
        assertEquals(date, found.get(0).date());
        // Markdown and code spans repeat a number; every hit is the same number.
        found.forEach(c -> assertEquals(number, c.normalized()));
    }

    @Test
    void positionsAreOneBasedLinesAndColumns() {
        String text = "Dòng một.\nCăn cứ Nghị định 64/2007/NĐ-CP;\r\nvà Chỉ thị số 03/CT-UBND.";
        List<Citation> found = CitationExtractor.extract(text);
        assertEquals(2, found.size());
        Citation a = found.get(0);
        assertEquals("64/2007/NĐ-CP", a.raw());
        assertEquals(text.indexOf("64/2007"), a.offset());
        assertEquals(2, a.line());
        assertEquals(18, a.column());
        Citation b = found.get(1);
        assertEquals(3, b.line());
        assertEquals(15, b.column());
        assertEquals("03/CT-UBND", text.substring(b.offset(), b.offset() + b.raw().length()));
    }

    @Test
    void rawKeepsTheTextAsWrittenWhileTheNumberIsCanonical() {
        Citation c = CitationExtractor.extract("theo Tờ trình số 594/TTr–STTTT ngày 12/11/2010").get(0);
        assertEquals("594/TTr–STTTT", c.raw());
        assertEquals("594/TTr-STTTT", c.normalized());
        assertEquals(DocumentNumber.Kind.ADMINISTRATIVE, c.number().kind());
    }

    @Test
    void decomposedTextGivesTheSameCitations() {
        String nfc = "Thông báo số 690-TB/VPTƯ ngày 18/6/2009 và Quyết định 1605/QĐ-TTg ngày 13 tháng 6 năm 2011";
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertNotEquals(nfc, nfd);
        List<Citation> a = CitationExtractor.extract(nfc);
        List<Citation> b = CitationExtractor.extract(nfd);
        assertEquals(List.of("690-TB/VPTƯ", "1605/QĐ-TTg"), normalized(b));
        assertEquals(a, b);
        assertEquals(LocalDate.of(2011, 6, 13), b.get(1).date());
    }

    /** A paragraph of our own that mixes every trap with real citations; always runs. */
    private static final String FIXTURE = """
            # Dữ liệu minh họa

            Căn cứ Nghị định số 64/2007/NĐ-CP ngày 10/4/2007 của Chính phủ; Luật Tiếp cận thông tin
            số 104/2016/QH13; Thông tư liên tịch 01/2011/TTLT-VPCP-BNV và Công văn số 2231/SNV-CCHC&PC
            ngày 13 tháng 6 năm 2011; Quyết định 1987/QĐ-UBND của UBND tỉnh Bắc Ninh ngày 31//10/2018
            và Nghị quyết 60-NQ/TW. Từ ngày 13/06/2011 đến 31/12/2019 (tháng 6/2019), tỷ lệ 1/2 rồi 3/4,
            đạt 46% theo ISO 9001:2015; xe chạy 60 km/h, trực 24/7, 10 m2/người. V/v góp ý (b/c),
            (p/h chỉ đạo); ĐT: 0222.3822.513; xem https://vanban.example.gov.vn/tra-cuu?so=1605/QĐ-TTg
            và [bản gốc](/van-ban/12/QD-UBND), Quận 2/TP. Hồ Chí Minh, mẫu số 01/ĐK-TCT.
            - **Tờ trình 594/TTr–STTTT**, Chỉ thị 06/ct-ubnd (viết thường, không nhận), 1605/QÐ-TTg
              ngày 6/9/2010, Nghị định 64/2007/NĐ-CP (nhắc lại).
            """;

    @Test
    void fixtureParagraph() {
        List<Citation> found = CitationExtractor.extract(FIXTURE);
        assertEquals(List.of(
                "64/2007/NĐ-CP|2007-04-10",
                "104/2016/QH13|-",
                "01/2011/TTLT-VPCP-BNV|-",
                "2231/SNV-CCHC&PC|2011-06-13",
                "1987/QĐ-UBND|2018-10-31",
                "60-NQ/TW|-",
                "594/TTr-STTTT|-",
                "1605/QĐ-TTg|2010-09-06",
                "64/2007/NĐ-CP|-"), withDates(found));
        assertEquals(List.of(
                DocumentNumber.Kind.LEGAL_WITH_YEAR, DocumentNumber.Kind.LEGAL_WITH_YEAR,
                DocumentNumber.Kind.LEGAL_WITH_YEAR, DocumentNumber.Kind.OFFICIAL_LETTER,
                DocumentNumber.Kind.ADMINISTRATIVE, DocumentNumber.Kind.PARTY,
                DocumentNumber.Kind.ADMINISTRATIVE, DocumentNumber.Kind.ADMINISTRATIVE,
                DocumentNumber.Kind.LEGAL_WITH_YEAR), found.stream().map(c -> c.number().kind()).toList());
        Citation law = found.get(1);
        assertEquals(4, law.line());
        assertEquals(4, law.column());
        assertNull(law.date());
    }

    @Test
    void longSymbolRunsStayFast() {
        String run = "1/A" + "-A".repeat(50_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertEquals(List.of(), CitationExtractor.extract(run + "-a ").stream().map(Citation::raw).toList());
            assertEquals(List.of(), CitationExtractor.extract(run + " "), "no real symbol has 50,000 parts");
            assertEquals(List.of(), CitationExtractor.extract("1/".repeat(50_000) + "x"));
        });
    }

    @Test
    void symbolsHaveAtMostNineParts() {
        assertEquals(List.of("1/A-B-C-D-E-F-G-H-I"), normalized(CitationExtractor.extract("số 1/A-B-C-D-E-F-G-H-I.")));
        assertEquals(List.of(), CitationExtractor.extract("số 1/A-B-C-D-E-F-G-H-I-K."));
    }

    @Test
    void emptyTextHasNoCitations() {
        assertEquals(List.of(), CitationExtractor.extract(""));
    }

    static List<String> normalized(List<Citation> citations) {
        return citations.stream().map(Citation::normalized).toList();
    }

    static List<String> withDates(List<Citation> citations) {
        return citations.stream().map(c -> c.normalized() + "|" + (c.date() == null ? "-" : c.date())).toList();
    }
}
