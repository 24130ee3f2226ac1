package vn.trang.parse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.legal.Citation;
import vn.trang.legal.CitationExtractor;
import vn.trang.load.InputFiles;
import vn.trang.load.SourceFile;
import vn.trang.markdown.FileBudget;
import vn.trang.markdown.MarkdownRenderer;
import vn.trang.model.Item;
import vn.trang.model.ItemMeta;
import vn.trang.model.Publication;
import vn.trang.model.Section;
import vn.trang.model.Site;
import vn.trang.model.SourcePositions;
import vn.trang.parse.schema.CommonFields;
import vn.trang.parse.schema.FileDependencies;
import vn.trang.parse.schema.ItemSchema;
import vn.trang.parse.schema.Schemas;
import vn.trang.text.ControlChars;
import vn.trang.text.Slugs;
import vn.trang.text.SourceText;
import vn.trang.yaml.Field;
import vn.trang.yaml.YamlMap;

/**
 * Turns one content file into a typed item: decode (strict UTF-8), split front matter, validate
 * against the section's schema, render the Markdown body. Each problem is reported once with its
 * position; a file with errors yields no item.
 */
public final class ContentParser {

    private final MarkdownRenderer markdown;
    private final java.util.function.Function<String, vn.trang.model.Body> bodies;
    private final long budgetMillis;
    /**
     * One instance of each number, raw text and date cited anywhere this parser parsed: a
     * province's pages cite the same few thousand documents half a million times, and the parsed
     * items live until the build ends. Equal values only, so it changes memory, never output.
     */
    private final ConcurrentHashMap<Object, Object> cited = new ConcurrentHashMap<>();

    public ContentParser(MarkdownRenderer markdown) {
        this(markdown, vn.trang.model.Body::of);
    }

    /**
     * @param bodies where rendered bodies are kept (builds keep them on disk, so memory does not
     *               grow with a province's text)
     */
    public ContentParser(MarkdownRenderer markdown, java.util.function.Function<String, vn.trang.model.Body> bodies) {
        this(markdown, bodies, FileBudget.DEFAULT_MILLIS);
    }

    /** @param budgetMillis how long one file may take ({@link FileBudget}); tests make it short */
    public ContentParser(MarkdownRenderer markdown, java.util.function.Function<String, vn.trang.model.Body> bodies,
                         long budgetMillis) {
        this.markdown = markdown;
        this.bodies = bodies;
        this.budgetMillis = budgetMillis;
    }

    /**
     * @return the item, or empty when the file has errors; drafts and scheduled items too (with
     *         their {@link Publication}): each build decides whether to show them
     */
    public Optional<Item> parse(SourceFile source, Diagnostics d) {
        return parse(source, d, new FileDependencies());
    }

    /** Parses already-read text (exposed for tests and for `trang new`). */
    public Optional<Item> parse(SourceFile source, String raw, Diagnostics d) {
        return parse(source, raw, d, new FileDependencies());
    }

    /** As {@link #parse(SourceFile, Diagnostics)}, noting in {@code looked} the other files the item depends on. */
    public Optional<Item> parse(SourceFile source, Diagnostics d, FileDependencies looked) {
        Optional<String> text = read(source, d);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return parse(source, text.get(), d, looked);
    }

    /** As {@link #parse(SourceFile, String, Diagnostics)}, noting in {@code looked} the other files the item depends on. */
    public Optional<Item> parse(SourceFile source, String raw, Diagnostics d, FileDependencies looked) {
        // One diagnostics sink per file, so "did this file fail?" is a local question even when
        // files are parsed in parallel.
        Diagnostics local = new Diagnostics();
        try {
            Optional<Item> item = FileBudget.run(budgetMillis, () -> parseWithin(source, raw, local, looked));
            return local.hasErrors() ? Optional.empty() : item;
        } finally {
            d.addAll(local);
        }
    }

    /**
     * The file's work, ended with one error when it runs out of time or of stack: whatever the
     * content, the build goes on and names the file.
     */
    private Optional<Item> parseWithin(SourceFile source, String raw, Diagnostics local, FileDependencies looked) {
        String file = source.display();
        try {
            String text = SourceText.normalise(raw);
            if (!withoutControlCharacters(text, file, local)) {
                return Optional.empty();
            }
            return parseInto(source, text, local, looked);
        } catch (FileBudget.Exceeded e) {
            local.error(new SourcePos(file, 1, 1), "xử lý tệp mất quá " + seconds(e.millis()) + " nên bị dừng",
                    "mỗi tệp nội dung được xử lý trong " + seconds(e.millis()),
                    "tệp quá dài hoặc có cấu trúc bất thường (hàng nghìn liên kết, thực thể '&…;', dòng lặp lại): "
                            + "chia thành nhiều tệp nhỏ hoặc bỏ phần lặp lại");
        } catch (StackOverflowError e) {
            local.error(new SourcePos(file, 1, 1), "nội dung lồng nhau quá sâu, không xử lý được",
                    "danh sách, trích dẫn, dấu nhấn mạnh, ngoặc và thẻ HTML lồng nhau vài tầng",
                    "bớt các tầng lồng nhau (dấu '>', '*', '[', thẻ HTML mở mà không đóng)");
        }
        return Optional.empty();
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " giây" : millis + " ms";
    }

