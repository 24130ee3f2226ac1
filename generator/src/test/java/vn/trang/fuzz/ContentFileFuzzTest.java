package vn.trang.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.code_intelligence.jazzer.junit.FuzzTest;

import vn.trang.diag.Diagnostic;
import vn.trang.diag.Diagnostics;
import vn.trang.load.SourceFile;
import vn.trang.markdown.MarkdownRenderer;
import vn.trang.model.AccessPolicy;
import vn.trang.model.Item;
import vn.trang.model.Section;
import vn.trang.model.Site;
import vn.trang.model.SiteKind;
import vn.trang.model.ThemeSettings;
import vn.trang.parse.ContentParser;

/**
 * A whole content file as an editor commits it, bytes and all: decoding, front matter, YAML, the
 * section's schema and the body. Whatever the bytes, parsing ends without an exception; every
 * diagnostic names the file and a position inside it and prints no control character; and a
 * body that is published is safe ({@link SafeHtml}) and holds no control character.
 */
class ContentFileFuzzTest {

    private static final ContentParser PARSER = new ContentParser(new MarkdownRenderer());
    private static final Site SITE = new Site("so-a", "Sở Thử Nghiệm", "STN", SiteKind.DEPARTMENT, "tinh", "/so-a/",
            null, "https://tinh.example.vn/so-a/", null, null, null, "Số 5", "0222 1234", null, "vp@so-a.example.vn",
            List.of(), List.of(), ThemeSettings.DEFAULT, "sites/so-a.yml", null, AccessPolicy.NONE);
    /** Never created: attachments a file names are looked for here and not found. */
    private static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "trang-fuzz-absent");

    @FuzzTest(maxDuration = "5m")
    void newsFile(byte[] input) {
        parse(Section.NEWS, input);
    }

    @FuzzTest(maxDuration = "5m")
    void documentFile(byte[] input) {
        parse(Section.DOCUMENTS, input);
    }

    @FuzzTest(maxDuration = "5m")
    void procedureFile(byte[] input) {
        parse(Section.PROCEDURES, input);
    }

    @FuzzTest(maxDuration = "5m")
    void pageFile(byte[] input) {
        parse(Section.PAGES, input);
    }

    private static void parse(Section section, byte[] input) {
        OnContentThread.run(() -> parseOnce(section, input));
    }

    private static void parseOnce(Section section, byte[] input) {
        String display = "content/so-a/" + section.folder() + "/tep.md";
        SourceFile source = new SourceFile(SITE, section, ROOT.resolve(display), display);
        Diagnostics d = new Diagnostics();
        Optional<Item> item = PARSER.parse(source, input, d);
        int lines = lines(input);
        for (Diagnostic diag : d.list()) {
            assertEquals(display, diag.file(), diag::format);
            assertTrue(diag.line() >= 0 && diag.line() <= lines && diag.column() >= 0,
                    () -> "position outside the file (" + lines + " lines): " + diag.format());
            assertPrintable(diag.format());
        }
        if (item.isPresent()) {
            String html = item.get().meta().body().html();
            SafeHtml.assertSafe(html, new String(input, java.nio.charset.StandardCharsets.UTF_8));
            assertPrintable(html);
            assertPrintable(item.get().meta().title());
        }
    }

    /**
     * No control character (but tab and line feed): what reaches a terminal, a page or a feed
     * cannot drive a terminal or break XML.
     */
    private static void assertPrintable(String s) {
        if (s == null) {
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F);
            if (control) {
                throw new AssertionError(String.format("U+%04X at %d in: %s", (int) c, i, SafeHtml.quote(s)));
            }
        }
    }

    /** Lines as an editor's text editor counts them (LF, CRLF or a lone CR end a line), plus one. */
    private static int lines(byte[] input) {
        int n = 1;
        for (int i = 0; i < input.length; i++) {
            if (input[i] == '\n' || (input[i] == '\r' && (i + 1 == input.length || input[i + 1] != '\n'))) {
                n++;
            }
        }
        return n;
    }
}
