package vn.trang.text;

/**
 * Characters that have no place in published text, and how to show them safely.
 *
 * <p>XML 1.0 forbids the C0 controls except tab, line feed and carriage return, and the
 * non-characters U+FFFE and U+FFFF: one of them in a title makes rss.xml unreadable to every feed
 * reader. DEL and the C1 controls (U+0080 to U+009F) are allowed by XML but are never text (they
 * are what a Windows-1252 file read as Latin-1 leaves behind), and a terminal acts on them. A
 * surrogate without its pair is not a character at all.
 *
 * <p>On a terminal those and the bidirectional overrides (which reorder what is shown around
 * them) are printed as {@code \}{@code u001B}, never as themselves.
 */
public final class ControlChars {

    private ControlChars() {
    }

    /** Whether {@code c} may not appear in content text (tab and line feed may). */
    public static boolean forbidden(int c) {
        return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF
                || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }

    /** The index of the first forbidden character (a lone surrogate counts), or -1. */
    public static int firstForbidden(CharSequence s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (forbidden(c)) {
                return i;
            }
        }
        return -1;
    }

    /** How an editor is told which character it is: {@code U+001B (ESC)}. */
    public static String describe(char c) {
        String code = String.format("U+%04X", (int) c);
        String name = switch (c) {
            case 0 -> "NUL";
            case 7 -> "BEL";
            case 8 -> "BS";
            case 0x0B -> "VT";
            case 0x0C -> "FF";
            case 0x0D -> "CR";
            case 0x1B -> "ESC";
            case 0x7F -> "DEL";
            default -> null;
        };
        return name == null ? code : code + " (" + name + ")";
    }

    /**
     * {@code s} safe to print on a terminal: forbidden characters (line feeds and tabs excepted),
     * carriage returns and bidirectional controls become {@code \}{@code uXXXX}.
     */
    public static String escape(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        int i = 0;
        while (i < n && !unsafeOnTerminal(s, i)) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n + 16).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (unsafeOnTerminal(s, i)) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean unsafeOnTerminal(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return c == '\r' || forbidden(c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
