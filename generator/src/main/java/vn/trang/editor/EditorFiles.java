package vn.trang.editor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.link.IssuingPower;
import vn.trang.load.SiteRegistry;
import vn.trang.model.LegalDocument;
import vn.trang.model.Site;

/**
 * The browser editor in the output: Decap CMS's script once, under {@link #SCRIPT_URL}, and for
 * each site {@code quan-tri/index.html} and {@code quan-tri/config.yml}. The script comes from
 * the project's {@code editor/} folder after {@code npm ci} there: nothing is fetched while
 * building, and no page loads it from a CDN.
 */
public final class EditorFiles {

    /** Where {@code npm ci} in {@code editor/} puts the script, from the project's root. */
    public static final String INSTALLED = "editor/node_modules/decap-cms/dist/";
    /**
     * The script, the parts it loads on demand from beside itself (numbered chunks, WebAssembly)
     * and its licence; not the source maps, nor the same build under its other name (cms.js).
     */
    private static final Pattern SHIPPED = Pattern.compile("(\\d+\\.)?decap-cms\\.js|decap-cms\\.js\\.LICENSE\\.txt|\\w+\\.wasm");
    /** Where every site's editor page loads it from. */
    public static final String SCRIPT_URL = "/_assets/decap-cms/decap-cms.js";
    /**
     * Trang's preview pane for Decap (a resource of this package): the entry rendered by
     * {@code trang serve}, or where the branch's preview is. Published with the editor's script.
     */
    public static final String PREVIEW_SCRIPT_URL = "/_assets/quan-tri/xem-truoc.js";
    private static final String PREVIEW_SCRIPT = "xem-truoc.js";
    /** The editor's folder below each site's path. */
    public static final String FOLDER = "quan-tri/";

    private EditorFiles() {
    }

    /**
     * Writes the editor of every site into {@code out}.
     *
     * @param root      the project's folder (where {@code editor/} is)
     * @param registry  every site, for who is above whom
     * @param catalog   the documents a relation may name, across all sites
     * @param pagePaths the pages' paths in the output: a page at a site's quan-tri/ is an error
     * @return how many files were written
     */
    public static int write(Path root, Path out, SiteRegistry registry, List<Site> sites, List<LegalDocument> catalog,
                            Set<String> pagePaths, Diagnostics d) throws IOException {
        return write(root, out, registry, sites, catalog, pagePaths, null, d);
    }

    /**
     * As {@link #write(Path, Path, SiteRegistry, List, List, Set, Diagnostics)}, the editors saving
     * through {@code localBackend} (decap-server on this machine), or Decap's default local one when null.
     */
    public static int write(Path root, Path out, SiteRegistry registry, List<Site> sites, List<LegalDocument> catalog,
                            Set<String> pagePaths, String localBackend, Diagnostics d) throws IOException {
        Path installed = root.resolve(INSTALLED);
        boolean present = Files.isRegularFile(installed.resolve("decap-cms.js"));
        int n = present ? copyScript(installed, out.resolve(SCRIPT_URL.substring(1)).getParent()) + writePreviewScript(out) : 0;
        List<Map<String, Object>> documents = Choices.documents(catalog);
        IssuingPower power = new IssuingPower(registry);
        for (Site site : sites) {
            Widgets widgets = new Widgets(documents, Choices.documents(catalog.stream()
                    .filter(doc -> power.siteMayEnd(site, doc.site())).toList()));
            String dir = site.path().substring(1) + FOLDER;
            if (pagePaths.contains(dir + "index.html")) {
                d.error(SourcePos.of(site.sourceFile()), "trang /" + dir + " trùng với trang quản trị nội dung của "
                                + site.name(), "đường dẫn " + FOLDER + " dành cho trình soạn thảo",
                        "đổi slug của trang đang có đường dẫn /" + dir);
                continue;
            }
            Path folder = out.resolve(dir);
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("index.html"), EditorPage.html(site, present ? SCRIPT_URL : null),
                    StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("config.yml"), EditorConfig.write(site, widgets, localBackend), StandardCharsets.UTF_8);
            n += 2;
        }
        return n;
    }

    private static int writePreviewScript(Path out) throws IOException {
        Path target = out.resolve(PREVIEW_SCRIPT_URL.substring(1));
        Files.createDirectories(target.getParent());
        try (InputStream in = EditorFiles.class.getResourceAsStream(PREVIEW_SCRIPT)) {
            if (in == null) {
                throw new IOException("thiếu tệp " + PREVIEW_SCRIPT + " trong gói của Trang");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return 1;
    }

    private static int copyScript(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        int n = 0;
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(f -> SHIPPED.matcher(f.getFileName().toString()).matches()).toList()) {
                Files.copy(f, to.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                n++;
            }
        }
        return n;
    }
}
