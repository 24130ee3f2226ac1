package vn.trang.legal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentTypesTest {

    /** The whole Phụ lục III table and the QPPL types as docs/DOMAIN.md#types lists them. */
    @ParameterizedTest(name = "{0} ↔ {1}")
    @CsvSource(delimiter = '|', value = {
            "NQ|Nghị quyết", "QĐ|Quyết định", "CT|Chỉ thị", "QC|Quy chế", "QyĐ|Quy định", "TC|Thông cáo",
            "TB|Thông báo", "HD|Hướng dẫn", "CTr|Chương trình", "KH|Kế hoạch", "PA|Phương án", "ĐA|Đề án",
            "DA|Dự án", "BC|Báo cáo", "BB|Biên bản", "TTr|Tờ trình", "HĐ|Hợp đồng", "CĐ|Công điện",
            "BGN|Bản ghi nhớ", "BTT|Bản thỏa thuận", "GUQ|Giấy ủy quyền", "GM|Giấy mời",
            "GGT|Giấy giới thiệu", "GNP|Giấy nghỉ phép", "PG|Phiếu gửi", "PC|Phiếu chuyển", "PB|Phiếu báo",
            "NĐ|Nghị định", "TT|Thông tư", "TTLT|Thông tư liên tịch", "VBHN|Văn bản hợp nhất",
    })
    void looksUpBothWays(String abbreviation, String name) {
        assertEquals(name, DocumentTypes.byAbbreviation(abbreviation).orElseThrow().name());
        assertEquals(name, DocumentTypes.byAbbreviation(abbreviation.toLowerCase(java.util.Locale.ROOT)).orElseThrow().name());
        assertEquals(abbreviation, DocumentTypes.byName(name).orElseThrow().abbreviation());
        assertEquals(abbreviation, DocumentTypes.byName(vn.trang.text.Slugs.fold(name).toUpperCase(java.util.Locale.ROOT))
                .orElseThrow().abbreviation());
    }

    @Test
    void lawsAndOfficialLettersHaveNamesButNoAbbreviation() {
        assertNull(DocumentTypes.byName("Luật").orElseThrow().abbreviation());
        assertNull(DocumentTypes.byName("công văn").orElseThrow().abbreviation());
        assertTrue(DocumentTypes.byName("Công văn hỏa tốc").isEmpty());
    }

    @Test
    void diacriticFreeAbbreviationsResolveOnlyWhenUnambiguous() {
        assertEquals("QĐ", DocumentTypes.byAbbreviation("QD").orElseThrow().abbreviation());
        assertEquals("NĐ", DocumentTypes.byAbbreviation("nd").orElseThrow().abbreviation());
        assertEquals("HD", DocumentTypes.byAbbreviation("HD").orElseThrow().abbreviation(), "HD is Hướng dẫn, not HĐ");
        assertEquals("DA", DocumentTypes.byAbbreviation("DA").orElseThrow().abbreviation(), "DA is Dự án, not ĐA");
        assertTrue(DocumentTypes.byAbbreviation("UBND").isEmpty());
        assertTrue(DocumentTypes.byAbbreviation("").isEmpty());
        assertEquals("Thông tri", DocumentTypes.byPartyAbbreviation("TT").orElseThrow().name());
        assertEquals("Thông báo", DocumentTypes.byPartyAbbreviation("TB").orElseThrow().name());
    }

    /** number | declared type | verdict | first expected name ("-" for none) */
    @ParameterizedTest(name = "{0} declared {1} → {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "06/CT-UBND|Quyết định|MISMATCH|Chỉ thị",
            "06/CT-UBND|Chỉ thị|MATCH|Chỉ thị",
            "06/ct-ubnd|chi thi|MATCH|Chỉ thị",
            "06/CT-UBND|  CHỈ   THỊ |MATCH|Chỉ thị",
            "1605/QĐ-TTg|Quyết định|MATCH|Quyết định",
            "12/QyĐ-UBND|Quyết định|MISMATCH|Quy định",
            "12/QĐ-UBND|Quy định|MISMATCH|Quyết định",
            "594/TTr-STTTT|Tờ trình|MATCH|Tờ trình",
            "594/TTr-STTTT|Thông tư|MISMATCH|Tờ trình",
            "12/BTT-UBND|Bản thoả thuận|MATCH|Bản thỏa thuận",
            "64/2007/NĐ-CP|Nghị định|MATCH|Nghị định",
            "64/2007/NĐ-CP|Nghị quyết|MISMATCH|Nghị định",
            "01/2011/TTLT-VPCP-BNV|Thông tư liên tịch|MATCH|Thông tư liên tịch",
            "01/2011/TTLT-VPCP-BNV|Thông tư|MISMATCH|Thông tư liên tịch",
            "104/2016/QH13|Luật|MATCH|Luật",
            "45/2019/QH14|Bộ luật|MATCH|Luật",
            "104/2016/QH13|Nghị quyết|MATCH|Luật",
            "104/2016/QH13|Nghị định|MISMATCH|Luật",
            "01/2012/UBTVQH13|Pháp lệnh|MATCH|Pháp lệnh",
            "7740/UBND-VX|Công văn|MATCH|Công văn",
            "7740/UBND-VX|Quyết định|MISMATCH|Công văn",
            "4591/TB-VPUBND|Thông báo|MATCH|Thông báo",
            "4591/TB-VPUBND|Công văn|MISMATCH|Thông báo",
            "690-TB/VPTƯ|Thông báo|MATCH|Thông báo",
            "15-TT/TU|Thông tri|MATCH|Thông tri",
            "15-TT/TU|Thông tư|MISMATCH|Thông tri",
            "123/UBND|Công văn|UNKNOWN|-",
            "123/UBND|Quyết định|UNKNOWN|-",
            "06/CT-UBND|-|UNKNOWN|Chỉ thị",
            "06/CT-UBND|'  '|UNKNOWN|Chỉ thị",
    })
    void checksDeclaredTypeAgainstTheNumber(String number, String declared, TypeCheck.Verdict verdict, String expected) {
        TypeCheck c = DocumentTypes.checkTypeConsistency(DocumentNumber.parse(number).orElseThrow(), declared);
        assertEquals(verdict, c.verdict());
        assertEquals(expected, c.expected().isEmpty() ? null : c.expected().get(0));
        assertEquals(verdict == TypeCheck.Verdict.MISMATCH, c.mismatch());
        assertEquals(verdict == TypeCheck.Verdict.MISMATCH, !c.message().isEmpty());
    }

    @Test
    void mismatchMessageNamesBothTypes() {
        TypeCheck c = DocumentTypes.checkTypeConsistency(DocumentNumber.parse("06/CT-UBND").orElseThrow(), "Quyết định");
        assertEquals("số hiệu 06/CT-UBND là Chỉ thị nhưng loại văn bản ghi là \"Quyết định\"", c.message());
        assertEquals(List.of("Chỉ thị"), c.expected());
    }
}
