package vn.trang.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every site of the demo build agrees with itself: a count shown beside a link (the home's
 * section links, a list's facet values) is the number of items on the list it links to, counted
 * across its pages; a list's "N mục" is the number of items it pages through; and a home's
 * latest-news, documents and procedures blocks show the first items of the list their "Xem tất
 * cả" links to (empty only when there is no such list).
 */
class CountsMatchListsTest {

    /** A home block's id and the section folder it aggregates. */
    private static final Map<String, String> HOME_BLOCKS = Map.of(
            "news", "tin-tuc", "documents", "van-ban", "procedures", "thu-tuc");
    private static final Pattern COUNT = Pattern.compile("\\((\\d+)\\)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+)");

    private static Path out;
    private static final Map<String, List<String>> LISTS = new HashMap<>();

    @BeforeAll
    static void build() {
        out = DemoBuild.out();
    }

    @Test
    void everyLinkedCountIsTheNumberOfItemsOnTheLinkedList() throws IOException {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Path file : htmlPages()) {
            Document doc = parse(file);
            for (Element count : doc.select("span.count")) {
                Element link = count.previousElementSibling();
                if (link == null || !link.tagName().equals("a") || !isList(link.attr("href"))) {
                    continue; // a count of something on the same page (the unit directory's groups)
                }
                Matcher m = COUNT.matcher(count.text());
                assertTrue(m.matches(), "a count is '(N)': " + count.text() + " in " + rel(file));
                int shown = Integer.parseInt(m.group(1));
                int listed = items(link.attr("href")).size();
                checked++;
                if (shown != listed) {
                    wrong.add(rel(file) + ": '" + link.text() + " (" + shown + ")' but " + link.attr("href")
                            + " lists " + listed);
                }
            }
        }
        assertTrue(checked > 100, "the demo shows counts beside links to lists: " + checked);
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyListSaysHowManyItemsItPagesThrough() throws IOException {
        List<String> wrong = new ArrayList<>();
        int lists = 0;
        for (Path file : htmlPages()) {
            String url = url(file);
            if (!isList(url) || url.contains("/trang/")) {
                continue; // each list once, from its first page
            }
            Element total = parse(file).selectFirst(".list-info span");
            Matcher m = TOTAL.matcher(total == null ? "" : total.text());
            assertTrue(m.find(), url + " says how many items it lists");
            lists++;
            int listed = items(url).size();
            if (Integer.parseInt(m.group(1)) != listed) {
                wrong.add(url + " says '" + total.text() + "' but pages through " + listed);
            }
        }
        assertTrue(lists > 50, "the demo has lists: " + lists);
        assertEquals(List.of(), wrong);
    }

    @Test
    void homeBlocksShowTheFirstItemsOfTheListTheyLinkTo() throws IOException {
        List<String> wrong = new ArrayList<>();
        int homes = 0;
        for (Path file : htmlPages()) {
            Document doc = parse(file);
            if (!doc.body().hasClass("home")) {
                continue;
            }
            homes++;
            String home = url(file);
            for (Map.Entry<String, String> block : HOME_BLOCKS.entrySet()) {
                Element section = doc.selectFirst("section.latest-" + block.getKey());
                if (section == null) {
                    continue;
                }
                String listUrl = home + block.getValue() + "/";
                List<String> shown = section.select(".item-title a").eachAttr("href");
                if (!isList(listUrl)) {
                    if (!shown.isEmpty()) {
                        wrong.add(home + ": block '" + block.getKey() + "' shows items but there is no " + listUrl);
                    }
                    continue;
                }
                List<String> listed = items(listUrl);
                List<String> first = listed.subList(0, Math.min(listed.size(), Math.max(shown.size(), 1)));
                if (!shown.equals(first)) {
                    wrong.add(home + ": block '" + block.getKey() + "' shows " + shown + ", " + listUrl + " begins with "
                            + first);
                }
                Element more = section.selectFirst("p.more a");
                if (more == null || !more.attr("href").equals(listUrl)) {
                    wrong.add(home + ": block '" + block.getKey() + "' does not link to " + listUrl);
                }
            }
        }
        assertTrue(homes >= 12, "every site has a home: " + homes);
        assertEquals(List.of(), wrong);
    }

    /** The item links of the list at {@code url}, across its pages, in order. */
    private static List<String> items(String url) throws IOException {
        List<String> known = LISTS.get(url);
        if (known != null) {
            return known;
        }
        List<String> found = new ArrayList<>();
        String page = url;
        for (int guard = 0; page != null && guard < 10_000; guard++) {
            Document doc = parse(file(page));
            found.addAll(doc.select(".list-main ul.item-list > li .item-title a").eachAttr("href"));
            Element next = doc.selectFirst(".list-main nav.pagination a[rel=next]");
            page = next == null ? null : next.attr("href");
        }
        LISTS.put(url, found);
        return found;
    }

    /** Whether {@code url} is a page of a list in the output (a section or one facet value). */
    private static boolean isList(String url) throws IOException {
        if (!url.startsWith("/") || !url.endsWith("/") || !Files.isRegularFile(file(url))) {
            return false;
        }
        return parse(file(url)).selectFirst(".list-main") != null;
    }

    private static final Map<Path, Document> PARSED = new HashMap<>();

    private static Document parse(Path file) throws IOException {
        Document doc = PARSED.get(file);
        if (doc == null) {
            doc = Jsoup.parse(file.toFile(), "UTF-8");
            PARSED.put(file, doc);
        }
        return doc;
    }

    private static Path file(String url) {
        return out.resolve(url.substring(1)).resolve("index.html");
    }

    private static String url(Path indexHtml) {
        String dir = out.relativize(indexHtml.getParent()).toString().replace('\\', '/');
        return dir.isEmpty() ? "/" : "/" + dir + "/";
    }

    private static String rel(Path file) {
        return out.relativize(file).toString();
    }

    private static List<Path> htmlPages() throws IOException {
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(p -> p.getFileName().toString().equals("index.html"))
                    .filter(p -> !out.relativize(p).startsWith("_assets")).sorted().toList();
        }
    }
}
