package vn.trang.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.model.Section;
import vn.trang.pipeline.BuildResult;

/**
 * What the editor saves, the build publishes: in every collection of a unit's config.yml, a
 * file with every widget filled, saved as Decap saves it, parses without a diagnostic and
 * becomes its page.
 */
class DecapRoundTripTest {

    @Test
    void aFileSavedWithEveryWidgetFilledParsesWithoutADiagnostic(@TempDir Path tmp) {
        Fixture f = Fixture.standard(tmp)
                .document(Fixture.DEPT, "06-ct-ubnd", "06/CT-UBND", "Chỉ thị", "2025-04-19")
                // the Vietnamese page the saved English page names as the page it translates
                .page(Fixture.DEPT, "gioi-thieu", "Giới thiệu");
        BuildResult first = f.build();
        assertTrue(first.ok(), () -> Diags.dump(first.diagnostics()));
        Map<String, Object> config = EditorConfigs.read(f.out(), Fixture.DEPT + "/");

        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        StringBuilder saved = new StringBuilder();
        for (Section s : Section.values()) {
            Map<String, Object> collection = EditorConfigs.collection(config, s.folder());
            Path folder = f.root.resolve((String) collection.get("folder"));
            String slug = "mau-" + s.folder();
            String text = new DecapEntry(folder, slug, today).write(collection);
            f.write(collection.get("folder") + "/" + slug + ".md", text);
            saved.append(text);
        }
        BuildResult r = f.build(tmp.resolve("public2"));
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()) + "\n" + saved);
        assertEquals(0, r.diagnostics().warningCount(), () -> Diags.dump(r.diagnostics()) + "\n" + saved);
        for (Section s : Section.values()) {
            String url = Fixture.DEPT + "/" + (s == Section.PAGES ? "" : s.folder() + "/") + "mau-" + s.folder() + "/index.html";
            assertTrue(Files.isRegularFile(tmp.resolve("public2").resolve(url)), url);
        }
        String doc = Fixture.read(tmp.resolve("public2").resolve(Fixture.DEPT + "/van-ban/mau-van-ban/index.html"));
        assertTrue(doc.contains("25/2026/QĐ-UBND"), "the number");
        assertTrue(doc.contains("06/CT-UBND"), "a relation");
        assertTrue(doc.contains("file-mau.pdf"), "an attachment uploaded beside the file");
    }
}
