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

/** {@code trang rollback}: make an earlier release live again. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Quay lại một bản phát hành trước.",
                "Chuyển nguyên tử về bản ngay trước bản đang chạy, hoặc về bản --release."})
final class RollbackCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--to", required = true, paramLabel = "TARGET", description = "dir:THƯ-MỤC hoặc git:ĐỊA-CHỈ#NHÁNH, như khi phát hành")
    String to;

    @Option(names = "--release", paramLabel = "ID", description = "Bản cần quay lại. Mặc định: bản ngay trước bản đang chạy")
    String release;

    @Option(names = "--list", description = "Chỉ liệt kê các bản (dấu * là bản đang chạy)")
    boolean list;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (list) {
            try {
                Publisher.Listing l = new Publisher().list(common.root, to);
                if (l.releases().isEmpty()) {
                    err.println("trang rollback: chưa có bản phát hành nào ở " + to + " / no release at " + to);
                    err.flush();
                    return TrangCommand.CONTENT_ERRORS;
                }
                PrintWriter out = spec.commandLine().getOut();
                for (String r : l.releases()) {
                    out.println((r.equals(l.live()) ? "* " : "  ") + r);
                }
                out.flush();
                return TrangCommand.OK;
            } catch (PublishException e) {
                err.println("trang rollback: " + e.getMessage());
                err.flush();
                return e.isUsage() ? TrangCommand.USAGE : TrangCommand.CONTENT_ERRORS;
            }
        }
        return PublishCommand.report(new Publisher().rollback(common.root, to, release, err), err, "quay lại");
    }
}
