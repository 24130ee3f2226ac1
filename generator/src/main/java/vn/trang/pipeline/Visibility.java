package vn.trang.pipeline;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import vn.trang.cache.Digest;
import vn.trang.diag.Diagnostics;
import vn.trang.model.Item;
import vn.trang.model.Publication;

/**
 * Which parsed items this build shows, by its clock and whether it is a preview: drafts only in
 * a preview, scheduled items from {@code publish_at} until {@code unpublish_at}. Applied after
 * the parse cache, never inside it, so an item whose time came is built by the next build even
 * when no file changed. Also reports the placeholders left in shown items and their required text
 * written empty (errors, warnings in a preview) and lists what becomes due soon.
 */
final class Visibility {

    /** How far ahead the build lists what becomes due. */
    static final int DUE_DAYS = 7;

    private Visibility() {
    }

    /** The items {@code options} shows, in order, with their identities; what is due soon goes to {@code due}. */
    static ParseStage.Parsed apply(ParseStage.Parsed parsed, BuildOptions options, Diagnostics d, List<DueItem> due) {
        LocalDateTime now = options.now();
        LocalDateTime horizon = now.plusDays(DUE_DAYS);
        List<Item> items = new ArrayList<>(parsed.items().size());
        List<Digest> identities = new ArrayList<>(parsed.items().size());
        for (int i = 0; i < parsed.items().size(); i++) {
            Item item = parsed.items().get(i);
            Publication p = item.meta().publication();
            if (!p.draft()) {
                noteDue(item, p.publishAt(), true, now, horizon, due);
                noteDue(item, p.unpublishAt(), false, now, horizon, due);
            }
            if (p.draft() && !options.drafts()) {
                continue; // a draft is never published, so what it still lacks is no error
            }
            placeholders(item, p, options.drafts(), d);
            if (p.visibleAt(now, options.drafts())) {
                items.add(item);
                identities.add(parsed.identities().get(i));
            }
        }
        due.sort(Comparator.comparing(DueItem::at).thenComparing(DueItem::source));
        return new ParseStage.Parsed(items, identities);
    }

    private static void noteDue(Item item, LocalDateTime at, boolean publish, LocalDateTime now, LocalDateTime horizon,
                                List<DueItem> due) {
        if (at != null && at.isAfter(now) && !at.isAfter(horizon)) {
            due.add(new DueItem(at, publish, item.meta().source(), item.url(), item.title()));
        }
    }

    static void placeholders(Item item, Publication p, boolean preview, Diagnostics d) {
        for (Publication.Placeholder ph : p.placeholders()) {
            String message = "còn chữ giữ chỗ '" + ph.word() + "' từ mẫu của trang new: nội dung chưa được điền";
            String expected = "nội dung thật thay cho phần đánh dấu " + ph.word();
            String fix = "sửa phần được đánh dấu rồi xóa chữ " + ph.word() + " (kể cả trong chú thích #)"
                    + ", hoặc đặt draft: true nếu chưa muốn đăng";
            if (preview) {
                d.warning(ph.pos(), message, expected, fix);
            } else {
                d.error(ph.pos(), message, expected, fix);
            }
        }
        for (Publication.Blank b : p.blanks()) {
            String expected = b.key() + " là " + b.label() + ", không để trống";
            String fix = "điền " + b.label() + " sau '" + b.key() + ":', ví dụ: " + b.example()
                    + ", hoặc đặt draft: true nếu chưa muốn đăng";
            if (preview) {
                d.warning(b.pos(), "khóa bắt buộc '" + b.key() + "' (" + b.label() + ") để trống: bản xem trước hiện "
                        + b.shown() + ", bản đăng sẽ báo lỗi", expected, fix);
            } else {
                d.error(b.pos(), "khóa bắt buộc '" + b.key() + "' (" + b.label() + ") để trống", expected, fix);
            }
        }
    }
}
