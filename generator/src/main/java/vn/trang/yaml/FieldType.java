package vn.trang.yaml;

/** The value types a registry or front-matter key can have; each says how it is written. */
public enum FieldType {
    TEXT("một chuỗi ký tự"),
    DATE("một ngày dạng YYYY-MM-DD"),
    DATE_TIME("một ngày dạng YYYY-MM-DD hoặc \"YYYY-MM-DD HH:mm\""),
    BOOLEAN("true hoặc false"),
    INTEGER("một số nguyên"),
    TEXT_LIST("một danh sách chuỗi, ví dụ [A, B] hoặc mỗi dòng \"- A\""),
    MAP("một nhóm khóa: giá trị (viết thụt vào ở các dòng dưới)"),
    MAP_LIST("một danh sách các nhóm khóa: giá trị (mỗi phần tử bắt đầu bằng \"- \")");

    private final String description;

    FieldType(String description) {
        this.description = description;
    }

    /** How a value of this type is written, in Vietnamese, for "expected" lines. */
    public String description() {
        return description;
    }
}
