package vn.trang.render;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import vn.trang.git.FileHistory;
import vn.trang.git.History;
import vn.trang.link.Catalog;
import vn.trang.link.Translations;
import vn.trang.model.Item;
import vn.trang.model.LegalDocument;
import vn.trang.model.NewsCategory;
import vn.trang.model.NewsItem;
import vn.trang.model.Page;
import vn.trang.model.Section;
import vn.trang.model.Site;

/**
 * How each unit site meets the NĐ 42/2022/NĐ-CP checklist (docs/DOMAIN.md#required-content): each required item
 * present or missing, with its count and last update, plus the timeliness of legal documents
 * (published within two working days of issue, weekends and fixed public holidays excluded).
 *
 * <p>A document is published when its file first went into Git: the author date of the commit
 * that added it (renames followed; {@link FileHistory#added()}), read from the build's
 * {@link History}. Outside Git, or when a shallow clone hides that commit, the file's own date is
 * used instead, and the report says which.
 *
 * <p>A document issued before its repository's history starts (the oldest commit: a unit moving
 * its existing site into Trang commits years of documents at once) was published somewhere else
 * first, and Git cannot say when: it is counted apart as "issued before the history", not judged
 * late.
 */
public final class Compliance {

    /** Working days allowed between issuing a legal document and publishing it. */
    public static final int DOCUMENT_DAYS = 2;

    /**
     * Public holidays on fixed solar dates (Bộ luật Lao động 2019, Điều 112): Tết Dương lịch 1/1,
     * Ngày Chiến thắng 30/4, Quốc tế Lao động 1/5, Quốc khánh 2/9. Tết Nguyên đán, Giỗ Tổ Hùng
     * Vương (lunar dates) and the day added to Quốc khánh each year are set yearly and not known
     * here: those days count as working days.
     */
    static final Set<MonthDay> HOLIDAYS = Set.of(MonthDay.of(1, 1), MonthDay.of(4, 30), MonthDay.of(5, 1),
            MonthDay.of(9, 2));

    /**
     * How one legal document was published.
     *
     * @param published   the date it went online: its file's first commit, or the file's own date
     * @param fromGit     whether {@code published} comes from Git (else the file's date)
     * @param workingDays working days from issue to publication
     */
    public record Timing(String number, String title, String url, LocalDate issued, LocalDate published,
                         boolean fromGit, int workingDays) {

        public boolean timely() {
            return workingDays <= DOCUMENT_DAYS;
        }

        /** "git" or "file", as in the JSON. */
        public String dateSource() {
            return fromGit ? "git" : "file";
        }
    }

    /** One checklist item for one unit. */
    public record Check(String id, String label, boolean present, int count, LocalDate lastUpdate) {
    }

    /** One unit's line in the report. */
    public record UnitReport(Site site, List<Check> checks, int present, int total, int documents, int complete,
                             int timely, int dated, List<Timing> timings, int beforeHistory, LocalDate historyStart) {

        /** Documents published later than {@link #DOCUMENT_DAYS} working days after issue. */
        public List<Timing> late() {
            return timings.stream().filter(t -> !t.timely()).toList();
        }

        /** Documents whose publication date comes from Git. */
        public int datedByGit() {
            return (int) timings.stream().filter(Timing::fromGit).count();
        }

        /** Documents whose publication date is their file's own date. */
        public int datedByFile() {
            return timings.size() - datedByGit();
        }

        /** Share of checklist items present, 0–100. */
        public int score() {
            return total == 0 ? 0 : Math.round(100f * present / total);
        }

        public List<Check> missing() {
            return checks.stream().filter(c -> !c.present()).toList();
        }
    }

    /** The checklist's English line. */
    static final String ENGLISH_LABEL = "Trang tiếng Anh (giới thiệu, liên hệ)";

    private Compliance() {
    }

    /** Every unit's report; documents are dated by {@code history} (the build's Git history). */
    public static List<UnitReport> of(Catalog catalog, History history) {
        List<UnitReport> out = new ArrayList<>();
        for (Site s : catalog.registry().sites()) {
            out.add(unit(catalog, s, history));
        }
        return out;
    }

