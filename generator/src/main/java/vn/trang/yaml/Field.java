package vn.trang.yaml;

/**
 * One key of a YAML schema.
 *
 * @param example a complete example line, e.g. {@code issued: 2019-04-19}, shown in diagnostics
 */
public record Field(String key, FieldType type, boolean required, String example) {

    public static Field required(String key, FieldType type, String example) {
        return new Field(key, type, true, example);
    }

    public static Field optional(String key, FieldType type, String example) {
        return new Field(key, type, false, example);
    }
}
