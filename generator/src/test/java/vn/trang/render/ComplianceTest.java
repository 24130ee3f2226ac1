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
import vn.trang.pipeline.BuildOptions;
import vn.trang.pipeline.BuildResult;
import vn.trang.pipeline.Builder;

/** The NĐ 42/2022 report: items present or missing per unit, counts, timeliness, sorting, JSON. */
class ComplianceTest {

    @Test
    void workingDaysSkipWeekendsAndFixedHolidays() {
        // 30/4 (Thursday) and 1/5 (Friday) 2026 are holidays: Wednesday 29/4 → Monday 4/5 is one working day.
        assertEquals(1, Compliance.workingDaysBetween(LocalDate.of(2026, 4, 29), LocalDate.of(2026, 5, 4)));
        assertEquals(1, Compliance.workingDaysBetween(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 2)));
    }

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
    void workingDaysAreCountedAsADayByDayWalkWouldCountThem() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 3000; i++) {
            LocalDate from = LocalDate.of(1995, 1, 1).plusDays(random.nextInt(12_000));
            LocalDate to = from.plusDays(random.nextInt(i % 3 == 0 ? 4_000 : 20) - 2);
            int walked = 0;
            for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
                boolean weekend = d.getDayOfWeek().getValue() >= 6;
                if (!weekend && !Compliance.HOLIDAYS.contains(java.time.MonthDay.from(d))) {
                    walked++;
                }
            }
            assertEquals(walked, Compliance.workingDaysBetween(from, to), from + " → " + to);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportShowsEachUnitsItemsCountsAndTimeliness(@TempDir Path tmp) {
        Fixture f = Fixture.standard(tmp);
        f.page("so-a", "gioi-thieu", "Giới thiệu");
        f.page("so-a", "english", "Department A", "lang: en", "translation_of: gioi-thieu");
        f.page("so-a", "lien-he", "Liên hệ");
        f.page("so-a", "contact", "Contact", "language: en", "translation_of: lien-he");
        f.news("so-a", "a", "Tin A", "2026-01-02", "category: chi-dao-dieu-hanh");
        f.news("so-a", "b", "Tin B", "2026-01-05");
        f.write("content/so-a/hoi-dap/q.md", Fixture.md("title: Hỏi gì?\ndate: 2026-01-06\nsummary: Hỏi.\n"
                + "asker: Ông A\nanswered: 2026-01-08", "Trả lời."));
        // Issued on a Friday: published Tuesday is on time, Wednesday is late. Outside Git a
        // document is published when its file says (the front matter's date does not count).
        f.document("so-a", "d1", "01/QĐ-SA", "Quyết định", "2026-01-02", "date: 2026-01-20");
        f.document("so-a", "d2", "02/QĐ-SA", "Quyết định", "2026-01-02", "date: 2026-01-05");
        fileDate(f, "content/so-a/van-ban/d1.md", "2026-01-06T02:00:00Z");
        fileDate(f, "content/so-a/van-ban/d2.md", "2026-01-07T02:00:00Z");
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
        assertEquals(0L, docs.get("dated_by_git"));
        assertEquals(2L, docs.get("dated_by_file"));
        List<Map<String, Object>> timings = (List<Map<String, Object>>) (List<?>) docs.get("timeliness");
        Map<String, Object> late = timings.stream().filter(t -> "02/QĐ-SA".equals(t.get("number"))).findFirst().orElseThrow();
        assertEquals("file", late.get("date_source"));
        assertEquals("2026-01-07", late.get("published"));
        assertEquals(3L, late.get("working_days"));
        assertEquals(Boolean.FALSE, late.get("timely"));
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

    static void fileDate(Fixture f, String rel, String instant) {
        try {
            java.nio.file.Files.setLastModifiedTime(f.path(rel), java.nio.file.attribute.FileTime.from(java.time.Instant.parse(instant)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * In Git, a document is published when the commit that added its file was made
     * (author date, Vietnam time), whatever its file's date; the report says which date it used.
     */
    @Test
    @SuppressWarnings("unchecked")
    void timelinessIsJudgedByTheFirstCommitOfEachDocument(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        try (vn.trang.git.GitFixture g = vn.trang.git.GitFixture.create(tmp.resolve("p"))) {
            // Monday 5/1 → Tuesday 6/1: one working day, on time.
            g.at(java.time.Instant.parse("2026-01-06T02:00:00Z"));
            g.f.document("so-a", "mot-ngay", "01/QĐ-SA", "Quyết định", "2026-01-05");
            g.commit(vn.trang.git.GitFixture.EDITOR_A, "Văn bản đăng sau một ngày");
            // Monday 5/1 → Saturday 10/1 (five days): four working days, late.
            g.at(java.time.Instant.parse("2026-01-10T02:00:00Z"));
            g.f.document("so-a", "nam-ngay", "02/QĐ-SA", "Quyết định", "2026-01-05");
            g.commit(vn.trang.git.GitFixture.EDITOR_A, "Văn bản đăng sau năm ngày");
            // Friday 9/1 → Monday 12/1: one working day, on time.
            g.at(java.time.Instant.parse("2026-01-12T02:00:00Z"));
            g.f.document("so-a", "cuoi-tuan", "03/QĐ-SA", "Quyết định", "2026-01-09");
            g.commit(vn.trang.git.GitFixture.EDITOR_A, "Văn bản ban hành thứ Sáu");
            // Later edits do not move the publication date.
            g.at(java.time.Instant.parse("2026-03-02T02:00:00Z"));
            g.f.document("so-a", "mot-ngay", "01/QĐ-SA", "Quyết định", "2026-01-05", "signer: Người Ký");
            g.commit(vn.trang.git.GitFixture.EDITOR_A, "Bổ sung người ký");
            // Every file is much newer than its commit: only Git may decide.
            for (String n : List.of("mot-ngay", "nam-ngay", "cuoi-tuan")) {
                fileDate(g.f, "content/so-a/van-ban/" + n + ".md", "2026-06-01T00:00:00Z");
            }
            buildOn1June(g.root, out);
        }
        Map<String, Object> docs = unitDocuments(out, "so-a");
        assertEquals(3L, docs.get("dated"));
        assertEquals(2L, docs.get("within_2_working_days"));
        assertEquals(3L, docs.get("dated_by_git"));
        Map<String, Map<String, Object>> byNumber = new HashMap<>();
        for (Object o : (List<Object>) docs.get("timeliness")) {
            Map<String, Object> t = (Map<String, Object>) o;
            byNumber.put((String) t.get("number"), t);
        }
        assertEquals("2026-01-06", byNumber.get("01/QĐ-SA").get("published"));
        assertEquals(1L, byNumber.get("01/QĐ-SA").get("working_days"));
        assertEquals(Boolean.TRUE, byNumber.get("01/QĐ-SA").get("timely"));
        assertEquals("git", byNumber.get("01/QĐ-SA").get("date_source"));
        assertEquals(4L, byNumber.get("02/QĐ-SA").get("working_days"));
        assertEquals(Boolean.FALSE, byNumber.get("02/QĐ-SA").get("timely"));
        assertEquals(1L, byNumber.get("03/QĐ-SA").get("working_days"));
        assertEquals(Boolean.TRUE, byNumber.get("03/QĐ-SA").get("timely"));

        org.jsoup.nodes.Element unit = unitSection(out, "so-a");
        assertTrue(unit.selectFirst(".compliance-timeliness").text().contains("2/3"), unit::html);
        assertTrue(unit.selectFirst(".compliance-timeliness").text().contains("ngày đăng theo Git: 3"), unit::html);
        List<String> late = unit.select("table.compliance-late tbody th").eachText();
        assertEquals(List.of("02/QĐ-SA"), late);
        assertEquals("git", unit.selectFirst("table.compliance-late td[data-date-source]").attr("data-date-source"));
        assertEquals("Git", unit.selectFirst("table.compliance-late td[data-date-source]").text());
    }

    /**
     * A unit moving its existing site into Trang commits documents issued long before: Git cannot
     * say when those were published, so they are counted apart, not judged late.
     */
    @Test
    @SuppressWarnings("unchecked")
    void documentsIssuedBeforeTheHistoryStartsAreNotJudged(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        try (vn.trang.git.GitFixture g = vn.trang.git.GitFixture.create(tmp.resolve("p"))) {
            // The repository starts on Monday 5/1/2026 (GitFixture's first commit).
            g.at(java.time.Instant.parse("2026-01-07T02:00:00Z"));
            g.f.document("so-a", "cu", "09/QĐ-SA", "Quyết định", "2025-06-02");
            g.f.document("so-a", "cu-hon", "08/QĐ-SA", "Quyết định", "2024-03-01");
            g.f.document("so-a", "moi", "10/QĐ-SA", "Quyết định", "2026-01-05");
            g.commit(vn.trang.git.GitFixture.EDITOR_A, "Chuyển văn bản từ trang cũ sang");
            buildOn1June(g.root, out);
        }
        Map<String, Object> docs = unitDocuments(out, "so-a");
        assertEquals(2L, docs.get("issued_before_history"));
        assertEquals("2026-01-05", docs.get("history_start"));
        // only the document issued after the history starts is judged: 5/1 → 7/1, two working days
        assertEquals(1L, docs.get("dated"));
        assertEquals(1L, docs.get("within_2_working_days"));
        List<Object> timings = (List<Object>) docs.get("timeliness");
        assertEquals(List.of("10/QĐ-SA"), timings.stream().map(t -> ((Map<String, Object>) t).get("number")).toList());

        org.jsoup.nodes.Element unit = unitSection(out, "so-a");
        String note = unit.selectFirst(".compliance-before-history").text();
        assertTrue(note.contains("05/01/2026") && note.contains(": 2 văn bản"), note);
        assertTrue(unit.select("table.compliance-late").isEmpty(), unit::html);
    }

    private static void buildOn1June(Path root, Path out) {
        BuildResult r = new Builder().build(new BuildOptions(root, out, null, "default", 2)
                .withAsOf(LocalDate.of(2026, 6, 1)));
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
    }

    /** The "documents" object of one unit in the report's JSON. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> unitDocuments(Path out, String site) {
        Map<String, Object> json = MiniJson.object(Fixture.read(out.resolve("bao-cao-nd42.json")));
        Map<String, Object> unit = ((List<Object>) json.get("units")).stream().map(o -> (Map<String, Object>) o)
                .filter(u -> site.equals(u.get("site"))).findFirst().orElseThrow();
        return (Map<String, Object>) unit.get("documents");
    }

    /** One unit's section of the report page. */
    private static org.jsoup.nodes.Element unitSection(Path out, String site) {
        Document page = Jsoup.parse(Fixture.read(out.resolve("bao-cao-nd42/index.html")));
        return page.getElementById("u-" + site).closest("section");
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
