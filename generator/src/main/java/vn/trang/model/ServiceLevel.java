package vn.trang.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Online service level: NĐ 42/2022's two levels (plus "thong-tin" for procedures whose dossier
 * cannot be submitted online at all), and the legacy mức độ 1–4 of NĐ 43/2011 that older content
 * still uses. {@link #online()} says whether it counts as an online service.
 */
public enum ServiceLevel {
    FULL("toan-trinh", "Dịch vụ công trực tuyến toàn trình", true),
    PARTIAL("mot-phan", "Dịch vụ công trực tuyến một phần", false),
    /** Not submitted online: only the information is published (imports without an online channel). */
    INFORMATION("thong-tin", "Cung cấp thông tin trực tuyến", false),
    LEVEL_1("muc-1", "Mức độ 1", false),
    LEVEL_2("muc-2", "Mức độ 2", false),
    LEVEL_3("muc-3", "Mức độ 3", true),
    LEVEL_4("muc-4", "Mức độ 4", true);

    private final String id;
    private final String label;
    private final boolean online;

    ServiceLevel(String id, String label, boolean online) {
        this.id = id;
        this.label = label;
        this.online = online;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** Toàn trình, or mức 3–4: the services the seeds count as "online". */
    public boolean online() {
        return online;
    }

    /** Mức độ 1–4 of NĐ 43/2011, shown as they were declared. */
    public boolean legacy() {
        return id.startsWith("muc-");
    }

    /** What editors may write, for diagnostics. */
    public static String accepted() {
        return "toan-trinh, mot-phan hoặc thong-tin (nội dung cũ: 1, 2, 3, 4)";
    }

    /** Accepts the ids and the bare legacy numbers 1–4. */
    public static Optional<ServiceLevel> parse(String s) {
        String v = s.trim();
        if (v.matches("[1-4]")) {
            v = "muc-" + v;
        }
        String key = v;
        return Arrays.stream(values()).filter(l -> l.id.equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
