package vn.trang.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.diag.Diagnostic;
import vn.trang.pipeline.BuildResult;

/**
 * A broken link is reported at the link itself — its line and the column of its first character —
 * not at the first text of the file that looks like its target: a mention in a sentence, the front
 * matter, or another link with the same text or file name on an earlier line.
 */
class LinkPositionsTest {

    @TempDir
    Path tmp;

    /** The errors of a failed build: "line:column target" for each, by target. */
    private static Map<String, String> errors(Fixture f, String file) {
        BuildResult r = f.build();
        assertFalse(r.ok(), "the build fails");
        Map<String, String> at = new TreeMap<>();
        for (Diagnostic d : r.diagnostics().list()) {
            if (d.isError()) {
                assertEquals(file, d.file(), d::format);
                String target = d.message().replaceFirst("^(liên kết hỏng: |neo #\\S+ không có trong trang )(\\S+).*$", "$2");
                at.put(target, d.line() + ":" + d.column());
            }
        }
        return at;
    }

    @Test
    void eachBrokenLinkOfANewsItemIsPlacedAtItself() {
        Fixture f = Fixture.standard(tmp);
        f.bytes("content/so-a/tin-tuc/phu-luc.pdf", new byte[] {'%', 'P', 'D', 'F'});
        f.write("content/so-a/trang/gioi-thieu.md", Fixture.md("title: Giới thiệu", "## Lịch sử\n\nNội dung.\n"));
        String file = "content/so-a/tin-tuc/a.md";
        f.write(file, String.join("\n",
                "---",                                                                    // 1
                "title: Tin A",                                                           // 2
                "date: 2026-01-02",                                                       // 3
                "summary: Kèm phu-luc.pdf, bang-ke.xlsx và mau-01.docx.",                 // 4
                "---",                                                                    // 5
                "Tệp bao-cao.pdf và trang /so-a/gioi-thieu/#muc-cu sẽ được cập nhật.",     // 6
                "",                                                                       // 7
                "Tải [Phụ lục](phu-luc.pdf), xem [Giới thiệu](/so-a/gioi-thieu/).",        // 8
                "",                                                                       // 9
                "Tải [Phụ lục](../van-ban/phu-luc.pdf) và [báo cáo](bao-cao.pdf).",        // 10
                "",                                                                       // 11
                "Đọc [mục cũ](../gioi-thieu/#muc-cu).",                                   // 12
                "",                                                                       // 13
                "| Giấy tờ | Mẫu |",                                                      // 14
                "|---|---|",                                                              // 15
                "| Bảng kê | [tải](bang-ke.xlsx) |",                                      // 16
                "",                                                                       // 17
                "- Bước 1",                                                               // 18
                "  - Điền [mẫu][m] rồi nộp.",                                             // 19
                "",                                                                       // 20
                "Chữ <a href=\"../trang/khong-co/\">trang</a> cuối.",                       // 21
                "",                                                                       // 22
                "[m]: mau-01.docx",                                                       // 23
                ""));
        Map<String, String> at = errors(f, file);
        assertEquals(Map.of(
                "/so-a/van-ban/phu-luc.pdf", "10:5",
                "/so-a/tin-tuc/bao-cao.pdf", "10:42",
                "/so-a/gioi-thieu/", "12:5",
                "/so-a/tin-tuc/bang-ke.xlsx", "16:13",
                "/so-a/tin-tuc/mau-01.docx", "19:10",
                "/so-a/trang/khong-co/", "21:5"), at, () -> at.toString());
    }

    @Test
    void aBrokenLinkInAProcedureStepIsPlacedAtItsLine() {
        Fixture f = Fixture.standard(tmp);
        String file = "content/so-a/thu-tuc/tt.md";
        f.procedure("so-a", "tt", "Cấp phép thử", "1.000001",
                "conditions: Có mau-02.docx đã điền.",
                "steps:",
                "  - \"Tải [mẫu](mau-02.docx) về, điền rồi nộp.\"");
        List<String> lines = Fixture.read(f.path(file)).lines().toList();
        int step = lines.indexOf("  - \"Tải [mẫu](mau-02.docx) về, điền rồi nộp.\"") + 1;
        Map<String, String> at = errors(f, file);
        assertEquals(Map.of("/so-a/thu-tuc/mau-02.docx", step + ":10"), at, () -> at + Diags.dump(List.of()));
    }
}
