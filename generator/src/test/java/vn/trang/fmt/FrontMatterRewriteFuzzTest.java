package vn.trang.fmt;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;

import vn.trang.diag.Diagnostics;
import vn.trang.editor.CollectionFields;
import vn.trang.load.SourceFile;
import vn.trang.markdown.MarkdownRenderer;
import vn.trang.model.AccessPolicy;
import vn.trang.model.Section;
import vn.trang.model.Site;
import vn.trang.model.SiteKind;
import vn.trang.model.ThemeSettings;
import vn.trang.parse.ContentParser;

/**
 * Any file the parser accepts, whatever its YAML (anchors, aliases, tags, flow and block styles,
 * line ends, letters outside the basic plane): fmt either leaves it alone or writes a file the
 * parser accepts and the editor reads, and a second run changes nothing.
 */
class FrontMatterRewriteFuzzTest {

    private static final ContentParser PARSER = new ContentParser(new MarkdownRenderer());
    private static final Site SITE = new Site("so-a", "Sở Thử Nghiệm", "STN", SiteKind.DEPARTMENT, "tinh", "/so-a/",
            null, "https://tinh.example.vn/so-a/", null, null, null, "Số 5", "0222 1234", null, "vp@so-a.example.vn",
            List.of(), List.of(), ThemeSettings.DEFAULT, "sites/so-a.yml", null, AccessPolicy.NONE);
    /** Never created: attachments are looked for here and not found (their names are still rewritten). */
    private static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "trang-fuzz-absent");

    @FuzzTest(maxDuration = "2m")
    void procedureFile(byte[] input) {
        rewrite(Section.PROCEDURES, input);
    }

    @FuzzTest(maxDuration = "2m")
    void documentFile(byte[] input) {
        rewrite(Section.DOCUMENTS, input);
    }

    private static void rewrite(Section section, byte[] input) {
        String display = "content/so-a/" + section.folder() + "/tep.md";
        SourceFile source = new SourceFile(SITE, section, ROOT.resolve(display), display);
        if (PARSER.parse(source, input, new Diagnostics()).isEmpty()) {
            return; // fmt leaves a file with errors alone
        }
        List<Map<String, Object>> fields = CollectionFields.of(section, List.of());
        FrontMatterRewrite.Outcome once = FrontMatterRewrite.of(source, input, fields, PARSER);
        if (once.text() == null) {
            return;
        }
        Diagnostics d = new Diagnostics();
        assertTrue(PARSER.parse(source, once.text(), d).isPresent() && !d.hasErrors(), d::toString);
        FrontMatterRewrite.Outcome twice = FrontMatterRewrite.of(source, once.text(), fields, PARSER);
        assertNull(twice.text(), "a second run changes nothing");
        assertTrue(twice.findings().isEmpty() && twice.problems().isEmpty(), twice::toString);
    }
}
