package vn.trang.model;

import java.util.List;

/**
 * What the link stage derives for a document from the whole catalog, as of the build date.
 *
 * @param status    the derived validity
 * @param reason    why, in Vietnamese ("bị thay thế bởi 12/2025/QĐ-UBND từ 01/07/2025"), or null
 * @param relations both directions, grouped under vbpl.vn's labels, in vbpl.vn's order
 * @param citations numbers the body cites, in order of first appearance
 * @param citedBy   documents whose text cites this one
 */
public record DocumentLinks(DocumentStatus status, String reason, List<RelationGroup> relations,
                            List<CitedDocument> citations, List<CitedDocument> citedBy) {

    public static final DocumentLinks UNLINKED = new DocumentLinks(DocumentStatus.UNKNOWN, null, List.of(), List.of(), List.of());

    public DocumentLinks {
        relations = List.copyOf(relations);
        citations = List.copyOf(citations);
        citedBy = List.copyOf(citedBy);
    }

    /** Documents listed under one label on a document page. */
    public record RelationGroup(String label, List<CitedDocument> documents) {
        public RelationGroup {
            documents = List.copyOf(documents);
        }
    }
}
