package vn.trang.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import vn.trang.pipeline.BuildOptions;
import vn.trang.pipeline.Progress;
import vn.trang.serve.EditBackend;
import vn.trang.serve.EditableRepository;
import vn.trang.serve.Preview;

/**
 * {@code trang serve}: build, serve on localhost, rebuild on change and reload open pages; with
 * {@code --edit}, the sites' editors save into the local repository through decap-server.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Xem trước tại localhost, tự tạo lại khi nội dung đổi.",
                "Tạo trang rồi phục vụ tại http://localhost; khi nội dung thay đổi thì tạo lại và tải lại trang đang "
                        + "mở. Lỗi nội dung hiện ngay trên trang."})
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

    @Option(names = "--now", paramLabel = "\"YYYY-MM-DD HH:mm\"",
            description = "Xem trước như vào thời điểm này (lịch đăng publish_at, unpublish_at), giờ Việt Nam. Mặc định: bây giờ")
    java.time.LocalDateTime now;

    @Option(names = "--no-cache", description = "Mỗi lần tạo lại toàn bộ, không dùng bộ nhớ đệm .trang-cache/")
    boolean noCache;

    @Option(names = "--edit", description = "Bật trình soạn thảo (/quan-tri/) ghi vào kho Git trên máy này: mỗi lần lưu"
            + " là một commit (cần Node.js và `cd editor && npm ci`)")
    boolean edit;

    @Option(names = "--author", paramLabel = "\"Tên <email>\"",
            description = "Tác giả các commit khi soạn (--edit). Mặc định: git config user.name, user.email")
    String author;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        OptionValues.port(spec, port);
        if (author != null && !edit) {
            throw new ParameterException(spec.commandLine(), "--author chỉ dùng cùng --edit / --author needs --edit");
        }
        Path root = common.root.toAbsolutePath().normalize();
        EditableRepository editable = null;
        if (edit) {
            try {
                editable = EditableRepository.check(root, root.resolve(this.out), author);
            } catch (EditableRepository.Refused e) {
                err.println("trang serve --edit: " + e.getMessage());
                err.flush();
                return TrangCommand.USAGE;
            }
        }
        // The build cache, as `trang build` uses it: a save rebuilds only what it changed.
        // Without it every save rebuilt the whole province (27 s at 10,000 pages).
        // A preview shows drafts (marked "Bản nháp") and only warns of placeholders left in a file.
        BuildOptions options = BuildCommand.schedule(BuildCommand.options(root, out, site, null), null, now)
                .withCache(!noCache).withDrafts(true);
        // The first build of a large province takes a while: a progress line on a terminal, cleared
        // before the build's report is printed (as `trang build` does).
        try (EditBackend backend = editable == null ? null : ServeEditing.start(editable, err);
             TerminalProgress progress = TerminalProgress.wanted() ? new TerminalProgress(err) : null;
             Preview preview = new Preview(backend == null ? options : options.withEditorBackend(backend.apiUrl()), port, r -> {
                 if (progress != null) {
                     progress.close();
                 }
                 BuildCommand.report(r, err);
             }, err::println)) {
            preview.start(!noWatch, progress == null ? Progress.NONE : progress);
            stdout.println("Đang phục vụ tại http://localhost:" + preview.port() + "/  (Ctrl+C để dừng)");
            if (backend != null) {
                ServeEditing.describe(editable, preview.port(), stdout);
            }
            stdout.flush();
            new CountDownLatch(1).await();
        }
        return TrangCommand.OK;
    }
}
