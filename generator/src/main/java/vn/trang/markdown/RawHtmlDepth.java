package vn.trang.markdown;

import java.util.Locale;
import java.util.Set;

/**
 * Counts how deep raw HTML in Markdown nests, one piece at a time in document order, before jsoup
 * parses it: jsoup's tree builder and cleaner take time growing with the square of the nesting,
 * and thousands of unclosed {@code <b>} or {@code <span>} took minutes.
 *
 * <p>An opening tag adds a level and a closing tag removes one. Void elements ({@code <br>}) and
 * elements whose end tag may be left out ({@code <p>}, {@code <li>}, table cells…) are not
 * counted: a page of unclosed {@code <p>} does not nest in a browser either.
 */
final class RawHtmlDepth {

    private static final Set<String> NOT_COUNTED = Set.of(
            // void elements
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
            // elements whose end tag is optional
            "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rb", "rt", "rtc",
            "rp", "caption", "colgroup", "html", "head", "body");

    private RawHtmlDepth() {
    }

    /**
     * The nesting after {@code html}, given the nesting before it; {@link Integer#MAX_VALUE} once
     * it goes past {@code limit} anywhere inside.
     */
    static int after(CharSequence html, int depth, int limit) {
        int n = html.length();
        int i = 0;
        while (i < n) {
            int lt = indexOf(html, '<', i);
            if (lt < 0 || lt + 1 >= n) {
                break;
            }
            boolean closing = html.charAt(lt + 1) == '/';
            int nameStart = lt + (closing ? 2 : 1);
            int nameEnd = nameStart;
            while (nameEnd < n && isNameChar(html.charAt(nameEnd))) {
                nameEnd++;
            }
            if (nameEnd == nameStart || !Character.isLetter(html.charAt(nameStart))) {
                i = lt + 1;
                continue;
            }
            int gt = indexOf(html, '>', nameEnd);
            if (gt < 0) {
                break;
            }
            String name = html.subSequence(nameStart, nameEnd).toString().toLowerCase(Locale.ROOT);
            boolean selfClosing = html.charAt(gt - 1) == '/';
            if (!NOT_COUNTED.contains(name) && !selfClosing) {
                depth = closing ? Math.max(0, depth - 1) : depth + 1;
                if (depth > limit) {
                    return Integer.MAX_VALUE;
                }
            }
            i = gt + 1;
        }
        return depth;
    }

    private static boolean isNameChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '-');
    }

    private static int indexOf(CharSequence s, char c, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
