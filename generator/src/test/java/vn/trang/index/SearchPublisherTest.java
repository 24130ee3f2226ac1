package vn.trang.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.pipeline.BuildOptions;
import vn.trang.pipeline.BuildResult;
import vn.trang.pipeline.Builder;
import vn.trang.text.JsonReader;

/** The index stage of a build: what lands in _search/, the OpenSearch descriptions, the form. */
class SearchPublisherTest {

    @TempDir
    Path tmp;

    private Fixture fixture() {
        Fixture f = Fixture.standard(tmp);
        f.news(Fixture.PORTAL, "tin-tinh", "Tin của tỉnh", "2026-01-02");
        f.news(Fixture.DEPT, "tin-so", "Tin của sở", "2026-01-03");
        f.document(Fixture.DEPT, "06-ct-ubnd", "06/CT-UBND", "Chỉ thị", "2019-04-19");
        f.procedure(Fixture.COMMUNE, "khai-sinh", "Đăng ký khai sinh", "1.001193");
        return f;
    }

    @Test
    void buildPublishesIndexLayoutsAndTheme() throws Exception {
        Fixture f = fixture();
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        SearchFiles files = SearchFiles.inOutput(f.out());
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(files.index()))) {
            assertEquals(4, reader.numDocs());
            assertEquals(IndexBuilder.SCHEMA_VERSION, reader.getIndexCommit().getUserData().get(IndexBuilder.SCHEMA_KEY));
            assertEquals(1, reader.leaves().size(), "merged to one segment");
        }
        Map<String, Object> sites = JsonReader.object(Files.readString(files.sites(), StandardCharsets.UTF_8));
        assertEquals("tinh", sites.get("portal"));
        assertEquals(3, ((Map<?, ?>) sites.get("sites")).size());
        assertFalse(Files.readString(files.sites()).contains("editors"), "Git identities are not published");
        assertTrue(Files.isRegularFile(files.themes().resolve("default/templates/search.ftlh")));
        assertTrue(Files.isRegularFile(files.themes().resolve("default/i18n/messages_vi.properties")));
    }

    @Test
    void everySiteHasAnOpenSearchDescriptionLinkedFromItsPages() throws Exception {
        Fixture f = fixture();
        assertTrue(f.build().ok());
        for (String site : new String[] {Fixture.PORTAL, Fixture.DEPT, Fixture.COMMUNE}) {
            String dir = site.equals(Fixture.PORTAL) ? "" : site + "/";
            Path xml = f.out().resolve(dir + OpenSearchDescription.FILE);
            org.w3c.dom.Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(Files.readAllBytes(xml)));
            Element root = d.getDocumentElement();
            assertEquals("OpenSearchDescription", root.getTagName());
            String template = ((Element) root.getElementsByTagName("Url").item(0)).getAttribute("template");
            assertTrue(template.startsWith("https://" + Fixture.PORTAL_HOST + "/tim-kiem?q={searchTerms}"), template);
            assertEquals(!site.equals(Fixture.PORTAL), template.endsWith("&site=" + site), template);
            assertTrue(root.getElementsByTagName("ShortName").item(0).getTextContent().length() <= 16);
            Document page = Jsoup.parse(Fixture.read(f.out().resolve(dir + "index.html")));
            assertEquals("/" + dir + OpenSearchDescription.FILE, page.selectFirst("link[rel=search]").attr("href"));
            assertEquals("/tim-kiem", page.selectFirst("form.search-form").attr("action"));
            assertEquals(!site.equals(Fixture.PORTAL), page.selectFirst("form.search-form input[name=site]") != null);
        }
    }

    @Test
    void oneSiteBuildIndexesThatSiteOnly() throws Exception {
        Fixture f = fixture();
        Path out = tmp.resolve("one");
        BuildResult r = new Builder().build(BuildOptions.defaults(f.root, out).withSite(Fixture.DEPT));
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(SearchFiles.inOutput(out).index()))) {
            assertEquals(2, reader.numDocs());
        }
        Map<String, Object> sites = JsonReader.object(Files.readString(SearchFiles.inOutput(out).sites()));
        assertEquals("tinh", sites.get("portal"), "the portal's layout is still known");
    }

    @Test
    void locateAcceptsTheOutputTheSearchFolderOrTheIndex() {
        Path out = tmp.resolve("public");
        SearchFiles expected = SearchFiles.inOutput(out);
        try {
            Files.createDirectories(expected.index());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(expected, SearchFiles.locate(out));
        assertEquals(expected, SearchFiles.locate(expected.root()));
        assertEquals(expected, SearchFiles.locate(expected.index()));
    }
}
