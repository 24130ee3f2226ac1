package vn.trang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.trang.index.IndexBuilder;
import vn.trang.index.SearchDocument;

/**
 * Searches through a searcher with {@link TermFilterCache} answer exactly what an uncached searcher
 * answers — totals, facet counts (exact and sampled), hits and snippets — and the cache is used.
 * The index has segments of 12,000 documents, above the size Lucene caches from.
 */
class TermFilterCacheTest {

    static Directory dir;
    static DirectoryReader reader;
    static final SearchEngine ENGINE = new SearchEngine(Ranking.DEFAULT);

    @BeforeAll
    static void index() throws IOException {
        Random r = new Random(3);
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < 24_000; i++) {
            docs.add(new SearchDocument("/d/" + i + "/", TopMatchingDocsTest.text(r, 4), List.of(), "",
                    TopMatchingDocsTest.text(r, 30), List.of(), "s" + i % 7, null, i % 3 == 0 ? "news" : "document",
                    List.of(), 2015 + i % 10, null, null, null, null, null));
        }
        dir = new ByteBuffersDirectory();
        new IndexBuilder(2).write(dir, docs);
        reader = DirectoryReader.open(dir);
        assertTrue(reader.leaves().stream().allMatch(l -> l.reader().maxDoc() >= 10_000), "segments Lucene caches");
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        dir.close();
    }

    @Test
    void answersAsWithoutItAndIsUsed() throws IOException {
        IndexSearcher plain = new IndexSearcher(reader);
        plain.setSimilarity(ENGINE.similarity());
        plain.setQueryCache(null);
        IndexSearcher cached = new IndexSearcher(reader);
        cached.setSimilarity(ENGINE.similarity());
        TermFilterCache.install(cached);
        Random r = new Random(5);
        List<SearchRequest> requests = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String q = TopMatchingDocsTest.text(r, 1 + r.nextInt(3));
            requests.add(SearchRequest.of(q));
            Map<String, String> params = Map.of("q", q, "site", "s" + i % 7, "type", "document");
            requests.add(SearchRequest.from(params::get));
        }
        int estimated = 0;
        // Twice: the second pass is answered from the cache.
        for (int pass = 0; pass < 2; pass++) {
            for (SearchRequest req : requests) {
                SearchResponse a = ENGINE.search(plain, req, Labels.NONE);
                SearchResponse b = ENGINE.search(cached, req, Labels.NONE);
                String what = req.query() + " " + req.filters();
                assertEquals(a.total(), b.total(), what);
                assertEquals(a.totalExact(), b.totalExact(), what);
                assertEquals(a.facets(), b.facets(), what);
                assertEquals(a.hits(), b.hits(), what);
                estimated += a.totalExact() ? 0 : 1;
            }
        }
        assertTrue(estimated > 0, "some counts were sampled, so the sampled path was compared too");
        TermFilterCache.Cache cache = (TermFilterCache.Cache) cached.getQueryCache();
        assertTrue(cache.termHits() > 0, "terms answered from the cache: " + cache.termHits());
    }
}
