package vn.trang.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import freemarker.core.InvalidReferenceException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateModelIterator;
import freemarker.template.TemplateScalarModel;
import vn.trang.render.ViewModels.NavLink;
import vn.trang.text.DateFormats;

/** How a template sees a view: its fields and its layout's side by side, nothing else. */
class ViewWrapperTest {

    record Greeting(String name, List<String> tags) implements View {
    }

    record Titled(Layout layout, String heading) implements PageView {
    }

    record Hiding(Layout layout, String lang) implements PageView {
    }

    private static final Layout LAYOUT = new Layout(null, null, null, List.of(new NavLink("Trang chủ", "/", true)),
            List.of(), null, Map.of("home", "Trang chủ"), new DateFormats(), "/_assets/", "vi", "Trang dev", List.of(), null, "/");

    private static String render(String template, View view) throws Exception {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setObjectWrapper(new ViewWrapper());
        StringWriter out = new StringWriter();
        new Template("t.ftl", new StringReader(template), cfg).process(view, out);
        return out.toString();
    }

    @Test
    void aTemplateReadsTheViewsFields() throws Exception {
        assertEquals("Lan: a,b", render("${name}: ${tags?join(\",\")}", new Greeting("Lan", List.of("a", "b"))));
    }

    @Test
    void aPageReadsItsLayoutBesideItsOwnFields() throws Exception {
        assertEquals("Tin – vi – Trang chủ – /_assets/",
                render("${heading} – ${lang} – ${nav[0].title} – ${assets}", new Titled(LAYOUT, "Tin")));
        assertEquals(List.of("heading", "site", "portal", "parent", "nav", "breadcrumbs", "page", "t", "fmt", "assets",
                "lang", "generator", "alternates", "languageSwitch", "home"), ViewWrapper.names(Titled.class));
    }

    @Test
    void aNameTheViewDoesNotHaveIsMissingNotEmpty() throws Exception {
        assertEquals("none", render("${layout!\"none\"}", new Titled(LAYOUT, "Tin")));
        InvalidReferenceException e = assertThrows(InvalidReferenceException.class,
                () -> render("<p>\n${author}</p>", new Greeting("Lan", List.of())));
        assertEquals(2, e.getLineNumber());
        assertTrue(e.getMessage().contains("author"), e.getMessage());
    }

    @Test
    void aNullFieldIsMissingToo() throws Exception {
        assertEquals("?", render("${name!\"?\"}", new Greeting(null, List.of())));
        assertThrows(InvalidReferenceException.class, () -> render("${name}", new Greeting(null, List.of())));
    }

    @Test
    void aViewIsAHashOfItsFields() throws Exception {
        TemplateHashModelEx hash = (TemplateHashModelEx) new ViewWrapper().wrap(new Greeting("Lan", List.of()));
        assertEquals(2, hash.size());
        List<String> keys = new ArrayList<>();
        for (TemplateModelIterator i = hash.keys().iterator(); i.hasNext(); ) {
            keys.add(((TemplateScalarModel) i.next()).getAsString());
        }
        assertEquals(List.of("name", "tags"), keys);
        assertNull(hash.get("other"));
    }

    @Test
    void aFieldThatHidesTheLayoutsIsRefused() {
        assertThrows(IllegalStateException.class, () -> ViewWrapper.names(Hiding.class));
    }
}
