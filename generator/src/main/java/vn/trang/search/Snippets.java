package vn.trang.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

import vn.trang.index.SearchFields;
import vn.trang.index.SnippetText;

/**
 * Snippets of the hits: the passages of the stored text with most query syllables, marked. The
 * body field is indexed folded with offsets, so "giay phep" marks "giấy phép" in the original text
 * and nothing is re-analysed at query time.
 *
 * <p>For each hit: the offsets of the query's syllables come from the body's postings (each term
 * looked up once per segment and search, not once per hit); passages of about {@link
 * #PASSAGE_CHARS} characters are formed around them, in text order, each starting at a match and
 * taking in the matches that follow within its length; they are ranked by Lucene's passage score
 * ({@link PassageRanking}); the best {@link #PASSAGES} are shown in text order, cut at spaces. Only
 * the characters around those passages are decoded ({@link SnippetText}). A hit with no match shows
 * its first passage.
 *
 * <p>This replaces Lucene's UnifiedHighlighter, which built a query weight and a fresh terms
 * dictionary walk for every term of every hit and decoded each hit's whole stored text: 27 % of
 * a search's time and 59 % of its allocation at 100,000 items (docs/BENCHMARKS.md).
 */
final class Snippets {

    /** About two lines on a phone. */
    static final int PASSAGE_CHARS = 130;
    static final int PASSAGES = 2;
    /** Characters decoded beyond the passages, to find the spaces they are cut at. */
    private static final int SLACK = 32;

    private static final PassageRanking SCORER = new PassageRanking();

    private final List<LeafReaderContext> leaves;
    private final StoredFields stored;
    private final BytesRef[] terms;
    /** Per term, the spellings marked ({@link HighlightTerm}); null for every spelling. */
    private final HighlightTerm[] exactOnly;
    private final LeafTerms[] perLeaf;
    private final SnippetText text = new SnippetText();
    private final Matches matches = new Matches();

    private Snippets(IndexSearcher searcher, List<HighlightTerm> terms) throws IOException {
        this.leaves = searcher.getIndexReader().leaves();
        this.stored = searcher.storedFields();
        this.terms = terms.stream().map(t -> new BytesRef(t.folded())).toArray(BytesRef[]::new);
        this.exactOnly = terms.stream().map(t -> t.exact().isEmpty() ? null : t).toArray(HighlightTerm[]::new);
        this.perLeaf = new LeafTerms[leaves.size()];
    }

    /**
     * One snippet per hit, in order; null where the hit has no stored text.
     *
     * @param terms the query's distinct syllables, folded as the body field holds them, with the
     *              spellings to mark
     */
    static String[] of(IndexSearcher searcher, List<HighlightTerm> terms, ScoreDoc[] hits) throws IOException {
        Snippets s = new Snippets(searcher, terms);
        String[] out = new String[hits.length];
        for (int i = 0; i < hits.length; i++) {
            out[i] = s.snippet(hits[i].doc);
        }
        return out;
    }

    private String snippet(int doc) throws IOException {
        if (!text.read(stored, doc)) {
            return null;
        }
        int leaf = ReaderUtil.subIndex(doc, leaves);
        if (perLeaf[leaf] == null) {
            perLeaf[leaf] = new LeafTerms(leaves.get(leaf), terms);
        }
        matches.clear();
        perLeaf[leaf].collect(doc - leaves.get(leaf).docBase, matches, this::marked);
        matches.sortByStart();
        int length = text.chars();
        List<Passage> shown = matches.size() == 0 ? List.of(first(length)) : best(length);
        int from = Math.max(0, shown.get(0).getStartOffset() - SLACK);
        int to = Math.min(length, shown.get(shown.size() - 1).getEndOffset() + SLACK);
        String region = text.substring(from, to);
        List<Passage> cut = cutAtSpaces(shown, region, from, length);
        int cutEnd = cut.get(cut.size() - 1).getEndOffset();
        if (cutEnd > to) { // a match longer than the slack runs past the decoded part
            region = text.substring(from, cutEnd);
        }
        return MarkFormatter.format(cut, region, from, length);
    }

