package vn.trang.index;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import vn.trang.legal.DocumentNumber;
import vn.trang.text.Slugs;

/**
 * Exact lookup keys for document numbers and procedure codes, shared by the indexer and the query
 * parser so both sides agree. The tokenizer splits "06/CT-UBND" into 06, ct, ubnd, which also occur
 * in hundreds of other numbers; a key field holding the whole normalised number is what lets
 * "06/ct-ubnd", "6/CT–UBND" or "Số: 06/CT-UBND" put that one document first.
 */
public final class DocumentKeys {

    /** Procedure codes of the national database: "1.000894", "2.002029". */
    private static final Pattern CODE = Pattern.compile("\\d{1,2}\\.\\d{6}");
    /** Spaces people put around the separators of a number ("06 / CT - UBND"). */
    private static final Pattern SPACED_SEPARATOR = Pattern.compile("\\s*([/\\-\u2010\u2011\u2013\u2212])\\s*");
    private static final Pattern TRIM = Pattern.compile("^[\\p{Punct}«»“”‘’]+|[\\p{Punct}«»“”‘’&&[^/]]+$");
    private static final String NUMBER_PREFIX = "so:";
    private static final String CODE_PREFIX = "ma:";

    private DocumentKeys() {
    }

    /**
     * The key of a document number: {@link DocumentNumber#key()} when it parses (case, marks and
     * leading zeros ignored); otherwise the number folded and lower-cased, so an unusual number is
     * still found when typed exactly.
     */
    public static Optional<String> ofNumber(String number) {
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        String k = DocumentNumber.parse(number).map(DocumentNumber::key)
                .orElseGet(() -> Slugs.fold(number.strip()).replaceAll("\\s+", ""));
        return Optional.of(NUMBER_PREFIX + k.toLowerCase(Locale.ROOT));
    }

    /** The key of a procedure code, when it has the national database's shape. */
    public static Optional<String> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip();
        return CODE.matcher(c).matches() ? Optional.of(CODE_PREFIX + c) : Optional.empty();
    }

    /**
     * Every key a query may be asking for: the whole query, then each space-separated chunk, as a
     * document number or a procedure code. Free words never parse as numbers (a number needs digits
     * and a slash), so ordinary queries yield nothing.
     */
    public static List<String> inQuery(String text) {
        Set<String> keys = new LinkedHashSet<>();
        if (text == null || text.isBlank() || text.chars().noneMatch(Character::isDigit)) {
            return List.of();
        }
        String compact = SPACED_SEPARATOR.matcher(text.strip()).replaceAll("$1");
        addNumber(compact, keys);
        for (String chunk : compact.split("\\s+")) {
            String c = TRIM.matcher(chunk).replaceAll("");
            if (c.isEmpty() || c.chars().noneMatch(Character::isDigit)) {
                continue;
            }
            ofCode(c).ifPresent(keys::add);
            addNumber(c, keys);
        }
        return List.copyOf(keys);
    }

    private static void addNumber(String s, Set<String> keys) {
        if (s.indexOf('/') < 0 && s.indexOf('-') < 0) {
            return;
        }
        DocumentNumber.parse(s).map(n -> NUMBER_PREFIX + n.key().toLowerCase(Locale.ROOT)).ifPresent(keys::add);
    }
}
