package vn.trang.editor;

import java.util.HashSet;
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
 * The list widgets' shapes ({@link WidgetShapes}): Decap's list maps over its value, so a single
 * value crashes it; a list of groups needs groups, not bare texts; a procedure's dossier lists
 * cases, each with its papers. The long forms keep the style around them: a block list under a
 * block key, {@code [ ]} and {@code { }} inside flow ones.
 */
final class ListShapes {

    private ListShapes() {
    }

    /** The new text of a list widget's value, or null when the editor reads it as it is. */
    static String list(WidgetShapes w, Node n, Map<String, Object> field, boolean flow, int keyColumn) {
        Map<String, Object> item = item(field);
        if (n instanceof ScalarNode s) {
            if (s.getScalarStyle() != ScalarStyle.PLAIN && s.getValue().isBlank()) {
                return w.fixed(s, field, "chuỗi rỗng ở khóa là danh sách: trình soạn thảo cần một danh sách", "[]");
            }
            String one = "object".equals(item.get("widget")) ? group(w, s, item, flow) : w.moved(s, item);
            String longForm = flow ? "[" + one + "]"
                    : w.lineBreak() + " ".repeat(keyColumn + 2) + "- " + one;
            return w.fixed(s, field, "'" + field.get("name") + "' là một giá trị đơn: trình soạn thảo cần một danh sách"
                    + " (mở tệp sẽ báo lỗi)", flow ? longForm : "- " + one + " (mỗi phần tử một dòng)", longForm);
        }
        if (!(n instanceof SequenceNode seq)) {
            return null; // the parser reports it
        }
        if ("object".equals(item.get("widget"))) {
            String cases = casesOf(w, seq, item, field, flow);
            if (cases != null) {
                return cases;
            }
        }
        return w.splice(seq, w.items(seq, item, flow));
    }

    /** A bare text in a list of groups: the group with the text as its first field, as the parser reads it. */
    static String bare(WidgetShapes w, ScalarNode s, Map<String, Object> item, boolean flow) {
        String text = group(w, s, item, flow);
        String first = String.valueOf(WidgetShapes.fields(item).get(0).get("name"));
        return w.fixed(s, item, "'" + s.getValue() + "' chỉ là chuỗi: trình soạn thảo cần một nhóm khóa có " + first,
                flow ? text : "- " + text, text);
    }

    private static String group(WidgetShapes w, ScalarNode s, Map<String, Object> item, boolean flow) {
        Map<String, Object> first = WidgetShapes.fields(item).get(0);
        String entry = first.get("name") + ": " + w.moved(s, first);
        return flow ? "{" + entry + "}" : entry;
    }

    /**
     * A dossier written as its papers (one case without a name, to the parser): the one case with
     * those papers. Recognised from the fields: no item has a key of the list's own groups, and
     * one nested list of groups has every key of every item.
     */
    private static String casesOf(WidgetShapes w, SequenceNode seq, Map<String, Object> item,
                                  Map<String, Object> field, boolean flow) {
        List<Map<String, Object>> own = WidgetShapes.fields(item);
        Set<String> ownNames = names(own);
        Map<String, Object> nested = null;
        for (Map<String, Object> f : own) {
            if ("list".equals(f.get("widget")) && f.get("fields") != null) {
                if (nested != null) {
                    return null;
                }
                nested = f;
            }
        }
        if (nested == null || seq.getValue().isEmpty()) {
            return null;
        }
        Set<String> nestedNames = names(WidgetShapes.fields(nested));
        for (Node e : seq.getValue()) {
            if (!(e instanceof MappingNode m)) {
                return null;
            }
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
                if (ownNames.contains(key) || !nestedNames.contains(key)) {
                    return null;
                }
            }
        }
        String inner = w.splice(seq, w.items(seq, item(nested), flow));
        if (inner == null) {
            inner = w.spans().of(seq);
        }
        String name = String.valueOf(nested.get("name"));
        String longForm;
        if (flow || YamlSpans.flow(seq)) {
            longForm = "[{" + name + ": " + inner + "}]";
        } else {
            int column = w.spans().column(seq);
            longForm = "- " + name + ":" + w.lineBreak() + " ".repeat(column + 4) + indented(inner, 4);
        }
        return w.fixed(seq, field, "'" + field.get("name") + "' ghi thẳng các giấy tờ: trình soạn thảo cần ghi theo "
                + "trường hợp, các giấy tờ trong " + name, "- " + name + ": (các giấy tờ thụt vào dưới)", longForm);
    }

    /** Every line after the first moved right by {@code by} columns (blank lines stay blank). */
    private static String indented(String text, int by) {
        StringBuilder sb = new StringBuilder();
        int at = 0;
        while (at < text.length()) {
            int nl = text.indexOf('\n', at);
            int end = nl < 0 ? text.length() : nl + 1;
            String line = text.substring(at, end);
            if (at > 0 && !line.isBlank()) {
                sb.append(" ".repeat(by));
            }
            sb.append(line);
            at = end;
        }
        return sb.toString();
    }

    /** What each item of a list widget is read with. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> item(Map<String, Object> field) {
        if (field.get("field") instanceof Map<?, ?> one) {
            return (Map<String, Object>) one;
        }
        Map<String, Object> item = new LinkedHashMap<>(field);
        if (field.get("fields") != null) {
            item.put("widget", "object");
        } else {
            item.remove("multiple"); // a select of several: each item one option
            if (!"select".equals(item.get("widget"))) {
                item.put("widget", "string");
            }
        }
        return item;
    }

    private static Set<String> names(List<Map<String, Object>> fields) {
        Set<String> out = new HashSet<>();
        fields.forEach(f -> out.add(String.valueOf(f.get("name"))));
        return out;
    }
}
