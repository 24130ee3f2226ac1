package vn.trang.search.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class FoldsTest {

    private static final List<Integer> ITEMS = IntStream.range(0, 23).boxed().toList();

    @Test
    void everyItemIsInExactlyOneFoldAndSizesDifferByOne() {
        List<List<Integer>> folds = Folds.split(ITEMS, 5, 24);
        assertEquals(5, folds.size());
        List<Integer> all = new ArrayList<>();
        folds.forEach(all::addAll);
        assertEquals(ITEMS.size(), all.size());
        assertEquals(new HashSet<>(ITEMS), new HashSet<>(all));
        folds.forEach(f -> assertTrue(f.size() == 4 || f.size() == 5, f.toString()));
    }

    @Test
    void theSameSeedGivesTheSameFoldsAndTheyAreShuffled() {
        assertEquals(Folds.split(ITEMS, 5, 24), Folds.split(ITEMS, 5, 24));
        assertNotEquals(Folds.split(ITEMS, 5, 24), Folds.split(ITEMS, 5, 25));
        // Not dealt in input order: a set grouped by law would otherwise put one law in one fold.
        assertNotEquals(List.of(0, 5, 10, 15, 20), Folds.split(ITEMS, 5, 24).get(0));
    }

    @Test
    void tooFewItemsOrFoldsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Folds.split(ITEMS, 1, 24));
        assertThrows(IllegalArgumentException.class, () -> Folds.split(List.of(1, 2), 3, 24));
    }

    @Test
    void crossValidationPicksOnTrainingFoldsAndScoresTheHeldOutOne() {
        // Ten questions; candidate "good" ranks the right document first for all but q0,
        // "bad" only for q0. Every fold's training set prefers "good"; the fold holding q0 scores 0 on it.
        List<EvalQuery> qs = new ArrayList<>();
        Map<String, List<String>> good = new java.util.LinkedHashMap<>();
        Map<String, List<String>> bad = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            qs.add(new EvalQuery("q" + i, "", List.of("d" + i)));
            good.put("q" + i, i == 0 ? List.of("x") : List.of("d" + i));
            bad.put("q" + i, i == 0 ? List.of("d0") : List.of("x"));
        }
        Map<String, Map<String, List<String>>> ranked = new java.util.LinkedHashMap<>();
        ranked.put("bad", bad);
        ranked.put("good", good);
        CrossValidation.Result cv = CrossValidation.run(ranked, Folds.split(qs, 5, 24), 10);
        Set<String> chosen = new HashSet<>();
        cv.folds().forEach(f -> chosen.add(f.chosen()));
        assertEquals(Set.of("good"), chosen);
        assertEquals(0.9, cv.mean().recall(), 1e-9);
        assertEquals(10, cv.mean().queries());
        assertEquals(1, cv.folds().stream().filter(f -> f.heldOut().recall() == 0.5).count());
    }
}
