package vn.trang.render;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import vn.trang.link.Catalog;
import vn.trang.model.Item;
import vn.trang.model.LegalDocument;
import vn.trang.model.NewsCategory;
import vn.trang.model.NewsItem;
import vn.trang.model.Page;
import vn.trang.model.Section;
import vn.trang.model.Site;

/**
 * How each unit site meets the NĐ 42/2022/NĐ-CP checklist (DESIGN.md §2): each required item
 * present or missing, with its count and last update, plus the timeliness of legal documents
 * (published within two working days of issue, weekends excluded).
 */
public final class Compliance {

    /** Working days allowed between issuing a legal document and publishing it. */
    public static final int DOCUMENT_DAYS = 2;

    /** One checklist item for one unit. */
    public record Check(String id, String label, boolean present, int count, LocalDate lastUpdate) {
    }

    /** One unit's line in the report. */
    public record UnitReport(Site site, List<Check> checks, int present, int total, int documents, int complete,
                             int timely, int dated) {

        /** Share of checklist items present, 0–100. */
        public int score() {
            return total == 0 ? 0 : Math.round(100f * present / total);
        }

        public List<Check> missing() {
            return checks.stream().filter(c -> !c.present()).toList();
        }
    }

    private Compliance() {
    }

    public static List<UnitReport> of(Catalog catalog) {
        List<UnitReport> out = new ArrayList<>();
        for (Site s : catalog.registry().sites()) {
            out.add(unit(catalog, s));
        }
        return out;
    }

    static UnitReport unit(Catalog catalog, Site site) {
        List<Check> checks = new ArrayList<>();
        checks.add(page(catalog, site, "gioi-thieu", "Giới thiệu chức năng, nhiệm vụ"));
        checks.add(page(catalog, site, "co-cau-to-chuc", "Cơ cấu tổ chức"));
        boolean contacts = !site.leaders().isEmpty() && site.leaders().stream().allMatch(l -> l.phone() != null && l.email() != null)
                && catalog.page(site, "lien-he").isPresent();
        checks.add(new Check("lanh-dao-lien-he", "Lãnh đạo và thông tin liên hệ", contacts,
                site.leaders().size(), catalog.page(site, "lien-he").map(Item::lastModified).orElse(null)));
        checks.add(items("tieng-anh", "Trang tiếng Anh (cơ cấu tổ chức, liên hệ)", catalog.items(site, Section.PAGES),
                i -> "en".equals(((Page) i).language())));
        checks.add(items("tin-tuc", "Tin tức, sự kiện", catalog.items(site, Section.NEWS), i -> true));
        checks.add(items("chi-dao-dieu-hanh", "Thông tin chỉ đạo, điều hành", catalog.items(site, Section.NEWS),
                i -> ((NewsItem) i).category() == NewsCategory.DIRECTION));
        checks.add(section(catalog, site, Section.SCHEDULE, "Lịch công tác của lãnh đạo"));
        checks.add(section(catalog, site, Section.DOCUMENTS, "Văn bản quy phạm pháp luật, văn bản chỉ đạo"));
        checks.add(section(catalog, site, Section.PROCEDURES, "Thủ tục hành chính, dịch vụ công trực tuyến"));
        checks.add(section(catalog, site, Section.LAW_DISSEMINATION, "Phổ biến, hướng dẫn thực hiện pháp luật"));
        checks.add(section(catalog, site, Section.PLANS, "Chiến lược, quy hoạch, kế hoạch"));
        checks.add(section(catalog, site, Section.PROCUREMENT, "Dự án đầu tư, đấu thầu, mua sắm công"));
        checks.add(section(catalog, site, Section.CONSULTATIONS, "Lấy ý kiến dự thảo văn bản"));
        checks.add(section(catalog, site, Section.QUESTIONS, "Hỏi đáp, trả lời kiến nghị"));
        checks.add(section(catalog, site, Section.ACCESS_TO_INFORMATION, "Danh mục thông tin công khai (Luật Tiếp cận thông tin)"));
        int present = (int) checks.stream().filter(Check::present).count();
        List<LegalDocument> docs = catalog.items(site, Section.DOCUMENTS).stream().map(LegalDocument.class::cast)
                .filter(d -> !d.metadataOnly()).toList();
        int complete = (int) docs.stream().filter(Compliance::complete).count();
        int dated = 0;
        int timely = 0;
        for (LegalDocument d : docs) {
            if (d.issued() != null && d.date() != null) {
                dated++;
                if (workingDaysBetween(d.issued(), d.date().toLocalDate()) <= DOCUMENT_DAYS) {
                    timely++;
                }
            }
        }
        return new UnitReport(site, checks, present, checks.size(), docs.size(), complete, timely, dated);
    }

    /** Every field NĐ 42/2022 lists for a document, and a file to download. */
    static boolean complete(LegalDocument d) {
        return d.number() != null && d.docType() != null && d.issuer() != null && d.issued() != null
                && (d.effective() != null || d.effectiveRule() != null) && d.summary() != null && !d.files().isEmpty();
    }

    /** Working days after {@code from} up to and including {@code to}; Saturdays and Sundays are not counted. */
    static int workingDaysBetween(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        int days = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }

    private static Check page(Catalog catalog, Site site, String stem, String label) {
        return catalog.page(site, stem).map(p -> new Check(stem, label, true, 1, p.lastModified()))
                .orElse(new Check(stem, label, false, 0, null));
    }

    private static Check section(Catalog catalog, Site site, Section section, String label) {
        return items(section.folder(), label, catalog.items(site, section), i -> true);
    }

    private static Check items(String id, String label, List<Item> items, Predicate<Item> which) {
        List<Item> matching = items.stream().filter(which).toList();
        LocalDate last = matching.stream().map(Item::lastModified).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return new Check(id, label, !matching.isEmpty(), matching.size(), last);
    }

    /** The report as open data. */
    public static Map<String, Object> json(List<UnitReport> units, LocalDate asOf) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("as_of", asOf.toString());
        root.put("rule", "NĐ 42/2022/NĐ-CP");
        List<Object> list = new ArrayList<>();
        for (UnitReport u : units) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("site", u.site().id());
            m.put("name", u.site().name());
            m.put("kind", u.site().kind().id());
            m.put("score", u.score());
            m.put("present", u.present());
            m.put("total", u.total());
            List<Object> checks = new ArrayList<>();
            for (Check c : u.checks()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("id", c.id());
                cm.put("label", c.label());
                cm.put("present", c.present());
                cm.put("count", c.count());
                cm.put("last_update", c.lastUpdate() == null ? null : c.lastUpdate().toString());
                checks.add(cm);
            }
            m.put("checks", checks);
            Map<String, Object> docs = new LinkedHashMap<>();
            docs.put("published", u.documents());
            docs.put("with_all_fields_and_file", u.complete());
            docs.put("dated", u.dated());
            docs.put("within_" + DOCUMENT_DAYS + "_working_days", u.timely());
            m.put("documents", docs);
            list.add(m);
        }
        root.put("units", list);
        return root;
    }
}
