package vn.trang.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import vn.trang.index.SearchFiles;
import vn.trang.search.Ranking;
import vn.trang.search.SearchService;
import vn.trang.search.http.SearchHttp;
import vn.trang.serve.DevServer;

/**
 * Accessibility and looks in a real browser: the demo build, served by the project's
 * own preview server (with the search service mounted, as {@code trang serve} does), opened in
 * Debian's Chromium headless through chromedriver (the run's shared {@link Browser}); on each
 * representative page axe-core must find no WCAG 2.1 A/AA violation, the page must not scroll
 * sideways, and every request the page makes must go to the server on 127.0.0.1. Screenshots at
 * 360 px and 1280 px are left in {@code <build folder>/screenshots/}, axe's findings in
 * {@code <build folder>/axe-report/}.
 *
 * <p>Selenium with chromedriver rather than a hand-written CDP client: Debian packages
 * chromium-driver at exactly the browser's version, W3C WebDriver needs no protocol code here, and
 * what WebDriver lacks (device metrics, full-page screenshots) is one {@code executeCdpCommand}
 * away through the same driver; network requests come from chromedriver's performance log.
 *
 * <p>Needs chromium, chromedriver and axe-core's {@code axe.min.js} (.ci/run installs all three:
 * {@code npm install --prefix generator/target/axe axe-core}). Without them the test is skipped
 * with the reason, so {@code mvn verify} passes on a machine without a browser; under CI
 * ({@code CI=true}) a missing prerequisite is a failure, so a broken install cannot pass silently.
 * Overrides: {@code -Dtrang.chromium=}, {@code -Dtrang.chromedriver=}, {@code -Dtrang.axe=} (the
 * axe.min.js file).
 */
@ExtendWith(SharedBrowser.class)
class BrowserAccessibilityTest {

    /** The pages: a name for the artifacts, the path, and the HTTP status the server must answer. */
    record Target(String name, String path, int status) {
    }

    static final List<Target> PAGES = List.of(
            new Target("portal-home", "/", 200),
            new Target("unit-home", "/so-tai-chinh/", 200),
            new Target("commune-home", "/phuong-kinh-bac/", 200),
            new Target("document", "/van-ban/06-ct-ubnd/", 200),
            new Target("procedure", "/so-xay-dung/thu-tuc/cap-giay-phep-xay-dung-moi-cong-trinh-cap-dac-biet-cap-i-cap-ii/", 200),
            new Target("documents-facets", "/van-ban/", 200),
            new Target("procedure-statistics", "/thu-tuc/thong-ke/", 200),
            new Target("units", "/don-vi/", 200),
            new Target("compliance-report", "/bao-cao-nd42/", 200),
            new Target("search", "/tim-kiem?q=giay+phep", 200),
            new Target("not-found", "/khong-co-trang-nay/", 404));

    static final int[] WIDTHS = {1280, 360};
    /** WCAG 2.1 A and AA; -Dtrang.axeTags=wcag2a,best-practice,… runs other rule sets (exploring, not CI). */
    static final String[] AXE_TAGS = System.getProperty("trang.axeTags", "wcag2a,wcag2aa,wcag21a,wcag21aa").split(",");

    /** Why the test cannot run here, or null. */
    static String skipped;
    static Path axeScript;
    static SearchService search;
    static DevServer server;
    static ChromeDriver driver;
    static String base;
    static Path screenshots;
    static Path reports;

    @BeforeAll
    static void start(Browser browser) throws Exception {
        axeScript = axe();
        // Reported by the test itself (an abort here would hide the class from the counts).
        skipped = Browser.unavailable("browser accessibility test", axeScript != null ? List.of()
                : List.of("axe-core (npm install --prefix generator/target/axe axe-core@<version in .ci/run>,"
                        + " or -Dtrang.axe=…/axe.min.js)"));
        if (skipped != null) {
            return;
        }

        Path out = DemoBuild.out();
        screenshots = DemoBuild.artifacts("screenshots");
        reports = DemoBuild.artifacts("axe-report");
        Files.createDirectories(screenshots);
        Files.createDirectories(reports);

        // The preview server as `trang serve` runs it (ServeCommand), minus live reload: the
        // reload script is the editors' tool, never part of a published page.
        search = new SearchService(SearchFiles.inOutput(out), Ranking.DEFAULT, System.err::println);
        search.reopen();
        server = new DevServer(() -> out, 0, false);
        SearchHttp http = new SearchHttp(search, System.err::println);
        server.mount(SearchHttp.API, http.api());
        server.mount(SearchHttp.PAGE, http.page());
        server.start();
        base = "http://127.0.0.1:" + server.port();
        driver = browser.driver();
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (search != null) {
            search.close();
        }
    }

