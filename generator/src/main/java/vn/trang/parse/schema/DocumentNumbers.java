package vn.trang.parse.schema;

import java.util.List;
import java.util.Optional;

import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.legal.Citation;
import vn.trang.legal.CitationExtractor;
import vn.trang.legal.DocumentNumber;

/**
 * Document numbers (số hiệu văn bản) written in a procedure's front matter: its publishing
 * decision and its legal bases. Real procedures cite old documents whose numbers predate today's
 * format, so a number that does not parse is kept as written when it still looks like one.
 */
public final class DocumentNumbers {

    private DocumentNumbers() {
    }

    /**
     * A document number: normalised when it parses; kept as given when it looks like a number in
     * an older format ("73-CP", "QĐ/0001-BCA"); an error when it is not a number at all.
     */
    static Optional<String> normalise(String text, SourcePos at, String what, String example, Diagnostics d) {
        Optional<DocumentNumber> parsed = DocumentNumber.parse(text);
        if (parsed.isPresent()) {
            return Optional.of(parsed.get().normalized());
        }
        if (looksLikeNumber(text)) {
            return Optional.of(text.strip());
        }
        List<Citation> inside = CitationExtractor.extract(text);
        String fix = inside.isEmpty() ? "ví dụ: " + example
                : "chỉ ghi số hiệu " + inside.get(0).normalized() + "; tên văn bản, nếu cần, ghi ở title";
        d.error(at, what + " '" + abbreviate(text) + "' không phải số hiệu văn bản",
                "số/ký hiệu văn bản, ví dụ 61/2018/NĐ-CP, 50/2014/QH13, 1291/QĐ-UBND", fix);
        return Optional.empty();
    }

    /**
     * A number in an older or odd format, kept as given: no spaces, a digit, and '/' or '-'
     * ("73-CP", "QĐ/0001-BCA").
     */
    public static boolean looksLikeNumber(String text) {
        String s = text.strip();
        return !s.isEmpty() && !s.matches(".*\\s.*") && s.matches(".*\\d.*") && s.matches(".*[/\\-].*")
                && s.matches("[\\p{L}\\p{N}/\\-.]+");
    }

    /**
     * What {@link #normalise} keeps (a number, or one in an older format), as one anchored regular
     * expression that Java and JavaScript read alike: the browser editor checks with it.
     */
    public static String keptPattern() {
        return "^(?=.*\\d)(?=.*[/-])[" + DocumentNumber.LATIN_LETTERS + "0-9/.\\-]+$";
    }

    private static String abbreviate(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() > 60 ? one.substring(0, 57) + "…" : one;
    }
}
