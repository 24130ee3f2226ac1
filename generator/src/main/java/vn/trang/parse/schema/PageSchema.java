package vn.trang.parse.schema;

import java.util.List;

import vn.trang.model.Item;
import vn.trang.model.ItemMeta;
import vn.trang.model.Page;
import vn.trang.yaml.Field;
import vn.trang.yaml.FieldType;
import vn.trang.yaml.YamlMap;

/** Front matter of {@code trang/}. */
public final class PageSchema implements ItemSchema {

    static final Field WEIGHT = Field.optional("weight", FieldType.INTEGER, "weight: 10");
    static final Field MENU = Field.optional("menu", FieldType.BOOLEAN, "menu: true");
    static final Field LANGUAGE = Field.optional("language", FieldType.TEXT, "language: en");
    /** The languages a page may be written in. */
    public static final List<String> LANGUAGES = List.of("vi", "en");

    @Override
    public List<Field> fields() {
        return List.of(WEIGHT, MENU, LANGUAGE);
    }

    @Override
    public Item read(YamlMap y, ItemMeta meta, Prelude prelude) {
        Integer weight = y.integer(WEIGHT);
        Boolean menu = y.bool(MENU);
        String language = y.text(LANGUAGE);
        if (language != null && !LANGUAGES.contains(language)) {
            y.diagnostics().error(y.valuePos("language"), "ngôn ngữ '" + language + "' chưa hỗ trợ", "vi hoặc en",
                    "ví dụ: " + LANGUAGE.example());
            language = null;
        }
        return new Page(meta, weight == null ? 100 : weight, menu == null || menu, language == null ? "vi" : language);
    }
}
