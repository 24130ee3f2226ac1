package vn.trang.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import vn.trang.diag.Diagnostic;
import vn.trang.git.Verifier;
import vn.trang.publish.Publisher;
import vn.trang.text.DateFormats;

/** {@code trang publish}: verify, build, and switch the live site atomically. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Kiểm tra quyền, tạo trang, rồi đưa bản mới lên chạy.",
                "Như trang verify rồi trang build, sau đó chuyển sang bản mới một cách nguyên tử. Lỗi ở bất cứ bước "
                        + "nào, hay tiến trình bị dừng đột ngột, thì bản đang chạy vẫn giữ nguyên."})
final class PublishCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--to", required = true, paramLabel = "TARGET",
            description = "dir:THƯ-MỤC (các bản trong releases/, liên kết current) hoặc git:ĐỊA-CHỈ#NHÁNH (nhánh triển khai)")
    String to;

    @Option(names = "--keep", paramLabel = "N", defaultValue = "5",
            description = "Số bản giữ lại (dir:), kể cả bản đang chạy. Mặc định: ${DEFAULT-VALUE}")
    int keep;

    @Option(names = "--since", paramLabel = "REV",
            description = "Kiểm tra quyền từ REV. Mặc định: commit nguồn của bản đang chạy, hoặc toàn bộ lịch sử")
    String since;

    @Option(names = "--keyring", paramLabel = "FILE", description = "Tệp khóa công khai OpenPGP dùng thay cho public_keys")
    Path keyring;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "Ngày tính tình trạng hiệu lực văn bản. Mặc định: hôm nay (giờ Việt Nam)")
    LocalDate asOf;

    @Option(names = "--threads", paramLabel = "N", description = "Số luồng tạo trang. Mặc định: số nhân CPU")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (keep < 1) {
            err.println("trang publish: --keep phải từ 1 trở lên");
            return TrangCommand.USAGE;
        }
        OptionValues.threads(spec, threads);
        int n = threads != null && threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
        Publisher.Result r = new Publisher().publish(new Publisher.Options(common.root, to, keep, since, keyring,
                asOf == null ? LocalDate.now(DateFormats.VIETNAM) : asOf, n), err);
        return report(r, err, "phát hành");
    }

    static int report(Publisher.Result r, PrintWriter err, String what) {
        // Errors only: the build's warnings are counted in its summary line (trang build prints them).
        for (Diagnostic d : r.diagnostics().list()) {
            if (d.isError()) {
                err.println(d.format());
            }
        }
        for (Verifier.Violation v : r.violations()) {
            err.println(v.format());
        }
        if (r.ok() && r.unchanged()) {
            err.println("Xong: không có gì mới để phát hành, bản " + r.release() + " vẫn đang chạy");
        } else if (r.ok()) {
            err.println("Xong: bản " + r.release() + " đang chạy");
        } else {
            err.println("Thất bại: không " + what + ", bản đang chạy được giữ nguyên");
        }
        err.flush();
        return r.ok() ? TrangCommand.OK : r.usage() ? TrangCommand.USAGE : TrangCommand.CONTENT_ERRORS;
    }
}
