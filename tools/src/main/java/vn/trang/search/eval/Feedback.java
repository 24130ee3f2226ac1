package vn.trang.search.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.trang.index.SearchDocument;

/**
 * Pseudo-relevance feedback, RM3 style, as a second pass over a ranking's first hits: the relevance
 * model of the top {@code docs} hits (each term's share of each hit's text, weighted by the hit's
 * share of the scores), its {@code terms} heaviest terms (folded syllables and bigrams, minus those
 * in more than a tenth of the corpus, which carry no topic), and every first-pass hit scored again
 * as {@code (1 − weight) × its score + weight × the model's BM25 score}, both scaled to their best.
 * An experiment of the evaluation: it reads every hit's whole text, which the service cannot
 * afford per search (docs/SEARCH.md reports what it gives).
 */
public final class Feedback {

    /** How many first-pass hits are scored again. */
    public static final int DEPTH = 100;

    /** One setting: how many hits make the model, how many terms it keeps, its share of the score. */
    public record Setting(int docs, int terms, double weight) {
        /** "5,20,0.3". */
        public static Setting parse(String s) {
            String[] p = s.strip().split(",");
            if (p.length != 3) {
                throw new IllegalArgumentException("feedback '" + s + "': cần DOCS,TERMS,WEIGHT");
            }
            return new Setting(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()),
                    Double.parseDouble(p[2].strip()));
        }

        public String name() {
            return "feedback=" + docs + "," + terms + "," + weight;
        }
    }

    /** A first-pass hit. */
    public record Hit(String id, float score) {
    }

    private final Map<String, Map<String, Integer>> tf = new HashMap<>();
    private final Map<String, Integer> lengths = new HashMap<>();
    private final Map<String, Integer> df = new HashMap<>();
    private final double averageLength;
    private final int n;

    public Feedback(List<SearchDocument> corpus) {
        long total = 0;
        for (SearchDocument d : corpus) {
            List<String> terms = PlainBm25.terms(d.title() + " " + d.body(), true);
            Map<String, Integer> f = new HashMap<>();
            terms.forEach(t -> f.merge(t, 1, Integer::sum));
            f.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
            tf.put(d.url(), f);
            lengths.put(d.url(), terms.size());
            total += terms.size();
        }
        n = corpus.size();
        averageLength = n == 0 ? 1 : (double) total / n;
    }

    /** Each query's top k after feedback, from its first-pass hits (best first, up to {@link #DEPTH}). */
    public Map<String, List<String>> rerank(Map<String, List<Hit>> first, Setting s, int k) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        first.forEach((q, hits) -> out.put(q, rerank(hits, s, k)));
        return out;
    }

    List<String> rerank(List<Hit> hits, Setting s, int k) {
        if (hits.isEmpty()) {
            return List.of();
        }
        Map<String, Double> model = model(hits.subList(0, Math.min(s.docs(), hits.size())), s.terms());
        double bestFirst = hits.get(0).score();
        double[] expanded = new double[hits.size()];
        double bestExpanded = 0;
        for (int i = 0; i < hits.size(); i++) {
            expanded[i] = bm25(model, hits.get(i).id());
            bestExpanded = Math.max(bestExpanded, expanded[i]);
        }
        List<Integer> order = new ArrayList<>();
        double[] score = new double[hits.size()];
        for (int i = 0; i < hits.size(); i++) {
            score[i] = (1 - s.weight()) * hits.get(i).score() / bestFirst
                    + (bestExpanded > 0 ? s.weight() * expanded[i] / bestExpanded : 0);
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> -score[i]).thenComparing(i -> i));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < Math.min(k, order.size()); i++) {
            ids.add(hits.get(order.get(i)).id());
        }
        return ids;
    }

    /** The relevance model's heaviest terms, weights summing to 1. */
    private Map<String, Double> model(List<Hit> top, int terms) {
        double sum = 0;
        for (Hit h : top) {
            sum += h.score();
        }
        Map<String, Double> p = new HashMap<>();
        for (Hit h : top) {
            double w = h.score() / sum;
            double len = Math.max(1, lengths.get(h.id()));
            tf.get(h.id()).forEach((t, f) -> {
                if (df.get(t) <= n / 10) {
                    p.merge(t, w * f / len, Double::sum);
                }
            });
        }
        List<Map.Entry<String, Double>> best = new ArrayList<>(p.entrySet());
        best.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Double> out = new LinkedHashMap<>();
        double kept = 0;
        for (Map.Entry<String, Double> e : best.subList(0, Math.min(terms, best.size()))) {
            kept += e.getValue();
        }
        for (Map.Entry<String, Double> e : best.subList(0, Math.min(terms, best.size()))) {
            out.put(e.getKey(), e.getValue() / kept);
        }
        return out;
    }

    private double bm25(Map<String, Double> model, String id) {
        Map<String, Integer> f = tf.get(id);
        double norm = PlainBm25.K1 * (1 - PlainBm25.B + PlainBm25.B * lengths.get(id) / averageLength);
        double s = 0;
        for (Map.Entry<String, Double> e : model.entrySet()) {
            Integer c = f.get(e.getKey());
            if (c != null) {
                int d = df.get(e.getKey());
                double idf = Math.log(1 + (n - d + 0.5) / (d + 0.5));
                s += e.getValue() * idf * c * (PlainBm25.K1 + 1) / (c + norm);
            }
        }
        return s;
    }
}
