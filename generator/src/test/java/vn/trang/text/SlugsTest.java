package vn.trang.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Giấy phép xây dựng | giay-phep-xay-dung",
            "Đường Đỗ Đức Dục | duong-do-duc-duc",
            "đê điều | de-dieu",
            "ỦY BAN NHÂN DÂN TỈNH | uy-ban-nhan-dan-tinh",
            "Quyết định 15/2024/QĐ-UBND | quyet-dinh-15-2024-qd-ubnd",
            "Nghị định số 42/2022/NĐ-CP | nghi-dinh-so-42-2022-nd-cp",
            "Thủ tục hành chính mức độ 4 | thu-tuc-hanh-chinh-muc-do-4",
    })
    void foldsVietnameseToAsciiWords(String title, String slug) {
        assertEquals(slug, Slugs.slugify(title));
    }

    @Test
    void everyVowelWithEveryToneFoldsToItsBaseLetter() {
        String[][] groups = {
                {"a", "aàáảãạăằắẳẵặâầấẩẫậ"}, {"e", "eèéẻẽẹêềếểễệ"}, {"i", "iìíỉĩị"},
                {"o", "oòóỏõọôồốổỗộơờớởỡợ"}, {"u", "uùúủũụưừứửữự"}, {"y", "yỳýỷỹỵ"}, {"d", "dđ"},
        };
        for (String[] g : groups) {
            String lower = g[1];
            String upper = lower.toUpperCase(java.util.Locale.ROOT);
            assertEquals(g[0].repeat(lower.length()), Slugs.slugify(lower), lower);
            assertEquals(g[0].repeat(upper.length()), Slugs.slugify(upper), upper);
        }
        assertEquals("d", Slugs.fold("đ"));
        assertEquals("D", Slugs.fold("Đ"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Giấy phép xây dựng", "Tiếng Việt có dấu", "Hướng dẫn đăng ký hộ kinh doanh",
            "Ủy ban nhân dân xã Tiên Du", "Quyết định về việc công bố thủ tục"})
    void decomposedInputGivesTheSameSlugAsComposed(String title) {
        String nfc = Normalizer.normalize(title, Normalizer.Form.NFC);
        String nfd = Normalizer.normalize(title, Normalizer.Form.NFD);
        assertFalse(nfc.equals(nfd), "the test input must really differ in NFD");
        assertEquals(Slugs.slugify(nfc), Slugs.slugify(nfd));
        // Old "VNI-style" typing: base letter, then the tone as a separate combining mark.
        String mixed = nfc.replace("ấ", "â\u0301").replace("ệ", "ê\u0323");
        assertEquals(Slugs.slugify(nfc), Slugs.slugify(mixed));
    }

    @Test
    void punctuationAndSpacesCollapseToSingleDashes() {
        String slug = Slugs.slugify("  Thông báo:  lịch -- tiếp   công dân!!! (đợt 2) … “mới” ");
        assertEquals("thong-bao-lich-tiep-cong-dan-dot-2-moi", slug);
        assertEquals("a-b", Slugs.slugify("a\t\n_b"));
        assertEquals("", Slugs.slugify("!!! … —"));
        assertEquals("", Slugs.slugify("中文"));
    }

    /** The longest run of whole words that fits in {@code max} characters. */
    private static String wordsUpTo(List<String> words, int max) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            int len = sb.length() == 0 ? w.length() : sb.length() + 1 + w.length();
            if (len > max) {
                break;
            }
            if (sb.length() > 0) {
                sb.append('-');
            }
            sb.append(w);
        }
        return sb.toString();
    }

    @Test
    void longTitlesAreCutAtAWordBoundary() {
        String title = "Thủ tục cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II "
                + "và nhà ở riêng lẻ tại đô thị thuộc địa bàn tỉnh Bắc Ninh năm hai nghìn không trăm hai mươi sáu";
        String full = Normalizer.normalize(title, Normalizer.Form.NFC);
        List<String> words = new ArrayList<>(List.of(
                "thu", "tuc", "cap", "giay", "phep", "xay", "dung", "moi", "doi", "voi", "cong", "trinh", "cap",
                "dac", "biet", "cap", "i", "cap", "ii", "va", "nha", "o", "rieng", "le", "tai", "do", "thi"));
        String slug = Slugs.slugify(full);
        assertTrue(slug.length() <= Slugs.MAX_LENGTH, slug);
        assertEquals(wordsUpTo(words, Slugs.MAX_LENGTH), slug);
        assertFalse(slug.endsWith("-"));
    }

    @Test
    void aWordEndingExactlyAtTheLimitIsKept() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            words.add(String.valueOf((char) ('a' + i)).repeat(8));
        }
        // Nine 8-letter words and eight dashes: exactly 80 characters.
        String slug = Slugs.slugify(String.join(" ", words));
        assertEquals(Slugs.MAX_LENGTH, slug.length());
        assertEquals(String.join("-", words.subList(0, 9)), slug);
    }

    @Test
    void aSingleOverlongWordIsCutHard() {
        String slug = Slugs.slugify("x".repeat(200));
        assertEquals("x".repeat(Slugs.MAX_LENGTH), slug);
    }

    @Test
    void slugsAreStableAndIdempotent() {
        String title = "Hội nghị tổng kết công tác năm 2025, triển khai nhiệm vụ năm 2026";
        String first = Slugs.slugify(title);
        for (int i = 0; i < 5; i++) {
            assertEquals(first, Slugs.slugify(title));
        }
        assertEquals(first, Slugs.slugify(first), "a slug is its own slug");
        assertEquals("hoi-nghi-tong-ket-cong-tac-nam-2025-trien-khai-nhiem-vu-nam-2026", first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"giay-phep", "06-ct-ubnd", "a", "2025", "tin-tuc-2"})
    void acceptsLowerCaseAsciiWords(String slug) {
        assertTrue(Slugs.isValid(slug), slug);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Giay-phep", "giay--phep", "-giay", "giay-", "giấy-phép", "giay phep",
            "giay_phep", "giay/phep", "tin-tuc/", "../etc"})
    void rejectsAnythingElse(String slug) {
        assertFalse(Slugs.isValid(slug), slug);
    }

    @Test
    void rejectsOverlongHandWrittenSlugs() {
        assertTrue(Slugs.isValid("a".repeat(120)));
        assertFalse(Slugs.isValid("a".repeat(121)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Giấy phép xây dựng", "  Thông báo: lịch tiếp công dân  ", "ĐẠI HỘI ĐẢNG BỘ",
            "Quyết định 15/2024/QĐ-UBND", "Ăn – ở – đi lại"})
    void everyNonEmptySlugIsValid(String title) {
        String slug = Slugs.slugify(title);
        assertFalse(slug.isEmpty());
        assertTrue(Slugs.isValid(slug), slug);
    }
}
