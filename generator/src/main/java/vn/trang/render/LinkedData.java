package vn.trang.render;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.trang.model.Item;
import vn.trang.model.NewsItem;
import vn.trang.model.Page;
import vn.trang.model.Site;
import vn.trang.render.ViewModels.Crumb;
import vn.trang.text.Json;

/**
 * The schema.org JSON-LD every HTML page carries in its head, as one {@code @graph}: the unit as a
 * GovernmentOrganization and the site as a WebSite with its search on a home page, a
 * BreadcrumbList on every page below the portal's home (a unit's home too), a NewsArticle on a
 * news page, a WebPage with its language on an English page. Made when the page is
 * rendered, from what the record holds (which is also what the page's fingerprint covers).
 * {@link Json} escapes '<', '>' and '&', so a title holding {@code </script>} stays inside the
 * script element.
 *
 * @param site      the page's unit
 * @param parent    the unit's parent, or null
 * @param home      whether the page is the unit's home
 * @param crumbs    the page's breadcrumb (the last one is the page itself)
 * @param canonical the page's absolute URL
 * @param item      the page's item, or null
 * @param image     the page's share image (absolute), or null
 */
public record LinkedData(Site site, Site parent, boolean home, List<Crumb> crumbs, String canonical, Item item,
                         String image) {

    /** Vietnam's time zone, for dates that carry a time (UTC+7, no daylight saving). */
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    /** The JSON (what a template prints inside a script element). */
    @Override
    public String toString() {
        List<Object> graph = new ArrayList<>();
        if (home) {
            graph.add(organization(site, parent, true));
            graph.add(website());
        }
        if (crumbs.size() > 1) {
            graph.add(breadcrumbs());
        }
        if (item instanceof NewsItem n) {
            graph.add(article(n));
        }
        if (item instanceof Page p && !p.language().equals(site.language())) {
            graph.add(webPage(p));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@context", "https://schema.org");
        m.put("@graph", graph);
        return Json.write(m);
    }

    /** A unit as schema.org/GovernmentOrganization; in full on its home, by name and URL elsewhere. */
    static Map<String, Object> organization(Site s, Site parent, boolean full) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@type", "GovernmentOrganization");
        m.put("@id", s.absoluteUrl() + "#don-vi");
        m.put("name", s.name());
        m.put("url", s.absoluteUrl());
        if (!full) {
            return m;
        }
        if (s.shortName() != null) {
            m.put("alternateName", s.shortName());
        }
        if (s.address() != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("@type", "PostalAddress");
            a.put("streetAddress", s.address());
            a.put("addressCountry", "VN");
            m.put("address", a);
        }
        if (s.phone() != null) {
            m.put("telephone", s.phone());
        }
        if (s.fax() != null) {
            m.put("faxNumber", s.fax());
        }
        if (s.email() != null) {
            m.put("email", s.email());
        }
        if (parent != null) {
            m.put("parentOrganization", organization(parent, null, false));
        }
        return m;
    }

    private Map<String, Object> website() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@type", "WebSite");
        m.put("@id", site.absoluteUrl() + "#trang");
        m.put("name", site.name());
        m.put("url", site.absoluteUrl());
        m.put("inLanguage", site.language());
        m.put("publisher", Map.of("@id", site.absoluteUrl() + "#don-vi"));
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("@type", "SearchAction");
        // the search form's own address: one service at /tim-kiem on every host, a unit's search
        // narrowed to the unit as its form does
        String target = site.absolute("/tim-kiem") + "?q={search_term_string}"
                + (site.portal() ? "" : "&site=" + site.id());
        action.put("target", target);
        action.put("query-input", "required name=search_term_string");
        m.put("potentialAction", action);
        return m;
    }

    /** A page in another language than its site's (an English page): its own language. */
    private Map<String, Object> webPage(Page p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@type", "WebPage");
        m.put("@id", canonical + "#webpage");
        m.put("url", canonical);
        m.put("name", p.title());
        m.put("inLanguage", p.language());
        Map<String, Object> website = new LinkedHashMap<>();
        website.put("@type", "WebSite");
        website.put("@id", site.absoluteUrl() + "#trang");
        website.put("url", site.absoluteUrl());
        m.put("isPartOf", website);
        return m;
    }

    private Map<String, Object> breadcrumbs() {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < crumbs.size(); i++) {
            Crumb c = crumbs.get(i);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("@type", "ListItem");
            e.put("position", i + 1);
            e.put("name", c.title());
            e.put("item", c.url() != null ? site.absolute(c.url()) : canonical);
            list.add(e);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@type", "BreadcrumbList");
        m.put("itemListElement", list);
        return m;
    }

    private Map<String, Object> article(NewsItem n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@type", "NewsArticle");
        m.put("@id", canonical + "#bai-viet");
        m.put("mainEntityOfPage", canonical);
        m.put("headline", n.title());
        if (n.summary() != null) {
            m.put("description", n.summary());
        }
        m.put("inLanguage", site.language());
        if (n.date() != null) {
            m.put("datePublished", iso(n.date()));
            m.put("dateModified", n.updated() != null ? n.updated().toString() : iso(n.date()));
        }
        if (image != null) {
            m.put("image", List.of(image));
        }
        Map<String, Object> unit = organization(site, null, false);
        if (n.author() != null) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("@type", "Person");
            person.put("name", n.author());
            m.put("author", List.of(person, unit));
        } else {
            m.put("author", unit);
        }
        m.put("publisher", unit);
        return m;
    }

    private static String iso(LocalDateTime t) {
        return t.atOffset(VIETNAM).toString();
    }
}
