package vn.trang.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import vn.trang.legal.Citation;

/**
 * What every content item has, whatever its type.
 *
 * @param source    the Markdown file, relative to the project root (for diagnostics and history)
 * @param date      publication date; midnight when only a day was given; may be null for pages
 * @param body      the Markdown body rendered and sanitised (citations linked after the link stage);
 *                  {@link #bodyHtml()} reads it (stored bodies stay on disk, so memory stays flat)
 * @param url       the item's path under the portal, e.g. {@code /so-tai-chinh/tin-tuc/slug/}
 * @param folderUrl the URL of the folder holding the source file, where its attachments are published
 * @param citations document numbers the body cites, with file positions, in order
 * @param positions where each front-matter key is written
 * @param publication draft, schedule and placeholders: whether a build shows the item
 * @param changeNote what changed in this version, in the editor's words ({@code change_note}),
 *                  shown with the last update's date; null when none is written
 */
public record ItemMeta(Site site, Section section, String source, String slug, String title,
                       LocalDateTime date, LocalDate updated, String summary, boolean sample,
                       Body body, String url, String folderUrl, List<Citation> citations,
                       SourcePositions positions, Publication publication, String changeNote) {

    public ItemMeta {
        citations = List.copyOf(citations);
        body = body == null ? Body.of("") : body;
        publication = publication == null ? Publication.ALWAYS : publication;
    }

    /** An item without a change note. */
    public ItemMeta(Site site, Section section, String source, String slug, String title,
                    LocalDateTime date, LocalDate updated, String summary, boolean sample,
                    Body body, String url, String folderUrl, List<Citation> citations,
                    SourcePositions positions, Publication publication) {
        this(site, section, source, slug, title, date, updated, summary, sample, body, url, folderUrl, citations,
                positions, publication, null);
    }

    /** An item published always. */
    public ItemMeta(Site site, Section section, String source, String slug, String title,
                    LocalDateTime date, LocalDate updated, String summary, boolean sample,
                    Body body, String url, String folderUrl, List<Citation> citations,
                    SourcePositions positions) {
        this(site, section, source, slug, title, date, updated, summary, sample, body, url, folderUrl, citations,
                positions, Publication.ALWAYS);
    }

    /** The same, with the body given as HTML held in memory. */
    public ItemMeta(Site site, Section section, String source, String slug, String title,
                    LocalDateTime date, LocalDate updated, String summary, boolean sample,
                    String bodyHtml, String url, String folderUrl, List<Citation> citations,
                    SourcePositions positions) {
        this(site, section, source, slug, title, date, updated, summary, sample, Body.of(bodyHtml), url, folderUrl,
                citations, positions);
    }

    /** Whether the item is a draft (shown only by {@code trang serve}, marked "Bản nháp"). */
    public boolean draft() {
        return publication.draft();
    }

    /** The body's HTML (what templates show as {@code item.bodyHtml}). */
    public String bodyHtml() {
        return body.html();
    }

    public ItemMeta withBodyHtml(String html) {
        return withBody(Body.of(html));
    }

    /**
     * The same without the citations: only the link stage reads them (to save memory: a
     * province's pages cite hundreds of thousands of numbers).
     */
    public ItemMeta withoutCitations() {
        return citations.isEmpty() ? this : new ItemMeta(site, section, source, slug, title, date, updated, summary,
                sample, body, url, folderUrl, List.of(), positions, publication, changeNote);
    }

    public ItemMeta withBody(Body b) {
        return new ItemMeta(site, section, source, slug, title, date, updated, summary, sample, b, url, folderUrl,
                citations, positions, publication, changeNote);
    }
}
