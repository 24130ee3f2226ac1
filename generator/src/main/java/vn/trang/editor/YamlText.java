package vn.trang.editor;

import java.util.List;
import java.util.Map;

import vn.trang.text.Json;

/**
 * Writes a tree of maps, lists, strings, numbers and booleans as block YAML, every string in
 * double quotes (JSON's escapes are YAML's): a Vietnamese label, a regular expression or "1.0"
 * stays a string whatever it contains, and the file reads like the configurations in Decap's
 * documentation.
 */
final class YamlText {

    /** A value written once with a name ({@code &name}), which {@link Alias}es repeat. */
    record Anchor(String name, Object value) {
    }

    /** The value of an {@link Anchor} written earlier ({@code *name}). */
    record Alias(String name) {
    }

    private YamlText() {
    }

    static String write(Map<String, ?> root) {
        StringBuilder sb = new StringBuilder();
        map(root, 0, sb);
        return sb.toString();
    }

    private static void map(Map<String, ?> m, int indent, StringBuilder sb) {
        boolean first = true;
        for (Map.Entry<String, ?> e : m.entrySet()) {
            if (!first) {
                pad(indent, sb);
            }
            first = false;
            sb.append(e.getKey()).append(':');
            value(e.getValue(), indent, sb);
        }
    }

    /** After "key:" or "- ": a scalar on the same line, a map or list on the next ones. */
    private static void value(Object v, int indent, StringBuilder sb) {
        if (v instanceof Anchor a) {
            sb.append(" &").append(a.name());
            value(a.value(), indent, sb);
        } else if (v instanceof Alias a) {
            sb.append(" *").append(a.name()).append('\n');
        } else if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            sb.append('\n');
            pad(indent + 2, sb);
            @SuppressWarnings("unchecked")
            Map<String, ?> typed = (Map<String, ?>) m;
            map(typed, indent + 2, sb);
        } else if (v instanceof List<?> l && !l.isEmpty()) {
            sb.append('\n');
            for (Object o : l) {
                pad(indent + 2, sb);
                sb.append('-');
                if (o instanceof Map<?, ?> m && !m.isEmpty()) {
                    sb.append(' ');
                    @SuppressWarnings("unchecked")
                    Map<String, ?> typed = (Map<String, ?>) m;
                    map(typed, indent + 4, sb);
                } else {
                    value(o, indent + 2, sb);
                }
            }
        } else {
            sb.append(' ').append(scalar(v)).append('\n');
        }
    }

    private static String scalar(Object v) {
        if (v instanceof Map<?, ?>) {
            return "{}";
        }
        if (v instanceof List<?>) {
            return "[]";
        }
        if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            return v.toString();
        }
        return Json.write(v == null ? "" : v.toString());
    }

    private static void pad(int indent, StringBuilder sb) {
        sb.append(" ".repeat(indent));
    }
}
