package vn.trang.load;

import java.nio.file.Path;

import vn.trang.model.Site;

/**
 * A non-Markdown file in a section folder (PDF, DOCX, image), copied to the output as is.
 *
 * @param outputPath path under the output root, e.g. {@code so-tai-chinh/van-ban/qd-12.pdf}
 */
public record Attachment(Site site, Path path, String outputPath) {
}
