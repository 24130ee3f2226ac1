package vn.trang.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.render.Output;

/**
 * The errors for broken internal links: at most {@link InternalLinks#PER_TARGET} per target and
 * {@link InternalLinks#MAX_ERRORS} in all, the most linked target first (a template's broken
 * link is on every page), each at its page's content file and line when the page has one.
 */
final class BrokenLinkReport {

    private final Path root;
    private final Path out;
    private final LinkTargets targets;

    /**
     * @param root the project folder (content files are read for the link's line)
     * @param out  the output folder, named by the "more errors" line
     */
    BrokenLinkReport(Path root, Path out, LinkTargets targets) {
        this.root = root;
        this.out = out;
        this.targets = targets;
    }

    /**
     * @param broken        per target number, the pages that link to it
     * @param anchorMissing whether a target's page exists but lacks its {@code #id}
     */
    void report(Map<Integer, List<String>> broken, InternedStrings targetNames, IntPredicate anchorMissing,
                List<Output> planned, Diagnostics d) {
        Map<String, Output> origins = new HashMap<>();
        for (Output o : planned) {
            if (o.origin() != null) {
                origins.put(o.path(), o);
            }
        }
        SourceLines lines = new SourceLines(root, targets);
        int errors = 0;
        int more = 0;
        int perTarget = InternalLinks.PER_TARGET;
        List<Map.Entry<Integer, List<String>>> order = new ArrayList<>(broken.entrySet());
        order.sort(Comparator.comparingInt((Map.Entry<Integer, List<String>> e) -> -e.getValue().size())
                .thenComparing(e -> targetNames.name(e.getKey())));
        for (Map.Entry<Integer, List<String>> e : order) {
            String target = targetNames.name(e.getKey());
            boolean anchor = anchorMissing.test(e.getKey());
            List<String> from = e.getValue();
            from.sort(null);
            for (int i = 0; i < from.size(); i++) {
                if (errors >= InternalLinks.MAX_ERRORS || i >= perTarget) {
                    more += from.size() - i;
                    break;
                }
                errors++;
                String page = from.get(i);
                Output o = origins.get(page);
                String origin = o == null ? null : o.origin();
                SourcePos pos = SourcePos.of(origin != null ? origin : page);
                if (origin != null && origin.endsWith(".md")) {
                    int[] at = o.site() == null ? lines.find(origin, SourceLines.needles(target))
                            : lines.find(origin, InternalLinks.folderUrl(origin, o.site()), LinkTargets.pageUrl(page),
                            target);
                    pos = pos.at(at[0], at[1]);
                }
                String in = " (trong trang /" + LinkTargets.pageUrl(page) + ")";
                String others = i == perTarget - 1 && from.size() > perTarget
                        ? "; và " + (from.size() - perTarget) + " trang khác" : "";
                if (anchor) {
                    int hash = target.indexOf('#');
                    d.error(pos, "neo #" + target.substring(hash + 1) + " không có trong trang /" + target.substring(0, hash)
                                    + in + others,
                            "một id có trên trang đích (tiêu đề \"## Điều 1\" có id dieu-1)",
                            "sửa phần sau dấu #, hoặc bỏ nó để liên kết đến cả trang");
                } else {
                    d.error(pos, "liên kết hỏng: /" + target + " không có trong bản dựng" + in + others,
                            "liên kết đến một trang hoặc tệp có trong bản dựng",
                            "sửa địa chỉ, hoặc thêm trang hay tệp đính kèm đó (đặt cạnh tệp Markdown: [Tải về](van-ban.pdf))");
                }
            }
        }
        if (more > 0) {
            d.error(SourcePos.of(out.toString()), "còn " + more + " liên kết hỏng khác không in ra", null,
                    "sửa các lỗi trên rồi dựng lại");
        }
    }
}
