package vn.trang.pipeline;

import java.time.LocalDateTime;

/**
 * An item whose schedule changes soon: it appears ({@code publish_at}) or is taken down
 * ({@code unpublish_at}) within {@link Visibility#DUE_DAYS} days of the build's clock.
 *
 * @param at      when, Vietnam time
 * @param publish true: appears then; false: is taken down then
 * @param source  the content file
 * @param url     the item's page
 */
public record DueItem(LocalDateTime at, boolean publish, String source, String url, String title) {

    /** One line of the build's summary. */
    public String line() {
        return "  " + at.toString().replace('T', ' ') + "  " + (publish ? "đăng   " : "gỡ bỏ  ") + url + "  (" + source + ")";
    }
}