    static UnitReport unit(Catalog catalog, Site site, History history) {
        List<Check> checks = new ArrayList<>();
        checks.add(page(catalog, site, "gioi-thieu", "Giới thiệu chức năng, nhiệm vụ"));
        checks.add(page(catalog, site, "co-cau-to-chuc", "Cơ cấu tổ chức"));
        boolean contacts = !site.leaders().isEmpty() && site.leaders().stream().allMatch(l -> l.phone() != null && l.email() != null)
                && catalog.page(site, "lien-he").isPresent();
        checks.add(new Check("lanh-dao-lien-he", "Lãnh đạo và thông tin liên hệ", contacts,
                site.leaders().size(), catalog.page(site, "lien-he").map(Item::lastModified).orElse(null)));
        checks.add(english(new Translations(catalog), site));
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
        List<Timing> timings = new ArrayList<>();
        int beforeHistory = 0;
        LocalDate historyStart = null;
        for (LegalDocument d : docs) {
            FileHistory h = d.issued() == null ? null : history.of(d.meta().source());
            LocalDateTime start = h == null || !h.addedFromGit() ? null : history.startOf(d.meta().source());
            if (start != null && d.issued().isBefore(start.toLocalDate())) {
                beforeHistory++;
                historyStart = historyStart == null || start.toLocalDate().isBefore(historyStart)
                        ? start.toLocalDate() : historyStart;
            } else if (h != null && h.added() != null) {
                LocalDate published = h.added().toLocalDate();
                timings.add(new Timing(d.number(), d.title(), d.url(), d.issued(), published, h.addedFromGit(),
                        workingDaysBetween(d.issued(), published)));
            }
        }
        int timely = (int) timings.stream().filter(Timing::timely).count();
        return new UnitReport(site, checks, present, checks.size(), docs.size(), complete, timely, timings.size(),
                List.copyOf(timings), beforeHistory, historyStart);
    }

    /** Every field NĐ 42/2022 lists for a document, and a file to download. */
    static boolean complete(LegalDocument d) {
        return d.number() != null && d.docType() != null && d.issuer() != null && d.issued() != null
                && (d.effective() != null || d.effectiveRule() != null) && d.summary() != null && !d.files().isEmpty();
    }

    /**
     * Working days after {@code from} up to and including {@code to}; Saturdays, Sundays and the
     * {@link #HOLIDAYS} are not counted.
     */
    static int workingDaysBetween(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        // Counted, not walked: documents issued years before their file's date (imports, files
        // outside Git) made a day-by-day walk a visible part of a 10,000-page build.
        long span = ChronoUnit.DAYS.between(from, to);
        long weeks = span / 7;
        long days = weeks * 5; // any seven days in a row hold five weekdays
        for (LocalDate d = from.plusDays(weeks * 7 + 1); !d.isAfter(to); d = d.plusDays(1)) {
            if (weekday(d)) {
                days++;
            }
        }
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            for (MonthDay h : HOLIDAYS) {
                if (h.isValidYear(year)) {
                    LocalDate holiday = h.atYear(year);
                    if (holiday.isAfter(from) && !holiday.isAfter(to) && weekday(holiday)) {
                        days--;
                    }
                }
            }
        }
        return (int) days;
    }

    private static boolean weekday(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private static Check page(Catalog catalog, Site site, String stem, String label) {
        return catalog.page(site, stem).map(p -> new Check(stem, label, true, 1, p.lastModified()))
                .orElse(new Check(stem, label, false, 0, null));
    }

    /**
     * The English pages NĐ 42/2022 asks for: an introduction (the translation of gioi-thieu or
     * co-cau-to-chuc) and contacts (of lien-he). When one is missing, the label says which.
     */
    static Check english(Translations translations, Site site) {
        Optional<Page> intro = translations.introduction(site);
        Optional<Page> contact = translations.contact(site);
        List<String> missing = new ArrayList<>();
        if (intro.isEmpty()) {
            missing.add("giới thiệu (translation_of: gioi-thieu)");
        }
        if (contact.isEmpty()) {
            missing.add("liên hệ (translation_of: lien-he)");
        }
        String label = missing.isEmpty() ? ENGLISH_LABEL
                : ENGLISH_LABEL + " – thiếu bản tiếng Anh của trang " + String.join(" và ", missing);
        LocalDate last = Stream.concat(intro.stream(), contact.stream()).map(Item::lastModified)
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        return new Check("tieng-anh", label, missing.isEmpty(), translations.english(site).size(), last);
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
            // each dated document, and which date its publication was judged by
            docs.put("dated_by_git", u.datedByGit());
            docs.put("dated_by_file", u.datedByFile());
            // issued before the repository's history starts: published elsewhere first, not judged
            docs.put("issued_before_history", u.beforeHistory());
            docs.put("history_start", u.historyStart() == null ? null : u.historyStart().toString());
            List<Object> timings = new ArrayList<>();
            for (Timing t : u.timings()) {
                Map<String, Object> tm = new LinkedHashMap<>();
                tm.put("number", t.number());
                tm.put("url", t.url());
                tm.put("issued", t.issued().toString());
                tm.put("published", t.published().toString());
                tm.put("date_source", t.dateSource());
                tm.put("working_days", t.workingDays());
                tm.put("timely", t.timely());
                timings.add(tm);
            }
            docs.put("timeliness", timings);
            m.put("documents", docs);
            list.add(m);
        }
        root.put("units", list);
        return root;
    }
}
