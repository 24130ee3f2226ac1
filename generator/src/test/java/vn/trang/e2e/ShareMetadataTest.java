package vn.trang.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import vn.trang.Fixture;
import vn.trang.MiniJson;

/**
 * What a shared link and a search engine read from the demo's pages: Open Graph and Twitter tags,
 * schema.org JSON-LD checked against the vocabulary, and the icons and web manifest.
 */
class ShareMetadataTest {

    private static final String HOST = "https://bacninh.trang-demo.vn";
    private static final Pattern META = Pattern.compile("<meta (?:property|name)=\"([^\"]+)\" content=\"([^\"]*)\">");
    private static final Pattern LD = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>",
            Pattern.DOTALL);

    @Test
    void aNewsPageIsAnArticleWithItsCanonicalUrlAndTheThemeIcon() {
        String path = "/so-tai-chinh/tin-tuc/so-tai-chinh-doi-thoai-voi-doanh-nghiep-nho-va-vua/";
        String html = page(path);
        Map<String, String> meta = meta(html);
        assertEquals("article", meta.get("og:type"));
        assertEquals("vi_VN", meta.get("og:locale"));
        assertEquals(HOST + path, meta.get("og:url"));
        assertTrue(html.contains("<link rel=\"canonical\" href=\"" + HOST + path + "\">"));
        assertTrue(html.contains("<h1>" + meta.get("og:title")) || html.contains(">" + meta.get("og:title") + "</h1>"),
                meta::toString);
        assertTrue(meta.get("og:description").length() > 10, meta::toString);
        // the demo's news have no image: the theme's icon, as a small card
        assertEquals(HOST + "/_assets/img/icon-512.png", meta.get("og:image"));
        assertEquals("summary", meta.get("twitter:card"));

        Map<String, Object> article = node(html, "NewsArticle");
        assertEquals(meta.get("og:title"), article.get("headline"));
        assertTrue(((String) article.get("datePublished")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d.*\\+07:00"),
                article::toString);
        assertNotNull(article.get("dateModified"));
        assertEquals(List.of(meta.get("og:image")), article.get("image"));
        @SuppressWarnings("unchecked")
        Map<String, Object> publisher = (Map<String, Object>) article.get("publisher");
        assertEquals("GovernmentOrganization", publisher.get("@type"));
        assertEquals("Sở Tài chính", publisher.get("name"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> crumbs = (List<Map<String, Object>>) node(html, "BreadcrumbList").get("itemListElement");
        assertEquals(4, crumbs.size());
        assertEquals(HOST + "/so-tai-chinh/tin-tuc/", crumbs.get(2).get("item"));
        assertEquals(HOST + path, crumbs.get(3).get("item"));
    }

    @Test
    void aDocumentPageIsAWebsitePageWithBreadcrumbAndLegislation() {
        String path = "/so-tai-chinh/van-ban/152-qd-stc/";
        String html = page(path);
        Map<String, String> meta = meta(html);
        assertEquals("website", meta.get("og:type"));
        assertEquals(HOST + path, meta.get("og:url"));
        assertEquals("vi_VN", meta.get("og:locale"));
        assertEquals("summary", meta.get("twitter:card"));
        assertTrue(meta.get("og:title").startsWith("Quyết định"), meta::toString);
        assertNotNull(node(html, "BreadcrumbList"));
        assertNotNull(node(html, "Legislation"));
    }

    @Test
    void aUnitHomeDescribesTheUnitAndItsSearch() {
        String html = page("/so-tai-chinh/");
        Map<String, String> meta = meta(html);
        assertEquals("website", meta.get("og:type"));
        assertEquals(HOST + "/so-tai-chinh/", meta.get("og:url"));
        assertEquals("Sở Tài chính", meta.get("og:title"));
        Map<String, Object> org = node(html, "GovernmentOrganization");
        assertEquals("Sở Tài chính", org.get("name"));
        assertEquals(HOST + "/so-tai-chinh/", org.get("url"));
        assertEquals("0222 3822 750", org.get("telephone"));
        assertEquals("stc@bacninh.gov.vn", org.get("email"));
        @SuppressWarnings("unchecked")
        Map<String, Object> address = (Map<String, Object>) org.get("address");
        assertTrue(((String) address.get("streetAddress")).startsWith("Số 12 đường Lý Thái Tổ"), address::toString);
        @SuppressWarnings("unchecked")
        Map<String, Object> parent = (Map<String, Object>) org.get("parentOrganization");
        assertEquals(HOST + "/", parent.get("url"));
        Map<String, Object> site = node(html, "WebSite");
        @SuppressWarnings("unchecked")
        Map<String, Object> action = (Map<String, Object>) site.get("potentialAction");
        assertEquals("SearchAction", action.get("@type"));
        assertEquals(HOST + "/tim-kiem?q={search_term_string}&site=so-tai-chinh", action.get("target"));
        assertEquals("required name=search_term_string", action.get("query-input"));

        Map<String, Object> portalSearch = node(page("/"), "WebSite");
        @SuppressWarnings("unchecked")
        Map<String, Object> portalAction = (Map<String, Object>) portalSearch.get("potentialAction");
        assertEquals(HOST + "/tim-kiem?q={search_term_string}", portalAction.get("target"));
    }

    @Test
    void everyJsonLdBlockOfTheDemoUsesSchemaOrgsVocabularyAndEveryPageBelowAHomeHasABreadcrumb()
            throws IOException {
        Path out = DemoBuild.out();
        List<String> problems = new ArrayList<>();
        int blocks = 0;
        int pages = 0;
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String rel = out.relativize(f).toString().replace('\\', '/');
                if (rel.startsWith("quan-tri/") || rel.contains("/quan-tri/") || rel.startsWith("_")) {
                    continue;
                }
                String html = Files.readString(f);
                pages++;
                Matcher m = LD.matcher(html);
                boolean breadcrumb = false;
                while (m.find()) {
                    blocks++;
                    Object json;
                    try {
                        json = MiniJson.parse(m.group(1));
                    } catch (RuntimeException e) {
                        problems.add(rel + ": not JSON: " + e.getMessage());
                        continue;
                    }
                    for (String p : SchemaOrgVocabulary.check(json)) {
                        problems.add(rel + ": " + p);
                    }
                    breadcrumb |= m.group(1).contains("\"@type\":\"BreadcrumbList\"");
                }
                if (html.contains("<nav class=\"breadcrumb") && !breadcrumb) {
                    problems.add(rel + ": a breadcrumb on the page, none in its JSON-LD");
                }
            }
        }
        assertTrue(pages > 200 && blocks > pages, pages + " pages, " + blocks + " blocks");
        assertTrue(problems.isEmpty(), () -> problems.size() + " problems:\n"
                + String.join("\n", problems.subList(0, Math.min(40, problems.size()))));
    }

    @Test
    void theIconsAndManifestExistAreLinkedAndDecode() throws IOException {
        Path out = DemoBuild.out();
        String html = page("/so-tai-chinh/");
        assertTrue(html.contains("<link rel=\"icon\" href=\"/_assets/img/favicon.ico\" sizes=\"32x32\">"));
        assertTrue(html.contains("<link rel=\"icon\" href=\"/_assets/img/logo.svg\" type=\"image/svg+xml\">"));
        assertTrue(html.contains("<link rel=\"apple-touch-icon\" href=\"/_assets/img/apple-touch-icon.png\">"));
        assertTrue(html.contains("<link rel=\"manifest\" href=\"/so-tai-chinh/site.webmanifest\">"));

        BufferedImage touch = ImageIO.read(out.resolve("_assets/img/apple-touch-icon.png").toFile());
        assertEquals(180, touch.getWidth());
        assertEquals(180, touch.getHeight());
        assertEquals(512, ImageIO.read(out.resolve("_assets/img/icon-512.png").toFile()).getWidth());

        for (Path ico : List.of(out.resolve("_assets/img/favicon.ico"), out.resolve("favicon.ico"))) {
            byte[] b = Files.readAllBytes(ico);
            ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(0, h.getShort(0));
            assertEquals(1, h.getShort(2), "an icon, not a cursor");
            assertEquals(1, h.getShort(4));
            int size = h.getInt(6 + 8);
            int offset = h.getInt(6 + 12);
            assertEquals(b.length, offset + size);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(Arrays.copyOfRange(b, offset, offset + size)));
            assertEquals(32, img.getWidth());
            assertEquals(b[6] & 0xff, img.getWidth());
        }

        Map<String, Object> manifest = MiniJson.object(Files.readString(out.resolve("so-tai-chinh/site.webmanifest")));
        assertEquals("Sở Tài chính", manifest.get("name"));
        assertEquals("STC", manifest.get("short_name"));
        assertEquals("vi", manifest.get("lang"));
        assertEquals("/so-tai-chinh/", manifest.get("start_url"));
        assertTrue(((String) manifest.get("theme_color")).matches("#[0-9a-f]{6}"), manifest::toString);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> icons = (List<Map<String, Object>>) manifest.get("icons");
        assertTrue(icons.stream().anyMatch(i -> "180x180".equals(i.get("sizes"))));
        for (Map<String, Object> icon : icons) {
            assertTrue(Files.isRegularFile(out.resolve(((String) icon.get("src")).substring(1))), icon::toString);
        }
        assertTrue(Files.isRegularFile(out.resolve("site.webmanifest")), "the portal's own");
    }

    /** A news item's own image makes the preview; a title that closes the script stays inside it. */
    @Test
    void anItemsOwnImageIsALargeCardAndJsonLdCannotBeClosedByATitle(@org.junit.jupiter.api.io.TempDir Path dir) {
        Fixture f = Fixture.standard(dir);
        f.news(Fixture.DEPT, "anh", "Tin có ảnh", "2026-01-03", "image: hoi-nghi.png", "image_alt: Hội nghị");
        f.bytes("content/" + Fixture.DEPT + "/tin-tuc/hoi-nghi.png", onePixelPng());
        f.news(Fixture.DEPT, "thoat", "Tiêu đề </script><script>alert(1)</script>", "2026-01-04");
        var r = f.build();
        assertTrue(r.ok(), () -> vn.trang.Diags.dump(r.diagnostics()));

        String withImage = newsPage(f.out(), "Tin có ảnh");
        Map<String, String> meta = meta(withImage);
        String image = meta.get("og:image");
        assertTrue(image.startsWith("https://" + Fixture.PORTAL_HOST + "/" + Fixture.DEPT + "/tin-tuc/")
                && image.endsWith("/hoi-nghi.png"), image);
        assertTrue(withImage.contains("hoi-nghi.png\""), "the page shows the image it shares");
        assertEquals("summary_large_image", meta.get("twitter:card"));

        String hostile = newsPage(f.out(), "alert(1)");
        assertTrue(!hostile.contains("<script>alert"), "the title escaped its element");
        Map<String, Object> article = node(hostile, "NewsArticle");
        assertEquals("Tiêu đề </script><script>alert(1)</script>", article.get("headline"));
    }

    private static byte[] onePixelPng() {
        try {
            var bytes = new java.io.ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The news page of the fixture's department whose head holds {@code text}. */
    private static String newsPage(Path out, String text) {
        try (Stream<Path> dirs = Files.list(out.resolve(Fixture.DEPT + "/tin-tuc"))) {
            return dirs.map(d -> d.resolve("index.html")).filter(Files::isRegularFile).map(Fixture::read)
                    .filter(h -> h.substring(0, h.indexOf("</head>")).contains(text)).findFirst()
                    .orElseThrow(() -> new AssertionError("no news page with " + text));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String page(String path) {
        return Fixture.read(DemoBuild.out().resolve(path.substring(1) + "index.html"));
    }

    private static Map<String, String> meta(String html) {
        Map<String, String> m = new java.util.HashMap<>();
        Matcher x = META.matcher(html.substring(0, html.indexOf("</head>")));
        while (x.find()) {
            m.put(x.group(1), x.group(2).replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'")
                    .replace("&lt;", "<").replace("&gt;", ">"));
        }
        return m;
    }

    /** The first JSON-LD node of {@code type} on the page, in a @graph or alone. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> node(String html, String type) {
        Matcher m = LD.matcher(html);
        while (m.find()) {
            Map<String, Object> block = MiniJson.object(m.group(1));
            List<Object> nodes = block.containsKey("@graph") ? (List<Object>) block.get("@graph") : List.of(block);
            for (Object n : nodes) {
                if (type.equals(((Map<String, Object>) n).get("@type"))) {
                    return (Map<String, Object>) n;
                }
            }
        }
        throw new AssertionError("no " + type + " on the page");
    }
}
