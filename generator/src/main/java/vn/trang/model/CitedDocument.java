package vn.trang.model;

import java.time.LocalDate;

/**
 * Another document as a page mentions it: always its number; its title, page and status when
 * the catalog has it.
 *
 * @param url     the document's page, or null when it is not in the catalog (kept as text)
 * @param partial for relations: affects only part of it
 * @param note    for relations: which part; for citations: null
 * @param date    for citations: the date the citing text states, else null
 */
public record CitedDocument(String number, String title, String url, String status, boolean partial, String note,
                            LocalDate date) {

    public boolean known() {
        return url != null;
    }
}