    /** axe.min.js: -Dtrang.axe, or where .ci/run installs it (the build folder, or generator/target). */
    static Path axe() {
        String given = System.getProperty("trang.axe");
        List<Path> candidates = new ArrayList<>();
        if (given != null && !given.isBlank()) {
            candidates.add(Path.of(given));
        } else {
            String rel = "axe/node_modules/axe-core/axe.min.js";
            candidates.add(DemoBuild.artifacts(rel));
            candidates.add(vn.trang.Fixture.REPO.resolve("generator/target").resolve(rel));
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElse(null);
    }

    @Test
    void representativePagesHaveNoWcagViolationsAndStayOnTheSite() throws Exception {
        Assumptions.assumeTrue(skipped == null, () -> skipped);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (Target t : PAGES) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + t.path()))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(t.status(), r.statusCode(), t.path());
            assertTrue(r.body().contains("<main"), t.path() + " is a page of the theme");
            // BudgetTest covers the built files; this covers the search page, rendered per request.
            int bytes = r.body().getBytes(StandardCharsets.UTF_8).length;
            assertTrue(bytes <= BudgetTest.PAGE_BUDGET, t.path() + ": " + bytes + " B of HTML");
        }

        String axeSource = Files.readString(axeScript, StandardCharsets.UTF_8);
        Json json = new Json();
        List<String> violations = new ArrayList<>();
        List<String> overflow = new ArrayList<>();
        Set<String> offSite = new LinkedHashSet<>();
        List<String> failedRequests = new ArrayList<>();
        Map<String, Object> report = new LinkedHashMap<>();

        for (int width : WIDTHS) {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                    "width", width, "height", width < 600 ? 740 : 900, "deviceScaleFactor", 1, "mobile", width < 600));
            for (Target t : PAGES) {
                String key = t.name() + "-" + width;
                driver.manage().logs().get(LogType.PERFORMANCE); // drop what came before this page
                driver.get(base + t.path());
                waitUntilLoaded();

                // Layout: on a phone the page itself never scrolls sideways (tables scroll in their wrapper).
                Number scrollWidth = (Number) driver.executeScript("return document.documentElement.scrollWidth;");
                Number clientWidth = (Number) driver.executeScript("return document.documentElement.clientWidth;");
                if (scrollWidth.intValue() > clientWidth.intValue()) {
                    overflow.add(key + ": " + scrollWidth + " px wide in a " + clientWidth + " px viewport; widest: "
                            + driver.executeScript(WIDEST_ELEMENT));
                }

                screenshot(screenshots.resolve(key + ".png"));

                driver.executeScript(axeSource);
                String result = (String) driver.executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]},"
                        + " resultTypes: ['violations', 'incomplete']})"
                        + ".then(r => done(JSON.stringify({violations: r.violations, incomplete: r.incomplete})),"
                        + " e => done(JSON.stringify({error: String(e)})));", List.of(AXE_TAGS));
                Map<String, Object> axe = json.toType(result, Json.MAP_TYPE);
                if (axe.containsKey("error")) {
                    fail("axe-core failed on " + key + ": " + axe.get("error"));
                }
                report.put(key, axe);
                for (Map<String, Object> v : list(axe.get("violations"))) {
                    StringBuilder sb = new StringBuilder(key + ": [" + v.get("impact") + "] " + v.get("id") + " — "
                            + v.get("help") + " (" + v.get("helpUrl") + ")");
                    List<Map<String, Object>> nodes = list(v.get("nodes"));
                    for (Map<String, Object> n : nodes.subList(0, Math.min(nodes.size(), 5))) {
                        sb.append("\n      ").append(n.get("target")).append(": ")
                                .append(String.valueOf(n.get("failureSummary")).replace("\n", " "));
                    }
                    if (nodes.size() > 5) {
                        sb.append("\n      … ").append(nodes.size() - 5).append(" more");
                    }
                    violations.add(sb.toString());
                }

                // Network: every request the page made, to the preview server only.
                int requests = 0;
                for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
                    Map<String, Object> m = json.toType(e.getMessage(), Json.MAP_TYPE);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> message = (Map<String, Object>) m.get("message");
                    String method = String.valueOf(message.get("method"));
                    @SuppressWarnings("unchecked")
                    Map<String, Object> params = (Map<String, Object>) message.getOrDefault("params", Map.of());
                    if (method.equals("Network.requestWillBeSent")) {
                        requests++;
                        @SuppressWarnings("unchecked")
                        String url = String.valueOf(((Map<String, Object>) params.get("request")).get("url"));
                        if (!onSite(url)) {
                            offSite.add(key + ": " + url);
                        }
                    } else if (method.equals("Network.responseReceived")) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> response = (Map<String, Object>) params.get("response");
                        int status = ((Number) response.get("status")).intValue();
                        boolean expected = "Document".equals(params.get("type")) && status == t.status();
                        if (status >= 400 && !expected) {
                            failedRequests.add(key + ": " + status + " " + response.get("url"));
                        }
                    } else if (method.equals("Network.loadingFailed") && !Boolean.TRUE.equals(params.get("canceled"))) {
                        failedRequests.add(key + ": " + params.get("errorText") + " (" + params.get("type") + ")");
                    }
                }
                if (requests < 2) {
                    // The page and its stylesheet at least: otherwise the log is not recording and
                    // "no request left the site" would prove nothing.
                    failedRequests.add(key + ": only " + requests + " request(s) in the performance log");
                }
            }
        }
        Files.writeString(reports.resolve("axe-results.json"), json.toJson(report), StandardCharsets.UTF_8);
        Files.writeString(reports.resolve("violations.txt"), violations.isEmpty() ? "no violations\n"
                : String.join("\n", violations) + "\n", StandardCharsets.UTF_8);
        System.out.println("browser test: " + PAGES.size() + " pages at " + WIDTHS.length + " widths, "
                + violations.size() + " axe violations; screenshots in " + screenshots);

        StringBuilder problems = new StringBuilder();
        section(problems, "axe-core (" + String.join(", ", AXE_TAGS) + ") found violations (full results: "
                + reports.resolve("axe-results.json") + ")", violations);
        section(problems, "requests that left the site", offSite);
        section(problems, "failed requests", failedRequests);
        section(problems, "pages wider than the screen", overflow);
        assertTrue(problems.isEmpty(), problems::toString);
    }

    static void section(StringBuilder sb, String title, java.util.Collection<String> lines) {
        if (!lines.isEmpty()) {
            sb.append('\n').append(title).append(":\n");
            lines.forEach(l -> sb.append("  ").append(l).append('\n'));
        }
    }

    /** The element reaching furthest right, as tag.class, for the overflow message. */
    static final String WIDEST_ELEMENT = "let w = null, r = 0;"
            + "for (const e of document.body.querySelectorAll('*')) { const b = e.getBoundingClientRect().right;"
            + " if (b > r) { r = b; w = e; } }"
            + "return w ? w.tagName.toLowerCase() + (w.className ? '.' + String(w.className).trim().replace(/\\s+/g, '.') : '')"
            + " + ' (' + Math.round(r) + ' px)' : '';";

    /** Requests the page makes must go to the preview server; data: and about: stay in the browser. */
    static boolean onSite(String url) {
        if (url.startsWith("data:") || url.startsWith("about:") || url.startsWith("blob:")) {
            return true;
        }
        URI u = URI.create(url.replace(" ", "%20"));
        return "127.0.0.1".equals(u.getHost()) && ("http".equals(u.getScheme()));
    }

    void waitUntilLoaded() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!"complete".equals(driver.executeScript("return document.readyState;"))) {
            if (System.nanoTime() > until) {
                fail("page did not finish loading: " + driver.getCurrentUrl());
            }
            Thread.sleep(50);
        }
    }

    /** A screenshot of the whole page (not only the viewport), at the emulated width. */
    void screenshot(Path file) throws IOException {
        Number height = (Number) driver.executeScript(
                "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);");
        Number width = (Number) driver.executeScript("return document.documentElement.clientWidth;");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width.intValue(),
                        "height", Math.min(height.intValue(), 12000), "scale", 1)));
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }
}
