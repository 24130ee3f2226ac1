package vn.trang.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.pipeline.BuildResult;

/**
 * English standing pages ({@code lang: en}, {@code translation_of}): English documents with their
 * own menu, hreflang links both ways between a page and its translation, the language switch, and
 * the compliance report's English line.
 */
class EnglishPagesTest {

    static final String HOST = "https://" + Fixture.PORTAL_HOST;

    /** A department with Vietnamese introduction and contacts, and an English introduction. */
    static Fixture unit(Path tmp) {
        Fixture f = Fixture.standard(tmp);
        f.write("sites/so-a.yml", Fixture.unitYaml("Sở Thử Nghiệm", "department", "tinh", "/so-a/")
                + "name_en: Department of Testing\n");
        f.page("so-a", "gioi-thieu", "Giới thiệu", "weight: 10");
        f.page("so-a", "lien-he", "Liên hệ", "weight: 40");
        f.page("so-a", "lanh-dao", "Lãnh đạo", "weight: 30");
        f.page("so-a", "introduction", "About the Department", "lang: en", "translation_of: gioi-thieu", "weight: 10", "slug: introduction");
        f.page("so-a", "guide", "Guide for investors", "lang: en", "weight: 50", "slug: guide");
        return f;
    }

    static Document page(Fixture f, String path) {
        return Jsoup.parse(Fixture.read(f.out().resolve(path + "index.html")));
    }

    static String alternate(Document d, String lang) {
        Element e = d.selectFirst("link[rel=alternate][hreflang=" + lang + "]");
        return e == null ? null : e.attr("href");
    }

