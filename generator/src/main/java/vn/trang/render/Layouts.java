package vn.trang.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import vn.trang.link.Catalog;
import vn.trang.link.Translations;
import vn.trang.model.Item;
import vn.trang.model.Page;
import vn.trang.model.Section;
import vn.trang.model.Site;
import vn.trang.render.ViewModels.Crumb;
import vn.trang.render.ViewModels.NavLink;
import vn.trang.render.ViewModels.PageInfo;
import vn.trang.text.DateFormats;

/**
 * The {@link Layout} of each HTML page: its site, menu, breadcrumb and page facts. A site's menu
 * is worked out once, not once per page, and pages with the same current entry share one list.
 * Safe to use from several threads.
 */
final class Layouts {

    private static final String GENERATOR = "Trang " + version();

    private final Catalog catalog;
    private final Theme theme;
    private final Translations translations;
    private final LanguageLinks languages;
    private final DateFormats fmt = new DateFormats();
    /** Per site: its menu's entries. */
    private final Map<String, List<MenuEntry>> menus = new ConcurrentHashMap<>();
    /** Per site and current entry: the menu as pages receive it. */
    private final Map<String, List<NavLink>> navs = new ConcurrentHashMap<>();

    Layouts(Catalog catalog, Theme theme) {
        this.catalog = catalog;
        this.theme = theme;
        this.translations = new Translations(catalog);
        this.languages = new LanguageLinks(translations);
    }

    static String version() {
        String v = Layouts.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Date formatting, as templates receive it ({@code fmt}). */
    DateFormats fmt() {
        return fmt;
    }

    /**
     * The layout of one page of {@code site}.
     *
     * @param path        the page's URL path
     * @param type        home | item | list | units | notfound
     * @param description the page's description, or null for the site's
     * @param feedUrl     the RSS feed of the page's section, or null
     */
    Layout of(Site site, Messages t, String path, String type, String title, String description, String feedUrl,
              List<Crumb> crumbs) {
        return of(site, t, path, type, title, description, feedUrl, crumbs, null);
    }

    /**
     * The layout of an item's page ({@code item}: its preview image and JSON-LD), or of another page
     * (null). An English page of a Vietnamese site is an English document: the unit's English
     * name, the English menu, {@code t} in English (the caller's), lang "en".
     */
    Layout of(Site site, Messages t, String path, String type, String title, String description, String feedUrl,
              List<Crumb> crumbs, Item item) {
        boolean english = otherLanguage(site, item);
        Site parent = catalog.registry().parent(site).orElse(null);
        Site portal = catalog.registry().portal();
        String assets = theme.assetsUrl(site);
        String canonical = site.absolute(path);
        Share share = Share.of(site, parent, assets, "home".equals(type), crumbs, canonical, item);
        Site shown = english ? site.inEnglish() : site;
        return new Layout(shown, english ? portal.inEnglish() : portal, english && parent != null ? parent.inEnglish() : parent,
                english ? englishNav(site, t, path) : nav(site, t, path), crumbs,
                new PageInfo(title, description != null ? description : shown.description(), path, canonical, type,
                        feedUrl, share), t.asMap(), fmt, assets, english ? ((Page) item).language() : site.language(),
                GENERATOR, languages.alternates(item), languages.languageSwitch(site, item),
                english ? translations.englishHome(site).map(Item::url).orElse(site.path()) : site.path());
    }

    /** The page of an item in each language, for hreflang links and the sitemap. */
    List<ViewModels.Alternate> alternates(Item item) {
        return languages.alternates(item);
    }

    /** Whether an item is a standing page written in another language than its site's. */
    static boolean otherLanguage(Site site, Item item) {
        return item instanceof Page p && !p.language().equals(site.language());
    }

    /**
     * The breadcrumb of an English page: the unit's English name, leading to its English
     * introduction (unless this is it), then the page.
     */
    List<Crumb> englishCrumbs(Site site, Page page) {
        List<Crumb> crumbs = new ArrayList<>();
        String start = translations.englishHome(site).filter(p -> p != page).map(Item::url).orElse(null);
        if (start != null) {
            crumbs.add(new Crumb(site.englishName(), start));
            crumbs.add(new Crumb(page.title(), null));
        }
        return crumbs;
    }

    /**
     * The breadcrumb of a page: the portal's home, the unit's home, the section (when given) and
     * the page itself ({@code last}, none on a home page).
     */
    List<Crumb> crumbs(Site site, Messages t, Section section, String last) {
        List<Crumb> crumbs = new ArrayList<>();
        Site portal = catalog.registry().portal();
        boolean atHome = last == null;
        crumbs.add(new Crumb(t.get("home", "Trang chủ"), atHome && site.portal() ? null : portal.path()));
        if (!site.portal()) {
            crumbs.add(new Crumb(site.name(), atHome ? null : site.path()));
        }
        if (section != null) {
            crumbs.add(new Crumb(SitePlanner.sectionTitle(t, section), site.path() + section.folder() + "/"));
        }
        if (last != null) {
            crumbs.add(new Crumb(last, null));
        }
        return crumbs;
    }

    /** A menu entry: current on the pages under its URL, or (the home page) on that page alone. */
    private record MenuEntry(String title, String url, boolean exact) {
        boolean current(String path) {
            return exact ? path.equals(url) : path.startsWith(url);
        }
    }

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
                nav.add(new MenuEntry(SitePlanner.sectionTitle(t, s), site.path() + s.folder() + "/", false));
            }
        }
        if (site.portal()) {
            nav.add(new MenuEntry(t.get("units_directory", "Danh bạ đơn vị"), site.path() + SitePlanner.UNITS_SEGMENT + "/",
                    false));
        }
        for (Item i : catalog.items(site, Section.PAGES)) {
            // pages in another language have their own menu (englishNav)
            if (i instanceof Page p && p.menu() && !otherLanguage(site, p) && !(intro.isPresent() && intro.get() == p)) {
                nav.add(new MenuEntry(p.title(), p.url(), false));
            }
        }
        return List.copyOf(nav);
    }

    /**
     * The menu of a site's English pages: each of them by weight, then the way back to the
     * Vietnamese site.
     */
    private List<NavLink> englishNav(Site site, Messages t, String current) {
        List<NavLink> nav = new ArrayList<>();
        for (Page p : translations.english(site)) {
            if (p.menu()) {
                nav.add(new NavLink(p.title(), p.url(), p.url().equals(current)));
            }
        }
        nav.add(new NavLink(t.get("vietnamese_site", "Trang tiếng Việt"), site.path(), false));
        return List.copyOf(nav);
    }
}
