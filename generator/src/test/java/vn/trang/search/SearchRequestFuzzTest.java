package vn.trang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import com.code_intelligence.jazzer.junit.FuzzTest;

import vn.trang.Fixture;
import vn.trang.fuzz.SafeHtml;
import vn.trang.index.SearchFiles;

/**
 * Search requests as a citizen or a crawler sends them, against the real index of a small
 * province: query syntax (phrases, exclusions, document numbers and codes), filters, paging and
 * sorting. Each input is the query on its first line, then {@code name=value} parameters, one a
 * line. Whatever they say, the service answers without an exception, within the page size, and
 * its snippets are escaped text with only {@code <mark>} in them.
 */
class SearchRequestFuzzTest {

    private static final Pattern ONLY_MARKS = Pattern.compile("(?:[^<>]|<mark>|</mark>)*");

    @TempDir
    static Path tmp;
    static SearchService service;

    @BeforeAll
    static void open() {
        Fixture f = SearchFixture.create(tmp);
        assertTrue(f.build().ok());
        List<String> log = new ArrayList<>();
        service = new SearchService(SearchFiles.inOutput(f.out()), new SearchEngine(Ranking.DEFAULT), 0, log::add);
        assertTrue(service.reopen(), log::toString);
    }

    @AfterAll
    static void close() throws Exception {
        service.close();
    }

    @FuzzTest(maxDuration = "5m")
    void anyRequestIsAnswered(byte[] input) {
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", -1);
        Map<String, String> params = new HashMap<>();
        params.put("q", lines[0]);
        for (int i = 1; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq > 0) {
                params.putIfAbsent(lines[i].substring(0, eq), lines[i].substring(eq + 1));
            }
        }
        SearchRequest request = SearchRequest.from(params::get);
        SearchResponse response = service.search(request);
        assertTrue(response.hits().size() <= request.size(), "more hits than the page holds");
        assertTrue(response.total() >= response.hits().size() || !response.totalExact(), "total below the hits shown");
        for (SearchResponse.Hit hit : response.hits()) {
            assertTrue(hit.url().startsWith("/"), () -> "hit outside the site: " + hit.url());
            if (hit.snippet() != null) {
                assertTrue(ONLY_MARKS.matcher(hit.snippet()).matches(),
                        () -> "snippet with markup other than <mark>: " + hit.snippet() + " for " + SafeHtml.quote(lines[0]));
                String unmarked = hit.snippet().replace("<mark>", "").replace("</mark>", "");
                assertEquals(-1, unmarked.indexOf('<'));
            }
        }
    }
}
