package vn.trang.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.trang.MarkdownSamples;
import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.markdown.MarkdownRenderer;

/**
 * {@link VisibleText} gives jsoup's {@code text()} of a body, character for character,
 * wherever its one pass answers: on the demo province's bodies, random Markdown and hand-written
 * HTML (the benchmark corpus: tools/, VisibleTextOnCorpusTest); and it declines what it does not
 * know.
 */
class VisibleTextTest {

    private static final MarkdownRenderer MD = new MarkdownRenderer();

    private static String html(String markdown) {
        return MD.render(markdown, "/so-a/tin-tuc/", SourcePos.of("x.md"), 1, new Diagnostics());
    }

    /** Asserts equality where the pass answers; returns whether it did. */
    private static boolean same(String html) {
        String direct = VisibleText.direct(html);
        assertEquals(VisibleText.jsoup(html), VisibleText.of(html), () -> "HTML:\n" + html);
        if (direct == null) {
            return false;
        }
        assertEquals(VisibleText.jsoup(html), direct, () -> "HTML:\n" + html);
        return true;
    }

    @Test
    void theDemoProvinceGivesTheSameText() {
        List<String> bodies = MarkdownSamples.demoBodies();
        int direct = 0;
        for (String b : bodies) {
            direct += same(html(b)) ? 1 : 0;
        }
        assertTrue(bodies.size() > 50, "demo content found: " + bodies.size());
        assertTrue(direct * 10 > bodies.size() * 9, "the pass answered " + direct + " of " + bodies.size());
    }

    @Test
    void handWrittenHtmlGivesTheSameText() {
        for (String h : List.of("<p>a</p><p>b</p>", "<p>a<br>b</p>", "<ul><li>x</li><li>y<ul><li>z</li></ul></li></ul>t",
                "<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>",
                "<p>  a \n\t b  </p>", "<p>a&amp;b &lt;c&gt; d&nbsp;&nbsp;e &quot;f&quot; &#39;g&#39;</p>",
                "<p><a href=\"/x?a=1&amp;b=2\" title=\"a > b\">liên kết</a>, <strong>đậm</strong><em>nghiêng</em></p>",
                "<blockquote><p>q</p></blockquote>sau", "<h2 id=\"x\">Tiêu đề</h2>Văn bản<hr>cuối", "", " ",
                "<p><code>a  b</code></p>", "x<br/>y", "<p>a</p>\n<p>b</p>\n", "<div><p>a</p>b</div>c")) {
            same(h);
        }
        assertEquals("a b", VisibleText.direct("<p>a</p><p>b</p>"));
    }

    @Test
    void whatItDoesNotKnowIsLeftToJsoup() {
        for (String h : List.of("<pre>a  b</pre>", "<!-- c -->a", "a&eacute;b", "<img src=x alt=y>z", "a\u200bb",
                "<a href=x><p>b</p></a>", "<P>a</P>", "a<b", "<figure>x</figure>", "a &#x41; b")) {
            assertNull(VisibleText.direct(h), h);
            same(h);
        }
    }

    @Test
    void randomMarkdownGivesTheSameText() {
        String[] words = {"hồ", "sơ", "Đ", "a&b", "<x>", "\"q\"", "'s'", "\u00a0", "*", "_", "**", "`", "\\", "#",
                "[a](/b)", "[c](http://d.vn/e?f=1&g=2 \"t&t\")", "|", "-", "1.", ">", "  ", "ư", "<b>in</b>", "<p>k</p>",
                "&amp;", "&copy;", "06/CT-UBND", "\t"};
        int direct = 0;
        for (String doc : MarkdownSamples.random(11, 3000, words, 8, 7)) {
            direct += same(html(doc)) ? 1 : 0;
        }
        assertTrue(direct > 1500, "the pass answered " + direct + " of 3000");
    }
}
