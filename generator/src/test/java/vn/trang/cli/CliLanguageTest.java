package vn.trang.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import picocli.CommandLine;
import vn.trang.Fixture;
import vn.trang.cli.CliTest.Run;

/**
 * The command line speaks Vietnamese: help, usage errors and the version, with none of picocli's
 * own English words left, and every command's summary a whole sentence in {@code trang --help}.
 */
class CliLanguageTest {

    /** Picocli's built-in English, as it would print it: none of it may reach the user. */
    private static final List<String> PICOCLI_ENGLISH = List.of("Usage:", "Commands:", "Options:", "Parameters:",
            "Show this help message", "Print version information", "Display help information",
            "Show usage help for the help command", "The COMMAND to display", "Unknown option", "Unknown subcommand",
            "Unmatched argument", "Missing required", "Expected parameter", "Did you mean", "Possible solutions",
            "Invalid value", "should be specified only once", "Default:", "Exception");

    private static Run run(String... args) {
        return CliTest.run(args);
    }

    private static void noPicocliEnglish(Run r) {
        for (String english : PICOCLI_ENGLISH) {
            assertFalse(r.out().contains(english) || r.err().contains(english), () -> "\"" + english + "\":\n" + r);
        }
    }

    private static Map<String, CommandLine> subcommands() {
        return TrangCommand.commandLine(new String[0]).getSubcommands();
    }

    // --- help --------------------------------------------------------------------------------

    @Test
    void topLevelHelpIsVietnamese() {
        Run r = run("--help");
        assertEquals(TrangCommand.OK, r.code(), r::toString);
        for (String heading : List.of("Cách dùng: trang", "Tùy chọn:", "Lệnh:", "Mã thoát:", "In hướng dẫn này rồi thoát.",
                "In phiên bản và commit của Trang rồi thoát.", "In hướng dẫn của một lệnh.")) {
            assertTrue(r.out().contains(heading), () -> "cần \"" + heading + "\":\n" + r);
        }
        noPicocliEnglish(r);
    }

    @Test
    void everySubcommandsHelpIsVietnamese() {
        for (String sub : subcommands().keySet()) {
            for (Run r : List.of(run(sub, "--help"), run("help", sub))) {
                assertEquals(TrangCommand.OK, r.code(), () -> sub + ": " + r);
                assertTrue(r.out().lines().anyMatch(l -> l.startsWith("Cách dùng: trang " + sub)), () -> sub + ": " + r);
                assertTrue(r.out().contains("\nTùy chọn:\n"), () -> sub + ": " + r);
                assertTrue(r.out().contains("In hướng dẫn"), () -> sub + ": " + r);
                noPicocliEnglish(r);
            }
        }
    }

    @Test
    void helpOfTheHelpCommandIsVietnamese() {
        Run r = run("help", "--help");
        assertEquals(TrangCommand.OK, r.code(), r::toString);
        assertTrue(r.out().contains("Lệnh cần xem hướng dẫn"), r::toString);
        noPicocliEnglish(r);
    }

