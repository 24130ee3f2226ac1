package vn.trang.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.trang.bench.BenchCorpus;
import vn.trang.bench.CorpusWriter;

/** {@code trang-tools corpus}: the shared harness's synthetic province, in Trang's format (bench/run). */
@Command(name = "corpus", mixinStandardHelpOptions = true, versionProvider = TrangTools.Version.class,
        description = {"Tạo một tỉnh giả định gồm N bài (tin tức, văn bản, thủ tục) để đo hiệu năng.",
                "Cùng các đơn vị, chuyên mục, kích thước và dữ liệu với bộ đo chung (../shared/bench),",
                "theo định dạng nội dung của Trang; cùng --seed cho cùng kết quả.",
                "Generates the shared benchmark's synthetic province (N content pages) as a Trang project."})
final class CorpusCommand implements Callable<Integer> {

    @Option(names = "--root", paramLabel = "DIR", defaultValue = "${env:TRANG_ROOT:-.}",
            description = "Thư mục dự án Trang, nơi lấy giao diện themes/default. Mặc định: ${DEFAULT-VALUE}")
    Path root;

    @Option(names = "--pages", paramLabel = "N", required = true, description = "Số bài / number of content pages")
    int pages;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Thư mục dự án được tạo (sites/, content/, themes/) / project folder to write")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "20240601",
            description = "Hạt giống ngẫu nhiên. Mặc định: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--force", description = "Tạo lại kể cả khi thư mục đã có đúng bộ dữ liệu này")
    boolean force;

    @Option(names = "--harness-numbers", description = {"Đánh số văn bản đúng như bộ đo chung (số không kèm năm",
            "lặp lại giữa các năm nên Trang báo trùng): chỉ để đối chiếu / the harness's exact numbering, to compare"})
    boolean harnessNumbers;

    @Option(names = "--threads", paramLabel = "N", description = "Số luồng ghi. Mặc định: số nhân CPU")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (pages < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--pages phải ≥ 1 / must be at least 1");
        }
        int n = TrangTools.threads(spec, threads);
        if (seed < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seed phải ≥ 0 / must not be negative");
        }
        Path theme = root.toAbsolutePath().normalize().resolve("themes").resolve("default");
        if (!Files.isDirectory(theme.resolve("templates"))) {
            err.println("trang-tools corpus: không tìm thấy giao diện " + theme + " (dùng --root thư mục dự án Trang)");
            return TrangTools.USAGE;
        }
        Path dir = out.toAbsolutePath().normalize();
        long start = System.nanoTime();
        if (!force && CorpusWriter.isComplete(dir, pages, seed, harnessNumbers)) {
            CorpusWriter.copyTheme(theme, dir);
            err.println("Đã có sẵn: " + CorpusWriter.key(pages, seed, harnessNumbers) + " trong " + dir);
            return TrangTools.OK;
        }
        CorpusWriter.Summary s = new CorpusWriter(new BenchCorpus(pages, seed, harnessNumbers)).write(dir, theme, n);
        err.println("Xong: " + s.pages() + " bài, " + s.sites() + " đơn vị, " + s.words() + " từ, "
                + s.bodyBytes() / 1024 + " KiB nội dung → " + dir + " — "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
        return TrangTools.OK;
    }
}
