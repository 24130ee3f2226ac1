package vn.trang.search.eval;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;

import vn.trang.search.Labels;
import vn.trang.search.Ranking;
import vn.trang.search.SearchEngine;
import vn.trang.search.SearchRequest;
import vn.trang.search.TermFilterCache;
import vn.trang.search.http.SearchHttp;

/**
 * Benchmark helper (docs/BENCHMARKS.md, "Search"): the search engine alone, in this process, with
 * no HTTP and no load generator — what a new query costs. Replays a query log (one raw query string
 * per line, as bench/search-corpus.py writes it) in rounds, each thread taking the next line, every
 * request with facets and snippets as the service answers it, through a searcher set up as the
 * service's (ranking similarity, term cache; no answer cache).
 *
 * <pre>java -cp trang.jar vn.trang.search.eval.EngineBench INDEX_DIR queries.txt [THREADS [SECONDS [ROUNDS]]]</pre>
 *
 * Prints one JSON line per round: searches a second, and with one thread the time and the memory
 * allocated per search. The first rounds include the JIT's warm-up; read the last.
 */
public final class EngineBench {

    private EngineBench() {
    }

    public static void main(String[] args) throws Exception {
        List<SearchRequest> log = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).map(SearchHttp::request).toList();
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        SearchEngine engine = new SearchEngine(Ranking.DEFAULT);
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(args[0])))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setSimilarity(engine.similarity());
            TermFilterCache.install(searcher);
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            AtomicInteger next = new AtomicInteger();
            for (int round = 1; round <= rounds; round++) {
                long end = System.nanoTime() + seconds * 1_000_000_000L;
                AtomicLong done = new AtomicLong();
                AtomicLong allocated = new AtomicLong();
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                long start = System.nanoTime();
                List<Future<Object>> work = pool.invokeAll(java.util.Collections.nCopies(threads, () -> {
                    long before = mx.getCurrentThreadAllocatedBytes();
                    while (System.nanoTime() < end) {
                        engine.search(searcher, log.get(Math.floorMod(next.getAndIncrement(), log.size())), Labels.NONE);
                        done.incrementAndGet();
                    }
                    allocated.addAndGet(mx.getCurrentThreadAllocatedBytes() - before);
                    return null;
                }));
                for (Future<Object> f : work) {
                    f.get();
                }
                pool.shutdown();
                pool.awaitTermination(1, TimeUnit.MINUTES);
                double took = (System.nanoTime() - start) / 1e9;
                long n = Math.max(1, done.get());
                System.out.printf(Locale.ROOT, "{\"round\": %d, \"threads\": %d, \"searches\": %d, \"per_s\": %.0f, "
                                + "\"ms_per_search\": %.3f, \"kb_allocated_per_search\": %.0f}%n", round, threads, n,
                        n / took, took * 1000 * threads / n, allocated.get() / 1024.0 / n);
            }
        }
    }
}
