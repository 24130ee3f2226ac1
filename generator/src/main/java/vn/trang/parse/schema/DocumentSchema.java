package vn.trang.parse.schema;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import vn.trang.diag.SourcePos;
import vn.trang.legal.DocumentNumber;
import vn.trang.legal.DocumentTypes;
import vn.trang.legal.TypeCheck;
import vn.trang.load.SourceFile;
import vn.trang.model.DocumentFile;
import vn.trang.model.DocumentLinks;
import vn.trang.model.DocumentStatus;
import vn.trang.model.Item;
import vn.trang.model.ItemMeta;
import vn.trang.model.LegalDocument;
import vn.trang.model.Relation;
import vn.trang.model.RelationType;
import vn.trang.text.PercentEncoding;
import vn.trang.yaml.Field;
import vn.trang.yaml.FieldType;
import vn.trang.yaml.YamlMap;

/**
 * Front matter of {@code van-ban/}: a legal document's metadata as vbpl.vn shows it, its files
 * and its relations by number. The title defaults to "type number" (as vbpl.vn lists them) and
 * the URL slug to the number, which never changes.
 */
public final class DocumentSchema implements ItemSchema {

    static final Field NUMBER = Field.required("number", FieldType.TEXT, "number: 06/CT-UBND");
    static final Field DOC_TYPE = Field.required("doc_type", FieldType.TEXT, "doc_type: Chỉ thị");
    static final Field ISSUER = Field.required("issuer", FieldType.TEXT, "issuer: Ủy ban nhân dân tỉnh Bắc Ninh");
    static final Field SIGNER = Field.optional("signer", FieldType.TEXT, "signer: Nguyễn Tiến Nhường");
    static final Field SIGNER_TITLE = Field.optional("signer_title", FieldType.TEXT, "signer_title: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH");
    static final Field ISSUED = Field.required("issued", FieldType.DATE, "issued: 2019-04-19");
    static final Field EFFECTIVE = Field.optional("effective", FieldType.TEXT, "effective: 2019-04-19");
    private static final Field EFFECTIVE_DATE = Field.optional("effective", FieldType.DATE, "effective: 2019-04-19");
    static final Field EXPIRES = Field.optional("expires", FieldType.DATE, "expires: 2025-12-31");
    static final Field STATUS = Field.optional("status", FieldType.TEXT, "status: Còn hiệu lực");
    static final Field FIELDS = Field.optional("fields", FieldType.TEXT_LIST, "fields: [Công nghệ thông tin]");
    static final Field URL = Field.optional("url", FieldType.TEXT, "url: https://vbpl.vn/bacninh/Pages/vbpq-toanvan.aspx?ItemID=1");
    static final Field GAZETTE_NUMBER = Field.optional("gazette_number", FieldType.TEXT, "gazette_number: \"15+16\"");
    static final Field GAZETTE_DATE = Field.optional("gazette_date", FieldType.DATE, "gazette_date: 2019-05-02");
    static final Field FILES = Field.optional("files", FieldType.TEXT_LIST,
            "files:\n      - file: 06-ct-ubnd.pdf\n        title: Bản PDF có chữ ký số");
    static final Field RELATIONS = Field.optional("relations", FieldType.MAP,
            "relations:\n      can_cu: [{number: 43/2011/NĐ-CP}]\n      thay_the:\n        - number: 12/2019/QĐ-UBND");

    private static final Field FILE_NAME = Field.required("file", FieldType.TEXT, "file: 06-ct-ubnd.pdf");
    private static final Field FILE_TITLE = Field.optional("title", FieldType.TEXT, "title: Bản PDF có chữ ký số");
    private static final List<Field> FILE_SCHEMA = List.of(FILE_NAME, FILE_TITLE);

    private static final Field REL_NUMBER = Field.required("number", FieldType.TEXT, "number: 12/2019/QĐ-UBND");
    private static final Field REL_ISSUER = Field.optional("issuer", FieldType.TEXT, "issuer: Ủy ban nhân dân tỉnh Bắc Ninh");
    private static final Field REL_PARTIAL = Field.optional("partial", FieldType.BOOLEAN, "partial: true");
    private static final Field REL_NOTE = Field.optional("note", FieldType.TEXT, "note: Điều 5 và Điều 7");
    private static final List<Field> RELATION_SCHEMA = List.of(REL_NUMBER, REL_ISSUER, REL_PARTIAL, REL_NOTE);

