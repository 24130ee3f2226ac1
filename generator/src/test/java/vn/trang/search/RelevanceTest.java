package vn.trang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.trang.index.SearchFields;

/**
 * A hand-made query set on {@link SearchFixture}: with and without marks, both tone placements,
 * NFD, document numbers, procedure codes, phrases, exclusions and filters. Each query has one
 * item that must come first.
 */
class RelevanceTest {

    @TempDir
    static Path tmp;
    static SearchService service;

    @BeforeAll
    static void build() {
        service = SearchFixture.build(SearchFixture.create(tmp));
    }

    @AfterAll
    static void close() throws Exception {
        service.close();
    }

    private static List<String> top(String query) {
        return SearchFixture.urls(service.search(SearchRequest.of(query)));
    }

    private static String first(String query) {
        List<String> urls = top(query);
        return urls.isEmpty() ? "(nothing)" : urls.get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "giấy phép xây dựng                 | " + SearchFixture.PERMIT_PROCEDURE,
            "giay phep xay dung                 | " + SearchFixture.PERMIT_PROCEDURE,
            "GIẤY PHÉP XÂY DỰNG NHÀ Ở           | " + SearchFixture.PERMIT_PROCEDURE,
            "cap giay phep xay dung nha o rieng le | " + SearchFixture.PERMIT_PROCEDURE,
            "đăng ký khai sinh                  | " + SearchFixture.BIRTH,
            "dang ky khai sinh                  | " + SearchFixture.BIRTH,
            "hòa giải                           | " + SearchFixture.MEDIATION,
            "hoà giải                           | " + SearchFixture.MEDIATION,
            "hoa giai                           | " + SearchFixture.MEDIATION,
            "tăng cường quản lý trật tự xây dựng | " + SearchFixture.DIRECTIVE,
    })
    void wordsWithAndWithoutMarks(String query, String expected) {
        assertEquals(expected, first(query.strip()), () -> query + " → " + top(query));
    }

    @ParameterizedTest
    @ValueSource(strings = {"06/CT-UBND", "06/ct-ubnd", "6/CT-UBND", "06/CT–UBND", "Số: 06/CT-UBND", "chỉ thị 06/CT-UBND",
            "06 / CT - UBND", "06/ct ubnd"})
    void aDocumentNumberPutsThatDocumentFirst(String query) {
        // The citing news mentions 06/CT-UBND twice in its text; the document itself must still win.
        List<String> urls = top(query);
        assertEquals(SearchFixture.DIRECTIVE, urls.isEmpty() ? null : urls.get(0), () -> query + " → " + urls);
        if (!query.equals("06/ct ubnd")) {
            assertTrue(urls.contains(SearchFixture.CITING_NEWS), () -> "citing news also found: " + urls);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.000894", "thủ tục 1.000894", " 1.000894 "})
    void aProcedureCodePutsThatProcedureFirst(String query) {
        assertEquals(SearchFixture.PERMIT_PROCEDURE, first(query), () -> query + " → " + top(query));
    }

    @Test
    void exactSpellingRanksFirstWhenMarksAreGiven() {
        assertEquals(SearchFixture.URBAN, first("đô thị"));
        assertEquals(SearchFixture.CHART, first("đồ thị"));
        // Without marks, both are answers.
        assertTrue(top("do thi").containsAll(List.of(SearchFixture.URBAN, SearchFixture.CHART)));
    }

    @Test
    void adjacentSyllablesBeatScatteredOnes() {
        List<String> urls = top("thủ tục hành chính");
        assertEquals(SearchFixture.PHRASE, urls.get(0), urls::toString);
        assertTrue(urls.contains(SearchFixture.SCATTERED), "the scattered match is still found: " + urls);
    }

    @Test
    void quotedPhraseRequiresAdjacency() {
        List<String> urls = top("\"thủ tục hành chính\"");
        assertTrue(urls.contains(SearchFixture.PHRASE), urls::toString);
        assertFalse(urls.contains(SearchFixture.SCATTERED), urls::toString);
        assertEquals(urls, top("\"thu tuc hanh chinh\""), "phrases fold too");
    }

    @Test
    void minusExcludes() {
        List<String> urls = top("thị -hoạch");
        assertFalse(urls.contains(SearchFixture.URBAN), urls::toString);
        assertTrue(urls.contains(SearchFixture.CHART), urls::toString);
    }

    @Test
    void decomposedQueryGivesTheSameAnswer() {
        String q = "hội nghị hòa giải ở cơ sở";
        assertEquals(top(q), top(Normalizer.normalize(q, Normalizer.Form.NFD)));
    }

    @Test
    void shortQueriesNeedEveryWord() {
        // "giấy phép" and "khai sinh" never occur together.
        assertEquals(List.of(), top("giấy phép khai sinh"));
    }

    @Test
    void filtersAndFacets() {
        SearchResponse all = service.search(SearchRequest.of("xây dựng"));
        SearchResponse procedures = service.search(new SearchRequest("xây dựng", Map.of(SearchFields.TYPE, "procedure"), 1,
                10, SearchRequest.Order.RELEVANCE, true));
        assertEquals(SearchFixture.PERMIT_PROCEDURE, SearchFixture.urls(procedures).get(0));
        assertTrue(procedures.hits().stream().allMatch(h -> h.type().equals("procedure")));
        SearchResponse.Facet type = procedures.facets().stream().filter(f -> f.name().equals(SearchFields.TYPE))
                .findFirst().orElseThrow();
        // Drill sideways: the type facet still counts the other types.
        assertTrue(type.values().size() > 1, type::toString);
        long sum = type.values().stream().mapToLong(SearchResponse.FacetValue::count).sum();
        assertEquals(all.total(), sum);
        assertTrue(type.values().stream().anyMatch(v -> v.selected() && v.value().equals("procedure")
                && v.count() == procedures.total()));
        SearchResponse.Facet site = all.facets().stream().filter(f -> f.name().equals(SearchFields.SITE)).findFirst().orElseThrow();
        assertTrue(site.values().stream().anyMatch(v -> v.label().equals("Sở Thử Nghiệm")), site::toString);
    }

    @Test
    void siteFilterAndBrowsingByFilterAlone() {
        SearchResponse inCommune = service.search(new SearchRequest("", Map.of(SearchFields.SITE, "xa-b"), 1, 50,
                SearchRequest.Order.RELEVANCE, true));
        assertTrue(inCommune.total() >= 27, () -> "browse lists the site's items: " + inCommune.total());
        assertTrue(inCommune.hits().stream().allMatch(h -> h.site().equals("xa-b")));
        // Newest first when there is no query.
        assertEquals(SearchFixture.MEDIATION, inCommune.hits().get(0).url());
    }

    @Test
    void snippetsMarkMatchesInTheOriginalSpellingAndEscapeHtml() {
        SearchResponse r = service.search(SearchRequest.of("hoa giai"));
        String snippet = r.hits().get(0).snippet();
        assertTrue(snippet.contains("<mark>hòa</mark> <mark>giải</mark>"), snippet);
        SearchResponse hazard = service.search(SearchRequest.of("script alert"));
        String all = hazard.hits().toString();
        assertFalse(all.contains("<script"), all);
        assertTrue(hazard.hits().stream().anyMatch(h -> h.snippet().contains("&lt;<mark>script</mark>&gt;")), all);
    }

    @Test
    void pagination() {
        SearchResponse p1 = service.search(new SearchRequest("bản tin nông thôn mới", Map.of(), 1, 10,
                SearchRequest.Order.RELEVANCE, true));
        SearchResponse p3 = service.search(new SearchRequest("bản tin nông thôn mới", Map.of(), 3, 10,
                SearchRequest.Order.RELEVANCE, true));
        assertEquals(25, p1.total());
        assertEquals(3, p1.totalPages());
        assertEquals(10, p1.hits().size());
        assertEquals(5, p3.hits().size());
        assertTrue(p1.hits().stream().noneMatch(p3.hits()::contains));
    }
}
