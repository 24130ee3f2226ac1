package vn.trang.parse.schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.legal.DocumentNumber;
import vn.trang.load.SourceFile;
import vn.trang.markdown.MarkdownRenderer;
import vn.trang.model.ChannelType;
import vn.trang.model.DocumentFile;
import vn.trang.model.DossierCase;
import vn.trang.model.ImplementingLevel;
import vn.trang.model.Item;
import vn.trang.model.ItemMeta;
import vn.trang.model.LegalBasis;
import vn.trang.model.Procedure;
import vn.trang.model.ProcedureAgencies;
import vn.trang.model.ProcedureChannel;
import vn.trang.model.ProcedureStep;
import vn.trang.model.ServiceLevel;
import vn.trang.text.PercentEncoding;
import vn.trang.yaml.Field;
import vn.trang.yaml.FieldType;
import vn.trang.yaml.YamlMap;

/**
 * Front matter of {@code thu-tuc/}: an administrative procedure with the fields of the national
 * public service portal, in its order (docs/DOMAIN.md#procedures). Channels and dossier are nested YAML; steps
 * and conditions are Markdown; forms are files beside the Markdown.
 */
public final class ProcedureSchema implements ItemSchema {

    static final Field CODE = Field.required("code", FieldType.TEXT, "code: \"1.009994\"");
    static final Field DECISION = Field.optional("decision", FieldType.TEXT, "decision: 1234/QĐ-UBND");
    static final Field IMPLEMENTING = Field.optional("implementing_level", FieldType.TEXT_LIST,
            "implementing_level: [tinh]");
    static final Field PROCEDURE_TYPE = Field.optional("procedure_type", FieldType.TEXT,
            "procedure_type: TTHC được luật giao quy định chi tiết");
    static final Field FIELD = Field.required("field", FieldType.TEXT, "field: Hoạt động xây dựng");
    static final Field STEPS = Field.optional("steps", FieldType.TEXT_LIST,
            "steps: [\"Nộp hồ sơ tại Trung tâm Phục vụ hành chính công\", \"Nhận kết quả\"]");
    static final Field CHANNELS = Field.optional("channels", FieldType.MAP_LIST,
            "channels: [{type: truc-tiep, processing_time: 20 ngày làm việc, fee: Miễn phí}]");
    static final Field DOSSIER = Field.optional("dossier", FieldType.MAP_LIST,
            "dossier: [{papers: [{name: Đơn đề nghị cấp giấy phép, originals: 1, copies: 0}]}]");
    static final Field TARGET_GROUPS = Field.optional("target_groups", FieldType.TEXT_LIST,
            "target_groups: [Công dân Việt Nam, Doanh nghiệp]");
    static final Field AGENCIES = Field.optional("agencies", FieldType.MAP,
            "agencies: {performing: [Sở Xây dựng], competent: [Ủy ban nhân dân tỉnh]}");
    static final Field RECEPTION_ADDRESS = Field.optional("reception_address", FieldType.TEXT,
            "reception_address: Trung tâm Phục vụ hành chính công tỉnh, số 11 đường Phù Đổng Thiên Vương");
    static final Field RESULT = Field.optional("result", FieldType.TEXT_LIST, "result: [Giấy phép xây dựng]");
    static final Field LEGAL_BASIS = Field.optional("legal_basis", FieldType.TEXT_LIST,
            "legal_basis: [{number: 50/2014/QH13}, {number: 15/2021/NĐ-CP, title: Nghị định quy định chi tiết một số nội dung về quản lý dự án đầu tư xây dựng}]");
    static final Field CONDITIONS = Field.optional("conditions", FieldType.TEXT,
            "conditions: Công trình phù hợp với quy hoạch được duyệt.");
    static final Field FORMS = Field.optional("forms", FieldType.TEXT_LIST, "forms: [{file: mau-01-don-de-nghi.docx}]");
    static final Field LEVEL = Field.required("level", FieldType.TEXT, "level: toan-trinh");
    static final Field ONLINE_URL = Field.optional("online_url", FieldType.TEXT,
            "online_url: https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.009994");
    static final Field SOURCE_URL = Field.optional("source_url", FieldType.TEXT,
            "source_url: https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfe-909f-769a-9283-87c608b8028e");
    static final Field KEYWORDS = Field.optional("keywords", FieldType.TEXT_LIST, "keywords: [giấy phép xây dựng, nhà ở]");

    /** Keys of the first, flat procedure format: accepted only to say where their values went. */
    static final Field OLD_AGENCY = Field.optional("agency", FieldType.TEXT, "agencies: {performing: Sở Xây dựng}");
    static final Field OLD_TIME = Field.optional("processing_time", FieldType.TEXT,
            "channels: [{type: truc-tiep, processing_time: 20 ngày làm việc}]");
    static final Field OLD_FEES = Field.optional("fees", FieldType.TEXT, "channels: [{type: truc-tiep, fee: Miễn phí}]");

