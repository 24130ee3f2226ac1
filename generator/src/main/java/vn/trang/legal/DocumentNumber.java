package vn.trang.legal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document number/symbol (số hiệu), split into its parts (docs/DOMAIN.md#numbers).
 *
 * <pre>
 * 64/2007/NĐ-CP      sequence 64, year 2007, type NĐ, issuers [CP]            LEGAL_WITH_YEAR
 * 104/2016/QH13      sequence 104, year 2016, no type, issuers [QH13] (a law)  LEGAL_WITH_YEAR
 * 1605/QĐ-TTg        sequence 1605, type QĐ, issuers [TTg]                     ADMINISTRATIVE
 * 7740/UBND-VX       sequence 7740, no type, issuers [UBND, VX]                OFFICIAL_LETTER
 * 690-TB/VPTƯ        sequence 690, type TB, issuers [VPTƯ]                     PARTY
 * </pre>
 *
 * <p>Parts are stored in canonical case, so two numbers typed differently ("06/ct-ubnd",
 * "06/CT-UBND") are equal records.
 *
 * @param sequence         the number as written, leading zeros kept ("06")
 * @param year             the four-digit year of a legal document, or null
 * @param typeAbbreviation the type as Phụ lục III spells it ("QĐ", "TTr"), or null when the
 *                         symbol has none (laws, công văn)
 * @param issuers          the parts after the type: issuer, joint issuers, drafting unit
 */
public record DocumentNumber(String sequence, Integer year, String typeAbbreviation, List<String> issuers, Kind kind) {

    /** The numbering scheme, told apart by the shape of the number. */
    public enum Kind {
        /** số/năm/TYPE-ISSUER, or số/năm/QHnn for laws. */
        LEGAL_WITH_YEAR,
        /** số/TYPE-ISSUER: individual decisions, directives, plans, reports. */
        ADMINISTRATIVE,
        /** số/AGENCY-UNIT: công văn have no type abbreviation. */
        OFFICIAL_LETTER,
        /** số-TYPE/ISSUER: Party documents put the type before the slash. */
        PARTY
    }

    /**
     * Word processors turn hyphens into these; "06/CT–UBND" is still 06/CT-UBND. A regex
     * character-class fragment, the ASCII hyphen escaped so it never forms a range.
     */
    static final String HYPHENS = "\\-\u2010\u2011\u2013\u2212";

    /** "Số:", "Số hiệu:", "số" before the number, as copied from a document header. */
    private static final Pattern PREFIX = Pattern.compile(
            "^(?:số|so)(?:[\\s\\u00a0]+(?:hiệu|hieu))?[\\s\\u00a0]*[:.]?[\\s\\u00a0]*(?=\\d)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ANY_HYPHEN = Pattern.compile("[" + HYPHENS + "]");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,;:]+$");
    private static final Pattern SEPARATOR = Pattern.compile("[\\s\\u00a0]*([/" + HYPHENS + "])[\\s\\u00a0]*");
    private static final Pattern PARTY = Pattern.compile(party("\\p{L}", "\\p{N}", "+"));
    private static final Pattern STATE = Pattern.compile(state("\\p{L}", "\\p{N}", "+"));
    /**
     * Letters for the editor's check, which runs in the browser: JavaScript's RegExp without the
     * 'u' flag knows no \p{L}, and numbers are written in Latin letters with Vietnamese marks.
     */
    public static final String LATIN_LETTERS = "A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF";

    /** Symbol parts; bounded because Java recurses per repetition of a group. */
    private static String parts(String letter, String digit, String possessive) {
        String word = "[" + letter + digit + "&]*" + possessive;
        return "[" + letter + "]" + word + "(?:-[" + letter + digit + "]" + word + "){0,8}" + possessive;
    }

    private static String party(String letter, String digit, String possessive) {
        return "(\\d{1,6})-([" + letter + "]+)/(" + parts(letter, digit, possessive) + ")";
    }

    /** The sequence may carry a sub-number: Nghị quyết 66.7/2025/NQ-CP. */
    private static String state(String letter, String digit, String possessive) {
        return "(\\d{1,6}(?:\\.\\d{1,3})?)(?:/((?:19|20)\\d{2}))?/(" + parts(letter, digit, possessive) + ")";
    }

    /**
     * The numbers {@link #parse} accepts, written as it prints them (no "Số:", ASCII hyphens, no
     * spaces), as one anchored regular expression that Java and JavaScript read alike: the
     * browser editor checks a number with it before the build does.
     */
    public static String writtenPattern() {
        return "^(?:" + party(LATIN_LETTERS, "0-9", "") + "|" + state(LATIN_LETTERS, "0-9", "") + ")$";
    }
    private static final Pattern NATIONAL_ASSEMBLY = Pattern.compile("QH\\d+", Pattern.CASE_INSENSITIVE);

    public DocumentNumber {
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(kind, "kind");
        issuers = List.copyOf(issuers);
    }

    /**
     * Parses a number as an editor or a citizen types it: NFC, trimmed, with or without "Số:",
     * any letter case, spaces around '/' and '-' tolerated. Empty when it is not a number/symbol
     * (a date, a fraction, free text).
     */
    public static Optional<DocumentNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = withVietnameseD(Normalizer.normalize(text, Normalizer.Form.NFC)).strip();
        s = PREFIX.matcher(s).replaceFirst("");
        s = ANY_HYPHEN.matcher(SEPARATOR.matcher(s).replaceAll("$1")).replaceAll("-");
        s = TRAILING_PUNCTUATION.matcher(s).replaceAll("");
        Matcher party = PARTY.matcher(s);
        if (party.matches()) {
            String written = party.group(2);
            String type = DocumentTypes.byPartyAbbreviation(written)
                    .map(DocumentType::abbreviation)
                    .orElseGet(() -> Symbols.canonicalPart(written));
            return Optional.of(new DocumentNumber(party.group(1), null, type, canonical(party.group(3).split("-")), Kind.PARTY));
        }
        Matcher m = STATE.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        String sequence = m.group(1);
        Integer year = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        String[] parts = m.group(3).split("-");
        if (year != null && parts.length == 1 && NATIONAL_ASSEMBLY.matcher(parts[0]).matches()) {
            return Optional.of(new DocumentNumber(sequence, year, null, List.of(Symbols.upper(parts[0])), Kind.LEGAL_WITH_YEAR));
        }
        Optional<DocumentType> type = DocumentTypes.byAbbreviation(parts[0]);
        List<String> all = canonical(parts);
        List<String> issuers = type.isPresent() ? all.subList(1, all.size()) : all;
        String abbreviation = type.map(DocumentType::abbreviation).orElse(null);
        Kind kind = year != null ? Kind.LEGAL_WITH_YEAR : type.isPresent() ? Kind.ADMINISTRATIVE : Kind.OFFICIAL_LETTER;
        return Optional.of(new DocumentNumber(sequence, year, abbreviation, issuers, kind));
    }

    /**
     * Ð (U+00D0, Icelandic eth) looks like Đ and is what old TCVN3/VNI converters and some
     * keyboards produce; "1605/QÐ-TTg" is still QĐ. Same length, so text offsets are unchanged.
     */
    static String withVietnameseD(String s) {
        return s.replace('\u00D0', 'Đ').replace('\u00F0', 'đ');
    }

    private static List<String> canonical(String[] parts) {
        List<String> out = new ArrayList<>(parts.length);
        for (String p : parts) {
            out.add(Symbols.canonicalPart(p));
        }
        return out;
    }

    /** A law (or other act of the Quốc hội): 104/2016/QH13. */
    public boolean isLaw() {
        return kind == Kind.LEGAL_WITH_YEAR && typeAbbreviation == null && issuers.size() == 1
                && NATIONAL_ASSEMBLY.matcher(issuers.get(0)).matches();
    }

    /** The type the number states: its abbreviation's type, Luật for QH numbers, Công văn for agency-unit numbers. */
    public Optional<DocumentType> type() {
        if (isLaw()) {
            return Optional.of(DocumentTypes.LAW);
        }
        if (typeAbbreviation != null) {
            return kind == Kind.PARTY ? DocumentTypes.byPartyAbbreviation(typeAbbreviation)
                    : DocumentTypes.byAbbreviation(typeAbbreviation);
        }
        List<String> expected = DocumentTypes.expectedNames(this);
        return expected.equals(List.of(DocumentTypes.OFFICIAL_LETTER.name()))
                ? Optional.of(DocumentTypes.OFFICIAL_LETTER) : Optional.empty();
    }

    /** The number written the standard way: "1605/QĐ-TTg", "690-TB/VPTƯ", "104/2016/QH13". */
    public String normalized() {
        if (kind == Kind.PARTY) {
            return sequence + "-" + typeAbbreviation + "/" + String.join("-", issuers);
        }
        List<String> symbol = new ArrayList<>(issuers.size() + 1);
        if (typeAbbreviation != null) {
            symbol.add(typeAbbreviation);
        }
        symbol.addAll(issuers);
        return sequence + (year == null ? "" : "/" + year) + "/" + String.join("-", symbol);
    }

    /**
     * A key for comparing numbers as people type them: case, tone marks and đ/d are ignored and
     * leading zeros dropped, so "6/qd-ttg" and "06/QĐ-TTg" share a key. The price: 01/HĐ-UBND
     * (Hợp đồng) and 01/HD-UBND (Hướng dẫn) share one too; compare records when that matters.
     */
    public String key() {
        String n = normalized();
        String digits = withoutLeadingZeros(sequence);
        return Symbols.fold(digits + n.substring(sequence.length()));
    }

    /**
     * {@code s} without the leading zeros that a digit follows ("007" → "7", "000" → "0", "0.5"
     * stays): {@code s.replaceFirst("^0+(?=\\d)", "")} without compiling that pattern on every
     * call (it was an eighth of the link stage, once per citation).
     */
    static String withoutLeadingZeros(String s) {
        int zeros = 0;
        while (zeros < s.length() && s.charAt(zeros) == '0') {
            zeros++;
        }
        if (zeros == 0) {
            return s;
        }
        boolean digitAfter = zeros < s.length() && s.charAt(zeros) >= '0' && s.charAt(zeros) <= '9';
        int cut = digitAfter ? zeros : zeros - 1; // the last zero stays when no digit follows the run
        return cut == 0 ? s : s.substring(cut);
    }

    @Override
    public String toString() {
        return normalized();
    }
}
