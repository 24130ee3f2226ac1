package vn.trang.model;

import java.util.Arrays;
import java.util.Optional;

/** What kind of unit a site belongs to. Districts remain for legacy content (before 1/7/2025). */
public enum SiteKind {
    PORTAL("portal", "Cổng thông tin điện tử"),
    DEPARTMENT("department", "Sở, ban, ngành"),
    DISTRICT("district", "Huyện, thị xã, thành phố"),
    COMMUNE("commune", "Xã, phường, đặc khu");

    private final String id;
    private final String label;

    SiteKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    /** Vietnamese name of the group of units of this kind, as the unit directory shows it. */
    public String label() {
        return label;
    }

    public static Optional<SiteKind> parse(String s) {
        return Arrays.stream(values()).filter(k -> k.id.equals(s)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