    /** "10 ngày kể từ ngày ký", "45 ngày kể từ ngày ban hành". */
    private static final Pattern DAYS_AFTER = Pattern.compile("(?i).*?(\\d+)\\s*ngày\\s+kể\\s+từ\\s+ngày\\s+(ký|ban\\s+hành).*");
    /** "kể từ ngày ký", "có hiệu lực từ ngày ký ban hành". */
    private static final Pattern FROM_SIGNING = Pattern.compile("(?i).*\\b(kể\\s+)?từ\\s+ngày\\s+(ký|ban\\s+hành)\\b.*");
    /** "kể từ ngày 01/7/2025". */
    private static final Pattern FROM_DATE = Pattern.compile("(?i).*từ\\s+ngày\\s+(\\d{1,2})/(\\d{1,2})/(\\d{4}).*");

    /** vbpl.vn's status vocabulary (docs/DOMAIN.md#status). */
    public static final List<String> STATUSES = Arrays.stream(DocumentStatus.values()).map(DocumentStatus::label).toList();

    @Override
    public List<Field> fields() {
        return List.of(NUMBER, DOC_TYPE, ISSUER, SIGNER, SIGNER_TITLE, ISSUED, EFFECTIVE, EXPIRES, STATUS, FIELDS, URL,
                GAZETTE_NUMBER, GAZETTE_DATE, FILES, RELATIONS);
    }

    @Override
    public boolean titleRequired() {
        return false;
    }

    @Override
    public boolean summaryRequired() {
        return true;
    }

    @Override
    public Prelude prelude(YamlMap y) {
        // Peek only: read() reports problems with these keys, once.
        String raw = y.peek("number");
        String number = raw == null ? null : DocumentNumber.parse(raw).map(DocumentNumber::normalized).orElse(raw);
        String type = y.peek("doc_type");
        LocalDate issued = null;
        try {
            issued = y.peek("issued") == null ? null : LocalDate.parse(y.peek("issued"));
        } catch (DateTimeParseException e) {
            // reported by read()
        }
        String title = number == null || type == null ? null : type + " " + number;
        return new Prelude(title, number, issued == null ? null : issued.atStartOfDay());
    }

    @Override
    public Item read(YamlMap y, ItemMeta meta, Prelude prelude) {
        return read(y, meta, prelude, null, new FileDependencies());
    }

