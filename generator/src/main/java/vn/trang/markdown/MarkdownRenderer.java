package vn.trang.markdown;

import java.util.List;

import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.ParserEmulationProfile;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;

/**
 * Markdown to safe HTML. flexmark with the CommonMark profile (three times faster than its
 * default profile on our corpus), GFM tables and autolinks; header ids are made by
 * {@link HtmlSanitizer} instead of flexmark, as ASCII slugs that match our URL slugs.
 *
 * <p>Thread-safe: flexmark's parser and renderer are immutable once built.
 */
public final class MarkdownRenderer {

    /**
     * Block quotes and list items one inside another, at most. Real pages nest a few; the limit
     * keeps flexmark's per-line work and every tree walk after it small.
     */
    public static final int MAX_NESTING = 32;
    /** Depth of the parsed tree (a list level is two nodes, inline emphasis and links add theirs). */
    static final int MAX_TREE_DEPTH = 2 * MAX_NESTING + 36;
    /** Raw HTML elements one inside another (jsoup's cleaning grows with the square of it). */
    static final int MAX_HTML_NESTING = 64;

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();
    private final LinkWalk linkWalk = new LinkWalk(sanitizer);

    public MarkdownRenderer() {
        MutableDataSet options = new MutableDataSet();
        options.setFrom(ParserEmulationProfile.COMMONMARK);
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), Autolinks.create(), ThematicBreaks.create()));
        options.set(HtmlRenderer.GENERATE_HEADER_ID, false);
        options.set(HtmlRenderer.RENDER_HEADER_ID, false);
        options.set(TablesExtension.CLASS_NAME, "");
        parser = Parser.builder(options).build();
        renderer = HtmlRenderer.builder(options).build();
        // the plain-text shortcut: what the whole pipeline makes of a plain word, around it
        String probe = "Xyz";
        String html = renderFull(probe, "/", SourcePos.of("-"), 1, new Diagnostics());
        int at = html.indexOf(probe);
        boolean ok = at >= 0 && html.indexOf(probe, at + 1) < 0;
        plainBefore = ok ? html.substring(0, at) : null;
        plainAfter = ok ? html.substring(at + probe.length()) : null;
    }

    private final String plainBefore;
    private final String plainAfter;

    /**
     * Whether {@code markdown} is one line of plain prose that Markdown, autolinking and the
     * sanitizer all leave as it is (a procedure's steps are rendered one by one, 7 a procedure,
     * and each would otherwise go through flexmark's parser and renderer and a jsoup parse):
     * letters (any script, with their combining marks), digits, single spaces and {@code , . ; ( ) % /},
     * starting with a letter (no list, heading or quote marker) and without {@code w} or {@code W}
     * (what the autolinker looks at).
     */
    static boolean plain(String s) {
        int n = s.length();
        if (n == 0 || n > 2000 || !Character.isLetter(s.charAt(0)) || s.charAt(n - 1) == ' ') {
            return false;
        }
        char prev = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean ok = c == ' ' ? prev != ' '
                    : Character.isLetterOrDigit(c) ? c != 'w' && c != 'W' && !Character.isSurrogate(c)
                    : c == ',' || c == '.' || c == ';' || c == '(' || c == ')' || c == '%' || c == '/'
                    || Character.getType(c) == Character.NON_SPACING_MARK;
            if (!ok) {
                return false;
            }
            prev = c;
        }
        return true;
    }

    /**
     * Renders a Markdown body, warning about each piece of unsafe raw HTML or link it removes.
     *
     * @param folderUrl URL of the folder holding the Markdown file, for relative links
     * @param firstLine the file line the body starts on, so warnings point into the file
     */
    public String render(String markdown, String folderUrl, SourcePos file, int firstLine, Diagnostics d) {
        return render(markdown, folderUrl, lines(file, firstLine), d);
    }

    /**
     * Renders Markdown written inside something else (a front matter value), warning about each
     * piece it removes where {@code where} places it in the file.
     */
    public String render(String markdown, String folderUrl, Placement where, Diagnostics d) {
        return render(markdown, folderUrl, where, NO_OUTLINE, d);
    }

    /**
     * Renders a page's body as {@link #render} does, and also warns about each image without alt
     * text and each heading out of order ({@link BodyOutline}), where it is written.
     *
     * @param levelAbove the level of the theme's heading right above the body: 1 (the page's
     *                   title) or 2 (a section heading of its own)
     */
    public String renderBody(String markdown, String folderUrl, SourcePos file, int firstLine, int levelAbove,
                             Diagnostics d) {
        return render(markdown, folderUrl, lines(file, firstLine), levelAbove, d);
    }

    /** The outline level that checks no outline (a front matter value, not a body). */
    private static final int NO_OUTLINE = 0;

    private String render(String markdown, String folderUrl, Placement where, int levelAbove, Diagnostics d) {
        if (plainBefore != null && plain(markdown)) {
            return plainBefore + markdown + plainAfter;
        }
        MarkdownNesting.TooDeep deep = MarkdownNesting.find(markdown, MAX_NESTING);
        if (deep != null) {
            d.error(where.at(deep.line(), deep.column()),
                    "trích dẫn ('>') hoặc danh sách lồng nhau quá " + MAX_NESTING + " tầng",
                    "tối đa " + MAX_NESTING + " tầng lồng nhau: mỗi dấu '>' và mỗi mục danh sách thụt vào là một tầng",
                    "bớt dấu '>' hoặc bớt thụt lề từ dòng này; tách thành nhiều danh sách hoặc đoạn văn");
            return "";
        }
        return renderFull(markdown, folderUrl, where, levelAbove, d);
    }

    /** Where a line and column of a Markdown text (1-based) are in its file. */
    @FunctionalInterface
    public interface Placement {
        SourcePos at(int line, int column);
    }

    /** The placement of a text that is a file's lines from {@code firstLine} on, as they are. */
    static Placement lines(SourcePos file, int firstLine) {
        return (line, column) -> file.at(firstLine + line - 1, column);
    }

    /** {@link #render} without the plain-text shortcut and the nesting check. */
    String renderFull(String markdown, String folderUrl, SourcePos file, int firstLine, Diagnostics d) {
        return renderFull(markdown, folderUrl, lines(file, firstLine), NO_OUTLINE, d);
    }

    private String renderFull(String markdown, String folderUrl, Placement where, int levelAbove, Diagnostics d) {
        // every character flexmark reads passes the file's time budget (FileBudget)
        Node doc = parser.parse(BasedSequence.of(FileBudget.guard(markdown)));
        if (!withinLimits(doc, where, d)) {
            return "";
        }
        TextLines lines = new TextLines(markdown);
        linkWalk.walk((Document) doc, folderUrl, new LinkWalk.Sink() {
            @Override
            public boolean wantsKept() {
                return false;
            }

            @Override
            public void removed(int offset, HtmlSanitizer.Kind kind, String what) {
                warn(d, where.at(lines.line(offset), lines.column(offset)), kind, what);
            }
        });
        if (levelAbove != NO_OUTLINE) {
            BodyOutline.check((Document) doc, levelAbove, where, lines, d);
        }
        FileBudget.check();
        String direct = DirectHtml.write((Document) doc, markdown, folderUrl);
        return direct != null ? direct : sanitizer.clean(renderer.render(doc), folderUrl);
    }

    private static void warn(Diagnostics d, SourcePos at, HtmlSanitizer.Kind kind, String what) {
        switch (kind) {
            case HTML -> d.warning(at, "HTML không an toàn hoặc không được phép đã bị loại bỏ: " + abbreviate(what),
                    "Markdown, hoặc HTML đơn giản không có script, style, iframe, form, svg, on…=, style=",
                    "viết bằng Markdown; nhúng video/bản đồ bằng liên kết thay vì iframe");
            case LINK -> d.warning(at, "liên kết không an toàn đã bị loại bỏ: " + abbreviate(what),
                    "liên kết http://, https://, mailto:, tel: hoặc đường dẫn tương đối",
                    "ví dụ: [Cổng dịch vụ công](https://dichvucong.gov.vn/)");
            case IMAGE -> d.warning(at, "ảnh có địa chỉ không an toàn đã bị loại bỏ: " + abbreviate(what),
                    "ảnh đặt cạnh tệp Markdown", "ví dụ: ![Mô tả ảnh](anh.jpg)");
            case FOREIGN_IMAGE -> d.warning(at, "ảnh lấy từ máy chủ khác đã bị loại bỏ: " + abbreviate(what)
                            + " (mỗi lượt xem trang sẽ báo cho máy chủ đó biết ai đang đọc)",
                    "ảnh là tệp của trang, đặt cạnh tệp Markdown",
                    "tải ảnh về, đặt cạnh tệp .md và viết ![Mô tả ảnh](anh.jpg)");
        }
    }

    private static int column(Node n) {
        return n.getStartOffset() - n.getStartOfLine() + 1;
    }

    /**
     * Whether the parsed tree is shallow enough for the recursive walks after it (flexmark's
     * renderer, jsoup's cleaner): reports the first node past {@link #MAX_TREE_DEPTH}, or past
     * {@link #MAX_HTML_NESTING} raw HTML elements, otherwise.
     */
    private static boolean withinLimits(Node doc, Placement where, Diagnostics d) {
        int depth = 0;
        int htmlDepth = 0;
        for (Node n = doc.getFirstChild(); n != null; ) {
            depth++;
            if (depth > MAX_TREE_DEPTH) {
                d.error(where.at(n.getStartLineNumber() + 1, column(n)),
                        "nội dung lồng nhau quá sâu: chữ nhấn mạnh, liên kết, ảnh hoặc khối lồng trong nhau quá "
                                + MAX_TREE_DEPTH + " tầng",
                        "đoạn văn bình thường: chữ đậm, nghiêng, liên kết lồng nhau vài tầng",
                        "kiểm tra các dấu '*', '_', '[' và ']' thừa ở dòng này");
                return false;
            }
            if (n instanceof HtmlBlockBase || n instanceof HtmlInlineBase) {
                htmlDepth = RawHtmlDepth.after(n.getChars(), htmlDepth, MAX_HTML_NESTING);
                if (htmlDepth > MAX_HTML_NESTING) {
                    d.error(where.at(n.getStartLineNumber() + 1, column(n)),
                            "thẻ HTML lồng nhau quá " + MAX_HTML_NESTING + " tầng",
                            "HTML đơn giản, mỗi thẻ mở có thẻ đóng, lồng nhau vài tầng",
                            "đóng các thẻ HTML đã mở, hoặc viết bằng Markdown");
                    return false;
                }
            }
            // depth first, in a loop: the tree may be as deep as the input is long
            Node next = n.getFirstChild();
            if (next == null) {
                depth--;
                while (n != doc && n.getNext() == null) {
                    n = n.getParent();
                    depth--;
                }
                next = n == doc ? null : n.getNext();
            }
            n = next;
        }
        return true;
    }

    /** A link or image of a Markdown text: its address as the page carries it, where it is written. */
    public record SourceLink(String url, int line, int column) {
    }

    /**
     * Every link and image that {@link #render} keeps in a Markdown text, in order: Markdown links
     * (inline, reference and autolinks), images, and {@code href}/{@code src} of raw HTML. The link
     * check places a broken link's error with it, at the link's own line and column.
     *
     * @return lines and columns counted from 1 at the start of {@code markdown}
     */
    public List<SourceLink> links(String markdown, String folderUrl) {
        TextLines lines = new TextLines(markdown);
        List<SourceLink> out = new java.util.ArrayList<>();
        linkWalk.walk(parser.parse(markdown), folderUrl, new LinkWalk.Sink() {
            @Override
            public void kept(int offset, String url) {
                out.add(new SourceLink(url, lines.line(offset), lines.column(offset)));
            }
        });
        return out;
    }


    /** flexmark's renderer and the sanitizer, never {@link DirectHtml} (tests compare the two). */
    String fullPath(String markdown, String folderUrl) {
        return sanitizer.clean(renderer.render(parser.parse(markdown)), folderUrl);
    }

    /** {@link DirectHtml}'s HTML, or null where it declines. */
    String direct(String markdown, String folderUrl) {
        return DirectHtml.write(parser.parse(markdown), markdown, folderUrl);
    }

    /** One line of at most 80 characters, control characters shown as \\uXXXX (never sent raw to a terminal). */
    static String abbreviate(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        if (one.length() > 80) {
            one = one.substring(0, 77) + "…";
        }
        StringBuilder sb = new StringBuilder(one.length());
        for (int i = 0; i < one.length(); i++) {
            char c = one.charAt(i);
            if (c < ' ' || (c >= 0x7f && c < 0xa0)) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
