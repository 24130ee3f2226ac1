package vn.trang.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.files.OutputSwap;
import vn.trang.link.Catalog;
import vn.trang.model.Item;
import vn.trang.model.Site;
import vn.trang.render.Layout;
import vn.trang.render.Output;
import vn.trang.render.PageView;
import vn.trang.render.Theme;
import vn.trang.text.Json;

/**
 * The index stage of a build: after rendering, writes into the staging folder the search index
 * of every item of the built sites, the layout and theme the search page needs (see
 * {@link SearchFiles}), and each site's OpenSearch description. The staging folder is swapped in
 * whole, so the published index always matches the published pages.
 */
public final class SearchPublisher {

    private final Theme theme;
    private final int threads;

    public SearchPublisher(Theme theme, int threads) {
        this.theme = theme;
        this.threads = threads;
    }

    /** @return the number of files written outside the index (descriptions, layout, theme) */
    public int publish(Catalog catalog, List<Site> sites, List<Output> outputs, Path staging, Diagnostics d) {
        try {
            writeIndex(catalog, sites, staging);
            return writeFiles(sites, outputs, staging);
        } catch (IOException e) {
            d.error(SourcePos.of(staging.resolve(SearchFiles.FOLDER).toString()),
                    "không ghi được chỉ mục tìm kiếm: " + e.getMessage(), "thư mục đầu ra ghi được",
                    "kiểm tra quyền ghi và dung lượng đĩa");
            return 0;
        }
    }

    /** The items of the built sites, in the order the index keeps them (the catalog's). */
    public static List<Item> indexed(Catalog catalog, List<Site> sites) {
        Set<String> built = sites.stream().map(Site::id).collect(Collectors.toSet());
        return catalog.all().stream().filter(i -> built.contains(i.site().id())).toList();
    }

    /**
     * The index alone. Documents are made as the writer takes them rather than all at once: each
     * holds its page's text, and a province's would not fit in memory together.
     */
    public void writeIndex(Catalog catalog, List<Site> sites, Path staging) throws IOException {
        List<Item> items = indexed(catalog, sites);
        List<SearchDocument> docs = new java.util.AbstractList<>() {
            @Override
            public SearchDocument get(int i) {
                return ItemDocuments.of(items.get(i));
            }

            @Override
            public int size() {
                return items.size();
            }
        };
        new IndexBuilder(threads).write(SearchFiles.inOutput(staging).index(), docs);
    }

    /**
     * Everything but the index: layout, theme, OpenSearch descriptions (the build cache keeps an
     * unchanged index from the previous build).
     *
     * @return the number of files written
     */
    public int writeFiles(List<Site> sites, List<Output> outputs, Path staging) throws IOException {
        SearchFiles files = SearchFiles.inOutput(staging);
        int n = writeSites(files, sites, outputs);
        n += copyTheme(files, sites);
        n += writeDescriptions(sites, staging);
        return n;
    }

    private int writeSites(SearchFiles files, List<Site> sites, List<Output> outputs) throws IOException {
        Map<String, Layout> layoutOf = new LinkedHashMap<>();
        for (Output o : outputs) {
            // Any HTML page of the site has its layout; the 404 page's menu has no current entry.
            if (o.template() != null && o.template().endsWith(".ftlh") && o.view() instanceof PageView page) {
                if (!layoutOf.containsKey(o.site().id()) || "404.ftlh".equals(o.template())) {
                    layoutOf.put(o.site().id(), page.layout());
                }
            }
        }
        Map<String, Object> views = new LinkedHashMap<>();
        String portal = null;
        for (Site s : sites) {
            Layout layout = layoutOf.get(s.id());
            if (layout != null) {
                views.put(s.id(), SiteViews.of(s, layout));
            }
            if (s.portal()) {
                portal = s.id();
            }
        }
        if (portal == null) {
            // A one-site build (--site) still renders its pages inside the portal's header line.
            portal = layoutOf.values().stream().map(Layout::portal).filter(java.util.Objects::nonNull).map(Site::id)
                    .findFirst().orElse(null);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", IndexBuilder.SCHEMA_VERSION);
        root.put("theme", theme.dir().getFileName().toString());
        root.put("portal", portal);
        root.put("portalSite", portalView(layoutOf.values(), portal));
        root.put("sites", views);
        Files.writeString(files.sites(), Json.write(root), StandardCharsets.UTF_8);
        return 1;
    }

    private static Map<String, Object> portalView(Iterable<Layout> layouts, String portal) {
        for (Layout l : layouts) {
            if (l.portal() != null && l.portal().id().equals(portal)) {
                return SiteViews.site(l.portal());
            }
        }
        return null;
    }

    private int copyTheme(SearchFiles files, List<Site> sites) throws IOException {
        Path own = files.themes().resolve(theme.dir().getFileName().toString());
        int n = OutputSwap.copyTree(theme.dir().resolve("templates"), own.resolve("templates"));
        n += OutputSwap.copyTree(theme.dir().resolve("i18n"), own.resolve("i18n"));
        for (Site s : sites) {
            n += OutputSwap.copyTree(theme.overrideDir(s).resolve("templates"), files.overrideTemplates(s.id()));
        }
        return n;
    }

    private int writeDescriptions(List<Site> sites, Path staging) throws IOException {
        int n = 0;
        for (Site s : sites) {
            Path file = staging.resolve(s.path().substring(1)).resolve(OpenSearchDescription.FILE);
            Files.createDirectories(file.getParent());
            Files.writeString(file, OpenSearchDescription.of(s, theme.assetsUrl(s) + "img/logo.svg"), StandardCharsets.UTF_8);
            n++;
        }
        return n;
    }
}
