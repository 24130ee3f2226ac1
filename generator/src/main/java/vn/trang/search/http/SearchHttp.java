package vn.trang.search.http;

import java.util.function.Consumer;

import vn.trang.index.OpenSearchDescription;
import vn.trang.search.SearchRequest;
import vn.trang.search.SearchResponse;
import vn.trang.search.SearchService;
import vn.trang.web.Handler;
import vn.trang.web.Reply;
import vn.trang.web.WebServer;

/**
 * The HTTP face of the search service, mountable on any {@link WebServer} (the standalone
 * {@link SearchServer}, or the preview server of {@code trang serve}):
 *
 * <pre>
 * GET /api/search?q=&amp;site=&amp;type=&amp;field=&amp;year=&amp;status=&amp;level=&amp;page=&amp;size=&amp;sort=&amp;facets=   JSON
 * GET /api/search/health                                                               JSON, 503 without an index
 * GET /tim-kiem?…same parameters…                                                       the results page
 * </pre>
 *
 * Every search answers 200 with a valid body, whatever the parameters hold; only an unknown path
 * under the mounted prefixes (404) is refused here. The server refuses the rest before a search
 * runs: another method (405), a malformed query string such as {@code %ZZ} (400).
 */
public final class SearchHttp {

    public static final String API = OpenSearchDescription.API_PATH;
    public static final String HEALTH = API + "/health";
    public static final String PAGE = OpenSearchDescription.SEARCH_PATH;

    private final SearchService service;
    private final ResultsPage page;
    private final Consumer<String> log;

    public SearchHttp(SearchService service, Consumer<String> log) {
        this.service = service;
        this.log = log;
        this.page = new ResultsPage(log);
    }

    /** Registers the API and the page on a server. */
    public void mount(WebServer server) {
        server.mount(API, api());
        server.mount(PAGE, page());
    }

    /** Where a failure to answer is told. */
    Consumer<String> log() {
        return log;
    }

    public Handler api() {
        return r -> {
            String path = r.path();
            if (path.equals(HEALTH)) {
                SearchService.Health h = service.health();
                return json(h.ready() ? 200 : 503, ApiJson.health(h));
            }
            if (!path.equals(API) && !path.equals(API + "/")) {
                return notFound();
            }
            SearchService.Results results = service.results(request(r.rawQuery()));
            return json(200, ApiJson.of(results.response(), results.suggestions()));
        };
    }

    public Handler page() {
        return r -> {
            String path = r.path();
            if (!path.equals(PAGE) && !path.equals(PAGE + "/")) {
                return notFound();
            }
            return headers(Reply.of(200, HTML, page.render(service.results(request(r.rawQuery())))));
        };
    }

    /** The search a raw query string ({@code q=…&site=…}) asks for, read as the service reads it. */
    public static SearchRequest request(String rawQuery) {
        QueryParams p = QueryParams.parse(rawQuery);
        return SearchRequest.from(p::get);
    }

    private static final String JSON = "application/json; charset=utf-8";
    private static final String HTML = "text/html; charset=utf-8";

    private static Reply.Body notFound() {
        return headers(Reply.text(404, "404 Not Found"));
    }

    private static Reply.Body json(int status, String body) {
        // A public, read-only API: other government sites may call it from their pages.
        return headers(Reply.of(status, JSON, body)).with("Access-Control-Allow-Origin", "*");
    }

    private static Reply.Body headers(Reply.Body b) {
        return b.with("Cache-Control", "no-cache").with("X-Content-Type-Options", "nosniff").with("X-Robots-Tag", "noindex");
    }
}
