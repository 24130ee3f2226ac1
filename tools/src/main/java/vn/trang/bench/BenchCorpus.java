package vn.trang.bench;

import static vn.trang.bench.Vocabulary.*;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The synthetic province of the shared benchmark harness ({@code ../shared/bench/gen_corpus.py},
 * generator version 4), computed in Java: the same sites (portal, departments, communes), the
 * same split of N pages over sites and sections (news 50 %, documents 30 %, procedures 20 %),
 * the same titles, dates, document numbers, statuses, procedure codes, steps and papers, and the
 * same Markdown bodies with their citations — {@link PyRandom} reproduces Python's generator, so
 * a seed gives the very pages the harness gives Hugo and JBake. {@link CorpusWriter} writes them
 * in Trang's content format.
 *
 * <p>One deliberate difference: the harness restarts every register each year, so a number
 * without the year ({@code 1/KH-UBND}) repeats for one issuer, which Trang rightly rejects. Here
 * such registers run on across years ({@code 1/KH-UBND}, then 2, 3…), so the corpus builds
 * without errors; numbers with the year, and everything drawn from the generator, are unchanged
 * (titles and bodies differ only in those numbers' digits). Likewise the provincial inspectorate
 * (Thanh tra tỉnh) numbers its documents {@code TTT} instead of {@code TTr}, which is also the
 * abbreviation of a document type (Tờ trình). {@code harnessNumbers} restores the
 * harness's numbering, to check the port: then every title and body is the harness's, byte for
 * byte.
 *
 * <p>Memory: metadata for every item is kept (a few hundred bytes each); bodies are made one at a
 * time, on demand, from each item's own seed.
 *
 * <p>Longer than 400 lines on purpose: it follows {@code gen_corpus.py} step by step, every draw
 * from the generator in the harness's order (one draw moved to another class or reordered gives
 * another province), so it reads side by side with the script it ports.
 */
public final class BenchCorpus {

    public static final long DEFAULT_SEED = 20240601L;
    /** The harness's generator version this port follows. */
    public static final String HARNESS_VERSION = "4";

    /** Sections in the harness's order, with each one's share of a site's pages. */
    enum Kind {
        NEWS("tin-tuc", 0.5), DOCUMENT("van-ban", 0.3), PROCEDURE("thu-tuc", 0.2);

        final String folder;
        final double share;

        Kind(String folder, double share) {
            this.folder = folder;
            this.share = share;
        }
    }

    /** One unit of the province. */
    static final class CSite {
        String slug;
        String name;
        String kind; // portal | department | commune
        String parent;
        String issuer;
        String abbr;
        int weight;
        String field;
        List<String> signers;
        int count;
        int index;
    }

    /** One content page's metadata (the body is made by {@link #body}). */
    static final class CItem {
        int id;
        CSite site;
        Kind kind;
        LocalDateTime date;
        long seed;
        String title;
        String slug;
        String summary;
        // news
        String author;
        // document
        String numPrefixFmt; // "%d" or "%02d"
        String numRest;
        String numKey;
        String docNumber;
        String docType;
        String issuer;
        String signer;
        LocalDate issued;
        LocalDate effective;
        String field;
        String status;
        // procedure
        String code;
        int level;
        String processingTime;
        String fees;
        String agency;
        String result;
        List<String> steps;
        List<String> papers;
    }

    /** A document a body can cite: type, number, issue date, issuer. */
    record DocRef(String type, String number, LocalDate issued, String issuer) {
    }

    final int pages;
    final long seed;
    final boolean harnessNumbers;
    final List<CSite> sites = new ArrayList<>();
    final List<CItem> items = new ArrayList<>();
    final List<DocRef> docRefs = new ArrayList<>();
    private final PyRandom rng;

    public BenchCorpus(int pages, long seed) {
        this(pages, seed, false);
    }

    /**
     * @param harnessNumbers number documents exactly as the harness does (per issuer, type and
     *                       year, so numbers without the year repeat across years: Trang reports
     *                       those as duplicates). Only to check this port against the harness.
     */
    public BenchCorpus(int pages, long seed, boolean harnessNumbers) {
        this.pages = pages;
        this.seed = seed;
        this.harnessNumbers = harnessNumbers;
        this.rng = new PyRandom(seed);
        makeSites();
        makeItems();
    }

    public int pages() {
        return items.size();
    }

    // ---- sites ---------------------------------------------------------------------------

