package vn.trang.search.eval;

import java.util.List;
import java.util.Set;

/**
 * Rank metrics of one run, averaged over queries: Recall@k (share of a query's relevant documents
 * in its top k), MRR@k (reciprocal rank of the first relevant one, 0 beyond k) and nDCG@k (binary
 * gains, log2 discount).
 */
public record Metrics(String name, int k, int queries, double recall, double mrr, double ndcg) {

    /** Accumulates per-query scores. */
    public static final class Accumulator {
        private final int k;
        private int n;
        private double recall;
        private double mrr;
        private double ndcg;

        public Accumulator(int k) {
            this.k = k;
        }

        /** @param ranked the ids returned, best first (at least the top k) */
        public void add(List<String> ranked, Set<String> relevant) {
            n++;
            if (relevant.isEmpty()) {
                return;
            }
            int found = 0;
            double dcg = 0;
            double rr = 0;
            for (int i = 0; i < Math.min(k, ranked.size()); i++) {
                if (relevant.contains(ranked.get(i))) {
                    found++;
                    dcg += 1 / log2(i + 2);
                    if (rr == 0) {
                        rr = 1.0 / (i + 1);
                    }
                }
            }
            double ideal = 0;
            for (int i = 0; i < Math.min(k, relevant.size()); i++) {
                ideal += 1 / log2(i + 2);
            }
            recall += (double) found / relevant.size();
            mrr += rr;
            ndcg += dcg / ideal;
        }

        public Metrics result(String name) {
            return n == 0 ? new Metrics(name, k, 0, 0, 0, 0) : new Metrics(name, k, n, recall / n, mrr / n, ndcg / n);
        }

        private static double log2(double x) {
            return Math.log(x) / Math.log(2);
        }
    }

    /** The line the issue asks for last: {@code recall@10=0.xxx mrr@10=0.xxx}. */
    public String summaryLine() {
        return String.format(java.util.Locale.ROOT, "recall@%d=%.3f mrr@%d=%.3f", k, recall, k, mrr);
    }

    public String row() {
        return String.format(java.util.Locale.ROOT, "%-24s recall@%d=%.3f  mrr@%d=%.3f  ndcg@%d=%.3f  (%d queries)",
                name, k, recall, k, mrr, k, ndcg, queries);
    }
}
