package vn.trang.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.trang.model.Leader;
import vn.trang.model.Site;
import vn.trang.model.SiteKind;
import vn.trang.model.ThemeSettings;
import vn.trang.render.Layout;
import vn.trang.render.ViewModels.NavLink;

/**
 * The layout of each site (docs/THEME.md, "Every HTML template") as plain maps, written to
 * {@code _search/sites.json} so the search service can render its page inside the same header,
 * menu and footer without the content or the registry.
 *
 * <p>The menu is taken from a page the planner already made for the site (its 404 page, whose menu
 * has no current entry), not recomputed, so the results page cannot drift from the other pages.
 */
public final class SiteViews {

    private SiteViews() {
    }

    /** One site's layout values, from the layout of one of its pages. */
    public static Map<String, Object> of(Site site, Layout layout) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("site", site(site));
        view.put("parent", layout.parent() == null ? null : site(layout.parent()));
        view.put("nav", nav(layout.nav()));
        view.put("assets", layout.assets() == null ? "/_assets/" : layout.assets());
        view.put("lang", site.language() == null ? "vi" : site.language());
        view.put("generator", layout.generator());
        return view;
    }

    /** The fields of a site the layout uses; editors (Git identities) stay out of the published tree. */
    public static Map<String, Object> site(Site s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("shortName", s.shortName());
        m.put("kind", s.kind().id());
        m.put("kindLabel", s.kindLabel());
        m.put("parentId", s.parentId());
        m.put("path", s.path());
        m.put("host", s.host());
        m.put("absoluteUrl", s.absoluteUrl());
        m.put("owner", s.owner());
        m.put("description", s.description());
        m.put("notice", s.notice());
        m.put("address", s.address());
        m.put("phone", s.phone());
        m.put("fax", s.fax());
        m.put("email", s.email());
        List<Map<String, Object>> leaders = new ArrayList<>();
        for (Leader l : s.leaders()) {
            Map<String, Object> lm = new LinkedHashMap<>();
            lm.put("name", l.name());
            lm.put("title", l.title());
            lm.put("phone", l.phone());
            lm.put("email", l.email());
            leaders.add(lm);
        }
        m.put("leaders", leaders);
        m.put("accent", s.accent());
        m.put("language", s.language());
        m.put("portal", s.portal());
        m.put("sourceFile", s.sourceFile());
        return m;
    }

    /**
     * A site back from {@link #site(Site)}'s map (read from sites.json), so the search page is
     * rendered with the same record types as every other page. Editors are not published and come
     * back empty; an unknown kind reads as a commune (the most common unit).
     */
    public static Site toSite(Map<String, Object> m) {
        List<Leader> leaders = new ArrayList<>();
        if (m.get("leaders") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> l) {
                    leaders.add(new Leader(str(l.get("name")), str(l.get("title")), str(l.get("phone")), str(l.get("email"))));
                }
            }
        }
        String language = str(m.get("language"));
        return new Site(str(m.get("id")), str(m.get("name")), str(m.get("shortName")),
                SiteKind.parse(str(m.get("kind"))).orElse(SiteKind.COMMUNE), str(m.get("parentId")), str(m.get("path")),
                str(m.get("host")), str(m.get("absoluteUrl")), str(m.get("owner")), str(m.get("description")),
                str(m.get("notice")), str(m.get("address")), str(m.get("phone")), str(m.get("fax")),
                str(m.get("email")), leaders, List.of(),
                new ThemeSettings(str(m.get("accent")), language == null ? "vi" : language), str(m.get("sourceFile")));
    }

    /** The menu back from its maps. */
    public static List<NavLink> toNav(Object nav) {
        List<NavLink> out = new ArrayList<>();
        if (nav instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> n) {
                    out.add(new NavLink(str(n.get("title")), str(n.get("url")), false));
                }
            }
        }
        return out;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static List<Map<String, Object>> nav(List<NavLink> nav) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (NavLink n : nav) {
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("title", n.title());
            link.put("url", n.url());
            link.put("active", false);
            out.add(link);
        }
        return out;
    }
}
