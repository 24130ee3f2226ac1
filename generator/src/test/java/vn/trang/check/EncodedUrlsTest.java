package vn.trang.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.pipeline.BuildResult;

/**
 * Attachments whose names hold {@code ?}, {@code %}, {@code #}, spaces and Vietnamese letters: every
 * address written for them — document pages' file lists, procedure forms, the news image, links
 * in the Markdown, CSV and JSON open data, JSON-LD — is percent-encoded, names the file on disk
 * once decoded, and the build's link check and {@code trang check} find nothing broken.
 */
class EncodedUrlsTest {

    @TempDir
    static Path dir;
    static Fixture f;
    static BuildResult build;

    /** The names, each with a character a URL reads otherwise. */
    static final List<String> NAMES = List.of("Quyết định số 1?.pdf", "100% hoàn thành #2.docx", "a%20b.pdf",
            "mẫu đơn (1) + phụ lục;bản 2,3.doc", "tờ khai 50%.doc", "ảnh hội nghị #1.jpg");

    @BeforeAll
    static void buildTheSite() {
        f = Fixture.standard(dir);
        for (String n : NAMES) {
            // an image must be one: the build reads every image attachment
            byte[] pdf = n.endsWith(".jpg") ? vn.trang.image.TestImages.jpeg(8, 8) : new byte[] {'%', 'P', 'D', 'F'};
            f.bytes("content/so-a/van-ban/" + n, pdf);
            f.bytes("content/so-a/thu-tuc/" + n, pdf);
            f.bytes("content/so-a/tin-tuc/" + n, n.endsWith(".jpg") ? pdf : new byte[] {1});
        }
        f.bytes("content/so-a/van-ban/phụ lục/bảng kê #3.xlsx", new byte[] {1});
        f.document("so-a", "qd", "12/2025/QĐ-UBND", "Quyết định", "2025-03-01",
                "url: https://vbpl.vn/văn-bản?id=1&loại=\"qđ\"",
                "files:",
                "  - \"Quyết định số 1?.pdf\"",
                "  - file: \"100% hoàn thành #2.docx\"",
                "    title: Bản Word",
                "  - a%20b.pdf",
                "  - \"mẫu đơn (1) + phụ lục;bản 2,3.doc\"",
                "  - \"phụ lục/bảng kê #3.xlsx\"");
        f.procedure("so-a", "tt", "Cấp phép thử", "1.000001",
                "dossier:",
                "  - name: Tờ khai",
                "    form: \"tờ khai 50%.doc\"",
                "    originals: 1",
                "forms:",
                "  - \"Quyết định số 1?.pdf\"",
                "  - \"100% hoàn thành #2.docx\"");
        f.write("content/so-a/tin-tuc/anh.md", Fixture.md(
                "title: Tin có ảnh\ndate: 2025-03-02\nsummary: Thử.\nimage: \"ảnh hội nghị #1.jpg\"\nimage_alt: Hội nghị",
                "Tải [quyết định](Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20s%E1%BB%91%201%3F.pdf), [bản Word](100%25%20hoàn%20thành%20%232.docx),\n"
                        + "[tệp](a%2520b.pdf) và ![ảnh](ảnh%20hội%20nghị%20%231.jpg).\n\n"
                        + "<a href=\"t%E1%BB%9D%20khai%2050%25.doc\">tờ khai</a>\n"));
        build = f.build();
    }

    @Test
    void theBuildFindsNoBrokenLink() {
        assertTrue(build.ok(), () -> Diags.dump(build.diagnostics()));
        assertFalse(build.diagnostics().hasErrors(), () -> Diags.dump(build.diagnostics()));
    }

    @Test
    void everyAddressInThePagesIsEncodedAndNamesItsFile() throws IOException {
        assertTrue(build.ok(), () -> Diags.dump(build.diagnostics()));
        Set<String> reached = new TreeSet<>();
        try (Stream<Path> s = Files.walk(f.out())) {
            for (Path page : s.filter(p -> p.toString().endsWith(".html")).toList()) {
                Document doc = Jsoup.parse(Files.readString(page));
                for (Element e : doc.select("[href], [src]")) {
                    String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                    String path = ownPath(url);
                    if (path != null) {
                        reached.add(assertNamesAFile(path, url, page));
                    }
                }
            }
        }
        List<String> expected = List.of(
                // the document's file list
                "so-a/van-ban/Quyết định số 1?.pdf", "so-a/van-ban/100% hoàn thành #2.docx", "so-a/van-ban/a%20b.pdf",
                "so-a/van-ban/mẫu đơn (1) + phụ lục;bản 2,3.doc", "so-a/van-ban/phụ lục/bảng kê #3.xlsx",
                // the procedure's dossier form and forms
                "so-a/thu-tuc/tờ khai 50%.doc", "so-a/thu-tuc/Quyết định số 1?.pdf", "so-a/thu-tuc/100% hoàn thành #2.docx",
                // the news image, the Markdown links and image, the raw HTML link
                "so-a/tin-tuc/ảnh hội nghị #1.jpg", "so-a/tin-tuc/Quyết định số 1?.pdf", "so-a/tin-tuc/100% hoàn thành #2.docx",
                "so-a/tin-tuc/a%20b.pdf", "so-a/tin-tuc/tờ khai 50%.doc");
        for (String e : expected) {
            assertTrue(reached.contains(e), () -> e + " is not linked; linked: " + reached);
        }
    }

