package vn.trang.search;

import java.util.Map;

/**
 * What a citizen reads for an item type (the index's {@code type} values, {@code Section.type()}):
 * on hit badges, in the type facet and its filter chip. The type id itself ("post", "page") is an
 * internal name and is never shown: the theme's {@code search_type_<type>} string, else the built-in
 * Vietnamese name, else "other content" for a type this version does not know (an index written by
 * a newer one).
 */
public final class TypeLabels {

    /** The theme string of every type, and of any other. */
    public static final String PREFIX = "search_type_";
    public static final String OTHER = PREFIX + "other";

    /** For a theme without the strings (an old override): the default theme's Vietnamese labels. */
    private static final Map<String, String> BUILT_IN = Map.of(
            "news", "Tin tức",
            "document", "Văn bản",
            "procedure", "Thủ tục hành chính",
            "page", "Trang giới thiệu",
            "post", "Thông tin chuyên mục");
    private static final String BUILT_IN_OTHER = "Nội dung khác";

    private TypeLabels() {
    }

    public static String key(String type) {
        return PREFIX + type;
    }

    /** The label of {@code type} in the strings {@code t} (a theme's messages, possibly empty). */
    public static String label(Map<String, String> t, String type) {
        String theme = type == null ? null : t.get(key(type));
        if (theme != null && !theme.isBlank()) {
            return theme;
        }
        String builtIn = type == null ? null : BUILT_IN.get(type);
        if (builtIn != null) {
            return builtIn;
        }
        String other = t.get(OTHER);
        return other != null && !other.isBlank() ? other : BUILT_IN_OTHER;
    }
}
