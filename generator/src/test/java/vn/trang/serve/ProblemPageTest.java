package vn.trang.serve;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A diagnostic quotes the content it is about, and content is untrusted: on the preview's error
 * page it is text, never markup.
 */
class ProblemPageTest {

    @Test
    void quotedContentIsTextNotMarkup() {
        String page = ProblemPage.html("content/xa-a/tin-tuc/a.md:3:1: lỗi: '<script>alert(1)</script>' & \"x\"\n"
                + "    sửa: bỏ dòng đó");
        assertFalse(page.contains("<script>alert"), page);
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;' &amp; &quot;x&quot;\n    sửa:"), page);
    }
}
