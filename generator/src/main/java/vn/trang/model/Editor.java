package vn.trang.model;

/** A Git identity allowed to change the site's content (checked by {@code trang verify}). */
public record Editor(String name, String email) {
}