    /**
     * Control characters (NUL, ESC, BEL… see {@link ControlChars}) are an error wherever they are
     * in the file, reported once, at the first: they are invisible in an editor, and one of them
     * in a page's text makes the site's RSS feed unreadable. Removing them silently would hide a
     * file damaged by a bad copy or conversion.
     */
    private static boolean withoutControlCharacters(String text, String file, Diagnostics d) {
        int at = ControlChars.firstForbidden(text);
        if (at < 0) {
            return true;
        }
        int line = 1;
        int lineStart = 0;
        for (int i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
            line++;
            lineStart = i + 1;
        }
        d.error(new SourcePos(file, line, at - lineStart + 1),
                "tệp có ký tự điều khiển " + ControlChars.describe(text.charAt(at)) + " (không nhìn thấy được)",
                "chữ, số, dấu câu, dấu cách, tab và xuống dòng",
                "xóa ký tự này (đặt con trỏ ở vị trí trên rồi xóa), hoặc gõ lại dòng; thường do sao chép từ tệp hỏng");
        return false;
    }

    private Optional<Item> parseInto(SourceFile source, String text, Diagnostics d, FileDependencies looked) {
        String file = source.display();
        Optional<FrontMatter> fm = FrontMatterSplitter.split(text, file, d);
        if (fm.isEmpty()) {
            return Optional.empty();
        }
        Optional<YamlMap> parsed = YamlMap.parse(fm.get().yaml(), file, 1, d);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        YamlMap y = parsed.get();
        Section section = source.section();
        ItemSchema schema = Schemas.of(section);
        List<Field> allFields = new ArrayList<>(CommonFields.FIELDS);
        allFields.addAll(schema.fields());
        allFields.addAll(schema.retired());
        y.rejectUnknown(allFields, "phần đầu của " + section.title().toLowerCase());

        ItemSchema.Prelude prelude = schema.prelude(y);
        BlankText blanks = new BlankText(y);
        String title = blanks.read(schema.titleRequired() ? CommonFields.required(CommonFields.TITLE) : CommonFields.TITLE,
                "tiêu đề");
        if (title == null) {
            title = prelude.defaultTitle();
        }
        String summary = blanks.read(
                schema.summaryRequired() ? CommonFields.required(CommonFields.SUMMARY) : CommonFields.SUMMARY, "tóm tắt");
        LocalDateTime date = y.dateTime(schema.dateRequired() ? CommonFields.required(CommonFields.DATE) : CommonFields.DATE);
        if (date == null) {
            date = prelude.defaultDate();
        }
        LocalDate updated = y.date(CommonFields.UPDATED);
        String changeNote = y.text(CommonFields.CHANGE_NOTE);
        Publication publication = PublicationReader.read(y, text, file, blanks.found(), d);
        Boolean sample = y.bool(CommonFields.SAMPLE);

        String slug = y.text(CommonFields.SLUG);
        if (slug != null && !Slugs.isValid(slug)) {
            d.error(y.valuePos("slug"), "slug '" + slug + "' không hợp lệ",
                    "chữ thường không dấu, số, nối bằng '-'", "ví dụ: slug: " + Slugs.slugify(slug).replaceFirst("^$", "bai-viet"));
            slug = null;
        }
        if (slug == null) {
            // An empty title's placeholder would give every unfinished file the same URL.
            String basis = prelude.defaultSlug() != null ? prelude.defaultSlug()
                    : blanks.isBlank("title") ? fileStem(file) : title;
            slug = basis == null ? null : Slugs.slugify(basis);
            if (slug != null && slug.isEmpty()) {
                d.error(y.posOf("title"), "không tạo được đường dẫn từ tiêu đề \"" + basis + "\"",
                        "tiêu đề có chữ hoặc số", "thêm dòng slug: ten-bai-viet");
            }
        }
        Site site = source.site();
        if (d.hasErrors() || slug == null || slug.isEmpty()) {
            // Still read the type's own keys, so their problems are reported in the same run:
            // a document without number (hence no title and no slug) must not vanish silently.
            schema.read(y, new ItemMeta(site, section, file, slug, title, date, updated, summary,
                    Boolean.TRUE.equals(sample), "", null, folderUrl(source), List.of(), positions(y, file)), prelude,
                    source, looked);
            return Optional.empty();
        }
        String url = section == Section.PAGES ? site.path() + slug + "/" : site.path() + section.folder() + "/" + slug + "/";
        String folderUrl = folderUrl(source);
        String body = markdown.renderBody(fm.get().body(), folderUrl, SourcePos.of(file), fm.get().bodyLine(),
                headingAbove(section), d);
        List<Citation> citations = citations(fm.get().body(), fm.get().bodyLine());
        ItemMeta meta = new ItemMeta(site, section, file, slug, title, date, updated, summary,
                Boolean.TRUE.equals(sample), bodies.apply(body), url, folderUrl, citations, positions(y, file),
                publication, changeNote == null || changeNote.isBlank() ? null : changeNote.strip());
        return Optional.of(schema.read(y, meta, prelude, source, looked));
    }

