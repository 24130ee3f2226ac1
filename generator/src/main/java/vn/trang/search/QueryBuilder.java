package vn.trang.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import vn.trang.index.SearchFields;
import vn.trang.index.VietnameseAnalyzers;

/**
 * Builds the Lucene query of a {@link UserQuery} under a {@link Ranking}:
 *
 * <pre>
 * (match: per syllable (folded OR exact), at least minimumMatch of them
 *   + bigrams + exact bigrams + title coverage + contained title/metadata + title phrase)
 * OR key: exact number/code, constant score far above any text score
 * OR service: a procedure whose title holds the service the query names ({@link ServiceIntent})
 * + every "quoted phrase"  − every excluded word
 * </pre>
 *
 * Only the match, key and service clauses decide what matches; the others only add to the score of
 * what already matched (a bigram cannot match a document whose syllables did not).
 */
public final class QueryBuilder {

    /** Phrases of up to this many syllables are also tried as a phrase in the title. */
    static final int TITLE_PHRASE_MAX = 12;

    private final Ranking ranking;

    public QueryBuilder(Ranking ranking) {
        this.ranking = ranking;
    }

    /** The scoring query; never null, {@link MatchNoDocsQuery} for nothing to look for. */
    public Query build(UserQuery q) {
        return build(q, ServiceIntent.NONE);
    }

    /** The scoring query, with the procedures of the searched index the query names. */
    Query build(UserQuery q, ServiceIntent services) {
        return build(q, services, true);
    }

    /**
     * The same query without its scoring-only clauses: it matches exactly the same documents
     * (only the match clause, keys, phrases and exclusions decide that) at a fraction of the cost,
     * so facets and totals are counted with it while only the top hits are scored in full.
     */
    public Query matching(UserQuery q) {
        return matching(q, ServiceIntent.NONE);
    }

    Query matching(UserQuery q, ServiceIntent services) {
        return new ConstantScoreQuery(build(q, services, false));
    }

    private Query build(UserQuery q, ServiceIntent services, boolean scoring) {
        QueryTerms terms = QueryTerms.of(q.text());
        BooleanQuery.Builder top = new BooleanQuery.Builder();
        int should = 0;
        Query text = scoring ? text(terms) : match(terms);
        if (text != null) {
            top.add(text, Occur.SHOULD);
            should++;
        }
        Query keys = keys(q);
        if (keys != null) {
            top.add(keys, Occur.SHOULD);
            should++;
        }
        // A procedure whose title holds the service the query names matches even when the
        // question around the name ("xin … ở đâu") leaves too few of its syllables in the item.
        Query service = services.clause(terms, ranking.serviceTitle());
        if (service != null) {
            top.add(service, Occur.SHOULD);
            should++;
        }
        int must = 0;
        for (String phrase : q.phrases()) {
            Query p = phrase(SearchFields.ALL_FOLDED, QueryTerms.of(phrase).folded(), 0);
            if (p != null) {
                top.add(p, Occur.FILTER);
                must++;
            }
        }
        if (should + must == 0) {
            return new MatchNoDocsQuery("nothing to search for");
        }
        for (String ex : q.excluded()) {
            Query p = phrase(SearchFields.ALL_FOLDED, QueryTerms.of(ex).folded(), 0);
            if (p != null) {
                top.add(p, Occur.MUST_NOT);
            }
        }
        if (must == 0) {
            top.setMinimumNumberShouldMatch(1);
        }
        return top.build();
    }

    /** The exact number or code clause: a constant far above any text score; null without one. */
    private Query keys(UserQuery q) {
        if (q.keys().isEmpty() || ranking.keys() <= 0) {
            return null;
        }
        BooleanQuery.Builder keys = new BooleanQuery.Builder();
        q.keys().forEach(k -> keys.add(new TermQuery(new Term(SearchFields.KEY, k)), Occur.SHOULD));
        return new BoostQuery(new ConstantScoreQuery(keys.build()), ranking.keys());
    }

    /** Filters alone: every document, to be sorted by date. */
    public static Query all() {
        return new MatchAllDocsQuery();
    }

    private Query text(QueryTerms terms) {
        Query match = match(terms);
        if (match == null) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        all.add(match, Occur.MUST);
        scoringOnly(terms).forEach(c -> all.add(c, Occur.SHOULD));
        return all.build();
    }

    /**
     * The scoring query as one flat disjunction: every clause of {@link #build(UserQuery)} that adds
     * to a score — each syllable's folded and exact terms, bigrams, title and key clauses — and
     * nothing that decides what matches. For a document that {@link #matching(UserQuery)} matches,
     * it scores what the scoring query scores (the same terms with the same weights; only the order
     * of the additions may differ). It is what {@link TopMatchingDocs} ranks with: a top-level
     * disjunction is what Lucene's MaxScore skipping works best on. Empty (null) when the query
     * has quoted phrases, whose filter would make the query a conjunction again, or nothing to
     * score.
     */
    public Query disjunction(UserQuery q) {
        return disjunction(q, ServiceIntent.NONE);
    }

