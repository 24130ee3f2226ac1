package vn.trang.parse;

import java.util.Optional;

import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;

/** Splits {@code ---}-delimited YAML front matter from the Markdown body. */
public final class FrontMatterSplitter {

    private FrontMatterSplitter() {
    }

    /**
     * @param text the file's text with '\n' line ends and no BOM
     * @return empty after reporting an error when the front matter is missing or unterminated
     */
    public static Optional<FrontMatter> split(String text, String file, Diagnostics d) {
        if (!text.startsWith("---\n") && !text.equals("---")) {
            String first = text.lines().findFirst().orElse("");
            d.error(new SourcePos(file, 1, 1),
                    first.isBlank() && !text.isEmpty() ? "tệp bắt đầu bằng dòng trống thay vì '---'"
                            : "tệp không bắt đầu bằng phần đầu YAML ('---')",
                    "dòng đầu tiên là '---', tiếp theo các dòng khóa: giá trị, rồi một dòng '---'",
                    "thêm vào đầu tệp:\n      ---\n      title: Tiêu đề\n      ---");
            return Optional.empty();
        }
        int pos = 4;
        int line = 2;
        while (pos <= text.length()) {
            int end = text.indexOf('\n', pos);
            String l = end < 0 ? text.substring(pos) : text.substring(pos, end);
            String trimmed = l.stripTrailing();
            if (trimmed.equals("---") || trimmed.equals("...")) {
                String yaml = text.substring(4, pos);
                String body = end < 0 ? "" : text.substring(end + 1);
                return Optional.of(new FrontMatter(yaml, body, line + 1));
            }
            if (end < 0) {
                break;
            }
            pos = end + 1;
            line++;
        }
        d.error(new SourcePos(file, 1, 1), "phần đầu YAML mở bằng '---' ở dòng 1 nhưng không có dòng '---' đóng",
                "một dòng chỉ có '---' sau dòng khóa: giá trị cuối cùng",
                "thêm dòng '---' giữa phần đầu và nội dung");
        return Optional.empty();
    }
}
