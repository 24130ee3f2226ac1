package vn.trang.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import vn.trang.legal.Citation;
import vn.trang.legal.CitationExtractor;
import vn.trang.text.HtmlTags;

/**
 * Turns cited document numbers in a body's text into links ({@code <a class="cite">}), outside
 * links, code and preformatted text.
 *
 * <p>Two ways, one result. {@link #jsoup} parses the body into a tree, splits its text nodes and
 * serialises it again: at 10,000 pages that was most of the link stage. {@link #direct}
 * copies the HTML once and inserts the links where they go: bodies are the sanitiser's own
 * output, so the text between two tags is exactly what jsoup's serialisation of that text node
 * would be. It knows the tags and the four entities the sanitiser writes; on anything else (a
 * comment, a raw-text element, another entity, a tag it cannot read) it hands the body to
 * {@link #jsoup}. A test compares both on the demo, the benchmark corpus and random bodies.
 */
final class CitationLinks {

    /** Where a citation links to; {@link Resolver} answers it. */
    record Target(String url, String title) {
    }

    /**
     * Says where a citation found in the text links to, or null to leave it as text. Called once
     * for each citation considered, in text order, the same calls either way.
     */
    interface Resolver {
        Target resolve(Citation c);
    }

    private CitationLinks() {
    }

    /** The body with its citations linked, or null when none was. */
    static String link(String html, Resolver resolver) {
        if (html == null || html.isEmpty()) {
            return null;
        }
        if (!readable(html)) {
            return jsoup(html, resolver);
        }
        return direct(html, resolver);
    }