    /**
     * Whether a match of term {@code t} is marked: always for a syllable typed without marks, else
     * only where the text spells it as typed. Decided before passages are chosen, so a passage is
     * chosen for the matches it will show.
     */
    private boolean marked(int t, int start, int end) {
        HighlightTerm exact = exactOnly[t];
        return exact == null || exact.marks(text.substring(start, Math.min(end, text.chars())));
    }

    /** A hit without matches: its beginning. */
    private static Passage first(int length) {
        Passage p = new Passage();
        p.setStartOffset(0);
        p.setEndOffset(Math.min(length, PASSAGE_CHARS));
        return p;
    }

    /** The best-scoring passages, in text order (ties go to the earlier). */
    private List<Passage> best(int length) {
        Passage[] top = new Passage[PASSAGES];
        float[] scores = new float[PASSAGES];
        Passage candidate = new Passage();
        int i = 0;
        while (i < matches.size()) {
            int s = matches.start(i);
            int e = matches.end(i);
            int start = Math.max(0, s - Math.max(0, PASSAGE_CHARS - (e - s)) / 2);
            int end = Math.min(length, Math.max(start + PASSAGE_CHARS, e));
            start = Math.max(0, Math.min(start, end - PASSAGE_CHARS));
            candidate.reset();
            candidate.setStartOffset(start);
            for (; i < matches.size() && matches.start(i) < end; i++) {
                end = Math.max(end, matches.end(i));
                candidate.setEndOffset(end); // addMatch checks the match lies inside
                candidate.addMatch(matches.start(i), matches.end(i), terms[matches.term(i)], matches.freq(i));
            }
            candidate.setEndOffset(end);
            float score = SCORER.score(candidate, length);
            for (int k = 0; k < PASSAGES; k++) {
                if (top[k] == null || score > scores[k]) {
                    for (int m = PASSAGES - 1; m > k; m--) {
                        top[m] = top[m - 1];
                        scores[m] = scores[m - 1];
                    }
                    top[k] = span(start, end);
                    scores[k] = score;
                    break;
                }
            }
        }
        List<Passage> chosen = new ArrayList<>(PASSAGES);
        for (Passage p : top) {
            if (p != null) {
                chosen.add(p);
            }
        }
        chosen.sort((a, b) -> Integer.compare(a.getStartOffset(), b.getStartOffset()));
        return chosen;
    }

    private static Passage span(int start, int end) {
        Passage p = new Passage();
        p.setStartOffset(start);
        p.setEndOffset(end);
        return p;
    }

    /**
     * The chosen spans moved out to the nearest space before and after (Vietnamese syllables are
     * separated by spaces, so a space is always a clean cut), merged where they now touch, and given
     * every match they hold.
     */
    private List<Passage> cutAtSpaces(List<Passage> spans, String region, int from, int length) {
        List<Passage> out = new ArrayList<>(spans.size());
        Passage last = null;
        for (Passage span : spans) {
            int start = span.getStartOffset();
            if (start > 0) {
                int k = lastSeparator(region, start - from - 1);
                start = k >= 0 ? from + k + 1 : from == 0 ? 0 : start;
            }
            int end = span.getEndOffset();
            if (end < length) {
                int k = nextSeparator(region, end - from);
                end = k >= 0 ? from + k : from + region.length() == length ? length : end;
            }
            // A cut found no space within the slack (a long run without one): keep characters whole.
            if (start > from && start < from + region.length() && Character.isLowSurrogate(region.charAt(start - from))) {
                start++;
            }
            if (end > from && end < from + region.length() && Character.isLowSurrogate(region.charAt(end - from))) {
                end--;
            }
            if (last != null && start <= last.getEndOffset()) {
                last.setEndOffset(Math.max(last.getEndOffset(), end));
                continue;
            }
            last = span(start, end);
            out.add(last);
        }
        int m = 0;
        for (Passage p : out) {
            while (m < matches.size() && matches.start(m) < p.getStartOffset()) {
                m++;
            }
            for (; m < matches.size() && matches.start(m) < p.getEndOffset(); m++) {
                p.setEndOffset(Math.max(p.getEndOffset(), matches.end(m)));
                p.addMatch(matches.start(m), matches.end(m), terms[matches.term(m)], matches.freq(m));
            }
        }
        return out;
    }

