package vn.trang.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

import vn.trang.index.SearchFields;
import vn.trang.index.VietnameseAnalyzers;

/**
 * The spelling with marks a syllable typed without them most likely means: of the index's exact
 * syllables ({@link SearchFields#ALL_EXACT}) that fold to it, or the syllable as typed, the one in
 * most documents ("nam" stays "nam" only if more items say "nam" than "năm"), unless its
 * neighbours say otherwise ({@link #spell}). Built once per publish, on the first search that needs it, from one walk
 * of the exact terms; only syllables with marks are kept (a few thousand in Vietnamese).
 */
final class MarkedSpellings {

    private record Best(String spelling, int docs) {
    }

    /** Spellings kept per folded syllable, most documents first ("ky": kỳ, ký, kỷ, kỹ…). */
    static final int CANDIDATES = 6;

    private final IndexReader reader;
    private final Map<String, List<Best>> best;

    private MarkedSpellings(IndexReader reader, Map<String, List<Best>> best) {
        this.reader = reader;
        this.best = best;
    }

    static MarkedSpellings of(IndexReader reader) throws IOException {
        Map<String, List<Best>> best = new HashMap<>();
        Terms terms = MultiTerms.getTerms(reader, SearchFields.ALL_EXACT);
        if (terms != null) {
            TermsEnum te = terms.iterator();
            char[] folded = new char[64];
            for (BytesRef t = te.next(); t != null; t = te.next()) {
                if (isAscii(t)) {
                    continue;
                }
                String exact = t.utf8ToString();
                if (exact.length() > 16) {
                    continue; // not a syllable
                }
                char[] in = exact.toCharArray();
                int n = ASCIIFoldingFilter.foldToASCII(in, 0, folded, 0, in.length);
                String key = new String(folded, 0, n);
                int docs = te.docFreq();
                List<Best> list = best.computeIfAbsent(key, k -> new ArrayList<>(2));
                list.add(new Best(exact, docs));
                list.sort(Comparator.comparingInt(Best::docs).reversed());
                if (list.size() > CANDIDATES) {
                    list.remove(CANDIDATES);
                }
            }
        }
        return new MarkedSpellings(reader, best);
    }

    /**
     * The spelling of each folded syllable, which may be the syllable itself. Syllables are read
     * in context: a spelling that forms an indexed two-syllable word ({@link
     * SearchFields#ALL_EXACT_BIGRAMS}) with the spelling chosen before it, or with a spelling of
     * the next syllable, wins ("dang ky khai sinh" → "đăng ký", although "kỳ" alone is more
     * frequent); without such a word, the spelling in most documents.
     */
    List<String> spell(List<String> folded) throws IOException {
        List<String> out = new ArrayList<>(folded.size());
        for (int i = 0; i < folded.size(); i++) {
            List<Best> candidates = candidates(folded.get(i));
            String previous = i == 0 ? null : out.get(i - 1);
            List<Best> next = i + 1 < folded.size() ? candidates(folded.get(i + 1)) : List.of();
            String chosen = candidates.get(0).spelling();
            long bestContext = 0;
            for (Best c : candidates) {
                long context = previous == null ? 0 : bigramDocs(previous, c.spelling());
                for (Best n : next) {
                    context = Math.max(context, bigramDocs(c.spelling(), n.spelling()));
                }
                if (context > bestContext) {
                    bestContext = context;
                    chosen = c.spelling();
                }
            }
            out.add(chosen);
        }
        return out;
    }

    /** The spellings of a folded syllable, most documents first, the syllable as typed among them. */
    private List<Best> candidates(String folded) throws IOException {
        List<Best> marked = best.getOrDefault(folded, List.of());
        List<Best> all = new ArrayList<>(marked.size() + 1);
        all.addAll(marked);
        all.add(new Best(folded, reader.docFreq(new Term(SearchFields.ALL_EXACT, folded))));
        all.sort(Comparator.comparingInt(Best::docs).reversed());
        return all;
    }

    private long bigramDocs(String first, String second) throws IOException {
        return reader.docFreq(new Term(SearchFields.ALL_EXACT_BIGRAMS,
                first + VietnameseAnalyzers.BIGRAM_SEPARATOR + second));
    }

    private static boolean isAscii(BytesRef t) {
        for (int i = t.offset; i < t.offset + t.length; i++) {
            if (t.bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
