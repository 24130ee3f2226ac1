package vn.trang.legal;

import java.time.LocalDate;

/**
 * A document number found in free text.
 *
 * @param raw    the text matched, as it stands in the NFC-normalised input
 * @param offset the char offset of {@code raw} in the NFC-normalised input (the same as in the
 *               original unless the original was decomposed)
 * @param line   1-based line
 * @param column 1-based column, in chars
 * @param date   the date stated with the number ("số 1605/QĐ-TTg ngày 27/8/2010"), or null
 */
public record Citation(DocumentNumber number, String raw, int offset, int line, int column, LocalDate date) {

    /** The number in its standard spelling. */
    public String normalized() {
        return number.normalized();
    }
}
