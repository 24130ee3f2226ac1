package vn.trang.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ParagraphItemContainer;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NonRenderingInline;
import com.vladsch.flexmark.util.sequence.Escaping;
import org.jsoup.Jsoup;

/**
 * Writes, straight from flexmark's tree, the HTML that flexmark's renderer followed by
 * {@link HtmlSanitizer#clean} makes of it, for documents built only of the common nodes:
 * paragraphs, headings, emphasis, code spans, lists, quotes, rules, GFM tables and plain links.
 *
 * <p>Why: on the synthetic province flexmark's HTML renderer took longer than its
 * parser, and the sanitizer then parsed that HTML again with jsoup and wrote it out once more;
 * the two were about 70 % of all Markdown work. Markdown without raw HTML needs neither: every
 * node of the list above renders to safe HTML, and the sanitizer's tidying (heading ids, table
 * wrappers, alignment classes, resolved relative links, {@code rel="noopener"}) can be done while
 * writing. Anything else — raw HTML, images, autolinks, entities, code blocks, reference links,
 * unusual characters or URLs — returns null, and the caller takes the full path. The output is
 * byte for byte the full path's ({@code DirectHtmlTest} compares the two on the demo content,
 * the benchmark corpus and random Markdown).
 */
final class DirectHtml {

    /** What the full path cannot be matched on cheaply: the caller renders the document in full. */
    private static final class Declined extends RuntimeException {
        private static final Declined INSTANCE = new Declined();

        private Declined() {
            super(null, null, false, false);
        }
    }

    private final StringBuilder out;
    private final ListOptions listOptions;
    private final String folderUrl;
    private final HeadingIds headingIds = new HeadingIds();

    private DirectHtml(int capacity, ListOptions listOptions, String folderUrl) {
        this.out = new StringBuilder(capacity);
        this.listOptions = listOptions;
        this.folderUrl = folderUrl;
    }

    /**
     * The sanitized HTML of {@code doc}, or null when it holds a node (or a character) this writer
     * does not handle.
     */
    static String write(Document doc, String source, String folderUrl) {
        for (int i = 0, n = source.length(); i < n; i++) {
            char c = source.charAt(i);
            // Characters the HTML parser would replace or drop: leave them to it.
            if ((c < ' ' && c != '\n' && c != '\t') || c == '\r' || c == 0x7f || c == '\uFFFD'
                    || (c >= 0x80 && c < 0xA0) || Character.isSurrogate(c)) {
                return null;
            }
        }
        DirectHtml w = new DirectHtml(source.length() + source.length() / 4 + 64, ListOptions.get(doc), folderUrl);
        try {
            w.children(doc);
        } catch (Declined d) {
            return null;
        }
        return w.out.toString();
    }

