package vn.trang.index;

import java.text.Normalizer;

/**
 * Where the tone mark of a syllable sits. Vietnamese has two accepted placements for syllables
 * ending in the open diphthongs oa, oe, uy: on the first vowel ("hòa", "khỏe", "thủy", the style
 * of most newspapers and older documents) or on the second ("hoà", "khoẻ", "thuỷ", the 2018
 * school rules). Both are correct, both occur in the same corpus, and after NFC they are different
 * code points, so an accent-preserving field must bring them to one spelling or an exact search for
 * "hòa giải" misses "hoà giải". The canonical form is the second placement.
 *
 * <p>Only the open diphthongs move: with a final consonant ("hoàng", "thuyền") both styles agree,
 * and "ua"/"ia" ("của", "mía") are different diphthongs whose tone always stays on the first vowel.
 */
public final class ToneMarks {

    private ToneMarks() {
    }

    /** Precomposed o and u carrying a tone and nothing else (NFC), lower and upper case. */
    private static final String TONED_O_U = "òóỏõọùúủũụÒÓỎÕỌÙÚỦŨỤ";

    /**
     * Whether a syllable ending in these two characters can be one that moves: the last must be a
     * bare a, e or y, the one before a toned o/u (NFC) or a combining mark (NFD). Two comparisons
     * for almost every syllable, so analysis stays as fast as without this step.
     */
    static boolean mayMove(char beforeLast, char last) {
        char l = (char) (last | 0x20);
        if (l != 'a' && l != 'e' && l != 'y') {
            return false;
        }
        return TONED_O_U.indexOf(beforeLast) >= 0 || (beforeLast >= '\u0300' && beforeLast <= '\u036F');
    }

    /** The five tone marks as combining characters (NFD): grave, acute, tilde, hook above, dot below. */
    static boolean isTone(char c) {
        return c == '\u0300' || c == '\u0301' || c == '\u0303' || c == '\u0309' || c == '\u0323';
    }

    /**
     * The syllable with its tone on the canonical vowel; the argument itself when nothing moves
     * (the common case, so no allocation). Expects one syllable; any case; NFC or NFD.
     */
    public static String canonical(String syllable) {
        int n = syllable.length();
        if (n < 2 || n > 12 || !mayMove(syllable.charAt(n - 2), syllable.charAt(n - 1))) {
            return syllable;
        }
        String d = Normalizer.normalize(syllable, Normalizer.Form.NFD);
        // Walk back from the end: the second vowel must be bare (no mark at all after it).
        int i = d.length() - 1;
        char second = Character.toLowerCase(d.charAt(i));
        if (second != 'a' && second != 'e' && second != 'y') {
            return syllable;
        }
        // Marks of the first vowel lie between it and the second vowel.
        int j = i - 1;
        char tone = 0;
        int toneAt = -1;
        while (j >= 0 && Character.getType(d.charAt(j)) == Character.NON_SPACING_MARK) {
            char m = d.charAt(j);
            if (!isTone(m)) {
                return syllable; // ô, ơ, ư: a different vowel, nothing to move
            }
            tone = m;
            toneAt = j;
            j--;
        }
        if (toneAt < 0 || j < 0 || i - j != 2) {
            return syllable; // no tone on the first vowel, or more than one mark
        }
        char first = Character.toLowerCase(d.charAt(j));
        boolean pair = (first == 'o' && (second == 'a' || second == 'e')) || (first == 'u' && second == 'y');
        if (!pair) {
            return syllable;
        }
        String moved = d.substring(0, toneAt) + d.charAt(i) + tone;
        return Normalizer.normalize(moved, Normalizer.Form.NFC);
    }
}
