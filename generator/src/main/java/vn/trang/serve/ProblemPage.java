package vn.trang.serve;

import vn.trang.text.HtmlText;

/**
 * The page the preview server answers with while the last build has failed: its diagnostics as
 * the terminal shows them (file:line:column, what is wrong, what was expected, how to fix it).
 * The text sits in the element the live-reload script updates, so a later failure replaces it in
 * place and a good build reloads the page the editor asked for.
 */
final class ProblemPage {

    /** The id the live-reload script looks for (DevServer's banner). */
    static final String ELEMENT_ID = "__trang_problem";

    private ProblemPage() {
    }

    static String html(String diagnostics) {
        return "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>Lỗi khi dựng trang</title>\n"
                + "<style>body{margin:0;padding:1.5em;font:16px/1.5 system-ui,sans-serif;background:#fff;color:#222}"
                + "h1{color:#8b0000;font-size:1.4em}pre{white-space:pre-wrap;background:#fff4f4;border-left:4px solid #8b0000;"
                + "padding:1em;font:14px/1.5 monospace;overflow:auto}</style>\n</head>\n<body>\n"
                + "<h1>Lần dựng trang gần nhất bị lỗi</h1>\n"
                + "<p>Các trang chưa được cập nhật. Sửa những lỗi dưới đây trong tệp nội dung rồi lưu lại: "
                + "trang sẽ tự tải lại khi dựng xong.</p>\n"
                + "<pre id=\"" + ELEMENT_ID + "\" role=\"alert\">" + HtmlText.escape(diagnostics) + "</pre>\n"
                + "</body>\n</html>\n";
    }

}
