package vn.trang.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.trang.legal.Citation;
import vn.trang.legal.CitationExtractor;

/** {@code trang cite FILE...}: the document numbers a text cites, one per line. */
@Command(name = "cite", mixinStandardHelpOptions = true,
        description = {"Liệt kê số hiệu văn bản được dẫn trong tệp.",
                "Đọc các tệp văn bản hoặc Markdown, in mỗi số hiệu một dòng, viết chuẩn, theo thứ tự xuất hiện, "
                        + "không lặp."})
final class CiteCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Tệp văn bản hoặc Markdown (UTF-8)")
    List<Path> files;

    @Option(names = "--with-dates", description = "In kèm ngày văn bản nếu câu dẫn có nêu: \"số<TAB>yyyy-MM-dd\"")
    boolean withDates;

    @Spec
    CommandSpec spec;

    /** A number's first appearance, and the first date any appearance states. */
    private record Seen(Citation first, String where, LocalDate date, String dateWhere) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Seen> seen = new LinkedHashMap<>();
        boolean failed = false;
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                err.println("trang cite: không có tệp / no such file: " + file);
                failed = true;
                continue;
            } catch (CharacterCodingException e) {
                err.println("trang cite: tệp không phải UTF-8 / not UTF-8: " + file);
                failed = true;
                continue;
            } catch (IOException e) {
                err.println("trang cite: không đọc được / cannot read " + file + ": " + e.getMessage());
                failed = true;
                continue;
            }
            for (Citation c : CitationExtractor.extract(text)) {
                String where = file + ":" + c.line() + ":" + c.column();
                Seen s = seen.get(c.number().key());
                if (s == null) {
                    seen.put(c.number().key(), new Seen(c, where, c.date(), c.date() == null ? null : where));
                } else if (s.date() == null && c.date() != null) {
                    seen.put(c.number().key(), new Seen(s.first(), s.where(), c.date(), where));
                } else if (withDates && c.date() != null && !c.date().equals(s.date())) {
                    // Real texts cite one decision with two dates (docs/DOMAIN.md#citations); one of them is wrong.
                    err.println("trang cite: " + c.normalized() + " được dẫn với hai ngày khác nhau / cited with two dates: "
                            + s.date() + " (" + s.dateWhere() + "), " + c.date() + " (" + where + ")");
                }
            }
        }
        for (Seen s : seen.values()) {
            String line = s.first().normalized();
            out.println(withDates && s.date() != null ? line + "\t" + s.date() : line);
        }
        out.flush();
        return failed ? TrangCommand.CONTENT_ERRORS : TrangCommand.OK;
    }
}
