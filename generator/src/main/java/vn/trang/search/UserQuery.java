package vn.trang.search;

import java.util.ArrayList;
import java.util.List;

import vn.trang.index.DocumentKeys;

/**
 * What a citizen asked for. The syntax is deliberately small and cannot fail: "quoted words" must
 * occur together, a leading minus excludes a word ({@code -"..."} a phrase), a document number or
 * procedure code anywhere is looked up exactly; everything else is free text. Lucene's query
 * syntax is not exposed: citizens do not write it, and every character it reserves
 * ({@code / - : ( ) [ ] ~ * ?}) occurs in document numbers, so parsing it would turn
 * "06/CT-UBND" into a syntax error or a regular expression.
 *
 * @param text      all positive words, phrases included, for scoring
 * @param phrases   quoted phrases, each required
 * @param excluded  words and phrases that must not occur
 * @param keys      document-number and procedure-code keys ({@link DocumentKeys})
 * @param truncated the input was cut to {@link QueryText#MAX_CHARS}
 */
public record UserQuery(String text, List<String> phrases, List<String> excluded, List<String> keys,
                        boolean truncated) {

    /** More phrases or exclusions than this are taken as plain words: a cost bound. */
    static final int MAX_OPERATORS = 8;

    public UserQuery {
        phrases = List.copyOf(phrases);
        excluded = List.copyOf(excluded);
        keys = List.copyOf(keys);
    }

    public static UserQuery parse(String raw) {
        QueryText q = QueryText.of(raw);
        String s = q.text().replace('“', '"').replace('”', '"').replace('„', '"');
        List<String> phrases = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean atStart = i == 0 || s.charAt(i - 1) == ' ';
            boolean negated = atStart && c == '-' && i + 1 < s.length() && s.charAt(i + 1) != ' '
                    && excluded.size() < MAX_OPERATORS && !Character.isDigit(s.charAt(i + 1));
            int from = negated ? i + 1 : i;
            if (from < s.length() && s.charAt(from) == '"') {
                int close = s.indexOf('"', from + 1);
                int end = close < 0 ? s.length() : close;
                String phrase = s.substring(from + 1, end).strip();
                if (!phrase.isEmpty()) {
                    if (negated) {
                        excluded.add(phrase);
                    } else {
                        if (phrases.size() < MAX_OPERATORS && close >= 0) {
                            phrases.add(phrase);
                        }
                        text.append(phrase).append(' ');
                    }
                }
                i = close < 0 ? s.length() : close + 1;
                continue;
            }
            int space = s.indexOf(' ', from);
            int end = space < 0 ? s.length() : space;
            String word = s.substring(from, end);
            if (negated) {
                excluded.add(word);
            } else {
                text.append(word).append(' ');
            }
            i = end + 1;
        }
        String positive = text.toString().strip().replaceAll(" {2,}", " ");
        return new UserQuery(positive, phrases, excluded, DocumentKeys.inQuery(positive), q.truncated());
    }

    /** Nothing to search for (filters alone may still list items). */
    public boolean isEmpty() {
        return text.isBlank() && keys.isEmpty();
    }
}
