package vn.trang.editor;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Whether Decap CMS can open a file's front matter with the fields {@link SectionCollection}
 * generates, and the text that says the same in the form it reads.
 *
 * <p>The parser accepts short forms the editor cannot read: a single value where the widget is a
 * list ({@code result: Giấy phép}: the list widget crashes on it), a bare text in a list of
 * groups ({@code legal_basis: [50/2014/QH13]}), a procedure's papers without their case, a number
 * or a boolean Decap's YAML reads as other than the text written ({@code code: 1.000890} becomes
 * 1.00089), a quoted {@code "true"} for a switch, a select's value in a spelling the parser
 * accepts but the options lack ({@code level: 3}). Each is a {@link Finding} with its long form;
 * the long form means what the short one did to the parser, so rewriting changes no page.
 *
 * <p>Driven by the generated fields themselves (widget, {@code field}/{@code fields},
 * {@code options}), so the check follows any change to {@link Widgets}.
 */
public final class WidgetShapes {

    /**
     * One value the editor reads otherwise than the parser.
     *
     * @param line   0-based line in the YAML text
     * @param column 0-based column
     */
    public record Finding(int line, int column, String key, String problem, String expected) {
    }

    /** A replacement of the YAML text between two offsets. */
    public record Edit(int start, int end, String text) {
    }

    /**
     * @param edits      the rewrite, in text order, not overlapping
     * @param unfixable  values to rewrite by hand (behind an anchor or alias)
     */
    public record Result(List<Finding> findings, List<Edit> edits, List<Finding> unfixable) {

        public boolean editorReads() {
            return findings.isEmpty() && unfixable.isEmpty();
        }
    }

    private final YamlSpans spans;
    private final String nl;
    private final List<Finding> findings = new ArrayList<>();
    private final List<Finding> unfixable = new ArrayList<>();
    private final Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, Object> anchors = new HashMap<>();

    private WidgetShapes(String yaml) {
        this.spans = new YamlSpans(yaml);
        this.nl = spans.lineBreak();
    }

    /**
     * @param fields the collection's fields as generated (or read back from config.yml)
     * @param root   the front matter's mapping, composed from {@code yaml} with marks
     * @param yaml   the front matter's text (between the {@code ---} lines), as in the file
     */
    public static Result check(List<Map<String, Object>> fields, MappingNode root, String yaml) {
        WidgetShapes w = new WidgetShapes(yaml);
        w.collectAnchors(fields);
        List<Edit> edits = w.entries(root, byName(fields), false);
        return new Result(List.copyOf(w.findings), edits, List.copyOf(w.unfixable));
    }

    private static Map<String, Map<String, Object>> byName(List<Map<String, Object>> fields) {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        fields.forEach(f -> m.put(String.valueOf(f.get("name")), f));
        return m;
    }

    @SuppressWarnings("unchecked")
    private void collectAnchors(Object o) {
        if (o instanceof YamlText.Anchor a) {
            anchors.put(a.name(), a.value());
            collectAnchors(a.value());
        } else if (o instanceof Map<?, ?> m) {
            m.values().forEach(this::collectAnchors);
        } else if (o instanceof List<?> l) {
            l.forEach(this::collectAnchors);
        }
    }

