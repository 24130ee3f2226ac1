package vn.trang.editor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.trang.legal.DocumentNumber;
import vn.trang.link.IssuingPower;
import vn.trang.model.RelationType;
import vn.trang.parse.schema.DocumentNumbers;
import vn.trang.parse.schema.ProcedureSchema;
import vn.trang.yaml.Field;

/**
 * The Decap CMS widget for each front-matter key: chosen by the key where the parser checks
 * more than the type (enumerations, number formats, files beside the Markdown, relations), else
 * by the key's type. Nested keys (a document's files, a procedure's channels) are written out
 * here; the round-trip test parses what they produce, so they cannot drift from the parser.
 */
final class Widgets {

    /** Dates as the parser reads them ({@code vn.trang.yaml.YamlDates}); shown day first. */
    static final String DATE_FORMAT = "YYYY-MM-DD";
    static final String DATE_TIME_FORMAT = "YYYY-MM-DD HH:mm";
    private static final String URL_PATTERN = "^https?://\\S+$";
    private static final String SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";

    private static final String DOCUMENTS_ANCHOR = "van-ban";
    private static final String ENDABLE_ANCHOR = "van-ban-trang-nay-va-cap-duoi";

    private final List<Map<String, Object>> documents;
    private final List<Map<String, Object>> endable;

    /**
     * @param documents the catalog's documents a relation may name ({@link Choices#documents})
     * @param endable   those a document of this site may replace, repeal or suspend: the build
     *                  refuses the others (vn.trang.link.IssuingPower)
     */
    Widgets(List<Map<String, Object>> documents, List<Map<String, Object>> endable) {
        this.documents = documents;
        this.endable = endable;
    }

    /** The editor's field for one key of a schema. */
    Map<String, Object> of(Field f) {
        Map<String, Object> w = base(f.key(), f.required());
        switch (f.key()) {
            case "summary", "conditions", "description" -> w.put("widget", "text");
            case "slug" -> string(w, SLUG_PATTERN, "chỉ chữ thường không dấu, số và dấu '-'");
            case "category" -> select(w, Choices.newsCategories());
            case "image" -> w.put("widget", "image");
            case "number" -> number(w);
            case "doc_type" -> select(w, Choices.documentTypes());
            case "status" -> select(w, Choices.statuses());
            case "url", "online_url", "source_url" -> string(w, URL_PATTERN, "địa chỉ phải bắt đầu bằng https://");
            case "code" -> string(w, "^" + ProcedureSchema.CODE_PATTERN + "$",
                    "mã dạng 1.000894 hoặc 1.000894.000.00.00.H38");
            case "level" -> select(w, Choices.serviceLevels());
            case "implementing_level" -> {
                select(w, Choices.implementingLevels());
                w.put("multiple", true);
            }
            case "lang", "language" -> select(w, Choices.languages());
            case "translation_of" -> string(w, "^[a-z0-9]+(-[a-z0-9]+)*$", "tên tệp không có .md, ví dụ gioi-thieu");
            case "files", "forms" -> list(w, List.of(file("file", true), string("title", false)));
            case "relations" -> relations(w);
            case "steps" -> {
                w.put("widget", "list");
                w.put("field", text("step"));
            }
            case "channels" -> list(w, List.of(select(base("type", true), Choices.channelTypes()),
                    string("processing_time", false), string("fee", false), text("description")));
            case "agencies" -> object(w, List.of(strings("performing"), strings("competent"), strings("authorised"),
                    strings("coordinating")));
            case "dossier" -> startsEmpty(list(w, List.of(string("case", false), list(base("papers", true), List.of(
                    string("name", true), file("form", false), count("originals", 1), count("copies", 0),
                    string("note", false))))));
            case "decision" -> kept(w);
            case "legal_basis" -> startsEmpty(list(w, List.of(kept(base("number", true)), string("title", false),
                    date(base("issued", false), DATE_FORMAT))));
            case "menu" -> {
                w.put("widget", "boolean");
                w.put("default", true); // as the parser: a page is in the menu unless it says not
            }
            default -> byType(f, w);
        }
        return w;
    }

    /** The Markdown body, below the front matter. */
    static Map<String, Object> body() {
        Map<String, Object> w = base("body", false);
        w.put("widget", "markdown");
        return w;
    }

    private static void byType(Field f, Map<String, Object> w) {
        switch (f.type()) {
            case DATE -> date(w, DATE_FORMAT);
            case DATE_TIME -> date(w, DATE_TIME_FORMAT);
            case BOOLEAN -> {
                w.put("widget", "boolean");
                w.put("default", false);
            }
            case INTEGER -> {
                w.put("widget", "number");
                w.put("value_type", "int");
            }
            case TEXT_LIST -> {
                w.put("widget", "list");
                w.put("field", string("item", true));
            }
            default -> w.put("widget", "string");
        }
    }

    private void number(Map<String, Object> w) {
        string(w, DocumentNumber.writtenPattern(),
                "số hiệu dạng 25/2025/QĐ-UBND, 06/CT-UBND, 1234/UBND-VX hoặc 60-NQ/TW (không ghi chữ \"Số\")");
    }

