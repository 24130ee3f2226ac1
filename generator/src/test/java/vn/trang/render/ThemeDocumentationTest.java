package vn.trang.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.trang.Fixture;
import vn.trang.render.Views.ComplianceView;
import vn.trang.render.Views.DocumentView;
import vn.trang.render.Views.FeedView;
import vn.trang.render.Views.HomeView;
import vn.trang.render.Views.ItemView;
import vn.trang.render.Views.ListView;
import vn.trang.render.Views.NotFoundView;
import vn.trang.render.Views.PortalView;
import vn.trang.render.Views.ProcedureReviewView;
import vn.trang.render.Views.ProcedureStatsView;
import vn.trang.render.Views.ProcedureView;
import vn.trang.render.Views.RobotsView;
import vn.trang.render.Views.SitemapView;
import vn.trang.render.Views.UnitsView;
import vn.trang.search.http.SearchView;

/**
 * docs/THEME.md against the views: every template of the default theme is described, and what it
 * says each template receives is exactly its view record's fields (the layout's for every HTML
 * page), so a field added, renamed or dropped in a record fails here until the doc says so.
 */
class ThemeDocumentationTest {

    private static final Path DOC = Fixture.REPO.resolve("docs/THEME.md");
    private static final Path TEMPLATES = Fixture.THEME.resolve("templates");
    private static final String LAYOUT_SECTION = "Every HTML template";
    private static final String MACROS = "layout.ftlh";

    /** Which view each template receives (SitePlanner, and ResultsPage for the search page). */
    private static final Map<String, Class<? extends View>> VIEWS = Map.ofEntries(
            Map.entry("home.ftlh", HomeView.class),
            Map.entry("portal.ftlh", PortalView.class),
            Map.entry("news.ftlh", ItemView.class),
            Map.entry("page.ftlh", ItemView.class),
            Map.entry("post.ftlh", ItemView.class),
            Map.entry("document.ftlh", DocumentView.class),
            Map.entry("procedure.ftlh", ProcedureView.class),
            Map.entry("list.ftlh", ListView.class),
            Map.entry("units.ftlh", UnitsView.class),
            Map.entry("compliance.ftlh", ComplianceView.class),
            Map.entry("procedure-stats.ftlh", ProcedureStatsView.class),
            Map.entry("procedure-review.ftlh", ProcedureReviewView.class),
            Map.entry("404.ftlh", NotFoundView.class),
            Map.entry("search.ftlh", SearchView.class),
            Map.entry("rss.ftlx", FeedView.class),
            Map.entry("sitemap.ftlx", SitemapView.class),
            Map.entry("robots.ftl", RobotsView.class));

    private static final Pattern HEADING = Pattern.compile("^#{2,4} (.*)$");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void everyTemplateOfTheDefaultThemeIsDescribed() throws IOException {
        Set<String> files;
        try (Stream<Path> s = Files.list(TEMPLATES)) {
            files = s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> described = new TreeSet<>();
        for (String heading : sections().keySet()) {
            Matcher m = CODE.matcher(heading);
            if (m.matches()) {
                described.add(m.group(1));
            }
        }
        assertEquals(files, described, "templates/ and the '#### `name`' sections of docs/THEME.md");
        Set<String> mapped = new TreeSet<>(VIEWS.keySet());
        mapped.add(MACROS);
        assertEquals(files, mapped, "a template this test does not know the view of");
    }

    @Test
    void everyViewRecordIsATemplatesView() {
        Set<Class<?>> used = Set.copyOf(VIEWS.values());
        for (Class<?> c : Views.class.getDeclaredClasses()) {
            assertTrue(used.contains(c), c.getSimpleName() + " is not any template's view here");
        }
    }

    @Test
    void theTableNamesEachTemplatesView() throws IOException {
        Map<String, String> table = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DOC)) {
            String[] cells = line.split("\\|");
            if (line.startsWith("| `") && cells.length >= 3) {
                Matcher m = CODE.matcher(cells[1]);
                while (m.find()) {
                    table.put(m.group(1), cells[2].trim().replace("`", ""));
                }
            }
        }
        for (Map.Entry<String, Class<? extends View>> e : VIEWS.entrySet()) {
            assertEquals(e.getValue().getSimpleName(), table.get(e.getKey()), "the table's view of " + e.getKey());
        }
        assertEquals("none", table.get(MACROS));
    }

    @Test
    void theLayoutIsDescribedFieldByField() throws IOException {
        assertEquals(components(Layout.class), fields(sections().get(LAYOUT_SECTION)), LAYOUT_SECTION);
    }

    @Test
    void eachTemplateIsDescribedFieldByField() throws IOException {
        Map<String, List<String>> sections = sections();
        for (Map.Entry<String, Class<? extends View>> e : VIEWS.entrySet()) {
            List<String> expected = components(e.getValue());
            if (PageView.class.isAssignableFrom(e.getValue())) {
                expected.remove("layout"); // its fields are described once, for every HTML template
            }
            assertEquals(expected, fields(sections.get("`" + e.getKey() + "`")),
                    e.getKey() + ": docs/THEME.md against " + e.getValue().getSimpleName());
        }
    }

    @Test
    void theMacrosOfTheLayoutAreTheFilesMacros() throws IOException {
        List<String> declared = new ArrayList<>();
        Matcher m = Pattern.compile("<#(?:macro|function) ([A-Za-z]+)").matcher(Files.readString(TEMPLATES.resolve(MACROS)));
        while (m.find()) {
            declared.add(m.group(1));
        }
        List<String> described = fields(sections().get("`" + MACROS + "`")).stream().map(s -> s.split(" ")[0]).toList();
        assertEquals(declared, described, "the macros and functions of layout.ftlh");
    }

    /** The lines of every section of the doc, by heading. */
    private static Map<String, List<String>> sections() throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : Files.readAllLines(DOC)) {
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                current = new ArrayList<>();
                out.put(h.group(1).trim(), current);
            } else if (current != null) {
                current.add(line);
            }
        }
        return out;
    }

    /**
     * The names a section's list describes: each item's code spans before its first ": ", e.g.
     * {@code - `intro`?, `latestNews`: ...} describes intro and latestNews.
     */
    private static List<String> fields(List<String> lines) {
        assertTrue(lines != null, "a section docs/THEME.md does not have");
        List<String> items = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("- ")) {
                items.add(line.substring(2));
            } else if (line.startsWith("  ") && !items.isEmpty()) {
                items.set(items.size() - 1, items.get(items.size() - 1) + " " + line.trim());
            }
        }
        List<String> names = new ArrayList<>();
        for (String item : items) {
            int colon = item.indexOf(": ");
            Matcher m = CODE.matcher(colon < 0 ? item : item.substring(0, colon));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static List<String> components(Class<?> record) {
        return new ArrayList<>(Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList());
    }
}
