package vn.trang.render;

import java.util.Map;

import vn.trang.model.Site;

/**
 * One file to write: a template with its model, or ready text (exports).
 *
 * @param path     file path under the output root, e.g. {@code so-tai-chinh/tin-tuc/index.html}
 * @param template template name in the theme, or null for a text output
 * @param model    the template's data model (the template boundary: maps end here)
 * @param origin   what the page comes from, for diagnostics (a source file or a site file)
 * @param text     the file's content when there is no template, else null
 */
public record Output(Site site, String path, String template, Map<String, Object> model, String origin, String text) {

    public Output(Site site, String path, String template, Map<String, Object> model, String origin) {
        this(site, path, template, model, origin, null);
    }

    /** A file whose content is already made (CSV, JSON). */
    public static Output text(Site site, String path, String content, String origin) {
        return new Output(site, path, null, Map.of(), origin, content);
    }
}
