package vn.trang.editor;

import static vn.trang.editor.EditorConfigs.fields;
import static vn.trang.editor.EditorConfigs.optionValues;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * A file as Decap CMS saves it from a collection of config.yml with every widget filled: YAML
 * front matter in block style (strings quoted only where YAML needs it, dates as text in the
 * widget's format, lists one item a line), then the Markdown body. Files and images the widgets
 * upload are written beside it. Values are chosen from the config itself (the first option of a
 * select, every option of a multiple one), so a widget added there is filled here too; only the
 * values the parser checks against each other (a number and its type, dates in order) are
 * given by key.
 */
final class DecapEntry {

    private static final Map<String, String> DATES = Map.of(
            "date", "2026-03-14 08:30", "issued", "2026-01-05", "expires", "2030-12-31", "gazette_date", "2026-01-20",
            "opens", "2026-03-01", "closes", "2026-03-31", "answered", "2026-03-20",
            // the schedule: already published, taken down long after the test runs
            "publish_at", "2026-01-02 08:00", "unpublish_at", "2099-12-31 17:00");
    private static final Map<String, Object> TEXTS = Map.of(
            "number", "25/2026/QĐ-UBND", "decision", "1234/QĐ-UBND", "code", "1.000894", "effective", "10 ngày kể từ ngày ký",
            "gazette_number", "15+16",
            "issuer", "Ủy ban nhân dân tỉnh Thử",
            "url", "https://vbpl.vn/bacninh/Pages/vbpq-toanvan.aspx?ItemID=1",
            "online_url", "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.000894",
            "source_url", "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfe",
            "translation_of", "gioi-thieu");
    /** An English page: the only kind that may name the page it translates. */
    private static final Map<String, String> CHOSEN = Map.of("doc_type", "Quyết định", "lang", "en", "language", "en");

    private final Path folder;
    private final String slug;
    private final String today;

    /**
     * @param folder where the file is saved (uploads go beside it)
     * @param slug   the value of a {@code slug} widget
     * @param today  the value of {@code updated}: a procedure reviewed long ago is reported
     */
    DecapEntry(Path folder, String slug, String today) {
        this.folder = folder;
        this.slug = slug;
        this.today = today;
    }

    /** The file's text, every field of {@code collection} filled. */
    String write(Map<String, Object> collection) {
        Map<String, Object> front = new LinkedHashMap<>();
        String body = "";
        for (Map<String, Object> w : fields(collection)) {
            if (w.get("name").equals("body")) {
                body = "Nội dung **mẫu** của bài: có chữ *nghiêng* và một danh sách.\n\n- Mục một\n- Mục hai\n";
            } else {
                front.put((String) w.get("name"), value(w));
            }
        }
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(1000).build();
        return "---\n" + new Dump(settings).dumpToString(front) + "---\n" + body;
    }

    private Object value(Map<String, Object> w) {
        String name = (String) w.get("name");
        String widget = (String) w.get("widget");
        return switch (widget) {
            case "string" -> string(w, name);
            case "text" -> "Dòng một: có dấu hai chấm, \"ngoặc kép\" và # dấu thăng.\nDòng hai.";
            case "markdown" -> "Nội dung **mẫu**.";
            case "select" -> Boolean.TRUE.equals(w.get("multiple")) ? optionValues(w)
                    : CHOSEN.getOrDefault(name, optionValues(w).get(0));
            case "datetime" -> name.equals("updated") ? today
                    : DATES.getOrDefault(name, w.get("format").equals("YYYY-MM-DD") ? "2026-02-02" : "2026-02-02 09:15");
            case "boolean" -> !name.equals("draft");
            case "number" -> w.containsKey("default") ? w.get("default") : 10;
            case "image" -> upload(name + "-mau.jpg");
            case "file" -> upload(name + "-mau.pdf");
            case "list" -> list(w);
            case "object" -> object(w);
            default -> throw new AssertionError("a widget the round trip does not fill: " + widget + " (" + name + ")");
        };
    }

    private Object string(Map<String, Object> w, String name) {
        if (name.equals("slug")) {
            return slug;
        }
        Object given = TEXTS.get(name);
        @SuppressWarnings("unchecked")
        List<String> pattern = (List<String>) w.get("pattern");
        Object v = given != null ? given : "Mẫu: " + w.get("label");
        if (pattern != null && !Pattern.compile(pattern.get(0)).matcher(v.toString()).find()) {
            throw new AssertionError(name + ": the sample " + v + " does not match the widget's pattern");
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private Object list(Map<String, Object> w) {
        List<Object> out = new ArrayList<>();
        if (w.containsKey("field")) {
            Map<String, Object> one = (Map<String, Object>) w.get("field");
            out.add(value(one));
            out.add(one.get("widget").equals("string") ? "Mục thứ hai" : value(one));
        } else {
            out.add(object(w));
        }
        return out;
    }

    private Map<String, Object> object(Map<String, Object> w) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map<String, Object> f : fields(w)) {
            m.put((String) f.get("name"), value(f));
        }
        return m;
    }

    private String upload(String name) {
        try {
            Files.createDirectories(folder);
            if (name.endsWith(".jpg")) {
                // the build reads every image: an upload in the image widget is a real one
                Files.write(folder.resolve(name), vn.trang.image.TestImages.jpeg(16, 12));
            } else {
                Files.writeString(folder.resolve(name), "tệp tải lên " + name, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return name;
    }
}
