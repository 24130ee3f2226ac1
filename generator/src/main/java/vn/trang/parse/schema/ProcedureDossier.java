package vn.trang.parse.schema;

import java.util.ArrayList;
import java.util.List;

import vn.trang.load.SourceFile;
import vn.trang.model.DocumentFile;
import vn.trang.model.DossierCase;
import vn.trang.model.DossierPaper;
import vn.trang.model.ItemMeta;
import vn.trang.yaml.Field;
import vn.trang.yaml.FieldType;
import vn.trang.yaml.YamlMap;

/**
 * A procedure's {@code dossier} (thành phần hồ sơ): the papers a citizen hands in, grouped by case
 * when they differ between cases, each with its form (a file beside the Markdown) and how many
 * originals and copies.
 */
final class ProcedureDossier {

    private ProcedureDossier() {
    }

    // dossier: […] — cases, or papers directly (one unnamed case)
    static final Field CASE_NAME = Field.optional("case", FieldType.TEXT, "case: Trường hợp ủy quyền nộp hồ sơ");
    static final Field CASE_PAPERS = Field.required("papers", FieldType.MAP_LIST,
            "papers: [{name: Đơn đề nghị, originals: 1, copies: 0}]");
    static final List<Field> CASE_FIELDS = List.of(CASE_NAME, CASE_PAPERS);
    static final Field PAPER_NAME = Field.required("name", FieldType.TEXT, "name: Đơn đề nghị cấp giấy phép xây dựng");
    static final Field PAPER_FORM = Field.optional("form", FieldType.TEXT, "form: mau-01-don-de-nghi.docx");
    static final Field PAPER_ORIGINALS = Field.optional("originals", FieldType.INTEGER, "originals: 1");
    static final Field PAPER_COPIES = Field.optional("copies", FieldType.INTEGER, "copies: 0");
    static final Field PAPER_NOTE = Field.optional("note", FieldType.TEXT, "note: Bản sao có chứng thực");
    static final List<Field> PAPER_FIELDS = List.of(PAPER_NAME, PAPER_FORM, PAPER_ORIGINALS, PAPER_COPIES, PAPER_NOTE);

    /**
     * The {@code dossier} list: either every element is a case ({@code case}, {@code papers}) or
     * every element is a paper, which makes one unnamed case; a mix is an error at the stray paper.
     *
     * @param source the content file (forms are resolved beside it), null when there is none
     * @param looked where each form file is noted as one the item depends on
     */
    static List<DossierCase> read(List<YamlMap> items, ItemMeta meta, SourceFile source, FileDependencies looked) {
        if (items.isEmpty()) {
            return List.of();
        }
        boolean cases = items.stream().anyMatch(ProcedureDossier::isCase);
        if (!cases) {
            List<DossierPaper> papers = new ArrayList<>();
            for (YamlMap p : items) {
                papers.add(paper(p, meta, source, looked));
            }
            return List.of(new DossierCase(null, papers));
        }
        List<DossierCase> out = new ArrayList<>();
        for (YamlMap c : items) {
            if (!isCase(c)) {
                c.diagnostics().error(c.pos(), "giấy tờ nằm lẫn giữa các trường hợp của thành phần hồ sơ",
                        "hoặc mọi phần tử của dossier là một trường hợp (case, papers), hoặc mọi phần tử là một giấy tờ (name, originals, copies)",
                        "chuyển giấy tờ này vào papers của một trường hợp, ví dụ: - case: Trường hợp ủy quyền");
                continue;
            }
            c.rejectUnknown(CASE_FIELDS, "một trường hợp của thành phần hồ sơ (dossier)");
            // A case without a name holds the papers every case needs (the national portal's "--").
            String name = c.text(CASE_NAME);
            List<YamlMap> paperMaps = c.mapList(CASE_PAPERS);
            if (paperMaps.isEmpty() && c.has("papers")) {
                c.diagnostics().error(c.valuePos("papers"), "trường hợp không có giấy tờ nào",
                        "papers là danh sách giấy tờ, mỗi giấy tờ có name", "ví dụ: " + CASE_PAPERS.example());
            }
            List<DossierPaper> papers = new ArrayList<>();
            for (YamlMap p : paperMaps) {
                papers.add(paper(p, meta, source, looked));
            }
            out.add(new DossierCase(name, papers));
        }
        return out;
    }

    private static boolean isCase(YamlMap m) {
        return m.keys().contains("papers") || m.keys().contains("case");
    }

    private static DossierPaper paper(YamlMap p, ItemMeta meta, SourceFile source, FileDependencies looked) {
        p.rejectUnknown(PAPER_FIELDS, "một giấy tờ của thành phần hồ sơ (dossier)");
        String name = p.text(PAPER_NAME);
        String formName = p.text(PAPER_FORM);
        DocumentFile form = null;
        if (formName != null && source != null) {
            form = AttachedFiles.resolve(formName, null, source, meta.folderUrl(), p.valuePos("form"), p.diagnostics(), looked)
                    .orElse(null);
        }
        Integer originals = count(p, PAPER_ORIGINALS);
        Integer copies = count(p, PAPER_COPIES);
        return new DossierPaper(name, form, originals, copies, p.text(PAPER_NOTE));
    }

    private static Integer count(YamlMap p, Field f) {
        Integer n = p.integer(f);
        if (n != null && (n < 0 || n > 99)) {
            p.diagnostics().error(p.valuePos(f.key()), "số lượng " + f.key() + " = " + n + " không hợp lý",
                    "số bản từ 0 đến 99", "ví dụ: " + f.example());
            return null;
        }
        return n;
    }
}
