package vn.trang.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import vn.trang.index.VietnameseNormalizationFilter;

/**
 * One syllable of a query as snippets mark it. The body field is folded, so its postings find
 * "lai", "lãi" and "lại" alike; which of them are marked depends on how the syllable was typed:
 *
 * <ul>
 *   <li>typed with marks ("lãi"): only that spelling is marked (any tone placement, NFC or NFD:
 *       both sides go through the index's normalisation);</li>
 *   <li>typed without marks ("lai"): every spelling that folds to it, since a query without marks
 *       says nothing about them.</li>
 * </ul>
 *
 * The rule is per syllable, so a query that mixes both ("lãi suat") marks "lãi" exactly and every
 * "suất"/"suat". A syllable typed both ways in one query ("lãi lai") is marked folded.
 *
 * @param folded the syllable as the body field holds it
 * @param exact  the spellings (lower case, normalised) to mark; empty for every spelling
 */
record HighlightTerm(String folded, Set<String> exact) {

    HighlightTerm {
        exact = Set.copyOf(exact);
    }

    /** The query's distinct syllables, in query order. */
    static List<HighlightTerm> of(UserQuery q) {
        QueryTerms terms = QueryTerms.of(q.text());
        Map<String, Set<String>> spellings = new LinkedHashMap<>();
        Set<String> anySpelling = new LinkedHashSet<>();
        for (int i = 0; i < terms.size(); i++) {
            String folded = terms.folded().get(i);
            String exact = terms.exact().get(i);
            spellings.computeIfAbsent(folded, k -> new LinkedHashSet<>()).add(exact);
            if (exact.equals(folded)) {
                anySpelling.add(folded);
            }
        }
        List<HighlightTerm> out = new ArrayList<>(spellings.size());
        spellings.forEach((folded, exact) -> out.add(new HighlightTerm(folded,
                anySpelling.contains(folded) ? Set.of() : exact)));
        return out;
    }

    /** Whether a match of {@link #folded} in the text, spelt {@code surface} there, is marked. */
    boolean marks(String surface) {
        return exact.isEmpty() || exact.contains(spelling(surface));
    }

    /** A syllable of the text as the exact analysis spells it: normalised (NFC, one tone placement), lower case. */
    static String spelling(String surface) {
        return VietnameseNormalizationFilter.normalize(surface).toLowerCase(Locale.ROOT);
    }
}
