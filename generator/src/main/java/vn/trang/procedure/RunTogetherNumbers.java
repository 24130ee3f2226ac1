package vn.trang.procedure;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Document numbers in text whose table cells were run together without separators: where a
 * number such as "05/2012/NĐ-CP" starts and ends when the next title follows it without a space
 * ("NĐ-CPLuật…", "QĐ-TTgnghị định…", "NĐ-CPBỘ LUẬT…"). Its end is found from the spelling of
 * symbols and of Vietnamese syllables: a symbol's capitals stop where a Vietnamese word starts.
 */
final class RunTogetherNumbers {

    private static final Pattern NUMBER = Pattern.compile("(\\d{1,6})(?:/((?:19|20)\\d{2}))?/(?=[\\p{Lu}])");
    private static final Pattern OLD_NUMBER = Pattern.compile("(?<![\\d/])(\\d{1,4})-(?=\\p{Lu})");
    /** Symbol parts whose lower-case letter belongs to the spelling (vn.trang.legal.Symbols). */
    static final Set<String> MIXED = Set.of("TTg", "TTr", "CTr", "TrS", "QĐi", "QyĐ");

    private RunTogetherNumbers() {
    }

    /** A document number in run-together text: where it starts and ends. */
    record Found(int start, int end, String text) {
    }

    /** The first document number at or after {@code from}, or null. */
    static Found next(String s, int from) {
        Found best = null;
        Matcher m = NUMBER.matcher(s);
        int at = from;
        while (best == null && m.find(at)) {
            int start = m.start();
            while (start > from && Character.isDigit(s.charAt(start - 1))) {
                start--;
            }
            String seq = s.substring(start, m.end(1));
            if (seq.length() > 4 && seq.matches("(19|20)\\d{2}\\d{1,5}")) {
                // "…năm 201102/2011/QH13", "…2026 - 2030182/2025/NQ-HĐND": a year ends the title.
                start += 4;
            } else if (seq.length() > 5) {
                throw new Unconvertible("can-cu", "không tách được số hiệu khỏi tên văn bản: \"…"
                        + PortalText.abbreviate(s.substring(Math.max(0, m.start() - 20), Math.min(s.length(), m.end() + 20))) + "\"");
            }
            int end = symbolEnd(s, m.end());
            if (end > m.end()) {
                best = new Found(start, end, s.substring(start, end));
            }
            at = m.end();
        }
        Matcher old = OLD_NUMBER.matcher(s);
        at = from;
        while (old.find(at) && (best == null || old.start() < best.start())) {
            int end = symbolEnd(s, old.end());
            // Old numbers ("73-CP") count only where they end a row.
            if (end > old.end() && (end == s.length() || Character.isLetter(s.charAt(end)))) {
                return new Found(old.start(), end, s.substring(old.start(), end));
            }
            at = old.end();
        }
        return best;
    }

    /**
     * The end of a symbol starting at {@code i} ("NĐ-CP", "QĐ-TTg", "TT-BCA"), in text where the
     * next title follows without a space: "TT-BCALuật" ends before "Luật". Returns {@code i} when
     * no symbol starts there.
     */
    static int symbolEnd(String s, int i) {
        int pos = i;
        while (true) {
            int tokenStart = pos;
            String mixed = null;
            for (String m : MIXED) {
                int after = tokenStart + m.length();
                if (s.startsWith(m, tokenStart) && (after == s.length() || !Character.isLowerCase(s.charAt(after))
                        || syllableStart(s, after))) {
                    mixed = m;
                }
            }
            if (mixed != null) {
                pos = tokenStart + mixed.length();
                if (pos < s.length() && Character.isLowerCase(s.charAt(pos))) {
                    return pos; // "QĐ-TTgnghị định…"
                }
            } else {
                while (pos < s.length() && (Character.isUpperCase(s.charAt(pos)) || Character.isDigit(s.charAt(pos)))) {
                    pos++;
                }
                int word = capitalWord(s, tokenStart, pos);
                if (word > tokenStart) {
                    return word; // "NĐ-CPBỘ LUẬT HÀNG HẢI": the title is in capitals
                }
                if (pos < s.length() && Character.isLowerCase(s.charAt(pos))) {
                    // Either the last capital starts the next title ("BCALuật", "BTCThông"), or
                    // the title starts in lower case ("CPnghị quyết": "Pnghị" is no Vietnamese word).
                    if (!syllableStart(s, pos - 1) && syllableStart(s, pos)) {
                        return pos;
                    }
                    // With a single capital the whole token is that title's first word.
                    return pos - tokenStart > 1 ? pos - 1 : Math.max(i, tokenStart - 1);
                }
                if (pos < s.length() && s.charAt(pos) == '/') {
                    // "NĐ-CP05/2012/NĐ-CP": the digits start the next number; "QH1408/2017/QH14":
                    // a National Assembly keeps its two-digit term.
                    int letters = pos;
                    while (letters > tokenStart && Character.isDigit(s.charAt(letters - 1))) {
                        letters--;
                    }
                    if (letters - tokenStart == 2 && s.startsWith("QH", tokenStart) && pos - letters > 2) {
                        return letters + 2;
                    }
                    if (letters < pos && letters > tokenStart && !s.startsWith("QH", tokenStart)) {
                        return letters;
                    }
                }
            }
            if (pos == tokenStart) {
                return Math.max(i, tokenStart - 1);
            }
            if (pos + 1 < s.length() && s.charAt(pos) == '-'
                    && (Character.isUpperCase(s.charAt(pos + 1)) || Character.isDigit(s.charAt(pos + 1)))) {
                pos++;
                continue;
            }
            return pos;
        }
    }

    /**
     * Where a Vietnamese word in capitals starts inside a run of capitals, found by its first
     * vowel with a diacritic ("CPBỘ" → at "B"); symbols have none but Đ and Ư. -1 when none.
     */
    private static final Set<String> INITIALS = Set.of("NGH", "NG", "NH", "CH", "GH", "GI", "KH", "PH", "QU", "TH", "TR",
            "B", "C", "D", "Đ", "G", "H", "K", "L", "M", "N", "P", "R", "S", "T", "V", "X");

    static int capitalWord(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c == 'Ư' || c == 'Đ' || !Character.isLetter(c)) {
                continue;
            }
            String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            if (base.length() > 1) {
                int vowel = k;
                while (vowel - 1 > from && "AEIOUYƯ".indexOf(s.charAt(vowel - 1)) >= 0) {
                    vowel--;
                }
                for (int len = 3; len >= 1; len--) {
                    if (vowel - len >= from + 1 && INITIALS.contains(s.substring(vowel - len, vowel))) {
                        return vowel - len;
                    }
                }
                return vowel;
            }
        }
        return -1;
    }

    private static final Pattern SYLLABLE = Pattern.compile(
            "(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[aeiouy]{1,3}(ch|nh|ng|[cmnpt])?");

    /**
     * Whether a Vietnamese syllable starts at {@code i}: the letter there and the lower-case letters
     * after it form an initial consonant (cluster), vowels and a final consonant ("Luật", "ngày";
     * not "Pnghị", "Angày").
     */
    static boolean syllableStart(String s, int i) {
        int end = i + 1;
        while (end < s.length() && Character.isLowerCase(s.charAt(end))) {
            end++;
        }
        String folded = Normalizer.normalize(s.substring(i, end).toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return SYLLABLE.matcher(folded).matches();
    }
}
