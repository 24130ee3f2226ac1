package vn.trang.parse.schema;

import java.util.List;

import vn.trang.model.ImplementingLevel;
import vn.trang.model.Item;
import vn.trang.model.ItemMeta;
import vn.trang.model.Procedure;
import vn.trang.model.ServiceLevel;
import vn.trang.yaml.Field;
import vn.trang.yaml.FieldType;
import vn.trang.yaml.YamlMap;

/** Front matter of {@code thu-tuc/}: the basic fields of an administrative procedure. */
public final class ProcedureSchema implements ItemSchema {

    static final Field CODE = Field.required("code", FieldType.TEXT, "code: \"1.009994\"");
    static final Field FIELD = Field.required("field", FieldType.TEXT, "field: Hoạt động xây dựng");
    static final Field LEVEL = Field.required("level", FieldType.TEXT, "level: toan-trinh");
    static final Field IMPLEMENTING = Field.optional("implementing_level", FieldType.TEXT, "implementing_level: tinh");
    static final Field AGENCY = Field.optional("agency", FieldType.TEXT, "agency: Sở Xây dựng");
    static final Field TIME = Field.optional("processing_time", FieldType.TEXT, "processing_time: 20 ngày làm việc");
    static final Field FEES = Field.optional("fees", FieldType.TEXT, "fees: 150.000 đồng/giấy phép");
    static final Field RESULT = Field.optional("result", FieldType.TEXT, "result: Giấy phép xây dựng");
    static final Field ONLINE_URL = Field.optional("online_url", FieldType.TEXT, "online_url: https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.009994");

    @Override
    public List<Field> fields() {
        return List.of(CODE, FIELD, LEVEL, IMPLEMENTING, AGENCY, TIME, FEES, RESULT, ONLINE_URL);
    }

    @Override
    public Item read(YamlMap y, ItemMeta meta, Prelude prelude) {
        String code = y.text(CODE);
        if (code != null && !code.matches("\\d\\.\\d{6}(\\.\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2})?")) {
            y.diagnostics().error(y.valuePos("code"), "mã thủ tục '" + code + "' không đúng dạng",
                    "mã quốc gia dạng 1.000894, hoặc mã của tỉnh dạng 1.000894.000.00.00.H38 (đặt trong ngoặc kép)",
                    "ví dụ: " + CODE.example());
        }
        String levelText = y.text(LEVEL);
        ServiceLevel level = null;
        if (levelText != null) {
            level = ServiceLevel.parse(levelText).orElse(null);
            if (level == null) {
                y.diagnostics().error(y.valuePos("level"), "mức độ dịch vụ công '" + levelText + "' không hợp lệ",
                        "toan-trinh hoặc mot-phan (nội dung cũ: 1, 2, 3, 4)", "ví dụ: " + LEVEL.example());
            }
        }
        String implText = y.text(IMPLEMENTING);
        ImplementingLevel impl = null;
        if (implText != null) {
            impl = ImplementingLevel.parse(implText).orElse(null);
            if (impl == null) {
                y.diagnostics().error(y.valuePos("implementing_level"), "cấp thực hiện '" + implText + "' không hợp lệ",
                        "tinh, xa hoặc huyen", "ví dụ: " + IMPLEMENTING.example());
            }
        }
        String url = y.text(ONLINE_URL);
        if (url != null && !url.matches("https?://\\S+")) {
            y.diagnostics().error(y.valuePos("online_url"), "địa chỉ nộp trực tuyến '" + url + "' không hợp lệ",
                    "địa chỉ bắt đầu bằng https://", "ví dụ: " + ONLINE_URL.example());
        }
        return new Procedure(meta, code, y.text(FIELD), level, impl, y.text(AGENCY), y.text(TIME), y.text(FEES),
                y.text(RESULT), url);
    }
}
