package vn.trang.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import vn.trang.diag.SourcePos;

/**
 * Refuses output folders whose replacement would destroy sources or anything not built by
 * Trang: a successful build replaces the output folder whole and deletes what was there.
 */
final class OutputFolder {

    private OutputFolder() {
    }

    /** Fails the build before anything is read when the output folder is not safe to replace. */
    static void refuseUnsafe(BuildContext ctx) throws BuildFailed {
        Path root = ctx.root();
        Path out = ctx.out();
        boolean bad = root.startsWith(out);
        for (String src : List.of("sites", "content", "themes", "generator", ".git")) {
            bad |= out.startsWith(root.resolve(src));
        }
        if (bad) {
            ctx.diagnostics().error(SourcePos.of(out.toString()), "thư mục đầu ra trùng hoặc chứa mã nguồn, sẽ bị ghi đè",
                    "một thư mục riêng cho kết quả, ví dụ public/", "dùng --out public");
            throw new BuildFailed();
        }
        // only an earlier build's output (it always has the unresolved-citation report) or nothing may be there
        String what = null;
        if (Files.isSymbolicLink(out)) {
            what = "là một liên kết tượng trưng";
        } else if (Files.exists(out) && !Files.isDirectory(out)) {
            what = "là một tệp, không phải thư mục";
        } else if (Files.isDirectory(out) && !Files.isRegularFile(out.resolve(Builder.UNRESOLVED_REPORT)) && !isEmpty(out)) {
            what = "đã có nội dung không phải do trang build tạo ra";
        }
        if (what != null) {
            ctx.diagnostics().error(SourcePos.of(out.toString()),
                    "đầu ra " + out + " " + what + "; một lần dựng thành công sẽ xóa nó",
                    "một thư mục chưa có, trống, hoặc do trang build tạo ra trước đó, ví dụ public/",
                    "dùng --out public, hoặc tự xóa, đổi tên thứ đang ở đó nếu chắc chắn không cần");
            throw new BuildFailed();
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
