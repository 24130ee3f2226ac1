package vn.trang.render;

import java.util.List;

import vn.trang.model.Site;

/** The small typed values templates receive besides items and sites (see docs/THEME.md). */
public final class ViewModels {

    private ViewModels() {
    }

    public record NavLink(String title, String url, boolean active) {
    }

    public record Crumb(String title, String url) {
    }

    /** The same page in one language, for {@code <link rel="alternate" hreflang>}: an absolute URL. */
    public record Alternate(String lang, String url) {
    }

    /**
     * The language switch: a link to this page, or the site's start, in the other language.
     *
     * @param lang  the language of the page it leads to ("en", "vi"): the link's lang and hreflang
     * @param label the language's own name ("English", "Tiếng Việt")
     */
    public record LanguageSwitch(String lang, String label, String url) {
    }

    /**
     * @param type  home | item | list | units | notfound
     * @param share link-preview and JSON-LD facts, or null (search results)
     */
    public record PageInfo(String title, String description, String path, String canonical, String type,
                           String feedUrl, Share share) {
    }

    public record SectionLink(String id, String title, String url, int count, String feedUrl) {
    }

    public record PageLink(int number, String url, boolean current) {
    }

    public record Pagination(int page, int totalPages, int totalItems, String prevUrl, String nextUrl,
                             List<PageLink> pages) {
    }

    public record UnitGroup(String kind, String title, List<Site> sites) {
    }

    public record Channel(String title, String link, String description, String feedUrl) {
    }

    /** @param alternates the page in each language (xhtml:link), empty when it has no translation */
    public record SitemapUrl(String loc, String lastmod, List<Alternate> alternates) {
        public SitemapUrl(String loc, String lastmod) {
            this(loc, lastmod, List.of());
        }
    }

    /** The facet a list page is filtered by: "Loại văn bản: Chỉ thị"; sectionUrl clears it. */
    public record FacetInfo(String dimension, String value, String sectionUrl) {
    }

    /** An inline SVG chart (made by our code from counts: trusted markup). */
    public record Chart(String svg) {
    }

    /** One unit's line in the portal's statistics table. */
    public record UnitStats(Site site, vn.trang.procedure.ProcedureStatistics stats) {
    }

    /** A download of the list as open data. */
    public record ExportLink(String format, String url) {
    }
}
