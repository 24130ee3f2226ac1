package vn.trang.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import vn.trang.diag.Diagnostic;
import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.git.History;
import vn.trang.link.Catalog;
import vn.trang.link.DocumentLinker;
import vn.trang.load.SourceFile;
import vn.trang.markdown.MarkdownRenderer;
import vn.trang.model.Body;
import vn.trang.model.Item;
import vn.trang.model.Section;
import vn.trang.model.Site;
import vn.trang.parse.ContentParser;
import vn.trang.render.Output;
import vn.trang.render.Renderer;
import vn.trang.render.SitePlanner;

/**
 * One entry's page as the build makes it, from its text as the editor has it, without writing
 * anything: parsed by the build's parser and schema (with its limits: the time per file, the YAML
 * reader's), linked with the other items of the last successful build ({@link PreviewBasis}), in
 * place of the file of the same name, planned and rendered with the site's templates. Only the
 * entry's own diagnostics are kept; a body's citations link to the catalog's documents.
 *
 * <p>The page has no Git history ("Cập nhật lần cuối" comes from the entry's dates): the text is not
 * committed yet.
 */
public final class EntryPreview {

    /** A file name Decap (or an editor) gives an entry; anything else is previewed under {@link #NEW_FILE}. */
    private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,150}\\.md");
    static final String NEW_FILE = "bai-moi.md";

    /**
     * What the editor sends.
     *
     * @param site    the site's id
     * @param section the section's folder (the Decap collection's name): tin-tuc, van-ban…
     * @param path    the file's path in the repository, or null for an entry not saved yet; only
     *                its name is used, in the section's folder of the site
     * @param text    the whole file, UTF-8: front matter (YAML, or a JSON object, which is YAML) and Markdown
     */
    public record Entry(String site, String section, String path, byte[] text) {
    }

    /**
     * The answer.
     *
     * @param html        the page, or null when the entry's errors leave none (then only the diagnostics)
     * @param source      the file as the diagnostics name it
     * @param diagnostics the entry's own, in order
     */
    public record Page(String html, String source, List<Diagnostic> diagnostics) {
    }

    private final PreviewBasis basis;
    private final MarkdownRenderer markdown = new MarkdownRenderer();

    public EntryPreview(PreviewBasis basis) {
        this.basis = basis;
    }

    /** The entry's page; call it on a content thread ({@link ContentThreads}): the text is untrusted. */
    public Page render(Entry entry) {
        Diagnostics d = new Diagnostics();
        Optional<Site> site = basis.registry().byId(entry.site() == null ? "" : entry.site());
        Optional<Section> section = Section.byFolder(entry.section() == null ? "" : entry.section());
        if (site.isEmpty() || section.isEmpty()) {
            String what = site.isEmpty() ? "trang '" + entry.site() + "'" : "mục '" + entry.section() + "'";
            d.error(SourcePos.of("sites/"), "bản xem trước cho " + what + " không có trong lần dựng gần nhất",
                    "mã một trang trong sites/ và tên thư mục của một mục (tin-tuc, van-ban…)",
                    "mở lại trình soạn thảo từ trang quản trị của đơn vị");
            return new Page(null, "sites/", d.list());
        }
        String display = display(site.get(), section.get(), entry.path());
        SourceFile source = new SourceFile(site.get(), section.get(), basis.root().resolve(display), display);
        Optional<Item> parsed = new ContentParser(markdown, Body::of).parse(source,
                entry.text() == null ? new byte[0] : entry.text(), d);
        if (parsed.isEmpty()) {
            return new Page(null, display, d.list());
        }
        Item item = parsed.get();
        Visibility.placeholders(item, item.meta().publication(), basis.options().drafts(), d);
        Linked linked = link(item, display, d);
        SitePlanner planner = new SitePlanner(linked.catalog(), basis.theme(), History.NONE, basis.options().asOf(),
                basis.options().reviewDays());
        Output page = planner.itemPage(linked.item());
        byte[] html = new Renderer(basis.theme(), basis.root().relativize(basis.theme().dir()), 1)
                .renderOne(page, d, new HashSet<>());
        return new Page(html == null ? null : new String(html, StandardCharsets.UTF_8), display, d.list());
    }

    /** The file as diagnostics name it: the entry's name in the site's folder of the section. */
    static String display(Site site, Section section, String path) {
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return "content/" + site.id() + "/" + section.folder() + "/" + (FILE_NAME.matcher(name).matches() ? name : NEW_FILE);
    }

    /** The entry after linking, and the catalog it was linked in. */
    private record Linked(Item item, Catalog catalog) {
    }

    /**
     * The entry linked with the last build's items, in place of its own file there. The others'
     * bodies are taken as they are: only the entry's citations are linked, only its diagnostics kept.
     */
    private Linked link(Item entry, String display, Diagnostics d) {
        List<Item> items = new ArrayList<>(basis.items().size() + 1);
        for (Item i : basis.items()) {
            if (!i.meta().source().equals(display)) {
                items.add(i);
            }
        }
        int at = items.size();
        items.add(entry);
        DocumentLinker.LinkMemo others = new DocumentLinker.LinkMemo() {
            @Override
            public Body recall(Item item, Function<String, String> target) {
                return item == entry ? null : item.meta().body();
            }

            @Override
            public Body remember(Item item, Map<String, String> targets, String html) {
                return html == null ? item.meta().body() : Body.of(html);
            }
        };
        Diagnostics all = new Diagnostics();
        DocumentLinker.Result linked = new DocumentLinker(basis.registry(), basis.options().asOf(), others).link(items, all);
        for (Diagnostic x : all.list()) {
            if (x.file().equals(display)) {
                d.add(x);
            }
        }
        return new Linked(linked.items().get(at), new Catalog(basis.registry(), linked.items(), linked.procedureBasis()));
    }
}
