package vn.trang.publish;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * Whether a new build is the live release again, so that publishing it would add nothing: a
 * scheduled run every few minutes would otherwise fill {@code --keep} with copies of one release
 * and leave nothing older to roll back to. The same files with the same sizes and SHA-256 as the
 * live manifest lists, and the live files still exactly those (a release changed on the server
 * is replaced by the new one, never kept because its manifest looks right).
 */
final class SameAsLive {

    private SameAsLive() {
    }

    /** Whether {@code built} lists what the live release lists and the live release is intact; says so in the log. */
    static boolean check(Target target, Optional<Target.Live> live, Manifest built, PrintWriter log) {
        if (live.isEmpty() || !live.get().manifest().files().equals(built.files())) {
            return false;
        }
        Target.Verification v;
        try {
            v = target.verify(null);
        } catch (PublishException e) {
            // e.g. current made by hand into a link elsewhere: a new release puts it right
            log.println("Bản dựng giống bản đang chạy " + live.get().release() + " nhưng không kiểm tra được bản đó ("
                    + e.getMessage() + "): tạo bản mới thay cho nó");
            return false;
        }
        if (!v.ok()) {
            log.println("Bản dựng giống bản đang chạy " + live.get().release() + " nhưng bản đó đã bị sửa trên máy chủ ("
                    + ReleaseProblem.counts(v.problems()) + "): tạo bản mới thay cho nó");
            return false;
        }
        log.println("Không có gì thay đổi: bản dựng giống hệt bản đang chạy " + live.get().release() + " ("
                + built.files().size() + " tệp, cùng SHA-256), không tạo bản mới");
        return true;
    }
}
