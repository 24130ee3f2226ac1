package vn.trang.model;

/**
 * An item's body as sanitised HTML. Builds keep bodies on disk ({@code vn.trang.cache.BodyStore})
 * and read one only when a page shows it, so memory does not grow with the text of a whole
 * province; {@link #of} holds one in memory (tests, tools, `trang new`).
 */
public interface Body {

    /** The HTML; read from disk each time for stored bodies. */
    String html();

    boolean isBlank();

    static Body of(String html) {
        return new Inline(html == null ? "" : html);
    }

    /** A body held in memory. */
    record Inline(String html) implements Body {
        @Override
        public boolean isBlank() {
            return html.isBlank();
        }

        @Override
        public String toString() {
            return "Body[" + html.length() + " chars]";
        }
    }
}
