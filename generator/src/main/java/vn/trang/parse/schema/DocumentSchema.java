package vn.trang.parse.schema;

import java.time.LocalDate;
import java.util.List;

import vn.trang.model.Item;
import vn.trang.model.ItemMeta;
import vn.trang.model.LegalDocument;
import vn.trang.yaml.Field;
import vn.trang.yaml.FieldType;
import vn.trang.yaml.YamlMap;

/**
 * Front matter of {@code van-ban/}: the basic fields of a legal document. The title defaults to
 * "type number" (as vbpl.vn lists them) and the URL slug to the number, which never changes.
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

    /** vbpl.vn's status vocabulary (DESIGN.md §3). */
    public static final List<String> STATUSES = List.of("Còn hiệu lực", "Chưa có hiệu lực", "Hết hiệu lực một phần",
            "Hết hiệu lực toàn bộ", "Ngưng hiệu lực một phần", "Ngưng hiệu lực", "Không còn phù hợp", "Chưa xác định");

    @Override
    public List<Field> fields() {
        return List.of(NUMBER, DOC_TYPE, ISSUER, SIGNER, SIGNER_TITLE, ISSUED, EFFECTIVE, EXPIRES, STATUS, FIELDS, URL);
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
        String number = y.peek("number");
        String type = y.peek("doc_type");
        LocalDate issued = null;
        try {
            issued = y.peek("issued") == null ? null : LocalDate.parse(y.peek("issued"));
        } catch (java.time.format.DateTimeParseException e) {
            // reported by read()
        }
        String title = number == null || type == null ? null : type + " " + number;
        return new Prelude(title, number, issued == null ? null : issued.atStartOfDay());
    }

    @Override
    public Item read(YamlMap y, ItemMeta meta, Prelude prelude) {
        String number = y.text(NUMBER);
        LocalDate issued = y.date(ISSUED);
        if (number != null && (number.contains(" ") || !number.contains("/"))) {
            y.diagnostics().error(y.valuePos("number"), "số hiệu '" + number + "' không đúng dạng",
                    "số/ký hiệu không có khoảng trắng, ví dụ 06/CT-UBND, 25/2025/QĐ-UBND, 1234/UBND-VX",
                    "ví dụ: " + NUMBER.example());
        }
        String effectiveText = y.text(EFFECTIVE);
        LocalDate effective = null;
        String effectiveRule = null;
        if (effectiveText != null) {
            if (effectiveText.matches("\\d{4}-\\d{2}-\\d{2}")) {
                effective = y.date(EFFECTIVE_DATE);
            } else if (effectiveText.matches("[\\d/.-]+")) {
                y.diagnostics().error(y.valuePos("effective"), "ngày hiệu lực '" + effectiveText + "' không đúng dạng",
                        "một ngày dạng YYYY-MM-DD, hoặc một quy tắc bằng lời như \"10 ngày kể từ ngày ký\"",
                        "ví dụ: effective: 2019-04-29");
            } else {
                effectiveRule = effectiveText;
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
        if (status != null && !STATUSES.contains(status)) {
            y.diagnostics().error(y.valuePos("status"), "tình trạng hiệu lực '" + status + "' không có trong danh mục",
                    "một trong: " + String.join(", ", STATUSES), "ví dụ: " + STATUS.example());
        }
        String url = y.text(URL);
        if (url != null && !url.matches("https?://\\S+")) {
            y.diagnostics().error(y.valuePos("url"), "địa chỉ '" + url + "' không hợp lệ", "địa chỉ bắt đầu bằng https://",
                    "ví dụ: " + URL.example());
        }
        return new LegalDocument(meta, number, y.text(DOC_TYPE), y.text(ISSUER), y.text(SIGNER), y.text(SIGNER_TITLE),
                issued, effective, effectiveRule, expires, status, y.textList(FIELDS), url);
    }
}
