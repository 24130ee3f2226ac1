package vn.trang.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.pipeline.BuildResult;

/** {@code trang check} reads every XML file of the site (feeds, sitemaps, OpenSearch) as XML. */
class XmlOutputsTest {

    @TempDir
    Path tmp;

    private Fixture built() {
        Fixture f = Fixture.standard(tmp).news(Fixture.DEPT, "hoi-nghi", "Hội nghị", "2025-03-14 08:30");
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        return f;
    }

    private static List<Finding> xmlFindings(Fixture f) throws IOException {
        return new SiteChecker(false, 1, f.root).check(f.out()).findings().stream()
                .filter(x -> x.rule().equals("xml")).toList();
    }

    @Test
    void theBuildsXmlFilesAreWellFormed() throws IOException {
        Fixture f = built();
        assertTrue(Files.exists(f.out().resolve("so-a/tin-tuc/rss.xml")));
        assertTrue(Files.exists(f.out().resolve("sitemap.xml")));
        assertEquals(List.of(), xmlFindings(f));
    }

    @Test
    void aFeedWithAControlCharacterIsAnErrorAtItsPlace() throws IOException {
        Fixture f = built();
        Path rss = f.out().resolve("so-a/tin-tuc/rss.xml");
        String xml = Files.readString(rss);
        int at = xml.indexOf("Hội nghị");
        Files.writeString(rss, xml.substring(0, at) + "\u001b" + xml.substring(at));
        List<Finding> found = xmlFindings(f);
        assertEquals(1, found.size(), found::toString);
        Finding x = found.get(0);
        assertTrue(x.error());
        assertEquals("so-a/tin-tuc/rss.xml", x.page());
        String before = xml.substring(0, at);
        assertEquals(before.split("\n", -1).length, x.line(), x::format);
        assertTrue(x.format().contains("\\u001B") || !x.format().contains("\u001b"), x::format);
    }

    @Test
    void anUnclosedElementInASitemapAndADoctypeInOpenSearch() throws IOException {
        Fixture f = built();
        Path sitemap = f.out().resolve("sitemap.xml");
        Files.writeString(sitemap, Files.readString(sitemap).replace("</urlset>", ""));
        Path opensearch = f.out().resolve("opensearch.xml");
        Files.writeString(opensearch, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
        List<Finding> found = xmlFindings(f);
        assertEquals(List.of("opensearch.xml", "sitemap.xml"), found.stream().map(Finding::page).sorted().toList(),
                found::toString);
        assertTrue(found.stream().noneMatch(x -> x.message().contains("root:")), "never reads the entity's file");
    }
}
