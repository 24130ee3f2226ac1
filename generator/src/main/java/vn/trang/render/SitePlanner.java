package vn.trang.render;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import vn.trang.git.FileHistory;
import vn.trang.git.History;
import vn.trang.link.Catalog;
import vn.trang.load.SiteRegistry;
import vn.trang.model.Item;
import vn.trang.model.LegalDocument;
import vn.trang.model.Page;
import vn.trang.model.Procedure;
import vn.trang.model.Section;
import vn.trang.model.Site;
import vn.trang.model.SiteKind;
import vn.trang.render.ViewModels.Crumb;
import vn.trang.render.ViewModels.SectionLink;
import vn.trang.render.ViewModels.SitemapUrl;
import vn.trang.render.ViewModels.UnitGroup;
import vn.trang.render.Views.ComplianceView;
import vn.trang.render.Views.DocumentView;
import vn.trang.render.Views.HomeView;
import vn.trang.render.Views.ItemView;
import vn.trang.render.Views.NotFoundView;
import vn.trang.render.Views.PortalView;
import vn.trang.render.Views.ProcedureView;
import vn.trang.render.Views.RobotsView;
import vn.trang.render.Views.SitemapView;
import vn.trang.render.Views.UnitsView;

/**
 * Decides which files a site consists of and what each template receives ({@link Views}): home,
 * one page per item, paginated section lists with their feeds ({@link ListPlanner}), sitemap,
 * robots.txt and 404; for the portal also the cross-unit news, the unit directory and the
 * NĐ 42/2022 report.
 *
 * <p>Everything a plan reads is handed to the constructor (the catalog, the theme, the build's Git
 * history and date), so sites may be planned on any thread, several at once.
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
    /** Statistics and review pages of a procedure catalog: /thu-tuc/thong-ke/, /thu-tuc/ra-soat/. */
    public static final String STATS_SEGMENT = "thong-ke";
    public static final String REVIEW_SEGMENT = "ra-soat";
    /** Procedures not updated for longer than this are listed for review. */
    public static final int DEFAULT_REVIEW_DAYS = 365;

    private final Catalog catalog;
    private final Theme theme;
    private final History history;
    private final LocalDate asOf;
    private final Layouts layouts;
    private final ListPlanner lists;

    /**
     * @param history    the build's Git history: item pages show their file's, the NĐ 42 report
     *                   dates documents by it ({@link History#NONE} for none)
     * @param asOf       the build date (validity, review)
     * @param reviewDays procedures not updated for longer are listed for review
     */
    public SitePlanner(Catalog catalog, Theme theme, History history, LocalDate asOf, int reviewDays) {
        this.catalog = catalog;
        this.theme = theme;
        this.history = history;
        this.asOf = asOf;
        this.layouts = new Layouts(catalog, theme);
        this.lists = new ListPlanner(catalog, layouts, asOf, reviewDays);
    }

    /** Every output of one site. */
    public List<Output> plan(Site site) {
        List<Output> out = new ArrayList<>();
        plan(site, out);
        return out;
    }

    /**
     * Every output of one site, added to {@code out} as it is made: the build passes a list that
     * renders each output and keeps only its path, so a province's views are never all in memory
     * at once.
     */
    public void plan(Site site, List<Output> out) {
        Messages t = theme.messages(site.language());
        List<SitemapUrl> sitemap = new ArrayList<>();

        home(site, t, out);
        sitemap.add(new SitemapUrl(site.absoluteUrl(), null));

        for (Section section : Section.values()) {
            List<Item> items = catalog.items(site, section);
            List<Item> listed = listed(site, section);
            if (section.listed() && !listed.isEmpty()) {
                lists.plan(site, t, section, listed, out, sitemap);
            }
            for (Item item : items) {
                out.add(new Output(site, file(item.url()), section.type() + ".ftlh", itemView(site, t, section, item),
                        item.meta().source()));
                String lastmod = item.lastModified() == null ? null : item.lastModified().toString();
                sitemap.add(new SitemapUrl(item.absoluteUrl(), lastmod, layouts.alternates(item)));
            }
        }

        if (site.portal()) {
            String path = site.path() + UNITS_SEGMENT + "/";
            String title = t.get("units_directory", "Danh bạ đơn vị");
            Layout layout = layouts.of(site, t, path, "units", title, null, null, layouts.crumbs(site, t, null, title));
            out.add(new Output(site, file(path), "units.ftlh", new UnitsView(layout, unitGroups()), site.sourceFile()));
            sitemap.add(new SitemapUrl(site.absolute(path), null));
            compliance(site, t, out, sitemap);
        }

        String notFoundTitle = t.get("not_found_title", "Không tìm thấy trang");
        Layout notFound = layouts.of(site, t, site.path() + "404.html", "notfound", notFoundTitle, null, null,
                layouts.crumbs(site, t, null, notFoundTitle));
        out.add(new Output(site, site.path().substring(1) + "404.html", "404.ftlh", new NotFoundView(notFound),
                site.sourceFile()));

        out.add(Output.text(site, site.path().substring(1) + WebManifest.FILE,
                WebManifest.json(site, theme.assetsUrl(site)), site.sourceFile()));

        // sitemap.xml; robots.txt once, at the root every host shares
        out.add(new Output(site, site.path().substring(1) + "sitemap.xml", "sitemap.ftlx", new SitemapView(sitemap),
                site.sourceFile()));
        if (site.portal()) {
            out.add(new Output(site, site.path().substring(1) + "robots.txt", "robots.ftl",
                    new RobotsView(sitemapsFor(site)), site.sourceFile()));
        }
    }

    private void home(Site site, Messages t, List<Output> out) {
        Layout layout = layouts.of(site, t, site.path(), "home", site.name(), site.description(), null,
                layouts.crumbs(site, t, null, null));
        Page intro = catalog.page(site, "gioi-thieu").orElse(null);
        List<Item> news = first(listed(site, Section.NEWS), HOME_NEWS);
        List<Item> documents = first(listed(site, Section.DOCUMENTS), HOME_DOCUMENTS);
        List<Item> procedures = first(listed(site, Section.PROCEDURES), HOME_PROCEDURES);
        List<SectionLink> sections = sectionLinks(site, t);
        List<Site> children = catalog.registry().children(site);
        View view = site.portal()
                ? new PortalView(layout, intro, news, documents, procedures, sections, children,
                        catalog.latestNews(PORTAL_UNIT_NEWS), unitGroups())
                : new HomeView(layout, intro, news, documents, procedures, sections, children);
        out.add(new Output(site, file(site.path()), site.portal() ? "portal.ftlh" : "home.ftlh", view, site.sourceFile()));
    }

    /**
     * What a site's list of a section holds: on the portal the province's documents and
     * procedures, otherwise the site's own items. The list pages, the home's blocks and the
     * counts beside section links all read this one list, so a count never disagrees with the
     * page it links to.
     */
    List<Item> listed(Site site, Section section) {
        return site.portal() ? catalog.listedOnPortal(section) : catalog.items(site, section);
    }

    /**
     * The page of one item, as {@link #plan} makes it among the site's outputs: the preview of an
     * entry being edited, against the catalog of the last build.
     */
    public Output itemPage(Item item) {
        Site site = item.site();
        Section section = item.meta().section();
        return new Output(site, file(item.url()), section.type() + ".ftlh",
                itemView(site, theme.messages(site.language()), section, item), item.meta().source());
    }

    private View itemView(Site site, Messages siteMessages, Section section, Item item) {
        Messages t = siteMessages;
        List<Crumb> crumbs;
        if (Layouts.otherLanguage(site, item)) {
            Page page = (Page) item;
            t = theme.messages(page.language());
            crumbs = layouts.englishCrumbs(site, page);
        } else {
            crumbs = layouts.crumbs(site, t, section.listed() ? section : null, item.title());
        }
        Layout layout = layouts.of(site, t, item.url(), "item", item.title(), item.summary(),
                section.listed() ? feedUrl(site, section) : null, crumbs, item);
        FileHistory itemHistory = history.of(item.meta().source());
        if (itemHistory != null && !site.theme().historyMessages()) {
            itemHistory = itemHistory.withoutMessages();
        }
        if (item instanceof LegalDocument doc) {
            return new DocumentView(layout, doc, itemHistory, new StructuredData.Legislation(doc));
        }
        if (item instanceof Procedure proc) {
            return new ProcedureView(layout, proc, itemHistory, catalog.basis(proc));
        }
        return new ItemView(layout, item, itemHistory);
    }

    /** How every unit meets NĐ 42/2022, sorted by score and by name, plus the same as JSON. */
    private void compliance(Site site, Messages t, List<Output> out, List<SitemapUrl> sitemap) {
        List<Compliance.UnitReport> units = Compliance.of(catalog, history);
        String base = site.path() + COMPLIANCE_SEGMENT + "/";
        String byNameUrl = base + "theo-ten/";
        String jsonUrl = site.path() + COMPLIANCE_SEGMENT + ".json";
        String title = t.get("compliance_title", "Mức độ đáp ứng Nghị định 42/2022/NĐ-CP");
        List<Compliance.UnitReport> byScore = new ArrayList<>(units);
        byScore.sort(Comparator.comparingInt((Compliance.UnitReport u) -> -u.score()).thenComparing(u -> u.site().name()));
        List<Compliance.UnitReport> byName = new ArrayList<>(units);
        byName.sort(Comparator.comparing(u -> u.site().name()));
        for (boolean named : new boolean[] {false, true}) {
            String path = named ? byNameUrl : base;
            // each sorting its own title: two pages may not share one (trang check, WCAG 2.4.2)
            String pageTitle = named ? title + " (" + t.get("compliance_sorted_by_name", "xếp theo tên") + ")" : title;
            Layout layout = layouts.of(site, t, path, "list", pageTitle, null, null, layouts.crumbs(site, t, null, pageTitle));
            out.add(new Output(site, file(path), "compliance.ftlh", new ComplianceView(layout, named ? byName : byScore,
                    named, base, byNameUrl, jsonUrl, asOf, Compliance.DOCUMENT_DAYS), site.sourceFile()));
        }
        out.add(Output.text(site, jsonUrl.substring(1), vn.trang.text.Json.write(Compliance.json(byName, asOf)) + "\n",
                site.sourceFile()));
        sitemap.add(new SitemapUrl(site.absolute(base), null));
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

    private List<SectionLink> sectionLinks(Site site, Messages t) {
        List<SectionLink> links = new ArrayList<>();
        for (Section s : Section.values()) {
            int count = listed(site, s).size();
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
        for (SiteKind kind : List.of(SiteKind.DEPARTMENT, SiteKind.DISTRICT, SiteKind.COMMUNE)) {
            List<Site> sites = reg.sites().stream().filter(s -> s.kind() == kind).toList();
            if (!sites.isEmpty()) {
                groups.add(new UnitGroup(kind.id(), kind.label(), sites));
            }
        }
        return groups;
    }

    static String feedUrl(Site site, Section section) {
        return site.path() + section.folder() + "/rss.xml";
    }

    /** The output file of a URL path that ends in '/'. */
    static String file(String urlPath) {
        return urlPath.substring(1) + "index.html";
    }

    static <T> List<T> first(List<T> list, int n) {
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
}
