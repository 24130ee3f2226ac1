package vn.trang.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong options are usage errors that name the option, never a Java exception, and nothing is written. */
class TrangToolsTest {

    static final Path REPO = Path.of(System.getProperty("trang.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TrangTools.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static void plainUsageError(Run r, String... words) {
        assertEquals(TrangTools.USAGE, r.code(), r::toString);
        assertFalse(r.err().contains("Exception") || r.err().contains("java.") || r.err().contains("lỗi nội bộ"), r::toString);
        for (String w : words) {
            assertTrue(r.err().contains(w), () -> "cần \"" + w + "\":\n" + r);
        }
    }

    @Test
    void corpusOptionsOutOfRange() {
        Path out = tmp.resolve("b");
        plainUsageError(run("corpus", "--out", out.toString(), "--pages", "10", "--seed", "1e9"), "--seed", "1e9");
        plainUsageError(run("corpus", "--out", out.toString(), "--pages", "10", "--threads", "100000",
                "--root", REPO.toString()), "--threads 100000", "1024");
        plainUsageError(run("corpus", "--out", out.toString(), "--pages", "0", "--root", REPO.toString()), "--pages");
        plainUsageError(run("corpus", "--out", out.toString(), "--pages", "10", "--root", tmp.toString()), "themes");
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void evalSearchRefusesNegativeMisses() throws Exception {
        Path corpus = tmp.resolve("c.jsonl");
        Path queries = tmp.resolve("q.jsonl");
        Files.writeString(corpus, "{\"id\": \"a\", \"title\": \"Giấy phép\", \"text\": \"xây dựng\"}\n");
        Files.writeString(queries, "{\"id\": \"q\", \"text\": \"giấy phép\", \"relevant_ids\": [\"a\"]}\n");
        plainUsageError(run("eval-search", "--corpus", corpus.toString(), "--queries", queries.toString(), "--misses", "-3"),
                "--misses -3");
    }

    @Test
    void noSubcommandListsThem() {
        plainUsageError(run(), "corpus, eval-search");
        Run help = run("--help");
        assertEquals(TrangTools.OK, help.code());
        assertTrue(help.out().contains("corpus") && help.out().contains("eval-search"), help::out);
        Run version = run("corpus", "--version");
        assertEquals(TrangTools.OK, version.code());
        assertTrue(version.out().startsWith("trang-tools "), version::out);
    }
}
