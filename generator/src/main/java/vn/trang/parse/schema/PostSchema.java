package vn.trang.parse.schema;

import java.time.LocalDate;
import java.util.List;

import vn.trang.model.Item;
import vn.trang.model.ItemMeta;
import vn.trang.model.Post;
import vn.trang.model.Section;
import vn.trang.yaml.Field;
import vn.trang.yaml.FieldType;
import vn.trang.yaml.YamlMap;

/** Front matter of the NĐ 42/2022 categories that are dated posts; drafts and Q&A add fields. */
public final class PostSchema implements ItemSchema {

    static final Field OPENS = Field.required("opens", FieldType.DATE, "opens: 2026-03-01");
    static final Field CLOSES = Field.required("closes", FieldType.DATE, "closes: 2026-03-31");
    static final Field ASKER = Field.optional("asker", FieldType.TEXT, "asker: Ông Nguyễn Văn A, xã Tiên Du");
    static final Field ANSWERED = Field.optional("answered", FieldType.DATE, "answered: 2026-03-10");
    static final Field ANSWERED_BY = Field.optional("answered_by", FieldType.TEXT, "answered_by: Sở Tư pháp");

    private final Section section;

    public PostSchema(Section section) {
        this.section = section;
    }

    @Override
    public List<Field> fields() {
        return switch (section) {
            case CONSULTATIONS -> List.of(OPENS, CLOSES);
            case QUESTIONS -> List.of(ASKER, ANSWERED, ANSWERED_BY);
            default -> List.of();
        };
    }

    @Override
    public boolean dateRequired() {
        return true;
    }

    @Override
    public Item read(YamlMap y, ItemMeta meta, Prelude prelude) {
        LocalDate opens = null;
        LocalDate closes = null;
        String asker = null;
        LocalDate answered = null;
        String answeredBy = null;
        if (section == Section.CONSULTATIONS) {
            opens = y.date(OPENS);
            closes = y.date(CLOSES);
            if (opens != null && closes != null && closes.isBefore(opens)) {
                y.diagnostics().error(y.valuePos("closes"), "hạn góp ý " + closes + " trước ngày bắt đầu " + opens,
                        "closes không sớm hơn opens", "kiểm tra lại opens và closes");
            }
        } else if (section == Section.QUESTIONS) {
            asker = y.text(ASKER);
            answered = y.date(ANSWERED);
            answeredBy = y.text(ANSWERED_BY);
            if (answered != null && meta.date() != null && answered.isBefore(meta.date().toLocalDate())) {
                y.diagnostics().error(y.valuePos("answered"), "ngày trả lời " + answered + " trước ngày hỏi "
                        + meta.date().toLocalDate(), "answered không sớm hơn date", "kiểm tra lại answered và date");
            }
        }
        return new Post(meta, opens, closes, asker, answered, answeredBy);
    }
}
