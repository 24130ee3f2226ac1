package vn.trang.render;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import vn.trang.git.FileHistory;
import vn.trang.model.CitedDocument;
import vn.trang.model.Item;
import vn.trang.model.LegalDocument;
import vn.trang.model.NewsItem;
import vn.trang.model.Page;
import vn.trang.model.Procedure;
import vn.trang.model.Site;
import vn.trang.procedure.ProcedureStatistics;
import vn.trang.render.ViewModels.Channel;
import vn.trang.render.ViewModels.Chart;
import vn.trang.render.ViewModels.ExportLink;
import vn.trang.render.ViewModels.FacetInfo;
import vn.trang.render.ViewModels.Pagination;
import vn.trang.render.ViewModels.SectionLink;
import vn.trang.render.ViewModels.SitemapUrl;
import vn.trang.render.ViewModels.UnitGroup;
import vn.trang.render.ViewModels.UnitStats;
import vn.trang.text.DateFormats;

/**
 * One record per template of the theme: what {@link SitePlanner} hands each one. A value that may
 * be missing is null (templates test it with {@code ??} or give a default with {@code !}).
 * docs/THEME.md describes each field.
 */
public final class Views {

    private Views() {
    }

    /** {@code home.ftlh}: a unit site's home page. */
    public record HomeView(Layout layout, Page intro, List<Item> latestNews, List<Item> latestDocuments,
                           List<Item> procedures, List<SectionLink> sections, List<Site> children) implements PageView {
    }

    /** {@code portal.ftlh}: the portal's home page, with the news of every unit and the unit directory. */
    public record PortalView(Layout layout, Page intro, List<Item> latestNews, List<Item> latestDocuments,
                             List<Item> procedures, List<SectionLink> sections, List<Site> children,
                             List<NewsItem> unitNews, List<UnitGroup> units) implements PageView {
    }

    /**
     * {@code list.ftlh}: one page of a section list, or of one facet value of it.
     *
     * @param facet    the facet value this list is filtered by, null for the whole section
     * @param facets   the sidebar: each dimension's values, the current one marked
     * @param exports  the list as open data (documents and procedures)
     * @param reports  the statistics and review pages (procedures)
     * @param showSite whether each item shows its unit (the portal's province-wide lists)
     */
    public record ListView(Layout layout, SectionLink section, List<Item> items, Pagination pagination,
                           List<Facets.FacetGroup> facets, FacetInfo facet, List<ExportLink> exports,
                           List<ExportLink> reports, boolean showSite) implements PageView {
    }

    /** {@code units.ftlh}: the portal's unit directory. */
    public record UnitsView(Layout layout, List<UnitGroup> units) implements PageView {
    }

    /**
     * {@code news.ftlh}, {@code page.ftlh}, {@code post.ftlh}: one item's page.
     *
     * @param history the source file's history, null when there is none
     */
    public record ItemView(Layout layout, Item item, FileHistory history) implements PageView {
    }

    /** {@code document.ftlh}: a legal document's page, with its schema.org JSON-LD. */
    public record DocumentView(Layout layout, LegalDocument item, FileHistory history,
                               StructuredData.Legislation jsonLd) implements PageView {
    }

    /**
     * {@code procedure.ftlh}: an administrative procedure's page.
     *
     * @param basis its legal basis, linked to the document index
     */
    public record ProcedureView(Layout layout, Procedure item, FileHistory history, List<CitedDocument> basis)
            implements PageView {
    }

    /** {@code 404.ftlh}: the layout alone. */
    public record NotFoundView(Layout layout) implements PageView {
    }

    /**
     * {@code compliance.ftlh}: how every unit meets NĐ 42/2022, one page per sorting.
     *
     * @param documentDays working days allowed between issuing and publishing a document
     */
    public record ComplianceView(Layout layout, List<Compliance.UnitReport> units, boolean sortedByName,
                                 String byScoreUrl, String byNameUrl, String jsonUrl, LocalDate asOf, int documentDays)
            implements PageView {
    }

    /**
     * {@code procedure-stats.ftlh}: statistics of a procedure catalog.
     *
     * @param units each unit's own statistics on the portal, null on a unit's site
     */
    public record ProcedureStatsView(Layout layout, ProcedureStatistics stats, List<Chart> charts,
                                     List<UnitStats> units) implements PageView {
    }

    /**
     * {@code procedure-review.ftlh}: the procedures to review.
     *
     * @param reviewDays procedures not updated for longer are listed
     * @param total      the procedures of the catalog
     */
    public record ProcedureReviewView(Layout layout, List<ProcedureReview.Finding> findings, int reviewDays, int total)
            implements PageView {
    }

    /** {@code rss.ftlx}: a section's RSS feed. No layout: a feed has no language or generator line. */
    public record FeedView(Channel channel, List<Item> items, DateFormats fmt, Map<String, String> t) implements View {
    }

    /** {@code sitemap.ftlx}: a site's sitemap. */
    public record SitemapView(List<SitemapUrl> urls) implements View {
    }

    /** {@code robots.ftl}: the robots.txt at the root every host shares. */
    public record RobotsView(List<String> sitemaps) implements View {
    }
}
