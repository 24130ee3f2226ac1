package vn.trang.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Fixture;
import vn.trang.diag.Diagnostics;
import vn.trang.pipeline.BuildResult;

/**
 * A build lists its first warnings on the terminal, counts the others per kind in a
 * summary, and writes every one, with file:line:column, to _reports/canh-bao.txt.
 */
class WarningReportTest {

    @TempDir
    Path tmp;

    @Test
    void warningsBeyondTheLimitAreCountedAndAllInTheReport() throws Exception {
        Fixture f = Fixture.empty(tmp).write("sites/tinh.yml", Fixture.portalYaml());
        for (int i = 1; i <= 3; i++) {
            f.write("content/tinh/tin-tuc/bai-" + i + ".md", Fixture.md("title: Bài " + i + "\ndate: 2025-01-0" + i
                    + "\nsummary: Tóm tắt", "Đoạn một.\n\n<p onclick=\"alert(1)\">Đoạn hai</p>\n\n<script>alert(2)</script>\n"));
        }
        String old = System.getProperty("trang.warnings.keep");
        System.setProperty("trang.warnings.keep", "2");
        BuildResult r;
        try {
            r = f.build();
        } finally {
            if (old == null) {
                System.clearProperty("trang.warnings.keep");
            } else {
                System.setProperty("trang.warnings.keep", old);
            }
        }
        assertTrue(r.ok(), r.summary());
        Diagnostics d = r.diagnostics();
        long warnings = d.warningCount();
        assertTrue(warnings >= 6, r.summary());
        assertEquals(2, d.list().size());
        assertEquals(warnings - 2, d.spilledCount());

        // every warning in the report, each starting with file:line:column
        Path report = f.out().resolve(Diagnostics.REPORT);
        List<String> heads = Files.readAllLines(report).stream().filter(l -> !l.startsWith("    ")).toList();
        assertEquals(warnings, heads.size(), String.join("\n", heads));
        for (String h : heads) {
            assertTrue(h.matches("content/tinh/tin-tuc/bai-[123]\\.md:\\d+:\\d+: cảnh báo: .*"), h);
        }
        assertTrue(heads.stream().anyMatch(h -> h.startsWith("content/tinh/tin-tuc/bai-3.md:")), String.join("\n", heads));

        // the terminal: two listed, then the summary line with the count and the report's place
        StringWriter s = new StringWriter();
        BuildCommand.report(r, new PrintWriter(s));
        String text = s.toString();
        assertEquals(2, text.split(": cảnh báo: ", -1).length - 1, text);
        assertTrue(text.contains("… và " + (warnings - 2) + " cảnh báo khác không in ra, đủ cả trong public/"
                + Diagnostics.REPORT + ":"), text);
        assertTrue(text.contains((warnings) + " cảnh báo"), text);
    }

    @Test
    void aBuildWithFewWarningsListsThemAllAndWritesTheReportToo() throws Exception {
        Fixture f = Fixture.empty(tmp).write("sites/tinh.yml", Fixture.portalYaml())
                .write("content/tinh/tin-tuc/bai.md", Fixture.md("title: Bài\ndate: 2025-01-02\nsummary: Tóm tắt",
                        "<script>alert(2)</script>\n"));
        BuildResult r = f.build();
        assertTrue(r.ok(), r.summary());
        assertEquals(0, r.diagnostics().spilledCount());
        assertEquals(r.diagnostics().warningCount(), r.diagnostics().list().size());
        assertTrue(Files.readString(f.out().resolve(Diagnostics.REPORT)).startsWith("content/tinh/tin-tuc/bai.md:"));
    }
}