    /** The edits inside a mapping, one per value that changes. */
    private List<Edit> entries(MappingNode m, Map<String, Map<String, Object>> fields, boolean flow) {
        List<Edit> edits = new ArrayList<>();
        boolean inFlow = flow || YamlSpans.flow(m);
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key) || isNull(t.getValueNode())) {
                continue;
            }
            Map<String, Object> field = fields.get(key.getValue());
            if (field == null) {
                continue; // not the editor's: the parser reports an unknown key
            }
            Node value = t.getValueNode();
            String text = value(value, field, inFlow, spans.column(key));
            if (text != null) {
                int start = spans.start(value);
                if (text.startsWith(nl)) {
                    // "key: x" becomes "key:" and the list below it
                    while (start > 0 && (spans.text().charAt(start - 1) == ' ' || spans.text().charAt(start - 1) == '\t')) {
                        start--;
                    }
                }
                edits.add(new Edit(start, spans.end(value), text));
            }
        }
        return edits;
    }

    /** The value's new text, or null when the editor reads it as it is. */
    private String value(Node n, Map<String, Object> field, boolean flow, int keyColumn) {
        if (!seen.add(n)) {
            if (!changeless(n, field, flow, keyColumn)) {
                unfixable.add(finding(n, field, "giá trị lặp lại qua bí danh YAML (*tên): trình soạn thảo không giữ được",
                        "viết giá trị ra ở từng khóa"));
            }
            return null;
        }
        return shape(n, field, flow, keyColumn);
    }

    private String shape(Node n, Map<String, Object> field, boolean flow, int keyColumn) {
        Object widget = field.get("widget");
        if ("list".equals(widget) || "select".equals(widget) && Boolean.TRUE.equals(field.get("multiple"))) {
            return ListShapes.list(this, n, field, flow, keyColumn);
        }
        return switch (String.valueOf(widget)) {
            case "object" -> n instanceof MappingNode m ? splice(m, entries(m, byName(fields(field)), flow))
                    : n instanceof ScalarNode s ? ListShapes.bare(this, s, field, flow) : null;
            case "boolean" -> bool(n, field);
            case "number" -> integer(n, field);
            case "select" -> select(n, field);
            case "datetime" -> null; // Decap reads the dates the parser accepts as the text written
            default -> text(n, field);
        };
    }

    /** Whether a value met again (through an alias) would need no change. */
    private boolean changeless(Node n, Map<String, Object> field, boolean flow, int keyColumn) {
        WidgetShapes again = new WidgetShapes(spans.text());
        again.anchors.putAll(anchors);
        return again.shape(n, field, flow, keyColumn) == null && again.unfixable.isEmpty();
    }

    private String text(Node n, Map<String, Object> field) {
        if (n instanceof ScalarNode s && s.getScalarStyle() == ScalarStyle.PLAIN && !DecapScalars.readsAsText(s.getValue())
                && !DecapScalars.isNull(s.getValue())) {
            return fixed(s, field, "'" + s.getValue() + "' không có ngoặc kép: trình soạn thảo đọc thành "
                    + DecapScalars.readAs(s.getValue()) + ", không phải chữ", DecapScalars.quoted(s.getValue()));
        }
        return null;
    }

    private String bool(Node n, Map<String, Object> field) {
        if (n instanceof ScalarNode s && s.getScalarStyle() != ScalarStyle.PLAIN
                && (s.getValue().equals("true") || s.getValue().equals("false"))) {
            return fixed(s, field, "\"" + s.getValue() + "\" trong ngoặc kép: trình soạn thảo đọc thành chữ, không phải đúng/sai",
                    s.getValue());
        }
        return null;
    }

    private String integer(Node n, Map<String, Object> field) {
        if (n instanceof ScalarNode s && s.getScalarStyle() != ScalarStyle.PLAIN && s.getValue().strip().matches("-?\\d{1,9}")) {
            String number = Integer.valueOf(s.getValue().strip()).toString();
            return fixed(s, field, "số \"" + s.getValue() + "\" trong ngoặc kép: trình soạn thảo đọc thành chữ", number);
        }
        return null;
    }

    private String select(Node n, Map<String, Object> field) {
        if (!(n instanceof ScalarNode s)) {
            return null;
        }
        List<String> options = options(field);
        String value = Normalizer.normalize(s.getValue().strip(), Normalizer.Form.NFC);
        if (options.contains(value)) {
            return s.getScalarStyle() == ScalarStyle.PLAIN ? text(n, field) : null;
        }
        String canonical = SelectValues.canonical(String.valueOf(field.get("name")), value);
        String key = String.valueOf(field.get("name"));
        if (canonical != null && !canonical.equals(value) && SelectValues.keptOutsideOptions(key, canonical)) {
            // A legacy level's own spelling, not its current equivalent: rewriting "3" as
            // mot-phan would drop what the source declared, which the page shows.
            return fixed(s, field, "'" + value + "' là cách viết khác của mức độ cũ", DecapScalars.written(canonical));
        }
        if (canonical != null && !canonical.equals(value) && options.contains(canonical)) {
            return fixed(s, field, "'" + value + "' không có trong danh sách chọn của trình soạn thảo (ô chọn sẽ trống)",
                    DecapScalars.written(canonical));
        }
        return null; // a value the parser refuses, or a document outside the catalog: the build says so
    }

    @SuppressWarnings("unchecked")
    private List<String> options(Map<String, Object> field) {
        Object o = field.get("options");
        if (o instanceof YamlText.Anchor a) {
            o = a.value();
        } else if (o instanceof YamlText.Alias a) {
            o = anchors.get(a.name());
        }
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            for (Object e : l) {
                out.add(String.valueOf(e instanceof Map<?, ?> m ? ((Map<String, Object>) m).get("value") : e));
            }
        }
        return out;
    }

    /** Records a value's long form, when its text can be replaced. */
    String fixed(Node n, Map<String, Object> field, String problem, String longForm) {
        return fixed(n, field, problem, longForm, longForm);
    }

    /** As {@link #fixed(Node, Map, String, String)}, when the text differs from the form shown in the message. */
    String fixed(Node n, Map<String, Object> field, String problem, String shown, String longForm) {
        Finding f = finding(n, field, problem, shown);
        if (spans.decorated(n)) {
            unfixable.add(f);
            return null;
        }
        findings.add(f);
        return longForm;
    }

    Finding finding(Node n, Map<String, Object> field, String problem, String expected) {
        return new Finding(spans.line(n), spans.column(n), String.valueOf(field.get("name")), problem, expected);
    }

    /** The text of a scalar as one item or value elsewhere: as written when it fits on its line, else quoted. */
    String moved(ScalarNode s, Map<String, Object> field) {
        String own = shape(s, field, false, 0);
        if (own != null) {
            return own;
        }
        return spans.oneLine(s) && !spans.decorated(s) ? spans.of(s) : DecapScalars.quoted(s.getValue());
    }

    /** The collection's text with its children's edits. */
    String splice(Node n, List<Edit> edits) {
        if (edits.isEmpty()) {
            return null;
        }
        String text = spans.text();
        int from = spans.start(n);
        StringBuilder sb = new StringBuilder();
        int at = from;
        for (Edit e : edits) {
            sb.append(text, at, e.start()).append(e.text());
            at = e.end();
        }
        return sb.append(text, at, spans.end(n)).toString();
    }

    /** The edits of a sequence's items, each read with {@code item}. */
    List<Edit> items(SequenceNode seq, Map<String, Object> item, boolean flow) {
        List<Edit> edits = new ArrayList<>();
        for (Node e : seq.getValue()) {
            if (isNull(e)) {
                continue;
            }
            String text = value(e, item, flow || YamlSpans.flow(seq), spans.column(e));
            if (text != null) {
                edits.add(new Edit(spans.start(e), spans.end(e), text));
            }
        }
        return edits;
    }

    YamlSpans spans() {
        return spans;
    }

    String lineBreak() {
        return nl;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> fields(Map<String, Object> field) {
        Object f = field.get("fields");
        return f instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.getScalarStyle() == ScalarStyle.PLAIN && DecapScalars.isNull(s.getValue());
    }
}
