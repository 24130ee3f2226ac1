package vn.trang.search;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import vn.trang.index.SearchFields;
import vn.trang.index.VietnameseAnalyzers;

/**
 * Matches items one of whose whole values (the title in {@link SearchFields#TITLE_KEY}; the
 * issuer, type, field or site name in {@link SearchFields#META_KEY}) occurs in the query:
 * "Cơ sở cai nghiện ma túy tự nguyện là do cơ quan nhà nước thành lập, đúng hay sai?" contains
 * the title of exactly the article it asks about; "quyết định của sở tài chính về giá" names a
 * type and an issuer. Every run of 1 to {@link SearchFields#KEY_MAX_SYLLABLES} syllables of the
 * query is a candidate key; on rewrite, only candidates present in the index become clauses, so
 * a long question costs term lookups, not hundreds of clauses. Each clause is weighted by its
 * length in syllables (a contained five-syllable title says more than a two-syllable one) and
 * scored by BM25, whose IDF discounts values many items share ("Giải thích từ ngữ").
 */
final class ContainedKeyQuery extends Query {

    private final String field;
    private final int minLength;
    private final List<String> syllables;

    /** @param minLength the shortest run tried: titles of one syllable say too little to count */
    ContainedKeyQuery(String field, int minLength, List<String> foldedSyllables) {
        this.field = field;
        this.minLength = minLength;
        this.syllables = List.copyOf(foldedSyllables);
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Map<String, Integer> present = new LinkedHashMap<>();
        IndexReader reader = searcher.getIndexReader();
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(field);
            if (terms == null) {
                continue;
            }
            TermsEnum te = terms.iterator();
            for (int i = 0; i < syllables.size(); i++) {
                StringBuilder run = new StringBuilder();
                for (int len = 1; len <= SearchFields.KEY_MAX_SYLLABLES && i + len <= syllables.size(); len++) {
                    if (len > 1) {
                        run.append(VietnameseAnalyzers.BIGRAM_SEPARATOR);
                    }
                    run.append(syllables.get(i + len - 1));
                    String key = run.toString();
                    if (len >= minLength && !present.containsKey(key) && te.seekExact(new BytesRef(key))) {
                        present.put(key, len);
                    }
                }
            }
        }
        if (present.isEmpty()) {
            return new MatchNoDocsQuery("no " + field + " contained in the query");
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        // Bounded: at most one clause per title present in the index and contained in the query.
        present.entrySet().stream().limit(IndexSearcher.getMaxClauseCount() / 4).forEach(e ->
                b.add(new BoostQuery(new TermQuery(new Term(field, e.getKey())), e.getValue()),
                        Occur.SHOULD));
        return b.build();
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "Contained(" + this.field + ":" + String.join(" ", syllables) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return sameClassAs(o) && field.equals(((ContainedKeyQuery) o).field)
                && minLength == ((ContainedKeyQuery) o).minLength && syllables.equals(((ContainedKeyQuery) o).syllables);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), field, minLength, syllables);
    }
}
