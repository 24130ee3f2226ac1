package vn.trang.editor;

import java.util.List;
import java.util.Map;

import vn.trang.model.LegalDocument;
import vn.trang.model.Section;

/** The fields of a section's collection in the generated config.yml, for checking files against them. */
public final class CollectionFields {

    private CollectionFields() {
    }

    /** @param catalog the documents a relation may name, as in the build ({@link EditorFiles#write}) */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> of(Section section, List<LegalDocument> catalog) {
        // every document for every relation: the shapes, not who may end what, are checked here
        List<Map<String, Object>> documents = Choices.documents(catalog);
        Map<String, Object> c = SectionCollection.of(section, section.folder(), new Widgets(documents, documents));
        return (List<Map<String, Object>>) c.get("fields");
    }
}
