package vn.trang.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Warnings beyond the first few are spilled to disk, counted per kind, and all reported. */
class DiagnosticsSpillTest {

    private static List<Diagnostic> sample() {
        List<Diagnostic> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String file = "content/so-a/tin-tuc/bai-" + (i % 7) + ".md";
            boolean dates = i % 3 != 0;
            all.add(new Diagnostic(Severity.WARNING, file, 1 + i % 5, 1 + i % 2,
                    dates ? "số " + i + "/QĐ-UBND được dẫn với ngày khác" : "đã bỏ thẻ <script> số " + i,
                    dates ? "một văn bản chỉ có một ngày ban hành" : "HTML an toàn", "sửa dòng " + i));
        }
        // two at the same position: ordered by message
        all.add(new Diagnostic(Severity.WARNING, "content/so-a/tin-tuc/bai-0.md", 1, 1, "b thứ hai", null, null));
        all.add(new Diagnostic(Severity.WARNING, "content/so-a/tin-tuc/bai-0.md", 1, 1, "a thứ nhất", null, null));
        return all;
    }

    private static String report(Diagnostics d) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        d.writeReport(b);
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void keepsTheFirstInListingOrderSpillsTheRestAndReportsAll() throws Exception {
        List<Diagnostic> all = sample();
        Diagnostics everything = new Diagnostics(1000);
        all.forEach(everything::add);
        List<Diagnostic> sorted = everything.list();
        assertEquals(all.size(), sorted.size());

        for (long seed = 1; seed <= 5; seed++) {
            List<Diagnostic> shuffled = new ArrayList<>(all);
            Collections.shuffle(shuffled, new Random(seed));
            Diagnostics d = new Diagnostics(5);
            // several threads, as parsing adds them
            IntStream.range(0, shuffled.size()).parallel().forEach(i -> d.add(shuffled.get(i)));
            d.error(new SourcePos("content/so-a/van-ban/x.md", 3, 4), "số hiệu trùng", "số hiệu riêng", "sửa số");

            assertEquals(all.size(), d.warningCount());
            assertEquals(1, d.errorCount());
            assertEquals(all.size() - 5, d.spilledCount());
            // the error and the five first warnings in listing order, whatever the arrival order
            List<Diagnostic> listed = d.list();
            assertEquals(6, listed.size());
            List<Diagnostic> expected = new ArrayList<>(sorted.subList(0, 5));
            expected.add(listed.stream().filter(Diagnostic::isError).findFirst().orElseThrow());
            expected.sort(Diagnostics.ORDER);
            assertEquals(expected, listed);

            // counts per kind, of the spilled ones
            int spilledKinds = d.spilledKinds().values().stream().mapToInt(Integer::intValue).sum();
            assertEquals(all.size() - 5, spilledKinds);
            assertTrue(d.spilledKinds().containsKey("một văn bản chỉ có một ngày ban hành"), d.spilledKinds().toString());

            // the report: every diagnostic, sorted, in the terminal's format (file:line:column first)
            String text = report(d);
            StringBuilder want = new StringBuilder();
            List<Diagnostic> withError = new ArrayList<>(sorted);
            withError.add(listed.stream().filter(Diagnostic::isError).findFirst().orElseThrow());
            withError.sort(Diagnostics.ORDER);
            for (Diagnostic x : withError) {
                want.append(x.format()).append(System.lineSeparator());
            }
            assertEquals(want.toString(), text);
            assertTrue(text.contains("content/so-a/tin-tuc/bai-6.md:2:1: cảnh báo: "), text);
            assertTrue(text.indexOf("a thứ nhất") < text.indexOf("b thứ hai"));

            // the terminal's summary: how many, which kinds, where
            String summary = d.spillSummary("public/_reports/canh-bao.txt");
            assertTrue(summary.startsWith("… và " + (all.size() - 5) + " cảnh báo khác không in ra, đủ cả trong public/_reports/canh-bao.txt:"),
                    summary);
            assertTrue(summary.contains(" × một văn bản chỉ có một ngày ban hành"), summary);

            // forEach sees every one, spilled ones read back whole
            List<Diagnostic> seen = new ArrayList<>();
            d.forEach(seen::add);
            seen.sort(Diagnostics.ORDER);
            assertEquals(withError, seen);
            d.discardSpill();
        }
    }

    @Test
    void nothingSpilledBelowTheLimit() throws Exception {
        Diagnostics d = new Diagnostics(1000);
        sample().forEach(d::add);
        assertEquals(0, d.spilledCount());
        assertEquals("", d.spillSummary("x"));
        assertEquals(sample().size(), report(d).split("cảnh báo: ", -1).length - 1);
    }
}
