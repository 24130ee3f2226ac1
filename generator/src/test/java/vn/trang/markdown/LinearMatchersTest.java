package vn.trang.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The loops that replace flexmark's regular expressions find exactly what the expressions find,
 * in linear time.
 */
class LinearMatchersTest {

    /** flexmark's ThematicBreakParser.PATTERN. */
    private static final Pattern BREAK = Pattern.compile("^(?:(?:\\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})[ \t]*$");

    private static String random(Random r, String[] pieces, int max) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(max);
        for (int i = 0; i < n; i++) {
            sb.append(pieces[r.nextInt(pieces.length)]);
        }
        return sb.toString();
    }

    @Test
    void thematicBreaksAsFlexmarkFindsThem() {
        String[] pieces = {"*", "-", "_", " ", "\t", "a", "=", "\u2028", "\r"};
        Random r = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            String s = random(r, pieces, 9);
            assertEquals(BREAK.matcher(s).matches(), ThematicBreaks.isBreak(s), () -> "\"" + s + "\"");
        }
    }

    private static List<String> regexPrefixes(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = Autolinks.URI_PREFIX.matcher(s);
        while (m.find()) {
            out.add(m.start(1) + "-" + m.end(1));
        }
        return out;
    }

    private static List<String> linearPrefixes(String s) {
        return Autolinks.barePrefixes(s).stream().map(l -> l.getBeginIndex() + "-" + l.getEndIndex()).toList();
    }

    @Test
    void barePrefixesAsFlexmarkFindsThem() {
        String[] pieces = {"http", "://", ":", "/", "a", "Z", "1", "+", ".", "-", "_", " ", "\n", "é", "\u0301", "x://",
                "\u2028", "\t"};
        Random r = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            String s = random(r, pieces, 12);
            assertEquals(regexPrefixes(s), linearPrefixes(s), () -> "\"" + s + "\"");
        }
    }

    @Test
    void barePrefixesInLinearTime() {
        String s = "www." + "a.".repeat(200_000) + " http:// " + "b-".repeat(200_000) + "ftp://";
        List<String> found = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> linearPrefixes(s));
        assertEquals(2, found.size());
    }

    @Test
    void nestingWithinTheLimitIsNotReported() {
        String md = "> a\n> > b\n\n- x\n  - y\n    - z\n\n1. one\n   2. two\n\n* * *\n- - -\n\n```\n>>>>>>>>>>\n```\n";
        assertNull(MarkdownNesting.find(md, 3));
        assertEquals(new MarkdownNesting.TooDeep(2, 5, 3), MarkdownNesting.find("> a\n> > > b\n", 2));
    }
}
