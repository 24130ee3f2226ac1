package vn.trang.procedure;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.trang.model.ImplementingLevel;
import vn.trang.model.Procedure;
import vn.trang.model.ServiceLevel;
import vn.trang.text.Slugs;

/**
 * The figures provinces report about their procedures (docs/DOMAIN.md#procedures): how many at each current service
 * level, the share of online services (toàn trình and một phần, NĐ 42/2022's two kinds of dịch vụ công
 * trực tuyến; the legacy mức 3–4: "819 services at level 3–4, 46%") and of those fully online, and counts per field, implementing level and performing agency.
 *
 * <p>A procedure implemented at several levels, or by several agencies, counts once under each.
 *
 * @param total               the number of procedures
 * @param byServiceLevel      rows of the current levels in {@link ServiceLevel} order (a legacy level counted
 *                            under its current one), levels with no procedure left out
 * @param online              online services: toàn trình or một phần (legacy mức 3–4)
 * @param byField             rows by count, most first, then by name (Vietnamese order)
 * @param byImplementingLevel rows in {@link ImplementingLevel} order, then {@value #UNSPECIFIED}
 * @param byAgency            rows by count, most first, then by name, then {@value #UNSPECIFIED}
 */
public record ProcedureStatistics(int total, List<Row> byServiceLevel, int online, List<Row> byField,
                                  List<Row> byImplementingLevel, List<Row> byAgency) {

    /** The id of the row counting procedures that do not state the value. */
    public static final String UNSPECIFIED = "chua-xac-dinh";
    static final String UNSPECIFIED_LABEL = "Chưa xác định";

    /**
     * One line of a table.
     *
     * @param id      a stable id for URLs: the level id, or the slug of a field or agency name
     * @param label   what to show
     * @param count   procedures in this row
     * @param percent share of all procedures, 0–100
     */
    public record Row(String id, String label, int count, double percent) {

        /** "46%", "45,8%". */
        public String percentLabel() {
            return ProcedureStatistics.percentLabel(percent);
        }
    }

    public ProcedureStatistics {
        byServiceLevel = List.copyOf(byServiceLevel);
        byField = List.copyOf(byField);
        byImplementingLevel = List.copyOf(byImplementingLevel);
        byAgency = List.copyOf(byAgency);
    }

    public static ProcedureStatistics of(Collection<Procedure> procedures) {
        int total = procedures.size();
        Map<ServiceLevel, Integer> levels = new EnumMap<>(ServiceLevel.class);
        Map<ImplementingLevel, Integer> implementing = new EnumMap<>(ImplementingLevel.class);
        Map<String, Integer> fields = new LinkedHashMap<>();
        Map<String, Integer> agencies = new LinkedHashMap<>();
        int online = 0;
        int noImplementing = 0;
        int noAgency = 0;
        for (Procedure p : procedures) {
            if (p.serviceLevel() != null) {
                levels.merge(p.serviceLevel().current(), 1, Integer::sum);
            }
            if (p.online()) {
                online++;
            }
            if (p.field() != null) {
                fields.merge(p.field(), 1, Integer::sum);
            }
            if (p.implementingLevels().isEmpty()) {
                noImplementing++;
            }
            for (ImplementingLevel l : p.implementingLevels()) {
                implementing.merge(l, 1, Integer::sum);
            }
            List<String> performing = p.agencies().performing().stream().distinct().toList();
            if (performing.isEmpty()) {
                noAgency++;
            }
            for (String a : performing) {
                agencies.merge(a, 1, Integer::sum);
            }
        }
        List<Row> levelRows = new ArrayList<>();
        levels.forEach((l, n) -> levelRows.add(row(l.id(), l.label(), n, total)));
        List<Row> implementingRows = new ArrayList<>();
        implementing.forEach((l, n) -> implementingRows.add(row(l.id(), l.label(), n, total)));
        if (noImplementing > 0) {
            implementingRows.add(row(UNSPECIFIED, UNSPECIFIED_LABEL, noImplementing, total));
        }
        List<Row> agencyRows = named(agencies, total);
        if (noAgency > 0) {
            agencyRows.add(row(UNSPECIFIED, UNSPECIFIED_LABEL, noAgency, total));
        }
        return new ProcedureStatistics(total, levelRows, online, named(fields, total), implementingRows, agencyRows);
    }

    private static List<Row> named(Map<String, Integer> counts, int total) {
        Collator vi = Collator.getInstance(Locale.forLanguageTag("vi-VN"));
        List<Row> rows = new ArrayList<>();
        counts.forEach((name, n) -> rows.add(row(Slugs.slugify(name), name, n, total)));
        rows.sort(Comparator.comparingInt(Row::count).reversed().thenComparing(Row::label, vi));
        return rows;
    }

    private static Row row(String id, String label, int count, int total) {
        return new Row(id, label, count, total == 0 ? 0 : 100.0 * count / total);
    }

    /** Share of online services, 0–100. */
    public double onlinePercent() {
        return total == 0 ? 0 : 100.0 * online / total;
    }

    /** "46%", "45,8%". */
    public String onlinePercentLabel() {
        return percentLabel(onlinePercent());
    }

    /** Procedures fully online: toàn trình, the legacy mức 4 included. */
    public int fullyOnline() {
        return count(ServiceLevel.FULL);
    }

    /** Share of fully online services: "41,4%". */
    public String fullyOnlinePercentLabel() {
        return percentLabel(total == 0 ? 0 : 100.0 * fullyOnline() / total);
    }

    /** The number of procedures at a current level, 0 when none (a legacy level has none of its own). */
    public int count(ServiceLevel level) {
        return byServiceLevel.stream().filter(r -> r.id().equals(level.id())).mapToInt(Row::count).sum();
    }

    /** Rounded to one decimal, Vietnamese decimal comma, no ",0": "46%", "45,8%", "0,4%". */
    static String percentLabel(double percent) {
        long tenths = Math.round(percent * 10);
        return tenths % 10 == 0 ? (tenths / 10) + "%" : (tenths / 10) + "," + (tenths % 10) + "%";
    }
}
