package vn.trang.search.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import vn.trang.index.SearchDocument;
import vn.trang.search.Ranking;

/**
 * The national service-query set (national-service-queries.tsv, written before tuning): over the
 * 2,642 national procedures mixed with ALQAC's 2,249 legal articles (so a procedure must beat the
 * law that governs it), the share of queries whose procedure comes first, and MRR@10, with the
 * service clause and without. Skips without ../shared/data.
 * <pre>mvn -o -q test -pl tools -am -Dtest=NationalServiceQueriesTest -Dsurefire.failIfNoSpecifiedTests=false [-Dtrang.shared=DIR]</pre>
 */
class NationalServiceQueriesTest {

    /** ../shared/data beside the checkout, or -Dtrang.shared=DIR (a git worktree sits one level deeper). */
    static final Path DATA = Path.of(System.getProperty("trang.shared",
            Path.of(System.getProperty("trang.root", "..")).toAbsolutePath().resolve("../shared/data").toString()))
            .toAbsolutePath().normalize();

    @Test
    void sameNameIgnoresLevelAndForm() {
        assertEquals("cấp lại thẻ căn cước", ServiceQuerySet.sameName("Cấp lại thẻ căn cước (thực hiện tại cấp tỉnh)"));
        assertEquals("đăng ký khai sinh", ServiceQuerySet.sameName("Thủ tục đăng ký khai sinh"));
        assertEquals("cấp lại thẻ căn cước", ServiceQuerySet.sameName("Cấp lại thẻ căn cước"));
    }

    @Test
    void nationalProceduresComeFirst() throws IOException {
        Path tthc = DATA.resolve("tthc-dichvucong.jsonl.gz");
        Path alqac = DATA.resolve("alqac2024/corpus.jsonl");
        Assumptions.assumeTrue(Files.isRegularFile(tthc) && Files.isRegularFile(alqac), "no ../shared/data");
        ServiceQuerySet set = ServiceQuerySet.read(tthc);
        List<EvalQuery> queries;
        try (InputStream in = getClass().getResourceAsStream("national-service-queries.tsv")) {
            queries = set.queries(in);
        }
        assertTrue(queries.size() >= 40);
        List<SearchDocument> corpus = new ArrayList<>(set.procedures());
        corpus.addAll(EvalData.corpus(alqac));
        Ranking off = Ranking.DEFAULT.with("serviceTitle=0");
        try (Evaluator eval = new Evaluator(corpus, 2)) {
            Metrics firstOn = eval.run(Ranking.DEFAULT, queries, 1);
            Metrics firstOff = eval.run(off, queries, 1);
            Metrics on = eval.run(Ranking.DEFAULT, queries, 10);
            Metrics offAt10 = eval.run(off, queries, 10);
            List<Evaluator.Miss> misses = new ArrayList<>();
            eval.run(Ranking.DEFAULT, queries, 1, misses);
            System.out.printf("national service queries (%d, %d docs): procedure first %.3f → %.3f, MRR@10 %.3f → %.3f%n",
                    queries.size(), corpus.size(), firstOff.mrr(), firstOn.mrr(), offAt10.mrr(), on.mrr());
            misses.stream().filter(m -> m.top().stream().noneMatch(m.query().relevant()::contains))
                    .forEach(m -> System.out.println("  miss " + m.query().text() + " → " + m.top()));
            assertTrue(firstOn.mrr() >= firstOff.mrr(), "the service clause must not put fewer procedures first");
        }
    }
}
