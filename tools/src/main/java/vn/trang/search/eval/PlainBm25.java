package vn.trang.search.eval;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;

import vn.trang.index.SearchDocument;
import vn.trang.text.Slugs;

/**
 * The reference bar every ranking is compared with: plain BM25 (k1 1.2, b 0.75) over lower-cased
 * syllables plus adjacent-syllable bigrams, one field holding the title and the text, nothing
 * else — no metadata, no marks-aware matching, no minimum match, no title feature. Written apart
 * from the product's analysis and Lucene on purpose, so a change to either cannot move the bar.
 * With {@code fold}, corpus and questions are both folded (marks and đ dropped), which is what a
 * search on unmarked input can at best do.
 */
public final class PlainBm25 {

    static final float K1 = 1.2f;
    static final float B = 0.75f;

    private final boolean fold;
    private final List<String> ids = new ArrayList<>();
    private final List<Integer> lengths = new ArrayList<>();
    /** Each term's documents, as {document, term frequency} pairs. */
    private final Map<String, List<int[]>> postings = new HashMap<>();
    private final double averageLength;

    public PlainBm25(List<SearchDocument> corpus, boolean fold) {
        this.fold = fold;
        long total = 0;
        for (SearchDocument d : corpus) {
            List<String> terms = terms(d.title() + " " + d.body(), fold);
            Map<String, Integer> tf = new HashMap<>();
            terms.forEach(t -> tf.merge(t, 1, Integer::sum));
            int doc = ids.size();
            tf.forEach((t, f) -> postings.computeIfAbsent(t, x -> new ArrayList<>()).add(new int[] {doc, f}));
            ids.add(d.url());
            lengths.add(terms.size());
            total += terms.size();
        }
        averageLength = corpus.isEmpty() ? 1 : (double) total / corpus.size();
    }

    /**
     * Syllables (runs of letters, digits and combining marks), NFC and lower-cased, folded if
     * asked, followed by every pair of adjacent syllables.
     */
    static List<String> terms(String text, boolean fold) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        if (fold) {
            s = Slugs.fold(s);
        }
        List<String> syllables = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean inWord = i < s.length() && (Character.isLetterOrDigit(s.charAt(i))
                    || Character.getType(s.charAt(i)) == Character.NON_SPACING_MARK);
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                syllables.add(s.substring(start, i));
                start = -1;
            }
        }
        List<String> out = new ArrayList<>(syllables);
        for (int i = 0; i + 1 < syllables.size(); i++) {
            out.add(syllables.get(i) + " " + syllables.get(i + 1));
        }
        return out;
    }

    /** The ids of the k best documents, best first; ties in corpus order. */
    public List<String> top(String query, int k) {
        double[] scores = scores(query);
        PriorityQueue<Integer> best = new PriorityQueue<>(Comparator.<Integer>comparingDouble(d -> scores[d])
                .thenComparing(Comparator.<Integer>reverseOrder()));
        for (int d = 0; d < scores.length; d++) {
            if (scores[d] <= 0) {
                continue;
            }
            best.add(d);
            if (best.size() > k) {
                best.poll();
            }
        }
        List<String> out = new ArrayList<>(best.size());
        while (!best.isEmpty()) {
            out.add(0, ids.get(best.poll()));
        }
        return out;
    }

    /** Every document's score, in corpus order. Every query term counts as often as it occurs. */
    double[] scores(String query) {
        int n = ids.size();
        double[] scores = new double[n];
        for (String t : terms(query, fold)) {
            List<int[]> docs = postings.get(t);
            if (docs == null) {
                continue;
            }
            int df = docs.size();
            double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            for (int[] p : docs) {
                double norm = K1 * (1 - B + B * lengths.get(p[0]) / averageLength);
                scores[p[0]] += idf * p[1] * (K1 + 1) / (p[1] + norm);
            }
        }
        return scores;
    }
}
