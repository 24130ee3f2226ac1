package vn.trang.model;

import java.util.Arrays;
import java.util.Optional;

/** Cấp thực hiện of a procedure; huyện remains for legacy content. */
public enum ImplementingLevel {
    PROVINCE("tinh", "Cấp tỉnh"),
    COMMUNE("xa", "Cấp xã"),
    DISTRICT("huyen", "Cấp huyện");

    private final String id;
    private final String label;

    ImplementingLevel(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Optional<ImplementingLevel> parse(String s) {
        return Arrays.stream(values()).filter(l -> l.id.equals(s)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
