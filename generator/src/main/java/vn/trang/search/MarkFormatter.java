package vn.trang.search;

import java.util.List;
import java.util.regex.Pattern;

import org.apache.lucene.search.uhighlight.Passage;

/**
 * Passages as HTML: the text escaped, each match in {@code <mark>}, "…" where text was left out.
 * Lucene's DefaultPassageFormatter escapes '/' as {@code &#x2F;}, which turns every document
 * number in a snippet into noise for API clients; here only what HTML requires is escaped.
 */
final class MarkFormatter {

    static final String ELLIPSIS = "…";
    private static final Pattern SPACES = Pattern.compile(" {2,}");

    private MarkFormatter() {
    }

    /**
     * @param passages      in text order, not overlapping; offsets into the whole text
     * @param region        the part of the text that holds every passage
     * @param regionStart   where {@code region} begins in the whole text
     * @param contentLength the whole text's length, to tell whether text follows the last passage
     */
    static String format(List<Passage> passages, String region, int regionStart, int contentLength) {
        StringBuilder sb = new StringBuilder();
        int previousEnd = -1;
        for (Passage p : passages) {
            int start = p.getStartOffset();
            int end = Math.min(p.getEndOffset(), contentLength);
            if (start > 0 && start != previousEnd) {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
                    sb.append(' ');
                }
                sb.append(ELLIPSIS).append(' ');
            }
            int pos = start;
            for (int i = 0; i < p.getNumMatches(); i++) {
                int ms = Math.max(p.getMatchStarts()[i], pos);
                int me = Math.min(p.getMatchEnds()[i], end);
                if (me <= ms) {
                    continue;
                }
                Html.escape(region, pos - regionStart, ms - regionStart, sb);
                sb.append("<mark>");
                Html.escape(region, ms - regionStart, me - regionStart, sb);
                sb.append("</mark>");
                pos = me;
            }
            Html.escape(region, pos - regionStart, end - regionStart, sb);
            previousEnd = end;
        }
        if (previousEnd >= 0 && previousEnd < contentLength) {
            sb.append(' ').append(ELLIPSIS);
        }
        // Line breaks became spaces; runs of them read as gaps in a one-line snippet.
        return SPACES.matcher(sb).replaceAll(" ").strip();
    }
}
