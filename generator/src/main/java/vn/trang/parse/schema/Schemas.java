package vn.trang.parse.schema;

import java.util.EnumMap;
import java.util.Map;

import vn.trang.model.Section;

/** Which schema reads which section. */
public final class Schemas {

    private static final Map<Section, ItemSchema> BY_SECTION = new EnumMap<>(Section.class);

    static {
        BY_SECTION.put(Section.NEWS, new NewsSchema());
        BY_SECTION.put(Section.DOCUMENTS, new DocumentSchema());
        BY_SECTION.put(Section.PROCEDURES, new ProcedureSchema());
        BY_SECTION.put(Section.PAGES, new PageSchema());
        for (Section s : Section.values()) {
            if (s.type().equals("post")) {
                BY_SECTION.put(s, new PostSchema(s));
            }
        }
    }

    private Schemas() {
    }

    public static ItemSchema of(Section section) {
        return BY_SECTION.get(section);
    }
}
