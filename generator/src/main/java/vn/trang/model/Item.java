package vn.trang.model;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A content item of one of the known types. The accessors here are what every template may use
 * on any item; each record adds the fields of its type.
 */
public sealed interface Item permits NewsItem, LegalDocument, Procedure, Page, Post {

    ItemMeta meta();

    /** The same item with other common fields (each type keeps its own). */
    Item withMeta(ItemMeta m);

    /** The content type name: news, document, procedure, page. */
    default String type() {
        return meta().section().type();
    }

    default String title() {
        return meta().title();
    }

    default String url() {
        return meta().url();
    }

    default String absoluteUrl() {
        return meta().site().absolute(meta().url());
    }

    default LocalDateTime date() {
        return meta().date();
    }

    default LocalDate updated() {
        return meta().updated();
    }

    /** What changed in this version, in the editor's words ({@code change_note}), or null. */
    default String changeNote() {
        return meta().changeNote();
    }

    default String summary() {
        return meta().summary();
    }

    default String bodyHtml() {
        return meta().bodyHtml();
    }

    default boolean sample() {
        return meta().sample();
    }

    /** A draft: built only by {@code trang serve}, where its page says "Bản nháp". */
    default boolean draft() {
        return meta().draft();
    }

    default String section() {
        return meta().section().folder();
    }

    default String sectionTitle() {
        return meta().section().title();
    }

    default Site site() {
        return meta().site();
    }

    /** The date a sitemap reports: the last update, else the publication date. */
    default LocalDate lastModified() {
        if (meta().updated() != null) {
            return meta().updated();
        }
        return meta().date() == null ? null : meta().date().toLocalDate();
    }
}
