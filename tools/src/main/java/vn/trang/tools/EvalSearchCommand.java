package vn.trang.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.trang.index.SearchDocument;
import vn.trang.search.Ranking;
import vn.trang.search.eval.CrossValidation;
import vn.trang.search.eval.EvalData;
import vn.trang.search.eval.EvalQuery;
import vn.trang.search.eval.Evaluator;
import vn.trang.search.eval.Feedback;
import vn.trang.search.eval.Metrics;
import vn.trang.search.eval.Folds;
import vn.trang.search.eval.PlainBm25;
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

    @Option(names = "--baseline",
            description = "In thêm dòng của BM25 thuần (mốc so sánh: âm tiết + cặp âm tiết, k1 1,2, b 0,75, một trường tiêu đề+nội dung)")
    boolean baseline;

    @Option(names = "--feedback", paramLabel = "D,T,W;…",
            description = "Thử phản hồi giả (RM3) với --folds: D văn bản đầu, T từ, trọng số W; mỗi bộ là một ứng viên")
    String feedback;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "0",
            description = "Kiểm định chéo K phần: chọn trong --grid trên K−1 phần, chấm trên phần còn lại")
    int folds;

    @Option(names = "--grid", paramLabel = "W=V,…;W=V,…",
            description = "Các bộ trọng số ứng viên (cách nhau bởi ;) cho --folds; phương án không đổi luôn là ứng viên đầu")
    String grid;

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
        if (folds == 1 || folds < 0 || (folds > 0 && variant.equals("all"))) {
            err.println("trang-tools eval-search: --folds cần từ 2 trở lên, với một phương án (không phải all)");
            return TrangTools.USAGE;
        }
        if (k < 1) {
            err.println("trang-tools eval-search: --k phải lớn hơn 0");
            return TrangTools.USAGE;
        }
        boolean plainOnly = variant.equals(PLAIN);
        List<Ranking> rankings;
        try {
            rankings = plainOnly ? List.of() : variant.equals("all") ? Ranking.variants() : List.of(Ranking.byName(variant));
            if (set != null) {
                rankings = rankings.stream().map(r -> r.with(set)).toList();
            }
        } catch (IllegalArgumentException e) {
            err.println("trang-tools eval-search: " + e.getMessage() + "; có: all, " + PLAIN + ", "
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
            if (baseline || plainOnly) {
                long t = System.nanoTime();
                List<Evaluator.Miss> missed = new ArrayList<>();
                // Folded on both sides when the questions are: the bar for unmarked input.
                PlainBm25 plain = new PlainBm25(docs, strip);
                summary = Evaluator.score(PLAIN, Evaluator.ranked(plain, qs, k), qs, k, missed);
                printRow(out, summary, t, missed);
            }
            for (Ranking r : rankings) {
                long t = System.nanoTime();
                List<Evaluator.Miss> missed = new ArrayList<>();
                Metrics m = eval.run(r, qs, k, missed);
                printRow(out, m, t, missed);
                // The last line reports what the service runs, whatever else was compared.
                if (summary == null || r.equals(Ranking.DEFAULT) || summary.name().equals(PLAIN)) {
                    summary = m;
                }
            }
            if (folds > 0 && !plainOnly) {
                crossValidate(out, eval, rankings.get(0), qs, docs);
            }
        }
        out.println(summary.summaryLine());
        out.flush();
        return TrangTools.OK;
    }

    /** The name of {@link PlainBm25} for {@code --variant}. */
    static final String PLAIN = "bm25-plain";

    private void printRow(PrintWriter out, Metrics m, long t0, List<Evaluator.Miss> missed) {
        out.println(m.row() + String.format("  %d ms", (System.nanoTime() - t0) / 1_000_000));
        missed.stream().limit(misses).forEach(x -> out.println("  miss " + x.query().id() + " " + x.query().text()
                + "\n    relevant " + x.query().relevant() + "\n    top " + x.top().subList(0, Math.min(3, x.top().size()))));
    }

    /** Chooses among the variant and its --grid changes on k−1 folds, scores on the one left out. */
    private void crossValidate(PrintWriter out, Evaluator eval, Ranking base, List<EvalQuery> qs,
                               List<SearchDocument> docs) throws IOException {
        Map<String, Map<String, List<String>>> ranked = new LinkedHashMap<>();
        ranked.put(base.name(), eval.ranked(base, qs, k));
        if (grid != null) {
            for (String g : grid.split(";")) {
                if (!g.isBlank()) {
                    Ranking r = base.with(g);
                    ranked.put(r.name(), eval.ranked(r, qs, k));
                }
            }
        }
        if (feedback != null) {
            Feedback fb = new Feedback(docs);
            Map<String, List<Feedback.Hit>> first = eval.hits(base, qs, Feedback.DEPTH);
            for (String f : feedback.split(";")) {
                if (!f.isBlank()) {
                    Feedback.Setting s = Feedback.Setting.parse(f);
                    ranked.put(base.name() + "," + s.name(), fb.rerank(first, s, k));
                }
            }
        }
        for (Map.Entry<String, Map<String, List<String>>> c : ranked.entrySet()) {
            out.println("  whole set: " + Evaluator.score(c.getKey(), c.getValue(), qs, k, new ArrayList<>()).row());
        }
        CrossValidation.Result cv = CrossValidation.run(ranked, Folds.split(qs, folds, FOLD_SEED), k);
        for (CrossValidation.Fold f : cv.folds()) {
            out.printf(java.util.Locale.ROOT, "fold %d (%d): held-out recall@%d=%.3f mrr@%d=%.3f  train %.3f/%.3f  chose %s%n",
                    f.index(), f.heldOut().queries(), k, f.heldOut().recall(), k, f.heldOut().mrr(),
                    f.training().recall(), f.training().mrr(), f.chosen());
        }
        out.println(cv.mean().row());
    }

    /** Fixed, so every run and every variant sees the same folds. */
    static final long FOLD_SEED = 24;
}
