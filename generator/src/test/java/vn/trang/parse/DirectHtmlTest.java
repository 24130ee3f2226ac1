package vn.trang.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.trang.Fixture;
import vn.trang.bench.BenchCorpus;

/**
 * Issue 7: {@link DirectHtml} writes what flexmark's renderer and the sanitizer write, byte for
 * byte, wherever it does not decline — on the demo province, the benchmark corpus and random
 * Markdown made of the constructs it handles, with the characters that need escaping.
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

    private static String body(String file) {
        if (!file.startsWith("---")) {
            return file;
        }
        int end = file.indexOf("\n---", 3);
        return end < 0 ? file : file.substring(Math.min(file.length(), file.indexOf('\n', end + 1) + 1));
    }

    @Test
    void theDemoProvinceRendersTheSameEitherWay() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Fixture.REPO.resolve("content"))) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        int direct = 0;
        for (Path f : files) {
            direct += same(body(Files.readString(f))) ? 1 : 0;
        }
        assertTrue(files.size() > 50, "demo content found: " + files.size());
        assertTrue(direct * 2 > files.size(), "the direct path took " + direct + " of " + files.size());
    }

    @Test
    void theBenchmarkCorpusRendersTheSameAndTakesTheDirectPath() {
        List<String> bodies = new BenchCorpus(600, BenchCorpus.DEFAULT_SEED).markdownBodies();
        int direct = 0;
        for (String b : bodies) {
            direct += same(b) ? 1 : 0;
        }
        assertTrue(direct >= bodies.size() * 95 / 100, "the direct path took " + direct + " of " + bodies.size());
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
        Random r = new Random(7);
        String[] words = {"hồ", "sơ", "Đ", "a&b", "<x>", "\"q\"", "'s'", "\u00a0", "*", "_", "**", "`", "\\", "#",
                "[a](/b)", "[c](http://d.vn/e?f=1&g=2 \"t&t\")", "|", "-", "1.", ">", "  ", "ư", "~", "=", "!", "(", ")"};
        int direct = 0;
        for (int i = 0; i < 4000; i++) {
            StringBuilder sb = new StringBuilder();
            int lines = 1 + r.nextInt(8);
            for (int l = 0; l < lines; l++) {
                switch (r.nextInt(10)) {
                    case 0 -> sb.append("#".repeat(1 + r.nextInt(6))).append(' ');
                    case 1 -> sb.append("- ");
                    case 2 -> sb.append(1 + r.nextInt(9)).append(". ");
                    case 3 -> sb.append("> ");
                    case 4 -> sb.append("  ".repeat(r.nextInt(3)));
                    case 5 -> sb.append("| ");
                    default -> {
                    }
                }
                int n = r.nextInt(7);
                for (int w = 0; w < n; w++) {
                    sb.append(words[r.nextInt(words.length)]);
                    sb.append(r.nextInt(4) == 0 ? "" : " ");
                }
                if (r.nextInt(6) == 0) {
                    sb.append(r.nextBoolean() ? "\n|---|:-:|" : "\n---");
                }
                sb.append(r.nextInt(3) == 0 ? "\n\n" : "\n");
            }
            direct += same(sb.toString()) ? 1 : 0;
        }
        assertTrue(direct > 1000, "the direct path took " + direct + " of 4000");
    }
}
