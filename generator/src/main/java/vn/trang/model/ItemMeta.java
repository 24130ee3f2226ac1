package vn.trang.model;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * What every content item has, whatever its type.
 *
 * @param source   the Markdown file, relative to the project root (for diagnostics and history)
 * @param date     publication date; midnight when only a day was given; may be null for pages
 * @param bodyHtml the Markdown body rendered and sanitised
 * @param url      the item's path under the portal, e.g. {@code /so-tai-chinh/tin-tuc/slug/}
 * @param folderUrl the URL of the folder holding the source file, where its attachments are published
 */
public record ItemMeta(Site site, Section section, String source, String slug, String title,
                       LocalDateTime date, LocalDate updated, String summary, boolean sample,
                       String bodyHtml, String url, String folderUrl) {
}
