package vn.trang.legal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentNumberTest {

    /** input | normalized | kind | sequence | year | type | issuers (comma-separated) */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "-", ignoreLeadingAndTrailingWhitespace = false, value = {
            "64/2007/NĐ-CP|64/2007/NĐ-CP|LEGAL_WITH_YEAR|64|2007|NĐ|CP",
            "43/2011/NĐ-CP|43/2011/NĐ-CP|LEGAL_WITH_YEAR|43|2011|NĐ|CP",
            "06/2024/QĐ-UBND|06/2024/QĐ-UBND|LEGAL_WITH_YEAR|06|2024|QĐ|UBND",
            "01/2011/TTLT-VPCP-BNV|01/2011/TTLT-VPCP-BNV|LEGAL_WITH_YEAR|01|2011|TTLT|VPCP,BNV",
            "104/2016/QH13|104/2016/QH13|LEGAL_WITH_YEAR|104|2016|-|QH13",
            "104/2016/qh13|104/2016/QH13|LEGAL_WITH_YEAR|104|2016|-|QH13",
            "1605/QĐ-TTg|1605/QĐ-TTg|ADMINISTRATIVE|1605|-|QĐ|TTg",
            "1605/qđ-ttg|1605/QĐ-TTg|ADMINISTRATIVE|1605|-|QĐ|TTg",
            "1605/QD-TTG|1605/QĐ-TTg|ADMINISTRATIVE|1605|-|QĐ|TTg",
            "1605/QÐ-TTg|1605/QĐ-TTg|ADMINISTRATIVE|1605|-|QĐ|TTg",
            "06/CT-UBND|06/CT-UBND|ADMINISTRATIVE|06|-|CT|UBND",
            "06/ct-ubnd|06/CT-UBND|ADMINISTRATIVE|06|-|CT|UBND",
            "06/Ct-Ubnd|06/CT-UBND|ADMINISTRATIVE|06|-|CT|UBND",
            "06/CT–UBND|06/CT-UBND|ADMINISTRATIVE|06|-|CT|UBND",
            "Số: 06/CT-UBND|06/CT-UBND|ADMINISTRATIVE|06|-|CT|UBND",
            "  số hiệu:06/CT-UBND.  |06/CT-UBND|ADMINISTRATIVE|06|-|CT|UBND",
            "số 1605 / QĐ - TTg|1605/QĐ-TTg|ADMINISTRATIVE|1605|-|QĐ|TTg",
            "594/TTr-STTTT|594/TTr-STTTT|ADMINISTRATIVE|594|-|TTr|STTTT",
            "594/ttr-sttttt|594/TTr-STTTTT|ADMINISTRATIVE|594|-|TTr|STTTTT",
            "03/CT-UBND|03/CT-UBND|ADMINISTRATIVE|03|-|CT|UBND",
            "12/QyĐ-UBND|12/QyĐ-UBND|ADMINISTRATIVE|12|-|QyĐ|UBND",
            "12/QYĐ-ubnd|12/QyĐ-UBND|ADMINISTRATIVE|12|-|QyĐ|UBND",
            "05/CTr-UBND|05/CTr-UBND|ADMINISTRATIVE|05|-|CTr|UBND",
            "12/HD-SGDĐT|12/HD-SGDĐT|ADMINISTRATIVE|12|-|HD|SGDĐT",
            "12/HĐ-UBND|12/HĐ-UBND|ADMINISTRATIVE|12|-|HĐ|UBND",
            "4591/TB-VPUBND|4591/TB-VPUBND|ADMINISTRATIVE|4591|-|TB|VPUBND",
            "123/UBND-KTTh|123/UBND-KTTh|OFFICIAL_LETTER|123|-|-|UBND,KTTh",
            "7740/UBND-VX|7740/UBND-VX|OFFICIAL_LETTER|7740|-|-|UBND,VX",
            "7740/ubnd-vx|7740/UBND-VX|OFFICIAL_LETTER|7740|-|-|UBND,VX",
            "2231/SNV-CCHC&PC|2231/SNV-CCHC&PC|OFFICIAL_LETTER|2231|-|-|SNV,CCHC&PC",
            "690-TB/VPTƯ|690-TB/VPTƯ|PARTY|690|-|TB|VPTƯ",
            "690-tb/vptư|690-TB/VPTƯ|PARTY|690|-|TB|VPTƯ",
            "60-NQ/TW|60-NQ/TW|PARTY|60|-|NQ|TW",
            "08-qđi/tw|08-QĐi/TW|PARTY|08|-|QĐi|TW",
    })
    void parsesAndNormalises(String input, String normalized, DocumentNumber.Kind kind, String sequence,
                             Integer year, String type, String issuers) {
        DocumentNumber n = DocumentNumber.parse(input).orElseThrow(() -> new AssertionError("not parsed: " + input));
        assertEquals(normalized, n.normalized());
        assertEquals(kind, n.kind());
        assertEquals(sequence, n.sequence());
        assertEquals(year, n.year());
        assertEquals(type, n.typeAbbreviation());
        assertEquals(Arrays.asList(issuers.split(",")), n.issuers());
        // Normalising is idempotent: the canonical form parses to the same record.
        assertEquals(n, DocumentNumber.parse(n.normalized()).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "abc", "13/06/2011", "31/12/2019", "6/2019", "1/2", "24/7", "V/v",
            "ISO 9001:2015", "km/h", "QĐ-TTg", "1605/", "/QĐ-TTg", "1605/QĐ-", "06/2019", "1605 QĐ-TTg",
            "06/CT UBND"})
    void rejectsWhatIsNotANumber(String input) {
        assertTrue(DocumentNumber.parse(input).isEmpty(), input);
    }

    @Test
    void nullIsNotANumber() {
        assertTrue(DocumentNumber.parse(null).isEmpty());
    }

    @Test
    void decomposedInputParsesLikeComposed() {
        String nfd = Normalizer.normalize("690-TB/VPTƯ", Normalizer.Form.NFD);
        assertNotEquals("690-TB/VPTƯ", nfd, "the test input must really be decomposed");
        DocumentNumber n = DocumentNumber.parse(nfd).orElseThrow();
        assertEquals("690-TB/VPTƯ", n.normalized());
        assertTrue(Normalizer.isNormalized(n.normalized(), Normalizer.Form.NFC));
    }

    @ParameterizedTest(name = "{0} ≡ {1}")
    @CsvSource(delimiter = '|', value = {
            "06/ct-ubnd|06/CT-UBND",
            "6/CT-UBND|06/CT-UBND",
            "1605/qd-ttg|1605/QĐ-TTg",
            "690-TB/VPTU|690-TB/VPTƯ",
            "Số: 64/2007/nđ-cp|64/2007/NĐ-CP",
            "01/2011/ttlt-vpcp-bnv|1/2011/TTLT-VPCP-BNV",
    })
    void keysIgnoreCaseDiacriticsAndLeadingZeros(String a, String b) {
        assertEquals(DocumentNumber.parse(b).orElseThrow().key(), DocumentNumber.parse(a).orElseThrow().key());
    }

    @ParameterizedTest(name = "{0} ≠ {1}")
    @CsvSource(delimiter = '|', value = {
            "06/CT-UBND|06/QĐ-UBND",
            "06/CT-UBND|06/2019/CT-UBND",
            "06/CT-UBND|60/CT-UBND",
            "06/CT-UBND|06/CT-UBND-VP",
            "12/QyĐ-UBND|12/QĐ-UBND",
            "594/TTr-STTTT|594/TT-STTTT",
    })
    void keysStillTellDifferentNumbersApart(String a, String b) {
        assertNotEquals(DocumentNumber.parse(b).orElseThrow().key(), DocumentNumber.parse(a).orElseThrow().key());
    }

    @Test
    void keyIsUpperCaseAscii() {
        assertEquals("1605/QD-TTG", DocumentNumber.parse("1605/QĐ-TTg").orElseThrow().key());
        assertEquals("6/CT-UBND", DocumentNumber.parse("06/CT-UBND").orElseThrow().key());
    }

    @Test
    void typeOfEachKind() {
        assertEquals("Luật", type("104/2016/QH13"));
        assertEquals("Công văn", type("7740/UBND-VX"));
        assertEquals("Chỉ thị", type("06/CT-UBND"));
        assertEquals("Nghị định", type("64/2007/NĐ-CP"));
        assertEquals("Thông báo", type("690-TB/VPTƯ"));
        assertEquals("Thông tri", type("15-TT/TU"), "TT is Thông tri in Party numbers");
        assertEquals("Thông tư", type("15/2020/TT-BTTTT"));
        assertTrue(DocumentNumber.parse("123/UBND").orElseThrow().type().isEmpty(),
                "a bare agency symbol may be a công văn or an old-style number");
        assertTrue(DocumentNumber.parse("104/2016/QH13").orElseThrow().isLaw());
        assertFalse(DocumentNumber.parse("64/2007/NĐ-CP").orElseThrow().isLaw());
    }

    private static String type(String number) {
        return DocumentNumber.parse(number).orElseThrow().type().orElseThrow().name();
    }

    @Test
    void toStringIsTheNormalisedNumber() {
        assertEquals("1605/QĐ-TTg", DocumentNumber.parse("1605/qđ-ttg").orElseThrow().toString());
        assertEquals(List.of("VPCP", "BNV"), DocumentNumber.parse("01/2011/TTLT-VPCP-BNV").orElseThrow().issuers());
    }

    /** The hand-written zero stripping agrees with the pattern it replaces, on every short string. */
    @Test
    void leadingZerosAsThePatternStrippedThem() {
        char[] alphabet = {'0', '1', '9', '.', 'a', '٣'};
        int checked = 0;
        for (int len = 0; len <= 6; len++) {
            int[] digits = new int[len];
            while (true) {
                StringBuilder sb = new StringBuilder();
                for (int d : digits) {
                    sb.append(alphabet[d]);
                }
                String s = sb.toString();
                assertEquals(s.replaceFirst("^0+(?=\\d)", ""), DocumentNumber.withoutLeadingZeros(s), s);
                checked++;
                int k = len - 1;
                while (k >= 0 && ++digits[k] == alphabet.length) {
                    digits[k--] = 0;
                }
                if (k < 0) {
                    break;
                }
            }
        }
        assertEquals(1 + 6 + 36 + 216 + 1296 + 7776 + 46656, checked);
        assertEquals("7", DocumentNumber.withoutLeadingZeros("007"));
        assertEquals("0", DocumentNumber.withoutLeadingZeros("000"));
        assertEquals("0.5", DocumentNumber.withoutLeadingZeros("00.5"));
    }

    /** Found by fuzzing: upper-casing ΐ gives Ι with two combining marks, which is no symbol. */
    @Test
    void aPartWithoutASingleLetterCapitalStaysAsWritten() {
        DocumentNumber n = DocumentNumber.parse("01/h\u0390-s\u1ed1\u0110-U-Bh").orElseThrow();
        assertEquals(n.normalized(), DocumentNumber.parse(n.normalized()).orElseThrow().normalized());
        assertEquals(n.key(), DocumentNumber.parse(n.normalized()).orElseThrow().key());
    }
}
