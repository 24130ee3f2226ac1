package vn.trang.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.trang.model.CitedDocument;
import vn.trang.model.DocumentFile;
import vn.trang.model.DocumentLinks;
import vn.trang.model.DocumentStatus;
import vn.trang.model.LegalDocument;
import vn.trang.text.Json;

/** schema.org JSON-LD for item pages, printed by templates inside a script element. */
public final class StructuredData {

    private StructuredData() {
    }

    /**
     * A document's JSON-LD as a page model holds it: made when the page is rendered, not when it is
     * planned (a one-file edit plans every document page and renders three). Its
     * fingerprint is the document's, which is all the JSON is made of.
     */
    public record Legislation(LegalDocument document) {
        /** The JSON (what a template prints). */
        @Override
        public String toString() {
            return legislation(document);
        }
    }

    /** A document as schema.org/Legislation. */
    public static String legislation(LegalDocument d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@context", "https://schema.org");
        m.put("@type", "Legislation");
        m.put("@id", d.absoluteUrl());
        m.put("url", d.absoluteUrl());
        m.put("name", d.title());
        m.put("legislationIdentifier", d.number());
        m.put("legislationType", d.docType());
        if (d.summary() != null) {
            m.put("abstract", d.summary());
        }
        if (d.issued() != null) {
            m.put("legislationDate", d.issued().toString());
        }
        if (d.effective() != null) {
            m.put("legislationDateVersion", d.effective().toString());
        }
        if (d.expires() != null) {
            m.put("expires", d.expires().toString());
        }
        Map<String, Object> issuer = new LinkedHashMap<>();
        issuer.put("@type", "GovernmentOrganization");
        issuer.put("name", d.issuer());
        m.put("legislationPassedBy", issuer);
        if (d.signer() != null) {
            Map<String, Object> signer = new LinkedHashMap<>();
            signer.put("@type", "Person");
            signer.put("name", d.signer());
            if (d.signerTitle() != null) {
                signer.put("jobTitle", d.signerTitle());
            }
            m.put("legislationResponsible", signer);
        }
        m.put("legislationJurisdiction", "VN");
        m.put("inLanguage", "vi");
        String force = legalForce(d.statusValue());
        if (force != null) {
            m.put("legislationLegalForce", force);
        }
        if (!d.fields().isEmpty()) {
            m.put("about", d.fields());
        }
        if (d.sourceUrl() != null) {
            m.put("sameAs", d.sourceUrl());
        }
        List<Object> files = new ArrayList<>();
        for (DocumentFile f : d.files()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("@type", "LegislationObject");
            e.put("contentUrl", d.site().absolute(f.url()));
            e.put("encodingFormat", f.format().equals("PDF") ? "application/pdf" : f.format());
            e.put("contentSize", String.valueOf(f.size()));
            e.put("sha256", f.sha256());
            files.add(e);
        }
        if (!files.isEmpty()) {
            m.put("encoding", files);
        }
        putRelation(m, d, "Văn bản căn cứ", "legislationApplies");
        putRelation(m, d, "Văn bản bị sửa đổi, bổ sung", "legislationChanges");
        putRelation(m, d, "Văn bản bị thay thế", "legislationRepeals");
        putRelation(m, d, "Văn bản bị bãi bỏ", "legislationRepeals");
        putRelation(m, d, "Văn bản được hợp nhất", "legislationConsolidates");
        putRelation(m, d, "Văn bản được dẫn chiếu", "citation");
        @SuppressWarnings("unchecked")
        List<Object> citations = (List<Object>) m.getOrDefault("citation", new ArrayList<>());
        for (CitedDocument c : d.links().citations()) {
            citations.add(c.url() != null ? d.site().absolute(c.url()) : c.number());
        }
        if (!citations.isEmpty()) {
            m.put("citation", citations);
        }
        return Json.write(m);
    }

    private static void putRelation(Map<String, Object> m, LegalDocument d, String label, String property) {
        for (DocumentLinks.RelationGroup g : d.links().relations()) {
            if (g.label().equals(label)) {
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) m.computeIfAbsent(property, k -> new ArrayList<>());
                for (CitedDocument c : g.documents()) {
                    list.add(c.url() != null ? d.site().absolute(c.url()) : c.number());
                }
            }
        }
    }

    private static String legalForce(DocumentStatus s) {
        return switch (s) {
            case IN_FORCE -> "https://schema.org/InForce";
            case PARTLY_ENDED, PARTLY_SUSPENDED -> "https://schema.org/PartiallyInForce";
            case ENDED, SUSPENDED, OUTDATED -> "https://schema.org/NotInForce";
            case NOT_YET -> "https://schema.org/NotInForce";
            case UNKNOWN -> null;
        };
    }
}
