package vn.trang.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.MiniJson;
import vn.trang.build.BuildOptions;
import vn.trang.build.BuildResult;
import vn.trang.build.Builder;

/** The NĐ 42/2022 report: items present or missing per unit, counts, timeliness, sorting, JSON. */
class ComplianceTest {

    @Test
    void workingDaysSkipWeekends() {
        // Friday 2026-01-02 → Monday 2026-01-05 is one working day; → Tuesday two; → Wednesday three.
        assertEquals(1, Compliance.workingDaysBetween(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 5)));
        assertEquals(2, Compliance.workingDaysBetween(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 6)));
        assertEquals(3, Compliance.workingDaysBetween(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 7)));
        assertEquals(0, Compliance.workingDaysBetween(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 2)));
        assertEquals(0, Compliance.workingDaysBetween(LocalDate.of(2026, 1, 3), LocalDate.of(2026, 1, 4)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportShowsEachUnitsItemsCountsAndTimeliness(@TempDir Path tmp) {
        Fixture f = Fixture.standard(tmp);
        f.page("so-a", "gioi-thieu", "Giới thiệu");
        f.page("so-a", "english", "Department A", "language: en");
        f.news("so-a", "a", "Tin A", "2026-01-02", "category: chi-dao-dieu-hanh");
        f.news("so-a", "b", "Tin B", "2026-01-05");
        f.write("content/so-a/hoi-dap/q.md", Fixture.md("title: Hỏi gì?\ndate: 2026-01-06\nsummary: Hỏi.\n"
                + "asker: Ông A\nanswered: 2026-01-08", "Trả lời."));
        // Issued on a Friday: published Tuesday is on time, Wednesday is late.
        f.document("so-a", "d1", "01/QĐ-SA", "Quyết định", "2026-01-02", "date: 2026-01-06");
        f.document("so-a", "d2", "02/QĐ-SA", "Quyết định", "2026-01-02", "date: 2026-01-07");
        f.news("xa-b", "c", "Tin C", "2026-01-02");
        BuildResult r = new Builder().build(new BuildOptions(f.root, f.out(), null, "default", 2)
                .withAsOf(LocalDate.of(2026, 2, 1)));
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));

        Map<String, Object> json = MiniJson.object(Fixture.read(f.out().resolve("bao-cao-nd42.json")));
        Map<String, Map<String, Object>> units = new HashMap<>();
        for (Object o : (List<Object>) json.get("units")) {
            Map<String, Object> u = (Map<String, Object>) o;
            units.put((String) u.get("site"), u);
        }
        Map<String, Object> a = units.get("so-a");
        Map<String, Map<String, Object>> checks = new HashMap<>();
        for (Object o : (List<Object>) a.get("checks")) {
            Map<String, Object> c = (Map<String, Object>) o;
            checks.put((String) c.get("id"), c);
        }
        assertEquals(Boolean.TRUE, checks.get("gioi-thieu").get("present"));
        assertEquals(Boolean.FALSE, checks.get("co-cau-to-chuc").get("present"));
        assertEquals(Boolean.TRUE, checks.get("tieng-anh").get("present"));
        assertEquals(2L, checks.get("tin-tuc").get("count"));
        assertEquals("2026-01-05", checks.get("tin-tuc").get("last_update"));
        assertEquals(1L, checks.get("chi-dao-dieu-hanh").get("count"));
        assertEquals(Boolean.TRUE, checks.get("hoi-dap").get("present"));
        assertEquals(Boolean.FALSE, checks.get("lich-cong-tac").get("present"));
        Map<String, Object> docs = (Map<String, Object>) a.get("documents");
        assertEquals(2L, docs.get("published"));
        assertEquals(1L, docs.get("within_2_working_days"));
        assertEquals(0L, docs.get("with_all_fields_and_file"), "no files attached");
        long presentA = checks.values().stream().filter(c -> Boolean.TRUE.equals(c.get("present"))).count();
        assertEquals(presentA, a.get("present"));
        assertTrue((Long) a.get("score") > (Long) units.get("xa-b").get("score"));

        Document byScore = Jsoup.parse(Fixture.read(f.out().resolve("bao-cao-nd42/index.html")));
        List<String> order = byScore.select("table.compliance-summary tbody th").eachText();
        assertEquals("Sở Thử Nghiệm", order.get(0), order::toString);
        Document byName = Jsoup.parse(Fixture.read(f.out().resolve("bao-cao-nd42/theo-ten/index.html")));
        List<String> names = byName.select("table.compliance-summary tbody th").eachText();
        assertEquals(names.stream().sorted().toList(), names);
        assertFalse(byScore.select("tr.missing").isEmpty());
    }

    @Test
    void consultationClosingBeforeOpeningIsAnError(@TempDir Path tmp) {
        Fixture f = Fixture.standard(tmp);
        f.write("content/so-a/du-thao/x.md", Fixture.md("title: Dự thảo\ndate: 2026-01-02\nopens: 2026-01-10\n"
                + "closes: 2026-01-05", "Nội dung."));
        BuildResult r = f.build();
        assertFalse(r.ok());
        Diags.singleError(r.diagnostics(), "content/so-a/du-thao/x.md", 5, 9, "2026-01-05");
    }
}
