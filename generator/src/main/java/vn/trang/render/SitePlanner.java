package vn.trang.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.trang.link.Catalog;
import vn.trang.load.SiteRegistry;
import vn.trang.model.CitedDocument;
import vn.trang.model.Item;
import vn.trang.model.LegalDocument;
import vn.trang.model.Page;
import vn.trang.model.Procedure;
import vn.trang.model.Section;
import vn.trang.model.Site;
import vn.trang.model.SiteKind;
import vn.trang.procedure.ProcedureStatistics;
import vn.trang.procedure.SvgCharts;
import vn.trang.render.ViewModels.Channel;
import vn.trang.render.ViewModels.Crumb;
import vn.trang.render.ViewModels.NavLink;
import vn.trang.render.ViewModels.PageInfo;
import vn.trang.render.ViewModels.PageLink;
import vn.trang.render.ViewModels.Pagination;
import vn.trang.render.ViewModels.SectionLink;
import vn.trang.render.ViewModels.SitemapUrl;
import vn.trang.render.ViewModels.UnitGroup;
import vn.trang.text.DateFormats;

/**
 * Decides which files a site consists of and what each template receives: home, one page per
 * item, paginated section lists, an RSS feed per section, sitemap, robots.txt and 404; for the
 * portal also the cross-unit news and the unit directory.
 */
public final class SitePlanner {

    public static final int PAGE_SIZE = 20;
    static final int HOME_NEWS = 6;
    static final int HOME_DOCUMENTS = 5;
    static final int HOME_PROCEDURES = 5;
    static final int PORTAL_UNIT_NEWS = 12;
    static final int FEED_SIZE = 30;
    /** The unit directory's URL segment on the portal. */
    public static final String UNITS_SEGMENT = "don-vi";
    /** The pagination URL segment: /tin-tuc/trang/2/. */
    public static final String PAGE_SEGMENT = "trang";
    /** The portal's NĐ 42/2022 report: /bao-cao-nd42/ and /bao-cao-nd42.json. */
    public static final String COMPLIANCE_SEGMENT = "bao-cao-nd42";

    private static final String GENERATOR = "Trang " + version();

    /** Statistics and review pages of a procedure catalog: /thu-tuc/thong-ke/, /thu-tuc/ra-soat/. */
    public static final String STATS_SEGMENT = "thong-ke";
    public static final String REVIEW_SEGMENT = "ra-soat";
    /** Procedures not updated for longer than this are listed for review. */
    public static final int DEFAULT_REVIEW_DAYS = 365;

    private final Catalog catalog;
    private final Theme theme;
    private final java.time.LocalDate asOf;
    private final int reviewDays;
    private final DateFormats fmt = new DateFormats();

    public SitePlanner(Catalog catalog, Theme theme) {
        this(catalog, theme, java.time.LocalDate.now(DateFormats.VIETNAM), DEFAULT_REVIEW_DAYS);
    }

    /**
     * @param asOf       the build date (validity, review)
     * @param reviewDays procedures not updated for longer are listed for review
     */
    public SitePlanner(Catalog catalog, Theme theme, java.time.LocalDate asOf, int reviewDays) {
        this.catalog = catalog;
        this.theme = theme;
        this.asOf = asOf;
        this.reviewDays = reviewDays;
    }

