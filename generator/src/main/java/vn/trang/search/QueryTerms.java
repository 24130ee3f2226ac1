package vn.trang.search;

import java.util.List;

import org.apache.lucene.analysis.Analyzer;

import vn.trang.index.VietnameseAnalyzers;

/**
 * A text run through the index's own analysers, so query terms are spelled exactly as indexed
 * terms: syllables with their marks ({@code exact}) and folded ({@code folded}), position by
 * position (both chains share the tokenizer and map tokens one to one).
 *
 * @param marked whether the text carries any Vietnamese mark at all. A query typed without marks
 *               says nothing about them, so exact-spelling clauses are left out: "ma" must not
 *               prefer "ma" (ghost) over "mã" or "mà".
 */
public record QueryTerms(List<String> exact, List<String> folded, boolean marked) {

    /** Syllables kept from one query: a bound on clauses, far above what a question needs. */
    public static final int MAX_TERMS = 96;

    public QueryTerms {
        exact = List.copyOf(exact);
        folded = List.copyOf(folded);
    }

    public static QueryTerms of(String text) {
        List<String> exact = tokens(VietnameseAnalyzers.EXACT, text);
        List<String> folded = tokens(VietnameseAnalyzers.FOLDED, text);
        if (exact.size() != folded.size()) {
            // Cannot happen with the shipped chains; degrade to folded-only rather than misalign.
            return new QueryTerms(folded, folded, false);
        }
        return new QueryTerms(exact, folded, !exact.equals(folded));
    }

    public int size() {
        return folded.size();
    }

    public boolean isEmpty() {
        return folded.isEmpty();
    }

    /** The tokens of a text with one analyser, at most {@link #MAX_TERMS}. */
    public static List<String> tokens(Analyzer analyzer, String text) {
        return VietnameseAnalyzers.tokens(analyzer, text, MAX_TERMS);
    }
}
