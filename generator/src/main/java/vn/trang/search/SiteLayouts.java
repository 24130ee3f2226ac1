package vn.trang.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import vn.trang.index.SiteViews;
import vn.trang.model.Site;
import vn.trang.text.JsonReader;

/**
 * The published sites (sites.json): each site's layout, the portal, the theme name. Read once per
 * publish; an absent or unreadable file gives an empty set, and the service still answers the
 * JSON API (the page then falls back to a plain layout).
 */
public final class SiteLayouts {

    private final Map<String, SiteLayout> byId;
    private final Site portal;
    private final String theme;

    private SiteLayouts(Map<String, SiteLayout> byId, Site portal, String theme) {
        this.byId = byId;
        this.portal = portal;
        this.theme = theme;
    }

    public static SiteLayouts empty() {
        return new SiteLayouts(Map.of(), null, "default");
    }

    @SuppressWarnings("unchecked")
    public static SiteLayouts read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        Map<String, Object> root;
        try {
            root = JsonReader.object(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        Map<String, SiteLayout> byId = new LinkedHashMap<>();
        if (root.get("sites") instanceof Map<?, ?> sites) {
            for (Map.Entry<?, ?> e : sites.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> v && v.get("site") instanceof Map<?, ?> site) {
                    Map<String, Object> view = (Map<String, Object>) v;
                    Site parent = view.get("parent") instanceof Map<?, ?> p ? SiteViews.toSite((Map<String, Object>) p) : null;
                    byId.put(String.valueOf(e.getKey()), new SiteLayout(SiteViews.toSite((Map<String, Object>) site), parent,
                            SiteViews.toNav(view.get("nav")), text(view.get("assets"), "/_assets/"),
                            text(view.get("lang"), "vi"), text(view.get("generator"), null)));
                }
            }
        }
        Site portal = root.get("portalSite") instanceof Map<?, ?> p ? SiteViews.toSite((Map<String, Object>) p) : null;
        return new SiteLayouts(byId, portal, text(root.get("theme"), "default"));
    }

    /** The layout of a site; the portal's for an unknown or absent id. */
    public Optional<SiteLayout> layout(String siteId) {
        SiteLayout l = siteId == null ? null : byId.get(siteId);
        if (l == null && portal != null) {
            l = byId.get(portal.id());
        }
        return Optional.ofNullable(l);
    }

    /** Whether the id names a published site other than the portal (a unit whose box searches itself). */
    public boolean isUnit(String siteId) {
        SiteLayout l = siteId == null ? null : byId.get(siteId);
        return l != null && !l.site().portal();
    }

    public Optional<String> name(String siteId) {
        SiteLayout l = byId.get(siteId);
        return l == null ? Optional.empty() : Optional.ofNullable(l.site().name());
    }

    public Site portal() {
        return portal;
    }

    public String theme() {
        return theme;
    }

    private static String text(Object o, String fallback) {
        return o == null ? fallback : o.toString();
    }
}
