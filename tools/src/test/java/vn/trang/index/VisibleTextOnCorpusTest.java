package vn.trang.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.trang.bench.BenchCorpus;
import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.markdown.MarkdownRenderer;

/**
 * {@link VisibleText} on the benchmark corpus: jsoup's text, character for character, and the one
 * pass answering for nearly every page. It lives with the corpus generator (the product's tests
 * cannot see it) and in the product's package to reach both ways; the other cases are in the
 * generator's VisibleTextTest.
 */
class VisibleTextOnCorpusTest {

    private static final MarkdownRenderer MD = new MarkdownRenderer();

    @Test
    void theBenchmarkCorpusGivesTheSameText() {
        List<String> bodies = new BenchCorpus(400, BenchCorpus.DEFAULT_SEED).markdownBodies();
        int direct = 0;
        for (String markdown : bodies) {
            String html = MD.render(markdown, "/so-a/tin-tuc/", SourcePos.of("x.md"), 1, new Diagnostics());
            String expected = VisibleText.jsoup(html);
            assertEquals(expected, VisibleText.of(html), () -> "HTML:\n" + html);
            String text = VisibleText.direct(html);
            if (text != null) {
                assertEquals(expected, text, () -> "HTML:\n" + html);
                direct++;
            }
        }
        assertTrue(direct >= bodies.size() * 95 / 100, "the pass answered " + direct + " of " + bodies.size());
    }
}
