package vn.trang.text;

/**
 * Reading tags out of HTML the sanitiser wrote, for the passes that skip building a tree
 * ({@code index.VisibleText}, {@code link.CitationLinks}).
 */
public final class HtmlTags {

    private HtmlTags() {
    }

    /**
     * The index of the {@code >} closing the tag that opens at {@code lt}, quoted attribute values
     * respected; -1 for a comment, a declaration or processing instruction, or a tag that does not
     * close before the next {@code <} or the end: those are for a real parser.
     */
    public static int end(String html, int lt) {
        if (lt + 1 >= html.length() || html.charAt(lt + 1) == '!' || html.charAt(lt + 1) == '?') {
            return -1;
        }
        char quote = 0;
        for (int j = lt + 1; j < html.length(); j++) {
            char c = html.charAt(j);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return j;
            } else if (c == '<') {
                return -1;
            }
        }
        return -1;
    }
}
