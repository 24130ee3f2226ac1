package vn.trang.markdown;

import java.util.Locale;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;

/**
 * Images without a description and headings out of order in a page's body, warned about while the
 * body is parsed, at the line and column the editor wrote them: {@code trang check} finds the same
 * in the built pages (vn.trang.check.SiteChecker), but only where it is run, and only as the
 * page's path. A screen reader says nothing useful of an image without alt text, and reads a page
 * by its headings; a skipped level or a second title breaks that outline.
 */
final class BodyOutline {

    private final int levelAbove;
    private final MarkdownRenderer.Placement where;
    private final TextLines lines;
    private final Diagnostics d;
    /** The level of the last heading, the theme's own to begin with. */
    private int previous;

    private BodyOutline(int levelAbove, MarkdownRenderer.Placement where, TextLines lines, Diagnostics d) {
        this.levelAbove = levelAbove;
        this.previous = levelAbove;
        this.where = where;
        this.lines = lines;
        this.d = d;
    }

    /**
     * @param levelAbove the level of the theme's heading right above the body (1, the page's
     *                   title; 2 where the body sits in a section of its own)
     */
    static void check(Document doc, int levelAbove, MarkdownRenderer.Placement where, TextLines lines, Diagnostics d) {
        BodyOutline outline = new BodyOutline(levelAbove, where, lines, d);
        for (Node n : doc.getDescendants()) {
            if (n instanceof Heading h) {
                outline.heading(h.getLevel(), h.getText().toString(), h.getStartOffset());
            } else if (n instanceof Image image) {
                if (image.getText().isBlank()) {
                    outline.missingAlt(image.getUrl().unescape(), false, image.getStartOffset());
                }
            } else if (n instanceof ImageRef ref) {
                if (ref.isDefined() && ref.getText().isBlank()) {
                    outline.missingAlt(ref.getReference().toString(), false, ref.getStartOffset());
                }
            } else if (n instanceof HtmlBlockBase || n instanceof HtmlInlineBase) {
                outline.rawHtml(n);
            }
        }
    }

    /** Images and headings written as HTML: the same rules, at their tags. */
    private void rawHtml(Node n) {
        BasedSequence raw = n instanceof HtmlBlockBase b ? b.getContentChars() : n.getChars();
        String html = raw.toString();
        if (!mentionsImageOrHeading(html.toLowerCase(Locale.ROOT))) {
            return;
        }
        org.jsoup.nodes.Document parsed = Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true));
        for (Element e : parsed.getAllElements()) {
            int at = e.sourceRange().startPos();
            if (e.sourceRange().endPos() <= at) {
                continue; // html, head and body the parser made up
            }
            int offset = LinkWalk.offset(raw, at, n);
            String tag = e.normalName();
            if (tag.equals("img") && e.attr("alt").isBlank()) {
                missingAlt(e.attr("src"), true, offset);
            } else if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
                heading(tag.charAt(1) - '0', e.text(), offset);
            }
        }
    }

    private static boolean mentionsImageOrHeading(String lower) {
        if (lower.contains("<img")) {
            return true;
        }
        for (int i = lower.indexOf("<h"); i >= 0 && i + 2 < lower.length(); i = lower.indexOf("<h", i + 1)) {
            char c = lower.charAt(i + 2);
            if (c >= '1' && c <= '6') {
                return true;
            }
        }
        return false;
    }

    private SourcePos at(int offset) {
        return where.at(lines.line(offset), lines.column(offset));
    }

    private void heading(int level, String text, int offset) {
        String shown = MarkdownRenderer.abbreviate(text);
        int first = levelAbove + 1;
        if (level == 1) {
            d.warning(at(offset), "tiêu đề cấp 1 \"" + shown + "\" trong nội dung: trang đã có tiêu đề cấp 1 là tiêu đề bài "
                            + "(title), mỗi trang chỉ có một",
                    "các mục trong nội dung dùng tiêu đề từ cấp " + first + " (" + "#".repeat(first) + ")",
                    "viết " + "#".repeat(first) + " " + shown);
        } else if (level > previous + 1) {
            d.warning(at(offset), "tiêu đề \"" + shown + "\" nhảy từ cấp " + previous + " xuống cấp " + level
                            + ", bỏ qua cấp " + (previous + 1) + " (người dùng trình đọc màn hình đi theo các cấp tiêu đề)",
                    "tiêu đề sau một tiêu đề cấp " + previous + " có cấp không quá " + (previous + 1),
                    "viết " + "#".repeat(previous + 1) + " " + shown + ", hoặc thêm một tiêu đề cấp " + (previous + 1)
                            + " phía trên");
        }
        previous = level;
    }

    private void missingAlt(String src, boolean html, int offset) {
        String file = src.replaceFirst(".*/", "");
        d.warning(at(offset), "ảnh " + MarkdownRenderer.abbreviate(src) + " thiếu mô tả (alt): người khiếm thị dùng "
                        + "trình đọc màn hình không biết ảnh có gì",
                "một câu ngắn tả nội dung ảnh",
                html ? "ví dụ: <img src=\"" + file + "\" alt=\"Quang cảnh hội nghị\">"
                        : "ví dụ: ![Quang cảnh hội nghị](" + file + ")");
    }
}
