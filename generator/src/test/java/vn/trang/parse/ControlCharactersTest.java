package vn.trang.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.cli.TrangCommand;
import vn.trang.diag.Diagnostic;
import vn.trang.diag.Diagnostics;
import vn.trang.diag.Severity;
import vn.trang.pipeline.BuildResult;

/**
 * Control characters (NUL, BEL, ESC, C1…) in content are an error at their place, so none reaches
 * a page or a feed; and none is ever printed raw on the terminal.
 */
class ControlCharactersTest {

    private static final String NEWS = "content/so-a/tin-tuc/tin.md";

    @TempDir
    Path tmp;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = Fixture.standard(tmp);
    }

    private Diagnostics fails() {
        BuildResult r = f.build();
        assertFalse(r.ok(), () -> "the build should fail:" + Diags.dump(r.diagnostics()));
        return r.diagnostics();
    }

    private void yamlEscapeIsAnErrorAtTheField(String escape, String named) {
        f.write(NEWS, "---\ntitle: \"Tin" + escape + " nóng\"\ndate: 2025-03-14 08:30\nsummary: Tóm tắt.\n---\nNội dung.\n");
        Diagnostic e = Diags.singleError(fails(), NEWS, 2, 8, "ký tự điều khiển", named);
        assertFalse(e.format().chars().anyMatch(c -> c < 0x20 && c != '\n'), e::format);
    }

    @Test
    void escInAQuotedTitle() {
        yamlEscapeIsAnErrorAtTheField("\\e", "U+001B (ESC)");
    }

    @Test
    void nulInAQuotedTitle() {
        yamlEscapeIsAnErrorAtTheField("\\0", "U+0000 (NUL)");
    }

    @Test
    void belInAQuotedTitle() {
        yamlEscapeIsAnErrorAtTheField("\\a", "U+0007 (BEL)");
    }

    @Test
    void c1ControlInAQuotedTitle() {
        yamlEscapeIsAnErrorAtTheField("\\x85", "U+0085");
    }

    @Test
    void aLoneSurrogateInAQuotedTitle() {
        yamlEscapeIsAnErrorAtTheField("\\uD800", "U+D800");
    }

    @Test
    void escInANestedValueOfASiteFile() {
        f.write("sites/so-a.yml", Fixture.unitYaml("Sở Thử Nghiệm", "department", Fixture.PORTAL, "/so-a/")
                .replace("title: Giám đốc", "title: \"Giám\\e đốc\""));
        Diagnostic e = Diags.singleError(fails(), "sites/so-a.yml", 10, 12, "U+001B");
        assertTrue(e.isError());
    }

    @Test
    void tabsAndEscapedLineFeedsStayAllowed() {
        f.write(NEWS, "---\ntitle: \"Tin\\tnóng\"\ndate: 2025-03-14 08:30\nsummary: \"Dòng một\\nDòng hai\"\n---\nNội\tdung.\n");
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
    }

    @Test
    void aRawControlCharacterInTheBodyIsAnErrorAtItsPlace() {
        f.write(NEWS, "---\ntitle: Tin\ndate: 2025-03-14 08:30\nsummary: Tóm tắt.\n---\nDòng một.\nHai \u001b[31mđỏ\n");
        Diags.singleError(fails(), NEWS, 7, 5, "U+001B (ESC)");
    }

    @Test
    void aNulByteInTheBody() {
        f.write(NEWS, "---\ntitle: Tin\ndate: 2025-03-14 08:30\nsummary: Tóm tắt.\n---\n\u0000\n");
        Diags.singleError(fails(), NEWS, 6, 1, "U+0000 (NUL)");
    }

    @Test
    void aRawControlCharacterInTheFrontMatter() {
        f.write(NEWS, "---\ntitle: Tin \u0007 chuông\ndate: 2025-03-14 08:30\nsummary: Tóm tắt.\n---\nNội dung.\n");
        Diags.singleError(fails(), NEWS, 2, 12, "U+0007 (BEL)");
    }

    @Test
    void aBomAndWindowsLineEndsStillBuild() {
        f.write(NEWS, "\uFEFF---\r\ntitle: Tin\r\ndate: 2025-03-14 08:30\r\nsummary: Tóm tắt.\r\n---\r\nNội dung.\r\n");
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
    }

    @Test
    void diagnosticsNeverPrintControlCharacters() {
        Diagnostic d = new Diagnostic(Severity.ERROR, "content/a\u001b]0;pwned\u0007.md", 1, 2,
                "khóa 'x\u001b[2J' lạ\u202e", "cần\u0000", "sửa\u009b");
        String shown = d.format();
        assertEquals("content/a\\u001B]0;pwned\\u0007.md:1:2: lỗi: khóa 'x\\u001B[2J' lạ\\u202E\n    cần: cần\\u0000"
                + "\n    sửa: sửa\\u009B", shown);
    }

    @Test
    void aFileNamedWithAnEscapeIsShownEscapedOnTheTerminal() {
        String name = "content/so-a/tin-tuc/x\u001b[2J.md";
        f.write(name, "title: không có phần đầu\n");
        StringWriter err = new StringWriter();
        int code = TrangCommand.execute(new String[] {"build", "--root", f.root.toString(), "--no-cache"},
                new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertEquals(TrangCommand.CONTENT_ERRORS, code, err::toString);
        assertTrue(err.toString().contains("x\\u001B[2J.md:1:1: lỗi:"), err::toString);
        assertFalse(err.toString().contains("\u001b"), "no raw ESC on the terminal");
    }
}
