package vn.trang.procedure;

import java.util.List;
import java.util.regex.Pattern;

import vn.trang.yaml.YamlQuoted;

/**
 * Writes front matter an editor can read and edit: plain scalars where YAML reads them back
 * unchanged, double-quoted otherwise, literal blocks for multi-line Markdown.
 */
final class YamlWriter {

    private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N}(][^\\n\"]*");
    /** Scalars YAML would read as something other than text. */
    private static final Pattern SPECIAL = Pattern.compile(
            "(?i)(true|false|yes|no|on|off|null|~|[-+]?[\\d.,_:]+([eE][-+]?\\d+)?|\\d{4}-\\d{2}-\\d{2}.*|\\.inf|\\.nan)");

    private final StringBuilder sb = new StringBuilder();

    /** {@code key: value} at an indentation; nothing when the value is null. */
    YamlWriter field(int indent, String key, String value) {
        if (value == null) {
            return this;
        }
        pad(indent).append(key).append(':');
        scalar(indent, value);
        return this;
    }

    /** {@code key:} opening a nested block. */
    YamlWriter open(int indent, String key) {
        pad(indent).append(key).append(":\n");
        return this;
    }

    /** A list of texts; nothing when empty. One line "[a, b]" is not used: items stay diffable. */
    YamlWriter list(int indent, String key, List<String> values) {
        if (values.isEmpty()) {
            return this;
        }
        open(indent, key);
        for (String v : values) {
            item(indent + 2, v);
        }
        return this;
    }

    /** {@code - value} at an indentation. */
    YamlWriter item(int indent, String value) {
        pad(indent).append('-');
        scalar(indent + 2, value);
        return this;
    }

    /** {@code - key: value}, the first key of a mapping in a list. */
    YamlWriter itemField(int indent, String key, String value) {
        pad(indent).append("- ").append(key).append(':');
        scalar(indent + 2, value);
        return this;
    }

    YamlWriter raw(String text) {
        sb.append(text);
        return this;
    }

    private StringBuilder pad(int n) {
        return sb.append(" ".repeat(n));
    }

    /** After "key:" or "-": the value, with the indentation its continuation lines need. */
    private void scalar(int indent, String value) {
        if (value.contains("\n")) {
            sb.append(" |-\n");
            for (String line : value.split("\n", -1)) {
                if (line.isEmpty()) {
                    sb.append('\n');
                } else {
                    pad(indent + 2).append(line).append('\n');
                }
            }
            return;
        }
        sb.append(' ').append(quoteIfNeeded(value)).append('\n');
    }

    static String quoteIfNeeded(String v) {
        boolean plain = PLAIN.matcher(v).matches() && !SPECIAL.matcher(v).matches() && !v.contains(": ")
                && !v.contains(" #") && !v.endsWith(":") && !v.endsWith(" ") && !v.contains("\t")
                && !v.startsWith("- ") && v.chars().noneMatch(c -> c < 0x20);
        return plain ? v : quote(v);
    }

    static String quote(String v) {
        return YamlQuoted.of(v);
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
