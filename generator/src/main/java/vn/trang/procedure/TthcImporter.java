package vn.trang.procedure;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import vn.trang.diag.Diagnostic;
import vn.trang.diag.Diagnostics;
import vn.trang.load.SourceFile;
import vn.trang.markdown.MarkdownRenderer;
import vn.trang.model.Section;
import vn.trang.model.Site;
import vn.trang.parse.ContentParser;
import vn.trang.text.JsonReader;
import vn.trang.text.Slugs;

/**
 * {@code trang import tthc}: records of the national public service portal (one JSON object per
 * line, optionally gzip-compressed) into {@code content/<site>/thu-tuc/<slug>.md}, one file per
 * record, in the full procedure model ({@link PortalRecordConverter}).
 *
 * <p>Every record of a procedure that a province, district or commune carries out is kept. A
 * cell that cannot be split with confidence is never guessed: its field is left out, its text is
 * kept as written in the file's body for an editor to rework, and a warning says so; a legal-basis
 * line with text around its number keeps the numbers it contains. A record is skipped, with a
 * one-line reason, only when it is not such a procedure, has no code or title, repeats a code,
 * would replace an existing file, or when the written file does not parse without errors or
 * warnings exactly as the build will parse it. Existing files are never replaced unless asked.
 */
public final class TthcImporter {

    /** Readable names of the skip and warning categories, for the summary. */
    static final Map<String, String> CATEGORIES = new LinkedHashMap<>();

    static {
        CATEGORIES.put("json", "dòng không phải bản ghi JSON");
        CATEGORIES.put("thieu", "thiếu mã hoặc tên thủ tục");
        CATEGORIES.put("ma", "mã thủ tục không đúng dạng");
        CATEGORIES.put("trung-ma", "mã thủ tục trùng với bản ghi trước");
        CATEGORIES.put("cap", "không thực hiện ở cấp tỉnh, huyện hay xã (chỉ cấp bộ hoặc cơ quan khác)");
        CATEGORIES.put("quyet-dinh", "số quyết định công bố không phải số hiệu văn bản");
        CATEGORIES.put("cach-thuc", "cách thức thực hiện không tách được");
        CATEGORIES.put("thoi-han", "thời hạn giải quyết không ghi đơn vị");
        CATEGORIES.put("ho-so", "thành phần hồ sơ không tách được");
        CATEGORIES.put("can-cu", "căn cứ pháp lý không tách được");
        CATEGORIES.put("kiem-tra", "tệp tạo ra chưa hợp lệ khi kiểm tra");
        CATEGORIES.put("da-co", "tệp đã có (dùng --overwrite để ghi đè)");
    }

    /**
     * @param root      the project root (sites/, content/)
     * @param site      the site whose thu-tuc/ folder receives the files
     * @param overwrite replace files that exist
     * @param limit     read at most this many records; 0 for all
     */
    public record Options(Path root, Site site, boolean overwrite, int limit) {
    }

