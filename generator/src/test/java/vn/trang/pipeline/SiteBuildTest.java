package vn.trang.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

import vn.trang.Diags;
import vn.trang.Fixture;

/**
 * Builds a small province once — portal, a department with enough news to paginate, a commune,
 * items of every type — and checks the published HTML, feeds and sitemaps.
 */
class SiteBuildTest {

    static final String HOST = "https://" + Fixture.PORTAL_HOST;
    static final String DEPT_NAME = "Sở Thử Nghiệm";
    static final String DEPT_ADDRESS = "Số 7 đường Nguyễn Trãi, phường Kinh Bắc";
    static final String DEPT_PHONE = "0222 3811 234";
    static final String DEPT_EMAIL = "stn@tinh.example.vn";
    static final String COMMUNE_NAME = "Xã Bình Yên";
    static final String COMMUNE_PHONE = "0222 3999 111";
    static final String COMMUNE_EMAIL = "ubnd.binhyen@tinh.example.vn";
    static final String DEPT_INTRO_SUMMARY = "Sở Thử Nghiệm tham mưu cho UBND tỉnh về thử nghiệm.";
    static final int DEPT_NEWS = 45;
    static final LocalDateTime FIRST_NEWS = LocalDateTime.of(2025, 1, 1, 8, 30);

    @TempDir
    static Path tmp;
    static Fixture f;
    static BuildResult result;
    static Path out;

    @BeforeAll
    static void build() {
        f = Fixture.empty(tmp)
                .write("sites/tinh.yml", Fixture.portalYaml())
                .write("sites/so-a.yml", """
                        name: %s
                        short_name: STN
                        kind: department
                        parent: tinh
                        path: /so-a/
                        address: %s
                        phone: "%s"
                        email: %s
                        """.formatted(DEPT_NAME, DEPT_ADDRESS, DEPT_PHONE, DEPT_EMAIL))
                .write("sites/xa-b.yml", """
                        name: %s
                        kind: commune
                        parent: tinh
                        path: /xa-b/
                        address: Thôn Đông, xã Bình Yên
                        phone: "%s"
                        email: %s
                        """.formatted(COMMUNE_NAME, COMMUNE_PHONE, COMMUNE_EMAIL));
        // Department: 45 news a day apart, one sample, one draft, one with an image.
        for (int i = 0; i < DEPT_NEWS; i++) {
            LocalDateTime t = FIRST_NEWS.plusDays(i);
            f.news("so-a", "tin-" + i, "Tin số " + (i + 1) + " của Sở", "\"" + t.toString().replace('T', ' ') + "\"",
                    i == 7 ? "sample: true" : "",
                    i == 8 ? "image: anh.jpg\nimage_alt: Quang cảnh hội nghị" : "");
        }
        f.bytes("content/so-a/tin-tuc/anh.jpg", vn.trang.image.TestImages.jpeg(8, 8));
        f.news("so-a", "nhap", "Bản nháp chưa đăng", "2025-06-01", "draft: true");
        f.document("so-a", "qd-12", "12/QĐ-STN", "Quyết định", "2025-02-03", "signer: Lê Văn Ký", "status: Còn hiệu lực");
        f.write("content/so-a/van-ban/qd-12.md", Fixture.read(f.path("content/so-a/van-ban/qd-12.md"))
                + "\n[Tải văn bản (PDF)](qd-12.pdf)\n");
        f.bytes("content/so-a/van-ban/qd-12.pdf", "%PDF-1.4\n".getBytes());
        f.procedure("so-a", "cap-phep", "Cấp giấy phép thử nghiệm", "1.009994",
                "online_url: https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.009994");
        f.procedure("so-a", "gia-han", "Gia hạn giấy phép thử nghiệm", "1.009995", "sample: true");
        f.page("so-a", "gioi-thieu", "Giới thiệu " + DEPT_NAME, "summary: " + DEPT_INTRO_SUMMARY, "weight: 10");
        f.page("so-a", "lien-he", "Liên hệ", "weight: 40");
        // Commune: the newest news of the province.
        f.news("xa-b", "le-hoi", "Lễ hội làng Bình Yên", "2026-02-01 07:00");
        f.news("xa-b", "hop-dan", "Họp dân thôn Đông", "2026-02-02 19:30");
        f.procedure("xa-b", "chung-thuc", "Chứng thực bản sao từ bản chính", "1.001000", "implementing_level: xa");
        f.page("xa-b", "gioi-thieu", "Giới thiệu xã", "summary: Xã Bình Yên nằm bên sông.");
        // Portal.
        f.news("tinh", "hoi-nghi", "Hội nghị tổng kết năm của tỉnh", "2025-12-20 14:00", "category: su-kien");
        f.news("tinh", "thong-bao", "Thông báo lịch tiếp công dân", "2025-12-21", "category: thong-bao", "sample: true");
        f.document("tinh", "qd-15", "15/2024/QĐ-UBND", "Quyết định", "2024-05-10", "signer: Nguyễn Văn Chủ",
                "signer_title: CHỦ TỊCH", "effective: 2024-05-20", "fields: [Xây dựng, Đất đai]");
        f.document("tinh", "ct-06", "06/CT-UBND", "Chỉ thị", "2019-04-19", "title: Chỉ thị về công nghệ thông tin");
        f.page("tinh", "gioi-thieu", "Giới thiệu tỉnh Thử", "summary: Tỉnh Thử ở đồng bằng.");
        out = f.out();
        result = f.build();
        assertTrue(result.ok(), () -> Diags.dump(result.diagnostics()));
    }

