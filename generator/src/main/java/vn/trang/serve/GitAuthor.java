package vn.trang.serve;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who the commits made in the editor are by: a name and an e-mail address, as Git records them.
 *
 * @param name  e.g. "Nguyễn Thị Biên Tập"
 * @param email e.g. "bientap@so-tu-phap.bacninh.gov.vn"
 */
public record GitAuthor(String name, String email) {

    private static final Pattern NAME_EMAIL = Pattern.compile("\\s*([^<>]*?)\\s*<([^<>\\s@]+@[^<>\\s@]+)>\\s*");

    /**
     * "Tên &lt;email&gt;", as {@code git commit --author} takes it.
     *
     * @throws IllegalArgumentException with what is expected, in Vietnamese
     */
    public static GitAuthor parse(String text) {
        Matcher m = NAME_EMAIL.matcher(text);
        if (!m.matches() || m.group(1).isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' không phải tác giả hợp lệ: cần dạng \"Họ Tên <email>\", ví dụ"
                    + " --author \"Nguyễn Thị Biên Tập <bientap@so-tu-phap.bacninh.gov.vn>\"");
        }
        return new GitAuthor(m.group(1), m.group(2));
    }

    @Override
    public String toString() {
        return name + " <" + email + ">";
    }
}
