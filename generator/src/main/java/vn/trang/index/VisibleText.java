package vn.trang.index;

import org.jsoup.Jsoup;

import vn.trang.text.HtmlTags;

/**
 * The visible text of a sanitised body, as jsoup's {@code Element.text()} gives it (whitespace
 * collapsed, a space between blocks, trimmed), without building a document tree: the index stage
 * read every body that way, about a tenth of its CPU (profile at 10,000 pages).
 *
 * <p>One pass over the HTML: tags are skipped, the five entities the sanitiser writes are decoded,
 * and a space is put where jsoup puts one (before a block or {@code <br>}, after a block). The pass
 * knows only the elements bodies are made of; on anything else (another element, a comment, an
 * entity of another kind, a block inside an inline element, characters jsoup drops as invisible)
 * it hands the body to jsoup, so the result is always jsoup's. A test compares both on the demo,
 * the benchmark corpus and random Markdown.
 */
final class VisibleText {

    private VisibleText() {
    }

    static String of(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        String fast = direct(html);
        return fast != null ? fast : jsoup(html);
    }

    /** The reference: what the index used before. */
    static String jsoup(String html) {
        return Jsoup.parseBodyFragment(html).text();
    }

    /** The text, or null where the pass does not know what jsoup would do. */
    static String direct(String html) {
        StringBuilder out = new StringBuilder(html.length());
        int n = html.length();
        int inline = 0; // open inline elements: a block inside one is left to jsoup
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = HtmlTags.end(html, i);
                if (end < 0) {
                    return null;
                }
                boolean closing = i + 1 < n && html.charAt(i + 1) == '/';
                int nameStart = closing ? i + 2 : i + 1;
                int nameEnd = nameStart;
                while (nameEnd < end && isNameChar(html.charAt(nameEnd))) {
                    nameEnd++;
                }
                Kind kind = kind(html, nameStart, nameEnd);
                if (kind == null) {
                    return null;
                }
                if (kind == Kind.BLOCK) {
                    if (inline > 0) {
                        return null;
                    }
                    // Before a block (jsoup's head), and after one when anything follows (its tail;
                    // a trailing space is trimmed at the end).
                    space(out);
                } else if (kind == Kind.BREAK) {
                    space(out);
                } else if (kind == Kind.INLINE) {
                    boolean selfClosing = html.charAt(end - 1) == '/';
                    if (closing) {
                        inline--;
                    } else if (!selfClosing) {
                        inline++;
                    }
                    if (inline < 0) {
                        return null;
                    }
                }
                i = end + 1;
                continue;
            }
            if (c == '&') {
                int semi = html.indexOf(';', i);
                if (semi < 0 || semi - i > 6) {
                    return null;
                }
                int ch = entity(html, i + 1, semi);
                if (ch < 0) {
                    return null;
                }
                i = semi + 1;
                if (ch == '\u00a0') {
                    space(out);
                } else {
                    out.append((char) ch);
                }
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\u00a0') {
                space(out);
                i++;
            } else if (!plain(c)) {
                return null; // invisible, control or special to jsoup: its rules apply
            } else {
                // A run of plain characters, copied at once.
                int j = i + 1;
                while (j < n && plain(html.charAt(j)) && html.charAt(j) != '<' && html.charAt(j) != '&') {
                    j++;
                }
                out.append(html, i, j);
                i = j;
            }
        }
        return out.toString().trim();
    }

    /**
     * A character copied as it is: not whitespace, not a control character, not one jsoup drops
     * as invisible or the parser rewrites.
     */
    private static boolean plain(char c) {
        if (c < '\u00a0') {
            return c > ' ' && c != '\u007f';
        }
        return c != '\u00a0' && c != '\u00ad' && !(c >= '\u200b' && c <= '\u200f') && !(c >= '\u2028' && c <= '\u202f')
                && c != '\u2060' && c != '\ufeff';
    }

    /** One space, unless the text is empty or already ends in one (jsoup's lastCharIsWhitespace). */
    private static void space(StringBuilder out) {
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) != ' ') {
            out.append(' ');
        }
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private enum Kind { BLOCK, INLINE, BREAK }

    private static Kind kind(String html, int from, int to) {
        switch (html.substring(from, to)) {
            case "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "table", "thead", "tbody",
                    "tfoot", "tr", "th", "td", "div", "hr", "dl", "dt", "dd", "caption":
                return Kind.BLOCK;
            case "a", "strong", "em", "b", "i", "u", "s", "sub", "sup", "span", "code":
                return Kind.INLINE;
            case "br":
                return Kind.BREAK;
            default:
                return null;
        }
    }

    /** The character of an entity name between {@code &} and {@code ;}, or -1. */
    private static int entity(String html, int from, int to) {
        switch (html.substring(from, to)) {
            case "amp":
                return '&';
            case "lt":
                return '<';
            case "gt":
                return '>';
            case "quot":
                return '"';
            case "nbsp":
                return '\u00a0';
            case "#39":
                return '\'';
            default:
                return -1;
        }
    }
}
