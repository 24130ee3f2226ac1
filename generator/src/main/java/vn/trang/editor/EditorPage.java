package vn.trang.editor;

import vn.trang.model.Section;
import vn.trang.model.Site;
import vn.trang.text.HtmlText;

/**
 * A site's {@code quan-tri/index.html}: the page that loads Decap CMS, which reads
 * {@code config.yml} beside it, then Trang's preview pane ({@link EditorFiles#PREVIEW_SCRIPT_URL}). Without the script (not installed on the build machine) the
 * page says how to install it instead.
 */
final class EditorPage {

    private EditorPage() {
    }

    /** @param script the script's URL, or null when it is not installed */
    static String html(Site site, String script) {
        String title = "Quản trị nội dung – " + HtmlText.escape(site.name());
        StringBuilder sb = new StringBuilder();
        sb.append("<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
                .append("<title>").append(title).append("</title>\n")
                .append("<link href=\"config.yml\" type=\"text/yaml\" rel=\"cms-config-url\">\n")
                .append("</head>\n<body>\n");
        if (script != null) {
            sb.append("<script src=\"").append(HtmlText.escape(script)).append("\"></script>\n");
            // the preview pane: Trang's own rendering of the entry, for every collection of config.yml
            StringBuilder collections = new StringBuilder();
            for (Section s : Section.values()) {
                collections.append(collections.isEmpty() ? "" : " ").append(s.folder());
            }
            sb.append("<script src=\"").append(HtmlText.escape(EditorFiles.PREVIEW_SCRIPT_URL))
                    .append("\" data-site=\"").append(HtmlText.escape(site.id()))
                    .append("\" data-collections=\"").append(HtmlText.escape(collections.toString()))
                    .append("\"></script>\n");
        } else {
            sb.append("<main>\n<h1>").append(title).append("</h1>\n")
                    .append("<p>Trình soạn thảo (Decap CMS) chưa được cài trên máy dựng trang nên trang quản trị chưa dùng được.</p>\n")
                    .append("<p>Người quản trị cài một lần, trong thư mục dự án (cần Node.js và npm):</p>\n")
                    .append("<pre><code>cd editor &amp;&amp; npm ci</code></pre>\n")
                    .append("<p>rồi chạy lại <code>trang build</code>. Hướng dẫn: docs/EDITING.md, mục ")
                    .append("“Trình soạn thảo (Decap CMS)”.</p>\n</main>\n");
        }
        return sb.append("</body>\n</html>\n").toString();
    }
}
