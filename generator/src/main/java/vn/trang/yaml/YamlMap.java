package vn.trang.yaml;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;

/**
 * A YAML mapping read against a schema, reporting every problem with its file position.
 *
 * <p>We compose YAML to nodes (not Java objects) so each value keeps its line and column, and we
 * interpret scalars ourselves: "1.000894" stays text, "19/4/2019" gets a precise date error with
 * the corrected value ({@link YamlDates}), and nothing is silently coerced. The text is turned
 * into nodes, with its syntax and nesting checked, by {@link YamlSyntax}.
 */
public final class YamlMap {

    private final String file;
    private final int lineOffset;
    private final Diagnostics diagnostics;
    private final Node node;
    private final Map<String, NodeTuple> entries;
    /** Known keys that an unknown (misspelt) key was taken for: not reported again as missing. */
    private final Set<String> suggested = new HashSet<>();

    private YamlMap(String file, int lineOffset, Diagnostics diagnostics, MappingNode node,
                    Map<String, NodeTuple> entries) {
        this.file = file;
        this.lineOffset = lineOffset;
        this.diagnostics = diagnostics;
        this.node = node;
        this.entries = entries;
    }

    /**
     * Parses one YAML document whose root must be a mapping ({@link YamlSyntax}).
     *
     * @param lineOffset how many lines of the file precede the YAML text (front matter starts
     *                   after the opening {@code ---})
     * @return empty after reporting an error when the text is not a YAML mapping
     */
    public static Optional<YamlMap> parse(String text, String file, int lineOffset, Diagnostics d) {
        return YamlSyntax.parse(text, file, lineOffset, d);
    }

    /** The map of an empty document. */
    static YamlMap empty(String file, int lineOffset, Diagnostics d) {
        return new YamlMap(file, lineOffset, d, null, new LinkedHashMap<>());
    }

