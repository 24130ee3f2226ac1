package vn.trang.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.trang.index.SearchFiles;
import vn.trang.search.Ranking;
import vn.trang.search.SearchEngine;
import vn.trang.search.SearchService;
import vn.trang.search.http.SearchHttp;
import vn.trang.search.http.SearchServer;

/** {@code trang search}: the search service alone, for production behind a reverse proxy. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Chạy dịch vụ tìm kiếm trên chỉ mục đã xuất bản.",
                "Phục vụ GET /api/search và GET /tim-kiem, để đặt sau nginx; tự nạp chỉ mục mới sau mỗi lần xuất bản, "
                        + "không gián đoạn."})
final class SearchCommand implements Callable<Integer> {

    @Option(names = "--index", required = true, paramLabel = "DIR",
            description = "Chỉ mục đã xuất bản: public/_search/index (hoặc public/_search, hoặc public)")
    Path index;

    @Option(names = {"-p", "--port"}, paramLabel = "N", defaultValue = "4001", description = "Cổng. Mặc định: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Địa chỉ lắng nghe. Mặc định: ${DEFAULT-VALUE} (chỉ máy này, sau nginx)")
    String host;

    @Option(names = "--threads", paramLabel = "N", description = "Số luồng xử lý. Mặc định: số nhân CPU")
    Integer threads;

    @Option(names = "--poll", paramLabel = "SECONDS", defaultValue = "2",
            description = "Kiểm tra chỉ mục mới mỗi SECONDS giây (0: không). Mặc định: ${DEFAULT-VALUE}")
    int poll;

    @Option(names = "--cache", paramLabel = "ENTRIES",
            description = "Số câu trả lời giữ lại cho mỗi lần xuất bản (0: tắt), khoảng 12 KB bộ nhớ mỗi câu, tối đa "
                    + "256 MB. Mặc định: " + SearchService.DEFAULT_CACHE_ENTRIES)
    Integer cache;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(index)) {
            err.println("trang search: không có thư mục " + index);
            return TrangCommand.USAGE;
        }
        OptionValues.port(spec, port);
        OptionValues.threads(spec, threads);
        OptionValues.notNegative(spec, "--poll", poll);
        try {
            java.net.InetAddress.getByName(host);
        } catch (java.net.UnknownHostException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--host " + OptionValues.shown(host)
                    + ": không phải địa chỉ của máy này (ví dụ 127.0.0.1, 0.0.0.0) / not an address of this machine");
        }
        if (cache != null && cache < 0) {
            err.println("trang search: --cache " + cache + ": cần một số từ 0 trở lên (0 tắt bộ nhớ đệm câu trả lời)");
            return TrangCommand.USAGE;
        }
        SearchFiles files = SearchFiles.locate(index);
        int n = threads == null || threads < 1 ? Runtime.getRuntime().availableProcessors() : threads;
        int entries = cache == null ? SearchService.CACHE_ENTRIES : cache;
        try (SearchService service = new SearchService(files, new SearchEngine(Ranking.DEFAULT), entries, line -> {
            err.println(line);
            err.flush();
        })) {
            service.reopen();
            try (SearchServer server = new SearchServer(service, new SearchHttp(service, err::println), host, port, n, poll)) {
                server.start();
                SearchService.Health h = service.health();
                out.println("Dịch vụ tìm kiếm tại http://" + host + ":" + server.port() + SearchHttp.API + "  ("
                        + (h.ready() ? h.docs() + " tài liệu" : "chưa có chỉ mục") + "; giữ " + entries
                        + " câu trả lời gần nhất; Ctrl+C để dừng)");
                out.flush();
                new CountDownLatch(1).await();
            }
        }
        return TrangCommand.OK;
    }
}
