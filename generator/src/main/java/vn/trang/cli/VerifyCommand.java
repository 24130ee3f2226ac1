package vn.trang.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.trang.diag.Diagnostic;
import vn.trang.git.Verifier;

/** {@code trang verify}: who changed what, and were they allowed to. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Kiểm tra quyền sửa nội dung trong các commit.",
                "Tệp trong content/<mã-trang>/ chỉ do biên tập viên của trang đó (editors) hoặc quản trị cổng (admins) "
                        + "sửa; trang có trưởng ban biên tập (reviewers) chỉ nhận thay đổi qua commit gộp của họ; "
                        + "tệp khác chỉ quản trị cổng; chữ ký OpenPGP khi cổng yêu cầu (require_signed_commits). "
                        + "Có vi phạm thì in từng vi phạm và thoát mã 1."})
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--since", paramLabel = "REV",
            description = "Chỉ kiểm tra các commit sau REV (commit, nhánh, thẻ), ví dụ origin/main. Mặc định: toàn bộ lịch sử")
    String since;

    @Option(names = "--head", paramLabel = "REV", description = "Commit mới nhất cần kiểm tra. Mặc định: HEAD")
    String head;

    @Option(names = "--keyring", paramLabel = "FILE",
            description = "Tệp khóa công khai OpenPGP dùng thay cho public_keys của cổng")
    Path keyring;

    @Option(names = "--pending-review",
            description = "HEAD là nhánh của biên tập viên đang chờ duyệt, chưa gộp vào nhánh chính: không áp dụng "
                    + "quy tắc duyệt (duyet), mọi quy tắc khác vẫn kiểm tra. Dùng trong CI cho các nhánh khác main")
    boolean pendingReview;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Verifier verifier = new Verifier(common.root, keyring);
        Verifier.Outcome o = (pendingReview ? verifier.pendingReview() : verifier).verify(since, head, Map.of());
        return report(o, err);
    }

    /** Prints diagnostics, then each violation, then a one-line summary; returns the exit code. */
    static int report(Verifier.Outcome o, PrintWriter err) {
        for (Diagnostic d : o.diagnostics().list()) {
            err.println(d.format());
        }
        if (o.report() != null) {
            for (Verifier.Violation v : o.report().violations()) {
                err.println(v.format());
            }
            err.println((o.ok() ? "Hợp lệ: " : "Không hợp lệ: ") + o.report().commits() + " commit, "
                    + o.report().violations().size() + " vi phạm" + (o.policy() != null && o.policy().requireSigned()
                    ? ", chữ ký OpenPGP bắt buộc" : ""));
        } else {
            err.println("Không kiểm tra được — " + o.diagnostics().summary());
        }
        err.flush();
        return o.ok() ? TrangCommand.OK : TrangCommand.CONTENT_ERRORS;
    }
}
