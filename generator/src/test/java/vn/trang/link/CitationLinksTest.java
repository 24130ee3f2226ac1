package vn.trang.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.trang.MarkdownSamples;
import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.legal.Citation;
import vn.trang.markdown.MarkdownRenderer;

/**
 * {@link CitationLinks#direct} links citations exactly as the jsoup way does, byte for
 * byte, with the same resolver calls in the same order: on the demo province's bodies, random
 * Markdown full of citations and hand-written HTML (the benchmark corpus: tools/,
 * CitationLinksOnCorpusTest).
 */
class CitationLinksTest {

    private static final MarkdownRenderer MD = new MarkdownRenderer();

    private static String html(String markdown) {
        return MD.render(markdown, "/so-a/tin-tuc/", SourcePos.of("x.md"), 1, new Diagnostics());
    }

    /** Resolves about two citations in three, to URLs and titles that need escaping; records each call. */
    private static final class Recorder implements CitationLinks.Resolver {
        final List<String> calls = new ArrayList<>();

        @Override
        public CitationLinks.Target resolve(Citation c) {
            String key = c.number().key();
            calls.add(key + "@" + c.offset());
            if (Math.floorMod(key.hashCode(), 3) == 0) {
                return null;
            }
            return new CitationLinks.Target("/so-a/van-ban/" + key.replace('/', '-') + "/?a=1&b=\"2\"",
                    "Quyết định " + c.number() + " & \"x\" <y>");
        }
    }

    /** Both ways agree; returns whether the body was readable (took the direct way) and linked something. */
    private static boolean same(String html) {
        Recorder reference = new Recorder();
        Recorder direct = new Recorder();
        String expected = CitationLinks.jsoup(html, reference);
        String actual = CitationLinks.link(html, direct);
        assertEquals(expected, actual, () -> "HTML:\n" + html);
        assertEquals(reference.calls, direct.calls, () -> "HTML:\n" + html);
        return CitationLinks.readable(html) && actual != null;
    }

    @Test
    void theDemoProvinceIsLinkedTheSame() {
        List<String> bodies = MarkdownSamples.demoBodies();
        int direct = 0;
        for (String b : bodies) {
            direct += same(html(b)) ? 1 : 0;
        }
        assertTrue(direct > 10, "bodies linked the direct way: " + direct + " of " + bodies.size());
    }

    @Test
    void handWrittenHtmlIsLinkedTheSame() {
        List<String> cases = List.of(
                "<p>Theo Quyết định số 12/2020/QĐ-UBND và Chỉ thị 06/CT-UBND.</p>",
                "<p>06/CT-UBND</p>", "<p>a &amp; 06/CT-UBND &lt;b&gt; 07/CT-UBND&nbsp;x</p>",
                "<p><a href=\"/x\">06/CT-UBND</a> và <code>07/CT-UBND</code> và 08/CT-UBND</p>",
                "<ul><li>Nghị định 15/2020/NĐ-CP</li><li><strong>Luật 45/2019/QH14</strong></li></ul>",
                "<table><tr><td>Thông tư 01/2021/TT-BTP</td></tr></table>",
                "<p>06/CT-UBND06/CT-UBND 06/CT-UBND</p>", "<pre>06/CT-UBND</pre> 09/CT-UBND",
                "<p title=\"a &quot; b\">12/2020/QĐ-UBND</p>", "<!-- 06/CT-UBND --><p>06/CT-UBND</p>");
        for (String h : cases) {
            same(h);
        }
        assertNotNull(CitationLinks.link(cases.get(0), new Recorder()));
        assertTrue(CitationLinks.readable(cases.get(2)));
        assertFalse(CitationLinks.readable(cases.get(9)), "comments go the jsoup way");
        assertNull(CitationLinks.link("<p>không có số hiệu</p>", new Recorder()));
    }

    @Test
    void randomMarkdownIsLinkedTheSame() {
        String[] words = {"Quyết định", "số", "12/2020/QĐ-UBND", "06/CT-UBND", "15/2020/NĐ-CP", "45/2019/QH14",
                "01/2021/TT-BTP", "ngày 19/4/2019", "&", "<x>", "\u00a0", "*", "**", "`", "[a](/b)", "[06/CT-UBND](/c)",
                "và", "đ", "-", "1.", ">", "|", "Nghị định", "Luật", "07/KH-UBND,", "(08/BC-UBND)"};
        int direct = 0;
        for (String doc : MarkdownSamples.random(5, 3000, words, 6, 9)) {
            direct += same(html(doc)) ? 1 : 0;
        }
        assertTrue(direct > 500, "bodies linked the direct way: " + direct + " of 3000");
    }
}
