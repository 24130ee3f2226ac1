package vn.trang.model;

/** Per-site presentation settings; everything else is uniform across the province. */
public record ThemeSettings(String accent, String language) {
    public static final ThemeSettings DEFAULT = new ThemeSettings(null, "vi");
}
