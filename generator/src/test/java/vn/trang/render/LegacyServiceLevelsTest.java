package vn.trang.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.MiniJson;
import vn.trang.index.SearchFiles;
import vn.trang.pipeline.BuildResult;
import vn.trang.search.Ranking;
import vn.trang.search.SearchRequest;
import vn.trang.search.SearchResponse;
import vn.trang.search.SearchService;

/**
 * A catalog mixing NĐ 42/2022's levels with legacy mức độ 1–4: every count (facets, statistics,
 * search, export) shows the current levels only, and the page still says what the source declared.
 */
class LegacyServiceLevelsTest {

    @TempDir
    static Path dir;
    static Fixture f;
    static SearchService search;

    @BeforeAll
    static void build() {
        f = Fixture.standard(dir);
        String url = "online_url: https://dichvucong.gov.vn/";
        f.procedure("so-a", "toan-trinh", "Thủ tục toàn trình", "1.000001");
        f.procedure("so-a", "muc-4", "Thủ tục mức bốn", "1.000004", "level: 4", url);
        f.procedure("so-a", "mot-phan", "Thủ tục một phần", "1.000002", "level: mot-phan");
        f.procedure("so-a", "muc-3", "Thủ tục mức ba", "1.000003", "level: muc-3");
        f.procedure("so-a", "muc-2", "Thủ tục mức hai", "1.000005", "level: muc-2");
        f.procedure("so-a", "muc-1", "Thủ tục mức một", "1.000006", "level: 1");
        f.procedure("so-a", "thong-tin", "Thủ tục thông tin", "1.000007", "level: thong-tin");
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        List<String> log = new ArrayList<>();
        search = new SearchService(SearchFiles.inOutput(f.out()), Ranking.DEFAULT, log::add);
        assertTrue(search.reopen(), () -> "index not opened: " + log);
    }

    @AfterAll
    static void close() throws Exception {
        search.close();
    }

    static Document page(String url) {
        return Jsoup.parse(Fixture.read(f.out().resolve(url.substring(1) + "index.html")));
    }

    @Test
    void theLevelFacetHasTheCurrentLevelsOnlyWithTheirCounts() {
        Map<String, String> counts = new LinkedHashMap<>();
        for (Element li : page("/so-a/thu-tuc/").select(".facet-group li")) {
            String href = li.selectFirst("a").attr("href");
            if (href.contains("/muc-do/")) {
                counts.put(href.replaceAll(".*/muc-do/", ""), li.text());
            }
        }
        assertEquals(Map.of("toan-trinh/", "Dịch vụ công trực tuyến toàn trình (2)",
                "mot-phan/", "Dịch vụ công trực tuyến một phần (2)",
                "thong-tin/", "Cung cấp thông tin trực tuyến (3)"), counts);
        assertFalse(Files.exists(f.out().resolve("so-a/thu-tuc/muc-do/muc-3")), "no page for a legacy level");
        assertEquals(List.of("Thủ tục một phần", "Thủ tục mức ba"),
                page("/so-a/thu-tuc/muc-do/mot-phan/").select(".item-list .item-title").eachText().stream().sorted().toList());
    }

    @Test
    void thePageShowsTheCurrentLevelAndTheSourcesOne() {
        String level = page("/so-a/thu-tuc/thu-tuc-muc-ba/").select(".doc-meta dt:containsOwn(Mức độ dịch vụ công) + dd").text();
        assertEquals("Dịch vụ công trực tuyến một phần (theo nguồn: Mức độ 3)", level);
        String current = page("/so-a/thu-tuc/thu-tuc-mot-phan/").select(".doc-meta dt:containsOwn(Mức độ dịch vụ công) + dd").text();
        assertEquals("Dịch vụ công trực tuyến một phần", current, "nothing added to a current level");
    }

    @Test
    void statisticsCountTheCurrentLevels() {
        Document stats = page("/so-a/thu-tuc/thong-ke/");
        List<String> rows = stats.select("section:has(#t-level) tbody tr").eachText();
        assertEquals(3, rows.size(), rows::toString);
        assertTrue(rows.get(0).startsWith("Dịch vụ công trực tuyến toàn trình 2"), rows::toString);
        assertTrue(rows.get(1).startsWith("Dịch vụ công trực tuyến một phần 2"), rows::toString);
        assertTrue(rows.get(2).startsWith("Cung cấp thông tin trực tuyến 3"), rows::toString);
        assertFalse(stats.text().contains("Mức độ 3"), "legacy labels stay off the statistics and charts");
        String lead = stats.selectFirst(".lead").text();
        assertTrue(lead.contains("một phần): 4 (57,1%)") && lead.contains("toàn trình: 2 (28,6%)"), lead);
    }

    @Test
    void theSearchFacetHasTheCurrentLevels() {
        SearchResponse r = search.search(SearchRequest.of("thủ tục"));
        Map<String, Long> levels = new LinkedHashMap<>();
        r.facets().stream().filter(x -> x.name().equals("level")).flatMap(x -> x.values().stream())
                .forEach(v -> levels.put(v.value(), v.count()));
        assertEquals(Map.of("toan-trinh", 2L, "mot-phan", 2L, "thong-tin", 3L), levels);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theExportGivesTheCurrentLevelAndTheSources() throws IOException {
        Map<String, Object> json = MiniJson.object(Files.readString(f.out().resolve("so-a/thu-tuc/thu-tuc.json")));
        Map<String, Object> three = ((List<Map<String, Object>>) (List<?>) json.get("procedures")).stream()
                .filter(p -> "1.000003".equals(p.get("code"))).findFirst().orElseThrow();
        assertEquals("mot-phan", three.get("service_level"));
        assertEquals("muc-3", three.get("source_service_level"));
        assertEquals(Boolean.TRUE, three.get("online"));
        String csv = Files.readString(f.out().resolve("so-a/thu-tuc/thu-tuc.csv"));
        assertFalse(csv.contains("Mức độ"), csv);
    }
}