    Query disjunction(UserQuery q, ServiceIntent services) {
        QueryTerms terms = QueryTerms.of(q.text());
        if (!q.phrases().isEmpty() || (terms.isEmpty() && q.keys().isEmpty())) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        if (!terms.isEmpty()) {
            for (SyllableTerms t : syllables(terms, false)) {
                Stream.of(t.folded(), t.exact()).filter(Objects::nonNull).forEach(c -> any.add(c, Occur.SHOULD));
            }
            scoringOnly(terms).forEach(c -> any.add(c, Occur.SHOULD));
            Query service = services.clause(terms, ranking.serviceTitle());
            if (service != null) {
                any.add(service, Occur.SHOULD);
            }
        }
        Query keys = keys(q);
        if (keys != null) {
            any.add(keys, Occur.SHOULD);
        }
        return any.build();
    }

    /** The clauses that only add to the score of a document the match clause matched. */
    private List<Query> scoringOnly(QueryTerms terms) {
        List<Query> out = new ArrayList<>();
        boolean marked = terms.marked();
        Map<String, Integer> folded = distinct(terms.folded());
        boolean tf = ranking.queryTermFrequency();
        boolean[] form = form(terms);
        float qf = ranking.questionForm();
        addTerms(out, SearchFields.ALL_BIGRAMS, bigrams(terms.folded(), form, false), ranking.bigrams(), tf);
        addTerms(out, SearchFields.ALL_BIGRAMS, bigrams(terms.folded(), form, true), ranking.bigrams() * qf, tf);
        if (marked || ranking.folded() == 0) {
            addTerms(out, SearchFields.ALL_EXACT_BIGRAMS, bigrams(terms.exact(), form, false), ranking.exactBigrams(), tf);
            addTerms(out, SearchFields.ALL_EXACT_BIGRAMS, bigrams(terms.exact(), form, true),
                    ranking.exactBigrams() * qf, tf);
        }
        // The question's own words only add to the score, weighted down; they decide no match.
        for (SyllableTerms t : syllables(terms, true)) {
            Stream.of(t.folded(), t.exact()).filter(Objects::nonNull).forEach(out::add);
        }
        // Title coverage counts each title term once, whatever the query repeats.
        boolean question = false;
        for (boolean f : form) {
            question |= f;
        }
        // A short question names its topic as a title does ("Khách du lịch có quyền gì?"); a long one
        // (a story, an exam statement) holds much besides, and covers many titles in part.
        float title = question && terms.size() <= TITLE_PHRASE_MAX
                ? Math.max(ranking.title(), ranking.questionTitle()) : ranking.title();
        addTerms(out, SearchFields.TITLE_FOLDED, new ArrayList<>(folded.keySet()), title, false);
        if (ranking.containedTitle() > 0 && terms.size() >= 2) {
            out.add(boost(new ContainedKeyQuery(SearchFields.TITLE_KEY, 2, terms.folded()), ranking.containedTitle()));
        }
        if (ranking.containedMeta() > 0) {
            out.add(boost(new ContainedKeyQuery(SearchFields.META_KEY, 1, terms.folded()), ranking.containedMeta()));
        }
        out.addAll(SynonymClauses.scoring(terms, ranking.synonyms()));
        int n = terms.size();
        if (ranking.titlePhrase() > 0 && n >= 2 && n <= TITLE_PHRASE_MAX) {
            out.add(boost(phrase(SearchFields.TITLE_FOLDED, terms.folded(), 0), ranking.titlePhrase()));
        }
        return out;
    }

    /** One clause per distinct syllable (folded, or exact too), at least minimumMatch of them. */
    private Query match(QueryTerms terms) {
        if (terms.isEmpty()) {
            return null;
        }
        List<SyllableTerms> syllables = syllables(terms, false);
        BooleanQuery.Builder match = new BooleanQuery.Builder();
        for (SyllableTerms t : syllables) {
            BooleanQuery.Builder syllable = new BooleanQuery.Builder();
            if (t.folded() != null) {
                // With the exact spelling too, the folded term is required and the exact one only
                // adds its score: every item holding the exact spelling holds its folding (both
                // fields are written from the same syllables), so this matches exactly what
                // "folded OR exact" matches, with the same score (a sum of the same two values),
                // but it walks one posting list instead of merging two, and a count ignores the
                // exact term altogether.
                syllable.add(t.folded(), t.exact() != null ? Occur.MUST : Occur.SHOULD);
            }
            if (t.exact() != null) {
                syllable.add(t.exact(), Occur.SHOULD);
            }
            if (t.folded() != null || t.exact() != null) {
                match.add(syllable.build(), Occur.SHOULD);
            }
        }
        boolean question = false;
        for (boolean f : form(terms)) {
            question |= f;
        }
        SynonymClauses.matching(terms, form(terms), ranking.synonyms()).forEach(c -> match.add(c, Occur.SHOULD));
        match.setMinimumNumberShouldMatch(ranking.minimumMatch(syllables.size(), question));
        return match.build();
    }

