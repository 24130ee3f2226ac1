package vn.trang.load;

import java.nio.file.Path;

import vn.trang.model.Section;
import vn.trang.model.Site;

/**
 * A Markdown file found in a site's content folder.
 *
 * @param display the path shown in diagnostics, relative to the project root
 */
public record SourceFile(Site site, Section section, Path path, String display) {
}
