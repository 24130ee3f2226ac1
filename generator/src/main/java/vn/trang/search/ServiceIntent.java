package vn.trang.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import vn.trang.index.SearchFields;
import vn.trang.text.Slugs;

/**
 * Whether a query names a service, and which procedures it names: a citizen who types "giay phep
 * xay dung" or "làm giấy phép xây dựng ở đâu" wants the procedure "Cấp giấy phép xây dựng …", not
 * the công văn that mentions it most often. The clause matches a procedure whose title holds
 * (nearly) every content syllable of a short query — the words left once the question and request
 * form around a service name is set aside ("làm", "xin", "ở đâu", "thủ tục", "cần những gì") — and
 * scores the share of them it holds, times the weight. It is not a blanket preference for
 * procedures: a question whose words a procedure title does not nearly cover gets nothing, so a
 * legal question still finds its article; and an index without procedures is scored as before.
 */
final class ServiceIntent {

    /** The item type of administrative procedures (Section.PROCEDURES). */
    static final String PROCEDURE = "procedure";

    /**
     * Service names are short; a query longer than this (in content syllables) is a question or a
     * pasted text, not a name.
     */
    static final int MAX_CONTENT = 10;
    /** The share of the content syllables a procedure title must hold (all of up to four). */
    static final double COVERAGE = 0.8;

    /**
     * The words of the question and request form in which Vietnamese wraps the name of a service:
     * question words (ở đâu, như thế nào, bao nhiêu, bao lâu, gì, có … không, được), request verbs
     * (làm, xin, nộp, muốn, cần, phải) and the generic nouns of the form (thủ tục, hồ sơ). Written
     * from the language, not from any query set; with marks, compared by exact spelling when the
     * query has marks and folded when it has none.
     */
    static final Set<String> FORM_WORDS = Set.of("làm", "xin", "nộp", "muốn", "cần", "phải", "ở", "đâu", "nào",
            "như", "thế", "bao", "nhiêu", "lâu", "gì", "những", "có", "không", "được", "thủ", "tục", "hồ", "sơ",
            "tôi", "em", "mình");
    private static final Set<String> FORM_WORDS_FOLDED = Set.copyOf(FORM_WORDS.stream().map(Slugs::fold).toList());

    private ServiceIntent() {
    }

    /** The folded syllables of the query that may name a service: distinct, form words set aside. */
    static List<String> content(QueryTerms terms) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < terms.size(); i++) {
            boolean form = terms.marked() ? FORM_WORDS.contains(terms.exact().get(i))
                    : FORM_WORDS_FOLDED.contains(terms.folded().get(i));
            if (!form) {
                out.add(terms.folded().get(i));
            }
        }
        return List.copyOf(out);
    }

    /** How many of {@code n} content syllables a title must hold. */
    static int required(int n) {
        return (int) Math.ceil(n * COVERAGE - 1e-9);
    }

    /**
     * The clause, or null when the query cannot name a service (no content syllable, or too many).
     * A procedure scores {@code weight × held / content}: between 0.8 and 1 times the weight.
     */
    static Query clause(QueryTerms terms, float weight) {
        List<String> content = content(terms);
        if (weight <= 0 || content.isEmpty() || content.size() > MAX_CONTENT) {
            return null;
        }
        float each = 1f / content.size();
        BooleanQuery.Builder held = new BooleanQuery.Builder();
        for (String s : content) {
            held.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(SearchFields.TITLE_FOLDED, s))), each),
                    Occur.SHOULD);
        }
        held.setMinimumNumberShouldMatch(required(content.size()));
        BooleanQuery.Builder procedure = new BooleanQuery.Builder();
        procedure.add(held.build(), Occur.MUST);
        procedure.add(new TermQuery(new Term(SearchFields.TYPE, PROCEDURE)), Occur.FILTER);
        return new BoostQuery(procedure.build(), weight);
    }
}
