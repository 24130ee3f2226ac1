package vn.trang.search;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

import vn.trang.index.SearchFields;

/**
 * Any of some alternatives, but only where the query's own expression is in no item of the
 * index: decided when the query is rewritten against the index, so the same query matches through
 * "căn cước công dân" in an index that never says "CCCD", and only by "CCCD" in one that does.
 * The expression is looked up as typed: with marks in the exact fields when the query has marks
 * ("sổ đỏ" is not "sơ đồ"), folded otherwise; a word of several syllables by its bigrams (absent
 * if any of them is).
 */
final class AbsentSpanQuery extends Query {

    private final List<String> syllables;
    private final boolean exact;
    private final List<Query> alternatives;

    AbsentSpanQuery(List<String> syllables, boolean exact, List<Query> alternatives) {
        this.syllables = List.copyOf(syllables);
        this.exact = exact;
        this.alternatives = List.copyOf(alternatives);
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        if (alternatives.isEmpty() || present(searcher.getIndexReader())) {
            return new MatchNoDocsQuery("the query's own expression is in the index");
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        alternatives.forEach(a -> any.add(a, Occur.SHOULD));
        return any.build();
    }

    private boolean present(IndexReader reader) throws IOException {
        if (syllables.size() == 1) {
            String field = exact ? SearchFields.ALL_EXACT : SearchFields.ALL_FOLDED;
            return reader.docFreq(new Term(field, syllables.get(0))) > 0;
        }
        String field = exact ? SearchFields.ALL_EXACT_BIGRAMS : SearchFields.ALL_BIGRAMS;
        for (String bigram : QueryBuilder.bigrams(syllables)) {
            if (reader.docFreq(new Term(field, bigram)) == 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "Absent(" + String.join(" ", syllables) + (exact ? ", exact" : "") + " -> " + alternatives + ")";
    }

    @Override
    public boolean equals(Object o) {
        return sameClassAs(o) && syllables.equals(((AbsentSpanQuery) o).syllables)
                && exact == ((AbsentSpanQuery) o).exact && alternatives.equals(((AbsentSpanQuery) o).alternatives);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), syllables, exact, alternatives);
    }
}