    /**
     * Whether {@link #direct} knows every construct of {@code html}: tags it can delimit, no
     * comments or raw-text elements, only the entities the sanitiser writes in text. Checked
     * before any resolver call, so that a body is never half resolved one way and then the other.
     */
    static boolean readable(String html) {
        int n = html.length();
        for (int i = 0; i < n; i++) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = HtmlTags.end(html, i);
                if (end < 0) {
                    return false;
                }
                int name = html.charAt(i + 1) == '/' ? i + 2 : i + 1;
                for (String raw : RAW_TEXT) {
                    if (html.regionMatches(true, name, raw, 0, raw.length())) {
                        return false;
                    }
                }
                if (!Character.isLetter(html.charAt(name))) {
                    return false;
                }
                i = end;
            } else if (c == '&') {
                if (entity(html, i) == 0) {
                    return false;
                }
            } else if (c == '\r' || c == '\u0000') {
                return false; // the parser rewrites these
            }
        }
        return true;
    }

    /** Elements whose content the HTML parser does not read as markup. */
    private static final String[] RAW_TEXT = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
            "noframes", "noscript", "plaintext"};

    /** Assumes {@link #readable}. */
    static String direct(String html, Resolver resolver) {
        StringBuilder out = null;
        int copied = 0;
        int skip = 0; // depth inside a, code, pre: their text is not linked
        int n = html.length();
        int i = 0;
        Map<Target, String> tags = new HashMap<>();
        while (i < n) {
            if (html.charAt(i) == '<') {
                int end = HtmlTags.end(html, i);
                boolean closing = html.charAt(i + 1) == '/';
                int from = closing ? i + 2 : i + 1;
                if (named(html, from, end, "a") || named(html, from, end, "code") || named(html, from, end, "pre")) {
                    skip += closing ? -1 : html.charAt(end - 1) == '/' ? 0 : 1;
                    skip = Math.max(0, skip);
                }
                i = end + 1;
                continue;
            }
            int textEnd = html.indexOf('<', i);
            if (textEnd < 0) {
                textEnd = n;
            }
            if (skip == 0) {
                Text t = Text.of(html, i, textEnd);
                List<Citation> found = CitationExtractor.extract(t.text);
                int consumed = 0;
                for (Citation c : found) {
                    Target target = resolver.resolve(c);
                    if (target == null || c.offset() < consumed) {
                        continue;
                    }
                    if (out == null) {
                        out = new StringBuilder(html.length() + 256);
                    }
                    int start = t.raw(c.offset());
                    int stop = t.raw(c.offset() + c.raw().length());
                    out.append(html, copied, start);
                    out.append(tags.computeIfAbsent(target, CitationLinks::openTag));
                    out.append(html, start, stop).append("</a>");
                    copied = stop;
                    if (c.offset() + c.raw().length() >= t.text.length()) {
                        break; // jsoup's split leaves no text after it: the rest of the node is not looked at
                    }
                    consumed = c.offset() + c.raw().length();
                }
            }
            i = textEnd;
        }
        if (out == null) {
            return null;
        }
        return out.append(html, copied, n).toString();
    }

    /** Whether the tag name at {@code from} (before {@code end}) is {@code name}, in any case. */
    private static boolean named(String html, int from, int end, String name) {
        int after = from + name.length();
        return after <= end && html.regionMatches(true, from, name, 0, name.length())
                && !Character.isLetterOrDigit(html.charAt(after));
    }

    /** The opening tag exactly as jsoup writes it. */
    private static String openTag(Target t) {
        String outer = link(t).outerHtml();
        return outer.substring(0, outer.length() - "</a>".length());
    }

    private static Element link(Target t) {
        return new Element("a").attr("href", t.url()).addClass("cite").attr("title", t.title());
    }

    /** One text node: its decoded text, and where each of its characters starts in the HTML. */
    private record Text(String text, int[] rawAt, int from, int to) {

        static Text of(String html, int from, int to) {
            int amp = from;
            while (amp < to && html.charAt(amp) != '&') {
                amp++; // not indexOf: it would run past this node, to the end of the body, for every node
            }
            if (amp == to) {
                return new Text(html.substring(from, to), null, from, to);
            }
            StringBuilder sb = new StringBuilder(to - from);
            int[] at = new int[to - from + 1];
            int i = from;
            while (i < to) {
                at[sb.length()] = i;
                char c = html.charAt(i);
                if (c == '&') {
                    int e = entity(html, i);
                    sb.append(ENTITY_CHARS[e]);
                    i = html.indexOf(';', i) + 1;
                } else {
                    sb.append(c);
                    i++;
                }
            }
            at[sb.length()] = to;
            return new Text(sb.toString(), at, from, to);
        }

        /** The HTML index of text offset {@code k} (k may be the text's length). */
        int raw(int k) {
            return rawAt == null ? from + k : rawAt[k];
        }
    }

    private static final String[] ENTITY_NAMES = {null, "&amp;", "&lt;", "&gt;", "&nbsp;"};
    private static final char[] ENTITY_CHARS = {0, '&', '<', '>', '\u00a0'};

    /** Which of the sanitiser's entities starts at {@code i} (index into {@link #ENTITY_NAMES}), 0 for none. */
    private static int entity(String html, int i) {
        for (int e = 1; e < ENTITY_NAMES.length; e++) {
            if (html.startsWith(ENTITY_NAMES[e], i)) {
                return e;
            }
        }
        return 0;
    }

    /** The reference way: parse, split text nodes, serialise. */
    static String jsoup(String html, Resolver resolver) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        List<TextNode> texts = new ArrayList<>();
        collect(doc.body(), texts);
        boolean changed = false;
        for (TextNode t : texts) {
            String text = t.getWholeText();
            List<Citation> found = CitationExtractor.extract(text);
            if (found.isEmpty()) {
                continue;
            }
            TextNode current = t;
            int consumed = 0;
            for (Citation c : found) {
                Target target = resolver.resolve(c);
                if (target == null || c.offset() < consumed) {
                    continue;
                }
                // jsoup splits strictly inside a node: at offset 0 or at the end there is nothing to split.
                int start = c.offset() - consumed;
                TextNode match = start == 0 ? current : current.splitText(start);
                TextNode rest = c.raw().length() < match.getWholeText().length() ? match.splitText(c.raw().length()) : null;
                Element a = link(target);
                match.replaceWith(a);
                a.appendChild(match);
                changed = true;
                if (rest == null) {
                    break;
                }
                current = rest;
                consumed = c.offset() + c.raw().length();
            }
        }
        return changed ? doc.body().html() : null;
    }

    private static void collect(Element e, List<TextNode> out) {
        for (Node n : e.childNodes()) {
            if (n instanceof TextNode t) {
                out.add(t);
            } else if (n instanceof Element child && !child.normalName().equals("a") && !child.normalName().equals("code")
                    && !child.normalName().equals("pre")) {
                collect(child, out);
            }
        }
    }
}
