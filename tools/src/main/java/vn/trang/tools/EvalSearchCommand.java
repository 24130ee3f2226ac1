package vn.trang.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.trang.index.SearchDocument;
import vn.trang.search.Ranking;
import vn.trang.search.eval.EvalData;
import vn.trang.search.eval.EvalQuery;
import vn.trang.search.eval.Evaluator;
import vn.trang.search.eval.Metrics;
import vn.trang.text.Slugs;

/**
 * {@code trang-tools eval-search}: relevance of the search on a labelled corpus (docs/SEARCH.md).
 * The corpus is indexed in memory with the build's schema and analysis and searched with the
 * service's ranking, or with the variants being compared.
 */
@Command(name = "eval-search", mixinStandardHelpOptions = true, versionProvider = TrangTools.Version.class,
        description = {"Đánh giá chất lượng tìm kiếm trên một bộ dữ liệu có nhãn.",
                "Lập chỉ mục corpus (mỗi dòng {id, title, text}), chạy các câu hỏi (mỗi dòng",
                "{id, text, relevant_ids}) và in Recall@k, MRR@k, nDCG@k; dòng cuối: recall@k=… mrr@k=…",
                "Evaluates search relevance on a labelled corpus (JSON Lines)."})
final class EvalSearchCommand implements Callable<Integer> {

    @Option(names = "--corpus", required = true, paramLabel = "C.jsonl", description = "Corpus: {id, title, text} mỗi dòng")
    Path corpus;

    @Option(names = "--queries", required = true, paramLabel = "Q.jsonl", description = "Câu hỏi: {id, text, relevant_ids} mỗi dòng")
    Path queries;

    @Option(names = "--k", paramLabel = "K", defaultValue = "10", description = "Số kết quả đầu được chấm. Mặc định: ${DEFAULT-VALUE}")
    int k;

    @Option(names = "--strip-diacritics", description = "Bỏ dấu mọi câu hỏi trước khi tìm (như người dân gõ không dấu)")
    boolean strip;

    @Option(names = "--variant", paramLabel = "NAME", defaultValue = "default",
            description = "Phương án xếp hạng: default, all (mọi phương án), hoặc tên một phương án trong docs/SEARCH.md")
    String variant;

    @Option(names = "--set", paramLabel = "W=V,…", description = "Đổi trọng số của phương án, ví dụ bigrams=2,k1=1.5 (thử nghiệm)")
    String set;

    @Option(names = "--misses", paramLabel = "N", defaultValue = "0",
            description = "In N câu hỏi có tài liệu đúng nằm ngoài top k, kèm 3 kết quả đầu (để phân tích lỗi)")
    int misses;

    @Option(names = "--threads", paramLabel = "N", description = "Số luồng lập chỉ mục. Mặc định: số nhân CPU")
    Integer threads;

    @Option(names = "--only", paramLabel = "KEY",
            description = "Chỉ chấm các câu hỏi có KEY là true, ví dụ expert_verified (ALQAC: 100 câu đã được chuyên gia kiểm tra)")
    String only;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path p : List.of(corpus, queries)) {
            if (!Files.isRegularFile(p)) {
                err.println("trang-tools eval-search: không có tệp " + p);
                return TrangTools.USAGE;
            }
        }
        int n = TrangTools.threads(spec, threads);
        if (misses < 0) {
            throw new ParameterException(spec.commandLine(), "--misses " + misses + ": cần một số từ 0 trở lên / must not be negative");
        }
        if (k < 1) {
            err.println("trang-tools eval-search: --k phải lớn hơn 0");
            return TrangTools.USAGE;
        }
        List<Ranking> rankings;
        try {
            rankings = variant.equals("all") ? Ranking.variants() : List.of(Ranking.byName(variant));
            if (set != null) {
                rankings = rankings.stream().map(r -> r.with(set)).toList();
            }
        } catch (IllegalArgumentException e) {
            err.println("trang-tools eval-search: " + e.getMessage() + "; có: all, "
                    + String.join(", ", Ranking.variants().stream().map(Ranking::name).toList()));
            return TrangTools.USAGE;
        }
        List<SearchDocument> docs;
        List<EvalQuery> qs;
        try {
            docs = EvalData.corpus(corpus);
            qs = EvalData.queries(queries, only);
        } catch (IOException e) {
            err.println("trang-tools eval-search: " + e.getMessage());
            return TrangTools.DATA_ERRORS;
        }
        if (qs.isEmpty()) {
            err.println("trang-tools eval-search: không còn câu hỏi nào" + (only == null ? "" : " có \"" + only + "\": true"));
            return TrangTools.USAGE;
        }
        if (strip) {
            qs = qs.stream().map(q -> q.withText(Slugs.fold(q.text()))).toList();
        }
        long t0 = System.nanoTime();
        Metrics summary = null;
        try (Evaluator eval = new Evaluator(docs, n)) {
            out.printf("%d tài liệu, %d câu hỏi%s; lập chỉ mục %d ms%n", docs.size(), qs.size(),
                    strip ? " (bỏ dấu)" : "", (System.nanoTime() - t0) / 1_000_000);
            for (Ranking r : rankings) {
                long t = System.nanoTime();
                List<Evaluator.Miss> missed = new ArrayList<>();
                Metrics m = eval.run(r, qs, k, missed);
                out.println(m.row() + String.format("  %d ms", (System.nanoTime() - t) / 1_000_000));
                missed.stream().limit(misses).forEach(x -> out.println("  miss " + x.query().id() + " " + x.query().text()
                        + "\n    relevant " + x.query().relevant() + "\n    top " + x.top().subList(0, Math.min(3, x.top().size()))));
                // The last line reports what the service runs, whatever else was compared.
                if (summary == null || r.equals(Ranking.DEFAULT)) {
                    summary = m;
                }
            }
        }
        out.println(summary.summaryLine());
        out.flush();
        return TrangTools.OK;
    }
}
