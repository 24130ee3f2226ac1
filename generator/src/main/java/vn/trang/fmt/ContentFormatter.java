package vn.trang.fmt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.trang.diag.Diagnostic;
import vn.trang.diag.Diagnostics;
import vn.trang.diag.Severity;
import vn.trang.diag.SourcePos;
import vn.trang.editor.CollectionFields;
import vn.trang.load.ContentScanner;
import vn.trang.load.ContentSet;
import vn.trang.load.InputFiles;
import vn.trang.load.SiteRegistry;
import vn.trang.load.SiteRegistryLoader;
import vn.trang.load.SourceFile;
import vn.trang.markdown.MarkdownRenderer;
import vn.trang.model.Item;
import vn.trang.model.LegalDocument;
import vn.trang.model.Section;
import vn.trang.parse.ContentParser;

/**
 * {@code trang fmt}: every content file of the project ({@code content/}), or of one site, in
 * the long forms the browser editor reads. A file the parser refuses gets its diagnostics and is
 * left alone; so is anything that is not a regular file inside the project. A file is replaced
 * whole (written beside it, then moved over it), so a reader never sees half of it.
 */
public final class ContentFormatter {

    /**
     * @param findings  each value in a short form (rewritten, or to rewrite with {@code --check})
     * @param problems  files left as they are, and why
     * @param rewritten the files written (none with {@code --check})
     */
    public record Report(List<Diagnostic> findings, List<Diagnostic> problems, List<String> rewritten, int files) {
    }

    private final ContentParser parser = new ContentParser(new MarkdownRenderer());

    /**
     * @param only  a site's id, or null for every site
     * @param write false to only say what would change
     * @return empty when the site registry is invalid or {@code only} names no site (reported)
     */
    public Optional<Report> run(Path root, String only, boolean write, Diagnostics d) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        Optional<SiteRegistry> registry = new SiteRegistryLoader().load(base.resolve("sites"), base, d);
        if (registry.isEmpty()) {
            return Optional.empty();
        }
        if (only != null && registry.get().byId(only).isEmpty()) {
            d.error(SourcePos.of("sites/" + only + ".yml"), "không có trang '" + only + "'", "mã một trang trong sites/",
                    "xem danh sách tệp trong sites/");
            return Optional.empty();
        }
        // every site's documents: a relation may name any of them, as in the generated config
        ContentSet content = new ContentScanner().scan(registry.get(), base.resolve("content"), base, null, d);
        List<LegalDocument> catalog = new ArrayList<>();
        Map<SourceFile, byte[]> accepted = new LinkedHashMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        d.list().stream().filter(Diagnostic::isError)
                .filter(x -> only == null || x.file().startsWith("content/" + only + "/")).forEach(problems::add);
        for (SourceFile s : content.sources()) {
            boolean mine = only == null || s.site().id().equals(only);
            byte[] bytes = read(s, problems);
            if (bytes == null) {
                continue;
            }
            Diagnostics local = new Diagnostics();
            Optional<Item> item = parser.parse(s, bytes, local);
            if (item.isPresent() && item.get() instanceof LegalDocument doc) {
                catalog.add(doc);
            }
            if (mine && item.isPresent()) {
                accepted.put(s, bytes);
            } else if (mine) {
                local.list().stream().filter(Diagnostic::isError).forEach(problems::add);
            }
        }
        Map<Section, List<Map<String, Object>>> fields = new EnumMap<>(Section.class);
        List<Diagnostic> findings = new ArrayList<>();
        List<String> rewritten = new ArrayList<>();
        for (Map.Entry<SourceFile, byte[]> e : accepted.entrySet()) {
            SourceFile s = e.getKey();
            List<Map<String, Object>> f = fields.computeIfAbsent(s.section(), sec -> CollectionFields.of(sec, catalog));
            FrontMatterRewrite.Outcome o = FrontMatterRewrite.of(s, e.getValue(), f, parser);
            findings.addAll(o.findings());
            problems.addAll(o.problems());
            if (write && o.text() != null) {
                String refused = SafeWrite.replace(base, s.path(), e.getValue(), o.text());
                if (refused == null) {
                    rewritten.add(s.display());
                } else {
                    problems.add(new Diagnostic(Severity.ERROR, s.display(), 0, 0, refused, null, null));
                }
            }
        }
        return Optional.of(new Report(findings, problems, rewritten, accepted.size()));
    }

    private static byte[] read(SourceFile s, List<Diagnostic> problems) {
        try {
            return InputFiles.readAllBytes(s.path());
        } catch (IOException e) {
            problems.add(new Diagnostic(Severity.ERROR, s.display(), 0, 0,
                    "không đọc được tệp: " + e.getMessage(), null, null));
            return null;
        }
    }
}
