package vn.trang.index;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a build publishes what the search service needs, under {@code _search/} in the output (the
 * web server must not serve this folder; the dev server refuses it):
 *
 * <pre>
 * _search/index/                      the Lucene index
 * _search/sites.json                  each site's layout model (name, contacts, menu…)
 * _search/themes/NAME/templates/, i18n/     the theme the results page is rendered with
 * _search/themes/overrides/ID/templates/    a site's own templates
 * </pre>
 *
 * <p>Everything is inside the output folder, so a publish swaps index, layout and theme together:
 * the service never pairs a new index with an old menu.
 */
public record SearchFiles(Path root) {

    /** The folder name under the output root. */
    public static final String FOLDER = "_search";

    public static SearchFiles inOutput(Path out) {
        return new SearchFiles(out.resolve(FOLDER));
    }

    /**
     * The published search folder from what an operator passes to {@code trang search --index}:
     * the index folder itself, its {@code _search} parent, or the whole output folder.
     */
    public static SearchFiles locate(Path given) {
        Path p = given.toAbsolutePath().normalize();
        if (Files.isDirectory(p.resolve(FOLDER))) {
            return inOutput(p);
        }
        if (Files.isDirectory(p.resolve("index"))) {
            return new SearchFiles(p);
        }
        return new SearchFiles(p.getParent() == null ? p : p.getParent());
    }

    public Path index() {
        return root.resolve("index");
    }

    public Path sites() {
        return root.resolve("sites.json");
    }

    /** A themes folder laid out like the project's, so {@code vn.trang.render.Theme} reads it as is. */
    public Path themes() {
        return root.resolve("themes");
    }

    public Path overrideTemplates(String siteId) {
        return themes().resolve("overrides").resolve(siteId).resolve("templates");
    }
}