    /**
     * {@code trang --help} lists each command with the first line of its description: a whole
     * sentence on one line, never a phrase cut where the description's first source line ended.
     */
    @Test
    void everySummaryIsAWholeSentenceOnOneLine() {
        List<String> help = run("--help").out().lines().toList();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : subcommands().entrySet()) {
            CommandLine.Model.UsageMessageSpec usage = e.getValue().getCommandSpec().usageMessage();
            String[] source = usage.header().length > 0 ? usage.header() : usage.description();
            String summary = source.length == 0 ? "" : source[0];
            if (!summary.endsWith(".") || summary.endsWith("..")) {
                problems.add(e.getKey() + ": not a whole sentence: \"" + summary + "\"");
            }
            Pattern row = Pattern.compile("^  " + Pattern.quote(e.getKey()) + " +(\\S.*)$");
            int at = -1;
            for (int i = 0; i < help.size() && at < 0; i++) {
                if (row.matcher(help.get(i)).matches()) {
                    at = i;
                }
            }
            if (at < 0) {
                problems.add(e.getKey() + ": not listed");
                continue;
            }
            Matcher m = row.matcher(help.get(at));
            assertTrue(m.matches());
            boolean continued = at + 1 < help.size() && help.get(at + 1).startsWith("   ");
            if (!m.group(1).equals(summary) || continued) {
                problems.add(e.getKey() + ": the list shows \"" + m.group(1) + "\"" + (continued ? " and wraps" : "")
                        + ", the summary is \"" + summary + "\"");
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems) + "\n" + String.join("\n", help));
    }

    // --- usage errors ------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "build,--khong-co | không có tùy chọn '--khong-co' | trang build --help",
            "build,--no-cach | Có phải ý bạn là: --now, --no-cache? | trang build --help",
            "xay-dung | không có lệnh 'xay-dung' | trang --help",
            "buil | Có phải ý bạn là: trang build? | trang --help",
            "help,khong-co | không có lệnh 'khong-co' | trang --help",
            "cite | thiếu tham số bắt buộc FILE | trang cite --help",
            "new,tin-tuc | thiếu tùy chọn bắt buộc --site=ID | trang new --help",
            "new,tin-tuc,--site,so-a | thiếu tham số bắt buộc TITLE | trang new --help",
            "new | thiếu tham số bắt buộc TYPE, TITLE | trang new --help",
            "build,--out | tùy chọn --out cần một giá trị DIR | trang build --help",
            "build,--site,a,--site,b | --site: chỉ được nêu một lần | trang build --help",
            "build,--no-cache=co | --no-cache: 'co' không phải true hoặc false | trang build --help",
            "cite,a.md,--with-dates,--with-dates | --with-dates: chỉ được nêu một lần | trang cite --help"})
    void usageErrorsSayWhatIsWrongInVietnamese(String args, String message, String hint) {
        Run r = run(args.split(","));
        assertEquals(TrangCommand.USAGE, r.code(), r::toString);
        assertTrue(r.err().contains(message), () -> "cần \"" + message + "\":\n" + r);
        assertTrue(r.err().contains("Xem hướng dẫn: " + hint), r::toString);
        // one line that matters, not the whole usage help after it
        assertFalse(r.err().contains("Cách dùng:"), r::toString);
        noPicocliEnglish(r);
    }

    @Test
    void trangAloneSaysACommandIsMissingAndListsThem() {
        Run r = run();
        assertEquals(TrangCommand.USAGE, r.code(), r::toString);
        assertTrue(r.err().startsWith("trang: thiếu lệnh con"), r::toString);
        assertTrue(r.err().contains("Cách dùng: trang") && r.err().contains("Lệnh:"), r::toString);
        noPicocliEnglish(r);
    }

    // --- version -----------------------------------------------------------------------------

    /** The version Maven built these classes with, and the commit of the checkout they came from. */
    @Test
    void versionIsTheProjectVersionAndTheCommit() throws Exception {
        Run r = run("--version");
        assertEquals(TrangCommand.OK, r.code(), r::toString);
        List<String> lines = r.out().lines().toList();
        String expected = System.getProperty("trang.version");
        assertNotNull(expected, "surefire passes the project version as trang.version");
        assertTrue(lines.get(0).startsWith("trang " + expected + " (commit "), r::toString);
        assertTrue(lines.get(1).startsWith("Java " + System.getProperty("java.version")), r::toString);
        noPicocliEnglish(r);

        String head = git("rev-parse", "HEAD");
        Assumptions.assumeTrue(head != null, "not built from a Git checkout: the commit is unknown, as tested below");
        Matcher m = Pattern.compile("\\(commit ([0-9a-f]{7,40}), \\d{4}-\\d{2}-\\d{2}").matcher(lines.get(0));
        assertTrue(m.find(), r::toString);
        assertTrue(head.startsWith(m.group(1)), () -> "HEAD " + head + "\n" + r);
    }

    @Test
    void everySubcommandsVersionIsTrangsVersion() {
        Run trang = run("--version");
        for (String sub : subcommands().keySet()) {
            if (!sub.equals("help")) {
                Run r = run(sub, "--version");
                assertEquals(TrangCommand.OK, r.code(), () -> sub + ": " + r);
                assertEquals(trang.out(), r.out(), () -> sub + ": " + r);
            }
        }
    }

    @Test
    void versionOutsideGitSaysTheCommitIsUnknown() {
        Properties p = new Properties();
        p.setProperty("version", "0.1.0");
        // what Maven's resource filtering leaves when the Git profile did not run (a source archive)
        p.setProperty("commit", "${git.commit.id.abbrev}");
        p.setProperty("commit.date", "${git.commit.time}");
        p.setProperty("dirty", "${git.dirty}");
        assertEquals("trang 0.1.0 (commit không rõ / unknown commit)", TrangVersion.Info.of(p).line());
        assertEquals("trang (phiên bản không rõ / unknown version) (commit không rõ / unknown commit)",
                TrangVersion.Info.of(new Properties()).line());
    }

    @Test
    void versionNamesTheCommitItsDateAndUncommittedChanges() {
        Properties p = new Properties();
        p.setProperty("version", "1.2.0");
        p.setProperty("commit", "762d6fb");
        p.setProperty("commit.date", "2026-12-07");
        p.setProperty("dirty", "false");
        assertEquals("trang 1.2.0 (commit 762d6fb, 2026-12-07)", TrangVersion.Info.of(p).line());
        p.setProperty("dirty", "true");
        assertEquals("trang 1.2.0 (commit 762d6fb, 2026-12-07, có sửa đổi chưa commit / uncommitted changes)",
                TrangVersion.Info.of(p).line());
    }

    /** Git's answer in the repository the tests run from, or null without Git or a checkout. */
    private static String git(String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", Fixture.REPO.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        }
    }
}
