package vn.trang.search;

import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

import vn.trang.index.SearchFields;

/**
 * BM25 with the ranking's k1 and b everywhere except the title, which is scored by coverage
 * ({@link TitleCoverageSimilarity}). Length norms are the same at index and query time for any of
 * these, so only the search side changes and a variant needs no new index.
 */
final class RankingSimilarity extends PerFieldSimilarityWrapper {

    private final Similarity text;
    private final Similarity title = new TitleCoverageSimilarity();

    RankingSimilarity(Ranking r) {
        this.text = new BM25Similarity(r.k1(), r.b());
    }

    @Override
    public Similarity get(String field) {
        return field.equals(SearchFields.TITLE_FOLDED) ? title : text;
    }
}
