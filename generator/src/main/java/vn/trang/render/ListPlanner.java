package vn.trang.render;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.trang.link.Catalog;
import vn.trang.model.CitedDocument;
import vn.trang.model.Item;
import vn.trang.model.LegalDocument;
import vn.trang.model.Procedure;
import vn.trang.model.Section;
import vn.trang.model.Site;
import vn.trang.procedure.ProcedureStatistics;
import vn.trang.procedure.SvgCharts;
import vn.trang.render.ViewModels.Channel;
import vn.trang.render.ViewModels.Chart;
import vn.trang.render.ViewModels.Crumb;
import vn.trang.render.ViewModels.ExportLink;
import vn.trang.render.ViewModels.FacetInfo;
import vn.trang.render.ViewModels.PageLink;
import vn.trang.render.ViewModels.Pagination;
import vn.trang.render.ViewModels.SectionLink;
import vn.trang.render.ViewModels.SitemapUrl;
import vn.trang.render.ViewModels.UnitStats;
import vn.trang.render.Views.FeedView;
import vn.trang.render.Views.ListView;
import vn.trang.render.Views.ProcedureReviewView;
import vn.trang.render.Views.ProcedureStatsView;

/**
 * The outputs of one section's list: its paginated pages, a page series per facet value, its RSS
 * feed, its open-data exports, and for procedures the statistics and review pages.
 */
final class ListPlanner {

    private final Catalog catalog;
    private final Layouts layouts;
    private final LocalDate asOf;
    private final int reviewDays;

    ListPlanner(Catalog catalog, Layouts layouts, LocalDate asOf, int reviewDays) {
        this.catalog = catalog;
        this.layouts = layouts;
        this.asOf = asOf;
        this.reviewDays = reviewDays;
    }

    /** Every output of the list of {@code items} (the section's, on the portal the province's). */
    void plan(Site site, Messages t, Section section, List<Item> items, List<Output> out, List<SitemapUrl> sitemap) {
        String sectionUrl = site.path() + section.folder() + "/";
        String title = SitePlanner.sectionTitle(t, section);
        List<FacetDimension> dims = Facets.of(section);
        List<ExportLink> exports = exports(site, section, items, out);
        List<ExportLink> reports = section == Section.PROCEDURES ? procedureReports(site, t, items, out, sitemap)
                : List.of();
        // Each dimension's buckets once per list, not once per facet page.
        List<List<Facets.Bucket>> buckets = dims.stream().map(dim -> Facets.buckets(dim, items)).toList();
        List<Facets.FacetGroup> sidebar = Facets.groupsOf(dims, buckets, sectionUrl, null, null);
        pages(site, t, section, items, sectionUrl, title, null, sidebar, exports, reports, out, sitemap);
        for (int k = 0; k < dims.size(); k++) {
            FacetDimension dim = dims.get(k);
            for (Facets.Bucket b : buckets.get(k)) {
                String url = Facets.url(sectionUrl, dim, b.slug());
                pages(site, t, section, b.items(), url, title + ": " + b.label(),
                        new FacetInfo(dim.title(), b.label(), sectionUrl), Facets.marked(sidebar, dim.segment(), url),
                        exports, reports, out, sitemap);
            }
        }
        String feedUrl = SitePlanner.feedUrl(site, section);
        Channel channel = new Channel(title + " – " + site.name(), site.absolute(sectionUrl), title + " – " + site.name(),
                site.absolute(feedUrl));
        out.add(new Output(site, feedUrl.substring(1), "rss.ftlx",
                new FeedView(channel, SitePlanner.first(items, SitePlanner.FEED_SIZE), layouts.fmt(), t.asMap()),
                site.sourceFile()));
    }

    /** Open-data exports of a section's list (documents and procedures: CSV and JSON). */
    private List<ExportLink> exports(Site site, Section section, List<Item> items, List<Output> out) {
        String base = site.path() + section.folder() + "/" + section.folder();
        if (section == Section.DOCUMENTS) {
            List<LegalDocument> docs = items.stream().map(LegalDocument.class::cast).toList();
            // Written as they are made: the portal's cover the whole province. Their inputs are
            // named so that an edit elsewhere does not make them again.
            out.add(Output.streamed(site, base.substring(1) + ".json", w -> DocumentExport.json(docs, w), site.sourceFile(),
                    List.of("documents.json", docs)));
            out.add(Output.streamed(site, base.substring(1) + ".csv", w -> DocumentExport.csv(docs, w), site.sourceFile(),
                    List.of("documents.csv", docs)));
        } else if (section == Section.PROCEDURES) {
            List<Procedure> procs = items.stream().map(Procedure.class::cast).toList();
            Map<Procedure, List<CitedDocument>> basis = catalog.procedureBasis();
            List<List<CitedDocument>> own = procs.stream().map(p -> basis.getOrDefault(p, List.of())).toList();
            out.add(Output.streamed(site, base.substring(1) + ".json",
                    w -> ProcedureExport.json(procs, basis, w), site.sourceFile(), List.of("procedures.json", procs, own)));
            out.add(Output.streamed(site, base.substring(1) + ".csv", w -> ProcedureExport.csv(procs, w), site.sourceFile(),
                    List.of("procedures.csv", procs)));
        } else {
            return List.of();
        }
        return List.of(new ExportLink("CSV", base + ".csv"), new ExportLink("JSON", base + ".json"));
    }

