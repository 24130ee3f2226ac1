package vn.trang.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * Walks a parsed Markdown document for what the sanitizer will do to its links, images and raw
 * HTML, before any HTML is written: rendering warns the editor about each removal at its own line
 * and column, and the link check learns where each kept link is written.
 */
final class LinkWalk {

    private final HtmlSanitizer sanitizer;

    LinkWalk(HtmlSanitizer sanitizer) {
        this.sanitizer = sanitizer;
    }

    /** What {@link #walk} finds: where (an offset into the Markdown) and what. */
    interface Sink {
        /** Whether {@link #kept} is wanted (rendering needs only what is removed). */
        default boolean wantsKept() {
            return true;
        }

        default void kept(int offset, String publishedUrl) {
        }

        default void removed(int offset, HtmlSanitizer.Kind kind, String what) {
        }
    }

    /**
     * Every link, image and piece of raw HTML of a document, judged as {@link HtmlSanitizer#clean}
     * will treat what flexmark renders of it: each one removed (or taken in part) is reported once,
     * at its own position.
     */
    void walk(Document doc, String folderUrl, Sink sink) {
        for (Node n : doc.getDescendants()) {
            if (n instanceof HtmlBlockBase || n instanceof HtmlInlineBase) {
                // Comment blocks too: "<!-- x --><script>" is a comment block to flexmark, and
                // all of it is written. A block is written without its quote or list prefixes.
                BasedSequence raw = n instanceof HtmlBlockBase b ? b.getContentChars() : n.getChars();
                String html = raw.toString();
                if (html.indexOf('<') < 0) {
                    continue;
                }
                for (HtmlSanitizer.Removal r : sanitizer.removals(html, folderUrl)) {
                    sink.removed(offset(raw, r.offset(), n), r.kind(), r.what());
                }
                if (sink.wantsKept()) {
                    for (HtmlSanitizer.KeptLink k : sanitizer.keptLinks(html, folderUrl)) {
                        sink.kept(offset(raw, k.offset(), n), k.url());
                    }
                }
            } else if (n instanceof Image || n instanceof ImageRef) {
                String url = destination(n, doc);
                if (url == null) {
                    continue;
                }
                String published = sanitizer.keepsImage(url) ? PublishedUrls.published(url, folderUrl) : null;
                if (published == null) {
                    sink.removed(n.getStartOffset(), HtmlSanitizer.Kind.IMAGE, url);
                } else if (PublishedUrls.fromElsewhere(published)) {
                    sink.removed(n.getStartOffset(), HtmlSanitizer.Kind.FOREIGN_IMAGE, url);
                } else {
                    sink.kept(n.getStartOffset(), published);
                }
            } else if ((n instanceof LinkNodeBase && !(n instanceof Reference)) || n instanceof LinkRef) {
                // a reference definition writes nothing; each link using it is judged where it is
                String url = destination(n, doc);
                if (url == null) {
                    continue;
                }
                if (!sanitizer.keepsLink(url)) {
                    sink.removed(n.getStartOffset(), HtmlSanitizer.Kind.LINK, url);
                } else if (sink.wantsKept()) {
                    sink.kept(n.getStartOffset(), PublishedUrls.published(url, folderUrl));
                }
            }
        }
    }

    /**
     * The address flexmark's renderer writes for a link or image node (unescaped: entities and
     * backslash escapes decoded, as the browser would read them), or null when it writes none (a
     * reference without definition, an e-mail address).
     */
    private static String destination(Node n, Document doc) {
        if (n instanceof RefNode ref) {
            Reference def = ref.isDefined() ? ref.getReferenceNode(doc) : null;
            return def == null ? null : def.getUrl().unescape();
        }
        if (n instanceof MailLink) {
            return null;
        }
        if (n instanceof AutoLink a) {
            String url = a.getUrl().unescape();
            // the autolink extension's "www." links are written with http://
            return url.regionMatches(true, 0, "www.", 0, 4) ? "http://" + url : url;
        }
        if (n instanceof LinkNodeBase l) {
            return l.getUrl().unescape();
        }
        return null;
    }

    /** The offset in the Markdown of index {@code i} of a node's text (its start when unknown). */
    static int offset(BasedSequence raw, int i, Node n) {
        int at = i >= 0 && i < raw.length() ? raw.getIndexOffset(i) : -1;
        return at >= 0 ? at : n.getStartOffset();
    }
}
