package vn.trang.parse.schema;

import java.util.List;

import vn.trang.yaml.Field;
import vn.trang.yaml.FieldType;

/** The keys every content type accepts. Required-ness varies by type (see {@link ItemSchema}). */
public final class CommonFields {

    public static final Field TITLE = Field.optional("title", FieldType.TEXT, "title: Hội nghị triển khai nhiệm vụ năm 2026");
    public static final Field SLUG = Field.optional("slug", FieldType.TEXT, "slug: hoi-nghi-trien-khai-nhiem-vu-2026");
    public static final Field SUMMARY = Field.optional("summary", FieldType.TEXT, "summary: Một hai câu tóm tắt nội dung.");
    public static final Field CHANGE_NOTE = Field.optional("change_note", FieldType.TEXT,
            "change_note: Bổ sung danh sách hồ sơ cần nộp.");
    public static final Field DATE = Field.optional("date", FieldType.DATE_TIME, "date: 2026-03-14");
    public static final Field UPDATED = Field.optional("updated", FieldType.DATE, "updated: 2026-03-20");
    public static final Field DRAFT = Field.optional("draft", FieldType.BOOLEAN, "draft: true");
    public static final Field SAMPLE = Field.optional("sample", FieldType.BOOLEAN, "sample: true");
    public static final Field PUBLISH_AT = Field.optional("publish_at", FieldType.DATE_TIME, "publish_at: 2026-03-14 07:00");
    public static final Field UNPUBLISH_AT = Field.optional("unpublish_at", FieldType.DATE_TIME,
            "unpublish_at: 2026-04-30 17:00");

    public static final List<Field> FIELDS = List.of(TITLE, SLUG, SUMMARY, DATE, UPDATED, DRAFT, SAMPLE, PUBLISH_AT,
            UNPUBLISH_AT, CHANGE_NOTE);

    private CommonFields() {
    }

    /** The same field, marked required, for types that need it. */
    public static Field required(Field f) {
        return new Field(f.key(), f.type(), true, f.example());
    }
}
