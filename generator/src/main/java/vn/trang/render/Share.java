package vn.trang.render;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.trang.model.Item;
import vn.trang.model.NewsItem;
import vn.trang.model.Site;

/**
 * What a page says about itself to link previews (Open Graph, Twitter cards on Zalo, Facebook…)
 * and to search engines (JSON-LD); {@code layout.ftlh} prints it in the head.
 *
 * @param type      Open Graph type: "article" for news, else "website"
 * @param image     absolute URL of the preview image: the item's own image (its {@code image:}
 *                  or the first image of its body), else the theme's icon; null when neither
 * @param ownImage  whether {@code image} is the item's own (a large card), not the theme's icon
 * @param jsonLd    the page's schema.org JSON-LD
 */
public record Share(String type, String image, boolean ownImage, LinkedData jsonLd) {

    /** The theme's square icon under a site's assets, the preview of a page without an image. */
    public static final String DEFAULT_IMAGE = "img/icon-512.png";

    private static final Pattern FIRST_IMG = Pattern.compile("<img\\b[^>]*?\\ssrc=\"([^\"]+)\"");

    /** Twitter's card: a large image when the page has its own, else the small one. */
    public String card() {
        return ownImage ? "summary_large_image" : "summary";
    }

    /**
     * The sharing facts of one page.
     *
     * @param assets the site's assets URL ("/_assets/")
     * @param item   the page's item, or null
     */
    static Share of(Site site, Site parent, String assets, boolean home, java.util.List<ViewModels.Crumb> crumbs,
                    String canonical, Item item) {
        String own = item == null ? null : ownImage(item, canonical);
        String image = own != null ? own : site.absolute(assets + DEFAULT_IMAGE);
        String type = item instanceof NewsItem ? "article" : "website";
        return new Share(type, image, own != null, new LinkedData(site, parent, home, crumbs, canonical, item, image));
    }

    /** The item's image, else the first image in its body, as an absolute URL; null if none. */
    static String ownImage(Item item, String canonical) {
        String src = item instanceof NewsItem n && n.image() != null && !n.image().isBlank() ? n.image() : null;
        if (src == null && item.bodyHtml() != null) {
            Matcher m = FIRST_IMG.matcher(item.bodyHtml());
            if (m.find()) {
                src = m.group(1).replace("&amp;", "&");
            }
        }
        if (src == null) {
            return null;
        }
        try {
            URI u = URI.create(canonical).resolve(src.trim());
            String scheme = u.getScheme();
            return "https".equals(scheme) || "http".equals(scheme) ? u.toString() : null;
        } catch (IllegalArgumentException e) {
            // an address the sanitiser kept but URI cannot read (spaces…): no preview image rather than a wrong one
            return null;
        }
    }
}
