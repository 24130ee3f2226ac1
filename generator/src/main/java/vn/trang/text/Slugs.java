package vn.trang.text;

import java.text.Normalizer;

/**
 * Vietnamese text to ASCII URL segments: "Giấy phép xây dựng" → "giay-phep-xay-dung".
 *
 * <p>Stable by design: the same title always gives the same slug, so URLs citizens bookmark and
 * other sites link to do not move when the generator is upgraded.
 */
public final class Slugs {

    /** Long enough for a whole procedure name's gist, short enough for a readable URL. */
    public static final int MAX_LENGTH = 80;

    private Slugs() {
    }

    /** Removes tones and marks, maps đ/Đ to d/D; keeps every other character. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == 'đ') {
                c = 'd';
            } else if (c == 'Đ') {
                c = 'D';
            }
            sb.append(c);
        }
        return Normalizer.normalize(sb, Normalizer.Form.NFC);
    }

    /**
     * The slug of a title: folded, lower-case, runs of anything but a–z and 0–9 become one '-',
     * cut at a word boundary to at most {@link #MAX_LENGTH} characters. May be empty (a title of
     * only symbols); callers report that.
     */
    public static String slugify(String text) {
        String folded = fold(text).toLowerCase(java.util.Locale.ROOT);
        StringBuilder sb = new StringBuilder(folded.length());
        boolean dash = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (dash && sb.length() > 0) {
                    sb.append('-');
                }
                dash = false;
                sb.append(c);
            } else {
                dash = true;
            }
        }
        String slug = sb.toString();
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            slug = slug.substring(0, cut > 0 ? cut : MAX_LENGTH);
        }
        return slug;
    }

    /** Whether a hand-written slug is acceptable: lower-case ASCII words joined by '-'. */
    public static boolean isValid(String slug) {
        return slug.matches("[a-z0-9]+(-[a-z0-9]+)*") && slug.length() <= 120;
    }
}
