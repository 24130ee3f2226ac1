package vn.trang.serve;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import vn.trang.diag.Diagnostic;
import vn.trang.diag.Severity;
import vn.trang.pipeline.ContentThreads;
import vn.trang.pipeline.EntryPreview;
import vn.trang.pipeline.PreviewBasis;
import vn.trang.web.Handler;
import vn.trang.web.Reply;
import vn.trang.web.Request;

/**
 * The editor's preview pane on {@code trang serve}: {@code POST /_trang/xem-truoc/<site>/<section>/<file>.md}
 * with the whole file as the body (UTF-8) answers the page as the build renders it
 * ({@link EntryPreview}, against the last successful build), with the file's diagnostics at its
 * top. The file name may be left out ({@code .../<section>/}) for an entry not saved yet.
 * Nothing is written.
 *
 * <p>The text is untrusted, as content is: at most {@link #MAX_BODY} bytes (413 past it, by the
 * server), parsed with the build's limits, on one thread with a content thread's stack; one
 * preview at a time, a few waiting (503 beyond them), each given {@link #TIMEOUT_SECONDS} seconds.
 */
final class EntryPreviewEndpoint implements Handler, AutoCloseable {

    static final String PATH = "/_trang/xem-truoc/";
    /** Far more than a news item or a document's full text; content files are rarely past 200 KB. */
    static final int MAX_BODY = 2 * 1024 * 1024;
    static final int TIMEOUT_SECONDS = 20;
    /** Previews that may wait: an editor's debounced typing sends one at a time. */
    private static final int WAITING = 4;

    private final AtomicReference<PreviewBasis> basis = new AtomicReference<>();
    private final ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(WAITING), r -> {
                Thread t = new Thread(null, r, "trang-xem-truoc", ContentThreads.STACK_BYTES);
                t.setDaemon(true);
                return t;
            });

    /** A build succeeded: previews link against its items from now on. */
    void update(PreviewBasis next) {
        basis.set(next);
    }

    @Override
    public Reply answer(Request r) {
        PreviewBasis b = basis.get();
        if (b == null) {
            return page(503, PreviewPage.alone("", List.of(note(
                    "chưa có lần dựng trang nào thành công nên chưa xem trước được",
                    "sửa các lỗi trong cửa sổ chạy trang serve; bản xem trước có ngay sau lần dựng thành công đầu tiên"))));
        }
        String[] parts = r.path().substring(PATH.length()).split("/", -1);
        if (parts.length < 2 || parts.length > 3) {
            return page(404, PreviewPage.alone("", List.of(note("địa chỉ xem trước phải có dạng " + PATH
                    + "<mã trang>/<mục>/<tên tệp>.md", "mở lại trình soạn thảo từ trang quản trị của đơn vị"))));
        }
        EntryPreview.Entry entry = new EntryPreview.Entry(parts[0], parts[1], parts.length == 3 ? parts[2] : null, r.body());
        Future<EntryPreview.Page> work;
        try {
            work = thread.submit(() -> new EntryPreview(b).render(entry));
        } catch (RejectedExecutionException e) {
            return page(503, PreviewPage.alone("", List.of(note("đang dựng các bản xem trước trước đó",
                    "chờ giây lát rồi sửa tiếp; bản xem trước tự cập nhật")))).with("Retry-After", "1");
        }
        try {
            EntryPreview.Page page = work.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return page(page.html() == null ? 422 : 200, PreviewPage.html(page));
        } catch (TimeoutException e) {
            work.cancel(true);
            return page(503, PreviewPage.alone("", List.of(note("dựng bản xem trước mất quá " + TIMEOUT_SECONDS + " giây",
                    "bài quá dài hoặc máy đang bận: chờ giây lát rồi sửa tiếp"))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("xem trước " + r.path() + ": " + e.getCause(), e.getCause());
        }
    }

    private static Diagnostic note(String message, String fix) {
        return new Diagnostic(Severity.ERROR, "xem trước", 0, 0, message, null, fix);
    }

    private static Reply.Body page(int status, String html) {
        return Reply.of(status, "text/html; charset=utf-8", html)
                .with("Cache-Control", "no-store").with("X-Content-Type-Options", "nosniff");
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
