package vn.trang.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.diag.Diagnostics;
import vn.trang.editor.EditorFiles;
import vn.trang.load.SiteRegistry;
import vn.trang.load.SiteRegistryLoader;
import vn.trang.model.Site;
import vn.trang.model.SiteKind;

/** The demo province in the repository (content/, sites/, themes/) builds cleanly and is complete. */
class DemoContentTest {

    @TempDir
    static Path tmp;
    static Path out;
    static BuildResult result;
    static SiteRegistry registry;

    @BeforeAll
    static void build() {
        out = tmp.resolve("public");
        // A fixed build date: validity and the procedure review depend on it, and the demo must stay
        // warning-free whatever day the tests run.
        result = new Builder().build(BuildOptions.defaults(Fixture.REPO, out).withAsOf(java.time.LocalDate.of(2026, 11, 23)));
        Diagnostics d = new Diagnostics();
        registry = new SiteRegistryLoader().load(Fixture.REPO.resolve("sites"), Fixture.REPO, d).orElseThrow(
                () -> new AssertionError(Diags.dump(d)));
    }

    @Test
    void buildsWithoutErrorsOrWarnings() {
        assertTrue(result.ok(), () -> Diags.dump(result.diagnostics()));
        assertEquals(0, result.diagnostics().errorCount(), () -> Diags.dump(result.diagnostics()));
        assertEquals(0, result.diagnostics().warningCount(), () -> Diags.dump(result.diagnostics()));
        assertEquals(registry.sites().size(), result.sites());
    }

    @Test
    void hasAPortalDepartmentsAndCommunes() {
        Map<SiteKind, Long> kinds = registry.sites().stream().collect(Collectors.groupingBy(Site::kind, Collectors.counting()));
        assertEquals(1L, kinds.get(SiteKind.PORTAL));
        assertTrue(kinds.getOrDefault(SiteKind.DEPARTMENT, 0L) >= 5, kinds::toString);
        assertTrue(kinds.getOrDefault(SiteKind.COMMUNE, 0L) >= 4, kinds::toString);
    }

