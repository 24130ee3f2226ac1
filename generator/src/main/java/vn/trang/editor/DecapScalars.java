package vn.trang.editor;

import java.util.regex.Pattern;

import vn.trang.yaml.YamlQuoted;

/**
 * How Decap CMS reads an unquoted YAML value: its YAML library (yaml 1.10, YAML 1.2's core
 * schema) turns {@code 1.000890} into the number 1.00089, {@code 010} into 10 and {@code True}
 * into a boolean, where Trang's parser keeps every value as the text written. A value the editor
 * shows as text must then be quoted to reach it unchanged.
 */
final class DecapScalars {

    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern BOOLEAN = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
            + "|[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    /** Text written unquoted by fmt: letters, digits and a few marks that mean nothing to YAML. */
    private static final Pattern SAFE_PLAIN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} /._()-]*[\\p{L}\\p{N})]|[\\p{L}\\p{N}]");

    private DecapScalars() {
    }

    static boolean isNull(String plain) {
        return NULL.matcher(plain).matches();
    }

    /** Whether Decap reads this unquoted value as the text it is. */
    static boolean readsAsText(String plain) {
        return !isNull(plain) && !BOOLEAN.matcher(plain).matches() && !NUMBER.matcher(plain).matches();
    }

    /** What Decap reads instead, in Vietnamese, for messages. */
    static String readAs(String plain) {
        return BOOLEAN.matcher(plain).matches() ? "giá trị đúng/sai " + plain.toLowerCase() : "một số";
    }

    /** The value as fmt writes it: unquoted when that reads back as the same text, else in double quotes. */
    static String written(String value) {
        if (SAFE_PLAIN.matcher(value).matches() && readsAsText(value)) {
            return value;
        }
        return quoted(value);
    }

    /** A double-quoted YAML scalar. */
    static String quoted(String value) {
        return YamlQuoted.of(value);
    }
}