    static String version() {
        String v = SitePlanner.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Every output of one site. */
    public List<Output> plan(Site site) {
        List<Output> out = new ArrayList<>();
        plan(site, out);
        return out;
    }

    /**
     * Every output of one site, added to {@code out} as it is made. Performance (issue 7): the
     * build passes a list that renders each output and keeps only its path, so a province's
     * page models are never all in memory at once.
     */
    public void plan(Site site, List<Output> out) {
        Messages t = theme.messages(site.language());
        List<SitemapUrl> sitemap = new ArrayList<>();

        // Home
        Map<String, Object> home = base(site, t, site.path(), "home", site.name(), site.description(), null,
                crumbs(site, t, null, null));
        Optional<Page> intro = catalog.page(site, "gioi-thieu");
        home.put("intro", intro.orElse(null));
        home.put("latestNews", first(catalog.items(site, Section.NEWS), HOME_NEWS));
        home.put("latestDocuments", first(catalog.items(site, Section.DOCUMENTS), HOME_DOCUMENTS));
        home.put("procedures", first(catalog.items(site, Section.PROCEDURES), HOME_PROCEDURES));
        home.put("sections", sectionLinks(site, t));
        home.put("children", catalog.registry().children(site));
        if (site.portal()) {
            home.put("unitNews", catalog.latestNews(PORTAL_UNIT_NEWS));
            home.put("units", unitGroups());
        }
        out.add(new Output(site, file(site.path()), site.portal() ? "portal.ftlh" : "home.ftlh", home, site.sourceFile()));
        sitemap.add(new SitemapUrl(site.absoluteUrl(), null));

        // Sections: lists, feeds, items
        for (Section section : Section.values()) {
            List<Item> items = catalog.items(site, section);
            // The portal's document index is the province's: every unit's documents.
            List<Item> listed = site.portal() ? catalog.listedOnPortal(section) : items;
            if (section.listed() && !listed.isEmpty()) {
                planList(site, t, section, listed, out, sitemap);
            }
            for (Item item : items) {
                Map<String, Object> m = base(site, t, item.url(), "item", item.title(), item.summary(),
                        section.listed() ? feedUrl(site, section) : null,
                        crumbs(site, t, section.listed() ? section : null, item.title()));
                m.put("item", item);
                m.put("history", vn.trang.git.History.current().of(item.meta().source())); // issue 6
                if (item instanceof LegalDocument doc) {
                    m.put("jsonLd", new StructuredData.Legislation(doc));
                }
                if (item instanceof Procedure proc) {
                    m.put("basis", catalog.basis(proc));
                }
                out.add(new Output(site, file(item.url()), section.type() + ".ftlh", m, item.meta().source()));
                String lastmod = item.lastModified() == null ? null : item.lastModified().toString();
                sitemap.add(new SitemapUrl(item.absoluteUrl(), lastmod));
            }
        }

        // Portal: unit directory
        if (site.portal()) {
            String path = site.path() + UNITS_SEGMENT + "/";
            String title = t.get("units_directory", "Danh bạ đơn vị");
            Map<String, Object> m = base(site, t, path, "units", title, null, null, crumbs(site, t, null, title));
            m.put("units", unitGroups());
            out.add(new Output(site, file(path), "units.ftlh", m, site.sourceFile()));
            sitemap.add(new SitemapUrl(site.absolute(path), null));
        }

        // Portal: how every unit meets NĐ 42/2022, sorted by score and by name, plus JSON
        if (site.portal()) {
            List<Compliance.UnitReport> units = Compliance.of(catalog);
            String base = site.path() + COMPLIANCE_SEGMENT + "/";
            String title = t.get("compliance_title", "Mức độ đáp ứng Nghị định 42/2022/NĐ-CP");
            List<Compliance.UnitReport> byScore = new ArrayList<>(units);
            byScore.sort(java.util.Comparator.comparingInt((Compliance.UnitReport u) -> -u.score())
                    .thenComparing(u -> u.site().name()));
            List<Compliance.UnitReport> byName = new ArrayList<>(units);
            byName.sort(java.util.Comparator.comparing(u -> u.site().name()));
            for (boolean named : new boolean[] {false, true}) {
                String path = named ? base + "theo-ten/" : base;
                // each sorting its own title: two pages may not share one (trang check, WCAG 2.4.2)
                String pageTitle = named ? title + " (" + t.get("compliance_sorted_by_name", "xếp theo tên") + ")" : title;
                Map<String, Object> m = base(site, t, path, "list", pageTitle, null, null, crumbs(site, t, null, pageTitle));
                m.put("units", named ? byName : byScore);
                m.put("sortedByName", named);
                m.put("byScoreUrl", base);
                m.put("byNameUrl", base + "theo-ten/");
                m.put("jsonUrl", site.path() + COMPLIANCE_SEGMENT + ".json");
                m.put("asOf", asOf);
                m.put("documentDays", Compliance.DOCUMENT_DAYS);
                out.add(new Output(site, file(path), "compliance.ftlh", m, site.sourceFile()));
            }
            out.add(Output.text(site, site.path().substring(1) + COMPLIANCE_SEGMENT + ".json",
                    vn.trang.text.Json.write(Compliance.json(byName, asOf)) + "\n", site.sourceFile()));
            sitemap.add(new SitemapUrl(site.absolute(base), null));
        }

        // 404
        String notFoundTitle = t.get("not_found_title", "Không tìm thấy trang");
        Map<String, Object> nf = base(site, t, site.path() + "404.html", "notfound", notFoundTitle, null, null,
                crumbs(site, t, null, notFoundTitle));
        out.add(new Output(site, site.path().substring(1) + "404.html", "404.ftlh", nf, site.sourceFile()));

        // sitemap.xml; robots.txt once, at the root every host shares
        Map<String, Object> sm = new HashMap<>();
        sm.put("urls", sitemap);
        out.add(new Output(site, site.path().substring(1) + "sitemap.xml", "sitemap.ftlx", sm, site.sourceFile()));
        if (site.portal()) {
            Map<String, Object> robots = new HashMap<>();
            robots.put("sitemaps", sitemapsFor(site));
            out.add(new Output(site, site.path().substring(1) + "robots.txt", "robots.ftl", robots, site.sourceFile()));
        }
    }

    private List<String> sitemapsFor(Site site) {
        List<String> urls = new ArrayList<>();
        urls.add(site.absolute(site.path() + "sitemap.xml"));
        if (site.portal()) {
            for (Site s : catalog.registry().sites()) {
                if (!s.portal()) {
                    urls.add(s.absolute(s.path() + "sitemap.xml"));
                }
            }
        }
        return urls;
    }

    private void planList(Site site, Messages t, Section section, List<Item> items, List<Output> out,
                          List<SitemapUrl> sitemap) {
        String sectionUrl = site.path() + section.folder() + "/";
        String title = sectionTitle(t, section);
        List<FacetDimension> dims = Facets.of(section);
        List<ViewModels.ExportLink> exports = exports(site, section, items, out);
        List<ViewModels.ExportLink> reports = section == Section.PROCEDURES
                ? planProcedureReports(site, t, items, out, sitemap) : List.of();
        // Performance (issue 7): each dimension's buckets once per list, not once per facet page.
        List<List<Facets.Bucket>> buckets = dims.stream().map(dim -> Facets.buckets(dim, items)).toList();
        List<Facets.FacetGroup> sidebar = Facets.groupsOf(dims, buckets, sectionUrl, null, null);
        planPages(site, t, section, items, sectionUrl, title, null, sidebar, exports, reports, out, sitemap);
        for (int k = 0; k < dims.size(); k++) {
            FacetDimension dim = dims.get(k);
            for (Facets.Bucket b : buckets.get(k)) {
                String url = Facets.url(sectionUrl, dim, b.slug());
                planPages(site, t, section, b.items(), url, title + ": " + b.label(),
                        new ViewModels.FacetInfo(dim.title(), b.label(), sectionUrl),
                        Facets.marked(sidebar, dim.segment(), url), exports, reports, out, sitemap);
            }
        }
        Map<String, Object> feed = new HashMap<>();
        feed.put("channel", new Channel(title + " – " + site.name(), site.absolute(sectionUrl),
                title + " – " + site.name(), site.absolute(feedUrl(site, section))));
        feed.put("items", first(items, FEED_SIZE));
        feed.put("fmt", fmt);
        feed.put("t", t.asMap());
        out.add(new Output(site, feedUrl(site, section).substring(1), "rss.ftlx", feed, site.sourceFile()));
    }

    /** Open-data exports of a section's list (documents: CSV and JSON). */
    private List<ViewModels.ExportLink> exports(Site site, Section section, List<Item> items, List<Output> out) {
        String base = site.path() + section.folder() + "/" + section.folder();
        if (section == Section.DOCUMENTS) {
            List<LegalDocument> docs = items.stream().map(LegalDocument.class::cast).toList();
            // written as they are made (issue 7): the portal's cover the whole province. Their
            // inputs are named so that an edit elsewhere does not make them again.
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
        return List.of(new ViewModels.ExportLink("CSV", base + ".csv"), new ViewModels.ExportLink("JSON", base + ".json"));
    }

    /** Statistics and review pages of a procedure catalog (a unit's, or the province's). */
    private List<ViewModels.ExportLink> planProcedureReports(Site site, Messages t, List<Item> items, List<Output> out,
                                                            List<SitemapUrl> sitemap) {
        List<Procedure> procs = items.stream().map(Procedure.class::cast).toList();
        String sectionUrl = site.path() + Section.PROCEDURES.folder() + "/";
        String statsUrl = sectionUrl + STATS_SEGMENT + "/";
        String reviewUrl = sectionUrl + REVIEW_SEGMENT + "/";
        String statsTitle = t.get("proc_stats_title", "Thống kê thủ tục hành chính");
        ProcedureStatistics stats = ProcedureStatistics.of(procs);
        Map<String, Object> m = base(site, t, statsUrl, "list", statsTitle, null, null,
                crumbs(site, t, Section.PROCEDURES, statsTitle));
        m.put("stats", stats);
        List<ViewModels.Chart> charts = new ArrayList<>();
        charts.add(new ViewModels.Chart(SvgCharts.barChart("chart-level", t.get("proc_by_level", "Theo mức độ dịch vụ công"),
                stats.byServiceLevel(), true)));
        charts.add(new ViewModels.Chart(SvgCharts.barChart("chart-field", t.get("proc_by_field", "Theo lĩnh vực"),
                stats.byField(), false)));
        m.put("charts", charts);
        if (site.portal()) {
            List<ViewModels.UnitStats> units = new ArrayList<>();
            for (Site s : catalog.registry().sites()) {
                List<Procedure> own = catalog.items(s, Section.PROCEDURES).stream().map(Procedure.class::cast).toList();
                if (!own.isEmpty()) {
                    units.add(new ViewModels.UnitStats(s, ProcedureStatistics.of(own)));
                }
            }
            m.put("units", units);
        }
        out.add(new Output(site, file(statsUrl), "procedure-stats.ftlh", m, site.sourceFile()));
        sitemap.add(new SitemapUrl(site.absolute(statsUrl), null));

        String reviewTitle = t.get("proc_review_title", "Thủ tục cần rà soát");
        List<ProcedureReview.Finding> findings = ProcedureReview.findings(catalog, procs, asOf, reviewDays);
        Map<String, Object> r = base(site, t, reviewUrl, "list", reviewTitle, null, null,
                crumbs(site, t, Section.PROCEDURES, reviewTitle));
        r.put("findings", findings);
        r.put("reviewDays", reviewDays);
        r.put("total", procs.size());
        out.add(new Output(site, file(reviewUrl), "procedure-review.ftlh", r, site.sourceFile()));
        return List.of(new ViewModels.ExportLink(statsTitle, statsUrl), new ViewModels.ExportLink(reviewTitle, reviewUrl));
    }

    /** The paginated pages of one list: a section, or one facet value of it. */
    private void planPages(Site site, Messages t, Section section, List<Item> items, String baseUrl, String title,
                           ViewModels.FacetInfo facet, List<Facets.FacetGroup> facets, List<ViewModels.ExportLink> exports,
                           List<ViewModels.ExportLink> reports, List<Output> out, List<SitemapUrl> sitemap) {
        String sectionUrl = site.path() + section.folder() + "/";
        String pageWord = t.get("page", "Trang");
        int totalPages = Math.max(1, (items.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        for (int p = 1; p <= totalPages; p++) {
            String path = pageUrl(baseUrl, p);
            List<Item> slice = items.subList((p - 1) * PAGE_SIZE, Math.min(items.size(), p * PAGE_SIZE));
            String pageTitle = p == 1 ? title : title + " – " + pageWord + " " + p;
            boolean topPage = facet == null && p == 1;
            List<Crumb> crumbs = crumbs(site, t, topPage ? null : section, topPage ? title
                    : facet != null ? facet.dimension() + ": " + facet.value() + (p == 1 ? "" : " – " + pageWord + " " + p)
                    : pageWord + " " + p);
            Map<String, Object> m = base(site, t, path, "list", pageTitle, null, feedUrl(site, section), crumbs);
            m.put("section", new SectionLink(section.folder(), sectionTitle(t, section), sectionUrl, items.size(),
                    feedUrl(site, section)));
            m.put("items", slice);
            m.put("pagination", pagination(baseUrl, p, totalPages, items.size()));
            m.put("facets", facets);
            m.put("facet", facet);
            m.put("exports", exports);
            m.put("reports", reports);
            m.put("showSite", site.portal() && (section == Section.DOCUMENTS || section == Section.PROCEDURES));
            out.add(new Output(site, file(path), "list.ftlh", m, site.sourceFile()));
            sitemap.add(new SitemapUrl(site.absolute(path), null));
        }
    }

    static String pageUrl(String sectionUrl, int p) {
        return p == 1 ? sectionUrl : sectionUrl + PAGE_SEGMENT + "/" + p + "/";
    }

    private static Pagination pagination(String sectionUrl, int page, int totalPages, int totalItems) {
        List<PageLink> links = new ArrayList<>();
        for (int i = 1; i <= totalPages; i++) {
            // A window around the current page plus first and last keeps phones' lines short.
            if (i == 1 || i == totalPages || Math.abs(i - page) <= 2) {
                links.add(new PageLink(i, pageUrl(sectionUrl, i), i == page));
            }
        }
        return new Pagination(page, totalPages, totalItems, page > 1 ? pageUrl(sectionUrl, page - 1) : null,
                page < totalPages ? pageUrl(sectionUrl, page + 1) : null, links);
    }

    static String feedUrl(Site site, Section section) {
        return site.path() + section.folder() + "/rss.xml";
    }

    /** The output file of a URL path that ends in '/'. */
    static String file(String urlPath) {
        return urlPath.substring(1) + "index.html";
    }

    private static <T> List<T> first(List<T> list, int n) {
        return list.size() <= n ? list : list.subList(0, n);
    }

    static String sectionTitle(Messages t, Section section) {
        return switch (section) {
            case NEWS -> t.get("news", section.title());
            case DOCUMENTS -> t.get("documents", section.title());
            case PROCEDURES -> t.get("procedures", section.title());
            case PAGES -> t.get("pages", section.title());
            default -> t.get("section_" + section.folder().replace('-', '_'), section.title());
        };
    }

    private List<SectionLink> sectionLinks(Site site, Messages t) {
        List<SectionLink> links = new ArrayList<>();
        for (Section s : Section.values()) {
            int count = catalog.items(site, s).size();
            if (s.listed() && count > 0) {
                links.add(new SectionLink(s.folder(), sectionTitle(t, s), site.path() + s.folder() + "/", count,
                        feedUrl(site, s)));
            }
        }
        return links;
    }

    private List<UnitGroup> unitGroups() {
        List<UnitGroup> groups = new ArrayList<>();
        SiteRegistry reg = catalog.registry();
        for (SiteKind kind : Arrays.asList(SiteKind.DEPARTMENT, SiteKind.DISTRICT, SiteKind.COMMUNE)) {
            List<Site> sites = reg.sites().stream().filter(s -> s.kind() == kind).toList();
            if (!sites.isEmpty()) {
                groups.add(new UnitGroup(kind.id(), kind.label(), sites));
            }
        }
        return groups;
    }

    private Map<String, Object> base(Site site, Messages t, String path, String type, String title,
                                     String description, String feedUrl, List<Crumb> crumbs) {
        Map<String, Object> m = new HashMap<>();
        m.put("site", site);
        m.put("portal", catalog.registry().portal());
        m.put("parent", catalog.registry().parent(site).orElse(null));
        m.put("nav", nav(site, t, path));
        m.put("breadcrumbs", crumbs);
        m.put("page", new PageInfo(title, description != null ? description : site.description(), path,
                site.absolute(path), type, feedUrl));
        m.put("t", t.asMap());
        m.put("fmt", fmt);
        m.put("assets", theme.assetsUrl(site));
        m.put("lang", site.language());
        m.put("generator", GENERATOR);
        return m;
    }

    /** A menu entry: current on the pages under its URL, or (the home page) on that page alone. */
    private record MenuEntry(String title, String url, boolean exact) {
        boolean current(String path) {
            return exact ? path.equals(url) : path.startsWith(url);
        }
    }

    /**
     * Per site: its menu's entries, and each list of links made from them, by which entries are
     * current. Issue 7: the menu is worked out once per site instead of once per page, and pages
     * with the same current entry share one list.
     */
    private final Map<String, List<MenuEntry>> menus = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, List<NavLink>> navs = new java.util.concurrent.ConcurrentHashMap<>();

    private List<NavLink> nav(Site site, Messages t, String current) {
        List<MenuEntry> menu = menus.computeIfAbsent(site.id(), id -> menu(site, t));
        StringBuilder key = new StringBuilder(site.id()).append('|');
        for (MenuEntry e : menu) {
            key.append(e.current(current) ? '1' : '0');
        }
        return navs.computeIfAbsent(key.toString(), k -> menu.stream()
                .map(e -> new NavLink(e.title(), e.url(), e.current(current))).toList());
    }

    private List<MenuEntry> menu(Site site, Messages t) {
        List<MenuEntry> nav = new ArrayList<>();
        nav.add(new MenuEntry(t.get("home", "Trang chủ"), site.path(), true));
        Optional<Page> intro = catalog.page(site, "gioi-thieu").filter(Page::menu);
        intro.ifPresent(p -> nav.add(new MenuEntry(p.title(), p.url(), false)));
        // The main sections only: the other NĐ 42/2022 categories are listed on the home page,
        // so a phone's menu stays one short row.
        for (Section s : List.of(Section.NEWS, Section.DOCUMENTS, Section.PROCEDURES)) {
            if (!catalog.items(site, s).isEmpty() || (site.portal() && !catalog.listedOnPortal(s).isEmpty())) {
                nav.add(new MenuEntry(sectionTitle(t, s), site.path() + s.folder() + "/", false));
            }
        }
        if (site.portal()) {
            nav.add(new MenuEntry(t.get("units_directory", "Danh bạ đơn vị"), site.path() + UNITS_SEGMENT + "/", false));
        }
        for (Item i : catalog.items(site, Section.PAGES)) {
            if (i instanceof Page p && p.menu() && !(intro.isPresent() && intro.get() == p)) {
                nav.add(new MenuEntry(p.title(), p.url(), false));
            }
        }
        return List.copyOf(nav);
    }

    private List<Crumb> crumbs(Site site, Messages t, Section section, String last) {
        List<Crumb> crumbs = new ArrayList<>();
        Site portal = catalog.registry().portal();
        boolean atHome = last == null;
        crumbs.add(new Crumb(t.get("home", "Trang chủ"), atHome && site.portal() ? null : portal.path()));
        if (!site.portal()) {
            crumbs.add(new Crumb(site.name(), atHome ? null : site.path()));
        }
        if (section != null) {
            crumbs.add(new Crumb(sectionTitle(t, section), site.path() + section.folder() + "/"));
        }
        if (last != null) {
            crumbs.add(new Crumb(last, null));
        }
        return crumbs;
    }

}
