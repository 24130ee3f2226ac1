package vn.trang.cache;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import vn.trang.diag.Diagnostic;
import vn.trang.diag.Severity;

/**
 * Damage found in the build cache: records that failed their checksum (a flipped byte, a torn
 * write, a file cut short) and were dropped. Whatever they held is computed again, so the output
 * is what a build without cache writes; the operator gets one warning per kind of record hit,
 * however many records were. Thread-safe: parse and link recall run in parallel.
 */
public final class CacheDamage {

    /** What can be damaged, by file: each kind ends in one warning. */
    public enum Kind {
        STATE_HEADER("state.bin", "phần đầu (phiên bản, thư mục, độ dài các tệp)", "toàn bộ bộ nhớ đệm được làm lại"),
        STATE_CUT("state.bin", "phần cuối (tệp bị cắt ngắn hoặc hỏng từ một phần trở đi)", "các phần sau đó được làm lại"),
        FILE_STATES("state.bin", "bản ghi trạng thái tệp nguồn", "các tệp đó được đọc và băm lại"),
        PARSE_ENTRIES("state.bin", "bản ghi bài đã phân tích", "các tệp đó được phân tích lại"),
        LINK_ENTRIES("state.bin", "bản ghi bài đã liên kết", "các bài đó được liên kết lại"),
        OUTPUT_MANIFEST("state.bin", "bản kê thư mục đầu ra", "đầu ra được ghi lại toàn bộ"),
        INDEX_STATE("state.bin", "bản ghi chỉ mục tìm kiếm", "chỉ mục được tạo lại"),
        ITEMS("items.log", "bài đã phân tích", "các tệp đó được phân tích lại"),
        BODIES("bodies.dat", "nội dung bài", "các bài đó được phân tích và liên kết lại"),
        INDEX_COPY("index", "tệp của bản sao chỉ mục tìm kiếm", "chỉ mục được tạo lại"),
        PAGE_LINKS("links.bin", "bản ghi liên kết của trang", "các trang đó được quét lại");

        private final String file;
        private final String what;
        private final String then;

        Kind(String file, String what, String then) {
            this.file = file;
            this.what = what;
            this.then = then;
        }

        /** The file or folder in the cache folder. */
        public String file() {
            return file;
        }

        /** What its records hold, as the warning says it. */
        String what() {
            return what;
        }
    }

    private final Path dir;
    private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);

    /** @param dir the cache folder, as the warnings name it */
    public CacheDamage(Path dir) {
        this.dir = dir;
    }

    /** Records {@code n} damaged records of a kind (nothing when {@code n} is 0). */
    public synchronized void add(Kind kind, int n) {
        if (n > 0) {
            counts.merge(kind, n, Integer::sum);
        }
    }

    public synchronized int count(Kind kind) {
        return counts.getOrDefault(kind, 0);
    }

    public synchronized boolean any() {
        return !counts.isEmpty();
    }

    /** One warning per kind hit, in the order of {@link Kind}. */
    public synchronized List<Diagnostic> warnings() {
        List<Diagnostic> out = new ArrayList<>();
        counts.forEach((k, n) -> out.add(k == Kind.INDEX_COPY
                // Its files are hard links to the index of the output or release that was built:
                // a change there is more likely an edit of the live tree than a disk fault.
                ? new Diagnostic(Severity.WARNING, dir.resolve(k.file).toString(), 0, 0,
                "bộ nhớ đệm: " + n + " " + k.what + " khác SHA-256 đã ghi; đã bỏ, " + k.then
                        + ". Các tệp này dùng chung (liên kết cứng) với chỉ mục của lần dựng hay bản phát hành trước:"
                        + " có thể ai đó đã sửa trên máy chủ",
                "chỉ mục đã phát hành không bị sửa",
                "kiểm tra bản đang chạy bằng trang verify-release --to dir:THƯ-MỤC")
                : new Diagnostic(Severity.WARNING, dir.resolve(k.file).toString(), 0, 0,
                "bộ nhớ đệm hỏng: " + n + " " + k.what + " sai mã kiểm tra CRC32C hoặc bị cắt; đã bỏ, " + k.then,
                "bộ nhớ đệm nguyên vẹn",
                "không cần làm gì: kết quả dựng vẫn đúng như khi dựng với --no-cache; hỏng lặp lại thì kiểm tra ổ đĩa")));
        return out;
    }
}
