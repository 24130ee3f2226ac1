package vn.trang.legal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the document numbers cited in free text (Vietnamese legal prose, Markdown).
 *
 * <p>Precision first: a page that links "1/2" or "24/7" to a document index is worse than one
 * that misses a number. So a candidate needs digits, a slash and a symbol that starts with a
 * capital (Đ and Ư included) and ends at a word boundary; dates, fractions, "ISO 9001:2015",
 * "km/h", "m2/người", "V/v", URLs never have that shape or are masked. A one-part symbol without
 * a year ("2/TP") is taken only when it is a type ("15/BC"), a central issuer ("15/CP"), or the
 * text says "số" before it; numbers after "mẫu"/"phụ lục" are form codes, not documents.
 */
public final class CitationExtractor {

    private static final String UPPER = "A-ZĐƯ";
    private static final String LETTERS = "A-Za-zĐđƯư";
    private static final String HYPHEN = "[" + DocumentNumber.HYPHENS + "]";
    /**
     * First symbol part: letters, then digits only at the end (QH13, UBTVQH12). Quantifiers are
     * possessive: a symbol that does not end at a word boundary is rejected at once instead of
     * being retried shorter. At most eight parts after the first (01/2011/TTLT-VPCP-BNV has
     * two): Java recurses per repetition of a group, and a bound keeps junk like "A-A-A-…"
     * from overflowing the stack.
     */
    private static final String FIRST_PART = "[" + UPPER + "][" + LETTERS + "&]*+\\d*+";
    private static final String NEXT_PART = HYPHEN + "[" + UPPER + "][" + LETTERS + "&0-9]*+";
    private static final String SYMBOL = FIRST_PART + "(?:" + NEXT_PART + "){0,8}+";

    /** Not inside a word, a number, a path or a decimal: "m2/người", "/van-ban/12/QD", "9001:2015/…". */
    private static final String BEFORE = "(?<![\\p{L}\\p{N}/._@\\\\" + DocumentNumber.HYPHENS + "])(?<!\\d:)";
    /** The symbol ends where the word ends; a cut-short match ("06/CT" of "06/CT-ubnd") is no match. */
    private static final String AFTER = "(?![\\p{L}\\p{N}&_]|" + HYPHEN + "[\\p{L}\\p{N}]|/[\\p{L}\\p{N}])";

    private static final Pattern CANDIDATE = Pattern.compile(BEFORE + "\\d{1,6}(?:"
            + HYPHEN + "[" + UPPER + "][" + LETTERS + "]*+/" + SYMBOL          // Party: 690-TB/VPTƯ
            + "|(?:/(?:19|20)\\d{2})?/" + SYMBOL + ")" + AFTER);             // 64/2007/NĐ-CP, 1605/QĐ-TTg

    private static final Pattern URL = Pattern.compile("(?:https?|ftp)://[^\\s<>()\\[\\]\"']+|www\\.[^\\s<>()\\[\\]\"']+",
            Pattern.CASE_INSENSITIVE);

