package vn.trang.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.trang.MarkdownSamples;

/**
 * {@link DirectHtml} writes what flexmark's renderer and the sanitizer write, byte for
 * byte, wherever it does not decline — on the demo province and random Markdown made of the
 * constructs it handles, with the characters that need escaping (the benchmark corpus: tools/,
 * DirectHtmlOnCorpusTest).
 */
class DirectHtmlTest {

    private static final MarkdownRenderer MD = new MarkdownRenderer();
    private static final String FOLDER = "/so-a/tin-tuc/";

    /** Asserts equality where the direct path answers; returns whether it did. */
    private static boolean same(String markdown) {
        String direct = MD.direct(markdown, FOLDER);
        if (direct == null) {
            return false;
        }
        assertEquals(MD.fullPath(markdown, FOLDER), direct, () -> "Markdown:\n" + markdown);
        return true;
    }

    @Test
    void theDemoProvinceRendersTheSameEitherWay() {
        List<String> bodies = MarkdownSamples.demoBodies();
        int direct = 0;
        for (String b : bodies) {
            direct += same(b) ? 1 : 0;
        }
        assertTrue(bodies.size() > 50, "demo content found: " + bodies.size());
        assertTrue(direct * 2 > bodies.size(), "the direct path took " + direct + " of " + bodies.size());
    }

    @Test
    void handWrittenCasesRenderTheSame() {
        List<String> cases = List.of(
                "# Tiêu đề *một* `x` & b\n\nĐoạn **đậm** và _nghiêng_, \"ngoặc\" 'đơn' a&b < c > d\u00a0nbsp.\ndòng hai  \ndòng ba\\\ndòng bốn\n",
                "- mục 1\n- mục **2**\n\n1. một\n2. hai\n\n5. năm\n\n- lỏng\n\n- lỏng 2\n",
                "> trích\n> dẫn\n\n---\n\n| A | B | C |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n| x |\n",
                "## Trùng\n\n## Trùng\n\n### \n\n#### Ư ơ đ Đ\n",
                "[liên kết](../a/b.pdf \"tiêu đề\") và [ngoài](https://x.vn/a?b=1&c=2) [thư](mailto:a@b.vn) [gọi](tel:+84123)",
                "Mã `a < b` và ``c ` d`` và `  x  `\n",
                "   - thụt\n     tiếp\n\n3. ba\n4. bốn\n",
                "- a\n  - b\n    - c\n- d\n\n  tiếp\n",
                "1. a\n\n   > q\n\n2. b\n",
                "Tiêu đề\n=======\n\nPhụ\n---\n",
                "a\\*b\\_c \\# \\[x\\]\n",
                "| a |\n|---|\n",
                "*a **b** c*\n\n***x***\n",
                "x\n\n\n\ny\n",
                "");
        for (String c : cases) {
            same(c);
        }
        assertNotNull(MD.direct(cases.get(0), FOLDER));
        assertNotNull(MD.direct(cases.get(2), FOLDER), "tables are written directly");
        assertNotNull(MD.direct(cases.get(4), FOLDER), "plain links are written directly");
    }

    @Test
    void whatItDoesNotKnowIsDeclined() {
        for (String s : List.of("a <b>x</b>", "<div>x</div>", "![ảnh](a.jpg)", "https://x.vn", "a &amp; b",
                "```\ncode\n```", "    code", "[a][r]\n\n[r]: /x", "[a](javascript:alert(1))", "[a](<b c>)",
                "[a](//x.vn)", "a\u0000b", "a\rb", "- [ ] việc", "x [a](/b \"<t>\")")) {
            assertNull(MD.direct(s, FOLDER), s);
            same(s);
        }
    }

    @Test
    void randomMarkdownRendersTheSame() {
        String[] words = {"hồ", "sơ", "Đ", "a&b", "<x>", "\"q\"", "'s'", "\u00a0", "*", "_", "**", "`", "\\", "#",
                "[a](/b)", "[c](http://d.vn/e?f=1&g=2 \"t&t\")", "|", "-", "1.", ">", "  ", "ư", "~", "=", "!", "(", ")"};
        int direct = 0;
        for (String doc : MarkdownSamples.random(7, 4000, words, 8, 7)) {
            direct += same(doc) ? 1 : 0;
        }
        assertTrue(direct > 1000, "the direct path took " + direct + " of 4000");
    }
}