    @Override
    public Item read(YamlMap y, ItemMeta meta, Prelude prelude, SourceFile source, FileDependencies looked) {
        String rawNumber = y.text(NUMBER);
        String docType = y.text(DOC_TYPE);
        Optional<DocumentNumber> parsed = rawNumber == null ? Optional.empty() : DocumentNumber.parse(rawNumber);
        if (rawNumber != null && parsed.isEmpty()) {
            y.diagnostics().error(y.valuePos("number"), "số hiệu '" + rawNumber + "' không đúng dạng",
                    "số/năm/LOẠI-CƠ QUAN (25/2025/QĐ-UBND), số/LOẠI-CƠ QUAN (06/CT-UBND), công văn số/CƠ QUAN-ĐƠN VỊ"
                            + " (1234/UBND-VX) hoặc văn bản của Đảng số-LOẠI/CƠ QUAN (60-NQ/TW)",
                    "ví dụ: " + NUMBER.example());
        }
        if (parsed.isPresent() && docType != null) {
            TypeCheck check = DocumentTypes.checkTypeConsistency(parsed.get(), docType);
            if (check.mismatch()) {
                y.diagnostics().error(y.valuePos("doc_type"), check.message(),
                        "loại văn bản khớp với ký hiệu trong số hiệu: " + String.join(" hoặc ", check.expected()),
                        "viết doc_type: " + check.expected().get(0) + ", hoặc sửa số hiệu");
            }
        }
        // A metadata-only entry (a national document the province cites) may lack its date.
        boolean metadataOnly = meta.body().isBlank();
        LocalDate issued = y.date(metadataOnly ? Field.optional("issued", FieldType.DATE, ISSUED.example()) : ISSUED);
        LocalDate effective = null;
        String effectiveRule = null;
        String effectiveText = y.text(EFFECTIVE);
        if (effectiveText != null) {
            if (effectiveText.matches("\\d{4}-\\d{2}-\\d{2}")) {
                effective = y.date(EFFECTIVE_DATE);
            } else if (effectiveText.matches("[\\d/.-]+")) {
                y.diagnostics().error(y.valuePos("effective"), "ngày hiệu lực '" + effectiveText + "' không đúng dạng",
                        "một ngày dạng YYYY-MM-DD, hoặc một quy tắc bằng lời như \"10 ngày kể từ ngày ký\"",
                        "ví dụ: effective: 2019-04-29");
            } else {
                effectiveRule = effectiveText;
                effective = fromRule(effectiveText, issued);
            }
        }
        if (effective != null && issued != null && effective.isBefore(issued)) {
            y.diagnostics().error(y.valuePos("effective"), "ngày hiệu lực " + effective + " trước ngày ban hành " + issued,
                    "ngày hiệu lực không sớm hơn ngày ban hành", "kiểm tra lại effective và issued");
        }
        LocalDate expires = y.date(EXPIRES);
        if (expires != null && issued != null && expires.isBefore(issued)) {
            y.diagnostics().error(y.valuePos("expires"), "ngày hết hiệu lực " + expires + " trước ngày ban hành " + issued,
                    "ngày hết hiệu lực sau ngày ban hành", "kiểm tra lại expires và issued");
        }
        String status = y.text(STATUS);
        if (status != null && DocumentStatus.byLabel(status).isEmpty()) {
            y.diagnostics().error(y.valuePos("status"), "tình trạng hiệu lực '" + status + "' không có trong danh mục",
                    "một trong: " + String.join(", ", STATUSES), "ví dụ: " + STATUS.example());
        }
        if (status != null) {
            status = DocumentStatus.byLabel(status).map(DocumentStatus::label).orElse(status);
        }
        String url = y.text(URL);
        if (url != null && !url.matches("https?://\\S+")) {
            y.diagnostics().error(y.valuePos("url"), "địa chỉ '" + url + "' không hợp lệ", "địa chỉ bắt đầu bằng https://",
                    "ví dụ: " + URL.example());
        } else if (url != null) {
            url = PercentEncoding.url(url); // Vietnamese letters, quotes: as every reader of the page and the data reads them
        }
        LocalDate gazetteDate = y.date(GAZETTE_DATE);
        if (gazetteDate != null && issued != null && gazetteDate.isBefore(issued)) {
            y.diagnostics().error(y.valuePos("gazette_date"), "ngày đăng công báo " + gazetteDate + " trước ngày ban hành "
                    + issued, "ngày đăng công báo không sớm hơn ngày ban hành", "kiểm tra lại gazette_date");
        }
        List<String> fields = y.textList(FIELDS);
        for (String field : fields) {
            if (!field.isEmpty() && Character.isLowerCase(field.codePointAt(0))) {
                // [Cán bộ, công chức] is two YAML items: the comma split one field in two.
                y.diagnostics().warning(y.valuePos("fields"), "lĩnh vực \"" + field
                                + "\" bắt đầu bằng chữ thường: có thể dấu phẩy đã tách một lĩnh vực thành hai",
                        "mỗi lĩnh vực là một phần tử; lĩnh vực có dấu phẩy đặt trong ngoặc kép",
                        "ví dụ: fields: [\"Cán bộ, công chức, viên chức\"]");
            }
        }
        List<DocumentFile> files = source == null ? List.of() : files(y, meta, source, looked);
        List<Relation> relations = relations(y);
        if (parsed.isPresent() && relations.stream().anyMatch(r -> r.key().equals(parsed.get().key()))) {
            y.diagnostics().error(y.valuePos("relations"), "văn bản không thể có quan hệ với chính nó",
                    "số hiệu của văn bản khác", "xóa số hiệu " + parsed.get().normalized() + " khỏi relations");
        }
        return new LegalDocument(meta, parsed.map(DocumentNumber::normalized).orElse(rawNumber),
                parsed.map(DocumentNumber::key).orElse(rawNumber), docType, y.text(ISSUER), y.text(SIGNER),
                y.text(SIGNER_TITLE), issued, effective, effectiveRule, expires, status, fields, url,
                y.text(GAZETTE_NUMBER), gazetteDate, files, relations, DocumentLinks.UNLINKED);
    }

