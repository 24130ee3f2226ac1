package vn.trang.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.trang.publish.PublishException;
import vn.trang.publish.Publisher;
import vn.trang.publish.ReleaseProblem;
import vn.trang.publish.Target;

/** {@code trang verify-release}: is a release on the server still exactly what was published? */
@Command(name = "verify-release", mixinStandardHelpOptions = true,
        description = {"Kiểm tra một bản phát hành còn đúng như lúc phát hành.",
                "So bản trên nơi phát hành với tệp kê khai của nó (_trang/manifest.json): mọi tệp đúng SHA-256, không "
                        + "thiếu tệp, không thừa tệp. Khớp thì thoát mã 0; có tệp bị sửa, thiếu hay thừa thì in từng tệp "
                        + "và thoát mã 1. Với dir: không cần khóa, chạy được cả khi đang phát hành."})
final class VerifyReleaseCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--to", required = true, paramLabel = "TARGET", description = "dir:THƯ-MỤC hoặc git:ĐỊA-CHỈ#NHÁNH, như khi phát hành")
    String to;

    @Option(names = "--release", paramLabel = "ID", description = "Bản cần kiểm tra. Mặc định: bản đang chạy")
    String release;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Target.Verification v = new Publisher().verifyRelease(common.root, to, release);
            for (ReleaseProblem p : v.problems()) {
                err.println(v.where() + p.path() + ": lỗi: " + p.kind().text());
            }
            String id = "tệp kê khai " + v.manifest();
            if (v.ok()) {
                err.println("Khớp: bản " + v.release() + ", " + v.files() + " tệp đúng SHA-256, không thiếu, không thừa ("
                        + id + ")");
            } else {
                err.println("KHÔNG KHỚP: bản " + v.release() + " đã bị sửa sau khi phát hành: " + v.problems().size()
                        + " tệp khác tệp kê khai (" + id + "). Đừng quay lại bản này; phát hành lại từ kho nội dung.");
            }
            err.flush();
            return v.ok() ? TrangCommand.OK : TrangCommand.CONTENT_ERRORS;
        } catch (PublishException e) {
            err.println("trang verify-release: " + e.getMessage());
            err.flush();
            return e.isUsage() ? TrangCommand.USAGE : TrangCommand.CONTENT_ERRORS;
        }
    }
}
