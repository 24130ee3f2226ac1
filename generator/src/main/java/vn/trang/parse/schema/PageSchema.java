package vn.trang.parse.schema;

import java.util.List;

import vn.trang.model.Item;
import vn.trang.model.ItemMeta;
import vn.trang.model.Page;
import vn.trang.text.Slugs;
import vn.trang.yaml.Field;
import vn.trang.yaml.FieldType;
import vn.trang.yaml.YamlMap;

/** Front matter of {@code trang/}. */
public final class PageSchema implements ItemSchema {

    static final Field WEIGHT = Field.optional("weight", FieldType.INTEGER, "weight: 10");
    static final Field MENU = Field.optional("menu", FieldType.BOOLEAN, "menu: true");
    /** {@code lang} is the HTML attribute's spelling; {@code language} the older key: both are read. */
    static final Field LANG = Field.optional("lang", FieldType.TEXT, "lang: en");
    static final Field LANGUAGE = Field.optional("language", FieldType.TEXT, "language: en");
    static final Field TRANSLATION_OF = Field.optional("translation_of", FieldType.TEXT, "translation_of: gioi-thieu");
    /** The languages a page may be written in. */
    public static final List<String> LANGUAGES = List.of("vi", "en");

    @Override
    public List<Field> fields() {
        return List.of(WEIGHT, MENU, LANG, LANGUAGE, TRANSLATION_OF);
    }

    @Override
    public Item read(YamlMap y, ItemMeta meta, Prelude prelude) {
        Integer weight = y.integer(WEIGHT);
        Boolean menu = y.bool(MENU);
        String lang = language(y, LANG);
        String language = language(y, LANGUAGE);
        if (lang != null && language != null && !lang.equals(language)) {
            y.diagnostics().error(y.valuePos("language"), "lang: " + lang + " và language: " + language
                    + " nói hai ngôn ngữ khác nhau", "một ngôn ngữ cho trang", "chỉ giữ một khóa, ví dụ: " + LANG.example());
        }
        String chosen = lang != null ? lang : language != null ? language : "vi";
        String translationOf = y.text(TRANSLATION_OF);
        if (translationOf != null && !Slugs.isValid(translationOf)) {
            y.diagnostics().error(y.valuePos("translation_of"), "translation_of '" + translationOf
                    + "' không phải tên tệp của một trang", "tên tệp không có .md, chữ thường và dấu gạch ngang",
                    "ví dụ: " + TRANSLATION_OF.example());
            translationOf = null;
        } else if (translationOf != null && !"en".equals(chosen)) {
            y.diagnostics().error(y.valuePos("translation_of"), "translation_of chỉ dùng cho trang tiếng Anh",
                    "lang: en trước translation_of", "thêm " + LANG.example() + " hoặc bỏ translation_of");
            translationOf = null;
        }
        return new Page(meta, weight == null ? 100 : weight, menu == null || menu, chosen, translationOf);
    }

    private static String language(YamlMap y, Field f) {
        String v = y.text(f);
        if (v != null && !LANGUAGES.contains(v)) {
            y.diagnostics().error(y.valuePos(f.key()), "ngôn ngữ '" + v + "' chưa hỗ trợ", "vi hoặc en",
                    "ví dụ: " + f.example());
            return null;
        }
        return v;
    }
}
