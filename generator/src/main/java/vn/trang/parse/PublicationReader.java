package vn.trang.parse;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.model.Publication;
import vn.trang.parse.schema.CommonFields;
import vn.trang.yaml.YamlMap;

/**
 * Reads when an item may be seen ({@code draft}, {@code publish_at}, {@code unpublish_at}) and
 * finds the placeholders {@code trang new}'s archetypes leave for the editor to replace. Whether
 * a placeholder is an error depends on the build (a preview shows the page with a warning), so
 * the parser only records them; the parse stage reports them.
 */
final class PublicationReader {

    /** The archetypes mark every line to fill in with "TODO"; "TBD" is the other usual mark. */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?<![\\p{L}\\p{N}_])(TODO|TBD)(?![\\p{L}\\p{N}_])");

    private PublicationReader() {
    }

    static Publication read(YamlMap y, String text, String file, List<Publication.Blank> blanks, Diagnostics d) {
        boolean draft = Boolean.TRUE.equals(y.bool(CommonFields.DRAFT));
        LocalDateTime publishAt = y.dateTime(CommonFields.PUBLISH_AT);
        LocalDateTime unpublishAt = y.dateTime(CommonFields.UNPUBLISH_AT);
        if (publishAt != null && unpublishAt != null && !unpublishAt.isAfter(publishAt)) {
            d.error(y.valuePos(CommonFields.UNPUBLISH_AT.key()),
                    "'unpublish_at' (" + unpublishAt + ") không sau 'publish_at' (" + publishAt + "): tin sẽ không bao giờ hiện",
                    "thời điểm gỡ xuống sau thời điểm đăng",
                    "sửa unpublish_at thành một thời điểm sau " + publishAt.toString().replace('T', ' ')
                            + ", hoặc bỏ dòng unpublish_at");
        }
        return new Publication(draft, publishAt, unpublishAt, placeholders(text, file), blanks);
    }

    /** Each placeholder word in the file (front matter, its comments and the body), in order. */
    static List<Publication.Placeholder> placeholders(String text, String file) {
        List<Publication.Placeholder> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int line = 1;
        int lineStart = 0;
        int scanned = 0;
        while (m.find()) {
            for (int i = text.indexOf('\n', scanned); i >= 0 && i < m.start(); i = text.indexOf('\n', i + 1)) {
                line++;
                lineStart = i + 1;
                scanned = i + 1;
            }
            found.add(new Publication.Placeholder(new SourcePos(file, line, m.start() - lineStart + 1), m.group(1)));
        }
        return found;
    }
}