    // channels: […]
    static final Field CH_TYPE = Field.required("type", FieldType.TEXT, "type: truc-tiep");
    static final Field CH_TIME = Field.optional("processing_time", FieldType.TEXT, "processing_time: 20 ngày làm việc");
    static final Field CH_FEE = Field.optional("fee", FieldType.TEXT, "fee: \"Lệ phí: 150.000 đồng/giấy phép\"");
    static final Field CH_DESCRIPTION = Field.optional("description", FieldType.TEXT,
            "description: Nộp tại Trung tâm Phục vụ hành chính công tỉnh");
    static final List<Field> CHANNEL_FIELDS = List.of(CH_TYPE, CH_TIME, CH_FEE, CH_DESCRIPTION);

    // agencies: {…}
    static final Field AG_PERFORMING = Field.optional("performing", FieldType.TEXT_LIST, "performing: [Sở Xây dựng]");
    static final Field AG_COMPETENT = Field.optional("competent", FieldType.TEXT_LIST, "competent: [Ủy ban nhân dân tỉnh]");
    static final Field AG_AUTHORISED = Field.optional("authorised", FieldType.TEXT_LIST, "authorised: [Sở Xây dựng]");
    static final Field AG_COORDINATING = Field.optional("coordinating", FieldType.TEXT_LIST,
            "coordinating: [Công an tỉnh, Sở Tài chính]");
    static final List<Field> AGENCY_FIELDS = List.of(AG_PERFORMING, AG_COMPETENT, AG_AUTHORISED, AG_COORDINATING);

    // legal_basis: [number | {number, title, issued}]
    static final Field LB_NUMBER = Field.required("number", FieldType.TEXT, "number: 15/2021/NĐ-CP");
    static final Field LB_TITLE = Field.optional("title", FieldType.TEXT,
            "title: Nghị định quy định chi tiết một số nội dung về quản lý dự án đầu tư xây dựng");
    static final Field LB_ISSUED = Field.optional("issued", FieldType.DATE, "issued: 2021-03-03");
    static final List<Field> BASIS_FIELDS = List.of(LB_NUMBER, LB_TITLE, LB_ISSUED);

    // forms: [file | {file, title}]
    static final Field FORM_FILE = Field.required("file", FieldType.TEXT, "file: mau-01-don-de-nghi.docx");
    static final Field FORM_TITLE = Field.optional("title", FieldType.TEXT, "title: Mẫu số 01 – Đơn đề nghị");
    static final List<Field> FORM_FIELDS = List.of(FORM_FILE, FORM_TITLE);

    /** National "1.000894", or a province's instance "1.000894.000.00.00.H38". */
    public static final String CODE_PATTERN = "\\d\\.\\d{6}(\\.\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2})?";

    /** Renders steps and conditions; configuration only (parser, renderer, safelist), no build data. */
    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();

    @Override
    public List<Field> fields() {
        return List.of(CODE, DECISION, IMPLEMENTING, PROCEDURE_TYPE, FIELD, STEPS, CHANNELS, DOSSIER, TARGET_GROUPS,
                AGENCIES, RECEPTION_ADDRESS, RESULT, LEGAL_BASIS, CONDITIONS, FORMS, LEVEL, ONLINE_URL, SOURCE_URL,
                KEYWORDS);
    }

    @Override
    public List<Field> retired() {
        return List.of(OLD_AGENCY, OLD_TIME, OLD_FEES);
    }

    @Override
    public Item read(YamlMap y, ItemMeta meta, Prelude prelude) {
        return read(y, meta, prelude, null, new FileDependencies());
    }

