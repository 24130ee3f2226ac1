package vn.trang.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.trang.model.Site;
import vn.trang.text.Json;

/** A unit's web app manifest ({@code <site>/site.webmanifest}): its name, icons and colour, in Vietnamese. */
public final class WebManifest {

    /** The accent of the default theme's stylesheet ({@code --accent}), for sites that set none. */
    public static final String DEFAULT_THEME_COLOUR = "#a61c1c";

    /** The file name, under the site's path. */
    public static final String FILE = "site.webmanifest";

    private WebManifest() {
    }

    /** The manifest's JSON. */
    public static String json(Site site, String assets) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", site.name());
        m.put("short_name", site.shortName() != null ? site.shortName() : site.name());
        m.put("lang", site.language());
        m.put("dir", "ltr");
        m.put("start_url", site.path());
        m.put("scope", site.path());
        m.put("display", "browser");
        String colour = site.accent() != null ? site.accent() : DEFAULT_THEME_COLOUR;
        m.put("theme_color", colour);
        m.put("background_color", "#ffffff");
        m.put("icons", List.of(
                icon(assets + Icons.TOUCH, "180x180"),
                icon(assets + Icons.LARGE, "512x512"),
                icon(assets + "img/logo.svg", "any", "image/svg+xml")));
        return Json.write(m) + "\n";
    }

    private static Map<String, Object> icon(String src, String sizes) {
        return icon(src, sizes, "image/png");
    }

    private static Map<String, Object> icon(String src, String sizes, String type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("src", src);
        m.put("sizes", sizes);
        m.put("type", type);
        return m;
    }
}