    /** The effective date a worded rule gives, or null when it cannot be computed. */
    static LocalDate fromRule(String rule, LocalDate issued) {
        Matcher days = DAYS_AFTER.matcher(rule);
        if (days.matches() && issued != null) {
            return issued.plusDays(Long.parseLong(days.group(1)));
        }
        Matcher date = FROM_DATE.matcher(rule);
        if (date.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(date.group(3)), Integer.parseInt(date.group(2)),
                        Integer.parseInt(date.group(1)));
            } catch (RuntimeException e) {
                return null;
            }
        }
        if (FROM_SIGNING.matcher(rule).matches() && issued != null) {
            return issued;
        }
        return null;
    }

    private List<DocumentFile> files(YamlMap y, ItemMeta meta, SourceFile source, FileDependencies looked) {
        List<DocumentFile> out = new ArrayList<>();
        // Each entry is a file name, or {file, title}.
        for (YamlMap.Entry e : y.entries(FILES)) {
            if (e.map() != null) {
                YamlMap m = e.map();
                m.rejectUnknown(FILE_SCHEMA, "tệp đính kèm");
                String name = m.text(FILE_NAME);
                if (name != null) {
                    AttachedFiles.resolve(name, m.text(FILE_TITLE), source, meta.folderUrl(), m.valuePos("file"),
                            y.diagnostics(), looked).ifPresent(out::add);
                }
            } else if (e.text() != null) {
                AttachedFiles.resolve(e.text(), null, source, meta.folderUrl(), e.pos(), y.diagnostics(), looked)
                        .ifPresent(out::add);
            }
        }
        return out;
    }

    private List<Relation> relations(YamlMap y) {
        List<Relation> out = new ArrayList<>();
        YamlMap rel = y.map(RELATIONS);
        if (rel == null) {
            return out;
        }
        String known = Arrays.stream(RelationType.values()).map(RelationType::key).collect(Collectors.joining(", "));
        for (String key : rel.keys()) {
            Optional<RelationType> type = RelationType.byKey(key);
            if (type.isEmpty()) {
                rel.diagnostics().error(rel.posOf(key), "loại quan hệ '" + key + "' không có",
                        "một trong: " + known, "ví dụ: thay_the: [{number: 12/2019/QĐ-UBND}]");
                continue;
            }
            Field f = Field.optional(key, FieldType.TEXT_LIST, key + ": [{number: 12/2019/QĐ-UBND}]");
            for (YamlMap.Entry e : rel.entries(f)) {
                String number;
                String issuer = null;
                boolean partial = false;
                String note = null;
                SourcePos pos;
                if (e.map() != null) {
                    YamlMap m = e.map();
                    m.rejectUnknown(RELATION_SCHEMA, "quan hệ văn bản");
                    number = m.text(REL_NUMBER);
                    issuer = m.text(REL_ISSUER);
                    partial = Boolean.TRUE.equals(m.bool(REL_PARTIAL));
                    note = m.text(REL_NOTE);
                    pos = m.valuePos("number");
                } else {
                    number = e.text();
                    pos = e.pos();
                }
                if (number == null) {
                    continue;
                }
                Optional<DocumentNumber> n = DocumentNumber.parse(number);
                if (n.isEmpty()) {
                    rel.diagnostics().error(pos, "'" + number + "' không phải số hiệu văn bản",
                            "số hiệu như 12/2019/QĐ-UBND, 06/CT-UBND, 43/2011/NĐ-CP", "sửa lại số hiệu");
                    continue;
                }
                out.add(new Relation(type.get(), n.get().normalized(), n.get().key(), issuer, partial, note, pos));
            }
        }
        return out;
    }
}
