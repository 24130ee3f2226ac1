package vn.trang.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The analysis chains of docs/DOMAIN.md#vietnamese-text: NFC, folding, tone placement, bigrams, title keys. */
class VietnameseAnalyzersTest {

    private static List<String> tokens(org.apache.lucene.analysis.Analyzer a, String text) {
        return VietnameseAnalyzers.tokens(a, text, 100);
    }

    @Test
    void exactKeepsMarksFoldedDropsThem() {
        assertEquals(List.of("giấy", "phép", "xây", "dựng"), tokens(VietnameseAnalyzers.EXACT, "Giấy  PHÉP xây dựng"));
        assertEquals(List.of("giay", "phep", "xay", "dung"), tokens(VietnameseAnalyzers.FOLDED, "Giấy  PHÉP xây dựng"));
        assertEquals(List.of("dang", "ky", "ket", "hon"), tokens(VietnameseAnalyzers.FOLDED, "Đăng ký kết hôn"));
    }

    @Test
    void decomposedTextAnalysesLikeComposed() {
        String nfc = "Ủy ban nhân dân tỉnh Bắc Ninh hướng dẫn hòa giải ở cơ sở";
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertEquals(tokens(VietnameseAnalyzers.EXACT, nfc), tokens(VietnameseAnalyzers.EXACT, nfd));
        assertEquals(tokens(VietnameseAnalyzers.FOLDED, nfc), tokens(VietnameseAnalyzers.FOLDED, nfd));
    }

    @Test
    void bothTonePlacementsGiveOneExactTerm() {
        assertEquals(tokens(VietnameseAnalyzers.EXACT, "hoà giải, thuỷ lợi, uỷ ban"),
                tokens(VietnameseAnalyzers.EXACT, "hòa giải, thủy lợi, ủy ban"));
    }

    @Test
    void icelandicEthReadsAsDStroke() {
        // Old TCVN3/VNI converters write Đ as Ð (U+00D0).
        assertEquals(List.of("đăng", "ký"), tokens(VietnameseAnalyzers.EXACT, "\u00D0ăng ký"));
        assertEquals(List.of("dang", "ky"), tokens(VietnameseAnalyzers.FOLDED, "\u00D0ăng ký"));
    }

    @Test
    void everyVietnameseLetterFoldsToAscii() {
        String vowels = "aăâeêioôơuưy";
        String[] tones = {"", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"};
        StringBuilder text = new StringBuilder("đ Đ ");
        for (char v : vowels.toCharArray()) {
            for (String tone : tones) {
                String letter = Normalizer.normalize(v + tone, Normalizer.Form.NFC);
                text.append(letter).append(' ').append(letter.toUpperCase()).append(' ');
            }
        }
        for (String t : tokens(VietnameseAnalyzers.FOLDED, text.toString())) {
            assertTrue(t.matches("[a-z]"), () -> "not folded: " + t);
        }
    }

    @Test
    void numbersAndCodesStayTokens() {
        assertEquals(List.of("1.000894"), tokens(VietnameseAnalyzers.FOLDED, "1.000894"));
        // "06" and "6" are one number; zeros that are the number, or part of a decimal, stay.
        assertEquals(List.of("6", "ct", "ubnd"), tokens(VietnameseAnalyzers.FOLDED, "06/CT-UBND"));
        assertEquals(List.of("0", "7", "0.5", "2019", "4", "19"), tokens(VietnameseAnalyzers.EXACT, "0 007 0.5 2019-04-19"));
    }

    @Test
    void bigramsPairAdjacentSyllables() {
        assertEquals(List.of("giay phep", "phep xay", "xay dung"), tokens(VietnameseAnalyzers.FOLDED_BIGRAMS, "giấy phép xây dựng"));
        assertEquals(List.of("giấy phép", "phép xây"), tokens(VietnameseAnalyzers.EXACT_BIGRAMS, "giấy phép xây"));
        assertEquals(List.of(), tokens(VietnameseAnalyzers.FOLDED_BIGRAMS, "một"));
    }

    @Test
    void titleKeyIsTheWholeFoldedTitleWithoutPunctuation() {
        assertEquals("chiem huu su dung dinh doat tai san chung",
                VietnameseAnalyzers.titleKey("Chiếm hữu, sử dụng, định đoạt tài sản chung", 16));
        assertNull(VietnameseAnalyzers.titleKey("một hai ba bốn năm", 4), "too long");
        assertNull(VietnameseAnalyzers.titleKey("  ", 4));
    }
}