    /** How much text before a number is looked at for "số" / "mẫu". */
    private static final int LOOK_BACK = 24;
    private static final Pattern SAYS_NUMBER = Pattern.compile("(?:^|[^\\p{L}])số[\\s\\u00a0]*:?[\\s\\u00a0]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern HEADER = Pattern.compile("(?:^|[^\\p{L}])số[\\s\\u00a0]*:[\\s\\u00a0]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern FORM_CODE = Pattern.compile(
            "(?:^|[^\\p{L}])(?:mẫu|phụ[\\s\\u00a0]+lục)(?:[\\s\\u00a0]+số)?[\\s\\u00a0]*:?[\\s\\u00a0]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Issuers that used one-part symbols before 2004: "Nghị định 15/CP", "Quyết định 211/TTg". */
    private static final Set<String> ONE_PART_ISSUERS = Set.of("CP", "TTg");

    private CitationExtractor() {
    }

    /** Every cited number in order of appearance, repeats included. */
    public static List<Citation> extract(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        String scan = DocumentNumber.withVietnameseD(nfc);
        List<int[]> urls = null;
        int[] lineStarts = null;
        List<Citation> out = new ArrayList<>();
        Matcher m = CANDIDATE.matcher(scan).useTransparentBounds(true).useAnchoringBounds(false);
        // Performance: the candidate pattern starts with look-behinds, so a find() tries
        // it at every character; it can only match where a run of at most six ASCII digits starts
        // and is followed by '/' or a hyphen. Those few places are tried, in order, each as the
        // find() would (the whole text visible to the look-arounds): the same matches, found ~20×
        // faster.
        int length = scan.length();
        int next = 0;
        for (int p = nextDigitRun(scan, 0); p >= 0; p = nextDigitRun(scan, p + 1)) {
            if (p < next) {
                continue;
            }
            int q = p;
            while (q < length && isAsciiDigit(scan.charAt(q))) {
                q++;
            }
            if (q - p > 6 || q >= length || !isSlashOrHyphen(scan.charAt(q))) {
                continue;
            }
            m.region(p, length);
            if (!m.lookingAt()) {
                continue;
            }
            next = m.end();
            if (urls == null) {
                urls = urls(scan);
                lineStarts = lineStarts(nfc);
            }
            if (insideAny(urls, m.start())) {
                continue;
            }
            String before = scan.substring(Math.max(0, m.start() - LOOK_BACK), m.start());
            Optional<DocumentNumber> number = DocumentNumber.parse(m.group());
            if (number.isEmpty() || FORM_CODE.matcher(before).find() || !plausible(number.get(), before)) {
                continue;
            }
            boolean header = HEADER.matcher(before).find();
            int line = line(lineStarts, m.start());
            out.add(new Citation(number.get(), nfc.substring(m.start(), m.end()), m.start(), line + 1,
                    m.start() - lineStarts[line] + 1, CitedDates.after(scan, m.end(), header)));
        }
        return out;
    }

    /** A one-part symbol without a year needs more evidence than its shape. */
    private static boolean plausible(DocumentNumber n, String before) {
        boolean onePart = n.kind() != DocumentNumber.Kind.PARTY && n.year() == null
                && n.issuers().size() + (n.typeAbbreviation() == null ? 0 : 1) == 1;
        if (!onePart) {
            return true;
        }
        return n.typeAbbreviation() != null
                || ONE_PART_ISSUERS.contains(n.issuers().get(0))
                || SAYS_NUMBER.matcher(before).find();
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSlashOrHyphen(char c) {
        return c == '/' || c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2013' || c == '\u2212';
    }

    /** The first index at or after {@code from} where a run of ASCII digits starts, or -1. */
    private static int nextDigitRun(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (isAsciiDigit(s.charAt(i)) && (i == 0 || !isAsciiDigit(s.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    private static List<int[]> urls(String text) {
        List<int[]> ranges = new ArrayList<>();
        if (text.indexOf("://") < 0 && !containsWww(text)) {
            return ranges; // every URL the pattern matches has one or the other
        }
        Matcher m = URL.matcher(text);
        while (m.find()) {
            ranges.add(new int[] {m.start(), m.end()});
        }
        return ranges;
    }

    /** Whether "www." occurs in any ASCII letter case (the URL pattern is case-insensitive). */
    private static boolean containsWww(String s) {
        for (int i = s.indexOf('.'); i >= 0; i = s.indexOf('.', i + 1)) {
            if (i >= 3 && (s.charAt(i - 1) | 0x20) == 'w' && (s.charAt(i - 2) | 0x20) == 'w' && (s.charAt(i - 3) | 0x20) == 'w') {
                return true;
            }
        }
        return false;
    }

    private static boolean insideAny(List<int[]> ranges, int offset) {
        for (int[] r : ranges) {
            if (offset >= r[0] && offset < r[1]) {
                return true;
            }
        }
        return false;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The 0-based line holding {@code offset}. */
    private static int line(int[] lineStarts, int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i : -i - 2;
    }
}
