package vn.trang.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Budgets of the whole demo build: pages stay small for cheap phones on slow networks,
 * and nothing a page loads comes from another host (THEME.md: no CDN fonts or scripts).
 *
 * <ul>
 * <li>every HTML page ≤ {@value #PAGE_BUDGET} bytes;</li>
 * <li>all CSS of the output together ≤ {@value #CSS_BUDGET} bytes, and the CSS any one page loads
 *     (its stylesheets and inline styles) too;</li>
 * <li>no absolute or protocol-relative URL in what the browser fetches by itself: src, srcset,
 *     href of fetching {@code <link>}s, poster, data, inline-SVG image/use; no {@code @import} or
 *     {@code url()} to another host in CSS files, {@code <style>} blocks or style attributes.
 *     Links ({@code <a href>}) to other sites are fine: they are only followed when clicked.</li>
 * </ul>
 */
class BudgetTest {

    static final int PAGE_BUDGET = 100 * 1024;
    static final int CSS_BUDGET = 30 * 1024;

    /** The folder the search service reads; never served (DevServer, the web server's config). */
    static final String NOT_SERVED = "_search";

    /** rel values of {@code <link>} that the browser does not fetch (metadata for feeds, crawlers). */
    static final Set<String> NON_FETCHING_RELS = Set.of("canonical", "alternate", "author", "license", "help",
            "bookmark", "next", "prev", "me", "search", "privacy-policy", "terms-of-service");

    /** An absolute (http, https) or protocol-relative URL: a request to another host. */
    static final Pattern ABSOLUTE = Pattern.compile("^\\s*(?i:(?:https?:)?//)");
    /** url(…) and @import in CSS, with the target in group 1 or 2. */
    static final Pattern CSS_URL = Pattern.compile(
            "url\\(\\s*['\"]?([^'\")\\s]*)|@import\\s+(?:url\\(\\s*)?['\"]?([^'\")\\s;]*)", Pattern.CASE_INSENSITIVE);
    /** href / xlink:href in SVG files. */
    static final Pattern SVG_HREF = Pattern.compile("(?:xlink:)?href\\s*=\\s*['\"]([^'\"]*)['\"]");

    static Path out;
    static List<Path> html;
    static List<Path> css;

    @BeforeAll
    static void build() throws IOException {
        out = DemoBuild.out();
        try (Stream<Path> s = Files.walk(out)) {
            List<Path> all = s.filter(Files::isRegularFile).filter(p -> !out.relativize(p).startsWith(NOT_SERVED)).toList();
            html = all.stream().filter(p -> p.toString().endsWith(".html")).sorted().toList();
            css = all.stream().filter(p -> p.toString().endsWith(".css")).sorted().toList();
        }
        assertTrue(html.size() > 50, "the demo has pages: " + html.size());
        assertFalse(css.isEmpty(), "the theme's stylesheet is in the output");
    }

    static String rel(Path p) {
        return "/" + out.relativize(p).toString().replace('\\', '/');
    }

    @Test
    void everyPageIsAtMost100KB() throws IOException {
        List<String> over = new ArrayList<>();
        Path largest = null;
        long largestSize = -1;
        long total = 0;
        for (Path p : html) {
            long size = Files.size(p);
            total += size;
            if (size > largestSize) {
                largestSize = size;
                largest = p;
            }
            if (size > PAGE_BUDGET) {
                over.add(rel(p) + " " + size + " B");
            }
        }
        String summary = String.format(Locale.ROOT, "budget: %d pages, largest %s %d B (budget %d B), average %d B",
                html.size(), rel(largest), largestSize, PAGE_BUDGET, total / html.size());
        System.out.println(summary);
        Files.createDirectories(DemoBuild.artifacts("budgets"));
        List<String> top = html.stream().sorted(Comparator.comparingLong(BudgetTest::size).reversed()).limit(10)
                .map(p -> size(p) + "\t" + rel(p)).toList();
        Files.writeString(DemoBuild.artifacts("budgets").resolve("pages.txt"),
                summary + "\n\nlargest pages (bytes, path):\n" + String.join("\n", top) + "\n", StandardCharsets.UTF_8);
        assertTrue(over.isEmpty(), "pages over " + PAGE_BUDGET + " B: " + over);
    }

    static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    void allCssIsAtMost30KB() throws IOException {
        long total = 0;
        for (Path p : css) {
            total += Files.size(p);
        }
        String summary = "budget: CSS " + total + " B in " + css.stream().map(BudgetTest::rel).toList()
                + " (budget " + CSS_BUDGET + " B)";
        System.out.println(summary);
        Files.createDirectories(DemoBuild.artifacts("budgets"));
        Files.writeString(DemoBuild.artifacts("budgets").resolve("css.txt"), summary + "\n", StandardCharsets.UTF_8);
        assertTrue(total <= CSS_BUDGET, summary);
    }

    @Test
    void noPageLoadsMoreThan30KBOfCss() throws IOException {
        List<String> over = new ArrayList<>();
        for (Path p : html) {
            Document doc = Jsoup.parse(p.toFile(), "UTF-8");
            long bytes = 0;
            for (Element link : doc.select("link[href]")) {
                if (!rels(link).contains("stylesheet")) {
                    continue;
                }
                Path target = local(p, link.attr("href"));
                bytes += target != null && Files.isRegularFile(target) ? Files.size(target) : 0;
            }
            for (Element style : doc.select("style")) {
                bytes += style.data().getBytes(StandardCharsets.UTF_8).length;
            }
            if (bytes > CSS_BUDGET) {
                over.add(rel(p) + " " + bytes + " B");
            }
        }
        assertTrue(over.isEmpty(), "pages loading over " + CSS_BUDGET + " B of CSS: " + over);
    }

    /** The output file a site-relative or document-relative URL names, or null. */
    Path local(Path page, String url) {
        String path = url.replaceFirst("[?#].*$", "");
        if (path.isEmpty() || ABSOLUTE.matcher(path).find()) {
            return null;
        }
        return (path.startsWith("/") ? out.resolve(path.substring(1)) : page.getParent().resolve(path)).normalize();
    }

    static Set<String> rels(Element link) {
        return Stream.of(link.attr("rel").toLowerCase(Locale.ROOT).trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    /** Every URL in a page that the browser requests without a click, with where it was found. */
    static List<String> fetchedUrls(Document doc) {
        List<String> found = new ArrayList<>();
        for (Element e : doc.getAllElements()) {
            String tag = e.normalName();
            switch (tag) {
                case "link" -> {
                    Set<String> rels = rels(e);
                    if (rels.isEmpty() || !NON_FETCHING_RELS.containsAll(rels)) {
                        add(found, e, "href");
                        add(found, e, "imagesrcset");
                    }
                }
                case "script", "iframe", "frame", "embed", "track", "audio" -> add(found, e, "src");
                case "img", "source" -> {
                    add(found, e, "src");
                    add(found, e, "srcset");
                }
                case "video" -> {
                    add(found, e, "src");
                    add(found, e, "poster");
                }
                case "input" -> {
                    if (e.attr("type").equalsIgnoreCase("image")) {
                        add(found, e, "src");
                    }
                }
                case "object" -> add(found, e, "data");
                case "image", "use", "feimage" -> {
                    add(found, e, "href");
                    add(found, e, "xlink:href");
                }
                case "style" -> cssUrls(e.data()).forEach(u -> found.add("<style> " + u));
                default -> { }
            }
            if (e.hasAttr("style")) {
                cssUrls(e.attr("style")).forEach(u -> found.add("<" + tag + " style> " + u));
            }
            if (e.hasAttr("background")) {
                add(found, e, "background");
            }
        }
        return found;
    }

    private static void add(List<String> found, Element e, String attr) {
        if (!e.hasAttr(attr)) {
            return;
        }
        String value = e.attr(attr);
        if (attr.endsWith("srcset")) {
            for (String candidate : value.split(",")) {
                String url = candidate.trim().split("\\s+")[0];
                found.add("<" + e.normalName() + " " + attr + "> " + url);
            }
        } else {
            found.add("<" + e.normalName() + " " + attr + "> " + value);
        }
    }

    static List<String> cssUrls(String css) {
        List<String> urls = new ArrayList<>();
        Matcher m = CSS_URL.matcher(css);
        while (m.find()) {
            urls.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return urls;
    }

    static boolean external(String foundEntry) {
        String url = foundEntry.substring(foundEntry.indexOf("> ") + 2);
        return ABSOLUTE.matcher(url).find();
    }

    @Test
    void noPageFetchesFromAnotherHost() throws IOException {
        List<String> bad = new ArrayList<>();
        int checked = 0;
        for (Path p : html) {
            Document doc = Jsoup.parse(p.toFile(), "UTF-8");
            for (String f : fetchedUrls(doc)) {
                checked++;
                if (external(f)) {
                    bad.add(rel(p) + ": " + f);
                }
            }
        }
        assertTrue(checked >= html.size(), "every page loads at least its stylesheet: " + checked);
        assertTrue(bad.isEmpty(), "requests to other hosts:\n" + String.join("\n", bad.stream().limit(50).toList()));
    }

    @Test
    void cssAndSvgFetchNothingFromAnotherHost() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Path p : css) {
            for (String u : cssUrls(Files.readString(p, StandardCharsets.UTF_8))) {
                if (ABSOLUTE.matcher(u).find()) {
                    bad.add(rel(p) + ": " + u);
                }
            }
        }
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".svg")).toList()) {
                Matcher m = SVG_HREF.matcher(Files.readString(p, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (ABSOLUTE.matcher(m.group(1)).find()) {
                        bad.add(rel(p) + ": " + m.group(1));
                    }
                }
            }
        }
        assertTrue(bad.isEmpty(), "CSS or SVG loading from other hosts: " + bad);
    }

    @Test
    void theCheckSeesExternalRequests() {
        // The detector itself: what must be caught is caught, what is fine is left alone.
        Document doc = Jsoup.parse("""
                <html><head>
                <link rel="canonical" href="https://bacninh.gov.vn/">
                <link rel="alternate" type="application/rss+xml" href="https://bacninh.gov.vn/rss.xml">
                <link rel="stylesheet" href="https://cdn.example.com/x.css">
                <link rel="icon" href="//cdn.example.com/i.png">
                <style>@import "https://fonts.example.com/f.css"; a{background:url(/_assets/a.png)}</style>
                <script src="HTTP://cdn.example.com/x.js"></script>
                </head><body>
                <a href="https://chinhphu.vn/">ok</a>
                <img src="/_assets/img/logo.svg" srcset="/a.png 1x, https://cdn.example.com/b.png 2x" alt="">
                <iframe src="https://maps.example.com/"></iframe>
                <div style="background-image: url('https://img.example.com/x.jpg')"></div>
                <svg><image href="https://img.example.com/y.png"/></svg>
                </body></html>""");
        List<String> external = fetchedUrls(doc).stream().filter(BudgetTest::external).toList();
        assertTrue(external.size() == 8, external::toString);
        assertFalse(external.stream().anyMatch(s -> s.contains("chinhphu") || s.contains("bacninh")), external::toString);
    }
}
