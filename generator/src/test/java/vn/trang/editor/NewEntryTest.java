package vn.trang.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.trang.editor.EditorConfigs.collection;
import static vn.trang.editor.EditorConfigs.fields;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.model.Section;
import vn.trang.pipeline.BuildResult;

/**
 * What Decap puts in a new item before the editor types anything: the fields' defaults, worked
 * out as Decap 3.16 does it (decap-cms-core, actions/entries.js, createEmptyDraftData). A list
 * whose items have a field with a default starts with one item, and when that item has an
 * empty required field the new item cannot be saved — the editor sees a red "No number" in a
 * collapsed group she never opened (seen in Chromium: a new document with 11 such relations).
 */
class NewEntryTest {

    @TempDir
    Path tmp;

    @Test
    void aNewItemOfEverySectionStartsWithoutListItemsItsEditorMustFill() {
        Fixture f = Fixture.standard(tmp).document(Fixture.DEPT, "06-ct-ubnd", "06/CT-UBND", "Chỉ thị", "2025-04-19");
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        Map<String, Object> config = EditorConfigs.read(f.out(), Fixture.DEPT + "/");
        List<String> prefilled = new ArrayList<>();
        for (Section s : Section.values()) {
            Map<String, Object> draft = emptyDraft(fields(collection(config, s.folder())));
            listItems(s.folder(), draft, prefilled);
        }
        assertEquals(List.of(), prefilled, "lists a new item starts with (Decap then asks for their required fields)");
    }

    @Test
    void theEmptyListsANewProcedureIsSavedWithBuildClean() {
        Fixture f = Fixture.standard(tmp).procedure(Fixture.DEPT, "cap-phep", "Cấp phép", "1.000894",
                "dossier: []", "legal_basis: []");
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        assertEquals(0, r.diagnostics().warningCount(), () -> Diags.dump(r.diagnostics()));
    }

    /** decap-cms-core's createEmptyDraftData, on the config as Decap reads it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> emptyDraft(List<Map<String, Object>> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map<String, Object> f : fields) {
            Object sub = f.containsKey("fields") ? f.get("fields") : f.get("field");
            boolean list = "list".equals(f.get("widget"));
            String name = (String) f.get("name");
            Object byDefault = f.get("default");
            if (sub != null) {
                if (list && byDefault instanceof List) {
                    out.put(name, byDefault);
                } else {
                    List<Map<String, Object>> asList = sub instanceof List ? (List<Map<String, Object>>) sub
                            : List.of((Map<String, Object>) sub);
                    Object value = list ? List.of(emptyDraft(asList)) : emptyDraft(asList);
                    boolean empty = value.equals(Map.of()) || value.equals(List.of(Map.of()));
                    if (!empty) {
                        out.put(name, value);
                    }
                }
            } else if (byDefault != null) {
                out.put(name, byDefault);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void listItems(String where, Object value, List<String> found) {
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> listItems(where + "." + k, v, found));
        } else if (value instanceof List<?> l && !l.isEmpty()) {
            found.add(where + ": " + l);
        }
    }
}