    /** A number the parser keeps even in an older format ("73-CP"): a procedure's decision and bases. */
    private static Map<String, Object> kept(Map<String, Object> w) {
        string(w, DocumentNumbers.keptPattern(), "số hiệu văn bản, ví dụ 1234/QĐ-UBND, 15/2021/NĐ-CP (số cũ như 73-CP cũng được)");
        return w;
    }

    /**
     * Each relation type a list of documents chosen from the catalog (a number when it is empty);
     * those that end or suspend a document from this site's documents and those of the sites
     * below it, as the build allows.
     */
    private void relations(Map<String, Object> w) {
        List<Map<String, Object>> types = new ArrayList<>();
        // a province's catalog is long: each list is written once, the other relation types name it
        Set<String> written = new HashSet<>();
        boolean narrower = !endable.equals(documents);
        for (RelationType t : RelationType.values()) {
            boolean ends = t.effect() != RelationType.Effect.NONE && narrower;
            List<Map<String, Object>> options = ends ? endable : documents;
            String anchor = ends ? ENDABLE_ANCHOR : DOCUMENTS_ANCHOR;
            Map<String, Object> number = base("number", true);
            if (options.isEmpty()) {
                number(number);
            } else {
                number.put("widget", "select");
                number.put("options", written.add(anchor) ? new YamlText.Anchor(anchor, options)
                        : new YamlText.Alias(anchor));
            }
            if (ends) {
                number.put("hint", "Chỉ văn bản đăng trên trang này hoặc trang cấp dưới: văn bản của cấp trên hay của "
                        + "đơn vị khác không được " + IssuingPower.verb(t) + " từ trang này (trang build báo lỗi).");
            }
            Map<String, Object> issuer = string("issuer", false);
            // the linker then looks for this number from this issuer only
            issuer.put("hint", "Chỉ ghi khi hai văn bản trùng số hiệu: đúng tên cơ quan ban hành văn bản được chọn.");
            Map<String, Object> type = list(base(t.key(), false), List.of(number, issuer,
                    boolean_("partial"), string("note", false)));
            type.put("label", t.outwardLabel());
            type.put("summary", "{{fields.number}}");
            types.add(type);
        }
        object(w, types);
    }

    static Map<String, Object> base(String key, boolean required) {
        FieldLabels.Label l = FieldLabels.of(key);
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("label", l.label());
        w.put("name", key);
        w.put("required", required);
        if (l.hint() != null) {
            w.put("hint", l.hint());
        }
        return w;
    }

    private static Map<String, Object> string(String key, boolean required) {
        Map<String, Object> w = base(key, required);
        w.put("widget", "string");
        return w;
    }

    private static void string(Map<String, Object> w, String pattern, String message) {
        w.put("widget", "string");
        w.put("pattern", List.of(pattern, message));
    }

    private static Map<String, Object> text(String key) {
        Map<String, Object> w = base(key, false);
        w.put("widget", "text");
        return w;
    }

    private static Map<String, Object> strings(String key) {
        Map<String, Object> w = base(key, false);
        w.put("widget", "list");
        w.put("field", string("item", true));
        return w;
    }

    /**
     * A switch inside a list item, without a default (see {@link #startsEmpty}): left off, the key
     * is absent, which the parser reads as false, and the eleven relation lists stay empty.
     */
    private static Map<String, Object> boolean_(String key) {
        Map<String, Object> w = base(key, false);
        w.put("widget", "boolean");
        return w;
    }

    private static Map<String, Object> count(String key, int byDefault) {
        Map<String, Object> w = base(key, false);
        w.put("widget", "number");
        w.put("value_type", "int");
        w.put("min", 0);
        w.put("max", 99);
        w.put("default", byDefault);
        return w;
    }

    /** A file saved beside the Markdown file (the collection's media folder is its own folder). */
    private static Map<String, Object> file(String key, boolean required) {
        Map<String, Object> w = base(key, required);
        w.put("widget", "file");
        return w;
    }

    private static Map<String, Object> select(Map<String, Object> w, List<Map<String, Object>> options) {
        w.put("widget", "select");
        w.put("options", options);
        return w;
    }

    private static Map<String, Object> date(Map<String, Object> w, String format) {
        w.put("widget", "datetime");
        w.put("format", format);
        w.put("date_format", "DD/MM/YYYY");
        w.put("time_format", format.equals(DATE_FORMAT) ? (Object) false : "HH:mm");
        if (!Boolean.TRUE.equals(w.get("required"))) {
            w.put("default", ""); // Decap fills today's date otherwise
        }
        return w;
    }

    private static Map<String, Object> list(Map<String, Object> w, List<Map<String, Object>> fields) {
        w.put("widget", "list");
        w.put("collapsed", true);
        w.put("fields", fields);
        return w;
    }

    /**
     * A list a new item starts without. Decap starts a new item with one entry in every list
     * whose items have a field with a default (here the counts, an empty optional date), and
     * that entry's empty required fields then block saving; entries added later keep the defaults.
     */
    private static Map<String, Object> startsEmpty(Map<String, Object> list) {
        list.put("default", List.of());
        return list;
    }

    private static void object(Map<String, Object> w, List<Map<String, Object>> fields) {
        w.put("widget", "object");
        w.put("collapsed", true);
        w.put("fields", fields);
    }
}
