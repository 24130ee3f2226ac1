package vn.trang.serve;

import java.util.List;

import vn.trang.diag.Diagnostic;
import vn.trang.pipeline.EntryPreview;
import vn.trang.text.HtmlText;

/**
 * What the preview endpoint answers: the entry's page as Trang renders it, its diagnostics
 * (file:line:column, as the terminal shows them) in a box at the top of the page, so the editor
 * sees both; or, when its errors leave no page, a page of the diagnostics alone.
 */
final class PreviewPage {

    /** The id of the diagnostics box, for the editor's script and for tests. */
    static final String BOX_ID = "trang-xem-truoc-loi";

    private PreviewPage() {
    }

    static String html(EntryPreview.Page page) {
        if (page.html() == null) {
            return alone(page.source(), page.diagnostics());
        }
        if (page.diagnostics().isEmpty()) {
            return page.html();
        }
        String box = box(page.diagnostics());
        String html = page.html();
        int body = html.indexOf("<body");
        int open = body < 0 ? -1 : html.indexOf('>', body);
        return open < 0 ? box + html : html.substring(0, open + 1) + "\n" + box + html.substring(open + 1);
    }

    /** A page of diagnostics only: a title, what to do, the list. */
    static String alone(String source, List<Diagnostic> diagnostics) {
        return "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>Chưa xem trước được " + HtmlText.escape(source) + "</title>\n</head>\n<body>\n"
                + box(diagnostics)
                + "</body>\n</html>\n";
    }

    private static String box(List<Diagnostic> diagnostics) {
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        long warnings = diagnostics.size() - errors;
        StringBuilder text = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            text.append(d.format()).append('\n');
        }
        String head = errors > 0
                ? "Bài có " + errors + " lỗi" + (warnings > 0 ? " và " + warnings + " cảnh báo" : "")
                        + ": sửa trước khi gửi duyệt, trang sẽ không được đăng khi còn lỗi."
                : "Bài có " + warnings + " cảnh báo: nên sửa trước khi gửi duyệt.";
        // inline styles: the box is the preview's, not the theme's, and must look the same in every theme
        return "<div id=\"" + BOX_ID + "\" role=\"alert\" style=\"margin:0;padding:.75em 1em;border-bottom:4px solid "
                + (errors > 0 ? "#8b0000;background:#fff4f4" : "#8a5a00;background:#fffbe6")
                + ";color:#222;font:15px/1.5 system-ui,sans-serif\">\n<p style=\"margin:0 0 .5em;font-weight:bold\">"
                + HtmlText.escape(head) + "</p>\n<pre style=\"margin:0;white-space:pre-wrap;font:13px/1.45 monospace\">"
                + HtmlText.escape(text.toString()) + "</pre>\n</div>\n";
    }
}