    /** Published news pages of a site: folders under its tin-tuc/ other than the pagination folder. */
    static int newsCount(Site s) throws IOException {
        Path dir = out.resolve(s.path().substring(1)).resolve("tin-tuc");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> children = Files.list(dir)) {
            return (int) children.filter(p -> Files.isRegularFile(p.resolve("index.html")))
                    .filter(p -> !p.getFileName().toString().equals("trang")).count();
        }
    }

    @Test
    void everySiteHasAtLeastFiveNews() throws IOException {
        assertTrue(result.ok());
        Map<String, Integer> counts = new TreeMap<>();
        for (Site s : registry.sites()) {
            counts.put(s.id(), newsCount(s));
        }
        assertTrue(counts.values().stream().allMatch(n -> n >= 5), counts::toString);
        assertEquals(registry.sites().size(), counts.size());
    }

    static Properties messages() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Fixture.THEME.resolve("i18n/messages_vi.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    /** The value shown next to a label in the document's facts list. */
    static String fact(Document doc, String label) {
        for (Element dt : doc.select("main dl dt")) {
            if (dt.text().equals(label)) {
                return dt.nextElementSibling().text();
            }
        }
        throw new AssertionError("no fact '" + label + "' in " + doc.location());
    }

    @Test
    void directive06ShowsItsNumberSignerAndIssueDate() throws IOException {
        assertTrue(result.ok());
        Path file = out.resolve("van-ban/06-ct-ubnd/index.html");
        assertTrue(Files.isRegularFile(file), "the page of 06/CT-UBND");
        Document doc = Jsoup.parse(Fixture.read(file), "https://demo/van-ban/06-ct-ubnd/");
        Properties t = messages();
        assertEquals("06/CT-UBND", fact(doc, t.getProperty("doc_number")));
        assertTrue(fact(doc, t.getProperty("signer")).contains("Nguyễn Tiến Nhường"));
        assertEquals("19/04/2019", fact(doc, t.getProperty("issued")));
        assertTrue(doc.selectFirst("main h1").text().contains("06/CT-UBND"));
    }

    @Test
    void everyPageIsSafeAndEveryInternalLinkResolves() throws IOException {
        assertTrue(result.ok());
        List<Path> pages;
        try (Stream<Path> s = Files.walk(out)) {
            pages = s.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertTrue(pages.size() > 100, "pages: " + pages.size());
        TreeSet<String> problems = new TreeSet<>();
        for (Path p : pages) {
            Document doc = Jsoup.parse(Fixture.read(p));
            String where = out.relativize(p).toString();
            // the editor's pages (quan-tri/) load its script and Trang's preview pane, and only there
            boolean editor = where.replace('\\', '/').matches("(.+/)?" + EditorFiles.FOLDER + "index\\.html");
            String allowed = editor
                    ? ":not([src=\"" + EditorFiles.SCRIPT_URL + "\"]):not([src=\"" + EditorFiles.PREVIEW_SCRIPT_URL + "\"])"
                    : ":not([type=application/ld+json])";
            if (!doc.select("script" + allowed + ", iframe, object, embed, [style*=url(]").isEmpty()) {
                problems.add(where + ": script or embedded content");
            }
            // the English pages of every unit (lang: en), the rest in Vietnamese
            boolean english = where.replace('\\', '/').matches("(.+/)?(introduction|contact)/index\\.html");
            if (!(english ? "en" : "vi").equals(doc.selectFirst("html").attr("lang"))) {
                problems.add(where + ": lang");
            }
            List<String> targets = new ArrayList<>(doc.select("a[href^=/], link[href^=/]").eachAttr("href"));
            targets.addAll(doc.select("img[src^=/]").eachAttr("src"));
            for (String href : targets) {
                String path = href.replaceFirst("[#?].*$", "");
                if (path.startsWith("//")) {
                    problems.add(where + ": protocol-relative " + href);
                    continue;
                }
                Path target = out.resolve(path.substring(1) + (path.endsWith("/") ? "index.html" : ""));
                if (!Files.exists(target)) {
                    problems.add(where + " → " + href);
                }
            }
        }
        assertTrue(problems.isEmpty(), () -> problems.size() + " problems:\n" + String.join("\n", problems));
    }

    @Test
    void theBrowserEditorOpensEveryFile() throws IOException {
        vn.trang.editor.EditorOpens.Report r = vn.trang.editor.EditorOpens.check(Fixture.REPO, out, registry.sites());
        assertTrue(r.problems().isEmpty(), () -> "run trang fmt:\n" + String.join("\n", r.problems()));
        try (Stream<Path> s = Files.walk(Fixture.REPO.resolve("content"))) {
            assertEquals(s.filter(p -> p.toString().endsWith(".md")).count(), r.files(), "every content file");
        }
    }

    @Test
    void everySiteHasItsHome404AndSitemap() {
        assertTrue(result.ok());
        for (Site s : registry.sites()) {
            Path dir = out.resolve(s.path().substring(1));
            assertNotNull(dir);
            for (String f : List.of("index.html", "404.html", "sitemap.xml")) {
                assertTrue(Files.isRegularFile(dir.resolve(f)), s.id() + "/" + f);
            }
            Document home = Jsoup.parse(Fixture.read(dir.resolve("index.html")));
            assertTrue(home.selectFirst("body > header").text().contains(s.name()), s.id());
            assertTrue(home.selectFirst("body > footer").text().contains(s.phone()), s.id());
        }
        assertFalse(Fixture.read(out.resolve("robots.txt")).isBlank());
    }

    /**
     * NĐ 42/2022 expects key information in English: every demo unit has an English introduction
     * and contact page, so the compliance report's English line passes for all of them.
     */
    @Test
    void everyUnitHasAnEnglishIntroductionAndContactPage() {
        assertTrue(result.ok());
        Document report = Jsoup.parse(Fixture.read(out.resolve("bao-cao-nd42/index.html")));
        List<String> missing = report.select("tr.missing th").eachText().stream()
                .filter(t -> t.startsWith("Trang tiếng Anh")).toList();
        assertEquals(List.of(), missing);
        long passed = report.select("tr.ok th").eachText().stream().filter(t -> t.startsWith("Trang tiếng Anh")).count();
        assertEquals(registry.sites().size(), passed);
        for (Site s : registry.sites()) {
            for (String page : List.of("introduction", "contact")) {
                Document d = Jsoup.parse(Fixture.read(out.resolve(s.path().substring(1) + page + "/index.html")));
                assertEquals("en", d.selectFirst("html").attr("lang"), s.id() + "/" + page);
                assertEquals(s.nameEn(), d.selectFirst(".brand-name").text(), s.id());
                assertNotNull(d.selectFirst("link[rel=alternate][hreflang=vi]"), s.id() + "/" + page);
            }
            Document home = Jsoup.parse(Fixture.read(out.resolve(s.path().substring(1) + "index.html")));
            assertEquals(s.path() + "introduction/", home.selectFirst(".lang-switch a[hreflang=en]").attr("href"), s.id());
        }
    }
}
