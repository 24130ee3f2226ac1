package vn.trang.check;

import java.nio.charset.StandardCharsets;

/**
 * Finds the link and anchor attributes of an HTML page in its bytes: {@code href} and {@code src}
 * of any element, {@code id} of any element and {@code name} of {@code <a>} (for the build's
 * cheap link check). No DOM and no allocation but for the values found: a page is one pass over
 * its bytes, jumping from {@code <} to {@code <}.
 *
 * <p>Made for the HTML our templates write (quoted attributes, well-formed), but it never fails on
 * anything else: comments, doctype, end tags, and the raw text of {@code script}, {@code style} and
 * {@code textarea} (JSON-LD, for instance) are skipped; unquoted values end at a space or
 * {@code >}. Values are entity-decoded ({@code &amp;} and the like, numeric references) and trimmed.
 */
public final class LinkScanner {

    /** Receives what a page holds, in document order. */
    public interface Sink {
        /** An {@code href} or {@code src} value. */
        void link(String url);

        /** An {@code id}, or an {@code <a name>}. */
        void id(String id);
    }

    private LinkScanner() {
    }

    public static void scan(byte[] html, Sink sink) {
        scan(html, 0, html.length, sink);
    }

    public static void scan(byte[] b, int from, int to, Sink sink) {
        int i = from;
        while (i < to) {
            int lt = indexOf(b, (byte) '<', i, to);
            if (lt < 0 || lt + 1 >= to) {
                return;
            }
            i = lt + 1;
            byte c = b[i];
            if (c == '!') {
                if (i + 2 < to && b[i + 1] == '-' && b[i + 2] == '-') {
                    int end = indexOf(b, "-->", i + 3, to);
                    i = end < 0 ? to : end + 3;
                } else {
                    i = skipTo(b, (byte) '>', i, to);
                }
                continue;
            }
            if (!letter(c)) {
                continue; // an end tag, "<?", or a lone '<' in text
            }
            int ns = i;
            while (i < to && nameChar(b[i])) {
                i++;
            }
            int nl = i - ns;
            boolean anchor = nl == 1 && (b[ns] | 0x20) == 'a';
            i = attributes(b, i, to, anchor, sink);
            if (is(b, ns, nl, "script") || is(b, ns, nl, "style") || is(b, ns, nl, "textarea")) {
                i = endOfRawText(b, i, to, ns, nl);
            }
        }
    }

    /** Reads a start tag's attributes from {@code i}; returns the position after its '>'. */
    private static int attributes(byte[] b, int i, int to, boolean anchor, Sink sink) {
        while (i < to) {
            byte c = b[i];
            if (space(c) || c == '/') {
                i++;
                continue;
            }
            if (c == '>') {
                return i + 1;
            }
            int as = i;
            while (i < to && !space(b[i]) && b[i] != '=' && b[i] != '>' && b[i] != '/') {
                i++;
            }
            int al = i - as;
            while (i < to && space(b[i])) {
                i++;
            }
            if (i >= to || b[i] != '=') {
                continue; // a boolean attribute
            }
            i++;
            while (i < to && space(b[i])) {
                i++;
            }
            if (i >= to) {
                return to;
            }
            int vs;
            int ve;
            byte q = b[i];
            if (q == '"' || q == '\'') {
                vs = i + 1;
                ve = indexOf(b, q, vs, to);
                if (ve < 0) {
                    return to;
                }
                i = ve + 1;
            } else {
                vs = i;
                while (i < to && !space(b[i]) && b[i] != '>') {
                    i++;
                }
                ve = i;
            }
            int kind = kind(b, as, al, anchor);
            if (kind == LINK) {
                sink.link(value(b, vs, ve));
            } else if (kind == ID) {
                sink.id(value(b, vs, ve));
            }
        }
        return to;
    }

    private static final int OTHER = 0;
    private static final int LINK = 1;
    private static final int ID = 2;

    private static int kind(byte[] b, int s, int l, boolean anchor) {
        if (l == 4 && is(b, s, 4, "href")) {
            return LINK;
        }
        if (l == 3 && is(b, s, 3, "src")) {
            return LINK;
        }
        if (l == 2 && is(b, s, 2, "id")) {
            return ID;
        }
        if (anchor && l == 4 && is(b, s, 4, "name")) {
            return ID;
        }
        return OTHER;
    }

    /** After a script, style or textarea start tag: the position after its end tag. */
    private static int endOfRawText(byte[] b, int i, int to, int ns, int nl) {
        while (i < to) {
            int lt = indexOf(b, (byte) '<', i, to);
            if (lt < 0) {
                return to;
            }
            if (lt + 1 + nl < to && b[lt + 1] == '/') {
                boolean same = true;
                for (int k = 0; k < nl && same; k++) {
                    same = (b[lt + 2 + k] | 0x20) == (b[ns + k] | 0x20);
                }
                if (same) {
                    return skipTo(b, (byte) '>', lt + 2 + nl, to);
                }
            }
            i = lt + 1;
        }
        return to;
    }

    /** The attribute value as a string: UTF-8, entities decoded, ASCII whitespace trimmed. */
    static String value(byte[] b, int s, int e) {
        while (s < e && space(b[s])) {
            s++;
        }
        while (e > s && space(b[e - 1])) {
            e--;
        }
        boolean amp = false;
        for (int k = s; k < e; k++) {
            if (b[k] == '&') {
                amp = true;
                break;
            }
        }
        String v = new String(b, s, e - s, StandardCharsets.UTF_8);
        return amp ? decodeEntities(v) : v;
    }

    /** Decodes the character references templates and Markdown produce; others are left as they are. */
    static String decodeEntities(String v) {
        StringBuilder sb = new StringBuilder(v.length());
        int i = 0;
        while (i < v.length()) {
            char c = v.charAt(i);
            int semi = c == '&' ? v.indexOf(';', i + 1) : -1;
            if (semi > i + 1 && semi - i <= 10) {
                String name = v.substring(i + 1, semi);
                int cp = -1;
                switch (name) {
                    case "amp" -> cp = '&';
                    case "lt" -> cp = '<';
                    case "gt" -> cp = '>';
                    case "quot" -> cp = '"';
                    case "apos" -> cp = '\'';
                    default -> {
                        if (name.length() > 1 && name.charAt(0) == '#') {
                            try {
                                cp = name.charAt(1) == 'x' || name.charAt(1) == 'X'
                                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                            } catch (NumberFormatException e) {
                                cp = -1;
                            }
                            if (!Character.isValidCodePoint(cp)) {
                                cp = -1;
                            }
                        }
                    }
                }
                if (cp >= 0) {
                    sb.appendCodePoint(cp);
                    i = semi + 1;
                    continue;
                }
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    private static boolean letter(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean nameChar(byte c) {
        return letter(c) || (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '_';
    }

    private static boolean space(byte c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    }

    /** Whether {@code b[s, s+l)} is {@code lower} (ASCII, case-insensitive). */
    private static boolean is(byte[] b, int s, int l, String lower) {
        if (l != lower.length()) {
            return false;
        }
        for (int k = 0; k < l; k++) {
            if ((b[s + k] | 0x20) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, byte c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] b, String s, int from, int to) {
        byte first = (byte) s.charAt(0);
        outer:
        for (int i = indexOf(b, first, from, to); i >= 0 && i + s.length() <= to; i = indexOf(b, first, i + 1, to)) {
            for (int k = 1; k < s.length(); k++) {
                if (b[i + k] != s.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int skipTo(byte[] b, byte c, int from, int to) {
        int at = indexOf(b, c, from, to);
        return at < 0 ? to : at + 1;
    }
}
