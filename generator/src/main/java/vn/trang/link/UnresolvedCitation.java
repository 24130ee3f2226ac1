package vn.trang.link;

import java.time.LocalDate;

/**
 * A number cited in a page's text that the catalog does not hold: kept as plain text on the
 * page and listed in the build's report, so editors can add the document (often as a
 * metadata-only entry) or fix a typo.
 *
 * @param source the citing file; line where the number is written
 */
public record UnresolvedCitation(String number, LocalDate date, String source, int line, String citedFrom) {
}
