package vn.trang.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.diag.Diagnostic;
import vn.trang.pipeline.BuildResult;

/**
 * A site's template override that reads a name its view does not have: a real project, a real
 * build. The build fails at the override's own file and line (not the default theme's template of
 * the same name), and the output is not replaced.
 */
class ThemeOverrideTest {

    @TempDir
    Path dir;

    @Test
    void aFieldTheViewDoesNotHaveFailsTheBuildAtTheOverridesLine() throws Exception {
        Fixture f = Fixture.standard(dir);
        f.news(Fixture.COMMUNE, "tin", "Tin đầu tiên", "2026-01-03");
        f.write("themes/overrides/" + Fixture.COMMUNE + "/templates/news.ftlh", "<#import \"layout.ftlh\" as layout>\n"
                + "<@layout.html>\n"
                + "<h1>${item.title}</h1>\n"
                + "<p>${item.title} (${readingTime} phút)</p>\n"
                + "</@layout.html>\n");

        BuildResult r = f.build();

        assertFalse(r.ok(), () -> Diags.dump(r.diagnostics()));
        List<Diagnostic> errors = r.diagnostics().list().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), () -> Diags.dump(errors));
        Diagnostic e = errors.get(0);
        assertEquals("themes/overrides/" + Fixture.COMMUNE + "/templates/news.ftlh", e.file().replace('\\', '/'),
                e::format);
        assertEquals(4, e.line(), e::format);
        assertTrue(e.format().contains("readingTime"), e::format);
        assertFalse(Files.exists(f.out().resolve(Fixture.COMMUNE + "/tin-tuc/tin-dau-tien/index.html")));
    }

    @Test
    void theSameOverrideWithAFieldTheViewHasBuilds() {
        Fixture f = Fixture.standard(dir);
        f.news(Fixture.COMMUNE, "tin", "Tin đầu tiên", "2026-01-03");
        f.write("themes/overrides/" + Fixture.COMMUNE + "/templates/news.ftlh", "<#import \"layout.ftlh\" as layout>\n"
                + "<@layout.html>\n"
                + "<h1>${item.title}</h1>\n"
                + "<p>${site.name}: ${page.title}</p>\n"
                + "</@layout.html>\n");

        BuildResult r = f.build();

        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        assertTrue(Fixture.read(f.out().resolve(Fixture.COMMUNE + "/tin-tuc/tin-dau-tien/index.html"))
                .contains("<p>Xã Bình Yên: Tin đầu tiên</p>"));
    }
}
