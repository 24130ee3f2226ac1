package vn.trang.procedure;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "Trình tự thực hiện": a procedure's steps, split where the portal numbers them. */
final class StepsCell {

    private static final Pattern STEP = Pattern.compile(
            "(?:^|(?<=[\\n.;:]))[ \\t]*(?:[a-zđ]\\)[ \\t]*|[-+*•][ \\t]*)?Bước[ \\t]*(\\d{1,2})(?!\\d)[ \\t]*[:.\\-–)]?[ \\t]*");

    private StepsCell() {
    }

    /**
     * The steps, split at "Bước 1", "Bước 2"… when they are numbered in order from 1 with nothing
     * before the first; otherwise the whole text is one step. Each step is Markdown.
     */
    static List<String> parse(String cell) {
        String s = PortalText.clean(cell);
        if (s.isEmpty() || s.equals(PortalText.NO_INFO)) {
            return List.of();
        }
        Matcher m = STEP.matcher(s);
        List<int[]> marks = new ArrayList<>();
        int expected = 1;
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) == expected) {
                marks.add(new int[] {m.start(), m.end()});
                expected++;
            }
        }
        if (marks.size() < 2 || !s.substring(0, marks.get(0)[0]).isBlank()) {
            return List.of(PortalText.markdown(s));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            String step = s.substring(marks.get(i)[1], i + 1 < marks.size() ? marks.get(i + 1)[0] : s.length());
            String md = PortalText.markdown(step);
            if (!md.isEmpty()) {
                out.add(md);
            }
        }
        return out;
    }
}
