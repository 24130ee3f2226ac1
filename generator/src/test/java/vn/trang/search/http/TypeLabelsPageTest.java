package vn.trang.search.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.index.SearchFields;
import vn.trang.index.SearchFiles;
import vn.trang.model.Section;
import vn.trang.pipeline.BuildResult;
import vn.trang.render.Theme;
import vn.trang.search.Ranking;
import vn.trang.search.SearchRequest;
import vn.trang.search.SearchService;
import vn.trang.search.TypeLabels;

/**
 * Internal type names ("post", "page", "news"…) never reach a citizen: one item of every section
 * is published and found, and the themed page (hit badges, the type facet, the filter chip, the
 * title) and the plain fallback page show only labels. Real build, real index, real service.
 */
class TypeLabelsPageTest {

    /** A word no label contains, so one search finds every item. */
    static final String WORD = "quokka";
    static final Set<String> TYPES = new TreeSet<>();

    @TempDir
    static Path tmp;
    static SearchService service;
    static Map<String, String> vi;
    static Map<String, String> en;

    @BeforeAll
    static void build() throws IOException {
        Arrays.stream(Section.values()).map(Section::type).forEach(TYPES::add);
        Fixture f = Fixture.standard(tmp);
        for (Section s : Section.values()) {
            String name = "muc-" + s.folder();
            switch (s) {
                case NEWS -> f.news(Fixture.DEPT, name, "Tin " + WORD, "2026-01-02");
                case DOCUMENTS -> f.document(Fixture.DEPT, name, "07/QĐ-SA", "Quyết định", "2026-01-02",
                        "title: Quyết định " + WORD);
                case PROCEDURES -> f.procedure(Fixture.DEPT, name, "Thủ tục " + WORD, "1.000999");
                case PAGES -> f.page(Fixture.DEPT, name, "Trang " + WORD);
                default -> f.write("content/" + Fixture.DEPT + "/" + s.folder() + "/" + name + ".md",
                        Fixture.md("title: " + s.title() + " " + WORD + "\ndate: 2026-01-06\nsummary: Mục " + WORD
                                + "." + (s == Section.CONSULTATIONS ? "\nopens: 2026-03-01\ncloses: 2026-03-31" : ""), "Nội dung " + WORD + "."));
            }
        }
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        List<String> log = new ArrayList<>();
        service = new SearchService(SearchFiles.inOutput(f.out()), Ranking.DEFAULT, log::add);
        assertTrue(service.reopen(), () -> "index not opened: " + log);
        Theme theme = new Theme(SearchFiles.inOutput(f.out()).themes(), "default");
        vi = theme.messages("vi").asMap();
        en = theme.messages("en").asMap();
    }

    @AfterAll
    static void close() throws IOException {
        service.close();
    }

    @Test
    void everyTypeHasALabelInBothLanguages() {
        for (String type : TYPES) {
            assertNotNull(vi.get(TypeLabels.key(type)), "vi label of " + type);
            assertNotNull(en.get(TypeLabels.key(type)), "en label of " + type);
            assertFalse(TYPES.contains(TypeLabels.label(Map.of(), type)), "built-in label of " + type);
        }
        assertNotNull(vi.get(TypeLabels.OTHER));
        assertEquals("Nội dung khác", TypeLabels.label(Map.of(), "something-new"));
    }

    @Test
    void themedPageShowsLabelsOnly() {
        SearchService.Results r = service.results(request(null));
        assertEquals(Section.values().length, r.response().total(), "one hit per section");
        Set<String> found = new TreeSet<>();
        r.response().hits().forEach(h -> found.add(h.type()));
        assertEquals(TYPES, found, "a hit of every type");
        Document doc = Jsoup.parse(new ResultsPage(s -> { }).render(r));
        assertNoRawType(doc);
        Element facet = doc.selectFirst(".facet-" + SearchFields.TYPE);
        assertNotNull(facet);
        for (String type : TYPES) {
            assertTrue(facet.text().contains(vi.get(TypeLabels.key(type))), facet::text);
        }
    }

    @Test
    void everyTypeFilterChipShowsALabel() {
        for (String type : TYPES) {
            SearchService.Results r = service.results(request(type));
            Document doc = Jsoup.parse(new ResultsPage(s -> { }).render(r));
            Element chip = doc.selectFirst(".search-filter");
            assertNotNull(chip, type);
            assertTrue(chip.text().contains(vi.get(TypeLabels.key(type))), chip::text);
            assertNoRawType(doc);
        }
    }

    @Test
    void plainPageShowsLabelsOnlyEvenWithoutStrings() {
        SearchService.Results r = service.results(request(null));
        for (Map<String, String> t : List.of(Map.<String, String>of(), vi)) {
            Document doc = Jsoup.parse(PlainResults.html(ResultsPage.view(r.response(), t, r), t));
            assertEquals(Section.values().length, doc.select("ol li").size());
            assertNoRawType(doc);
        }
    }

    static SearchRequest request(String type) {
        return SearchRequest.from(p -> switch (p) {
            case "q" -> WORD;
            case "size" -> "50";
            case SearchFields.TYPE -> type;
            default -> null;
        });
    }

    /** No type id as a word in what is read: text, titles, labels (class names are not read). */
    static void assertNoRawType(Document doc) {
        StringBuilder read = new StringBuilder(doc.title()).append('\n').append(doc.body().text());
        for (Element e : doc.select("[title], [aria-label], [alt], [placeholder]")) {
            read.append('\n').append(e.attr("title")).append(' ').append(e.attr("aria-label")).append(' ')
                    .append(e.attr("alt")).append(' ').append(e.attr("placeholder"));
        }
        for (String type : TYPES) {
            assertFalse(Pattern.compile("(?i)\\b" + type + "s?\\b").matcher(read).find(),
                    () -> "'" + type + "' shown: " + read);
        }
    }
}