    static YamlMap of(String file, int lineOffset, Diagnostics d, MappingNode mapping) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        YamlMap map = new YamlMap(file, lineOffset, d, mapping, entries);
        for (NodeTuple t : mapping.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                d.error(map.pos(t.getKeyNode()), "khóa phải là một từ đơn", "khóa dạng chữ thường, ví dụ title",
                        "ví dụ: title: Tiêu đề");
                continue;
            }
            if (entries.containsKey(key.getValue())) {
                d.error(map.pos(key), "khóa '" + key.getValue() + "' bị lặp lại (đã có ở dòng "
                                + map.pos(entries.get(key.getValue()).getKeyNode()).line() + ")",
                        "mỗi khóa chỉ xuất hiện một lần", "xóa một trong hai dòng");
                continue;
            }
            entries.put(key.getValue(), t);
        }
        return map;
    }

    static SourcePos position(String file, int lineOffset, Node n) {
        return n.getStartMark().map(m -> new SourcePos(file, m.getLine() + 1 + lineOffset, m.getColumn() + 1))
                .orElse(new SourcePos(file, lineOffset + 1, 1));
    }

    /**
     * The mapping's nodes with their marks (null for an empty document), for tools that rewrite
     * the text they came from.
     */
    public MappingNode node() {
        return (MappingNode) node;
    }

    /** Position of a node in the file. */
    public SourcePos pos(Node n) {
        return position(file, lineOffset, n);
    }

    /** Position of the whole mapping (its first key). */
    public SourcePos pos() {
        return node == null ? new SourcePos(file, lineOffset + 1, 1) : pos(node);
    }

    /** Position of a key if present, else of the mapping. */
    public SourcePos posOf(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? pos() : pos(t.getKeyNode());
    }

    /** Position of a key's value if present, else of the mapping. */
    public SourcePos valuePos(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? pos() : pos(t.getValueNode());
    }

    /** Where each key's value is written (its key's position when the value is empty). */
    public Map<String, SourcePos> positions() {
        Map<String, SourcePos> out = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            out.put(e.getKey(), isNull(e.getValue().getValueNode()) ? pos(e.getValue().getKeyNode())
                    : pos(e.getValue().getValueNode()));
        }
        return out;
    }

    public String file() {
        return file;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public boolean has(String key) {
        NodeTuple t = entries.get(key);
        return t != null && !isNull(t.getValueNode());
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    /**
     * Reports every key not in the schema, suggesting the nearest known key. Call it before
     * reading values: a misspelt required key is then reported once, as misspelt, not also as
     * missing.
     */
    public void rejectUnknown(Collection<Field> schema, String what) {
        Set<String> known = schema.stream().map(Field::key).collect(Collectors.toCollection(HashSet::new));
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!known.contains(e.getKey())) {
                String suggestion = KeySuggestions.nearest(e.getKey(), known);
                if (suggestion != null && !entries.containsKey(suggestion)) {
                    suggested.add(suggestion);
                }
                String list = schema.stream().map(Field::key).collect(Collectors.joining(", "));
                diagnostics.error(pos(e.getValue().getKeyNode()),
                        "khóa '" + e.getKey() + "' không có trong " + what,
                        "một trong: " + list,
                        suggestion != null ? "có phải ý bạn là '" + suggestion + "'? ví dụ: "
                                + example(schema, suggestion) : "xóa dòng này hoặc sửa tên khóa");
            }
        }
    }

    private static String example(Collection<Field> schema, String key) {
        return schema.stream().filter(f -> f.key().equals(key)).map(Field::example).findFirst().orElse(key + ": …");
    }

    private static boolean isNull(Node n) {
        if (n instanceof ScalarNode s) {
            String v = s.getValue();
            return s.isPlain() && (v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL"));
        }
        return false;
    }

    private static String typeName(Node n) {
        if (n instanceof SequenceNode) {
            return "một danh sách";
        }
        if (n instanceof MappingNode) {
            return "một nhóm khóa: giá trị";
        }
        return "\"" + ((ScalarNode) n).getValue() + "\"";
    }

    /** Returns the value node, reporting a missing required field; null when absent. */
    private Node value(Field f) {
        NodeTuple t = entries.get(f.key());
        if (t == null || isNull(t.getValueNode())) {
            if (f.required() && !(t == null && suggested.contains(f.key()))) {
                SourcePos where = t == null ? pos() : pos(t.getKeyNode());
                diagnostics.error(where, t == null ? "thiếu khóa bắt buộc '" + f.key() + "'"
                                : "khóa bắt buộc '" + f.key() + "' để trống",
                        f.key() + " là " + f.type().description(), "thêm dòng: " + f.example());
            }
            return null;
        }
        return t.getValueNode();
    }

    /** The scalar value of a field; null when absent, or not a scalar (reported). */
    private ScalarNode scalar(Field f) {
        Node n = value(f);
        if (n == null) {
            return null;
        }
        if (n instanceof ScalarNode s) {
            return s;
        }
        wrongType(f, n);
        return null;
    }

    private void wrongType(Field f, Node n) {
        diagnostics.error(pos(n), "'" + f.key() + "' phải là " + f.type().description() + ", nhận được " + typeName(n),
                f.type().description(), "ví dụ: " + f.example());
    }

    private static String nfc(String s) {
        return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** The raw text of a scalar value, without reporting anything; null when absent or not a scalar. */
    public String peek(String key) {
        NodeTuple t = entries.get(key);
        if (t == null || isNull(t.getValueNode()) || !(t.getValueNode() instanceof ScalarNode s)) {
            return null;
        }
        return nfc(s.getValue().strip());
    }

    /** A text value, trimmed and NFC-normalised; null when absent or invalid (already reported). */
    public String text(Field f) {
        ScalarNode s = scalar(f);
        if (s == null) {
            return null;
        }
        String v = nfc(s.getValue().strip());
        if (v.isEmpty() && f.required()) {
            diagnostics.error(pos(s), "khóa bắt buộc '" + f.key() + "' để trống", f.type().description(),
                    "ví dụ: " + f.example());
            return null;
        }
        return v;
    }

    public LocalDate date(Field f) {
        ScalarNode s = scalar(f);
        if (s == null || emptyDate(f, s)) {
            return null;
        }
        String v = s.getValue().strip();
        LocalDate date = YamlDates.date(v);
        if (date == null) {
            reportBadDate(f, s, v);
        }
        return date;
    }

    public LocalDateTime dateTime(Field f) {
        ScalarNode s = scalar(f);
        if (s == null || emptyDate(f, s)) {
            return null;
        }
        String v = s.getValue().strip();
        LocalDateTime dateTime = YamlDates.dateTime(v);
        if (dateTime == null) {
            reportBadDate(f, s, v);
        }
        return dateTime;
    }

    /**
     * An empty date ({@code ""}) is no date: the browser editor writes it for every optional date
     * left unfilled. Required, it is reported as empty.
     */
    private boolean emptyDate(Field f, ScalarNode s) {
        if (!s.getValue().isBlank()) {
            return false;
        }
        if (f.required()) {
            diagnostics.error(pos(s), "khóa bắt buộc '" + f.key() + "' để trống", f.type().description(),
                    "ví dụ: " + f.example());
        }
        return true;
    }

    private void reportBadDate(Field f, Node n, String v) {
        LocalDate meant = YamlDates.dayMonthYear(v);
        String fix = meant == null ? "ví dụ: " + f.example() : "viết " + f.key() + ": " + meant;
        diagnostics.error(pos(n), "'" + f.key() + "' không phải ngày hợp lệ: \"" + v + "\"",
                f.type().description(), fix);
    }

    public Boolean bool(Field f) {
        Node n = value(f);
        if (n == null) {
            return null;
        }
        if (n instanceof ScalarNode s && (s.getValue().equals("true") || s.getValue().equals("false"))) {
            return Boolean.valueOf(s.getValue());
        }
        wrongType(f, n);
        return null;
    }

    public Integer integer(Field f) {
        Node n = value(f);
        if (n == null) {
            return null;
        }
        if (n instanceof ScalarNode s && s.getValue().strip().matches("-?\\d{1,9}")) {
            return Integer.valueOf(s.getValue().strip());
        }
        wrongType(f, n);
        return null;
    }

    /** A list of texts; a single text is accepted as a one-element list. */
    public List<String> textList(Field f) {
        Node n = value(f);
        if (n == null) {
            return List.of();
        }
        if (n instanceof ScalarNode s) {
            String v = nfc(s.getValue().strip());
            return v.isEmpty() ? List.of() : List.of(v);
        }
        if (!(n instanceof SequenceNode seq)) {
            wrongType(f, n);
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Node e : seq.getValue()) {
            if (e instanceof ScalarNode s) {
                String v = nfc(s.getValue().strip());
                if (!v.isEmpty()) {
                    out.add(v);
                }
            } else {
                wrongType(f, e);
            }
        }
        return out;
    }

    /**
     * One element of a list whose elements may be plain texts or mappings (a file name, or
     * {@code {file: …, title: …}}). Exactly one of text and map is set.
     */
    public record Entry(String text, YamlMap map, SourcePos pos) {
    }

    /** The elements of a list of texts or mappings; a single text counts as one element. */
    public List<Entry> entries(Field f) {
        Node n = value(f);
        if (n == null) {
            return List.of();
        }
        List<Node> elements;
        if (n instanceof SequenceNode seq) {
            elements = seq.getValue();
        } else {
            elements = List.of(n);
        }
        List<Entry> out = new ArrayList<>();
        for (Node e : elements) {
            if (e instanceof MappingNode m) {
                out.add(new Entry(null, of(file, lineOffset, diagnostics, m), pos(e)));
            } else if (e instanceof ScalarNode s && !isNull(s)) {
                out.add(new Entry(nfc(s.getValue().strip()), null, pos(e)));
            } else if (!(e instanceof ScalarNode)) {
                wrongType(f, e);
            }
        }
        return out;
    }

    /** A nested mapping, or null. */
    public YamlMap map(Field f) {
        Node n = value(f);
        if (n == null) {
            return null;
        }
        if (n instanceof MappingNode m) {
            return of(file, lineOffset, diagnostics, m);
        }
        wrongType(f, n);
        return null;
    }

    /** A list of nested mappings. */
    public List<YamlMap> mapList(Field f) {
        Node n = value(f);
        if (n == null) {
            return List.of();
        }
        if (!(n instanceof SequenceNode seq)) {
            wrongType(f, n);
            return List.of();
        }
        List<YamlMap> out = new ArrayList<>();
        for (Node e : seq.getValue()) {
            if (e instanceof MappingNode m) {
                out.add(of(file, lineOffset, diagnostics, m));
            } else {
                wrongType(f, e);
            }
        }
        return out;
    }
}
