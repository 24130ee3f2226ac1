package vn.trang.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.pipeline.BuildResult;

/**
 * The editor's script is copied from the project's npm install, once for all sites, and each
 * site's page loads it from there; without the install the page says how to get it, and the
 * build is as clean as before.
 */
class EditorFilesTest {

    private static final String DIST = EditorFiles.INSTALLED;

    @Test
    void theInstalledScriptIsPublishedOnceAndEverySitesPageLoadsIt(@TempDir Path tmp) throws IOException {
        Fixture f = Fixture.standard(tmp)
                .write(DIST + "decap-cms.js", "/* decap */")
                .write(DIST + "103.decap-cms.js", "/* chunk */")
                .write(DIST + "dd5d52671a5763720504.wasm", "wasm")
                .write(DIST + "decap-cms.js.LICENSE.txt", "MIT")
                .write(DIST + "103.decap-cms.js.map", "{}")
                .write(DIST + "cms.js", "/* the same build, other name */");
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        assertEquals(0, r.diagnostics().warningCount(), () -> Diags.dump(r.diagnostics()));
        try (Stream<Path> files = Files.list(f.out().resolve("_assets/decap-cms"))) {
            assertEquals(List.of("103.decap-cms.js", "dd5d52671a5763720504.wasm", "decap-cms.js", "decap-cms.js.LICENSE.txt"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        for (String site : List.of("", Fixture.DEPT + "/", Fixture.COMMUNE + "/")) {
            String page = Fixture.read(f.out().resolve(site + "quan-tri/index.html"));
            assertTrue(page.contains("<script src=\"/_assets/decap-cms/decap-cms.js\"></script>"), site);
            assertFalse(page.contains("http"), "nothing from another host: " + site);
            assertTrue(Files.isRegularFile(f.out().resolve(site + "quan-tri/config.yml")), site);
        }
    }

    @Test
    void withoutTheInstallThePageSaysHowToGetIt(@TempDir Path tmp) {
        Fixture f = Fixture.standard(tmp);
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        assertEquals(0, r.diagnostics().warningCount(), () -> Diags.dump(r.diagnostics()));
        assertFalse(Files.exists(f.out().resolve("_assets/decap-cms")));
        String page = Fixture.read(f.out().resolve(Fixture.DEPT + "/quan-tri/index.html"));
        assertFalse(page.contains("<script"));
        assertTrue(page.contains("cd editor &amp;&amp; npm ci"), page);
        assertTrue(page.contains("chưa được cài"), page);
    }

    @Test
    void aPageWhereTheEditorGoesIsAnError(@TempDir Path tmp) {
        Fixture f = Fixture.standard(tmp).page(Fixture.DEPT, "quan-tri", "Quản trị");
        BuildResult r = f.build();
        assertFalse(r.ok());
        assertTrue(r.diagnostics().list().stream().anyMatch(d -> d.message().contains("trang quản trị nội dung")),
                () -> Diags.dump(r.diagnostics()));
    }
}
