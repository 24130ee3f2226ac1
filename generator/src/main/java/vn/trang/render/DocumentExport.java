package vn.trang.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.trang.model.CitedDocument;
import vn.trang.model.DocumentFile;
import vn.trang.model.DocumentLinks;
import vn.trang.model.LegalDocument;
import vn.trang.text.Csv;
import vn.trang.text.Json;

/**
 * The document index as open data: JSON (everything, nested) and CSV (one row a document,
 * lists joined by "; "), including each document's files with SHA-256, relations both ways and
 * citations.
 */
public final class DocumentExport {

    static final List<String> CSV_COLUMNS = List.of("so_hieu", "loai_van_ban", "co_quan_ban_hanh", "nguoi_ky",
            "chuc_danh", "ngay_ban_hanh", "ngay_hieu_luc", "hieu_luc_theo", "ngay_het_hieu_luc", "tinh_trang",
            "ly_do_tinh_trang", "linh_vuc", "trich_yeu", "so_cong_bao", "ngay_cong_bao", "trang_web", "dia_chi",
            "nguon_chinh_thuc", "tep", "sha256", "quan_he", "dan_chieu", "duoc_dan_chieu_boi");

    private DocumentExport() {
    }

    public static String json(List<LegalDocument> docs) {
        List<Object> list = new ArrayList<>();
        for (LegalDocument d : docs) {
            list.add(record(d));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("count", docs.size());
        root.put("documents", list);
        return Json.write(root) + "\n";
    }

    /** The same JSON, written record by record (the province's is too big for one string). */
    public static void json(List<LegalDocument> docs, Appendable out) throws java.io.IOException {
        out.append("{\"count\":").append(String.valueOf(docs.size())).append(",\"documents\":[");
        StringBuilder sb = new StringBuilder(8192);
        for (int i = 0; i < docs.size(); i++) {
            sb.setLength(0);
            if (i > 0) {
                sb.append(',');
            }
            Json.write(record(docs.get(i)), sb);
            out.append(sb);
        }
        out.append("]}\n");
    }

    /** One document as a JSON object (also used by tests and other exports). */
    public static Map<String, Object> record(LegalDocument d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", d.number());
        m.put("type", d.docType());
        m.put("issuer", d.issuer());
        m.put("signer", d.signer());
        m.put("signer_title", d.signerTitle());
        m.put("issued", iso(d.issued()));
        m.put("effective", iso(d.effective()));
        m.put("effective_rule", d.effectiveRule());
        m.put("expires", iso(d.expires()));
        m.put("status", d.status());
        m.put("status_reason", d.statusReason());
        m.put("fields", d.fields());
        m.put("summary", d.summary());
        m.put("gazette_number", d.gazetteNumber());
        m.put("gazette_date", iso(d.gazetteDate()));
        m.put("site", d.site().id());
        m.put("url", d.absoluteUrl());
        m.put("source_url", d.sourceUrl());
        m.put("metadata_only", d.metadataOnly());
        List<Object> files = new ArrayList<>();
        for (DocumentFile f : d.files()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("name", f.name());
            fm.put("title", f.title());
            fm.put("url", d.site().absolute(f.url()));
            fm.put("size", f.size());
            fm.put("sha256", f.sha256());
            files.add(fm);
        }
        m.put("files", files);
        List<Object> relations = new ArrayList<>();
        for (DocumentLinks.RelationGroup g : d.links().relations()) {
            for (CitedDocument c : g.documents()) {
                Map<String, Object> rm = cited(c, d);
                rm.put("relation", g.label());
                rm.put("partial", c.partial());
                rm.put("note", c.note());
                relations.add(rm);
            }
        }
        m.put("relations", relations);
        List<Object> citations = new ArrayList<>();
        for (CitedDocument c : d.links().citations()) {
            Map<String, Object> cm = cited(c, d);
            cm.put("date", iso(c.date()));
            citations.add(cm);
        }
        m.put("citations", citations);
        List<Object> citedBy = new ArrayList<>();
        for (CitedDocument c : d.links().citedBy()) {
            citedBy.add(cited(c, d));
        }
        m.put("cited_by", citedBy);
        return m;
    }

    private static Map<String, Object> cited(CitedDocument c, LegalDocument from) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", c.number());
        m.put("url", c.url() == null ? null : from.site().absolute(c.url()));
        return m;
    }

    public static String csv(List<LegalDocument> docs) {
        StringBuilder sb = new StringBuilder();
        try {
            csv(docs, sb);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sb.toString();
    }

    /** The CSV, written row by row, for the same reason. */
    public static void csv(List<LegalDocument> docs, Appendable out) throws java.io.IOException {
        StringBuilder row = new StringBuilder(Csv.BOM);
        Csv.row(CSV_COLUMNS, row);
        out.append(row);
        for (LegalDocument d : docs) {
            List<String> rel = new ArrayList<>();
            for (DocumentLinks.RelationGroup g : d.links().relations()) {
                for (CitedDocument c : g.documents()) {
                    rel.add(g.label() + ": " + c.number() + (c.partial() ? " (một phần)" : ""));
                }
            }
            row.setLength(0);
            Csv.row(java.util.Arrays.asList(d.number(), d.docType(), d.issuer(), d.signer(), d.signerTitle(),
                    iso(d.issued()), iso(d.effective()), d.effectiveRule(), iso(d.expires()), d.status(),
                    d.statusReason(), String.join("; ", d.fields()), d.summary(), d.gazetteNumber(),
                    iso(d.gazetteDate()), d.site().id(), d.absoluteUrl(), d.sourceUrl(),
                    String.join("; ", d.files().stream().map(f -> d.site().absolute(f.url())).toList()),
                    String.join("; ", d.files().stream().map(DocumentFile::sha256).toList()),
                    String.join("; ", rel),
                    String.join("; ", d.links().citations().stream().map(CitedDocument::number).toList()),
                    String.join("; ", d.links().citedBy().stream().map(CitedDocument::number).toList())), row);
            out.append(row);
        }
    }

    private static String iso(java.time.LocalDate d) {
        return d == null ? null : d.toString();
    }
}
