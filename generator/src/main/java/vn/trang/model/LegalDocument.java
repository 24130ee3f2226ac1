package vn.trang.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A legal or administrative document (văn bản), with the fields vbpl.vn shows (docs/DOMAIN.md#document-fields).
 *
 * @param numberKey      the number's comparison key (case, marks and leading zeros ignored)
 * @param effective      the effective date when known (stated, or computed from the rule)
 * @param effectiveRule  the effective date as the text states it when it is a rule
 *                       ("10 ngày kể từ ngày ký"), else null
 * @param declaredStatus the status the editor wrote, or null; the page shows {@link #status()}
 * @param files          attached files, published beside the page
 * @param relations      relations this document states, by number
 * @param links          what the link stage derived (status, both-way relations, citations)
 */
public record LegalDocument(ItemMeta meta, String number, String numberKey, String docType, String issuer,
                            String signer, String signerTitle, LocalDate issued, LocalDate effective,
                            String effectiveRule, LocalDate expires, String declaredStatus, List<String> fields,
                            String sourceUrl, String gazetteNumber, LocalDate gazetteDate, List<DocumentFile> files,
                            List<Relation> relations, DocumentLinks links) implements Item {

    public LegalDocument {
        fields = List.copyOf(fields);
        files = List.copyOf(files);
        relations = List.copyOf(relations);
    }

    /** The validity shown: derived by the link stage, else as declared. */
    public DocumentStatus statusValue() {
        if (links != DocumentLinks.UNLINKED) {
            return links.status();
        }
        return declaredStatus == null ? DocumentStatus.UNKNOWN
                : DocumentStatus.byLabel(declaredStatus).orElse(DocumentStatus.UNKNOWN);
    }

    /** The validity label, e.g. "Còn hiệu lực" (templates print {@code item.status}). */
    public String status() {
        return statusValue().label();
    }

    /** Why the status is what it is, or null. */
    public String statusReason() {
        return links.reason();
    }

    /** The year of issue: from the date, else from a number that carries it (59/2020/QH14). */
    public Integer year() {
        if (issued != null) {
            return issued.getYear();
        }
        return number == null ? null : vn.trang.legal.DocumentNumber.parse(number).map(n -> n.year()).orElse(null);
    }

    /** A national or other document kept for reference: metadata and a link, no text. */
    public boolean metadataOnly() {
        return meta.body().isBlank(); // the body's flag: stored bodies are not read for it (that would be a disk read)
    }

    public LegalDocument withLinks(DocumentLinks l) {
        return new LegalDocument(meta, number, numberKey, docType, issuer, signer, signerTitle, issued, effective,
                effectiveRule, expires, declaredStatus, fields, sourceUrl, gazetteNumber, gazetteDate, files, relations, l);
    }

    public LegalDocument withMeta(ItemMeta m) {
        return new LegalDocument(m, number, numberKey, docType, issuer, signer, signerTitle, issued, effective,
                effectiveRule, expires, declaredStatus, fields, sourceUrl, gazetteNumber, gazetteDate, files, relations,
                links);
    }
}