    private void children(Node parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            node(n);
        }
    }

    private void node(Node n) {
        if (n instanceof Text t) {
            // What flexmark's renderer writes is normalizeEOL(unescape(chars)); the source has no
            // '\r' (see write), and without a backslash or an ampersand there is nothing to
            // unescape. flexmark's sequences are slow to walk: one copy, then a String.
            String raw = t.getChars().toString();
            text(raw.indexOf('\\') < 0 && raw.indexOf('&') < 0 ? raw : t.getChars().unescape());
        } else if (n instanceof Paragraph p) {
            paragraph(p);
        } else if (n instanceof SoftLineBreak) {
            out.append('\n');
        } else if (n instanceof HardLineBreak) {
            out.append("<br>\n");
        } else if (n instanceof Emphasis e) {
            wrap("em", e);
        } else if (n instanceof StrongEmphasis s) {
            wrap("strong", s);
        } else if (n instanceof Code c) {
            out.append("<code>");
            text(Escaping.collapseWhitespace(c.getText(), true));
            out.append("</code>");
        } else if (n instanceof Heading h) {
            heading(h);
        } else if (n instanceof BulletList l) {
            list("ul", l, null);
        } else if (n instanceof OrderedList l) {
            int start = l.getStartNumber();
            list("ol", l, listOptions.isOrderedListManualStart() && start != 1 ? Integer.toString(start) : null);
        } else if (n instanceof ListItem item) {
            listItem(item);
        } else if (n instanceof BlockQuote q) {
            line();
            out.append("<blockquote>");
            line();
            children(q);
            line();
            out.append("</blockquote>");
            line();
        } else if (n instanceof ThematicBreak) {
            line();
            out.append("<hr>");
            line();
        } else if (n instanceof Link link) {
            link(link);
        } else if (n instanceof TableBlock t) {
            table(t);
        } else if (n.getClass() == TextBase.class) {
            children(n);
        } else {
            throw Declined.INSTANCE;
        }
    }

    /** Starts a new line unless at the start of one (flexmark's line formatting). */
    private void line() {
        int n = out.length();
        if (n > 0 && out.charAt(n - 1) != '\n') {
            out.append('\n');
        }
    }

    private void wrap(String tag, Node n) {
        out.append('<').append(tag).append('>');
        children(n);
        out.append("</").append(tag).append('>');
    }

    private void paragraph(Paragraph p) {
        if (p.getFirstChildAnyNot(NonRenderingInline.class) == null) {
            return;
        }
        Node parent = p.getParent();
        if (parent instanceof ParagraphItemContainer c && c.isParagraphWrappingDisabled(p, listOptions, p.getDocument())) {
            children(p);
            return;
        }
        line();
        out.append("<p>");
        children(p);
        out.append("</p>");
        line();
    }

    private void heading(Heading h) {
        line();
        String tag = "h" + h.getLevel();
        out.append('<').append(tag).append(" id=\"");
        int idAt = out.length();
        out.append("\">");
        int inner = out.length();
        children(h);
        // The id comes from the heading's text as jsoup reads the sanitized heading, as the
        // sanitizer does: whitespace normalised the way jsoup does it.
        String text = Jsoup.parseBodyFragment(out.substring(inner)).body().text();
        out.insert(idAt, headingIds.next(text));
        out.append("</").append(tag).append('>');
        line();
    }

    private void list(String tag, Node list, String start) {
        line();
        out.append('<').append(tag);
        if (start != null) {
            out.append(" start=\"").append(start).append('"');
        }
        out.append('>');
        line();
        children(list);
        line();
        out.append("</").append(tag).append('>');
        line();
    }

    private void listItem(ListItem item) {
        if (!item.getMarkerSuffix().isEmpty()) {
            throw Declined.INSTANCE;
        }
        line();
        out.append("<li>");
        children(item);
        out.append("</li>");
        line();
    }

    private void link(Link link) {
        String url = link.getUrl().unescape();
        String title = link.getTitle().isNull() ? null : link.getTitle().unescape();
        if (!plainUrl(url) || (title != null && !plainAttribute(title))) {
            throw Declined.INSTANCE;
        }
        String href = PublishedUrls.published(url, folderUrl);
        out.append("<a href=\"");
        attribute(href);
        out.append('"');
        if (title != null) {
            out.append(" title=\"");
            attribute(title);
            out.append('"');
        }
        if (PublishedUrls.opensElsewhere(href)) {
            out.append(" rel=\"noopener\"");
        }
        out.append('>');
        children(link);
        out.append("</a>");
    }

    /**
     * A URL the sanitizer keeps as written: http(s), mailto or tel, or a relative path, of URL
     * characters only (no spaces, quotes or angle brackets), not protocol-relative.
     */
    static boolean plainUrl(String url) {
        if (url.isEmpty() || url.startsWith("//")) {
            return false;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~:/?#[]@!$&'()*+,;=%".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        int colon = url.indexOf(':');
        int boundary = firstOf(url, "/?#");
        if (colon < 0 || (boundary >= 0 && boundary < colon)) {
            return true; // relative: no scheme
        }
        String scheme = url.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) ? url.startsWith("//", colon + 1)
                : scheme.equals("mailto") || scheme.equals("tel");
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean plainAttribute(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<' || c == '>' || c == '\n' || c == '\t') {
                return false;
            }
        }
        return true;
    }

    private void table(TableBlock t) {
        line();
        out.append(HtmlSanitizer.TABLE_WRAP_OPEN).append("<table>");
        line();
        boolean body = false;
        for (Node part = t.getFirstChild(); part != null; part = part.getNext()) {
            if (part instanceof TableHead || part instanceof TableBody) {
                if (part.getFirstChild() == null) {
                    throw Declined.INSTANCE; // flexmark writes an empty part on one line
                }
                String tag = part instanceof TableHead ? "thead" : "tbody";
                body |= part instanceof TableBody;
                out.append('<').append(tag).append('>');
                line();
                for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                    if (!(row instanceof TableRow)) {
                        throw Declined.INSTANCE;
                    }
                    out.append("<tr>");
                    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                        if (!(cell instanceof TableCell c) || c.getSpan() != 1) {
                            throw Declined.INSTANCE;
                        }
                        String ct = c.isHeader() ? "th" : "td";
                        out.append('<').append(ct);
                        if (c.getAlignment() != null) {
                            out.append(" class=\"align-").append(c.getAlignment().name().toLowerCase(java.util.Locale.ROOT))
                                    .append('"');
                        }
                        out.append('>');
                        children(c);
                        out.append("</").append(ct).append('>');
                    }
                    out.append("</tr>");
                    line();
                }
                out.append("</").append(tag).append('>');
                line();
            } else if (!(part instanceof TableSeparator)) {
                throw Declined.INSTANCE;
            }
        }
        if (!body) {
            throw Declined.INSTANCE;
        }
        out.append("</table></div>");
        line();
    }

    /**
     * Text as jsoup writes it: ampersands, angle brackets and no-break spaces escaped. Spaces and
     * tabs at the start of an output line are dropped, as flexmark's line formatting drops them.
     */
    private void text(CharSequence s) {
        int i = 0;
        int n = s.length();
        if (out.length() == 0 || out.charAt(out.length() - 1) == '\n') {
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\u00a0' -> out.append("&nbsp;");
                default -> out.append(c);
            }
        }
    }

    /** An attribute value as jsoup writes it. */
    private void attribute(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\u00a0' -> out.append("&nbsp;");
                default -> out.append(c);
            }
        }
    }
}
