package vn.trang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Query cleaning and the small query syntax: never an error, whatever the input. */
class UserQueryTest {

    @Test
    void cleansControlAndFormatCharactersAndNormalises() {
        String nfd = Normalizer.normalize("hòa giải", Normalizer.Form.NFD);
        assertEquals("hòa giải x y z", QueryText.of("  " + nfd + "\u0000x\u202Ey\tz\uD800 ").text());
        assertEquals("", QueryText.of(null).text());
        assertEquals("", QueryText.of("\u0001\u0002  ").text());
    }

    @Test
    void cutsLongQueriesAtAWordBoundary() {
        QueryText q = QueryText.of("giấy phép ".repeat(1000));
        assertTrue(q.truncated());
        assertTrue(q.text().length() <= QueryText.MAX_CHARS);
        assertTrue(q.text().endsWith("phép") || q.text().endsWith("giấy"), q.text());
        QueryText one = QueryText.of("x".repeat(10_000));
        assertEquals(QueryText.MAX_CHARS, one.text().length());
    }

    @Test
    void phrasesExclusionsAndKeys() {
        UserQuery q = UserQuery.parse("\"thủ tục hành chính\" cấp xã -\"phí\" -lệ 06/CT-UBND");
        assertEquals(List.of("thủ tục hành chính"), q.phrases());
        assertEquals(List.of("phí", "lệ"), q.excluded());
        assertEquals("thủ tục hành chính cấp xã 06/CT-UBND", q.text());
        assertEquals(1, q.keys().size());
    }

    @Test
    void luceneSyntaxIsJustText() {
        for (String s : List.of("a AND (b OR", "title:x*", "[1 TO 2]", "~~~", "\\", "\"", "-", "--x", "((((", "/regex/",
                "x^10", "a && b || !c", "*", "?")) {
            UserQuery q = UserQuery.parse(s);
            assertFalse(q.text().isEmpty() && q.phrases().isEmpty() && q.excluded().isEmpty() && !s.isBlank()
                    && s.chars().anyMatch(Character::isLetterOrDigit), s);
        }
        assertEquals(List.of(), UserQuery.parse("\"unclosed phrase").phrases(), "an unclosed quote is not a phrase");
        assertEquals("unclosed phrase", UserQuery.parse("\"unclosed phrase").text());
    }

    @Test
    void numbersStartingWithMinusAreNotExclusions() {
        assertEquals(List.of(), UserQuery.parse("nhiệt độ -5").excluded());
    }
}
