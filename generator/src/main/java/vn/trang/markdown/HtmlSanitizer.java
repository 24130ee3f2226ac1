package vn.trang.markdown;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import vn.trang.text.PercentEncoding;
import vn.trang.text.Slugs;

/**
 * Makes rendered Markdown safe to publish and tidies it for the theme.
 *
 * <p>Editors may write raw HTML in Markdown. Only a fixed list of structural tags and attributes
 * survives (jsoup's relaxed safelist plus a few harmless tags, and {@code rel} on links): no
 * script, style, iframe, object, embed, form, svg, math, base or meta; no event handlers or style
 * attributes; links only to http(s), ftp, mailto, tel or relative targets; images only from the
 * site itself (an image from another host tells that host who reads the page). What is taken out
 * is listed by {@link #removals} for the editor's warnings. Then headings get stable ASCII ids
 * (anchors), tables get a scrolling wrapper for phones, images load lazily, every link and image
 * address is made absolute and percent-encoded, and links that leave the site get
 * {@code rel="noopener"}.
 */
public final class HtmlSanitizer {

    /** jsoup needs a base to judge relative links; it is never written to output. */
    private static final String BASE = "https://trang.invalid/";

    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("(?i)[a-z][a-z0-9+.-]*:.*");

    /** The {@code rel} values kept on links; others say nothing a reader needs. */
    private static final List<String> REL_KEPT = List.of("noopener", "noreferrer", "nofollow");

    private final Safelist safelist;
    private final Cleaner cleaner;

    public HtmlSanitizer() {
        safelist = Safelist.relaxed()
                .addTags("hr", "figure", "figcaption", "mark", "s", "del", "ins", "abbr", "caption")
                .addAttributes("abbr", "title")
                .addAttributes("th", "align")
                .addAttributes("td", "align")
                .addAttributes("a", "rel")
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

    /**
     * Whether a published link leaves the site (it then gets {@code rel="noopener"}): an address
     * with a scheme other than mailto: and tel:, or a protocol-relative {@code //host/…}.
     */
    static boolean opensElsewhere(String href) {
        if (href.startsWith("//")) {
            return true;
        }
        if (!SCHEME.matcher(href).matches()) {
            return false;
        }
        String lower = href.toLowerCase(Locale.ROOT);
        return !lower.startsWith("mailto:") && !lower.startsWith("tel:");
    }

    /**
     * Whether a published image address is on another host: any address with a scheme or a
     * protocol-relative one. An image the page shows must be a file of the site (a path), so that
     * reading a page sends nothing to anyone else.
     */
    static boolean fromElsewhere(String src) {
        return src.startsWith("//") || SCHEME.matcher(src).matches();
    }

    /**
     * A link relative to the Markdown file's folder, as a path from the portal root. Empty segments
     * at the start of what is left after {@code ./} and {@code ../} are dropped: {@code ..//x}
     * must not become the protocol-relative {@code //x} (another host).
     */
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
        while (rest.startsWith("./") || rest.startsWith("../") || rest.startsWith("/")) {
            if (rest.startsWith("../")) {
                if (!parts.isEmpty()) {
                    parts.removeLast();
                }
                rest = rest.substring(3);
            } else {
                rest = rest.substring(rest.charAt(0) == '/' ? 1 : 2);
            }
        }
        StringBuilder sb = new StringBuilder("/");
        for (String p : parts) {
            sb.append(p).append('/');
        }
        return sb.append(rest).toString();
    }

    /**
     * The address a link or image written by an editor has on the published page: what browsers
     * ignore taken out (spaces and controls around it, tabs and line breaks inside), made absolute
     * ({@link #resolve}), and percent-encoded where a URL cannot hold a character as it is (so a
     * backslash or a tab can never turn a path into another host).
     */
    public static String publishedUrl(String url, String folderUrl) {
        return PercentEncoding.url(resolve(browserTrim(url), folderUrl));
    }

