package vn.trang.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import vn.trang.diag.Diagnostic;
import vn.trang.pipeline.BuildOptions;
import vn.trang.pipeline.BuildResult;
import vn.trang.pipeline.Builder;

/** {@code trang build}: builds every site into the output folder. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Tạo mọi trang web vào thư mục đầu ra.",
                "Đầu ra cũ chỉ được thay khi cả lần tạo thành công; có lỗi thì giữ nguyên."})
final class BuildCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "public",
            description = "Thư mục đầu ra (tương đối với --root). Mặc định: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--site", paramLabel = "ID", description = "Chỉ tạo một trang (mã trong sites/), để xem nhanh")
    String site;

    @Option(names = "--threads", paramLabel = "N", description = "Số luồng tạo trang. Mặc định: số nhân CPU")
    Integer threads;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "Ngày tính tình trạng hiệu lực văn bản. Mặc định: hôm nay (giờ Việt Nam)")
    LocalDate asOf;

    @Option(names = "--now", paramLabel = "\"YYYY-MM-DD HH:mm\"",
            description = "Thời điểm tính lịch đăng (publish_at, unpublish_at), giờ Việt Nam. Mặc định: bây giờ; "
                    + "có --as-of thì 00:00 ngày đó")
    LocalDateTime now;

    @Option(names = "--review-days", paramLabel = "N",
            description = "Thủ tục không cập nhật quá N ngày được đưa vào danh sách cần rà soát. Mặc định: 365")
    Integer reviewDays;

    @Option(names = "--since", paramLabel = "REV",
            description = "Chỉ đọc lại các tệp nội dung Git cho biết đã đổi từ phiên bản REV (bộ nhớ đệm phải là của lần dựng REV, "
                    + "ví dụ bản phát hành trước trong CI)")
    String since;

    @Option(names = "--no-cache", description = "Dựng lại toàn bộ, không dùng và không ghi bộ nhớ đệm .trang-cache/")
    boolean noCache;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        OptionValues.threads(spec, threads);
        OptionValues.notNegative(spec, "--review-days", reviewDays);
        BuildOptions o = options(common.root, out, site, threads);
        o = schedule(o, asOf, now);
        o = reviewDays == null ? o : o.withReviewDays(reviewDays);
        if (noCache && since != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--since cần bộ nhớ đệm, không dùng cùng --no-cache / --since needs the cache");
        }
        o = o.withCache(!noCache).withSince(since);
        BuildResult r;
        if (TerminalProgress.wanted()) {
            try (TerminalProgress p = new TerminalProgress(err)) {
                r = new Builder().build(o.withProgress(p));
            }
        } else {
            r = new Builder().build(o);
        }
        report(r, err);
        return r.ok() ? TrangCommand.OK : TrangCommand.CONTENT_ERRORS;
    }

    /** --as-of and --now: the day validity is derived for, the minute the schedule is judged at. */
    static BuildOptions schedule(BuildOptions o, LocalDate asOf, LocalDateTime now) {
        BuildOptions clocked = now == null ? o : o.withNow(now);
        return asOf == null ? clocked : now == null ? clocked.withAsOf(asOf)
                : new BuildOptions(o.root(), o.out(), o.site(), o.theme(), o.threads(), asOf, o.reviewDays(), o.cache(),
                o.since(), o.progress(), now, o.drafts());
    }

    static BuildOptions options(Path root, Path out, String site, Integer threads) {
        BuildOptions o = BuildOptions.defaults(root, root.resolve(out)).withSite(site);
        if (threads != null && threads > 0) {
            o = o.withThreads(threads);
        }
        return o;
    }

    /** Prints every diagnostic, then the one-line summary. */
    static void report(BuildResult r, PrintWriter err) {
        // one write, not one flush per line: a large province has thousands of warnings
        StringBuilder sb = new StringBuilder();
        String nl = System.lineSeparator();
        for (Diagnostic d : r.diagnostics().list()) {
            sb.append(d.format()).append(nl);
        }
        // warnings beyond the first few thousand are counted per kind, all in the report
        sb.append(r.diagnostics().spillSummary());
        for (Diagnostic d : r.cacheWarnings()) {
            sb.append(d.format()).append(nl);
        }
        sb.append(r.dueSummary());
        sb.append(r.summary()).append(r.note() == null ? "" : " (" + r.note() + ")").append(nl);
        err.print(sb);
        err.flush();
    }
}
