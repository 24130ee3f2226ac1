package vn.trang.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import vn.trang.check.Finding;
import vn.trang.check.SiteChecker;
import vn.trang.pipeline.BuildResult;
import vn.trang.pipeline.Builder;
import vn.trang.text.Csv;

/** {@code trang check}: build, then check every page of the result. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Tạo trang rồi kiểm tra liên kết, ảnh, tiêu đề và HTML.",
                "Kiểm tra toàn bộ kết quả: liên kết và neo nội bộ, tệp thiếu, ảnh thiếu mô tả, thứ tự tiêu đề, tiêu đề "
                        + "trùng, tính hợp lệ HTML (Nu Html Checker). Liên kết ngoài chỉ được liệt kê."})
final class CheckCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "public",
            description = "Thư mục đầu ra (tương đối với --root). Mặc định: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--no-build", description = "Kiểm tra thư mục đầu ra có sẵn, không tạo lại")
    boolean noBuild;

    @Option(names = "--no-html", description = "Bỏ qua kiểm tra tính hợp lệ HTML (nhanh hơn)")
    boolean noHtml;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Ngày tính hiệu lực văn bản khi tạo trang")
    java.time.LocalDate asOf;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Path root = common.root.toAbsolutePath().normalize();
        Path dir = root.resolve(out);
        if (!noBuild) {
            var o = BuildCommand.options(root, out, null, null);
            BuildResult r = new Builder().build(asOf == null ? o : o.withAsOf(asOf));
            BuildCommand.report(r, err);
            if (!r.ok()) {
                return TrangCommand.CONTENT_ERRORS;
            }
        }
        if (!Files.isDirectory(dir)) {
            err.println("trang check: chưa có thư mục đầu ra " + dir + "; chạy trang build trước");
            return TrangCommand.USAGE;
        }
        // the province's own hosts: links to them are checked like relative ones (the build has
        // already reported any problem of the registry; without one, every absolute link is external)
        List<String> siteUrls = new vn.trang.load.SiteRegistryLoader()
                .load(root.resolve("sites"), root, new vn.trang.diag.Diagnostics())
                .map(reg -> reg.sites().stream().map(vn.trang.model.Site::absoluteUrl).toList()).orElse(List.of());
        SiteChecker.Report report = new SiteChecker(!noHtml, Math.max(1, Runtime.getRuntime().availableProcessors()), root,
                siteUrls).check(dir);
        for (Finding f : report.findings()) {
            err.println(f.format());
        }
        writeExternal(dir, report.external());
        err.println("Kiểm tra " + report.pages() + " trang: " + report.errors() + " lỗi, " + report.warnings() + " cảnh báo, "
                + report.external().size() + " liên kết ngoài (" + SiteChecker.EXTERNAL + ")");
        err.flush();
        return report.errors() > 0 ? TrangCommand.CONTENT_ERRORS : TrangCommand.OK;
    }

    private static void writeExternal(Path dir, Map<String, Set<String>> external) throws IOException {
        Csv csv = new Csv().row(List.of("lien_ket", "trang"));
        external.forEach((url, pages) -> csv.row(List.of(url, String.join(" ", pages))));
        Path file = dir.resolve(SiteChecker.EXTERNAL);
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
    }
}
