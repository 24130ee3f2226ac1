package vn.trang.search;

import java.util.List;

import vn.trang.model.Site;
import vn.trang.render.ViewModels.NavLink;

/**
 * What the layout of a site's pages needs besides the page itself (docs/THEME.md, "Every HTML
 * template"), as published in sites.json: the search page is drawn inside it.
 */
public record SiteLayout(Site site, Site parent, List<NavLink> nav, String assets, String lang, String generator) {

    public SiteLayout {
        nav = List.copyOf(nav);
    }
}