    @Test
    void anEnglishPageIsAnEnglishDocumentWithItsOwnMenu(@TempDir Path tmp) {
        Fixture f = unit(tmp);
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));

        Document en = page(f, "so-a/introduction/");
        assertEquals("en", en.selectFirst("html").attr("lang"));
        assertEquals("en_US", en.selectFirst("meta[property=og:locale]").attr("content"));
        assertTrue(en.selectFirst("script[type=application/ld+json]").data().contains("\"inLanguage\":\"en\""));
        assertEquals("Department of Testing", en.selectFirst(".brand-name").text());
        assertTrue(en.selectFirst("title").text().endsWith("– Department of Testing"), en.title());
        assertTrue(en.selectFirst(".site-footer").text().contains("Responsible for the content"));
        assertEquals("Skip to main content", en.selectFirst(".skip-link").text());
        List<String> enMenu = en.select(".main-nav .menu-full a").eachText();
        assertEquals(List.of("About the Department", "Guide for investors", "Vietnamese site"), enMenu);
        assertEquals("/so-a/", en.select(".main-nav .menu-full a").last().attr("href"));
        // the unit's name in the header leads English readers to the English start, not the Vietnamese home
        assertEquals("/so-a/introduction/", page(f, "so-a/guide/").selectFirst(".brand-name a").attr("href"));

        Document vi = page(f, "so-a/gioi-thieu/");
        assertEquals("vi", vi.selectFirst("html").attr("lang"));
        assertEquals("/so-a/", vi.selectFirst(".brand-name a").attr("href"));
        List<String> viMenu = vi.select(".main-nav .menu-full a").eachText();
        assertTrue(viMenu.contains("Lãnh đạo"), viMenu::toString);
        assertFalse(viMenu.contains("About the Department") || viMenu.contains("Guide for investors"), viMenu::toString);
        assertFalse(vi.selectFirst("script[type=application/ld+json]").data().contains("\"inLanguage\":\"en\""));
    }

    @Test
    void aPageAndItsTranslationNameEachOtherAndTheSwitchLeadsToTheOtherLanguage(@TempDir Path tmp) {
        Fixture f = unit(tmp);
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        String viUrl = HOST + "/so-a/gioi-thieu/";
        String enUrl = HOST + "/so-a/introduction/";

        Document vi = page(f, "so-a/gioi-thieu/");
        Document en = page(f, "so-a/introduction/");
        for (Document d : List.of(vi, en)) {
            assertEquals(viUrl, alternate(d, "vi"));
            assertEquals(enUrl, alternate(d, "en"));
            assertEquals(viUrl, alternate(d, "x-default"));
        }
        assertEquals(viUrl, vi.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals(enUrl, en.selectFirst("link[rel=canonical]").attr("href"));

        Element toEnglish = vi.selectFirst(".lang-switch a");
        assertEquals("/so-a/introduction/", toEnglish.attr("href"));
        assertEquals("en", toEnglish.attr("lang"));
        assertEquals("en", toEnglish.attr("hreflang"));
        assertEquals("English", toEnglish.text());
        Element toVietnamese = en.selectFirst(".lang-switch a");
        assertEquals("/so-a/gioi-thieu/", toVietnamese.attr("href"));
        assertEquals("vi", toVietnamese.attr("hreflang"));
        assertEquals("Tiếng Việt", toVietnamese.text());

        // no translation: no alternates; the switch leads to the English introduction, or home
        Document leaders = page(f, "so-a/lanh-dao/");
        assertEquals(null, alternate(leaders, "en"));
        assertEquals("/so-a/introduction/", leaders.selectFirst(".lang-switch a").attr("href"));
        assertEquals("/so-a/introduction/", page(f, "so-a/").selectFirst(".lang-switch a").attr("href"));
        Document guide = page(f, "so-a/guide/");
        assertEquals(null, alternate(guide, "vi"));
        assertEquals("/so-a/", guide.selectFirst(".lang-switch a").attr("href"));
        // a site without English pages has no switch
        assertEquals(null, page(f, "xa-b/").selectFirst(".lang-switch"));

        String sitemap = Fixture.read(f.out().resolve("so-a/sitemap.xml"));
        assertTrue(sitemap.contains("<loc>" + enUrl + "</loc>"), sitemap);
        assertTrue(sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"" + enUrl + "\"/>"), sitemap);
    }

    @Test
    void theComplianceLineNamesTheMissingEnglishPage(@TempDir Path tmp) {
        Fixture f = unit(tmp);
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        Document report = page(f, "bao-cao-nd42/theo-ten/");
        String soA = report.select("table.compliance-summary tbody tr").stream()
                .filter(tr -> tr.text().startsWith("Sở Thử Nghiệm")).findFirst().orElseThrow().text();
        assertTrue(soA.contains("thiếu bản tiếng Anh của trang liên hệ"), soA);
        assertFalse(soA.contains("trang giới thiệu"), soA);

        f.page("so-a", "contact", "Contact", "lang: en", "translation_of: lien-he");
        BuildResult again = f.build();
        assertTrue(again.ok(), () -> Diags.dump(again.diagnostics()));
        String after = page(f, "bao-cao-nd42/theo-ten/").select("table.compliance-summary tbody tr").stream()
                .filter(tr -> tr.text().startsWith("Sở Thử Nghiệm")).findFirst().orElseThrow().text();
        assertFalse(after.contains("Trang tiếng Anh"), after);
        assertNotNull(page(f, "so-a/contact/").selectFirst("link[hreflang=vi][href=" + HOST + "/so-a/lien-he/]"));
    }

    @Test
    void langAndLanguageMustAgree(@TempDir Path tmp) {
        Fixture f = Fixture.standard(tmp);
        f.page("so-a", "about", "About", "lang: en", "language: vi");
        BuildResult r = f.build();
        Diags.singleError(r.diagnostics(), "content/so-a/trang/about.md", 4, 11, "lang: en", "language: vi");
    }

    @Test
    void anUnsupportedLanguageIsAnError(@TempDir Path tmp) {
        Fixture f = Fixture.standard(tmp);
        f.page("so-a", "about", "À propos", "lang: fr");
        BuildResult r = f.build();
        Diags.singleError(r.diagnostics(), "content/so-a/trang/about.md", 3, 7, "fr");
    }

    @Test
    void translationOfMustNameAVietnamesePageOfTheSite(@TempDir Path tmp) {
        Fixture f = Fixture.standard(tmp);
        f.page("so-a", "about", "About", "lang: en", "translation_of: gioi-thieu");
        BuildResult r = f.build();
        Diags.singleError(r.diagnostics(), "content/so-a/trang/about.md", 4, 17, "translation_of", "gioi-thieu.md");
    }

    @Test
    void translationOfIsForEnglishPages(@TempDir Path tmp) {
        Fixture f = Fixture.standard(tmp);
        f.page("so-a", "gioi-thieu", "Giới thiệu");
        f.page("so-a", "ban-sao", "Bản sao", "translation_of: gioi-thieu");
        BuildResult r = f.build();
        Diags.singleError(r.diagnostics(), "content/so-a/trang/ban-sao.md", 3, 17, "tiếng Anh");
    }

    @Test
    void aPageHasOneEnglishTranslation(@TempDir Path tmp) {
        Fixture f = Fixture.standard(tmp);
        f.page("so-a", "gioi-thieu", "Giới thiệu");
        f.page("so-a", "about", "About", "lang: en", "translation_of: gioi-thieu");
        f.page("so-a", "zz-about", "About us", "lang: en", "translation_of: gioi-thieu");
        BuildResult r = f.build();
        Diags.singleError(r.diagnostics(), "content/so-a/trang/zz-about.md", 4, 17, "gioi-thieu", "about.md");
    }

    @Test
    void withoutAnEnglishNameTheUnitKeepsItsVietnameseName(@TempDir Path tmp) {
        Fixture f = Fixture.standard(tmp);
        f.page("so-a", "about", "About", "lang: en");
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        Document en = page(f, "so-a/about/");
        assertEquals("Sở Thử Nghiệm", en.selectFirst(".brand-name").text());
        assertEquals("en", en.selectFirst("html").attr("lang"));
        assertEquals("/so-a/", en.selectFirst(".lang-switch a").attr("href"));
        assertEquals("/so-a/about/", page(f, "so-a/").selectFirst(".lang-switch a").attr("href"));
    }
}
