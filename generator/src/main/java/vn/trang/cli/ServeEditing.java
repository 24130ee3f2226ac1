package vn.trang.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

import vn.trang.serve.EditBackend;
import vn.trang.serve.EditableRepository;

/**
 * {@code trang serve --edit}'s messages around {@link EditBackend}: what the working tree's
 * uncommitted files will become, which sites cannot be edited here, and, when Node.js or the
 * editor's packages are missing, how to get them while the preview goes on without editing.
 */
final class ServeEditing {

    /** How many uncommitted files a warning names. */
    private static final int LISTED = 5;

    private ServeEditing() {
    }

    /** The backend on a free port, or null (said why on {@code err}) when it is not installed. */
    static EditBackend start(EditableRepository repo, PrintWriter err) throws IOException {
        EditBackend backend;
        try {
            backend = EditBackend.start(repo.root(), repo.root(), repo.author().name(), repo.author().email(), 0,
                    System.getenv("PATH"), line -> {
                        err.println("decap-server: " + line);
                        err.flush();
                    });
        } catch (EditBackend.NotInstalled e) {
            err.println("trang serve --edit: chưa bật được trình soạn thảo: " + e.getMessage()
                    + ". Vẫn xem trước như bình thường, nhưng chưa soạn được.");
            err.flush();
            return null;
        }
        List<String> dirty = repo.uncommitted();
        if (!dirty.isEmpty()) {
            err.println("trang serve --edit: cảnh báo: kho có " + dirty.size() + " tệp chưa commit ("
                    + String.join(", ", dirty.subList(0, Math.min(LISTED, dirty.size())))
                    + (dirty.size() > LISTED ? ", …" : "") + "). Mỗi lần lưu, trình soạn thảo commit mọi thay đổi trong"
                    + " thư mục (git add .), nên các tệp này sẽ vào commit của bài đang lưu: commit hoặc bỏ chúng"
                    + " trước, hoặc soạn trong một bản sao sạch của kho.");
        }
        for (var site : repo.ownSources()) {
            err.println("trang serve --edit: " + site.name() + " (" + site.id() + ") có nội dung ở kho riêng (source: "
                    + site.source().url() + "): không soạn được trên máy này; trình soạn thảo của trang đó dùng máy chủ"
                    + " Git của kho ấy.");
        }
        err.flush();
        return backend;
    }

    /** Where to edit, and what a save does. */
    static void describe(EditableRepository repo, int port, PrintWriter out) {
        out.println("Soạn nội dung tại http://localhost:" + port + "/quan-tri/ (mỗi đơn vị: /<đường dẫn>/quan-tri/)."
                + " Mỗi lần lưu là một commit của " + repo.author() + " trên nhánh cms/… của kho " + repo.root()
                + "; xuất bản là gộp vào nhánh " + EditableRepository.BRANCH + ".");
    }
}
