package vn.trang.search.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * k-fold cross-validation of a choice among candidate rankings (weights being chosen): for each
 * fold, the candidate with the best Recall@k + MRR@k on the other k−1 folds is picked and scored
 * on the held-out fold alone. The mean of the held-out scores is what the choice is worth on
 * questions it was not chosen on; a weight that only fits the set shows up as held-out scores
 * below the training ones, or as a different pick per fold. Ties go to the earlier candidate, so
 * the current weight is listed first and kept unless another one is better.
 */
public final class CrossValidation {

    private CrossValidation() {
    }

    /** One fold: which candidate the other folds chose, and its score on this one. */
    public record Fold(int index, String chosen, Metrics training, Metrics heldOut) {
    }

    /** Every fold, and the held-out scores averaged over folds. */
    public record Result(List<Fold> folds, Metrics mean) {
    }

    /**
     * @param ranked for each candidate name (in order of preference), each query id's ranked ids
     */
    public static Result run(Map<String, Map<String, List<String>>> ranked, List<List<EvalQuery>> folds, int k) {
        List<Fold> out = new java.util.ArrayList<>();
        double recall = 0;
        double mrr = 0;
        double ndcg = 0;
        int questions = 0;
        for (int f = 0; f < folds.size(); f++) {
            List<EvalQuery> training = new java.util.ArrayList<>();
            for (int g = 0; g < folds.size(); g++) {
                if (g != f) {
                    training.addAll(folds.get(g));
                }
            }
            String best = null;
            Metrics bestTraining = null;
            for (Map.Entry<String, Map<String, List<String>>> c : ranked.entrySet()) {
                Metrics m = score(c.getKey(), c.getValue(), training, k);
                if (bestTraining == null || m.recall() + m.mrr() > bestTraining.recall() + bestTraining.mrr()) {
                    best = c.getKey();
                    bestTraining = m;
                }
            }
            Metrics held = score(best, ranked.get(best), folds.get(f), k);
            out.add(new Fold(f + 1, best, bestTraining, held));
            recall += held.recall();
            mrr += held.mrr();
            ndcg += held.ndcg();
            questions += held.queries();
        }
        int n = folds.size();
        return new Result(List.copyOf(out), new Metrics("cv-mean", k, questions, recall / n, mrr / n, ndcg / n));
    }

    static Metrics score(String name, Map<String, List<String>> ranked, List<EvalQuery> queries, int k) {
        Metrics.Accumulator acc = new Metrics.Accumulator(k);
        for (EvalQuery q : queries) {
            acc.add(ranked.getOrDefault(q.id(), List.of()), new HashSet<>(q.relevant()));
        }
        return acc.result(name);
    }
}
