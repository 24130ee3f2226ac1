package vn.trang.procedure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.trang.legal.DocumentNumber;
import vn.trang.model.ChannelType;
import vn.trang.parse.schema.DocumentNumbers;
import vn.trang.parse.schema.ProcedureSchema;
import vn.trang.procedure.ChannelCell.Channel;
import vn.trang.procedure.DossierCell.Case;
import vn.trang.procedure.DossierCell.Paper;
import vn.trang.procedure.LegalBasisCell.Basis;
import vn.trang.procedure.OutcomeCell.Outcome;
import vn.trang.text.Slugs;

/**
 * One record of the national public service portal as the text of a {@code thu-tuc/} content
 * file: each cell read by its parser ({@link ChannelCell}, {@link DossierCell},
 * {@link LegalBasisCell}…) and written as front matter in the full procedure model. A cell that
 * cannot be split is kept as written in the body, with a warning; a record that is not a local
 * procedure throws {@link Unconvertible}.
 */
final class PortalRecordConverter {

    /** What the portal's {@code cap_thuc_hien} names map to; "Cấp bộ" and "Cơ quan khác" are not local. */
    private static final Map<String, String> LEVELS = Map.of("Cấp tỉnh", "tinh", "Cấp xã", "xa", "Cấp huyện", "huyen");

    private PortalRecordConverter() {
    }

    /** Something a converted record could not keep as a field: its category and what was kept instead. */
    record Warning(String category, String message) {
    }

    /** A cell kept as written, under its portal label, for the file's body. */
    private record Unsplit(String label, String text) {
    }

    /** A record converted to the content model, before its slug is settled. */
    record Converted(String code, String slugBase, String frontMatter, String body, List<Warning> warnings) {

        String text(String slug) {
            return "---\n" + frontMatter.replace("{{slug}}", slug) + "---\n\n" + body;
        }
    }

