package vn.trang.text;

import java.nio.charset.StandardCharsets;

/**
 * URLs written into pages, feeds and open data, percent-encoded (RFC 3986) so that every reader
 * — a browser, a crawler, a spreadsheet, a web server mapping the path back to a file — gets the
 * same thing.
 *
 * <p>Two cases differ. A file's name is text: every character with a meaning in URLs ({@code ?},
 * {@code #}, {@code %}, a space) is part of the name and is encoded ({@link #path}). A link an
 * editor wrote is already a URL: its {@code ?}, {@code #} and {@code %XX} mean what they mean in a
 * URL, and only what cannot appear in one (spaces, Vietnamese letters, quotes, backslashes,
 * control characters, a {@code %} not followed by two hex digits) is encoded ({@link #url}).
 */
public final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    /**
     * A file path as a URL path: segments kept apart by '/', everything but ASCII letters, digits
     * and {@code - . _ ~ ! * ' ( )} encoded as UTF-8 ({@code encodeURIComponent}'s set, so the
     * result reads the same to every URL parser).
     */
    public static String path(String filePath) {
        int n = filePath.length();
        int i = 0;
        while (i < n && (pathChar(filePath.charAt(i)) || filePath.charAt(i) == '/')) {
            i++;
        }
        if (i == n) {
            return filePath;
        }
        StringBuilder sb = new StringBuilder(n + 16).append(filePath, 0, i);
        for (; i < n; i++) {
            char c = filePath.charAt(i);
            if (pathChar(c) || c == '/') {
                sb.append(c);
            } else {
                i = encode(filePath, i, sb);
            }
        }
        return sb.toString();
    }

    /**
     * A URL as written by an editor, with what cannot appear in a URL encoded: a {@code %} stays
     * when two hex digits follow (an escape the editor wrote), else becomes {@code %25}.
     */
    public static String url(String url) {
        int n = url.length();
        int i = 0;
        while (i < n && urlChar(url.charAt(i)) && (url.charAt(i) != '%' || escape(url, i))) {
            i++;
        }
        if (i == n) {
            return url;
        }
        StringBuilder sb = new StringBuilder(n + 16).append(url, 0, i);
        for (; i < n; i++) {
            char c = url.charAt(i);
            if (urlChar(c) && (c != '%' || escape(url, i))) {
                sb.append(c);
            } else {
                i = encode(url, i, sb);
            }
        }
        return sb.toString();
    }

    /** Encodes the character (a whole surrogate pair) at {@code i}; returns the index of its last char. */
    private static int encode(String s, int i, StringBuilder sb) {
        char c = s.charAt(i);
        int end = i + 1;
        if (Character.isHighSurrogate(c) && end < s.length() && Character.isLowSurrogate(s.charAt(end))) {
            end++;
        }
        // a lone surrogate becomes '?' in UTF-8, encoded: never a malformed escape
        for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
            sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
        return end - 1;
    }

    private static boolean escape(String s, int i) {
        return i + 2 < s.length() && hex(s.charAt(i + 1)) && hex(s.charAt(i + 2));
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean alnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean pathChar(char c) {
        return alnum(c) || "-._~!*'()".indexOf(c) >= 0;
    }

    /** RFC 3986's unreserved and reserved characters, and '%'. */
    private static boolean urlChar(char c) {
        return alnum(c) || "-._~:/?#[]@!$&'()*+,;=%".indexOf(c) >= 0;
    }
}
