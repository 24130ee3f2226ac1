package vn.trang.search;

import java.text.Normalizer;

/**
 * A query as typed, made safe to analyse: bounded length, no control or format characters, no
 * lone surrogates, NFC, single spaces. Whatever arrives (10 KB of text, NUL bytes, NFD from an old
 * phone keyboard, bidi overrides), what leaves is a short, clean string.
 *
 * @param text      the cleaned query, possibly empty
 * @param truncated whether the input was longer than {@link #MAX_CHARS} and was cut
 */
public record QueryText(String text, boolean truncated) {

    /**
     * The longest query kept. A search box needs far less; legal questions pasted whole (the
     * evaluation set's longest is about 400 characters) fit.
     */
    public static final int MAX_CHARS = 512;
    /** Input beyond this is not even looked at: bounds the work on hostile input. */
    static final int MAX_INPUT = 4 * MAX_CHARS;

    public static QueryText of(String raw) {
        if (raw == null || raw.isEmpty()) {
            return new QueryText("", false);
        }
        boolean truncated = raw.length() > MAX_INPUT;
        String s = truncated ? raw.substring(0, MAX_INPUT) : raw;
        s = Normalizer.normalize(clean(s), Normalizer.Form.NFC).strip();
        if (s.length() > MAX_CHARS) {
            truncated = true;
            int cut = s.lastIndexOf(' ', MAX_CHARS);
            s = s.substring(0, cut > MAX_CHARS / 2 ? cut : MAX_CHARS).strip();
        }
        return new QueryText(s, truncated);
    }

    /** Control and format characters and lone surrogates become spaces; runs of spaces become one. */
    private static String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean drop;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int type = Character.getType(s.codePointAt(i));
                drop = type == Character.PRIVATE_USE || type == Character.UNASSIGNED || type == Character.FORMAT;
                if (!drop) {
                    sb.append(c).append(s.charAt(i + 1));
                    space = false;
                }
                i++;
                if (drop && !space) {
                    sb.append(' ');
                    space = true;
                }
                continue;
            }
            int type = Character.getType(c);
            drop = Character.isSurrogate(c) || type == Character.CONTROL || type == Character.FORMAT
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED || Character.isWhitespace(c)
                    || Character.isSpaceChar(c);
            if (drop) {
                if (!space) {
                    sb.append(' ');
                    space = true;
                }
            } else {
                sb.append(c);
                space = false;
            }
        }
        return sb.toString();
    }
}
