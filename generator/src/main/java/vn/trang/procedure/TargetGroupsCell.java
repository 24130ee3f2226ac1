package vn.trang.procedure;

import java.util.ArrayList;
import java.util.List;

/** "Đối tượng thực hiện": who may carry out a procedure, one group per comma outside parentheses. */
final class TargetGroupsCell {

    private TargetGroupsCell() {
    }

    /** "Tổ chức (không bao gồm doanh nghiệp, HTX), Cán bộ, công chức, viên chức" → two groups. */
    static List<String> parse(String cell) {
        String s = PortalText.orNull(PortalText.oneLine(cell));
        if (s == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            }
            if (c == ',' && depth == 0) {
                add(out, cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        add(out, cur.toString());
        return out;
    }

    private static void add(List<String> groups, String piece) {
        String p = piece.strip();
        if (p.isEmpty()) {
            return;
        }
        if (!groups.isEmpty() && Character.isLowerCase(p.charAt(0))) {
            // "Cán bộ, công chức, viên chức" is one group
            groups.set(groups.size() - 1, groups.get(groups.size() - 1) + ", " + p);
        } else if (!groups.contains(p)) {
            groups.add(p);
        }
    }
}
