package vn.trang.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Passages as HTML: the text escaped, each match in {@code <mark>}, "…" where text was left out.
 * Lucene's DefaultPassageFormatter escapes '/' as {@code &#x2F;}, which turns every document
 * number in a snippet into noise for API clients; here only what HTML requires is escaped.
 */
final class MarkFormatter extends PassageFormatter {

    static final String ELLIPSIS = "…";
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile(" {2,}");

    @Override
    public String format(Passage[] passages, String content) {
        StringBuilder sb = new StringBuilder();
        int previousEnd = -1;
        for (Passage p : passages) {
            int start = p.getStartOffset();
            int end = Math.min(p.getEndOffset(), content.length());
            if (start > 0 && start != previousEnd) {
                sb.append(ELLIPSIS).append(' ');
            }
            int pos = start;
            for (int i = 0; i < p.getNumMatches(); i++) {
                int ms = Math.max(p.getMatchStarts()[i], pos);
                int me = Math.min(p.getMatchEnds()[i], end);
                if (me <= ms) {
                    continue;
                }
                escape(content, pos, ms, sb);
                sb.append("<mark>");
                escape(content, ms, me, sb);
                sb.append("</mark>");
                pos = me;
            }
            escape(content, pos, end, sb);
            previousEnd = end;
        }
        if (previousEnd >= 0 && previousEnd < content.length()) {
            sb.append(' ').append(ELLIPSIS);
        }
        // Line breaks became spaces; runs of them read as gaps in a one-line snippet.
        return SPACES.matcher(sb).replaceAll(" ").strip();
    }

    private static void escape(String s, int from, int to, StringBuilder sb) {
        Html.escape(s, from, to, sb);
    }
}
