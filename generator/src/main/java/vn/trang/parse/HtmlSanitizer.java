package vn.trang.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import vn.trang.text.Slugs;

/**
 * Makes rendered Markdown safe to publish and tidies it for the theme.
 *
 * <p>Editors may write raw HTML in Markdown. Only a fixed list of structural tags and attributes
 * survives (jsoup's relaxed safelist, minus nothing, plus a few harmless tags): no script, style,
 * iframe, object or form; no event handlers or style attributes; links only to http(s), mailto,
 * tel or relative targets. Then headings get stable ASCII ids (anchors), tables get a scrolling
 * wrapper for phones and images load lazily.
 */
public final class HtmlSanitizer {

    /** jsoup needs a base to judge relative links; it is never written to output. */
    private static final String BASE = "https://trang.invalid/";

    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("(?i)[a-z][a-z0-9+.-]*:.*");

    private final Safelist safelist;
    private final Cleaner cleaner;

    public HtmlSanitizer() {
        safelist = Safelist.relaxed()
                .addTags("hr", "figure", "figcaption", "mark", "s", "del", "ins", "abbr", "caption")
                .addAttributes("abbr", "title")
                .addAttributes("th", "align")
                .addAttributes("td", "align")
                .addProtocols("a", "href", "http", "https", "mailto", "tel")
                .removeProtocols("img", "src", "http", "https")
                .addProtocols("img", "src", "http", "https")
                .preserveRelativeLinks(true);
        cleaner = new Cleaner(safelist);
    }

    /** Opens a table's scrolling wrapper (focusable, so keyboard users can scroll it on a phone). */
    static final String TABLE_WRAP_OPEN = "<div class=\"table-wrap\" role=\"group\" tabindex=\"0\" aria-label=\"Bảng\">";

    /** Heading ids: a heading's text as an ASCII slug ("muc" when it has none), numbered when repeated. */
    static final class HeadingIds {
        private final Map<String, Integer> seen = new HashMap<>();

        String next(String text) {
            String id = Slugs.slugify(text);
            if (id.isEmpty()) {
                id = "muc";
            }
            int n = seen.merge(id, 1, Integer::sum);
            return n == 1 ? id : id + "-" + n;
        }
    }

    /** Links that leave the site get {@code rel="noopener"}. */
    static boolean opensElsewhere(String href) {
        return href.toLowerCase(java.util.Locale.ENGLISH).startsWith("http");
    }

    /** A link relative to the Markdown file's folder, as a path from the portal root. */
    public static String resolve(String url, String folderUrl) {
        if (url.isEmpty() || url.startsWith("/") || url.startsWith("#") || SCHEME.matcher(url).matches()) {
            return url;
        }
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (String p : folderUrl.split("/")) {
            if (!p.isEmpty()) {
                parts.addLast(p);
            }
        }
        String rest = url;
        while (rest.startsWith("./") || rest.startsWith("../")) {
            if (rest.startsWith("../")) {
                if (!parts.isEmpty()) {
                    parts.removeLast();
                }
                rest = rest.substring(3);
            } else {
                rest = rest.substring(2);
            }
        }
        StringBuilder sb = new StringBuilder("/");
        for (String p : parts) {
            sb.append(p).append('/');
        }
        return sb.append(rest).toString();
    }

    /** Whether an HTML fragment passes the safelist unchanged (used to warn editors). */
    public boolean isSafe(String fragment) {
        return cleaner.isValidBodyHtml(fragment);
    }

    /** Whether a link target is a scheme we never publish (javascript:, vbscript:, data:…). */
    public static boolean isDangerousUrl(String url) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c > ' ' && c != 0x7f) {
                sb.append(Character.toLowerCase(c));
            }
        }
        String u = sb.toString();
        return u.startsWith("javascript:") || u.startsWith("vbscript:") || u.startsWith("data:")
                || u.startsWith("file:");
    }

    /**
     * Cleans rendered HTML and adds heading ids, table wrappers and lazy images.
     *
     * @param folderUrl the URL of the folder holding the Markdown file (ending in '/'): relative
     *                  links and images are resolved against it, since editors place attachments
     *                  beside the Markdown
     */
    public String clean(String html, String folderUrl) {
        Document dirty = Jsoup.parseBodyFragment(html, BASE);
        Document doc = cleaner.clean(dirty);
        doc.outputSettings().prettyPrint(false);
        // Performance (issue 7): one walk over the tree collects what the steps below change (it
        // was one selector query per step, each parsed again and walking the whole tree); the
        // steps then run in the same order, on the same elements, in document order.
        List<Element> headings = new ArrayList<>();
        List<Element> aligned = new ArrayList<>();
        List<Element> tables = new ArrayList<>();
        List<Element> images = new ArrayList<>();
        List<Element> links = new ArrayList<>();
        collect(doc.body(), headings, aligned, tables, images, links);
        HeadingIds ids = new HeadingIds();
        for (Element h : headings) {
            h.attr("id", ids.next(h.text()));
        }
        // Markdown table alignment arrives as the obsolete align attribute: make it a class.
        for (Element cell : aligned) {
            String align = cell.attr("align").toLowerCase(java.util.Locale.ROOT);
            cell.removeAttr("align");
            if (align.equals("center") || align.equals("right") || align.equals("left")) {
                cell.addClass("align-" + align);
            }
        }
        for (Element table : tables) {
            // Focusable so keyboard users can scroll a wide table on a phone (WCAG 2.1.1).
            table.wrap(TABLE_WRAP_OPEN + "</div>");
        }
        for (Element img : images) {
            img.attr("loading", "lazy");
        }
        for (Element a : links) {
            a.attr("href", resolve(a.attr("href"), folderUrl));
        }
        for (Element img : images) {
            if (img.hasAttr("src")) {
                img.attr("src", resolve(img.attr("src"), folderUrl));
            }
        }
        for (Element a : links) {
            if (opensElsewhere(a.attr("href"))) {
                a.attr("rel", "noopener");
            }
        }
        return doc.body().html();
    }

    /** Headings, aligned cells, tables, images and links (with href) under {@code e}, in document order. */
    private static void collect(Element e, List<Element> headings, List<Element> aligned, List<Element> tables,
                                List<Element> images, List<Element> links) {
        for (Element c : e.children()) {
            switch (c.normalName()) {
                case "h1", "h2", "h3", "h4", "h5", "h6" -> headings.add(c);
                case "th", "td" -> {
                    if (c.hasAttr("align")) {
                        aligned.add(c);
                    }
                }
                case "table" -> tables.add(c);
                case "img" -> images.add(c);
                case "a" -> {
                    if (c.hasAttr("href")) {
                        links.add(c);
                    }
                }
                default -> {
                }
            }
            collect(c, headings, aligned, tables, images, links);
        }
    }
}
