package vn.trang.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.text.Normalizer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Both accepted tone placements of oa, oe, uy become one; every other syllable is left alone. */
class ToneMarksTest {

    @ParameterizedTest
    @CsvSource({
            "hòa, hoà", "hóa, hoá", "hỏa, hoả", "hõa, hoã", "họa, hoạ",
            "khỏe, khoẻ", "lòe, loè", "thủy, thuỷ", "túy, tuý", "ủy, uỷ", "Ủy, Uỷ", "HÒA, HOÀ", "quỷ, quỷ"})
    void movesTheToneOfOpenDiphthongsToTheSecondVowel(String old, String canonical) {
        assertEquals(canonical, ToneMarks.canonical(old));
        assertEquals(canonical, ToneMarks.canonical(canonical), "already canonical");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hoàng", "toán", "thuyền", "của", "múa", "mía", "hoa", "thuy", "xã", "đường", "quý", "ô",
            "hóan", "huỳnh", "ngoặc", "khuya", "a", "", "1.000894"})
    void leavesOtherSyllablesAlone(String syllable) {
        assertSame(syllable, ToneMarks.canonical(syllable));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hòa", "thủy", "khỏe"})
    void acceptsDecomposedInput(String nfc) {
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertEquals(ToneMarks.canonical(nfc), ToneMarks.canonical(nfd));
    }
}