    @Override
    public Item read(YamlMap y, ItemMeta meta, Prelude prelude, SourceFile source, FileDependencies looked) {
        Diagnostics d = y.diagnostics();
        String code = y.text(CODE);
        if (code != null && !code.matches(CODE_PATTERN)) {
            d.error(y.valuePos("code"), "mã thủ tục '" + code + "' không đúng dạng",
                    "mã quốc gia dạng 1.000894, hoặc mã của tỉnh dạng 1.000894.000.00.00.H38 (đặt trong ngoặc kép)",
                    "ví dụ: " + CODE.example());
        }
        String decisionText = y.text(DECISION);
        String decision = decisionText == null ? null
                : DocumentNumbers.normalise(decisionText, y.valuePos("decision"), "số quyết định công bố", DECISION.example(), d)
                        .orElse(null);
        List<ImplementingLevel> levels = implementingLevels(y);
        String procedureType = y.text(PROCEDURE_TYPE);
        String field = y.text(FIELD);
        List<ProcedureStep> steps = steps(y, meta, source);
        List<ProcedureChannel> channels = new ArrayList<>();
        for (YamlMap c : y.mapList(CHANNELS)) {
            channels.add(channel(c));
        }
        List<DossierCase> dossier = ProcedureDossier.read(y.mapList(DOSSIER), meta, source, looked);
        List<String> targetGroups = y.textList(TARGET_GROUPS);
        ProcedureAgencies agencies = agencies(y);
        String receptionAddress = y.text(RECEPTION_ADDRESS);
        List<String> results = y.textList(RESULT);
        List<LegalBasis> basis = legalBasis(y);
        String conditions = y.text(CONDITIONS);
        String conditionsHtml = null;
        if (conditions != null && !conditions.isBlank()) {
            SourcePos at = y.valuePos("conditions");
            conditionsHtml = MARKDOWN.render(conditions, meta.folderUrl(), new ScalarPlacement(source, at, conditions), d);
        }
        List<DocumentFile> forms = forms(y, meta, source, looked);
        ServiceLevel level = serviceLevel(y);
        String onlineUrl = url(y, ONLINE_URL, "địa chỉ nộp trực tuyến");
        if (level != null && level.fullyOnline() && onlineUrl == null && !y.has("online_url")) {
            d.error(y.valuePos("level"), "thủ tục mức '" + level.id() + "' là dịch vụ công trực tuyến toàn trình nhưng thiếu địa chỉ nộp hồ sơ trực tuyến",
                    "online_url: địa chỉ https:// nơi người dân nộp hồ sơ trực tuyến (bắt buộc với toan-trinh và mức cũ muc-4)",
                    "thêm dòng: " + ONLINE_URL.example() + " — hoặc sửa level: mot-phan");
        }
        String sourceUrl = url(y, SOURCE_URL, "địa chỉ trang thủ tục trên Cổng Dịch vụ công");
        List<String> keywords = y.textList(KEYWORDS);
        oldKey(y, OLD_AGENCY, "cơ quan thực hiện nay ghi trong agencies: performing");
        oldKey(y, OLD_TIME, "thời hạn giải quyết nay ghi cho từng cách thức thực hiện trong channels");
        oldKey(y, OLD_FEES, "phí, lệ phí nay ghi cho từng cách thức thực hiện trong channels (khóa fee)");
        return new Procedure(meta, code, decision, field, level, levels, procedureType, steps, channels, dossier,
                targetGroups, agencies, receptionAddress, results, basis, conditions, conditionsHtml, forms, onlineUrl,
                sourceUrl, keywords);
    }

    private static void oldKey(YamlMap y, Field old, String where) {
        if (y.keys().contains(old.key())) {
            y.text(old);
            y.diagnostics().error(y.posOf(old.key()), "khóa '" + old.key() + "' thuộc định dạng thủ tục cũ: " + where,
                    "khai báo theo mô hình đầy đủ (docs/CONTENT.md, mục Procedure)", "ví dụ: " + old.example());
        }
    }

    private static List<ImplementingLevel> implementingLevels(YamlMap y) {
        List<ImplementingLevel> out = new ArrayList<>();
        for (YamlMap.Entry e : y.entries(IMPLEMENTING)) {
            if (e.text() == null) {
                y.diagnostics().error(e.pos(), "cấp thực hiện phải là tinh, xa hoặc huyen",
                        "một cấp, hoặc danh sách như [tinh, xa]", "ví dụ: " + IMPLEMENTING.example());
                continue;
            }
            Optional<ImplementingLevel> level = ImplementingLevel.parse(e.text());
            if (level.isEmpty()) {
                y.diagnostics().error(e.pos(), "cấp thực hiện '" + e.text() + "' không hợp lệ",
                        "tinh, xa hoặc huyen (một cấp, hoặc danh sách như [tinh, xa])", "ví dụ: " + IMPLEMENTING.example());
            } else if (!out.contains(level.get())) {
                out.add(level.get());
            }
        }
        return out;
    }

    private static ServiceLevel serviceLevel(YamlMap y) {
        String text = y.text(LEVEL);
        if (text == null) {
            return null;
        }
        ServiceLevel level = ServiceLevel.parse(text).orElse(null);
        if (level == null) {
            y.diagnostics().error(y.valuePos("level"), "mức độ dịch vụ công '" + text + "' không hợp lệ",
                    ServiceLevel.accepted(), "ví dụ: " + LEVEL.example());
        }
        return level;
    }