    private void makeSites() {
        int nDept = Math.max(3, Math.min(DEPARTMENTS.size(), pages / 500));
        int nComm = Math.max(5, Math.min(150, pages / 100));
        CSite portal = site("tinh", "Cổng Thông tin điện tử " + PROVINCE_FULL, "portal", null,
                "Ủy ban nhân dân " + PROVINCE_FULL, "UBND", 30, null);
        sites.add(portal);
        for (Department dep : DEPARTMENTS.subList(0, nDept)) {
            // "TTr" (Thanh tra tỉnh) is also the abbreviation of Tờ trình: its công văn 1/TTr-VP would
            // read as a Tờ trình. Here the inspectorate signs TTT, unless the harness's numbers are asked for.
            String abbr = dep.abbr().equals("TTr") && !harnessNumbers ? "TTT" : dep.abbr();
            sites.add(site(slugify(dep.name(), 80), dep.name(), "department", "tinh", dep.name(), abbr, 6, dep.field()));
        }
        List<String[]> pairs = new ArrayList<>();
        for (String a : PLACE_A) {
            for (String b : PLACE_B) {
                if (!a.equals(b)) {
                    pairs.add(new String[] {a, b});
                }
            }
        }
        rng.shuffle(pairs);
        for (int i = 0; i < nComm; i++) {
            String a = pairs.get(i)[0];
            String b = pairs.get(i)[1];
            String prefix = i % 4 == 0 ? "Phường" : "Xã";
            String name = prefix + " " + a + " " + b;
            String issuer = "Ủy ban nhân dân " + name.toLowerCase(Locale.ROOT).split(" ")[0] + " " + a + " " + b;
            sites.add(site(slugify(name, 80), name, "commune", "tinh", issuer, "UBND", 1, null));
        }
        for (CSite s : sites) {
            s.signers = List.of(person(), person(), person());
        }
        // largest-remainder split of pages over sites, at least 3 pages each
        int totW = sites.stream().mapToInt(s -> s.weight).sum();
        long base = Math.max(0, pages - 3L * sites.size());
        double[] quotas = new double[sites.size()];
        int[] counts = new int[sites.size()];
        int sum = 0;
        for (int i = 0; i < sites.size(); i++) {
            quotas[i] = (double) (base * sites.get(i).weight) / totW;
            counts[i] = 3 + (int) quotas[i];
            sum += counts[i];
        }
        int rest = pages - sum;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -(quotas[i] - (int) quotas[i])).thenComparingInt(i -> i));
        for (int k = 0; k < Math.max(0, rest) && k < order.size(); k++) {
            counts[order.get(k)]++;
        }
        for (int i = 0; i < sites.size(); i++) {
            sites.get(i).count = counts[i];
            sites.get(i).index = i;
        }
    }

    private static CSite site(String slug, String name, String kind, String parent, String issuer, String abbr,
                              int weight, String field) {
        CSite s = new CSite();
        s.slug = slug;
        s.name = name;
        s.kind = kind;
        s.parent = parent;
        s.issuer = issuer;
        s.abbr = abbr;
        s.weight = weight;
        s.field = field;
        return s;
    }

    private String person() {
        return rng.choice(FAMILY) + " " + rng.choice(MIDDLE) + " " + rng.choice(GIVEN);
    }

    private String place() {
        return "xã " + rng.choice(PLACE_A) + " " + rng.choice(PLACE_B);
    }

    private static <T> T weighted(PyRandom r, List<Weighted<T>> items) {
        int total = 0;
        for (Weighted<T> w : items) {
            total += w.weight();
        }
        double x = r.random() * total;
        for (Weighted<T> w : items) {
            x -= w.weight();
            if (x < 0) {
                return w.value();
            }
        }
        return items.get(items.size() - 1).value();
    }

    // ---- items ---------------------------------------------------------------------------

    private static final LocalDateTime START = LocalDateTime.of(2015, 1, 1, 0, 0);
    private static final int SPAN_DAYS = (int) ChronoUnit.DAYS.between(START.toLocalDate(), LocalDate.of(2025, 6, 30));

    private void makeItems() {
        int itemId = 0;
        List<Weighted<DocType>> docTypes = DOC_TYPES.stream().map(t -> new Weighted<>(t, t.weight())).toList();
        List<Weighted<Integer>> levels = List.of(new Weighted<>(1, 5), new Weighted<>(2, 35), new Weighted<>(3, 35),
                new Weighted<>(4, 25));
        for (CSite s : sites) {
            int n = s.count;
            int[] per = new int[Kind.values().length];
            int sum = 0;
            for (Kind k : Kind.values()) {
                per[k.ordinal()] = (int) (n * k.share);
                sum += per[k.ordinal()];
            }
            per[0] += n - sum;
            for (Kind kind : Kind.values()) {
                for (int c = 0; c < per[kind.ordinal()]; c++) {
                    itemId++;
                    LocalDateTime d = START.plusDays(rng.randrange(SPAN_DAYS)).plusHours(rng.randrange(7, 18))
                            .plusMinutes(rng.randrange(60));
                    CItem it = new CItem();
                    it.id = itemId;
                    it.site = s;
                    it.kind = kind;
                    it.date = d;
                    it.seed = rng.getrandbits(48);
                    int year = d.getYear();
                    switch (kind) {
                        case NEWS -> {
                            String tpl = rng.choice(NEWS_TITLES);
                            String topic = rng.choice(TOPICS);
                            String place = place();
                            it.title = tpl.replace("{site}", s.name).replace("{topic}", topic)
                                    .replace("{year}", String.valueOf(year)).replace("{y1}", String.valueOf(year))
                                    .replace("{y2}", String.valueOf(year + 4)).replace("{place}", place);
                            it.author = person();
                            it.summary = rng.choice(SUBJECTS) + " " + rng.choice(VERBS) + " " + rng.choice(OBJECTS) + " "
                                    + rng.choice(MODIFIERS);
                        }
                        case DOCUMENT -> {
                            DocType t = weighted(rng, docTypes);
                            String name = t.name();
                            String abbr = t.abbr();
                            boolean normative = t.normative();
                            String issuerAbbr = s.abbr;
                            String issuer = s.issuer;
                            if (s.kind.equals("department") && (name.equals("Nghị quyết") || name.equals("Chỉ thị"))) {
                                name = "Quyết định";
                                abbr = "QĐ";
                                normative = true;
                            }
                            if (name.equals("Nghị quyết")) {
                                issuerAbbr = "HĐND";
                                issuer = issuer.replace("Ủy ban nhân dân", "Hội đồng nhân dân");
                            }
                            if (name.equals("Công văn")) {
                                it.numPrefixFmt = "%d";
                                it.numRest = "/" + issuerAbbr + "-" + rng.choice(List.of("VP", "KT", "VX", "NC", "TH"));
                            } else if (normative && rng.random() < 0.4) {
                                it.numPrefixFmt = "%02d";
                                it.numRest = "/" + year + "/" + abbr + "-" + issuerAbbr;
                            } else {
                                it.numPrefixFmt = "%d";
                                it.numRest = "/" + abbr + "-" + issuerAbbr;
                            }
                            String field = s.field != null && rng.random() < 0.6 ? s.field : rng.choice(FIELDS);
                            String tpl = rng.choice(DOC_SUBJECTS);
                            String obj = rng.choice(OBJECTS);
                            String topic = rng.choice(TOPICS);
                            String mod = rng.choice(MODIFIERS);
                            String subject = "Về việc " + tpl.replace("{obj}", obj).replace("{topic}", topic)
                                    .replace("{year}", String.valueOf(year)).replace("{mod}", mod)
                                    .replace("{field}", field.toLowerCase(Locale.ROOT));
                            LocalDate eff = d.toLocalDate().plusDays(rng.choice(List.of(0, 0, 10, 15, 30)));
                            // The harness numbers per issuer, type and year; a number without the year would
                            // then repeat for one issuer across years, which Trang rejects (one document per
                            // number and issuer). Unless asked for the harness's numbers, such a register
                            // runs on across years instead.
                            boolean yearInNumber = it.numRest.startsWith("/" + year + "/");
                            it.numKey = s.slug + "\n" + issuerAbbr + "\n" + abbr
                                    + (yearInNumber || harnessNumbers ? "\n" + year : "");
                            it.docType = name;
                            it.issuer = issuer;
                            it.signer = rng.choice(s.signers);
                            it.issued = d.toLocalDate();
                            it.effective = eff;
                            it.field = field;
                            it.status = weighted(rng, STATUSES);
                            it.summary = subject;
                        }
                        case PROCEDURE -> {
                            String pname = rng.choice(PROC_NAMES) + rng.choice(PROC_QUALIFIERS);
                            String field = s.field != null && rng.random() < 0.6 ? s.field : rng.choice(FIELDS);
                            int major = rng.choice(List.of(1, 1, 2));
                            String code = major + "." + String.format("%06d", rng.randrange(1, 13000));
                            List<String> steps = new ArrayList<>(rng.sample(STEP_BANK, rng.randint(3, 7)));
                            steps.sort(Comparator.comparingInt(STEP_BANK::indexOf));
                            List<String> papers = rng.sample(DOC_BANK, rng.randint(2, 8));
                            it.title = pname;
                            it.code = code;
                            it.field = field;
                            it.level = weighted(rng, levels);
                            it.processingTime = rng.choice(PROC_TIMES);
                            it.fees = rng.choice(FEES);
                            it.agency = !s.kind.equals("portal") ? s.issuer : "Ủy ban nhân dân " + PROVINCE_FULL;
                            it.result = rng.choice(PROC_RESULTS) + " " + lowerFirst(pname);
                            it.steps = List.copyOf(steps);
                            it.papers = List.copyOf(papers);
                            it.summary = "Thủ tục " + lowerFirst(pname) + ", lĩnh vực " + field.toLowerCase(Locale.ROOT);
                        }
                        default -> throw new IllegalStateException();
                    }
                    items.add(it);
                }
            }
        }
        // document numbers run per issuer, type and year in issue-date order (as in a real register)
        List<CItem> docs = new ArrayList<>(items.stream().filter(i -> i.kind == Kind.DOCUMENT).toList());
        docs.sort(Comparator.comparing((CItem i) -> i.date).thenComparingInt(i -> i.id));
        Map<String, Integer> counters = new HashMap<>();
        for (CItem it : docs) {
            int no = counters.merge(it.numKey, 1, Integer::sum);
            it.docNumber = String.format(it.numPrefixFmt, no) + it.numRest;
            it.title = it.docType + " số " + it.docNumber + " " + lowerFirst(it.summary);
        }
        for (CItem it : items) {
            it.slug = slugify(it.title, 70) + "-" + it.id;
            if (it.kind == Kind.DOCUMENT) {
                docRefs.add(new DocRef(it.docType, it.docNumber, it.issued, it.issuer));
            }
        }
        if (docRefs.isEmpty()) {
            docRefs.add(new DocRef("Quyết định", "1/QĐ-UBND", LocalDate.of(2020, 1, 1), "Ủy ban nhân dân " + PROVINCE_FULL));
        }
    }

    static String lowerFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }

    /** The harness's slugify: tones off, lower-case, runs of other characters to '-', cut. */
    static String slugify(String text, int maxLen) {
        String s = Normalizer.normalize(text.replace("đ", "d").replace("Đ", "D"), Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                sb.append(c);
            }
        }
        String lower = sb.toString().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean dash = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (dash && out.length() > 0) {
                    out.append('-');
                }
                dash = false;
                out.append(c);
            } else {
                dash = true;
            }
        }
        String slug = out.toString();
        if (slug.length() > maxLen) {
            slug = slug.substring(0, maxLen);
        }
        int end = slug.length();
        while (end > 0 && slug.charAt(end - 1) == '-') {
            end--;
        }
        return slug.substring(0, end);
    }

    // ---- bodies --------------------------------------------------------------------------

    /** A body and its word count, as the harness counts words. */
    record Body(String markdown, int words) {
    }

    private String ref(PyRandom r) {
        DocRef d = r.choice(docRefs);
        return String.format("%s số %s ngày %02d/%02d/%d của %s", d.type(), d.number(), d.issued().getDayOfMonth(),
                d.issued().getMonthValue(), d.issued().getYear(), d.issuer());
    }

    private String sentence(PyRandom r, int year) {
        double k = r.random();
        if (k < 0.12) {
            String ref = ref(r);
            return "Thực hiện " + ref + ", " + r.choice(SUBJECTS).toLowerCase(Locale.ROOT) + " " + r.choice(VERBS) + " "
                    + r.choice(OBJECTS) + " " + r.choice(MODIFIERS) + ".";
        }
        if (k < 0.22) {
            int month = r.randint(1, 12);
            String obj = r.choice(OBJECTS);
            int pct = r.randint(50, 100);
            int a = r.randint(2, 950);
            int b = r.randint(1, 9);
            int up = r.randint(1, 40);
            return "Tính đến hết tháng " + month + " năm " + year + ", " + obj + " đạt " + pct + "% kế hoạch, tổng kinh phí "
                    + a + "," + b + " tỷ đồng, tăng " + up + "% so với cùng kỳ.";
        }
        String s = r.choice(SUBJECTS) + " " + r.choice(VERBS) + " " + r.choice(OBJECTS) + " " + r.choice(MODIFIERS);
        if (r.random() < 0.5) {
            s += ", " + r.choice(VERBS) + " " + r.choice(OBJECTS);
        }
        if (r.random() < 0.3) {
            s = r.choice(CONNECT) + " " + lowerFirst(s);
        }
        return s + ".";
    }

    private static int spaces(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ') {
                n++;
            }
        }
        return n;
    }

    /** Sentences until at least {@code nWords} words; returns the paragraph, adds its words to {@code words[0]}. */
    private String paragraph(PyRandom r, int year, int nWords, int[] words) {
        StringBuilder out = new StringBuilder();
        int w = 0;
        while (w < nWords) {
            String s = sentence(r, year);
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(s);
            w += spaces(s) + 1;
        }
        words[0] += w;
        return out.toString();
    }

    /** The Markdown bodies of every page, in order (tests of the Markdown path run on them). */
    public List<String> markdownBodies() {
        return items.stream().map(it -> body(it).markdown()).toList();
    }

    /** The Markdown body of an item (thread-safe: each body has its own generator). */
    Body body(CItem it) {
        PyRandom r = new PyRandom(it.seed);
        int year = it.date.getYear();
        int target = (int) r.triangular(300, 1500, 500);
        List<String> parts = new ArrayList<>();
        int[] words = {0};
        switch (it.kind) {
            case NEWS -> {
                parts.add("**" + paragraph(r, year, 40, words) + "**");
                int h = 0;
                while (words[0] < target) {
                    if (words[0] > 250 * (h + 1) && r.random() < 0.5) {
                        h++;
                        String verb = r.choice(VERBS);
                        parts.add("## " + capitalize(verb) + " " + r.choice(OBJECTS));
                    }
                    parts.add(paragraph(r, year, r.randint(50, 130), words));
                    if (r.random() < 0.1) {
                        parts.add("> " + sentence(r, year));
                    }
                }
                parts.add("*" + it.author + "*");
            }
            case DOCUMENT -> {
                int n = r.randint(2, 4);
                for (int i = 0; i < n; i++) {
                    parts.add("Căn cứ " + ref(r) + ";");
                }
                parts.add("Theo đề nghị của " + r.choice(SUBJECTS) + ",");
                parts.add("## " + it.docType.toUpperCase(Locale.ROOT) + ":");
                int art = 0;
                while (words[0] < target) {
                    art++;
                    parts.add("**Điều " + art + ".** " + sentence(r, year));
                    parts.add(paragraph(r, year, r.randint(40, 120), words));
                    if (r.random() < 0.35) {
                        int m = r.randint(2, 4);
                        for (int j = 0; j < m; j++) {
                            parts.add((j + 1) + ". " + sentence(r, year));
                        }
                        words[0] += 60;
                    }
                }
                LocalDate e = it.effective;
                parts.add("**Điều " + (art + 1) + ".** Quyết định này có hiệu lực kể từ ngày "
                        + String.format("%02d/%02d/%d", e.getDayOfMonth(), e.getMonthValue(), e.getYear())
                        + " và thay thế " + ref(r) + ".");
                parts.add("**Nơi nhận:**\n\n- Như Điều " + (art + 1) + ";\n- Lưu: VT.");
                parts.add("**" + it.signer + "**");
            }
            case PROCEDURE -> {
                parts.add("## Trình tự thực hiện");
                parts.add(paragraph(r, year, r.randint(60, 150), words));
                parts.add("## Cách thức thực hiện");
                parts.add("| Hình thức nộp | Thời hạn giải quyết | Phí, lệ phí |\n|---|---|---|\n"
                        + "| Trực tiếp | " + it.processingTime + " | " + it.fees + " |\n"
                        + "| Trực tuyến | " + it.processingTime + " | " + it.fees + " |\n"
                        + "| Dịch vụ bưu chính | " + it.processingTime + " | " + it.fees + " |");
                parts.add("## Yêu cầu, điều kiện thực hiện");
                while (words[0] < target - 80) {
                    parts.add(paragraph(r, year, r.randint(60, 150), words));
                }
                parts.add("## Căn cứ pháp lý");
                int n = r.randint(2, 5);
                List<String> refs = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    refs.add("- " + ref(r) + ";");
                }
                parts.add(String.join("\n", refs));
                words[0] += 80;
            }
            default -> throw new IllegalStateException();
        }
        return new Body(String.join("\n\n", parts) + "\n", words[0]);
    }

    /** Python's str.capitalize(): first character upper, the rest lower. */
    private static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
    }
}
