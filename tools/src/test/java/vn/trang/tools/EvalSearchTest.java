package vn.trang.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.index.SearchDocument;
import vn.trang.search.Ranking;
import vn.trang.search.eval.EvalData;
import vn.trang.search.eval.EvalQuery;
import vn.trang.search.eval.Evaluator;
import vn.trang.search.eval.Metrics;
import vn.trang.text.Slugs;

/** {@code trang-tools eval-search} on a tiny corpus, and on the shared ALQAC set when it is there. */
class EvalSearchTest {

    static final Path ALQAC = Path.of(System.getProperty("trang.root", "..")).toAbsolutePath().normalize()
            .resolve("../shared/data/alqac2024").normalize();

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

    private Path corpus() throws Exception {
        Path c = tmp.resolve("corpus.jsonl");
        Files.writeString(c, String.join("\n",
                "{\"id\": \"a\", \"title\": \"Đăng ký kết hôn\", \"text\": \"Hồ sơ đăng ký kết hôn gồm tờ khai.\"}",
                "{\"id\": \"b\", \"title\": \"Đăng ký khai sinh\", \"text\": \"Cha mẹ đăng ký khai sinh cho con.\"}",
                "{\"id\": \"c\", \"title\": \"Cấp giấy phép xây dựng\", \"text\": \"Giấy phép xây dựng nhà ở riêng lẻ.\"}",
                "{\"id\": \"d\", \"title\": \"Hòa giải ở cơ sở\", \"text\": \"Tổ hòa giải ở thôn.\", \"law_id\": \"Luật Hòa giải ở cơ sở\", \"article_id\": \"1\"}",
                ""));
        return c;
    }

    private Path queries() throws Exception {
        Path q = tmp.resolve("queries.jsonl");
        Files.writeString(q, String.join("\n",
                "{\"id\": \"1\", \"text\": \"hồ sơ kết hôn gồm những gì?\", \"relevant_ids\": [\"a\"], \"expert_verified\": true}",
                "{\"id\": \"2\", \"text\": \"khai sinh cho con\", \"relevant_ids\": [\"b\"], \"expert_verified\": false}",
                "{\"id\": \"3\", \"text\": \"xin giấy phép xây dựng nhà\", \"relevant_ids\": [\"c\", \"x\"]}",
                "{\"id\": \"4\", \"text\": \"Điều 1 Luật Hòa giải ở cơ sở\", \"relevant_ids\": [\"d\"]}"));
        return q;
    }

    @Test
    void printsMetricsAndTheSummaryLineLast() throws Exception {
        Run r = run("eval-search", "--corpus", corpus().toString(), "--queries", queries().toString(), "--k", "3");
        assertEquals(0, r.code(), r::err);
        List<String> lines = r.out().strip().lines().toList();
        // Query 3 has a relevant id that is not in the corpus: recall 0.5 there.
        assertEquals("recall@3=0.875 mrr@3=1.000", lines.get(lines.size() - 1), r::out);
        assertTrue(r.out().contains("ndcg@3="), r::out);
    }

    @Test
    void thePlainBaselineAloneOrBesideTheDefault() throws Exception {
        Run plain = run("eval-search", "--corpus", corpus().toString(), "--queries", queries().toString(), "--k", "3",
                "--variant", "bm25-plain");
        assertEquals(0, plain.code(), plain::err);
        assertTrue(plain.out().contains("bm25-plain"), plain::out);
        assertTrue(!plain.out().contains("default"), plain::out);
        Run both = run("eval-search", "--corpus", corpus().toString(), "--queries", queries().toString(), "--k", "3",
                "--baseline");
        assertEquals(0, both.code(), both::err);
        List<String> lines = both.out().strip().lines().toList();
        assertTrue(lines.get(1).startsWith("bm25-plain") && lines.get(2).startsWith("default"), both::out);
        // The last line stays the shipped ranking's, whatever else is printed.
        assertEquals("recall@3=0.875 mrr@3=1.000", lines.get(lines.size() - 1), both::out);
    }

