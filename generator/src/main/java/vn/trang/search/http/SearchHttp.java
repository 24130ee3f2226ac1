package vn.trang.search.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import vn.trang.index.OpenSearchDescription;
import vn.trang.search.SearchRequest;
import vn.trang.search.SearchResponse;
import vn.trang.search.SearchService;

/**
 * The HTTP face of the search service, mountable on any JDK {@link HttpServer} (the standalone
 * {@link SearchServer}, or the preview server of {@code trang serve}):
 *
 * <pre>
 * GET /api/search?q=&amp;site=&amp;type=&amp;field=&amp;year=&amp;status=&amp;level=&amp;page=&amp;size=&amp;sort=&amp;facets=   JSON
 * GET /api/search/health                                                               JSON, 503 without an index
 * GET /tim-kiem?…same parameters…                                                       the results page
 * </pre>
 *
 * Every search answers 200 with a valid body, whatever the parameters hold; only a method other
 * than GET/HEAD (405) and an unknown path under the mounted prefixes (404) are refused.
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
    public void mount(HttpServer server) {
        server.createContext(API, api());
        server.createContext(PAGE, page());
    }

    public HttpHandler api() {
        return ex -> respond(ex, () -> {
            String path = ex.getRequestURI().getPath();
            if (path.equals(HEALTH)) {
                SearchService.Health h = service.health();
                return new Answer(h.ready() ? 200 : 503, JSON, ApiJson.health(h));
            }
            if (!path.equals(API) && !path.equals(API + "/")) {
                return notFound();
            }
            SearchResponse r = service.search(request(ex));
            return new Answer(200, JSON, ApiJson.of(r));
        });
    }

    public HttpHandler page() {
        return ex -> respond(ex, () -> {
            String path = ex.getRequestURI().getPath();
            if (!path.equals(PAGE) && !path.equals(PAGE + "/")) {
                return notFound();
            }
            return new Answer(200, HTML, page.render(service.results(request(ex))));
        });
    }

    static SearchRequest request(HttpExchange ex) {
        return request(ex.getRequestURI().getRawQuery());
    }

    /** The search a raw query string ({@code q=…&site=…}) asks for, read as the service reads it. */
    public static SearchRequest request(String rawQuery) {
        QueryParams p = QueryParams.parse(rawQuery);
        return SearchRequest.from(p::get);
    }

    private static final String JSON = "application/json; charset=utf-8";
    private static final String HTML = "text/html; charset=utf-8";
    private static final String TEXT = "text/plain; charset=utf-8";

    private record Answer(int status, String type, String body) {
    }

    private interface Work {
        Answer run();
    }

    private static Answer notFound() {
        return new Answer(404, TEXT, "404 Not Found");
    }

    private void respond(HttpExchange ex, Work work) {
        try (ex) {
            String method = ex.getRequestMethod();
            Answer a;
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                a = new Answer(405, TEXT, "405 Method Not Allowed");
            } else {
                a = work.run();
            }
            send(ex, a);
        } catch (IOException e) {
            // The client went away mid-answer: nothing to tell it.
        } catch (RuntimeException e) {
            // A bug: the answer is already on its way or cannot be made; log, never a stack trace to the client.
            log.accept("trang search: lỗi khi trả lời " + ex.getRequestURI().getPath() + ": " + e);
        }
    }

    private static void send(HttpExchange ex, Answer a) throws IOException {
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        var h = ex.getResponseHeaders();
        h.set("Content-Type", a.type());
        h.set("Cache-Control", "no-cache");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Robots-Tag", "noindex");
        if (a.type().equals(JSON)) {
            // A public, read-only API: other government sites may call it from their pages.
            h.set("Access-Control-Allow-Origin", "*");
        }
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(a.status(), head ? -1 : body.length);
        if (!head) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        }
    }
}
