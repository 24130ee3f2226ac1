package vn.trang.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.lucene.search.IndexSearcher;

import vn.trang.index.SearchFields;
import vn.trang.index.SearchFiles;
import vn.trang.render.Theme;

/**
 * The search service behind the API and the results page: the live index of a published
 * {@code _search} folder, the ranking, and the rule that a query never fails. Whatever the request,
 * {@link #search} returns a response; an engine failure (a bug, not the query's fault) is logged
 * and answered with an empty result and a notice instead of an error page.
 */
public final class SearchService implements Closeable {

    /**
     * A response with what the results page draws it in.
     *
     * @param suggestions what to try instead when nothing was found ({@link Suggestions#NONE} otherwise)
     */
    public record Results(SearchResponse response, Optional<SiteLayout> layout, Theme theme, SiteLayouts sites,
                          Suggestions suggestions) {

        public Results(SearchResponse response, Optional<SiteLayout> layout, Theme theme, SiteLayouts sites) {
            this(response, layout, theme, sites, Suggestions.NONE);
        }
    }

    /**
     * Service state for monitoring: {@code docs} is -1 without an index; the result cache's size
     * (answers kept per publish), and its hits and misses since the serving index was opened.
     */
    public record Health(boolean ready, int docs, String problem, int cacheEntries, long cacheHits, long cacheMisses) {
    }

    /**
     * Answers kept per publish ({@link ResultCache}) unless told otherwise ({@code trang search
     * --cache}); the system property {@code trang.search.cache} sets another default, 0 turns the
     * cache off (benchmarks measure the engine that way).
     */
    public static final int CACHE_ENTRIES = Integer.getInteger("trang.search.cache", ResultCache.DEFAULT_ENTRIES);
    /** The default of {@link #CACHE_ENTRIES} without the property (a constant, for option help). */
    public static final int DEFAULT_CACHE_ENTRIES = ResultCache.DEFAULT_ENTRIES;

    private final LiveIndex index;
    private final int cacheEntries;
    private final SearchEngine engine;
    private final Consumer<String> log;
    private volatile String lastProblem;

    public SearchService(SearchFiles files, Ranking ranking, Consumer<String> log) {
        this(files, new SearchEngine(ranking), log);
    }

    /** With an engine of its own (tests: counting limits small enough to reach). */
    public SearchService(SearchFiles files, SearchEngine engine, Consumer<String> log) {
        this(files, engine, CACHE_ENTRIES, log);
    }

    /** @param cacheEntries answers kept per publish; 0 for none */
    public SearchService(SearchFiles files, SearchEngine engine, int cacheEntries, Consumer<String> log) {
        this.engine = engine;
        this.cacheEntries = Math.max(0, cacheEntries);
        this.index = new LiveIndex(files, engine.similarity(), this.cacheEntries);
        this.log = log;
    }

    /** Picks up a new publish, if any; see {@link LiveIndex#reopen()}. */
    public boolean reopen() {
        boolean swapped = index.reopen();
        String problem = index.problem();
        // Polled every few seconds: say a problem once, not on every poll.
        if (problem != null && !problem.equals(lastProblem)) {
            log.accept("trang search: " + problem);
        }
        lastProblem = problem;
        return swapped;
    }

    public Health health() {
        int docs = index.docs();
        long[] cache = index.cacheCounts();
        return new Health(docs >= 0, docs, index.problem(), cacheEntries, cache[0], cache[1]);
    }

    public SearchResponse search(SearchRequest request) {
        return results(request).response();
    }

    public Results results(SearchRequest request) {
        try {
            SearchRequest key = ResultCache.key(request);
            Optional<Results> r = index.with((searcher, p) -> {
                long start = System.nanoTime();
                SearchResponse response = p.cache.get(key);
                if (response != null) {
                    response = response.servedAgain(request, (System.nanoTime() - start) / 1_000_000);
                } else {
                    response = engine.search(searcher, request, labels(p.sites, p.theme));
                    p.cache.put(key, response);
                }
                p.services.record(response);
                Suggestions suggestions = response.total() == 0 && response.notice() == null
                        ? suggestions(searcher, request, p) : Suggestions.NONE;
                return new Results(response, p.sites.layout(request.filters().get(SearchFields.SITE)), p.theme, p.sites,
                        suggestions);
            });
            if (r.isPresent()) {
                return r.get();
            }
            return new Results(SearchResponse.empty(request, QueryText.of(request.query()).text(), false,
                    "Chưa có chỉ mục tìm kiếm: hãy chạy trang build."), Optional.empty(), null, SiteLayouts.empty());
        } catch (IOException | RuntimeException e) {
            log.accept("trang search: lỗi khi tìm \"" + QueryText.of(request.query()).text() + "\": " + e);
            return new Results(SearchResponse.empty(request, QueryText.of(request.query()).text(), false,
                    "Tìm kiếm tạm thời gặp lỗi; vui lòng thử lại."), Optional.empty(), null, SiteLayouts.empty());
        }
    }

    /** What to try instead of an empty answer; none if working that out fails (the answer still stands). */
    private Suggestions suggestions(IndexSearcher searcher, SearchRequest request,
                                    Published p) {
        try {
            return ZeroResults.of(searcher, engine, request, p::spellings, p.services);
        } catch (IOException | RuntimeException e) {
            log.accept("trang search: không tạo được gợi ý cho \"" + QueryText.of(request.query()).text() + "\": " + e);
            return Suggestions.NONE;
        }
    }

    /** Facet labels: site names from the publish, type and level names from the theme's strings. */
    private static Labels labels(SiteLayouts sites, Theme theme) {
        Map<String, String> t = strings(theme);
        return (dim, value) -> switch (dim) {
            case SearchFields.SITE -> sites.name(value).orElse(value);
            case SearchFields.TYPE -> TypeLabels.label(t, value);
            case SearchFields.LEVEL -> t.getOrDefault("level_" + value.replace('-', '_'), value);
            default -> value;
        };
    }

    /** The theme's Vietnamese strings; none when the published theme has no i18n folder. */
    private static Map<String, String> strings(Theme theme) {
        try {
            return theme.messages("vi").asMap();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