    @Test
    void crossValidationPrintsEveryFoldAndTheMean() throws Exception {
        Run r = run("eval-search", "--corpus", corpus().toString(), "--queries", queries().toString(), "--k", "3",
                "--folds", "2", "--grid", "questionForm=0;bigrams=2");
        assertEquals(0, r.code(), r::err);
        assertTrue(r.out().contains("fold 1 (2): held-out") && r.out().contains("fold 2 (2): held-out"), r::out);
        assertTrue(r.out().contains("whole set: default,bigrams=2"), r::out);
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("cv-mean")), r::out);
        Run bad = run("eval-search", "--corpus", corpus().toString(), "--queries", queries().toString(), "--folds", "1");
        assertEquals(TrangTools.USAGE, bad.code(), bad::out);
    }

    @Test
    void strippedQueriesAndEveryVariant() throws Exception {
        Run r = run("eval-search", "--corpus", corpus().toString(), "--queries", queries().toString(),
                "--strip-diacritics", "--variant", "all");
        assertEquals(0, r.code(), r::err);
        for (Ranking v : Ranking.variants()) {
            assertTrue(r.out().contains(v.name()), v.name());
        }
        assertTrue(r.out().strip().endsWith("mrr@10=1.000"), r::out);
    }

    @Test
    void onlyTheMarkedQueries() throws Exception {
        Run r = run("eval-search", "--corpus", corpus().toString(), "--queries", queries().toString(), "--k", "3",
                "--only", "expert_verified");
        assertEquals(0, r.code(), r::err);
        assertTrue(r.out().contains("1 câu hỏi"), r::out);
        assertTrue(r.out().contains("(1 queries)"), r::out);
        Run none = run("eval-search", "--corpus", corpus().toString(), "--queries", queries().toString(),
                "--only", "nowhere");
        assertEquals(TrangTools.USAGE, none.code());
        assertTrue(none.err().contains("\"nowhere\": true"), none::err);
    }

    @Test
    void badInputIsReportedWithItsLine() throws Exception {
        Path broken = tmp.resolve("broken.jsonl");
        Files.writeString(broken, "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": \n");
        Run r = run("eval-search", "--corpus", broken.toString(), "--queries", queries().toString());
        assertEquals(TrangTools.DATA_ERRORS, r.code());
        assertTrue(r.err().contains("broken.jsonl:2"), r::err);
        assertEquals(TrangTools.USAGE, run("eval-search", "--corpus", "missing.jsonl", "--queries", "q.jsonl").code());
        assertEquals(TrangTools.USAGE, run("eval-search", "--corpus", corpus().toString(), "--queries",
                queries().toString(), "--variant", "nope").code());
    }

    /**
     * The shared ALQAC 2024 set (docs/SEARCH.md): guards the measured quality against regressions.
     * Skipped when ../shared is not there (a plain clone).
     */
    @Test
    void alqacStaysAtItsMeasuredQuality() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(ALQAC.resolve("corpus.jsonl")), "no ../shared/data/alqac2024");
        List<SearchDocument> docs = EvalData.corpus(ALQAC.resolve("corpus.jsonl"));
        List<EvalQuery> qs = EvalData.queries(ALQAC.resolve("queries.jsonl"));
        try (Evaluator eval = new Evaluator(docs, 2)) {
            Metrics given = eval.run(Ranking.DEFAULT, qs, 10);
            Metrics stripped = eval.run(Ranking.DEFAULT, qs.stream().map(q -> q.withText(Slugs.fold(q.text()))).toList(), 10);
            assertTrue(given.recall() >= 0.965 && given.mrr() >= 0.895, given::row);
            assertTrue(stripped.recall() >= 0.96 && stripped.mrr() >= 0.85, stripped::row);
            // The 100 expert-verified questions, as given: the bar (one question is 0.01).
            Metrics verified = eval.run(Ranking.DEFAULT, EvalData.queries(ALQAC.resolve("queries.jsonl"), "expert_verified"), 10);
            assertEquals(100, verified.queries(), verified::row);
            assertTrue(verified.recall() >= 0.98 && verified.mrr() >= 0.90, verified::row);
        }
    }
}