    /** A distinct syllable's weighted terms: folded and exact spelling, each null when not searched. */
    private record SyllableTerms(Query folded, Query exact) {
    }

    /**
     * Which positions are the question's own words ({@link QuestionForms}); none when the ranking
     * weighs them as any other word.
     */
    private boolean[] form(QueryTerms terms) {
        return ranking.questionForm() == 1f ? new boolean[terms.size()] : QuestionForms.positions(terms);
    }

    /**
     * Each distinct syllable's terms, in first-seen order: {@link #match} requires them,
     * {@link #disjunction} only adds them up. With {@code questionForm}, only the syllables that
     * are nowhere in the query anything but question form, weighted by the ranking's
     * questionForm; without, the others (a syllable is content if it is content anywhere).
     */
    private List<SyllableTerms> syllables(QueryTerms terms, boolean questionForm) {
        boolean[] form = form(terms);
        Map<String, Boolean> content = new LinkedHashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            content.merge(terms.folded().get(i), !form[i], Boolean::logicalOr);
        }
        float weight = questionForm ? ranking.questionForm() : 1f;
        if (weight <= 0) {
            return List.of();
        }
        boolean withFolded = ranking.folded() > 0;
        boolean withExact = ranking.exact() > 0 && (terms.marked() || ranking.folded() == 0);
        Map<String, String> exactOf = new LinkedHashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            exactOf.putIfAbsent(terms.folded().get(i), terms.exact().get(i));
        }
        List<SyllableTerms> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : distinct(terms.folded()).entrySet()) {
            if (content.get(e.getKey()) == questionForm) {
                continue;
            }
            float tf = (ranking.queryTermFrequency() ? e.getValue() : 1f) * weight;
            Query folded = withFolded
                    ? boost(new TermQuery(new Term(SearchFields.ALL_FOLDED, e.getKey())), ranking.folded() * tf) : null;
            Query exact = withExact
                    ? boost(new TermQuery(new Term(SearchFields.ALL_EXACT, exactOf.get(e.getKey()))), ranking.exact() * tf)
                    : null;
            out.add(new SyllableTerms(folded, exact));
        }
        return out;
    }

    /** One weighted clause of SHOULD terms; {@code countRepeats}: a term repeated in the query weighs more. */
    private static void addTerms(List<Query> out, String field, List<String> values, float weight,
                                 boolean countRepeats) {
        if (weight <= 0 || values.isEmpty()) {
            return;
        }
        BooleanQuery.Builder clause = new BooleanQuery.Builder();
        for (Map.Entry<String, Integer> e : distinct(values).entrySet()) {
            float tf = countRepeats ? e.getValue() : 1f;
            clause.add(boost(new TermQuery(new Term(field, e.getKey())), tf), Occur.SHOULD);
        }
        out.add(boost(clause.build(), weight));
    }

    static List<String> bigrams(List<String> syllables) {
        return bigrams(syllables, new boolean[syllables.size()], false);
    }

    /** The bigrams that touch a question-form position ({@code touching}), or those that do not. */
    static List<String> bigrams(List<String> syllables, boolean[] form, boolean touching) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < syllables.size(); i++) {
            if ((form[i] || form[i + 1]) != touching) {
                continue;
            }
            out.add(syllables.get(i) + VietnameseAnalyzers.BIGRAM_SEPARATOR + syllables.get(i + 1));
        }
        return out;
    }

    private static Query phrase(String field, List<String> syllables, int slop) {
        if (syllables.isEmpty()) {
            return null;
        }
        if (syllables.size() == 1) {
            return new TermQuery(new Term(field, syllables.get(0)));
        }
        PhraseQuery.Builder p = new PhraseQuery.Builder();
        for (int i = 0; i < syllables.size(); i++) {
            p.add(new Term(field, syllables.get(i)), i);
        }
        p.setSlop(slop);
        return p.build();
    }

    /** Distinct values in first-seen order, with how often each occurs. */
    private static Map<String, Integer> distinct(List<String> values) {
        Map<String, Integer> out = new LinkedHashMap<>();
        values.forEach(v -> out.merge(v, 1, Integer::sum));
        return out;
    }

    private static Query boost(Query q, float weight) {
        return weight == 1f ? q : new BoostQuery(q, weight);
    }
}
