package vn.trang.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.trang.build.BuildOptions;
import vn.trang.build.BuildResult;
import vn.trang.build.Builder;
import vn.trang.index.SearchFiles;
import vn.trang.search.Ranking;
import vn.trang.search.SearchService;
import vn.trang.search.http.SearchHttp;
import vn.trang.serve.DevServer;
import vn.trang.serve.SourceWatcher;

/** {@code trang serve}: build, serve on localhost, rebuild on change and reload open pages. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Tạo trang rồi phục vụ tại http://localhost để xem trước; tự tạo lại khi nội dung",
                "thay đổi và tải lại trang đang mở. Lỗi nội dung hiện ngay trên trang.",
                "Builds, serves on localhost, rebuilds on change and reloads the open page."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = {"-p", "--port"}, paramLabel = "N", defaultValue = "4000", description = "Cổng. Mặc định: ${DEFAULT-VALUE}")
    int port;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "public",
            description = "Thư mục đầu ra (tương đối với --root). Mặc định: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--site", paramLabel = "ID", description = "Chỉ tạo một trang")
    String site;

    @Option(names = "--no-watch", description = "Không theo dõi thay đổi")
    boolean noWatch;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Path root = common.root.toAbsolutePath().normalize();
        BuildOptions options = BuildCommand.options(root, out, site, null);
        Builder builder = new Builder();
        BuildResult first = builder.build(options);
        BuildCommand.report(first, err);
        // issue 5: search on the preview, reopened after each successful rebuild
        try (SearchService search = new SearchService(SearchFiles.inOutput(options.out()), Ranking.DEFAULT, err::println);
             DevServer server = new DevServer(options::out, port, true)) {
            search.reopen();
            SearchHttp searchHttp = new SearchHttp(search, err::println);
            server.mount(SearchHttp.API, searchHttp.api());
            server.mount(SearchHttp.PAGE, searchHttp.page());
            server.start();
            stdout.println("Đang phục vụ tại http://localhost:" + server.port() + "/  (Ctrl+C để dừng)");
            stdout.flush();
            SourceWatcher watcher = null;
            if (!noWatch) {
                watcher = new SourceWatcher(List.of(root.resolve("sites"), root.resolve("content"), root.resolve("themes")),
                        () -> {
                            BuildResult r = builder.build(options);
                            BuildCommand.report(r, err);
                            if (r.ok()) {
                                search.reopen();
                                server.reload();
                            } else {
                                StringWriter text = new StringWriter();
                                r.diagnostics().list().forEach(d -> text.append(d.format()).append('\n'));
                                text.append(r.diagnostics().spillSummary());
                                text.append(r.summary());
                                server.problem(text.toString());
                            }
                        });
                watcher.start();
            }
            new CountDownLatch(1).await();
            if (watcher != null) {
                watcher.close();
            }
        }
        return TrangCommand.OK;
    }
}
