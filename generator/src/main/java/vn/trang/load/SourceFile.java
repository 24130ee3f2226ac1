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

    /**
     * The site's content folder ({@code content/<site-id>/}): attachments must stay inside it,
     * since a site's editors may only publish their own files.
     */
    public Path siteDir() {
        Path p = path.toAbsolutePath().normalize().getParent();
        while (p != null && p.getParent() != null) {
            if (p.getFileName().toString().equals(section.folder())
                    && p.getParent().getFileName().toString().equals(site.id())) {
                return p.getParent();
            }
            p = p.getParent();
        }
        return path.toAbsolutePath().normalize().getParent();
    }
}
