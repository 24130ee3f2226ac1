package vn.trang.yaml;

/**
 * A string as a double-quoted YAML scalar, for the places Trang writes YAML that people and Decap
 * read back: JSON's escapes are YAML's, letters (Vietnamese included) stay as they are, and the
 * characters a YAML reader would take as a line break or refuse are escaped.
 */
public final class YamlQuoted {

    private YamlQuoted() {
    }

    public static String of(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
