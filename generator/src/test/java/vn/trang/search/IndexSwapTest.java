package vn.trang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.pipeline.BuildResult;

/**
 * A new publish is swapped in while searches run: every search answers from the old or the new
 * index, none fails, and once reopened the new content is found. The build replaces the whole
 * output folder and deletes the old one, so the old searcher keeps reading deleted files.
 */
class IndexSwapTest {

    @TempDir
    Path tmp;

    @Test
    void publishesAreSwappedUnderConcurrentSearches() throws Exception {
        Fixture f = SearchFixture.create(tmp);
        SearchService service = SearchFixture.build(f);
        int threads = 6;
        int perThread = 150;
        int publishes = 3;
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger done = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    started.countDown();
                    for (int i = 0; i < perThread; i++) {
                        SearchResponse r = service.search(SearchRequest.of(i % 2 == 0 ? "giay phep xay dung" : "06/CT-UBND"));
                        if (r.notice() != null || r.hits().isEmpty()) {
                            failures.add(r.query() + ": " + r.notice() + " " + r.total());
                        }
                        done.incrementAndGet();
                    }
                }));
            }
            assertTrue(started.await(10, TimeUnit.SECONDS));
            for (int p = 1; p <= publishes; p++) {
                SearchFixture.news(f, Fixture.PORTAL, "giai-cau-long-" + p, "Giải cầu lông lần " + p, "2026-06-0" + p,
                        "Giải cầu lông công nhân viên chức.", "Vận động viên cầu lông tranh tài.");
                BuildResult r = f.build();
                assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
                assertTrue(service.reopen(), "a new publish is picked up");
                assertEquals(p, service.search(SearchRequest.of("cầu lông")).total());
            }
            for (Future<?> fut : running) {
                fut.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            service.close();
        }
        assertEquals(threads * perThread, done.get());
        assertTrue(failures.isEmpty(), () -> failures.size() + " failed, e.g. " + failures.peek());
    }

    @Test
    void aMissingOrBrokenIndexIsReportedNotThrown() throws Exception {
        Fixture f = Fixture.standard(tmp);
        try (SearchService service = new SearchService(vn.trang.index.SearchFiles.inOutput(f.out()), Ranking.DEFAULT, s -> { })) {
            assertFalse(service.reopen());
            assertFalse(service.health().ready());
            SearchResponse r = service.search(SearchRequest.of("x"));
            assertEquals(0, r.total());
            assertTrue(r.notice() != null);
        }
    }
}
