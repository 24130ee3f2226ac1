package vn.trang.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

import vn.trang.diag.Diagnostic;
import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.markdown.MarkdownRenderer;

/**
 * Markdown to sanitized HTML, whatever an editor writes: it never throws, what it publishes is
 * safe ({@link SafeHtml}), and every warning points at a line and column of the body.
 */
class MarkdownFuzzTest {

    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();
    private static final String FILE = "content/so-a/tin-tuc/bai.md";

    @FuzzTest(maxDuration = "5m")
    void markdownBecomesSafeHtml(byte[] input) {
        OnContentThread.run(() -> render(input));
    }

    private static void render(byte[] input) {
        String markdown = new String(input, StandardCharsets.UTF_8);
        Diagnostics d = new Diagnostics();
        String html = MARKDOWN.render(markdown, "/so-a/tin-tuc/", SourcePos.of(FILE), 1, d);
        SafeHtml.assertSafe(html, markdown);
        int lines = (int) markdown.chars().filter(c -> c == '\n').count() + 1;
        for (Diagnostic diag : d.list()) {
            assertEquals(FILE, diag.file());
            assertTrue(diag.line() >= 1 && diag.line() <= lines && diag.column() >= 1,
                    () -> "position outside the body (" + lines + " lines): " + diag.format());
        }
    }
}
