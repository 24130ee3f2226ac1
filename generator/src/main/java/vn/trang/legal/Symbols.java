package vn.trang.legal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import vn.trang.text.Slugs;

/** Letter case and folding of the parts of a symbol ("QĐ", "TTg", "UBND"). */
final class Symbols {

    /**
     * Abbreviations whose mixed case is part of the spelling (NĐ 30/2020): the lower-case letter
     * is what tells QyĐ (Quy định) from QĐ (Quyết định) and TTr (Tờ trình) from TT (Thông tư).
     * TTg is the Prime Minister as an issuer; QĐi is a Party "Quy định".
     */
    private static final List<String> MIXED_CASE = List.of("QyĐ", "TTr", "CTr", "TrS", "TTg", "QĐi");

    private static final Map<String, String> MIXED_BY_UPPER = MIXED_CASE.stream()
            .collect(Collectors.toUnmodifiableMap(Symbols::upper, Function.identity()));

    private Symbols() {
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    /** Upper case without tone marks, đ as D: "QĐ" and "qd" give the same key "QD". */
    static String fold(String s) {
        return upper(Slugs.fold(s));
    }

    /**
     * The canonical spelling of one issuer part. Known mixed-case abbreviations get their own
     * case whatever was typed ("ttg" → "TTg"). Other parts are upper-cased, because a citizen
     * typing "06/ct-ubnd" means UBND; but a part with two or more capitals and a lower-case letter
     * ("KTTh") is kept as written, since that is how agencies spell deliberate mixed case, while a
     * single capital ("Ubnd") is only sentence case.
     */
    static String canonicalPart(String part) {
        String known = MIXED_BY_UPPER.get(upper(part));
        if (known != null) {
            return known;
        }
        long capitals = part.chars().filter(Character::isUpperCase).count();
        boolean hasLower = part.chars().anyMatch(Character::isLowerCase);
        if (capitals >= 2 && hasLower) {
            return part;
        }
        String upper = upper(part);
        // A few letters have no capital of their own and upper-case to a letter plus combining
        // marks ("ΐ"); such a spelling would not read back as a symbol, so it stays as written.
        return upper.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '&') ? upper : part;
    }
}
