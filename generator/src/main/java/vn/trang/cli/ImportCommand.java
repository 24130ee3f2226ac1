package vn.trang.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.trang.diag.Diagnostics;
import vn.trang.load.SiteRegistry;
import vn.trang.load.SiteRegistryLoader;
import vn.trang.procedure.TthcImporter;

/** {@code trang import tthc FILE --site ID}: procedures from the national public service portal. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Nhập dữ liệu từ nguồn ngoài thành tệp nội dung.",
                "tthc: thủ tục hành chính theo định dạng của Cổng Dịch vụ công quốc gia (JSON Lines, có thể nén .gz), "
                        + "mỗi bản ghi một tệp content/<ID>/thu-tuc/<slug>.md; bản ghi không chuyển trọn vẹn được thì bỏ "
                        + "qua, kèm lý do."})
final class ImportCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "KIND", description = "Loại dữ liệu: tthc (thủ tục hành chính)")
    String kind;

    @Parameters(index = "1", paramLabel = "FILE", description = "Tệp .jsonl hoặc .jsonl.gz")
    Path file;

    @Option(names = "--site", required = true, paramLabel = "ID", description = "Trang nhận thủ tục (mã trong sites/)")
    String site;

    @Option(names = "--overwrite", description = "Ghi đè tệp đã có (mặc định: không bao giờ ghi đè)")
    boolean overwrite;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Chỉ đọc N bản ghi đầu tiên (0: tất cả). Mặc định: ${DEFAULT-VALUE}")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!"tthc".equals(kind)) {
            err.println("trang import: loại '" + kind + "' không có; hiện chỉ có: tthc");
            return TrangCommand.USAGE;
        }
        if (limit < 0) {
            err.println("trang import: --limit phải là số không âm");
            return TrangCommand.USAGE;
        }
        if (!Files.isRegularFile(file)) {
            err.println("trang import: không có tệp / no such file: " + file);
            return TrangCommand.USAGE;
        }
        Path root = common.root.toAbsolutePath().normalize();
        Diagnostics d = new Diagnostics();
        Optional<SiteRegistry> registry = new SiteRegistryLoader().load(root.resolve("sites"), root, d);
        if (registry.isEmpty()) {
            d.list().forEach(x -> err.println(x.format()));
            return TrangCommand.CONTENT_ERRORS;
        }
        if (registry.get().byId(site).isEmpty()) {
            err.println("trang import: không có trang '" + site + "' trong sites/");
            return TrangCommand.USAGE;
        }
        TthcImporter importer = new TthcImporter(
                new TthcImporter.Options(root, registry.get().byId(site).get(), overwrite, limit), out);
        importer.run(file);
        return TrangCommand.OK;
    }
}
