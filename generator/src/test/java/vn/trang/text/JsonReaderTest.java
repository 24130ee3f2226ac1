package vn.trang.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The reader reads back what {@link Json} writes, and refuses what is not JSON with a column. */
class JsonReaderTest {

    @Test
    void readsBackWhatJsonWrites() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("số", "06/CT-UBND");
        m.put("dòng", "a\"b\\c\nd\té \u0001");
        m.put("n", 42L);
        m.put("x", 1.5);
        m.put("có", true);
        m.put("không", null);
        m.put("danh sách", List.of(1L, "hai", List.of()));
        assertEquals(m, JsonReader.object(Json.write(m)));
    }

    @Test
    void numbersAreLongsOrDoubles() {
        assertEquals(-7L, JsonReader.parse(" -7 "));
        assertEquals(2.5e3, JsonReader.parse("2.5e3"));
        assertNull(JsonReader.parse("null"));
    }

    @Test
    void errorsNameTheColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("{\"a\": 1,}"));
        assertTrue(e.getMessage().contains("cột 9"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("{\"a\": 1} x"));
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("\"không đóng"));
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("\"a\u0001b\""));
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("\"\\x\""));
        assertThrows(IllegalArgumentException.class, () -> JsonReader.object("[1]"));
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse(""));
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonReader.parse(deep));
        assertTrue(e.getMessage().contains("sâu"), e.getMessage());
    }
}
