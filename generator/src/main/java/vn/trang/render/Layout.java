package vn.trang.render;

import java.util.List;
import java.util.Map;

import vn.trang.model.Site;
import vn.trang.render.ViewModels.Crumb;
import vn.trang.render.ViewModels.NavLink;
import vn.trang.render.ViewModels.PageInfo;
import vn.trang.text.DateFormats;

/**
 * What every HTML page receives besides its own fields (docs/THEME.md, "Every HTML template"):
 * {@code layout.ftlh} draws the header, menu, breadcrumb and footer from it.
 *
 * @param site        the site being rendered
 * @param portal      the province's portal
 * @param parent      the site's parent, or null
 * @param nav         the main menu
 * @param breadcrumbs the path to this page; the last one is the page itself (no URL)
 * @param page        this page's title, description, URL and type
 * @param t           UI strings by key ({@code i18n/messages_<lang>.properties})
 * @param fmt         date formatting
 * @param assets      where the site's static files are, e.g. "/_assets/"
 * @param lang        the page's language, "vi" or "en" (the site's, or an English page's)
 * @param generator   "Trang x.y.z"
 * @param alternates  this page in each language (hreflang, plus "x-default"), empty when it has no
 *                    translation
 * @param languageSwitch the link to the other language, or null when the site has no English pages
 * @param home        where the unit's name in the header leads: the site's home, or on an English
 *                    page the site's English introduction
 */
public record Layout(Site site, Site portal, Site parent, List<NavLink> nav, List<Crumb> breadcrumbs, PageInfo page,
                     Map<String, String> t, DateFormats fmt, String assets, String lang, String generator,
                     List<ViewModels.Alternate> alternates, ViewModels.LanguageSwitch languageSwitch,
                     String home) {
}