    /** A URL as a browser reads it: C0 controls and spaces at either end, tabs and newlines inside, removed. */
    private static String browserTrim(String url) {
        int s = 0;
        int e = url.length();
        while (s < e && url.charAt(s) <= ' ') {
            s++;
        }
        while (e > s && url.charAt(e - 1) <= ' ') {
            e--;
        }
        String t = url.substring(s, e);
        if (t.indexOf('\t') < 0 && t.indexOf('\n') < 0 && t.indexOf('\r') < 0) {
            return t;
        }
        return t.replace("\t", "").replace("\n", "").replace("\r", "");
    }

    /**
     * Whether a link target names a script or document scheme once what a browser might ignore is
     * left out (controls, spaces, invisible and replacement characters): {@code javascript:},
     * {@code vbscript:}, {@code data:}, {@code file:}. jsoup's protocol check already refuses these
     * when they parse as such; this also catches the disguised ones it keeps as relative paths.
     */
    public static boolean isDangerousUrl(String url) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < url.length() && sb.length() < 12; i++) {
            char c = url.charAt(i);
            if (c > ' ' && !(c >= 0x7f && c < 0xa0) && c != '\uFFFD' && Character.getType(c) != Character.FORMAT
                    && !Character.isWhitespace(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        String u = sb.toString();
        return u.startsWith("javascript:") || u.startsWith("vbscript:") || u.startsWith("data:")
                || u.startsWith("file:");
    }

    // ---- what is removed, for the editor's warnings -------------------------------------------

    /** What a removal is, for the warning's wording. */
    public enum Kind {
        /** A tag of raw HTML, or some of its attributes (script, iframe, on…=, style=, javascript: links…). */
        HTML,
        /** A Markdown link's address (javascript:, data:…): the link's text stays. */
        LINK,
        /** A Markdown image with an address of such a scheme. */
        IMAGE,
        /** An image from another host, Markdown or raw HTML. */
        FOREIGN_IMAGE
    }

    /**
     * One thing the sanitizer takes out of a piece of raw HTML: the offset of its tag in the piece,
     * and what it is as the editor wrote it (the start tag, or the attributes and their tag).
     */
    public record Removal(int offset, Kind kind, String what) {
    }

    /** An address a piece of raw HTML keeps ({@code href}, {@code src}), published, with its tag's offset. */
    public record KeptLink(int offset, String url) {
    }

    /**
     * What {@link #clean} takes out of one piece of raw HTML, one entry per tag: a tag that is not
     * allowed (its content goes with it when it is script or style text), or a tag that loses
     * attributes, or an image from another host. Comments, end tags and the tags and attributes
     * kept give nothing.
     */
    public List<Removal> removals(String fragment, String folderUrl) {
        Document doc = parseTracked(fragment);
        List<Removal> out = new ArrayList<>();
        for (Element e : doc.getAllElements()) {
            int at = e.sourceRange().startPos();
            boolean written = e.sourceRange().endPos() > at;
            String tag = e.normalName();
            if (!written) {
                continue; // html, head and body the parser made up
            }
            if (!safelist.isSafeTag(tag)) {
                out.add(new Removal(at, Kind.HTML, startTag(fragment, e)));
                continue;
            }
            if (tag.equals("img") && e.hasAttr("src") && keeps(e, e.attribute("src"))
                    && fromElsewhere(publishedUrl(e.attr("src"), folderUrl))) {
                out.add(new Removal(at, Kind.FOREIGN_IMAGE, e.attr("src")));
                continue;
            }
            List<String> lost = new ArrayList<>();
            for (Attribute a : e.attributes()) {
                if (!keeps(e, a)) {
                    lost.add(a.getKey() + (a.getValue().isEmpty() ? "" : "=" + a.getValue()));
                }
            }
            if (!lost.isEmpty()) {
                String attributes = String.join(", ", lost);
                if (attributes.length() > 45) {
                    attributes = attributes.substring(0, 44) + "…";
                }
                out.add(new Removal(at, Kind.HTML, attributes + " (trong thẻ <" + tag + ">)"));
            }
        }
        return out;
    }

    /** The links and images a piece of raw HTML keeps, published as {@link #clean} publishes them. */
    public List<KeptLink> keptLinks(String fragment, String folderUrl) {
        Document doc = parseTracked(fragment);
        List<KeptLink> out = new ArrayList<>();
        for (Element e : doc.getAllElements()) {
            String attr = e.normalName().equals("a") ? "href" : e.normalName().equals("img") ? "src" : null;
            if (attr == null || !e.hasAttr(attr) || !safelist.isSafeTag(e.normalName()) || !keeps(e, e.attribute(attr))) {
                continue;
            }
            String url = publishedUrl(e.attr(attr), folderUrl);
            if (attr.equals("src") && fromElsewhere(url)) {
                continue;
            }
            out.add(new KeptLink(e.sourceRange().startPos(), url));
        }
        return out;
    }

    /** Whether a Markdown link's destination, as rendered into {@code href}, survives the cleaner. */
    public boolean keepsLink(String url) {
        // most links are plain http(s), mailto, tel or relative addresses: no jsoup element needed
        return DirectHtml.plainUrl(url) || keepsUrl("a", "href", url);
    }

    /** Whether a Markdown image's source, as rendered into {@code src}, survives the cleaner's protocol check. */
    public boolean keepsImage(String url) {
        return keepsUrl("img", "src", url);
    }

    private boolean keepsUrl(String tag, String attr, String url) {
        Element e = new Element(Tag.valueOf(tag), BASE);
        e.attr(attr, url);
        return keeps(e, e.attribute(attr));
    }

    /**
     * Whether the cleaner keeps this attribute: the safelist allows it, and a link or image
     * address hides no script scheme ({@link #clean} takes those out too).
     */
    private boolean keeps(Element e, Attribute a) {
        if (!safelist.isSafeAttribute(e.normalName(), e, a)) {
            return false;
        }
        String k = a.getKey();
        return !(k.equals("href") || k.equals("src")) || !isDangerousUrl(a.getValue());
    }

    private static Document parseTracked(String fragment) {
        return Jsoup.parse(fragment, BASE, Parser.htmlParser().setTrackPosition(true));
    }

    /** A start tag as written, when its position is known, else as jsoup writes it. */
    private static String startTag(String fragment, Element e) {
        Range r = e.sourceRange();
        if (r.startPos() >= 0 && r.endPos() <= fragment.length() && r.endPos() > r.startPos()) {
            return fragment.substring(r.startPos(), r.endPos());
        }
        return "<" + e.tagName() + ">";
    }

    // ---- cleaning -------------------------------------------------------------------------------

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
            String href = a.attr("href");
            if (isDangerousUrl(href)) {
                a.removeAttr("href");
            } else {
                a.attr("href", publishedUrl(href, folderUrl));
            }
        }
        for (Element img : images) {
            if (!img.hasAttr("src")) {
                continue;
            }
            String src = img.attr("src");
            String published = isDangerousUrl(src) ? null : publishedUrl(src, folderUrl);
            if (published == null) {
                img.removeAttr("src");
            } else if (fromElsewhere(published)) {
                img.remove();
            } else {
                img.attr("src", published);
            }
        }
        for (Element a : links) {
            rel(a);
        }
        return doc.body().html();
    }

    /** {@code rel}: noopener when the link leaves the site, an editor's noreferrer and nofollow kept. */
    private static void rel(Element a) {
        List<String> given = a.hasAttr("rel")
                ? List.of(a.attr("rel").toLowerCase(Locale.ROOT).trim().split("[\\t\\n\\f\\r ]+")) : List.of();
        boolean elsewhere = a.hasAttr("href") && opensElsewhere(a.attr("href"));
        StringBuilder rel = new StringBuilder();
        for (String token : REL_KEPT) {
            if ((token.equals("noopener") && elsewhere) || given.contains(token)) {
                rel.append(rel.length() == 0 ? "" : " ").append(token);
            }
        }
        if (rel.length() == 0) {
            a.removeAttr("rel");
        } else {
            a.attr("rel", rel.toString());
        }
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
