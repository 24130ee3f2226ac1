package vn.trang.model;

import vn.trang.diag.SourcePos;

/**
 * A relation as the editor stated it, by number.
 *
 * @param number  the other document's number, normalised
 * @param key     the number's comparison key ({@code DocumentNumber.key()})
 * @param issuer  the other document's issuer when the editor named it (numbers repeat across
 *                issuers: every commune has a 01/KH-UBND), else null
 * @param partial whether it affects only part of the other document (một phần)
 * @param note    which part, or any remark ("Điều 5, Điều 7")
 * @param pos     where it is written, for diagnostics
 */
public record Relation(RelationType type, String number, String key, String issuer, boolean partial, String note,
                       SourcePos pos) {
}