    // --- helpers -----------------------------------------------------------------------------

    static Document page(String urlPath) {
        Path file = out.resolve(urlPath.substring(1) + (urlPath.endsWith("/") ? "index.html" : ""));
        assertTrue(Files.isRegularFile(file), () -> "missing page " + urlPath);
        return Jsoup.parse(Fixture.read(file), HOST + urlPath);
    }

    static List<Path> files(String glob) throws IOException {
        var matcher = out.getFileSystem().getPathMatcher("glob:" + glob);
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(Files::isRegularFile).filter(p -> matcher.matches(out.relativize(p))).sorted().toList();
        }
    }

    /** The citizens' pages: every HTML file but the editors' page (quan-tri/, Decap CMS's own shell). */
    static List<Path> htmlPages() throws IOException {
        List<Path> pages = files("**.html");
        pages = new ArrayList<>(pages);
        pages.addAll(files("*.html"));
        return pages.stream().distinct().filter(p -> !p.toString().contains("/quan-tri/")).sorted().toList();
    }

    static org.w3c.dom.Document xml(String rel) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return dbf.newDocumentBuilder().parse(out.resolve(rel).toFile());
    }

    static List<String> texts(org.w3c.dom.Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent().strip());
        }
        return values;
    }

    /** The published file of an absolute URL of this build. */
    static Path fileOf(String absoluteUrl) {
        assertTrue(absoluteUrl.startsWith(HOST + "/"), absoluteUrl);
        String path = absoluteUrl.substring(HOST.length() + 1);
        return out.resolve(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path);
    }

    static String deptNewsUrl(int i) {
        return "/so-a/tin-tuc/tin-so-" + (i + 1) + "-cua-so/";
    }

    // --- the build ---------------------------------------------------------------------------

    @Test
    void buildsCleanly() {
        assertEquals(0, result.diagnostics().list().size(), () -> Diags.dump(result.diagnostics()));
        assertEquals(3, result.sites());
        // 45 + 5 department items, 5 commune items, 5 portal items; the draft is not counted.
        assertEquals(DEPT_NEWS + 5 + 4 + 5, result.items());
    }

    @Test
    void everyPageIsVietnameseWithSkipLinkAndLandmarks() throws IOException {
        List<Path> pages = htmlPages();
        assertTrue(pages.size() > DEPT_NEWS, "pages: " + pages.size());
        for (Path p : pages) {
            Document doc = Jsoup.parse(Fixture.read(p));
            String where = out.relativize(p).toString();
            assertEquals("vi", doc.selectFirst("html").attr("lang"), where);
            assertFalse(doc.title().isBlank(), where);
            Element first = doc.body().selectFirst("a");
            assertNotNull(first, where);
            assertEquals("#main", first.attr("href"), "the first link skips to the content: " + where);
            assertEquals(1, doc.select("main").size(), where);
            assertEquals("main", doc.selectFirst("main").id(), where);
            assertEquals(1, doc.select("body > header").size(), where);
            assertEquals(1, doc.select("body > footer").size(), where);
            assertFalse(doc.select("header nav").isEmpty(), "main menu: " + where);
            assertFalse(doc.select("main h1").isEmpty(), "one heading per page: " + where);
        }
    }

    @Test
    void noScriptsAndNoExternalRequests() throws IOException {
        for (Path p : htmlPages()) {
            Document doc = Jsoup.parse(Fixture.read(p));
            String where = out.relativize(p).toString();
            // JSON-LD is data, not JavaScript: the only script element a page may have.
            assertTrue(doc.select("script:not([type=application/ld+json])").isEmpty(), "no JavaScript: " + where);
            for (Element link : doc.select("link[href]")) {
                String rel = link.attr("rel");
                if (!rel.equals("canonical")) {
                    assertFalse(external(link.attr("href")), () -> where + ": " + link.outerHtml());
                }
            }
            for (Element e : doc.select("img[src], iframe, video, audio, source, object, embed")) {
                assertFalse(e.tagName().matches("iframe|object|embed"), where);
                assertFalse(external(e.attr("src")), () -> where + ": " + e.outerHtml());
            }
            for (Element e : doc.select("[style]")) {
                assertFalse(e.attr("style").contains("url("), () -> where + ": " + e.outerHtml());
            }
        }
        for (Path css : files("_assets/**.css")) {
            String text = Fixture.read(css).toLowerCase();
            assertFalse(text.contains("@import"), css.toString());
            assertFalse(Pattern.compile("url\\(\\s*['\"]?(https?:)?//").matcher(text).find(), css.toString());
        }
        assertFalse(files("_assets/**.css").isEmpty());
    }

    static boolean external(String url) {
        return url.startsWith("http:") || url.startsWith("https:") || url.startsWith("//");
    }

    @Test
    void canonicalUrlsAreAbsolute() {
        Document doc = page(deptNewsUrl(3));
        assertEquals(HOST + deptNewsUrl(3), doc.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals(HOST + "/", page("/").selectFirst("link[rel=canonical]").attr("href"));
    }

    @Test
    void headerAndFooterShowTheUnitNameAndContacts() {
        for (String path : List.of("/so-a/", deptNewsUrl(0), "/so-a/tin-tuc/", "/so-a/van-ban/12-qd-stn/")) {
            Document doc = page(path);
            Element header = doc.selectFirst("body > header");
            Element footer = doc.selectFirst("body > footer");
            assertTrue(header.text().contains(DEPT_NAME), path);
            assertTrue(header.text().contains(DEPT_PHONE), path);
            assertTrue(header.text().contains(DEPT_EMAIL), path);
            assertNotNull(header.selectFirst("a[href=mailto:" + DEPT_EMAIL + "]"), path);
            assertTrue(footer.text().contains(DEPT_NAME), path);
            assertTrue(footer.text().contains(DEPT_ADDRESS), path);
            assertTrue(footer.text().contains(DEPT_PHONE), path);
            assertTrue(footer.text().contains(DEPT_EMAIL), path);
            assertFalse(header.text().contains(COMMUNE_NAME), path);
        }
        Document commune = page("/xa-b/");
        assertTrue(commune.selectFirst("body > header").text().contains(COMMUNE_NAME));
        assertTrue(commune.selectFirst("body > footer").text().contains(COMMUNE_PHONE));
        assertTrue(commune.selectFirst("body > footer").text().contains(COMMUNE_EMAIL));
    }

    @Test
    void breadcrumbLeadsFromThePortalToTheItem() {
        Document doc = page(deptNewsUrl(3));
        Elements crumbs = doc.select("nav.breadcrumb li");
        assertEquals(4, crumbs.size(), crumbs::toString);
        assertEquals("/", crumbs.get(0).selectFirst("a").attr("href"));
        assertEquals("/so-a/", crumbs.get(1).selectFirst("a").attr("href"));
        assertEquals(DEPT_NAME, crumbs.get(1).text());
        assertEquals("/so-a/tin-tuc/", crumbs.get(2).selectFirst("a").attr("href"));
        assertNull(crumbs.get(3).selectFirst("a"), "the current page is not a link");
        assertEquals("Tin số 4 của Sở", crumbs.get(3).text());
        assertEquals("page", crumbs.get(3).selectFirst("[aria-current]").attr("aria-current"));
        assertNotNull(doc.selectFirst("nav.breadcrumb[aria-label]"));
    }

    @Test
    void datesAreShownAsDayMonthYear() throws IOException {
        DateTimeFormatter dmy = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        int checked = 0;
        for (Path p : htmlPages()) {
            for (Element time : Jsoup.parse(Fixture.read(p)).select("time")) {
                LocalDate iso = LocalDate.parse(time.attr("datetime"));
                assertTrue(time.text().matches("\\d{2}/\\d{2}/\\d{4}( \\d{2}:\\d{2})?"), time::outerHtml);
                assertEquals(iso.format(dmy), time.text().substring(0, 10), time::outerHtml);
                checked++;
            }
        }
        assertTrue(checked > DEPT_NEWS, "dates checked: " + checked);
        LocalDateTime fourth = FIRST_NEWS.plusDays(3);
        assertTrue(page(deptNewsUrl(3)).select("main time").eachText()
                .contains(fourth.format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"))));
        assertTrue(page("/van-ban/15-2024-qd-ubnd/").select("main time").eachText().contains("10/05/2024"));
    }

    @Test
    void sampleContentIsLabelled() throws IOException {
        String label = "Dữ liệu minh họa";
        assertTrue(page(deptNewsUrl(7)).selectFirst("main").text().contains(label));
        assertTrue(page("/so-a/thu-tuc/gia-han-giay-phep-thu-nghiem/").selectFirst("main").text().contains(label));
        assertFalse(page(deptNewsUrl(6)).text().contains(label));
        assertFalse(page("/so-a/thu-tuc/cap-giay-phep-thu-nghiem/").text().contains(label));
        // In lists: one badge per sample item shown.
        for (int p = 1; p <= 3; p++) {
            Document list = page(p == 1 ? "/so-a/tin-tuc/" : "/so-a/tin-tuc/trang/" + p + "/");
            List<String> links = list.select("main li.item .item-title a").eachAttr("href");
            int expected = links.contains(deptNewsUrl(7)) ? 1 : 0;
            assertEquals(expected, list.select("main :containsOwn(" + label + ")").size(), "page " + p);
        }
        // Pages without any sample content never show the label.
        for (Path p : files("xa-b/**.html")) {
            assertFalse(Fixture.read(p).contains(label), p.toString());
        }
    }

    @Test
    void newsListIsPaginatedNewestFirst() {
        String base = "/so-a/tin-tuc/";
        List<String> pages = List.of(base, base + "trang/2/", base + "trang/3/");
        assertFalse(Files.exists(out.resolve("so-a/tin-tuc/trang/4/index.html")));
        assertFalse(Files.exists(out.resolve("so-a/tin-tuc/trang/1/index.html")), "page 1 is the section itself");
        List<String> all = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            Document doc = page(pages.get(p));
            List<String> links = doc.select("main li.item .item-title a").eachAttr("href");
            assertEquals(p < 2 ? 20 : 5, links.size(), pages.get(p));
            all.addAll(links);
            Element prev = doc.selectFirst("nav.pagination a[rel=prev]");
            Element next = doc.selectFirst("nav.pagination a[rel=next]");
            if (p == 0) {
                assertNull(prev);
            } else {
                assertEquals(pages.get(p - 1), prev.attr("href"));
            }
            if (p == pages.size() - 1) {
                assertNull(next);
            } else {
                assertEquals(pages.get(p + 1), next.attr("href"));
            }
            Element current = doc.selectFirst("nav.pagination a[aria-current=page]");
            assertEquals(pages.get(p), current.attr("href"));
            for (String link : doc.select("nav.pagination a").eachAttr("href")) {
                assertTrue(Files.exists(out.resolve(link.substring(1) + "index.html")), link);
            }
        }
        List<String> expected = new ArrayList<>();
        for (int i = DEPT_NEWS - 1; i >= 0; i--) {
            expected.add(deptNewsUrl(i));
        }
        assertEquals(expected, all, "every published news once, newest first");
    }

    @Test
    void rssFeedsAreWellFormedWithAbsoluteLinks() throws Exception {
        List<Path> feeds = files("**rss.xml");
        Set<String> names = new HashSet<>();
        feeds.forEach(p -> names.add(out.relativize(p).toString()));
        // The portal lists the province's documents and procedures, so it has their feeds too.
        assertEquals(Set.of("tin-tuc/rss.xml", "van-ban/rss.xml", "thu-tuc/rss.xml", "so-a/tin-tuc/rss.xml", "so-a/van-ban/rss.xml",
                "so-a/thu-tuc/rss.xml", "xa-b/tin-tuc/rss.xml", "xa-b/thu-tuc/rss.xml"), names);
        for (Path feed : feeds) {
            String rel = out.relativize(feed).toString();
            org.w3c.dom.Document doc = xml(rel);
            assertEquals("rss", doc.getDocumentElement().getTagName());
            assertEquals("2.0", doc.getDocumentElement().getAttribute("version"));
            String channelLink = texts(doc, "link").get(0);
            assertEquals(HOST + "/" + rel.replace("rss.xml", ""), channelLink, rel);
            NodeList self = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link");
            assertEquals(HOST + "/" + rel, ((org.w3c.dom.Element) self.item(0)).getAttribute("href"));
            List<String> itemLinks = texts(doc, "guid");
            assertFalse(itemLinks.isEmpty(), rel);
            assertTrue(itemLinks.size() <= 30, rel);
            for (String link : itemLinks) {
                assertTrue(Files.isRegularFile(fileOf(link)), rel + ": " + link);
            }
            for (String date : texts(doc, "pubDate")) {
                ZonedDateTime t = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME);
                assertEquals(7 * 3600, t.getOffset().getTotalSeconds(), date);
            }
        }
        org.w3c.dom.Document dept = xml("so-a/tin-tuc/rss.xml");
        List<String> links = texts(dept, "guid");
        assertEquals(30, links.size());
        assertEquals(HOST + deptNewsUrl(DEPT_NEWS - 1), links.get(0), "newest first");
        assertTrue(texts(dept, "description").stream().noneMatch(d -> d.contains("Dữ liệu minh họa")),
                "the sample news is not among the 30 newest");
        List<String> portalDescriptions = texts(xml("tin-tuc/rss.xml"), "description");
        assertEquals(1, portalDescriptions.stream().filter(d -> d.startsWith("[Dữ liệu minh họa]")).count(),
                portalDescriptions::toString);
        // Each list page advertises its feed.
        assertEquals("/so-a/tin-tuc/rss.xml", page("/so-a/tin-tuc/").selectFirst("link[type=application/rss+xml]").attr("href"));
    }

    @Test
    void sitemapsListEveryPublishedItem() throws Exception {
        List<String> portal = texts(xml("sitemap.xml"), "loc");
        List<String> dept = texts(xml("so-a/sitemap.xml"), "loc");
        List<String> commune = texts(xml("xa-b/sitemap.xml"), "loc");
        for (int i = 0; i < DEPT_NEWS; i++) {
            assertTrue(dept.contains(HOST + deptNewsUrl(i)), deptNewsUrl(i));
        }
        assertTrue(dept.contains(HOST + "/so-a/van-ban/12-qd-stn/"));
        assertTrue(dept.contains(HOST + "/so-a/thu-tuc/cap-giay-phep-thu-nghiem/"));
        assertTrue(dept.contains(HOST + "/so-a/gioi-thieu-so-thu-nghiem/"));
        assertTrue(dept.contains(HOST + "/so-a/tin-tuc/trang/3/"));
        assertTrue(portal.contains(HOST + "/van-ban/15-2024-qd-ubnd/"));
        assertTrue(portal.contains(HOST + "/don-vi/"));
        assertTrue(commune.contains(HOST + "/xa-b/tin-tuc/le-hoi-lang-binh-yen/"));
        for (List<String> locs : List.of(portal, dept, commune)) {
            assertEquals(new HashSet<>(locs).size(), locs.size(), "no duplicates");
            for (String loc : locs) {
                assertTrue(Files.isRegularFile(fileOf(loc)), loc);
                assertFalse(loc.contains("ban-nhap"), "drafts are not listed");
            }
        }
        assertTrue(dept.stream().allMatch(l -> l.startsWith(HOST + "/so-a/")), "a unit's sitemap has its own pages");
        // Items carry lastmod.
        String sitemap = Fixture.read(out.resolve("so-a/sitemap.xml"));
        assertTrue(sitemap.contains("<lastmod>" + FIRST_NEWS.toLocalDate() + "</lastmod>"));
    }

    @Test
    void robotsListsEverySitemap() {
        String robots = Fixture.read(out.resolve("robots.txt"));
        Set<String> sitemaps = new HashSet<>();
        Matcher m = Pattern.compile("(?m)^Sitemap: (\\S+)$").matcher(robots);
        while (m.find()) {
            sitemaps.add(m.group(1));
        }
        assertEquals(Set.of(HOST + "/sitemap.xml", HOST + "/so-a/sitemap.xml", HOST + "/xa-b/sitemap.xml"), sitemaps);
        assertTrue(robots.contains("User-agent: *"));
        for (String s : sitemaps) {
            assertTrue(Files.isRegularFile(fileOf(s)), s);
        }
    }

    @Test
    void everySiteHasItsOwn404() {
        Map<String, String> sites = new LinkedHashMap<>();
        sites.put("/404.html", "Cổng Thông tin điện tử tỉnh Thử");
        sites.put("/so-a/404.html", DEPT_NAME);
        sites.put("/xa-b/404.html", COMMUNE_NAME);
        sites.forEach((path, name) -> {
            Document doc = page(path);
            assertTrue(doc.selectFirst("body > header").text().contains(name), path);
            assertNotNull(doc.selectFirst("main h1"), path);
            assertNotNull(doc.selectFirst("main a[href=/]"), "a way back to the portal: " + path);
        });
    }

    @Test
    void portalShowsTheLatestNewsOfUnitsLabelledByUnit() {
        Document home = page("/");
        Elements items = home.select("main .latest-unit-news li.item");
        assertFalse(items.isEmpty());
        assertTrue(items.size() <= 12);
        Map<String, String> nameByPrefix = Map.of("/so-a/", DEPT_NAME, "/xa-b/", COMMUNE_NAME);
        Set<String> labels = new HashSet<>();
        for (Element item : items) {
            String href = item.selectFirst(".item-title a").attr("href");
            String label = item.selectFirst(".item-unit").text();
            labels.add(label);
            nameByPrefix.forEach((prefix, name) -> {
                if (href.startsWith(prefix)) {
                    assertEquals(name, label, href);
                }
            });
        }
        assertTrue(labels.contains(DEPT_NAME), labels::toString);
        assertTrue(labels.contains(COMMUNE_NAME), labels::toString);
        // The commune's news are the newest of the province: first.
        assertEquals("/xa-b/tin-tuc/hop-dan-thon-dong/", items.get(0).selectFirst(".item-title a").attr("href"));
    }

    @Test
    void unitDirectoryListsEveryUnitWithContacts() {
        Document doc = page("/don-vi/");
        Map<String, List<String>> units = Map.of(
                "/so-a/", List.of(DEPT_NAME, DEPT_ADDRESS, DEPT_PHONE, DEPT_EMAIL),
                "/xa-b/", List.of(COMMUNE_NAME, "Thôn Đông, xã Bình Yên", COMMUNE_PHONE, COMMUNE_EMAIL));
        units.forEach((path, facts) -> {
            Element link = doc.selectFirst("main a[href=" + path + "]");
            assertNotNull(link, path);
            assertEquals(facts.get(0), link.text());
            Element card = link.closest("li");
            for (String fact : facts) {
                assertTrue(card.text().contains(fact), () -> path + " lacks " + fact + ": " + card.text());
            }
        });
        assertEquals(2, doc.select("main .unit-card").size());
        // Every page links to the directory.
        assertNotNull(page("/xa-b/").selectFirst("footer a[href=/don-vi/]"));
    }

    @Test
    void unitHomeShowsTheIntroductionSummary() {
        Document home = page("/so-a/");
        assertTrue(home.selectFirst("main").text().contains(DEPT_INTRO_SUMMARY),
                "the home page shows the summary of gioi-thieu.md");
        assertNotNull(home.selectFirst("main a[href=/so-a/gioi-thieu-so-thu-nghiem/]"));
        assertTrue(page("/xa-b/").selectFirst("main").text().contains("Xã Bình Yên nằm bên sông."));
        assertTrue(page("/").selectFirst("main").text().contains("Tỉnh Thử ở đồng bằng."));
        // The introduction comes first in the menu, right after the home link.
        List<String> menu = home.select("nav.main-nav .menu-full a").eachAttr("href");
        assertEquals(List.of("/so-a/", "/so-a/gioi-thieu-so-thu-nghiem/"), menu.subList(0, 2));
        assertTrue(menu.containsAll(List.of("/so-a/tin-tuc/", "/so-a/van-ban/", "/so-a/thu-tuc/", "/so-a/lien-he/")), menu::toString);
    }

    @Test
    void currentSectionIsMarkedInTheMenu() {
        Document doc = page("/so-a/van-ban/");
        assertEquals(List.of("/so-a/van-ban/"), doc.select("nav.main-nav .menu-full a[aria-current]").eachAttr("href"));
        // the phones' folded menu is the same menu
        assertEquals(doc.select("nav.main-nav .menu-full a").outerHtml(), doc.select("nav.main-nav .menu-fold a").outerHtml());
    }

    @Test
    void draftsAreNotBuilt() throws IOException {
        assertFalse(Files.exists(out.resolve("so-a/tin-tuc/ban-nhap-chua-dang")));
        for (Path p : files("**")) {
            String name = p.getFileName().toString();
            if (name.endsWith(".html") || name.endsWith(".xml")) {
                assertFalse(Fixture.read(p).contains("Bản nháp chưa đăng"), p.toString());
            }
        }
    }

    @Test
    void documentWithoutTitleIsNamedByTypeAndNumber() {
        Document doc = page("/van-ban/15-2024-qd-ubnd/");
        assertEquals("Quyết định 15/2024/QĐ-UBND", doc.selectFirst("main h1").text());
        String main = doc.selectFirst("main").text();
        assertTrue(main.contains("Nguyễn Văn Chủ"));
        assertTrue(main.contains("CHỦ TỊCH"));
        assertTrue(main.contains("Xây dựng, Đất đai"));
        assertTrue(main.contains("20/05/2024"), "effective date");
        // A document with its own title keeps it, and its URL still comes from the number.
        assertEquals("Chỉ thị về công nghệ thông tin", page("/van-ban/06-ct-ubnd/").selectFirst("main h1").text());
    }

    @Test
    void attachmentsAreCopiedAndLinked() {
        Document doc = page("/so-a/van-ban/12-qd-stn/");
        Element link = doc.selectFirst("main a:containsOwn(Tải văn bản)");
        assertEquals("/so-a/van-ban/qd-12.pdf", link.attr("href"));
        assertTrue(Files.isRegularFile(out.resolve("so-a/van-ban/qd-12.pdf")));
        Document news = page(deptNewsUrl(8));
        Element img = news.selectFirst("main figure img");
        assertEquals("/so-a/tin-tuc/anh.jpg", img.attr("src"));
        assertEquals("Quang cảnh hội nghị", img.attr("alt"));
        assertTrue(Files.isRegularFile(out.resolve("so-a/tin-tuc/anh.jpg")));
    }

    @Test
    void procedurePageShowsItsFacts() {
        Document doc = page("/so-a/thu-tuc/cap-giay-phep-thu-nghiem/");
        String main = doc.selectFirst("main").text();
        assertTrue(main.contains("1.009994"));
        assertTrue(main.contains("Hoạt động xây dựng"));
        assertTrue(main.contains("toàn trình"), main);
        assertNotNull(doc.selectFirst("main a[href^=https://dichvucong.gov.vn/]"));
        assertTrue(page("/xa-b/thu-tuc/chung-thuc-ban-sao-tu-ban-chinh/").selectFirst("main").text().contains("Cấp xã"));
    }

    @Test
    void everyInternalLinkResolves() throws IOException {
        Set<String> broken = new java.util.TreeSet<>();
        for (Path p : htmlPages()) {
            Document doc = Jsoup.parse(Fixture.read(p));
            for (String href : doc.select("a[href^=/], link[href^=/]").eachAttr("href")) {
                if (href.isEmpty()) {
                    continue;
                }
                String path = href.replaceFirst("#.*$", "");
                Path target = out.resolve(path.substring(1) + (path.endsWith("/") ? "index.html" : ""));
                if (!Files.exists(target)) {
                    broken.add(out.relativize(p) + " → " + href);
                }
            }
            for (String src : doc.select("img[src^=/]").eachAttr("src")) {
                if (!Files.exists(out.resolve(src.substring(1)))) {
                    broken.add(out.relativize(p) + " → " + src);
                }
            }
        }
        assertTrue(broken.isEmpty(), () -> String.join("\n", broken));
    }

    @Test
    void outputHasNoLeftoverStagingFolders() throws IOException {
        try (Stream<Path> s = Files.list(out.getParent())) {
            List<String> names = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".public")).toList();
            assertEquals(List.of(), names);
        }
    }

    @Test
    void newsPagesAreSortedByDateInTheSectionFeedAndHome() {
        List<String> home = page("/so-a/").select("main .latest-news .item-title a").eachAttr("href");
        List<String> expected = new ArrayList<>();
        for (int i = DEPT_NEWS - 1; i >= DEPT_NEWS - 6; i--) {
            expected.add(deptNewsUrl(i));
        }
        assertEquals(expected, home, "the home page shows the six newest");
        List<String> sorted = new ArrayList<>(home);
        sorted.sort(Comparator.comparing(u -> -Integer.parseInt(u.replaceAll("\\D+", ""))));
        assertEquals(sorted, home);
    }
}
