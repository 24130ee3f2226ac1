package vn.trang.index;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the index knows of one item, in plain values: the mapping from the content model
 * ({@link ItemDocuments}) and from evaluation corpora both end here, so the same schema and
 * analysis serve the site and the relevance measurements.
 *
 * @param url      the item's path (its id in the index)
 * @param title    the title as shown
 * @param meta     short searchable facts besides the text: number, type, issuer, signer, fields,
 *                 code, agency, category; each one value, never joined into a sentence
 * @param summary  summary or trích yếu, may be empty
 * @param body     the body as plain text, may be empty
 * @param keys     exact lookup keys: document-number keys and procedure codes ({@link DocumentKeys})
 * @param site     the site id; {@code siteName} its name
 * @param type     news | document | procedure | page
 * @param fields   lĩnh vực, for the facet
 * @param year     the year of issue or publication, or null
 * @param status   a document's validity label, or null
 * @param level    a procedure's service level id, or null
 * @param date     the date shown with the hit, or null
 * @param number   a document's number as written, or null
 * @param code     a procedure's code, or null
 */
public record SearchDocument(String url, String title, List<String> meta, String summary, String body,
                             List<String> keys, String site, String siteName, String type, List<String> fields,
                             Integer year, String status, String level, LocalDate date, String number, String code) {

    public SearchDocument {
        Objects.requireNonNull(url, "url");
        title = title == null ? "" : title;
        meta = List.copyOf(meta);
        summary = summary == null ? "" : summary;
        body = body == null ? "" : body;
        keys = List.copyOf(keys);
        fields = List.copyOf(fields);
    }

    /**
     * Characters of the summary and body kept for snippets. Snippets come from the beginning of
     * long texts anyway (the best passage of a law is rarely its 300th paragraph for a search-box
     * query), and every stored character is decompressed again for every hit shown.
     */
    public static final int SNIPPET_TEXT_MAX = 4000;

    /** The text a snippet is cut from: the summary, then the body, at most {@link #SNIPPET_TEXT_MAX} characters. */
    public String snippetText() {
        String s = summary.isEmpty() ? body : body.isEmpty() ? summary : summary + "\n" + body;
        if (s.length() <= SNIPPET_TEXT_MAX) {
            return s;
        }
        int cut = s.lastIndexOf(' ', SNIPPET_TEXT_MAX);
        return s.substring(0, cut > SNIPPET_TEXT_MAX / 2 ? cut : SNIPPET_TEXT_MAX);
    }
}
