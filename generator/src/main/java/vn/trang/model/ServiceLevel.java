package vn.trang.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Online service level: the three current ones of NĐ 42/2022 (toàn trình, một phần, and "thong-tin"
 * for procedures whose dossier cannot be submitted online: cung cấp thông tin trực tuyến), and the
 * legacy mức độ 1–4 of NĐ 43/2011 that older content still declares. A legacy level is kept as the
 * source gave it, for the page to say so; facets, statistics, search and exports read
 * {@link #current()}, its NĐ 42/2022 equivalent (docs/DOMAIN.md, "Online service level").
 */
public enum ServiceLevel {
    FULL("toan-trinh", "Dịch vụ công trực tuyến toàn trình", null),
    PARTIAL("mot-phan", "Dịch vụ công trực tuyến một phần", null),
    /** Not submitted online: only the information is published (imports without an online channel). */
    INFORMATION("thong-tin", "Cung cấp thông tin trực tuyến", null),
    /** Information only. */
    LEVEL_1("muc-1", "Mức độ 1", INFORMATION),
    /** Forms to download, the dossier handed in on paper: still no online submission. */
    LEVEL_2("muc-2", "Mức độ 2", INFORMATION),
    /** Submitted online, paid and collected in person. */
    LEVEL_3("muc-3", "Mức độ 3", PARTIAL),
    /** Submitted, paid and returned online or by post. */
    LEVEL_4("muc-4", "Mức độ 4", FULL);

    private final String id;
    private final String label;
    private final ServiceLevel current;

    ServiceLevel(String id, String label, ServiceLevel current) {
        this.id = id;
        this.label = label;
        this.current = current;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** The NĐ 42/2022 level: itself, or a legacy level's equivalent. */
    public ServiceLevel current() {
        return current == null ? this : current;
    }

    /**
     * A dịch vụ công trực tuyến in NĐ 42/2022's sense: toàn trình or một phần (the legacy mức 3–4,
     * which provinces used to report as their online services).
     */
    public boolean online() {
        return current() == FULL || current() == PARTIAL;
    }

    /** Toàn trình (the legacy mức 4 included): submitted and returned online, so a submission address is due. */
    public boolean fullyOnline() {
        return current() == FULL;
    }

    /** Mức độ 1–4 of NĐ 43/2011, shown as they were declared. */
    public boolean legacy() {
        return current != null;
    }

    /** The levels an editor chooses from: the current ones. */
    public static List<ServiceLevel> currentLevels() {
        return Arrays.stream(values()).filter(l -> !l.legacy()).toList();
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
