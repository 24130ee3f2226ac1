package vn.trang.text;

/** Plain text put into an HTML page Trang writes itself (not through a template). */
public final class HtmlText {

    private HtmlText() {
    }

    /** Escapes the characters that end text or a quoted attribute; line breaks stay. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