    private static String fileStem(String display) {
        String name = display.substring(display.replace('\\', '/').lastIndexOf('/') + 1);
        return name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
    }

    /**
     * The level of the heading the theme puts right above a body: documents and procedures show
     * it in a section of its own under an h2 ("Nội dung", "Ghi chú"), the others right under the
     * title's h1. The body's headings are checked against it.
     */
    static int headingAbove(Section section) {
        return section == Section.DOCUMENTS || section == Section.PROCEDURES ? 2 : 1;
    }

    private static SourcePositions positions(YamlMap y, String file) {
        return SourcePositions.of(new SourcePos(file, 1, 1), y.positions());
    }

    @SuppressWarnings("unchecked")
    private <T> T shared(T value) {
        if (value == null) {
            return null;
        }
        if (cited.size() > 1_000_000) {
            cited.clear(); // a bound, for a parser that lives long
        }
        return (T) cited.computeIfAbsent(value, v -> v);
    }

    /** Document numbers the body cites, with lines counted from the top of the file. */
    private List<Citation> citations(String body, int bodyLine) {
        List<Citation> found = CitationExtractor.extract(body);
        if (found.isEmpty()) {
            return found;
        }
        List<Citation> shifted = new ArrayList<>(found.size());
        for (Citation c : found) {
            shifted.add(new Citation(shared(c.number()), shared(c.raw()), c.offset(), c.line() + bodyLine - 1, c.column(),
                    shared(c.date())));
        }
        return shifted;
    }

    /** The URL of the folder that holds the file, where its attachments are published. */
    private static String folderUrl(SourceFile source) {
        return folderUrl(source.display(), source.site(), source.section().folder());
    }

    /**
     * The URL of the folder that holds a content file, against which its relative links are
     * resolved: the site's path and the file's folders below {@code <site-id>/}.
     *
     * @param display       the file's path as diagnostics show it
     * @param sectionFolder the folder taken when {@code display} does not show the site's folder
     */
    public static String folderUrl(String display, Site site, String sectionFolder) {
        String path = display.replace('\\', '/');
        String marker = "/" + site.id() + "/";
        int i = path.indexOf(marker);
        String rel = i >= 0 ? path.substring(i + marker.length()) : sectionFolder + "/";
        int slash = rel.lastIndexOf('/');
        return site.path() + (slash >= 0 ? rel.substring(0, slash + 1) : "");
    }

    /** Parses a file whose bytes were already read (the build cache reads them to hash them). */
    public Optional<Item> parse(SourceFile source, byte[] bytes, Diagnostics d) {
        return parse(source, bytes, d, new FileDependencies());
    }

    /** As {@link #parse(SourceFile, byte[], Diagnostics)}, noting in {@code looked} the other files the item depends on. */
    public Optional<Item> parse(SourceFile source, byte[] bytes, Diagnostics d, FileDependencies looked) {
        Optional<String> text = decode(source, bytes, d);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return parse(source, text.get(), d, looked);
    }

    private static Optional<String> read(SourceFile source, Diagnostics d) {
        byte[] bytes;
        try {
            bytes = InputFiles.readAllBytes(source.path());
        } catch (IOException e) {
            d.error(SourcePos.of(source.display()), "không đọc được tệp: " + e.getMessage(), null, null);
            return Optional.empty();
        }
        return decode(source, bytes, d);
    }

    private static Optional<String> decode(SourceFile source, byte[] bytes, Diagnostics d) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            String lossy = new String(bytes, StandardCharsets.UTF_8);
            int bad = lossy.indexOf('\uFFFD');
            int line = 1;
            int col = 1;
            for (int i = 0; i < Math.max(bad, 0); i++) {
                if (lossy.charAt(i) == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            d.error(new SourcePos(source.display(), line, col), "tệp không phải mã hóa UTF-8",
                    "văn bản Unicode UTF-8 (tiếng Việt có dấu dựng sẵn)",
                    "mở tệp bằng trình soạn thảo và lưu lại với mã hóa UTF-8 (không dùng TCVN3/VNI)");
            return Optional.empty();
        }
    }
}
