package vn.trang.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.MiniJson;
import vn.trang.diag.Diagnostic;
import vn.trang.pipeline.BuildOptions;
import vn.trang.pipeline.BuildResult;
import vn.trang.pipeline.Builder;

/**
 * The legal-document index end to end on one fixture province built as of 2026-06-01: derived
 * status (one document per rule), relations both ways, citations, facets, exports, JSON-LD.
 */
class DocumentIndexTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
    static final String ISSUER = "Ủy ban nhân dân tỉnh Thử";

    @TempDir
    static Path dir;
    static Fixture f;
    static BuildResult result;
    static Map<String, Map<String, Object>> byNumber = new HashMap<>();

    static String doc(String number, String type, String issued, String extra, String body) {
        return Fixture.md("number: " + number + "\ndoc_type: " + type + "\nissuer: " + ISSUER + "\nissued: " + issued
                + "\nsummary: Trích yếu " + number + "\n" + extra, body);
    }

    static BuildResult build(Fixture fx, LocalDate asOf) {
        return new Builder().build(new BuildOptions(fx.root, fx.out(), null, "default", 2).withAsOf(asOf));
    }

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void buildProvince() throws IOException {
        f = Fixture.standard(dir);
        String v = "content/tinh/van-ban/";
        f.write(v + "in-force.md", doc("01/2020/QĐ-UBND", "Quyết định", "2020-01-10", "effective: 2020-01-20\n",
                "Căn cứ Nghị định số 43/2011/NĐ-CP ngày 13/6/2011 của Chính phủ.\n"));
        f.write(v + "not-yet.md", doc("02/2026/QĐ-UBND", "Quyết định", "2026-05-20", "effective: 2026-07-01\n", ""));
        f.write(v + "replaced.md", doc("03/2019/QĐ-UBND", "Quyết định", "2019-03-01", "effective: 2019-03-11\n", ""));
        f.write(v + "replacing.md", doc("04/2025/QĐ-UBND", "Quyết định", "2025-04-01", "effective: 2025-04-11\n"
                + "relations:\n  thay_the: [03/2019/QĐ-UBND]\n  can_cu: [01/2020/QĐ-UBND]\n", ""));
        f.write(v + "future-repeal-target.md", doc("05/2024/QĐ-UBND", "Quyết định", "2024-05-01", "effective: 2024-05-11\n", ""));
        f.write(v + "future-repealer.md", doc("06/2026/QĐ-UBND", "Quyết định", "2026-05-25", "effective: 2026-09-01\n"
                + "relations:\n  bai_bo: [05/2024/QĐ-UBND]\n", ""));
        f.write(v + "partly.md", doc("07/2021/QĐ-UBND", "Quyết định", "2021-07-01", "effective: 2021-07-11\n", ""));
        f.write(v + "partial-repealer.md", doc("08/2025/QĐ-UBND", "Quyết định", "2025-08-01", "effective: 10 ngày kể từ ngày ký\n"
                + "relations:\n  bai_bo:\n    - number: 07/2021/QĐ-UBND\n      partial: true\n      note: Điều 5\n", ""));
        f.write(v + "suspended.md", doc("09/2026/QĐ-UBND", "Quyết định", "2026-01-05", "effective: 2026-01-15\n", ""));
        f.write(v + "suspender.md", doc("10/2026/QĐ-UBND", "Quyết định", "2026-02-01", "effective: kể từ ngày ký\n"
                + "relations:\n  dinh_chi: [09/2026/QĐ-UBND]\n", ""));
        f.write(v + "partly-suspended.md", doc("11/2025/QĐ-UBND", "Quyết định", "2025-11-01", "effective: 2025-11-11\n", ""));
        f.write(v + "partial-suspender.md", doc("12/2026/QĐ-UBND", "Quyết định", "2026-03-01", "effective: 2026-03-01\n"
                + "relations:\n  dinh_chi:\n    - number: 11/2025/QĐ-UBND\n      partial: true\n", ""));
        f.write(v + "expired.md", doc("13/KH-UBND", "Kế hoạch", "2025-01-02", "effective: 2025-01-02\nexpires: 2025-12-31\n", ""));
        f.write(v + "outdated.md", doc("14/CT-UBND", "Chỉ thị", "2011-01-26", "effective: 2011-01-26\nstatus: Không còn phù hợp\n", ""));
        f.write(v + "unknown.md", doc("15/QĐ-UBND", "Quyết định", "2018-10-31", "", ""));
        f.write(v + "declared-only.md", doc("16/QĐ-UBND", "Quyết định", "2018-11-30", "status: Còn hiệu lực\n", ""));
        // Citations: a resolved one with a contradicting date, an unresolved one.
        f.write(v + "citing.md", doc("17/CT-UBND", "Chỉ thị", "2026-01-20", "effective: 2026-01-20\n",
                "Thực hiện Quyết định số 01/2020/QĐ-UBND ngày 11/01/2020 và Quyết định số 999/QĐ-TTg ngày 2/3/2020.\n\n"
                        + "Số hiệu 06/CT-UBND không có trong danh mục.\n"));
        // A unit's document with a file, cited from a portal news item.
        f.write("content/so-a/van-ban/qd-so-a.md", Fixture.md("number: 20/QĐ-SA\ndoc_type: Quyết định\nissuer: Sở A\n"
                + "issued: 2026-02-02\neffective: 2026-02-02\nfields: [Tài chính, Đầu tư]\nsummary: Quyết định của Sở A\n"
                + "gazette_number: \"5+6\"\ngazette_date: 2026-02-10\nfiles:\n  - file: qd-so-a.pdf\n    title: Bản PDF\n", ""));
        f.bytes("content/so-a/van-ban/qd-so-a.pdf", "%PDF-1.4 thử nghiệm".getBytes(StandardCharsets.UTF_8));
        f.news("tinh", "tin-dan", "Tin dẫn văn bản", "2026-03-01");
        f.write("content/tinh/tin-tuc/tin-dan.md", Fixture.md("title: Tin dẫn văn bản\ndate: 2026-03-01\nsummary: Tin.",
                "Sở A ban hành Quyết định số 20/QĐ-SA về tài chính.\n"));
        result = build(f, AS_OF);
        assertTrue(result.ok(), () -> Diags.dump(result.diagnostics()));
        Map<String, Object> json = MiniJson.object(Files.readString(f.out().resolve("van-ban/van-ban.json")));
        for (Object o : (List<Object>) json.get("documents")) {
            Map<String, Object> m = (Map<String, Object>) o;
            byNumber.put((String) m.get("number"), m);
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "01/2020/QĐ-UBND | Còn hiệu lực",
            "02/2026/QĐ-UBND | Chưa có hiệu lực",
            "03/2019/QĐ-UBND | Hết hiệu lực toàn bộ",
            "05/2024/QĐ-UBND | Còn hiệu lực",       // its repealer takes effect only on 01/09/2026
            "06/2026/QĐ-UBND | Chưa có hiệu lực",
            "07/2021/QĐ-UBND | Hết hiệu lực một phần",
            "08/2025/QĐ-UBND | Còn hiệu lực",       // effective by rule: 10 days after 01/08/2025
            "09/2026/QĐ-UBND | Ngưng hiệu lực",
            "11/2025/QĐ-UBND | Ngưng hiệu lực một phần",
            "13/KH-UBND      | Hết hiệu lực toàn bộ",
            "14/CT-UBND      | Không còn phù hợp",
            "15/QĐ-UBND      | Chưa xác định",
            "16/QĐ-UBND      | Còn hiệu lực",       // no dates to contradict the editor
    })
    void statusIsDerivedAsOfTheBuildDate(String number, String expected) {
        Map<String, Object> d = byNumber.get(number);
        assertNotNull(d, number + " exported");
        assertEquals(expected, d.get("status"), () -> number + ": " + d.get("status_reason"));
    }

    @Test
    void effectiveRuleIsComputed() {
        assertEquals("2025-08-11", byNumber.get("08/2025/QĐ-UBND").get("effective"));
        assertEquals("10 ngày kể từ ngày ký", byNumber.get("08/2025/QĐ-UBND").get("effective_rule"));
        assertEquals("2026-02-01", byNumber.get("10/2026/QĐ-UBND").get("effective"));
    }

    @Test
    void theSameBuildLaterSeesTheRepealTakeEffect() {
        Path later = f.root.resolve("public-later");
        BuildResult r = new Builder().build(new BuildOptions(f.root, later, null, "default", 2)
                .withAsOf(LocalDate.of(2026, 9, 2)));
        assertTrue(r.ok());
        Map<String, Object> d = find(Fixture.read(later.resolve("van-ban/van-ban.json")), "05/2024/QĐ-UBND");
        assertEquals("Hết hiệu lực toàn bộ", d.get("status"));
        assertTrue(((String) d.get("status_reason")).contains("06/2026/QĐ-UBND"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> find(String json, String number) {
        for (Object o : (List<Object>) MiniJson.object(json).get("documents")) {
            Map<String, Object> m = (Map<String, Object>) o;
            if (number.equals(m.get("number"))) {
                return m;
            }
        }
        throw new AssertionError(number + " not exported");
    }

    static Document page(String url) {
        return Jsoup.parse(Fixture.read(f.out().resolve(url.substring(1) + "index.html")));
    }

    /** Label → numbers listed under it in the "Văn bản liên quan" section. */
    static Map<String, List<String>> relations(Document d) {
        Map<String, List<String>> out = new HashMap<>();
        for (Element h : d.select(".doc-relations h3")) {
            out.put(h.text(), h.nextElementSibling().select("li").eachText());
        }
        return out;
    }

    @Test
    void relationsAreShownBothWays() {
        Map<String, List<String>> replacing = relations(page("/van-ban/04-2025-qd-ubnd/"));
        assertTrue(replacing.get("Văn bản bị thay thế").get(0).contains("03/2019/QĐ-UBND"), replacing::toString);
        assertTrue(replacing.get("Văn bản căn cứ").get(0).contains("01/2020/QĐ-UBND"), replacing::toString);
        Map<String, List<String>> replaced = relations(page("/van-ban/03-2019-qd-ubnd/"));
        assertTrue(replaced.get("Văn bản thay thế").get(0).contains("04/2025/QĐ-UBND"), replaced::toString);
        Map<String, List<String>> basis = relations(page("/van-ban/01-2020-qd-ubnd/"));
        assertTrue(basis.get("Văn bản được căn cứ").get(0).contains("04/2025/QĐ-UBND"), basis::toString);
        Map<String, List<String>> partly = relations(page("/van-ban/07-2021-qd-ubnd/"));
        assertTrue(partly.get("Văn bản bãi bỏ").get(0).contains("một phần: Điều 5"), partly::toString);
        // The replacing document's link goes to the replaced document's page.
        Element link = page("/van-ban/04-2025-qd-ubnd/").selectFirst(".doc-relations a[href=/van-ban/03-2019-qd-ubnd/]");
        assertNotNull(link);
    }

    @Test
    void citationsAreLinkedListedAndReported() throws IOException {
        Document citing = page("/van-ban/17-ct-ubnd/");
        Element link = citing.selectFirst(".doc-body a.cite");
        assertNotNull(link, "cited number linked in the text");
        assertEquals("/van-ban/01-2020-qd-ubnd/", link.attr("href"));
        assertEquals("01/2020/QĐ-UBND", link.text());
        assertTrue(citing.select(".doc-body a.cite").eachText().stream().noneMatch(t -> t.contains("999")),
                "unknown numbers stay text");
        List<String> cites = citing.select(".doc-citations li").eachText();
        assertTrue(cites.stream().anyMatch(t -> t.contains("01/2020/QĐ-UBND")), cites::toString);
        assertTrue(cites.stream().anyMatch(t -> t.contains("999/QĐ-TTg") && t.contains("chưa có")), cites::toString);
        Document cited = page("/van-ban/01-2020-qd-ubnd/");
        assertTrue(cited.select(".doc-citations li").eachText().stream().anyMatch(t -> t.contains("17/CT-UBND")),
                "được dẫn chiếu bởi");
        // A news item's text links to a unit's document.
        Element newsLink = page("/tin-tuc/tin-dan-van-ban/").selectFirst("a.cite");
        assertNotNull(newsLink);
        assertEquals("/so-a/van-ban/20-qd-sa/", newsLink.attr("href"));
        String report = Files.readString(f.out().resolve(Builder.UNRESOLVED_REPORT));
        assertTrue(report.contains("999/QĐ-TTg"), report);
        assertTrue(report.contains("43/2011/NĐ-CP"), report);
        assertTrue(report.contains("06/CT-UBND"), report);
        assertFalse(report.contains("01/2020/QĐ-UBND"), report);
    }

    @Test
    void aCitedDateThatContradictsTheIssueDateIsAWarning() {
        List<Diagnostic> warnings = result.diagnostics().list().stream().filter(x -> !x.isError()).toList();
        Diagnostic w = warnings.stream().filter(x -> x.message().contains("01/2020/QĐ-UBND")).findFirst().orElseThrow();
        assertEquals("content/tinh/van-ban/citing.md", w.file());
        assertEquals(9, w.line(), w::format);
        assertTrue(w.message().contains("11/01/2020") && w.message().contains("10/01/2020"), w::format);
    }

    @Test
    void facetPagesCountAndFilter() {
        Document index = page("/van-ban/");
        Map<String, String> counts = new HashMap<>();
        for (Element li : index.select(".facet-group li")) {
            counts.put(li.selectFirst("a").attr("href"), li.selectFirst(".count").text());
        }
        long decisions = byNumber.values().stream().filter(d -> "Quyết định".equals(d.get("type"))).count();
        assertEquals("(" + decisions + ")", counts.get("/van-ban/loai/quyet-dinh/"), counts::toString);
        assertEquals("(1)", counts.get("/van-ban/loai/ke-hoach/"));
        assertEquals("(1)", counts.get("/van-ban/linh-vuc/dau-tu/"));
        assertEquals("(2)", counts.get("/van-ban/hieu-luc/chua-co-hieu-luc/"));
        Document facet = page("/van-ban/hieu-luc/chua-co-hieu-luc/");
        List<String> titles = facet.select(".item-list .item-title").eachText();
        assertEquals(2, titles.size(), titles::toString);
        assertTrue(titles.stream().allMatch(t -> t.contains("02/2026") || t.contains("06/2026")), titles::toString);
        assertNotNull(facet.selectFirst(".facet-group a[aria-current=page][href=/van-ban/hieu-luc/chua-co-hieu-luc/]"));
        // Per unit: only its own documents.
        Document unit = page("/so-a/van-ban/");
        assertEquals(1, unit.select(".item-list .item").size());
        assertTrue(Files.exists(f.out().resolve("so-a/van-ban/nam/2026/index.html")));
    }

    @Test
    void exportsRoundTrip() throws IOException {
        assertEquals(byNumber.size(), byNumber.values().stream().map(d -> d.get("number")).distinct().count());
        Map<String, Object> unitDoc = byNumber.get("20/QĐ-SA");
        assertEquals("Sở A", unitDoc.get("issuer"));
        assertEquals(List.of("Tài chính", "Đầu tư"), unitDoc.get("fields"));
        assertEquals("5+6", unitDoc.get("gazette_number"));
        @SuppressWarnings("unchecked")
        Map<String, Object> file = (Map<String, Object>) ((List<Object>) unitDoc.get("files")).get(0);
        byte[] pdf = Files.readAllBytes(f.out().resolve("so-a/van-ban/qd-so-a.pdf"));
        assertEquals((long) pdf.length, file.get("size"));
        assertEquals(sha256(pdf), file.get("sha256"));
        assertEquals("https://" + Fixture.PORTAL_HOST + "/so-a/van-ban/qd-so-a.pdf", file.get("url"));

        String csv = Files.readString(f.out().resolve("van-ban/van-ban.csv"));
        assertTrue(csv.startsWith("\uFEFF"), "BOM for spreadsheet programs");
        List<List<String>> rows = parseCsv(csv.substring(1));
        List<String> header = rows.get(0);
        assertEquals(byNumber.size(), rows.size() - 1);
        int number = header.indexOf("so_hieu");
        int status = header.indexOf("tinh_trang");
        int sha = header.indexOf("sha256");
        int cites = header.indexOf("dan_chieu");
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, Object> d = byNumber.get(row.get(number));
            assertNotNull(d, row.toString());
            assertEquals(d.get("status"), row.get(status));
        }
        List<String> unitRow = rows.stream().filter(r -> r.get(number).equals("20/QĐ-SA")).findFirst().orElseThrow();
        assertEquals(sha256(pdf), unitRow.get(sha));
        List<String> citingRow = rows.stream().filter(r -> r.get(number).equals("17/CT-UBND")).findFirst().orElseThrow();
        assertTrue(citingRow.get(cites).contains("01/2020/QĐ-UBND") && citingRow.get(cites).contains("999/QĐ-TTg"),
                citingRow::toString);
    }

    static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** RFC 4180, written here independently of the exporter. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    @Test
    @SuppressWarnings("unchecked")
    void documentPagesCarryLegislationJsonLd() {
        Document d = page("/van-ban/04-2025-qd-ubnd/");
        // the document's own block, beside the layout's (@graph: breadcrumbs)
        Element script = d.selectFirst("script[type=application/ld+json]:containsData(\"Legislation\")");
        assertNotNull(script);
        Map<String, Object> ld = MiniJson.object(script.data());
        assertEquals("Legislation", ld.get("@type"));
        assertEquals("04/2025/QĐ-UBND", ld.get("legislationIdentifier"));
        assertEquals("2025-04-01", ld.get("legislationDate"));
        assertEquals("https://schema.org/InForce", ld.get("legislationLegalForce"));
        assertTrue(((List<Object>) ld.get("legislationRepeals")).get(0).toString().endsWith("/van-ban/03-2019-qd-ubnd/"));
        Map<String, Object> replaced = MiniJson.object(page("/van-ban/03-2019-qd-ubnd/")
                .selectFirst("script[type=application/ld+json]:containsData(\"Legislation\")").data());
        assertEquals("https://schema.org/NotInForce", replaced.get("legislationLegalForce"));
    }

    @Test
    void documentPageShowsFilesWithSizeAndDigest() {
        Document d = page("/so-a/van-ban/20-qd-sa/");
        Element file = d.selectFirst(".doc-files a[href=/so-a/van-ban/qd-so-a.pdf]");
        assertNotNull(file);
        assertTrue(d.selectFirst(".doc-files").text().contains("SHA-256"));
        assertTrue(d.select(".doc-meta").text().contains("5+6"), "gazette number shown");
    }

    @Test
    void statusReasonIsShown() {
        String meta = page("/van-ban/03-2019-qd-ubnd/").select(".doc-meta").text();
        assertTrue(meta.contains("Hết hiệu lực toàn bộ") && meta.contains("04/2025/QĐ-UBND"), meta);
    }

    // ---- validation -----------------------------------------------------------------------

    static BuildResult buildOne(Path tmp, String name, String content, String... more) {
        Fixture fx = Fixture.standard(tmp);
        fx.write("content/tinh/van-ban/" + name, content);
        for (int i = 0; i + 1 < more.length; i += 2) {
            fx.write(more[i], more[i + 1]);
        }
        return build(fx, AS_OF);
    }

    @Test
    void malformedNumberIsAnError(@TempDir Path tmp) {
        BuildResult r = buildOne(tmp, "x.md", doc("12 QĐ UBND", "Quyết định", "2026-01-01", "", ""));
        assertFalse(r.ok());
        Diags.singleError(r.diagnostics(), "content/tinh/van-ban/x.md", 2, 9, "12 QĐ UBND");
    }

    @Test
    void typeMustMatchTheNumbersAbbreviation(@TempDir Path tmp) {
        BuildResult r = buildOne(tmp, "x.md", doc("06/CT-UBND", "Quyết định", "2026-01-01", "", ""));
        assertFalse(r.ok());
        Diagnostic e = Diags.singleError(r.diagnostics(), "content/tinh/van-ban/x.md", 3, 11, "Chỉ thị");
        assertTrue(e.fix().contains("Chỉ thị"), e::format);
    }

    @Test
    void sameNumberFromTheSameIssuerIsAnError(@TempDir Path tmp) {
        BuildResult r = buildOne(tmp, "a.md", doc("05/KH-UBND", "Kế hoạch", "2026-01-01", "", ""),
                "content/so-a/van-ban/b.md", doc("05/KH-UBND", "Kế hoạch", "2026-02-01", "", ""));
        assertFalse(r.ok());
        Diagnostic e = Diags.single(r.diagnostics());
        assertTrue(e.isError());
        assertTrue(e.message().contains("05/KH-UBND") && (e.message().contains("a.md") || e.message().contains("b.md")),
                e::format);
        assertEquals(2, e.line());
    }

    @Test
    void sameNumberFromDifferentIssuersIsFine(@TempDir Path tmp) {
        BuildResult r = buildOne(tmp, "a.md", doc("05/KH-UBND", "Kế hoạch", "2026-01-01", "", ""),
                "content/xa-b/van-ban/b.md", Fixture.md("number: 05/KH-UBND\ndoc_type: Kế hoạch\nissuer: Ủy ban nhân dân xã B"
                        + "\nissued: 2026-02-01\nsummary: Kế hoạch của xã", ""));
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
    }

    @Test
    void relationToAnUnknownNumberIsAWarningNamingIt(@TempDir Path tmp) {
        BuildResult r = buildOne(tmp, "x.md", doc("01/2026/QĐ-UBND", "Quyết định", "2026-01-01",
                "relations:\n  thay_the: [77/2019/QĐ-UBND]\n", ""));
        assertTrue(r.ok(), "a warning does not fail the build");
        Diagnostic w = Diags.single(r.diagnostics());
        assertFalse(w.isError());
        Diags.assertAt(w, "content/tinh/van-ban/x.md", 8, 14);
        assertTrue(w.message().contains("77/2019/QĐ-UBND"), w::format);
    }

    @Test
    void unknownRelationKindIsAnError(@TempDir Path tmp) {
        BuildResult r = buildOne(tmp, "x.md", doc("01/2026/QĐ-UBND", "Quyết định", "2026-01-01",
                "relations:\n  thay_doi: [77/2019/QĐ-UBND]\n", ""));
        assertFalse(r.ok());
        Diags.singleError(r.diagnostics(), "content/tinh/van-ban/x.md", 8, 3, "thay_doi");
    }

    @Test
    void attachmentOutsideTheSiteFolderIsAnError(@TempDir Path tmp) {
        BuildResult r = buildOne(tmp, "x.md", doc("01/2026/QĐ-UBND", "Quyết định", "2026-01-01",
                "files: [../../so-a/van-ban/khac.pdf]\n", ""), "content/so-a/van-ban/khac.pdf", "%PDF");
        assertFalse(r.ok());
        Diags.singleError(r.diagnostics(), "content/tinh/van-ban/x.md", 7, 9, "ngoài thư mục");
    }

    @Test
    void missingAttachmentIsAnError(@TempDir Path tmp) {
        BuildResult r = buildOne(tmp, "x.md", doc("01/2026/QĐ-UBND", "Quyết định", "2026-01-01",
                "files:\n  - file: khong-co.pdf\n", ""));
        assertFalse(r.ok());
        Diags.singleError(r.diagnostics(), "content/tinh/van-ban/x.md", 8, 11, "khong-co.pdf");
    }

    @Test
    void declaredStatusThatDisagreesIsAWarning(@TempDir Path tmp) {
        BuildResult r = buildOne(tmp, "x.md", doc("01/2020/QĐ-UBND", "Quyết định", "2020-01-01",
                "effective: 2020-01-01\nexpires: 2021-01-01\nstatus: Còn hiệu lực\n", ""));
        assertTrue(r.ok());
        Diagnostic w = Diags.single(r.diagnostics());
        assertFalse(w.isError());
        Diags.assertAt(w, "content/tinh/van-ban/x.md", 9, 9);
        assertTrue(w.message().contains("Còn hiệu lực") && w.message().contains("Hết hiệu lực toàn bộ"), w::format);
    }

    @Test
    void aDocumentCannotRelateToItself(@TempDir Path tmp) {
        BuildResult r = buildOne(tmp, "x.md", doc("01/2026/QĐ-UBND", "Quyết định", "2026-01-01",
                "relations:\n  can_cu: [01/2026/qđ-ubnd]\n", ""));
        assertFalse(r.ok());
        assertTrue(Diags.single(r.diagnostics()).message().contains("chính nó"));
    }

    @Test
    void citedWithDifferentDatesInTwoDocumentsIsAWarning(@TempDir Path tmp) {
        BuildResult r = buildOne(tmp, "a.md", doc("01/2026/QĐ-UBND", "Quyết định", "2026-01-01", "",
                        "Theo Quyết định số 1605/QĐ-TTg ngày 27/8/2010 của Thủ tướng.\n"),
                "content/tinh/van-ban/b.md", doc("02/2026/QĐ-UBND", "Quyết định", "2026-01-02", "",
                        "Theo Quyết định số 1605/QĐ-TTg ngày 6/9/2010 của Thủ tướng.\n"));
        assertTrue(r.ok());
        Diagnostic w = Diags.single(r.diagnostics());
        assertFalse(w.isError());
        assertTrue(w.message().contains("1605/QĐ-TTg") && w.message().contains("27/08/2010")
                && w.message().contains("06/09/2010"), w::format);
        assertEquals("content/tinh/van-ban/b.md", w.file());
        assertEquals(8, w.line());
    }

    @Test
    void asOfOptionChangesDerivedStatus(@TempDir Path tmp) {
        Fixture fx = Fixture.standard(tmp);
        fx.write("content/tinh/van-ban/x.md", doc("01/2021/QĐ-UBND", "Quyết định", "2020-12-01", "effective: 2021-01-01\n", ""));
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = vn.trang.cli.TrangCommand.execute(new String[] {"build", "--root", fx.root.toString(), "--out",
                fx.out().toString(), "--as-of", "2020-12-15"}, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        assertEquals(0, code, err::toString);
        assertEquals("Chưa có hiệu lực", find(Fixture.read(fx.out().resolve("van-ban/van-ban.json")), "01/2021/QĐ-UBND")
                .get("status"));
        int bad = vn.trang.cli.TrangCommand.execute(new String[] {"build", "--root", fx.root.toString(), "--as-of",
                "15/12/2020"}, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        assertEquals(2, bad, "a malformed date is a usage error");
    }

    static String joined(List<String> l) {
        return l.stream().collect(Collectors.joining(" | "));
    }
}
