package vn.trang.render;

import java.util.Map;

import vn.trang.model.Site;

/**
 * One file to render.
 *
 * @param path     file path under the output root, e.g. {@code so-tai-chinh/tin-tuc/index.html}
 * @param template template name in the theme
 * @param model    the template's data model (the template boundary: maps end here)
 * @param origin   what the page comes from, for diagnostics (a source file or a site file)
 */
public record Output(Site site, String path, String template, Map<String, Object> model, String origin) {
}