    private static String url(YamlMap y, Field f, String what) {
        String url = y.text(f);
        if (url != null && !url.matches("https?://\\S+")) {
            y.diagnostics().error(y.valuePos(f.key()), what + " '" + url + "' không hợp lệ",
                    "địa chỉ bắt đầu bằng https://", "ví dụ: " + f.example());
            return null;
        }
        return url == null ? null : PercentEncoding.url(url);
    }

    private static List<ProcedureStep> steps(YamlMap y, ItemMeta meta, SourceFile source) {
        List<ProcedureStep> out = new ArrayList<>();
        for (YamlMap.Entry e : y.entries(STEPS)) {
            if (e.text() == null) {
                y.diagnostics().error(e.pos(), "mỗi bước thực hiện là một đoạn văn bản (Markdown), không phải nhóm khóa: giá trị",
                        "steps là danh sách các bước, mỗi bước một dòng \"- …\"",
                        "viết: - Nộp hồ sơ tại Trung tâm Phục vụ hành chính công (đặt trong ngoặc kép nếu có dấu ':')");
                continue;
            }
            if (e.text().isBlank()) {
                continue;
            }
            String html = MARKDOWN.render(e.text(), meta.folderUrl(), new ScalarPlacement(source, e.pos(), e.text()),
                    y.diagnostics());
            out.add(new ProcedureStep(e.text(), html));
        }
        return out;
    }

    private static ProcedureChannel channel(YamlMap c) {
        c.rejectUnknown(CHANNEL_FIELDS, "một cách thức thực hiện (channels)");
        String typeText = c.text(CH_TYPE);
        ChannelType type = null;
        if (typeText != null) {
            type = ChannelType.parse(typeText).orElse(null);
            if (type == null) {
                c.diagnostics().error(c.valuePos("type"), "cách thức thực hiện '" + typeText + "' không có",
                        "một trong: " + ChannelType.ids() + " (trực tiếp, trực tuyến, bưu chính)",
                        "ví dụ: " + CH_TYPE.example());
            }
        }
        return new ProcedureChannel(type == null ? ChannelType.DIRECT : type, c.text(CH_TIME), c.text(CH_FEE),
                c.text(CH_DESCRIPTION));
    }

    private static ProcedureAgencies agencies(YamlMap y) {
        YamlMap a = y.map(AGENCIES);
        if (a == null) {
            return ProcedureAgencies.NONE;
        }
        a.rejectUnknown(AGENCY_FIELDS, "agencies (cơ quan thực hiện, có thẩm quyền, được ủy quyền, phối hợp)");
        return new ProcedureAgencies(a.textList(AG_PERFORMING), a.textList(AG_COMPETENT), a.textList(AG_AUTHORISED),
                a.textList(AG_COORDINATING));
    }

    private static List<LegalBasis> legalBasis(YamlMap y) {
        List<LegalBasis> out = new ArrayList<>();
        for (YamlMap.Entry e : y.entries(LEGAL_BASIS)) {
            String numberText;
            String title = null;
            LocalDate issued = null;
            SourcePos at;
            if (e.map() != null) {
                YamlMap m = e.map();
                m.rejectUnknown(BASIS_FIELDS, "một căn cứ pháp lý (legal_basis)");
                numberText = m.text(LB_NUMBER);
                title = m.text(LB_TITLE);
                issued = m.date(LB_ISSUED);
                at = m.valuePos("number");
            } else {
                numberText = e.text();
                at = e.pos();
            }
            if (numberText == null) {
                continue;
            }
            Optional<String> number = DocumentNumbers.normalise(numberText, at, "căn cứ pháp lý", LB_NUMBER.example(), y.diagnostics());
            if (number.isPresent()) {
                out.add(new LegalBasis(number.get(), title, issued, DocumentNumber.parse(number.get()).orElse(null)));
            }
        }
        return out;
    }

    private static List<DocumentFile> forms(YamlMap y, ItemMeta meta, SourceFile source,
                                            FileDependencies looked) {
        List<DocumentFile> out = new ArrayList<>();
        for (YamlMap.Entry e : y.entries(FORMS)) {
            String file;
            String title = null;
            SourcePos at;
            if (e.map() != null) {
                YamlMap m = e.map();
                m.rejectUnknown(FORM_FIELDS, "một mẫu đơn, tờ khai (forms)");
                file = m.text(FORM_FILE);
                title = m.text(FORM_TITLE);
                at = m.valuePos("file");
            } else {
                file = e.text();
                at = e.pos();
            }
            if (file == null || source == null) {
                continue;
            }
            AttachedFiles.resolve(file, title, source, meta.folderUrl(), at, y.diagnostics(), looked).ifPresent(out::add);
        }
        return out;
    }
}
