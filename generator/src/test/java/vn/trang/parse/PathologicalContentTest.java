package vn.trang.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.cli.TrangCommand;
import vn.trang.diag.Diagnostic;
import vn.trang.markdown.MarkdownRenderer;
import vn.trang.pipeline.BuildResult;

/**
 * Inputs made to break the parsers (deep nesting, long runs, quadratic patterns), each generated
 * here: the build ends with one error naming the file, or with the right output; never a stack
 * overflow (exit 3) or a build that does not end. Each build runs under a generous wall-clock
 * guard (the machine may be busy); the per-file budget itself is CPU time.
 */
class PathologicalContentTest {

    private static final String NEWS = "content/so-a/tin-tuc/tin.md";
    private static final String FRONT = "---\ntitle: Tin thử\ndate: 2025-03-14 08:30\nsummary: Tóm tắt.\n";
    /** Far above what a file may take (2 s of CPU), far below "never ends". */
    private static final Duration GUARD = Duration.ofSeconds(120);

    @TempDir
    Path tmp;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = Fixture.standard(tmp);
    }

    private BuildResult build() {
        return assertTimeoutPreemptively(GUARD, () -> f.build());
    }

    /** The build fails with exactly one error, in {@code file}, whose message has {@code words}. */
    private Diagnostic failsWithOneError(String file, String... words) {
        BuildResult r = build();
        assertFalse(r.ok(), () -> "the build should fail:" + Diags.dump(r.diagnostics()));
        assertEquals(1, r.diagnostics().errorCount(), () -> Diags.dump(r.diagnostics()));
        Diagnostic e = r.diagnostics().list().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
        assertEquals(file, e.file(), e::format);
        Diags.assertMentions(e, words);
        return e;
    }

    private BuildResult builds() {
        BuildResult r = build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        return r;
    }

    private String newsPage() {
        return Fixture.read(f.out().resolve("so-a/tin-tuc/tin-thu/index.html"));
    }

    // --- YAML ---------------------------------------------------------------------------------

    @Test
    void deeplyNestedFlowCollectionsInFrontMatter() {
        f.write(NEWS, FRONT + "tags: " + "[".repeat(5000) + "]".repeat(5000) + "\n---\nNội dung.\n");
        Diagnostic e = failsWithOneError(NEWS, "YAML lồng nhau quá 32 tầng");
        assertEquals(5, e.line(), e::format);
    }

    @Test
    void deeplyNestedBlockMappingsInFrontMatter() {
        StringBuilder yaml = new StringBuilder("x:\n");
        for (int i = 1; i <= 2000; i++) {
            yaml.append(" ".repeat(i)).append("a:\n");
        }
        f.write(NEWS, FRONT + yaml + "---\nNội dung.\n");
        Diagnostic e = failsWithOneError(NEWS, "YAML lồng nhau");
        assertTrue(e.line() > 5 && e.line() < 50, e::format);
    }

    @Test
    void deeplyNestedSiteFile() {
        f.write("sites/so-a.yml", Fixture.unitYaml("Sở Thử Nghiệm", "department", Fixture.PORTAL, "/so-a/")
                + "extra: " + "{a: ".repeat(3000) + "1" + "}".repeat(3000) + "\n");
        failsWithOneError("sites/so-a.yml", "YAML lồng nhau");
    }

    @Test
    void billionLaughsAreRefused() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]\n");
        }
        f.write(NEWS, FRONT + yaml + "---\nNội dung.\n");
        failsWithOneError(NEWS, "YAML");
    }

    @Test
    void aHugeScalarIsReadInLinearTime() {
        // 2 MB in one value: the reader used to copy its buffer again for every 1,024 characters
        f.write(NEWS, FRONT.replace("summary: Tóm tắt.", "summary: " + "ă".repeat(2_000_000)) + "---\nNội dung.\n");
        builds();
    }

    // --- Markdown -----------------------------------------------------------------------------

    @Test
    void deeplyNestedLists() {
        StringBuilder md = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            md.append("  ".repeat(i)).append("- mục\n");
        }
        f.write(NEWS, FRONT + "---\n" + md);
        // line 6 is the body's first; the 33rd item opens past the limit, indented 64 spaces
        Diagnostic e = failsWithOneError(NEWS, "lồng nhau quá 32 tầng");
        Diags.assertAt(e, NEWS, 6 + 32, 65);
    }

    @Test
    void deeplyNestedBlockQuotes() {
        f.write(NEWS, FRONT + "---\n" + ">".repeat(20_000) + " trích\n");
        Diags.assertAt(failsWithOneError(NEWS, "lồng nhau quá 32 tầng"), NEWS, 6, 33);
    }

    @Test
    void quotesAndListsNestedOnOneLine() {
        f.write(NEWS, FRONT + "---\n" + "> - ".repeat(3000) + "a\n");
        failsWithOneError(NEWS, "lồng nhau quá 32 tầng");
    }

    @Test
    void realNestingWithinTheLimitBuilds() {
        StringBuilder md = new StringBuilder("> trích dẫn\n>\n> > lồng\n\n");
        for (int i = 0; i < 10; i++) {
            md.append("  ".repeat(i)).append("- mục ").append(i).append('\n');
        }
        md.append("\n```\n").append(">".repeat(200)).append(" code, not quotes\n```\n");
        f.write(NEWS, FRONT + "---\n" + md);
        builds();
        String html = newsPage();
        assertTrue(html.contains("mục 9"), html);
        assertTrue(html.contains("&gt;&gt;&gt;"), "the fenced code is kept as text");
    }

    @Test
    void aThematicBreakOfThousandsOfCharacters() {
        String body = "Trên\n\n" + "-".repeat(5000) + "\n\n" + "* ".repeat(3000) + "\n\nDưới\n";
        f.write(NEWS, FRONT + "---\n" + body);
        builds();
        String html = new MarkdownRenderer().render(body, "/", vn.trang.diag.SourcePos.of(NEWS), 6,
                new vn.trang.diag.Diagnostics());
        assertEquals("<p>Trên</p>\n<hr>\n<hr>\n<p>Dưới</p>\n", html.replace(" />", ">").replace("<hr/>", "<hr>"));
    }

    @Test
    void anAutolinkCandidateOfTensOfThousandsOfDots() {
        // quadratic in flexmark's bare-URL expression: 80 KB took 30 s
        f.write(NEWS, FRONT + "---\nwww." + "a.".repeat(40_000) + "\n\nhttp://" + "b.".repeat(40_000) + "\n");
        builds();
        assertTrue(newsPage().contains("href=\"http://www.a.a.a."), "the address is still a link");
    }

    @Test
    void deeplyNestedEmphasis() {
        StringBuilder md = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            md.append("*a").append("*".repeat(i));
        }
        f.write(NEWS, FRONT + "---\n" + md + "\n");
        assertEquals(6, failsWithOneError(NEWS, "lồng nhau quá sâu").line());
    }

    @Test
    void deeplyNestedRawHtml() {
        f.write(NEWS, FRONT + "---\n<div>\n" + "<span>".repeat(20_000) + "x" + "</span>".repeat(20_000) + "\n</div>\n");
        failsWithOneError(NEWS, "thẻ HTML lồng nhau quá 64 tầng");
    }

    @Test
    void thousandsOfUnclosedInlineTags() {
        f.write(NEWS, FRONT + "---\n" + "<b>".repeat(1000) + "x\n");
        Diags.assertAt(failsWithOneError(NEWS, "thẻ HTML lồng nhau"), NEWS, 6, 64 * 3 + 1);
    }

    @Test
    void nestedBracketsAndLongLinesEndCleanly() {
        f.write(NEWS, FRONT + "---\n" + "[".repeat(50_000) + "a" + "]".repeat(50_000) + "\n\n"
                + "chữ ".repeat(100_000) + "\n\n" + "`".repeat(50_000) + "a\n");
        endsCleanly();
    }

    /** Quadratic in flexmark itself: the build ends, by the budget or with the page. */
    @Test
    void quadraticInlinePatternsEndCleanly() {
        f.write(NEWS, FRONT + "---\n" + "&amp;".repeat(50_000) + "\n\n" + "[a](b ".repeat(20_000) + "\n");
        endsCleanly();
    }

    @Test
    void thousandsOfReferenceDefinitionsEndCleanly() {
        StringBuilder md = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            md.append("[r").append(i).append("]: /u").append(i).append('\n');
        }
        for (int i = 0; i < 20_000; i++) {
            md.append("[r").append(i).append("] ");
        }
        f.write(NEWS, FRONT + "---\n" + md + "\n");
        endsCleanly();
    }

    /** Either the page, or the budget's one error naming the file. */
    private void endsCleanly() {
        BuildResult r = build();
        if (!r.ok()) {
            assertEquals(1, r.diagnostics().errorCount(), () -> Diags.dump(r.diagnostics()));
            Diagnostic e = r.diagnostics().list().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
            Diags.assertAt(e, NEWS, 1, 1);
            Diags.assertMentions(e, "quá 2 giây");
        }
    }

    @Test
    void theBudgetStopsAFileThatRunsTooLong() {
        // the build's parser, with a budget a quadratic input cannot meet
        ContentParser parser = new ContentParser(new MarkdownRenderer(), vn.trang.model.Body::of, 50);
        vn.trang.diag.Diagnostics d = new vn.trang.diag.Diagnostics();
        vn.trang.model.Site site = new vn.trang.load.SiteRegistryLoader()
                .load(f.path("sites"), f.root, new vn.trang.diag.Diagnostics()).orElseThrow().byId(Fixture.DEPT).orElseThrow();
        vn.trang.load.SourceFile source = new vn.trang.load.SourceFile(site, vn.trang.model.Section.NEWS, f.path(NEWS), NEWS);
        String text = FRONT + "---\n" + "&amp;".repeat(200_000) + "\n";
        assertTimeoutPreemptively(GUARD, () -> parser.parse(source, text, d));
        Diagnostic e = Diags.singleError(d, NEWS, 1, 1, "quá 50 ms");
        Diags.assertHints(e, "chia thành nhiều tệp");
    }

    // --- exit codes -----------------------------------------------------------------------------

    @Test
    void theCommandLineExitsWithContentErrorsNotAnInternalError() {
        f.write(NEWS, FRONT + "---\n" + ">".repeat(20_000) + " trích\n");
        StringWriter err = new StringWriter();
        int code = assertTimeoutPreemptively(GUARD, () -> TrangCommand.execute(new String[] {"build", "--root",
                f.root.toString(), "--no-cache"}, new PrintWriter(new StringWriter()), new PrintWriter(err, true)));
        assertEquals(1, code, err::toString);
        assertTrue(err.toString().contains(NEWS + ":6:33: lỗi:"), err::toString);
        assertFalse(err.toString().contains("StackOverflowError"), err::toString);
    }
}
