package vn.trang.model;

import java.time.LocalDate;

import vn.trang.legal.DocumentNumber;

/**
 * One entry of "Căn cứ pháp lý": a document number with an optional title and date. The link
 * stage looks the number up in the document index.
 *
 * @param number the number written the standard way when it could be parsed ("61/2018/NĐ-CP"),
 *               else as given (old numbers such as "73-CP")
 * @param title  trích yếu or name as the editor gives it ("Luật Xây dựng"), or null
 * @param issued ngày ban hành when given, or null
 * @param parsed the parsed number, or null when it is not in a current format
 */
public record LegalBasis(String number, String title, LocalDate issued, DocumentNumber parsed) {

    /** The number's comparison key ({@link DocumentNumber#key()}), or null when unparsed. */
    public String key() {
        return parsed == null ? null : parsed.key();
    }
}
