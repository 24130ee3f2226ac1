package vn.trang.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.search.IndexSearcher;

import vn.trang.index.SearchFields;

/**
 * The suggestions of a search that found nothing ({@link Suggestions}). Each is checked with a
 * count of the constant-score matching query before it is offered (a term lookup or two per
 * syllable: searches that find nothing are few and cheap), so no suggestion leads to another empty
 * page.
 *
 * <p>Matching is by folded syllables, so a query without marks already finds every spelling: its
 * spelling with marks finds nothing more in the same scope. It is still offered when it finds
 * something without the site filter (the link then searches the whole province), because spelt
 * with marks the same words rank their exact spellings first.
 */
final class ZeroResults {

    private ZeroResults() {
    }

    interface Spellings {
        MarkedSpellings get(IndexSearcher searcher) throws IOException;
    }

    static Suggestions of(IndexSearcher searcher, SearchEngine engine, SearchRequest req, Spellings spellings,
                          SearchedServices services) throws IOException {
        UserQuery q = UserQuery.parse(req.query());
        if (q.isEmpty()) {
            return Suggestions.NONE;
        }
        SearchRequest wider = null;
        long widerTotal = 0;
        if (req.filters().containsKey(SearchFields.SITE)) {
            SearchRequest w = req.withFilter(SearchFields.SITE, null);
            long n = engine.count(searcher, w);
            if (n > 0) {
                wider = w;
                widerTotal = n;
            }
        }
        SearchRequest respelled = null;
        String respelling = respell(q, spellings.get(searcher));
        if (respelling != null) {
            for (SearchRequest r : scopes(req.withQuery(respelling))) {
                if (engine.count(searcher, r) > 0) {
                    respelled = r;
                    break;
                }
            }
        }
        return new Suggestions(wider, widerTotal, respelled, respelled == null ? null : respelling,
                services.top(searcher));
    }

    /** The request, then without its site filter if it has one. */
    private static List<SearchRequest> scopes(SearchRequest r) {
        List<SearchRequest> out = new ArrayList<>(List.of(r));
        if (r.filters().containsKey(SearchFields.SITE)) {
            out.add(r.withFilter(SearchFields.SITE, null));
        }
        return out;
    }

    /**
     * The query's syllables with marks where the index suggests some, or null when nothing would
     * change or the query was typed with marks (its typist chose them). Phrases, exclusions and
     * punctuation are left out: the suggestion is words to search for.
     */
    static String respell(UserQuery q, MarkedSpellings spellings) throws IOException {
        QueryTerms terms = QueryTerms.of(q.text());
        if (terms.marked() || terms.isEmpty() || !q.phrases().isEmpty() || !q.excluded().isEmpty()) {
            return null;
        }
        List<String> out = spellings.spell(terms.folded());
        return out.equals(terms.folded()) ? null : String.join(" ", out);
    }
}
