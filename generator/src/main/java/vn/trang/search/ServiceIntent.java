package vn.trang.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

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
 *
 * <p>One per open index: the procedures' titles are held in memory (syllable → procedures), and
 * the decision is made there rather than by Lucene. As a Lucene clause (title terms with a minimum
 * match, filtered by type) every search looked up every content syllable in the title field and
 * the type term, three times (ranking, the match check, counting): a quarter more allocation and
 * a fifth more time per search, for a clause that matches nothing in nearly every search.
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
     * The words of the request in which Vietnamese wraps the name of a service, besides the
     * question form itself ({@link QuestionForms}, whose every word, "là" of "là gì" and "được" of
     * "có được" included, is set aside too): request verbs (làm, xin, nộp, muốn, cần, phải), the
     * generic nouns of the form (thủ tục, hồ sơ) and the asker. Written from the language, not from
     * any query set; compared by exact spelling when the query has marks and folded when it has none.
     */
    static final Set<String> REQUEST_WORDS = Set.of("làm", "xin", "nộp", "muốn", "cần", "phải", "thủ", "tục", "hồ",
            "sơ", "tôi", "em", "mình");
    private static final Set<String> REQUEST_WORDS_FOLDED = Set.copyOf(REQUEST_WORDS.stream().map(Slugs::fold).toList());

    /** No procedures: every query is scored as if the clause did not exist. */
    static final ServiceIntent NONE = new ServiceIntent(Map.of());
    private static final int[] NONE_DOCS = new int[0];

    /** Folded title syllable → the procedures (ascending global document ids) whose title holds it. */
    private final Map<String, int[]> titles;

    private ServiceIntent(Map<String, int[]> titles) {
        this.titles = titles;
    }

    /**
     * The procedure titles of an index, read once from the title field's postings (so a title is
     * split exactly as the index split it). A province has a few thousand procedures at most:
     * this is small beside the index, and built once per publish.
     */
    static ServiceIntent of(IndexReader reader) throws IOException {
        Map<String, IntList> titles = new HashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            FixedBitSet procedures = procedures(leaf.reader());
            Terms terms = procedures == null ? null : leaf.reader().terms(SearchFields.TITLE_FOLDED);
            if (terms == null) {
                continue;
            }
            TermsEnum te = terms.iterator();
            PostingsEnum postings = null;
            for (BytesRef t = te.next(); t != null; t = te.next()) {
                postings = te.postings(postings, PostingsEnum.NONE);
                IntList list = null;
                for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                    if (procedures.get(d)) {
                        if (list == null) {
                            list = titles.computeIfAbsent(t.utf8ToString(), k -> new IntList());
                        }
                        list.add(leaf.docBase + d);
                    }
                }
            }
        }
        Map<String, int[]> out = new HashMap<>(titles.size() * 2);
        titles.forEach((k, v) -> out.put(k, v.toArray()));
        return new ServiceIntent(out);
    }

    private static FixedBitSet procedures(LeafReader reader) throws IOException {
        PostingsEnum p = reader.postings(new Term(SearchFields.TYPE, PROCEDURE), PostingsEnum.NONE);
        if (p == null) {
            return null;
        }
        FixedBitSet bits = new FixedBitSet(reader.maxDoc());
        for (int d = p.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = p.nextDoc()) {
            bits.set(d);
        }
        return bits;
    }

    /** A growable list of ascending ints (leaves are walked in order, so ids arrive ascending). */
    private static final class IntList {
        private int[] values = new int[4];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** The folded syllables of the query that may name a service: distinct, form words set aside. */
    static List<String> content(QueryTerms terms) {
        Set<String> out = new LinkedHashSet<>();
        boolean[] asked = QuestionForms.parts(terms);
        for (int i = 0; i < terms.size(); i++) {
            boolean form = asked[i] || (terms.marked() ? REQUEST_WORDS.contains(terms.exact().get(i))
                    : REQUEST_WORDS_FOLDED.contains(terms.folded().get(i)));
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
     * The clause, or null when the query names no procedure of this index: no content syllable,
     * too many, or no procedure title holding enough of them. A procedure scores
     * {@code weight × held / content}: between 0.8 and 1 times the weight. Decided here, from the
     * titles in memory, so a query that names no procedure (nearly every query of a large
     * province) costs a few map lookups and no clause at all.
     */
    Query clause(QueryTerms terms, float weight) {
        List<String> content = content(terms);
        if (weight <= 0 || content.isEmpty() || content.size() > MAX_CONTENT || titles.isEmpty()) {
            return null;
        }
        int need = required(content.size());
        int[][] lists = new int[content.size()][];
        int present = 0;
        for (int i = 0; i < lists.length; i++) {
            lists[i] = titles.getOrDefault(content.get(i), NONE_DOCS);
            present += lists[i].length > 0 ? 1 : 0;
        }
        if (present < need) {
            return null;
        }
        Held held = held(lists, need);
        if (held.size == 0) {
            return null;
        }
        float[] scores = new float[held.size];
        for (int i = 0; i < held.size; i++) {
            scores[i] = weight * held.counts[i] / content.size();
        }
        return new DocScoresQuery(this, Arrays.copyOf(held.docs, held.size), scores);
    }

    /** The documents in at least {@code need} of the ascending lists, with how many hold each. */
    private static Held held(int[][] lists, int need) {
        int[] at = new int[lists.length];
        int total = 0;
        for (int[] l : lists) {
            total += l.length;
        }
        // Each held document is in at least need lists.
        int most = Math.max(1, total / need);
        Held out = new Held(new int[most], new int[most]);
        while (true) {
            int doc = Integer.MAX_VALUE;
            for (int i = 0; i < lists.length; i++) {
                if (at[i] < lists[i].length) {
                    doc = Math.min(doc, lists[i][at[i]]);
                }
            }
            if (doc == Integer.MAX_VALUE) {
                return out;
            }
            int count = 0;
            for (int i = 0; i < lists.length; i++) {
                if (at[i] < lists[i].length && lists[i][at[i]] == doc) {
                    count++;
                    at[i]++;
                }
            }
            if (count >= need) {
                out.docs[out.size] = doc;
                out.counts[out.size++] = count;
            }
        }
    }

    private static final class Held {
        final int[] docs;
        final int[] counts;
        int size;

        Held(int[] docs, int[] counts) {
            this.docs = docs;
            this.counts = counts;
        }
    }
}
