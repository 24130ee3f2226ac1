package vn.trang.markdown;

import java.util.HashMap;
import java.util.Map;

import vn.trang.text.Slugs;

/** Heading ids: a heading's text as an ASCII slug ("muc" when it has none), numbered when repeated. */
final class HeadingIds {
    private final Map<String, Integer> seen = new HashMap<>();

    String next(String text) {
        String id = Slugs.slugify(text);
        if (id.isEmpty()) {
            id = "muc";
        }
        int n = seen.merge(id, 1, Integer::sum);
        return n == 1 ? id : id + "-" + n;
    }
}