    @Test
    void everyAddressInTheOpenDataIsEncodedAndNamesItsFile() throws IOException {
        assertTrue(build.ok(), () -> Diags.dump(build.diagnostics()));
        Pattern absolute = Pattern.compile("https://" + Pattern.quote(Fixture.PORTAL_HOST) + "(/[^\\s\"<>;,]*)");
        Set<String> reached = new TreeSet<>();
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(f.out())) {
            s.filter(p -> p.toString().matches(".*\\.(csv|json|xml|html)$")).forEach(p -> files.add(p.toString()));
        }
        for (String file : files) {
            Path p = Path.of(file);
            Matcher m = absolute.matcher(Files.readString(p));
            while (m.find()) {
                String url = m.group(1).replaceAll("[).]+$", "");
                String path = ownPath(url);
                if (path != null) {
                    reached.add(assertNamesAFile(path, url, p));
                }
            }
        }
        // the documents' open data and JSON-LD, the procedures' open data
        for (String n : List.of("Quyết định số 1?.pdf", "100% hoàn thành #2.docx", "a%20b.pdf", "mẫu đơn (1) + phụ lục;bản 2,3.doc")) {
            assertTrue(reached.contains("so-a/van-ban/" + n), () -> n + " not in the open data: " + reached);
        }
        assertTrue(reached.contains("so-a/thu-tuc/tờ khai 50%.doc"), reached::toString);
    }

    @Test
    void addressesFromTheFrontMatterAreEncodedAndOpenWithoutTheirOpener() throws IOException {
        assertTrue(build.ok(), () -> Diags.dump(build.diagnostics()));
        Document doc = Jsoup.parse(Files.readString(f.out().resolve("so-a/van-ban/12-2025-qd-ubnd/index.html")));
        Element source = doc.selectFirst("a[href^=https://vbpl.vn/]");
        assertEquals("https://vbpl.vn/v%C4%83n-b%E1%BA%A3n?id=1&lo%E1%BA%A1i=%22q%C4%91%22", source.attr("href"));
        assertTrue(source.attr("rel").contains("noopener"), source::toString);
        Document proc = Jsoup.parse(Files.readString(f.out().resolve("so-a/thu-tuc/cap-phep-thu/index.html")));
        List<Element> online = proc.select("a[href^=https://dichvucong.gov.vn/]");
        assertFalse(online.isEmpty());
        for (Element a : online) {
            assertTrue(List.of(a.attr("rel").split(" ")).contains("noopener"), a::toString);
        }
    }

    @Test
    void trangCheckFindsNoBrokenLinkEither() throws IOException {
        assertTrue(build.ok(), () -> Diags.dump(build.diagnostics()));
        SiteChecker.Report r = new SiteChecker(false, 2, f.root, List.of("https://" + Fixture.PORTAL_HOST + "/")).check(f.out());
        List<Finding> links = r.findings().stream().filter(x -> x.rule().equals("link") || x.rule().equals("anchor")).toList();
        assertEquals(List.of(), links);
    }

    /** A site path (no leading '/') of an address on the site, without query or fragment; null when elsewhere. */
    private static String ownPath(String url) {
        if (!url.startsWith("/") || url.startsWith("//")) {
            return null;
        }
        String path = url.replaceFirst("[?#].*", "").substring(1);
        return path.startsWith("tim-kiem") || path.startsWith("api/") ? null : path;
    }

    /** Asserts the address is ASCII without what needs encoding, and names a file of the output; returns its decoded path. */
    private static String assertNamesAFile(String path, String url, Path page) {
        for (char c : path.toCharArray()) {
            assertTrue(c > ' ' && c < 0x7f && "\"<>\\^`{|} ".indexOf(c) < 0, () -> "not encoded: " + url + " in " + page);
        }
        String decoded = LinkTargets.percentDecode(path);
        Path file = f.out().resolve(decoded.isEmpty() || decoded.endsWith("/") ? decoded + "index.html" : decoded);
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        Path found = file;
        assertTrue(Files.isRegularFile(found), () -> url + " in " + page + " names no file: " + found);
        return decoded;
    }
}
