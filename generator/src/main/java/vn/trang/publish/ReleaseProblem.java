package vn.trang.publish;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One way a release on a target differs from its manifest. Releases are never changed once
 * published, so any difference means someone edited the live tree (by hand, or with write access
 * to the web server they should not have), or the disk damaged it.
 *
 * @param path the file's path inside the release, {@code /}-separated
 */
public record ReleaseProblem(Kind kind, String path) implements Comparable<ReleaseProblem> {

    public enum Kind {
        /** Listed and present, but not the bytes that were hashed (size or SHA-256 differ). */
        MODIFIED("đã bị sửa: nội dung khác SHA-256 ghi trong tệp kê khai"),
        /** Listed, but no longer a regular file: replaced by a symlink, a folder or a device. */
        NOT_A_FILE("không còn là tệp thường (bị thay bằng liên kết tượng trưng hoặc thư mục)"),
        /** Listed, not on disk. */
        MISSING("thiếu: có trong tệp kê khai nhưng không có trên đĩa"),
        /** On disk, not listed. */
        EXTRA("thừa: có trên đĩa nhưng không có trong tệp kê khai");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /** What it means, in the operator's words. */
        public String text() {
            return text;
        }
    }

    /** {@code path: what is wrong}. */
    public String describe() {
        return path + ": " + kind.text;
    }

    @Override
    public int compareTo(ReleaseProblem o) {
        int c = path.compareTo(o.path);
        return c != 0 ? c : kind.compareTo(o.kind);
    }

    /** "2 tệp bị sửa, 1 tệp thừa". */
    static String counts(List<ReleaseProblem> problems) {
        Map<Kind, Integer> n = new EnumMap<>(Kind.class);
        problems.forEach(p -> n.merge(p.kind(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        n.forEach((k, c) -> parts.add(c + " tệp " + switch (k) {
            case MODIFIED -> "bị sửa";
            case NOT_A_FILE -> "bị thay bằng thứ không phải tệp";
            case MISSING -> "thiếu";
            case EXTRA -> "thừa";
        }));
        return String.join(", ", parts);
    }
}
