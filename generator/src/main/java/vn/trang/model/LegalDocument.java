package vn.trang.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A legal or administrative document (văn bản). The basic fields of DESIGN.md §3; relations,
 * files and derived status grow here.
 *
 * @param effective     the effective date when known
 * @param effectiveRule the effective date as the text states it, when it is a rule
 *                      ("10 ngày kể từ ngày ký"), else null
 * @param status        the status declared by the editor, or null
 */
public record LegalDocument(ItemMeta meta, String number, String docType, String issuer,
                            String signer, String signerTitle, LocalDate issued,
                            LocalDate effective, String effectiveRule, LocalDate expires,
                            String status, List<String> fields, String sourceUrl) implements Item {

    public LegalDocument {
        fields = List.copyOf(fields);
    }
}
