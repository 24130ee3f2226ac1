package vn.trang.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.pipeline.BuildOptions;
import vn.trang.pipeline.BuildResult;
import vn.trang.pipeline.Builder;
import vn.trang.tools.TrangTools;

class BenchCorpusTest {

    /** The repository root, for the real theme (Surefire sets trang.root). */
    static final Path REPO = Path.of(System.getProperty("trang.root", "..")).toAbsolutePath().normalize();

    /**
     * The shared harness's own manifest for {@code gen_corpus.py --pages 1000} (generator v4, seed
     * 20240601): with the harness's numbering, this port makes the very same pages.
     */
    @Test
    void sameProvinceAsTheHarness() {
        BenchCorpus c = new BenchCorpus(1000, BenchCorpus.DEFAULT_SEED, true);
        long words = 0;
        long bytes = 0;
        int news = 0;
        int docs = 0;
        for (BenchCorpus.CItem it : c.items) {
            BenchCorpus.Body b = c.body(it);
            words += b.words();
            bytes += b.markdown().getBytes(StandardCharsets.UTF_8).length;
            news += it.kind == BenchCorpus.Kind.NEWS ? 1 : 0;
            docs += it.kind == BenchCorpus.Kind.DOCUMENT ? 1 : 0;
        }
        assertEquals(1000, c.items.size());
        assertEquals(14, c.sites.size());
        assertEquals(512, news);
        assertEquals(294, docs);
        assertEquals(823194, words);
        assertEquals(6057859, bytes);
        assertEquals("bao-cao-so-1-bc-ubnd-ve-viec-ban-hanh-quy-che-quan-ly-he-thong-dich-vu-398",
                c.items.stream().filter(i -> i.id == 398).findFirst().orElseThrow().slug);
    }

    @Test
    void deterministicForASeed() {
        CorpusWriter a = new CorpusWriter(new BenchCorpus(300, 7));
        CorpusWriter b = new CorpusWriter(new BenchCorpus(300, 7));
        BenchCorpus ca = new BenchCorpus(300, 7);
        BenchCorpus cb = new BenchCorpus(300, 7);
        for (int i = 0; i < ca.items.size(); i++) {
            assertEquals(a.frontMatter(ca.items.get(i)), b.frontMatter(cb.items.get(i)));
            assertEquals(ca.body(ca.items.get(i)), cb.body(cb.items.get(i)));
        }
    }

    /** Trang's corpus builds without a single error (the harness's numbers would not: see BenchCorpus). */
    @Test
    void buildsWithoutErrors(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("p200");
        int code = TrangTools.execute(new String[] {"corpus", "--pages", "200", "--out", dir.toString(),
                "--root", REPO.toString()}, new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()));
        assertEquals(0, code);
        try (Stream<Path> s = Files.walk(dir.resolve("content"))) {
            assertEquals(200, s.filter(p -> p.toString().endsWith(".md")).count());
        }
        assertTrue(Files.readString(dir.resolve("manifest.json")).contains("\"pages\":200"));
        BuildResult r = new Builder().build(new BuildOptions(dir, tmp.resolve("out"), null, "default", 2,
                LocalDate.of(2025, 11, 1)));
        assertEquals(0, r.diagnostics().errorCount(), () -> r.diagnostics().list().stream()
                .filter(x -> x.isError()).limit(5).map(x -> x.format()).toList().toString());
        assertTrue(r.ok());
        assertEquals(200, r.items());
    }
}
