package vn.trang.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

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
 * address is made absolute and percent-encoded ({@link PublishedUrls}), and links that leave the
 * site get {@code rel="noopener"}.
 */
public final class HtmlSanitizer {

    /** jsoup needs a base to judge relative links; it is never written to output. */
    private static final String BASE = "https://trang.invalid/";

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
                    && PublishedUrls.fromElsewhere(PublishedUrls.published(e.attr("src"), folderUrl))) {
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
            String url = PublishedUrls.published(e.attr(attr), folderUrl);
            if (attr.equals("src") && PublishedUrls.fromElsewhere(url)) {
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
        return !(k.equals("href") || k.equals("src")) || !PublishedUrls.isDangerous(a.getValue());
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
        // Performance: one walk over the tree collects what the steps below change (it
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
            if (PublishedUrls.isDangerous(href)) {
                a.removeAttr("href");
            } else {
                a.attr("href", PublishedUrls.published(href, folderUrl));
            }
        }
        for (Element img : images) {
            if (!img.hasAttr("src")) {
                continue;
            }
            String src = img.attr("src");
            String published = PublishedUrls.isDangerous(src) ? null : PublishedUrls.published(src, folderUrl);
            if (published == null) {
                img.removeAttr("src");
            } else if (PublishedUrls.fromElsewhere(published)) {
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
        boolean elsewhere = a.hasAttr("href") && PublishedUrls.opensElsewhere(a.attr("href"));
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
