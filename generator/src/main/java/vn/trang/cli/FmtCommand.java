package vn.trang.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import vn.trang.diag.Diagnostic;
import vn.trang.diag.Diagnostics;
import vn.trang.fmt.ContentFormatter;

/** {@code trang fmt}: rewrites the short forms of front matter the browser editor cannot open. */
@Command(name = "fmt", mixinStandardHelpOptions = true,
        description = {"Viết lại phần đầu tệp ở dạng trình soạn thảo mở được.",
                "Các dạng gọn Trang chấp nhận (một giá trị cho khóa là danh sách, phần tử chỉ là chuỗi trong danh sách "
                        + "nhóm khóa, giấy tờ không theo trường hợp, số không có ngoặc kép…) được viết lại ở dạng đầy đủ; "
                        + "mọi thứ khác trong tệp giữ nguyên từng byte. Tệp có lỗi được báo và giữ nguyên."})
final class FmtCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--check", description = "Không sửa gì; liệt kê từng chỗ cần viết lại và thoát với mã 1 nếu có (cho CI)")
    boolean check;

    @Option(names = "--site", paramLabel = "ID", description = "Chỉ xử lý một trang (mã trong sites/)")
    String site;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Diagnostics d = new Diagnostics();
        Optional<ContentFormatter.Report> run = new ContentFormatter().run(common.root, site, !check, d);
        StringBuilder sb = new StringBuilder();
        String nl = System.lineSeparator();
        if (run.isEmpty()) {
            d.list().forEach(x -> sb.append(x.format()).append(nl));
            err.print(sb);
            err.flush();
            return TrangCommand.CONTENT_ERRORS;
        }
        ContentFormatter.Report r = run.get();
        r.problems().forEach(x -> sb.append(x.format()).append(nl));
        if (check) {
            r.findings().forEach(x -> sb.append(x.format()).append(nl));
            long files = r.findings().stream().map(Diagnostic::file).distinct().count();
            sb.append(r.findings().isEmpty() ? "trang fmt --check: " + r.files() + " tệp đều ở dạng trình soạn thảo đọc được"
                    : "trang fmt --check: " + r.findings().size() + " chỗ trong " + files
                    + " tệp ở dạng gọn mà trình soạn thảo không mở được; chạy trang fmt để viết lại").append(nl);
        } else {
            r.rewritten().forEach(f -> sb.append(f).append(": đã viết lại ")
                    .append(r.findings().stream().filter(x -> x.file().equals(f)).count()).append(" chỗ").append(nl));
            sb.append("trang fmt: đã viết lại ").append(r.rewritten().size()).append(" trong ").append(r.files())
                    .append(" tệp").append(nl);
        }
        if (!r.problems().isEmpty()) {
            sb.append(r.problems().size()).append(" lỗi: các tệp này được giữ nguyên").append(nl);
        }
        err.print(sb);
        err.flush();
        boolean failed = !r.problems().isEmpty() || check && !r.findings().isEmpty();
        return failed ? TrangCommand.CONTENT_ERRORS : TrangCommand.OK;
    }
}
