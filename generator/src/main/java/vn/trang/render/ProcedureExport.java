package vn.trang.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.trang.model.CitedDocument;
import vn.trang.model.DossierCase;
import vn.trang.model.DossierPaper;
import vn.trang.model.ImplementingLevel;
import vn.trang.model.LegalBasis;
import vn.trang.model.Procedure;
import vn.trang.model.ProcedureChannel;
import vn.trang.text.Csv;
import vn.trang.text.Json;

/** The procedure catalog as open data: JSON (nested, complete) and CSV (one row a procedure). */
public final class ProcedureExport {

    static final List<String> CSV_COLUMNS = List.of("ma_thu_tuc", "ten_thu_tuc", "linh_vuc", "cap_thuc_hien",
            "loai_thu_tuc", "muc_do", "truc_tuyen", "co_quan_thuc_hien", "thoi_han_giai_quyet", "phi_le_phi",
            "ket_qua", "can_cu_phap_ly", "nop_truc_tuyen", "quyet_dinh_cong_bo", "don_vi", "dia_chi", "cap_nhat");

    private ProcedureExport() {
    }

    /** @param basis each procedure's legal basis as resolved against the document index */
    public static String json(List<Procedure> procedures, Map<Procedure, List<CitedDocument>> basis) {
        List<Object> list = new ArrayList<>();
        for (Procedure p : procedures) {
            list.add(record(p, basis.getOrDefault(p, List.of())));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("count", procedures.size());
        root.put("procedures", list);
        return Json.write(root) + "\n";
    }

    /** The same JSON, written record by record (the province's is too big for one string). */
    public static void json(List<Procedure> procedures, Map<Procedure, List<CitedDocument>> basis, Appendable out)
            throws java.io.IOException {
        out.append("{\"count\":").append(String.valueOf(procedures.size())).append(",\"procedures\":[");
        StringBuilder sb = new StringBuilder(8192);
        for (int i = 0; i < procedures.size(); i++) {
            sb.setLength(0);
            if (i > 0) {
                sb.append(',');
            }
            Procedure p = procedures.get(i);
            Json.write(record(p, basis.getOrDefault(p, List.of())), sb);
            out.append(sb);
        }
        out.append("]}\n");
    }

    static Map<String, Object> record(Procedure p, List<CitedDocument> basis) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", p.code());
        m.put("name", p.title());
        m.put("decision", p.decision());
        m.put("field", p.field());
        m.put("implementing_levels", p.implementingLevels().stream().map(ImplementingLevel::id).toList());
        m.put("procedure_type", p.procedureType());
        m.put("service_level", p.level());
        m.put("service_level_label", p.levelLabel());
        m.put("source_service_level", p.serviceLevel() == null || !p.serviceLevel().legacy() ? null : p.serviceLevel().id());
        m.put("online", p.online());
        m.put("online_url", p.onlineUrl());
        List<Object> channels = new ArrayList<>();
        for (ProcedureChannel c : p.channels()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("channel", c.channel() == null ? null : c.channel().toString());
            cm.put("processing_time", c.processingTime());
            cm.put("fee", c.fee());
            cm.put("description", c.description());
            channels.add(cm);
        }
        m.put("channels", channels);
        List<Object> dossier = new ArrayList<>();
        for (DossierCase dc : p.dossier()) {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("case", dc.name());
            List<Object> papers = new ArrayList<>();
            for (DossierPaper paper : dc.papers()) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("name", paper.name());
                pm.put("originals", paper.originals());
                pm.put("copies", paper.copies());
                pm.put("form", paper.form() == null ? null : p.site().absolute(paper.form().url()));
                papers.add(pm);
            }
            dm.put("papers", papers);
            dossier.add(dm);
        }
        m.put("dossier", dossier);
        m.put("target_groups", p.targetGroups());
        Map<String, Object> agencies = new LinkedHashMap<>();
        agencies.put("performing", p.agencies().performing());
        agencies.put("competent", p.agencies().competent());
        agencies.put("authorised", p.agencies().authorised());
        agencies.put("coordinating", p.agencies().coordinating());
        m.put("agencies", agencies);
        m.put("reception_address", p.receptionAddress());
        m.put("results", p.results());
        List<Object> legal = new ArrayList<>();
        for (int i = 0; i < p.legalBasis().size(); i++) {
            LegalBasis b = p.legalBasis().get(i);
            CitedDocument c = i < basis.size() ? basis.get(i) : null;
            Map<String, Object> lm = new LinkedHashMap<>();
            lm.put("number", b.number());
            lm.put("title", b.title());
            lm.put("issued", b.issued() == null ? null : b.issued().toString());
            lm.put("url", c == null || c.url() == null ? null : p.site().absolute(c.url()));
            lm.put("status", c == null ? null : c.status());
            legal.add(lm);
        }
        m.put("legal_basis", legal);
        m.put("keywords", p.keywords());
        m.put("site", p.site().id());
        m.put("url", p.absoluteUrl());
        m.put("source_url", p.sourceUrl());
        m.put("updated", p.lastModified() == null ? null : p.lastModified().toString());
        return m;
    }

    public static String csv(List<Procedure> procedures) {
        StringBuilder sb = new StringBuilder();
        try {
            csv(procedures, sb);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sb.toString();
    }

    /** The CSV, written row by row, for the same reason. */
    public static void csv(List<Procedure> procedures, Appendable out) throws java.io.IOException {
        StringBuilder row = new StringBuilder(Csv.BOM);
        Csv.row(CSV_COLUMNS, row);
        out.append(row);
        for (Procedure p : procedures) {
            row.setLength(0);
            Csv.row(Arrays.asList(p.code(), p.title(), p.field(), p.implementingLevelLabel(), p.procedureType(),
                    p.levelLabel(), p.online() ? "có" : "không", String.join("; ", p.agencies().performing()),
                    p.processingTime(), p.fees(), p.result(),
                    String.join("; ", p.legalBasis().stream().map(LegalBasis::number).toList()), p.onlineUrl(),
                    p.decision(), p.site().id(), p.absoluteUrl(),
                    p.lastModified() == null ? null : p.lastModified().toString()), row);
            out.append(row);
        }
    }
}
