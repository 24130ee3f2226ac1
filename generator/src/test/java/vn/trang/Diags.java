package vn.trang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;

import vn.trang.diag.Diagnostic;
import vn.trang.diag.Diagnostics;

/** Assertions on diagnostics: exactly one, at file:line:column, mentioning given words. */
public final class Diags {

    private Diags() {
    }

    public static String dump(Diagnostics d) {
        return dump(d.list());
    }

    public static String dump(List<Diagnostic> list) {
        return list.isEmpty() ? "(không có chẩn đoán)"
                : list.stream().map(Diagnostic::format).collect(Collectors.joining("\n", "\n", "\n"));
    }

    /** The only diagnostic (errors and warnings together); fails when there are none or several. */
    public static Diagnostic single(Diagnostics d) {
        List<Diagnostic> all = d.list();
        if (all.size() != 1) {
            fail("cần đúng một chẩn đoán, có " + all.size() + ":" + dump(all));
        }
        return all.get(0);
    }

    /** The only diagnostic, asserted to be an error at file:line:column whose message has every word. */
    public static Diagnostic singleError(Diagnostics d, String file, int line, int column, String... words) {
        Diagnostic x = single(d);
        assertTrue(x.isError(), () -> "cần lỗi, nhận được: " + x.format());
        assertAt(x, file, line, column);
        assertMentions(x, words);
        return x;
    }

    public static void assertAt(Diagnostic x, String file, int line, int column) {
        assertEquals(file + ":" + line + ":" + column, x.file() + ":" + x.line() + ":" + x.column(),
                () -> "vị trí sai: " + x.format());
    }

    /** Every word appears in the message (case-sensitive). */
    public static void assertMentions(Diagnostic x, String... words) {
        for (String w : words) {
            assertTrue(x.message().contains(w), () -> "thông báo cần có \"" + w + "\": " + x.format());
        }
    }

    /** Every word appears in the message, the expectation or the fix. */
    public static void assertHints(Diagnostic x, String... words) {
        String all = x.message() + "\n" + x.expected() + "\n" + x.fix();
        for (String w : words) {
            assertTrue(all.contains(w), () -> "chẩn đoán cần gợi ý \"" + w + "\": " + x.format());
        }
    }
}
