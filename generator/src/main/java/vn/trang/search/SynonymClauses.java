package vn.trang.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import vn.trang.index.SearchFields;

/**
 * The clauses the {@link Synonyms} table adds to a query, under the ranking's {@code synonyms}
 * weight (none at 0).
 *
 * <p><b>Scoring.</b> Each expression the table gives for a run of the query adds one clause that
 * only adds to the score: its folded bigrams in {@code all.bigrams}, together weighing as many
 * terms as the shorter of the query expression and the alternative has syllables, or, for one
 * syllable (an abbreviation), that syllable in {@code all.folded}. An alternative whose syllables are all in
 * the query already adds nothing.
 *
 * <p><b>Matching.</b> The alternatives never count toward the minimum match, except where the
 * query's own expression is in no item at all ({@link AbsentSpanQuery}, decided per index when
 * the query is rewritten): a citizen's "CCCD" or "sổ đỏ" in an index that only says "căn cước
 * công dân" or "giấy chứng nhận quyền sử dụng đất" would otherwise find nothing, or only items
 * that hold "sổ" and "đỏ" apart. There, an item holding an alternative (as a phrase) counts as
 * holding each of the expression's syllables it lacks: one clause per distinct syllable, "the
 * alternative and not this syllable", so an item holding both is not counted twice.
 */
final class SynonymClauses {

    private SynonymClauses() {
    }

    /** The scoring-only clauses: one per distinct alternative; empty at weight 0. */
    static List<Query> scoring(QueryTerms terms, float weight) {
        if (weight <= 0 || terms.isEmpty()) {
            return List.of();
        }
        Set<String> inQuery = new HashSet<>(terms.folded());
        // Each alternative once, weighing as many terms as the shorter side of the longest
        // equivalence it comes from: "sổ đỏ" for a long legal phrase, two; "giấy phép xây dựng"
        // for "GPXD", one (a rare abbreviation's one term must not weigh four).
        Map<List<String>, Integer> alternatives = new LinkedHashMap<>();
        for (Synonyms.Found f : Synonyms.standard().find(terms)) {
            for (Synonyms.Expression e : f.alternatives()) {
                if (!inQuery.containsAll(e.folded())) {
                    alternatives.merge(e.folded(), Math.min(f.end() - f.start(), e.size()), Math::max);
                }
            }
        }
        List<Query> out = new ArrayList<>();
        alternatives.forEach((alt, span) -> out.add(new BoostQuery(bigrams(alt, span), weight)));
        return out;
    }

    /**
     * The clauses that let an alternative stand for a query expression absent from the index:
     * one per distinct content syllable of such an expression, scoring nothing. {@code form}
     * marks the question's own words, which the match does not count either.
     */
    static List<Query> matching(QueryTerms terms, boolean[] form, float weight) {
        if (weight <= 0 || terms.isEmpty()) {
            return List.of();
        }
        Map<String, List<Query>> bySyllable = new LinkedHashMap<>();
        for (Synonyms.Found f : Synonyms.standard().find(terms)) {
            List<Query> phrases = new ArrayList<>();
            for (Synonyms.Expression e : f.alternatives()) {
                phrases.add(phrase(e.folded()));
            }
            List<String> own = terms.marked() ? terms.exact().subList(f.start(), f.end())
                    : terms.folded().subList(f.start(), f.end());
            Query absent = new AbsentSpanQuery(own, terms.marked(), phrases);
            for (int i = f.start(); i < f.end(); i++) {
                if (!form[i]) {
                    bySyllable.computeIfAbsent(terms.folded().get(i), k -> new ArrayList<>()).add(absent);
                }
            }
        }
        List<Query> out = new ArrayList<>();
        for (Map.Entry<String, List<Query>> e : bySyllable.entrySet()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            new LinkedHashSet<>(e.getValue()).forEach(q -> any.add(q, Occur.SHOULD));
            BooleanQuery.Builder slot = new BooleanQuery.Builder();
            slot.add(any.build(), Occur.MUST);
            slot.add(new TermQuery(new Term(SearchFields.ALL_FOLDED, e.getKey())), Occur.MUST_NOT);
            out.add(new BoostQuery(new ConstantScoreQuery(slot.build()), 0f));
        }
        return out;
    }

    /**
     * The alternative's bigrams, together weighing {@code span} terms (so "giấy chứng nhận quyền
     * sử dụng đất", six bigrams, weighs what two terms do for "sổ đỏ"); a single syllable as
     * itself.
     */
    private static Query bigrams(List<String> folded, int span) {
        if (folded.size() == 1) {
            return new BoostQuery(new TermQuery(new Term(SearchFields.ALL_FOLDED, folded.get(0))), span);
        }
        List<String> bigrams = QueryBuilder.bigrams(folded);
        float each = (float) span / bigrams.size();
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String bigram : new LinkedHashSet<>(bigrams)) {
            b.add(new BoostQuery(new TermQuery(new Term(SearchFields.ALL_BIGRAMS, bigram)), each), Occur.SHOULD);
        }
        return b.build();
    }

    static Query phrase(List<String> folded) {
        if (folded.size() == 1) {
            return new TermQuery(new Term(SearchFields.ALL_FOLDED, folded.get(0)));
        }
        PhraseQuery.Builder p = new PhraseQuery.Builder();
        for (int i = 0; i < folded.size(); i++) {
            p.add(new Term(SearchFields.ALL_FOLDED, folded.get(i)), i);
        }
        return p.build();
    }
}
