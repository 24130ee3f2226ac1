package vn.trang.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.trang.bench.BenchCorpus;

/**
 * {@link DirectHtml} on the benchmark corpus: the same HTML as flexmark and the sanitizer, and the
 * direct path taken for nearly every page, since the benchmark's speed relies on it. It lives
 * with the corpus generator (the product's tests cannot see it) and in the product's package to
 * reach the two paths it compares; the other cases are in the generator's DirectHtmlTest.
 */
class DirectHtmlOnCorpusTest {

    private static final MarkdownRenderer MD = new MarkdownRenderer();
    private static final String FOLDER = "/so-a/tin-tuc/";

    @Test
    void theBenchmarkCorpusRendersTheSameAndTakesTheDirectPath() {
        List<String> bodies = new BenchCorpus(600, BenchCorpus.DEFAULT_SEED).markdownBodies();
        int direct = 0;
        for (String markdown : bodies) {
            String html = MD.direct(markdown, FOLDER);
            if (html != null) {
                assertEquals(MD.fullPath(markdown, FOLDER), html, () -> "Markdown:\n" + markdown);
                direct++;
            }
        }
        assertTrue(direct >= bodies.size() * 95 / 100, "the direct path took " + direct + " of " + bodies.size());
    }
}
