package vn.trang.yaml;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.text.ControlChars;

/**
 * A YAML mapping read against a schema, reporting every problem with its file position.
 *
 * <p>We compose YAML to nodes (not Java objects) so each value keeps its line and column, and we
 * interpret scalars ourselves: "1.000894" stays text, "19/4/2019" gets a precise date error with
 * the corrected value, and nothing is silently coerced.
 */
public final class YamlMap {

    private static final Pattern DMY = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");
    private static final Pattern ISO_DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2})(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?");

    private final String file;
    private final int lineOffset;
    private final Diagnostics diagnostics;
    private final Node node;
    private final Map<String, NodeTuple> entries;
    private final Set<String> read = new HashSet<>();
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
     * Parses one YAML document whose root must be a mapping.
     *
     * @param lineOffset how many lines of the file precede the YAML text (front matter starts
     *                   after the opening {@code ---})
     * @return empty after reporting an error when the text is not a YAML mapping
     */
    public static Optional<YamlMap> parse(String text, String file, int lineOffset, Diagnostics d) {
        Node root;
        try {
            // the whole text in the reader's buffer: a long scalar grows a smaller one by copying
            // it again and again (a 2 MB value took 9 s)
            LoadSettings settings = LoadSettings.builder().setLabel(file).setUseMarks(true)
                    .setBufferSize(Math.max(1024, text.length() + 1)).build();
            Composer composer = new Composer(settings,
                    new DepthLimited(new ParserImpl(settings, new StreamReader(settings, text))));
            root = composer.getSingleNode().orElse(null);
        } catch (DepthLimited.TooDeep e) {
            SourcePos pos = e.mark == null ? new SourcePos(file, lineOffset + 1, 1)
                    : new SourcePos(file, e.mark.getLine() + 1 + lineOffset, e.mark.getColumn() + 1);
            d.error(pos, "YAML lồng nhau quá " + MAX_DEPTH + " tầng",
                    "tối đa " + MAX_DEPTH + " tầng danh sách và nhóm khóa: giá trị lồng trong nhau",
                    "bớt các tầng '[', '{' hoặc thụt lề; kiểm tra ngoặc mở mà không đóng");
            return Optional.empty();
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().or(e::getContextMark).orElse(null);
            SourcePos pos = m == null ? new SourcePos(file, lineOffset + 1, 1)
                    : new SourcePos(file, m.getLine() + 1 + lineOffset, m.getColumn() + 1);
            d.error(pos, "YAML sai cú pháp: " + describe(e),
                    "mỗi dòng dạng \"khóa: giá trị\"; chuỗi có dấu ':' hoặc '#' phải đặt trong ngoặc kép",
                    "kiểm tra dòng này và dòng ngay trên; ví dụ: title: \"Thông báo: lịch tiếp công dân\"");
            return Optional.empty();
        } catch (YamlEngineException e) {
            d.error(new SourcePos(file, lineOffset + 1, 1), "YAML sai cú pháp: " + e.getMessage(),
                    "YAML hợp lệ", "kiểm tra cú pháp YAML");
            return Optional.empty();
        }
        if (root == null) {
            return Optional.of(new YamlMap(file, lineOffset, d, null, new LinkedHashMap<>()));
        }
        if (!withoutControlCharacters(root, file, lineOffset, d)) {
            return Optional.empty();
        }
        if (!(root instanceof MappingNode mapping)) {
            d.error(position(file, lineOffset, root), "phần đầu YAML phải là các dòng \"khóa: giá trị\"",
                    FieldType.MAP.description(), "ví dụ: title: Tiêu đề");
            return Optional.empty();
        }
        return Optional.of(of(file, lineOffset, d, mapping));
    }

    /** Collections one inside another, at most (the composer recurses once per level). */
    public static final int MAX_DEPTH = 32;

    /**
     * Reports each value or key holding a control character: double-quoted escapes ("\e", "\0",
     * "\a", "\x85") make them, and one in a title makes the site's RSS feed unreadable.
     */
    private static boolean withoutControlCharacters(Node root, String file, int lineOffset, Diagnostics d) {
        boolean clean = true;
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
        java.util.Set<Node> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        todo.push(root);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!seen.add(n)) {
                continue; // an alias: already looked at
            }
            if (n instanceof ScalarNode s) {
                int at = ControlChars.firstForbidden(s.getValue());
                if (at >= 0) {
                    clean = false;
                    d.error(position(file, lineOffset, n), "giá trị có ký tự điều khiển "
                                    + ControlChars.describe(s.getValue().charAt(at)) + " (thường do mã thoát như \\e, \\0, \\a trong ngoặc kép)",
                            "chữ, số, dấu câu; xuống dòng viết \\n",
                            "xóa mã thoát hoặc ký tự lạ khỏi giá trị này");
                }
            } else if (n instanceof SequenceNode seq) {
                seq.getValue().forEach(todo::push);
            } else if (n instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    todo.push(t.getValueNode());
                    todo.push(t.getKeyNode());
                }
            }
        }
        return clean;
    }

    /**
     * The YAML events with collections counted: past {@link #MAX_DEPTH} levels it stops, before
     * the composer, which recurses once per level, overflows the stack.
     */
    private static final class DepthLimited implements Parser {
        private final Parser parser;
        private int depth;

        DepthLimited(Parser parser) {
            this.parser = parser;
        }

        static final class TooDeep extends RuntimeException {
            final Mark mark;

            TooDeep(Mark mark) {
                super("YAML lồng quá sâu", null, false, false);
                this.mark = mark;
            }
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return parser.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return parser.hasNext();
        }

        @Override
        public Event next() {
            Event e = parser.next();
            switch (e.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > MAX_DEPTH) {
                        throw new TooDeep(e.getStartMark().orElse(null));
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                default -> {
                }
            }
            return e;
        }
    }

    private static String describe(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        return (context.isEmpty() ? problem : context + ", " + problem).replaceAll("\\s+", " ").trim();
    }

    private static YamlMap of(String file, int lineOffset, Diagnostics d, MappingNode mapping) {
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

    private static SourcePos position(String file, int lineOffset, Node n) {
        return n.getStartMark().map(m -> new SourcePos(file, m.getLine() + 1 + lineOffset, m.getColumn() + 1))
                .orElse(new SourcePos(file, lineOffset + 1, 1));
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
                String suggestion = nearest(e.getKey(), known);
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

    private static String nearest(String key, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int dist = levenshtein(key.toLowerCase(), k);
            if (dist < bestDistance) {
                bestDistance = dist;
                best = k;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 3) ? best : null;
    }

    private static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
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
        read.add(f.key());
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
        if (s == null) {
            return null;
        }
        String v = s.getValue().strip();
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            reportBadDate(f, s, v);
            return null;
        }
    }

    public LocalDateTime dateTime(Field f) {
        ScalarNode s = scalar(f);
        if (s == null) {
            return null;
        }
        String v = s.getValue().strip();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay();
            }
            Matcher m = ISO_DATE_TIME.matcher(v);
            if (m.matches()) {
                // A UTC offset, when given, is dropped: every site displays Vietnam's local time.
                String secs = m.group(3) == null ? ":00" : m.group(3).substring(0, 3);
                return LocalDateTime.parse(m.group(1) + "T" + m.group(2) + secs);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        reportBadDate(f, s, v);
        return null;
    }

    private void reportBadDate(Field f, Node n, String v) {
        String fix = "ví dụ: " + f.example();
        Matcher m = DMY.matcher(v);
        if (m.matches()) {
            try {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1)));
                fix = "viết " + f.key() + ": " + d;
            } catch (RuntimeException ignored) {
                // not a real day either: keep the generic example
            }
        }
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