    /** The last separator at or before {@code i} in {@code s}, or -1. */
    private static int lastSeparator(String s, int i) {
        for (int k = Math.min(i, s.length() - 1); k >= 0; k--) {
            if (isSeparator(s.charAt(k))) {
                return k;
            }
        }
        return -1;
    }

    /** The first separator at or after {@code i} in {@code s}, or -1. */
    private static int nextSeparator(String s, int i) {
        for (int k = Math.max(0, i); k < s.length(); k++) {
            if (isSeparator(s.charAt(k))) {
                return k;
            }
        }
        return -1;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\n';
    }

    /** The query's terms in one segment: looked up once, their postings enums reused. */
    private static final class LeafTerms {
        private final TermsEnum termsEnum;
        private final BytesRef[] terms;
        private final TermState[] states;
        private final PostingsEnum[] postings;

        LeafTerms(LeafReaderContext leaf, BytesRef[] terms) throws IOException {
            Terms field = leaf.reader().terms(SearchFields.BODY);
            this.termsEnum = field == null ? null : field.iterator();
            this.terms = terms;
            this.states = new TermState[terms.length];
            this.postings = new PostingsEnum[terms.length];
            if (termsEnum != null) {
                for (int t = 0; t < terms.length; t++) {
                    if (termsEnum.seekExact(terms[t])) {
                        states[t] = termsEnum.termState();
                    }
                }
            }
        }

        /**
         * Every occurrence of every term in {@code doc} (segment-local) that {@code marked} keeps,
         * with its term's frequency there.
         */
        void collect(int doc, Matches out, Marked marked) throws IOException {
            for (int t = 0; t < terms.length; t++) {
                if (states[t] == null) {
                    continue;
                }
                termsEnum.seekExact(terms[t], states[t]);
                PostingsEnum p = postings[t] = termsEnum.postings(postings[t], PostingsEnum.OFFSETS);
                if (p.advance(doc) != doc) {
                    continue;
                }
                int freq = p.freq();
                for (int k = 0; k < freq; k++) {
                    p.nextPosition();
                    if (marked.test(t, p.startOffset(), p.endOffset())) {
                        out.add(p.startOffset(), p.endOffset(), t, freq);
                    }
                }
            }
        }
    }

    @FunctionalInterface
    private interface Marked {
        boolean test(int term, int start, int end);
    }

    /** Matches of one hit, four ints each (start, end, term, its frequency in the hit), reused from hit to hit. */
    private static final class Matches {
        private static final int STRIDE = 4;
        private int[] data = new int[64 * STRIDE];
        private int size;

        int size() {
            return size;
        }

        int start(int i) {
            return data[i * STRIDE];
        }

        int end(int i) {
            return data[i * STRIDE + 1];
        }

        int term(int i) {
            return data[i * STRIDE + 2];
        }

        int freq(int i) {
            return data[i * STRIDE + 3];
        }

        void clear() {
            size = 0;
        }

        void add(int start, int end, int term, int freq) {
            int at = size * STRIDE;
            data = ArrayUtil.grow(data, at + STRIDE);
            data[at] = start;
            data[at + 1] = end;
            data[at + 2] = term;
            data[at + 3] = freq;
            size++;
        }

        /** Orders the matches by start offset (each term's are in order already; the terms' interleave). */
        void sortByStart() {
            boolean sorted = true;
            for (int i = 1; i < size && sorted; i++) {
                sorted = start(i - 1) <= start(i);
            }
            if (sorted) {
                return;
            }
            long[] keys = new long[size];
            for (int i = 0; i < size; i++) {
                keys[i] = ((long) start(i) << 32) | i;
            }
            Arrays.sort(keys);
            int[] ordered = new int[data.length];
            for (int i = 0; i < size; i++) {
                System.arraycopy(data, (int) keys[i] * STRIDE, ordered, i * STRIDE, STRIDE);
            }
            data = ordered;
        }
    }
}