    /** Converts one record, or throws {@link Unconvertible} with the reason. */
    static Converted convert(Map<String, String> r) {
        String code = PortalText.oneLine(r.get("ma_thu_tuc"));
        String title = PortalText.oneLine(r.get("ten_thu_tuc"));
        if (code.isEmpty() || title.isEmpty()) {
            throw new Unconvertible("thieu", code.isEmpty() ? "bản ghi không có mã thủ tục" : "bản ghi không có tên thủ tục");
        }
        if (!code.matches(ProcedureSchema.CODE_PATTERN)) {
            throw new Unconvertible("ma", "mã thủ tục '" + code + "' không đúng dạng 1.000894");
        }
        String levelsText = PortalText.oneLine(r.get("cap_thuc_hien"));
        List<String> levels = new ArrayList<>();
        for (String l : levelsText.split("\\s*,\\s*")) {
            String id = LEVELS.get(l.strip());
            if (id != null && !levels.contains(id)) {
                levels.add(id);
            }
        }
        if (levels.isEmpty()) {
            throw new Unconvertible("cap", "chỉ thực hiện ở: " + (levelsText.isEmpty() ? "(không ghi cấp)" : levelsText));
        }
        List<Warning> warnings = new ArrayList<>();
        List<Unsplit> unsplit = new ArrayList<>();
        String decision = PortalText.orNull(PortalText.oneLine(r.get("so_quyet_dinh")));
        if (decision != null) {
            Optional<DocumentNumber> n = DocumentNumber.parse(decision);
            if (n.isPresent()) {
                decision = n.get().normalized();
            } else if (!DocumentNumbers.looksLikeNumber(decision)) {
                warnings.add(new Warning("quyet-dinh", "số quyết định công bố '" + PortalText.abbreviate(decision)
                        + "' không phải số hiệu văn bản" + KEPT));
                unsplit.add(new Unsplit("Số quyết định công bố", decision));
                decision = null;
            }
        }
        List<String> steps = StepsCell.parse(r.get("trinh_tu_thuc_hien"));
        String channelCell = r.get("cach_thuc_thuc_hien");
        List<Channel> channels = List.of();
        try {
            List<String> unitless = new ArrayList<>();
            channels = ChannelCell.parse(channelCell, unitless);
            unitless.forEach(w -> warnings.add(new Warning("thoi-han", w)));
        } catch (Unconvertible e) {
            warnings.add(new Warning(e.category, e.getMessage() + KEPT));
            unsplit.add(new Unsplit("Cách thức thực hiện", withoutHeader(channelCell, ChannelCell.HEADER)));
        }
        String dossierCell = r.get("thanh_phan_ho_so");
        List<Case> dossier = List.of();
        try {
            dossier = DossierCell.parse(dossierCell);
        } catch (Unconvertible e) {
            warnings.add(new Warning(e.category, e.getMessage() + KEPT));
            unsplit.add(new Unsplit("Thành phần hồ sơ", withoutHeader(dossierCell, DossierCell.HEADER)));
        }
        List<String> targets = TargetGroupsCell.parse(r.get("doi_tuong_thuc_hien"));
        LegalBasisCell.Result basisCell = LegalBasisCell.parse(r.get("can_cu_phap_ly"));
        List<Basis> basis = basisCell.rows();
        basisCell.warnings().forEach(w -> warnings.add(new Warning("can-cu", w)));
        basisCell.unsplit().forEach(t -> unsplit.add(new Unsplit("Căn cứ pháp lý", t)));
        Outcome outcome = OutcomeCell.parse(r.get("ket_qua_xu_ly"));
        String conditions = PortalText.orNull(r.get("yeu_cau_dieu_kien"));
        // A channel cell kept as text still tells whether the procedure is submitted online.
        boolean online = channels.stream().anyMatch(c -> c.type() == ChannelType.ONLINE)
                || unsplit.stream().anyMatch(u -> u.label().equals("Cách thức thực hiện") && u.text().contains("Trực tuyến"));

        YamlWriter y = new YamlWriter();
        y.field(0, "title", title);
        y.raw("slug: {{slug}}\n");
        y.raw("code: \"" + code + "\"\n");
        y.field(0, "decision", decision);
        // lists and groups in their long forms, as the browser editor reads them (trang fmt)
        y.list(0, "implementing_level", levels);
        y.field(0, "procedure_type", PortalText.orNull(PortalText.oneLine(r.get("loai_thu_tuc"))));
        String field = PortalText.orNull(PortalText.oneLine(r.get("linh_vuc")));
        y.field(0, "field", field == null ? "Chưa phân loại" : field);
        y.list(0, "steps", steps);
        if (!channels.isEmpty()) {
            y.open(0, "channels");
            for (Channel c : channels) {
                y.itemField(2, "type", c.type().id());
                y.field(4, "processing_time", c.time());
                y.field(4, "fee", c.fee());
                y.field(4, "description", c.description());
            }
        }
        if (!dossier.isEmpty()) {
            y.open(0, "dossier");
            for (Case k : dossier) {
                int indent = 6;
                if (k.name() != null) {
                    y.itemField(2, "case", k.name());
                    y.open(4, "papers");
                } else {
                    y.raw("  - papers:\n");
                }
                for (Paper p : k.papers()) {
                    y.itemField(indent, "name", p.name());
                    y.raw(" ".repeat(indent + 2) + "originals: " + p.originals() + "\n");
                    y.raw(" ".repeat(indent + 2) + "copies: " + p.copies() + "\n");
                    if (p.form() != null) {
                        y.field(indent + 2, "note", "Mẫu đơn, tờ khai trên Cổng Dịch vụ công quốc gia: " + p.form());
                    }
                }
            }
        }
        y.list(0, "target_groups", targets);
        String performing = PortalText.orNull(PortalText.oneLine(r.get("co_quan_thuc_hien")));
        String competent = PortalText.orNull(PortalText.oneLine(r.get("co_quan_co_tham_quyen")));
        String authorised = PortalText.orNull(PortalText.oneLine(r.get("co_quan_duoc_uy_quyen")));
        String coordinating = PortalText.orNull(PortalText.oneLine(r.get("co_quan_phoi_hop")));
        if (performing != null || competent != null || authorised != null || coordinating != null) {
            y.open(0, "agencies");
            y.list(2, "performing", one(performing));
            y.list(2, "competent", one(competent));
            y.list(2, "authorised", one(authorised));
            y.list(2, "coordinating", one(coordinating));
        }
        y.field(0, "reception_address", PortalText.orNull(PortalText.oneLine(r.get("dia_chi_tiep_nhan"))));
        y.list(0, "result", outcome.results());
        if (!basis.isEmpty()) {
            y.open(0, "legal_basis");
            for (Basis b : basis) {
                y.itemField(2, "number", b.number());
                y.field(4, "title", b.title());
            }
        }
        y.field(0, "conditions", conditions == null ? null : PortalText.markdown(conditions));
        y.field(0, "level", online ? "mot-phan" : "thong-tin");
        String url = PortalText.orNull(PortalText.oneLine(r.get("detail_url")));
        if (url != null && url.matches("https?://\\S+")) {
            y.field(0, "source_url", url);
        }
        y.list(0, "keywords", outcome.keywords());
        String body = "Nhập từ Cổng Dịch vụ công quốc gia (mã " + code + ") bằng `trang import tthc`."
                + " Mức độ dịch vụ công trực tuyến, địa chỉ nộp hồ sơ trực tuyến và mẫu đơn, tờ khai cần được đối chiếu"
                + " với quyết định công bố của tỉnh trước khi đăng.\n";
        if (!unsplit.isEmpty()) {
            StringBuilder sb = new StringBuilder(body);
            sb.append("\n**Chưa tách được thành trường** (nguyên văn trên Cổng Dịch vụ công quốc gia, cần biên tập lại):\n");
            for (Unsplit u : unsplit) {
                sb.append("\n**").append(u.label()).append(":**\n\n").append(PortalText.markdown(u.text())).append('\n');
            }
            body = sb.toString();
        }
        String slug = TthcImporter.cut(Slugs.slugify(title), 80);
        return new Converted(code, slug.isEmpty() ? Slugs.slugify(code) : slug, y.toString(), body, List.copyOf(warnings));
    }

    private static List<String> one(String value) {
        return value == null ? List.of() : List.of(value);
    }

    /** What a warning adds: where the text went. */
    private static final String KEPT = "; nguyên văn ghi trong phần nội dung";

    /** The cell's text without the portal's run-together table header. */
    private static String withoutHeader(String cell, String header) {
        String t = PortalText.clean(cell);
        return t.startsWith(header) ? t.substring(header.length()).strip() : t;
    }
}