    /**
     * The outcome of one run.
     *
     * @param warned       warnings by category, over the converted records
     * @param withWarnings converted records that have at least one warning
     */
    public record Summary(int read, int converted, Map<String, Integer> skipped, Map<String, Integer> warned,
                          int withWarnings) {

        public int skippedTotal() {
            return skipped.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final Options options;
    private final PrintWriter out;
    private final ContentParser parser = new ContentParser(new MarkdownRenderer());

    public TthcImporter(Options options, PrintWriter out) {
        this.options = options;
        this.out = out;
    }

    /** Reads the file (gzip when it starts with gzip's magic bytes) and writes the content files. */
    public Summary run(Path file) throws IOException {
        Path dir = options.root().resolve("content").resolve(options.site().id()).resolve(Section.PROCEDURES.folder());
        Set<String> taken = existingSlugs(dir);
        Set<String> codes = new HashSet<>();
        Map<String, Integer> skipped = new TreeMap<>();
        Map<String, Integer> warned = new TreeMap<>();
        int read = 0;
        int converted = 0;
        int withWarnings = 0;
        try (BufferedReader r = reader(file)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                if (options.limit() > 0 && read >= options.limit()) {
                    break;
                }
                read++;
                String code = null;
                try {
                    Object json;
                    try {
                        json = JsonReader.parse(line);
                    } catch (IllegalArgumentException e) {
                        throw new Unconvertible("json", "không đọc được JSON: " + e.getMessage());
                    }
                    if (!(json instanceof Map<?, ?> map)) {
                        throw new Unconvertible("json", "dòng không phải một đối tượng JSON");
                    }
                    Map<String, String> record = texts(map);
                    code = PortalText.oneLine(record.get("ma_thu_tuc"));
                    PortalRecordConverter.Converted c = PortalRecordConverter.convert(record);
                    if (!codes.add(c.code())) {
                        throw new Unconvertible("trung-ma", "mã thủ tục " + c.code() + " đã có ở bản ghi trước");
                    }
                    String slug = uniqueSlug(c.slugBase(), c.code(), taken);
                    Path target = dir.resolve(slug + ".md");
                    if (Files.exists(target) && !options.overwrite()) {
                        throw new Unconvertible("da-co", "tệp đã có: " + options.root().relativize(target));
                    }
                    String text = c.text(slug);
                    check(target, text);
                    Files.createDirectories(dir);
                    Files.writeString(target, text, StandardCharsets.UTF_8);
                    taken.add(slug);
                    converted++;
                    if (!c.warnings().isEmpty()) {
                        withWarnings++;
                    }
                    for (PortalRecordConverter.Warning w : c.warnings()) {
                        warned.merge(w.category(), 1, Integer::sum);
                        out.println("cảnh báo dòng " + lineNo + " (" + c.code() + "): " + w.message());
                    }
                } catch (Unconvertible e) {
                    skipped.merge(e.category, 1, Integer::sum);
                    out.println("bỏ qua dòng " + lineNo + (code == null || code.isEmpty() ? "" : " (" + code + ")") + ": "
                            + e.getMessage());
                }
            }
        }
        Summary s = new Summary(read, converted, skipped, warned, withWarnings);
        printSummary(s, dir);
        return s;
    }

    private void printSummary(Summary s, Path dir) {
        out.println("Đã đọc " + s.read() + " bản ghi; đã chuyển " + s.converted() + " thủ tục vào "
                + options.root().relativize(dir).toString().replace('\\', '/') + "/"
                + (s.withWarnings() == 0 ? "" : " (" + s.withWarnings() + " kèm cảnh báo)") + "; bỏ qua " + s.skippedTotal()
                + (s.skippedTotal() == 0 ? "." : ":"));
        printCounts(s.skipped());
        if (s.withWarnings() > 0) {
            out.println("Cảnh báo (đã chuyển; phần chưa tách được giữ nguyên văn trong thân tệp, cần đối chiếu):");
            printCounts(s.warned());
        }
        out.flush();
    }

    private void printCounts(Map<String, Integer> counts) {
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.println(String.format("  %5d  %s", e.getValue(), CATEGORIES.getOrDefault(e.getKey(), e.getKey()))));
    }

    private static BufferedReader reader(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    private static Map<String, String> texts(Map<?, ?> map) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object v = e.getValue();
            out.put(String.valueOf(e.getKey()), v == null ? "" : v instanceof String s ? s : String.valueOf(v));
        }
        return out;
    }

    private static Set<String> existingSlugs(Path dir) throws IOException {
        Set<String> out = new HashSet<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                        .forEach(n -> out.add(n.substring(0, n.length() - 3)));
            }
        }
        return out;
    }

    /**
     * The title's slug, cut at a word boundary; with the code appended when another record of
     * this run already has it. A file of an earlier run keeps its name (and is "already there").
     */
    private String uniqueSlug(String base, String code, Set<String> taken) {
        if (!taken.contains(base) || (Files.exists(fileFor(base)) && sameCode(fileFor(base), code))) {
            return base;
        }
        String withCode = cut(base, 80 - code.length() - 1) + "-" + Slugs.slugify(code);
        return withCode;
    }

    private Path fileFor(String slug) {
        return options.root().resolve("content").resolve(options.site().id()).resolve(Section.PROCEDURES.folder())
                .resolve(slug + ".md");
    }

    private static boolean sameCode(Path file, String code) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).contains("\ncode: \"" + code + "\"\n");
        } catch (IOException e) {
            return false;
        }
    }

    static String cut(String slug, int max) {
        if (slug.length() <= max) {
            return slug;
        }
        int dash = slug.lastIndexOf('-', max);
        return dash > max / 2 ? slug.substring(0, dash) : slug.substring(0, max);
    }

    /** Parses the text as the build will; any error or warning skips the record. */
    private void check(Path target, String text) {
        Site site = options.site();
        String display = options.root().relativize(target).toString().replace('\\', '/');
        Diagnostics d = new Diagnostics();
        parser.parse(new SourceFile(site, Section.PROCEDURES, target, display), text, d);
        if (!d.list().isEmpty()) {
            Diagnostic first = d.list().get(0);
            throw new Unconvertible("kiem-tra", "tệp tạo ra chưa hợp lệ: " + first.line() + ":" + first.column() + ": "
                    + first.message());
        }
    }
}