    /** Statistics and review pages of a procedure catalog (a unit's, or the province's). */
    private List<ExportLink> procedureReports(Site site, Messages t, List<Item> items, List<Output> out,
                                              List<SitemapUrl> sitemap) {
        List<Procedure> procs = items.stream().map(Procedure.class::cast).toList();
        String sectionUrl = site.path() + Section.PROCEDURES.folder() + "/";
        String statsUrl = sectionUrl + SitePlanner.STATS_SEGMENT + "/";
        String reviewUrl = sectionUrl + SitePlanner.REVIEW_SEGMENT + "/";

        String statsTitle = t.get("proc_stats_title", "Thống kê thủ tục hành chính");
        ProcedureStatistics stats = ProcedureStatistics.of(procs);
        List<Chart> charts = List.of(
                new Chart(SvgCharts.barChart("chart-level", t.get("proc_by_level", "Theo mức độ dịch vụ công"),
                        stats.byServiceLevel(), true)),
                new Chart(SvgCharts.barChart("chart-field", t.get("proc_by_field", "Theo lĩnh vực"), stats.byField(), false)));
        List<UnitStats> units = null;
        if (site.portal()) {
            units = new ArrayList<>();
            for (Site s : catalog.registry().sites()) {
                List<Procedure> own = catalog.items(s, Section.PROCEDURES).stream().map(Procedure.class::cast).toList();
                if (!own.isEmpty()) {
                    units.add(new UnitStats(s, ProcedureStatistics.of(own)));
                }
            }
        }
        Layout statsLayout = layouts.of(site, t, statsUrl, "list", statsTitle, null, null,
                layouts.crumbs(site, t, Section.PROCEDURES, statsTitle));
        out.add(new Output(site, SitePlanner.file(statsUrl), "procedure-stats.ftlh",
                new ProcedureStatsView(statsLayout, stats, charts, units), site.sourceFile()));
        sitemap.add(new SitemapUrl(site.absolute(statsUrl), null));

        String reviewTitle = t.get("proc_review_title", "Thủ tục cần rà soát");
        List<ProcedureReview.Finding> findings = ProcedureReview.findings(catalog, procs, asOf, reviewDays);
        Layout reviewLayout = layouts.of(site, t, reviewUrl, "list", reviewTitle, null, null,
                layouts.crumbs(site, t, Section.PROCEDURES, reviewTitle));
        out.add(new Output(site, SitePlanner.file(reviewUrl), "procedure-review.ftlh",
                new ProcedureReviewView(reviewLayout, findings, reviewDays, procs.size()), site.sourceFile()));
        return List.of(new ExportLink(statsTitle, statsUrl), new ExportLink(reviewTitle, reviewUrl));
    }

    /** The paginated pages of one list: a section, or one facet value of it. */
    private void pages(Site site, Messages t, Section section, List<Item> items, String baseUrl, String title,
                       FacetInfo facet, List<Facets.FacetGroup> facets, List<ExportLink> exports,
                       List<ExportLink> reports, List<Output> out, List<SitemapUrl> sitemap) {
        String sectionUrl = site.path() + section.folder() + "/";
        String feedUrl = SitePlanner.feedUrl(site, section);
        SectionLink sectionLink = new SectionLink(section.folder(), SitePlanner.sectionTitle(t, section), sectionUrl,
                items.size(), feedUrl);
        boolean showSite = site.portal() && (section == Section.DOCUMENTS || section == Section.PROCEDURES);
        String pageWord = t.get("page", "Trang");
        int totalPages = Math.max(1, (items.size() + SitePlanner.PAGE_SIZE - 1) / SitePlanner.PAGE_SIZE);
        for (int p = 1; p <= totalPages; p++) {
            String path = pageUrl(baseUrl, p);
            List<Item> slice = items.subList((p - 1) * SitePlanner.PAGE_SIZE,
                    Math.min(items.size(), p * SitePlanner.PAGE_SIZE));
            String pageTitle = p == 1 ? title : title + " – " + pageWord + " " + p;
            boolean topPage = facet == null && p == 1;
            List<Crumb> crumbs = layouts.crumbs(site, t, topPage ? null : section, topPage ? title
                    : facet != null ? facet.dimension() + ": " + facet.value() + (p == 1 ? "" : " – " + pageWord + " " + p)
                    : pageWord + " " + p);
            Layout layout = layouts.of(site, t, path, "list", pageTitle, null, feedUrl, crumbs);
            out.add(new Output(site, SitePlanner.file(path), "list.ftlh", new ListView(layout, sectionLink, slice,
                    pagination(baseUrl, p, totalPages, items.size()), facets, facet, exports, reports, showSite),
                    site.sourceFile()));
            sitemap.add(new SitemapUrl(site.absolute(path), null));
        }
    }

    /** The URL of page {@code p} of a list: /tin-tuc/, /tin-tuc/trang/2/. */
    static String pageUrl(String listUrl, int p) {
        return p == 1 ? listUrl : listUrl + SitePlanner.PAGE_SEGMENT + "/" + p + "/";
    }

    private static Pagination pagination(String listUrl, int page, int totalPages, int totalItems) {
        List<PageLink> links = new ArrayList<>();
        for (int i = 1; i <= totalPages; i++) {
            // A window around the current page plus first and last keeps phones' lines short.
            if (i == 1 || i == totalPages || Math.abs(i - page) <= 2) {
                links.add(new PageLink(i, pageUrl(listUrl, i), i == page));
            }
        }
        return new Pagination(page, totalPages, totalItems, page > 1 ? pageUrl(listUrl, page - 1) : null,
                page < totalPages ? pageUrl(listUrl, page + 1) : null, links);
    }
}
