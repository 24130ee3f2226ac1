package vn.trang.legal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.cli.TrangCommand;

/** {@code trang cite} through the real CLI entry point. */
class CiteCommandTest {

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\\R"));
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TrangCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void printsEachNumberOnceInOrderNormalised() throws IOException {
        Path f = write("a.md", """
                Căn cứ Quyết định số 1605/QĐ-TTg ngày 27/8/2010 và Chỉ thị 06/CT–UBND;
                ngày 13/06/2011, tỷ lệ 1/2, ISO 9001:2015, 60 km/h (V/v góp ý).
                Nhắc lại: 1605/QÐ-TTg, Công văn 7740/UBND-VX.
                """);
        Run r = run("cite", f.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("1605/QĐ-TTg", "06/CT-UBND", "7740/UBND-VX"), r.lines());
        assertEquals("", r.err());
    }

    @Test
    void ordersAcrossFilesByFirstAppearance() throws IOException {
        Path a = write("a.txt", "Nghị định 64/2007/NĐ-CP và Thông báo 690-TB/VPTƯ.");
        Path b = write("b.txt", "Luật 104/2016/QH13, Nghị định 64/2007/nđ-cp, Quyết định 2348/QĐ-UBND.");
        Run r = run("cite", a.toString(), b.toString());
        assertEquals(0, r.code());
        assertEquals(List.of("64/2007/NĐ-CP", "690-TB/VPTƯ", "104/2016/QH13", "2348/QĐ-UBND"), r.lines());
    }

    @Test
    void withDatesPrintsTheFirstStatedDateAndWarnsAboutAConflict() throws IOException {
        Path a = write("a.txt", "Quyết định số 1987/QĐ-UBND, về việc...\nQuyết định 1987/QĐ-UBND ngày 31//10/2018;\n"
                + "Quyết định 1605/QĐ-TTg ngày 27/8/2010; Chỉ thị 03/CT-UBND.");
        Path b = write("b.txt", "Quyết định số 1605/QĐ-TTg ngày 6/9/2010.");
        Run r = run("cite", "--with-dates", a.toString(), b.toString());
        assertEquals(0, r.code());
        assertEquals(List.of("1987/QĐ-UBND\t2018-10-31", "1605/QĐ-TTg\t2010-08-27", "03/CT-UBND"), r.lines());
        assertTrue(r.err().contains("1605/QĐ-TTg") && r.err().contains("2010-09-06") && r.err().contains("b.txt:1:"),
                r.err());
    }

    @Test
    void fileWithoutNumbersPrintsNothing() throws IOException {
        Run r = run("cite", write("empty.md", "Ngày 13/06/2011, đạt 46%, phục vụ 24/7.").toString());
        assertEquals(0, r.code());
        assertEquals("", r.out());
    }

    @Test
    void missingFileIsAContentError() throws IOException {
        Path a = write("a.txt", "Chỉ thị 06/CT-UBND.");
        Run r = run("cite", tmp.resolve("khong-co.md").toString(), a.toString());
        assertEquals(TrangCommand.CONTENT_ERRORS, r.code());
        assertTrue(r.err().contains("khong-co.md"), r.err());
        // The files that could be read are still listed.
        assertEquals(List.of("06/CT-UBND"), r.lines());
    }

    @Test
    void nonUtf8FileIsAContentError() throws IOException {
        Path f = tmp.resolve("latin1.txt");
        Files.write(f, new byte[] {'0', '6', '/', 'C', 'T', ' ', (byte) 0xC0, (byte) 0x80});
        Run r = run("cite", f.toString());
        assertEquals(TrangCommand.CONTENT_ERRORS, r.code());
        assertTrue(r.err().contains("UTF-8"), r.err());
    }

    @Test
    void noArgumentsIsAUsageError() {
        Run r = run("cite");
        assertEquals(TrangCommand.USAGE, r.code());
        assertTrue(r.err().contains("FILE"), r.err());
    }

    @Test
    void helpIsVietnamese() {
        Run r = run("cite", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("Cách dùng: trang cite") && r.out().contains("số hiệu văn bản"), r.out());
        assertFalse(r.out().contains("document numbers"), r.out());
    }
}
