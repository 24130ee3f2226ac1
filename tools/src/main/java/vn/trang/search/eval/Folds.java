package vn.trang.search.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Splits a question set into k folds for cross-validation: a shuffle with a fixed seed (so ALQAC's
 * questions, which come grouped by law and by type, spread over every fold and every run gets the
 * same folds), then dealt round-robin, so fold sizes differ by at most one.
 */
public final class Folds {

    private Folds() {
    }

    public static <T> List<List<T>> split(List<T> items, int k, long seed) {
        if (k < 2 || k > items.size()) {
            throw new IllegalArgumentException("cần 2 ≤ k ≤ " + items.size() + " phần, có " + k);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        List<List<T>> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            folds.add(new ArrayList<>());
        }
        for (int i = 0; i < order.size(); i++) {
            folds.get(i % k).add(items.get(order.get(i)));
        }
        return folds.stream().map(List::copyOf).toList();
    }
}
