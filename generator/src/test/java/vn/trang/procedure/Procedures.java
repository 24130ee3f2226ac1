package vn.trang.procedure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.diag.Diagnostics;
import vn.trang.load.SiteRegistry;
import vn.trang.load.SiteRegistryLoader;
import vn.trang.load.SourceFile;
import vn.trang.markdown.MarkdownRenderer;
import vn.trang.model.Item;
import vn.trang.model.Procedure;
import vn.trang.model.Section;
import vn.trang.parse.ContentParser;

/** Parses procedure files of a fixture directly, without building. */
final class Procedures {

    private Procedures() {
    }

    static SiteRegistry registry(Fixture f) {
        Diagnostics d = new Diagnostics();
        return new SiteRegistryLoader().load(f.root.resolve("sites"), f.root, d)
                .orElseThrow(() -> new AssertionError(Diags.dump(d)));
    }

    /** Parses content/&lt;site&gt;/thu-tuc/&lt;name&gt;.md; the diagnostics go to d. */
    static Optional<Item> parse(Fixture f, String site, String name, Diagnostics d) {
        String rel = "content/" + site + "/thu-tuc/" + name + ".md";
        Path p = f.root.resolve(rel);
        SourceFile source = new SourceFile(registry(f).byId(site).orElseThrow(), Section.PROCEDURES, p, rel);
        return new ContentParser(new MarkdownRenderer()).parse(source, d);
    }

    /** Parses a file that must be valid, with no warnings either. */
    static Procedure valid(Fixture f, String site, String name) {
        Diagnostics d = new Diagnostics();
        Optional<Item> item = parse(f, site, name, d);
        assertTrue(d.list().isEmpty(), () -> Diags.dump(d));
        assertTrue(item.isPresent());
        return (Procedure) item.get();
    }

    /** Parses a file that must fail; returns its diagnostics. */
    static Diagnostics invalid(Fixture f, String site, String name) {
        Diagnostics d = new Diagnostics();
        Optional<Item> item = parse(f, site, name, d);
        assertFalse(item.isPresent(), "the file should have errors");
        assertTrue(d.hasErrors());
        return d;
    }
}
