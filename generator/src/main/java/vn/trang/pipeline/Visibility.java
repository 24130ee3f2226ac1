package vn.trang.pipeline;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import vn.trang.cache.Digest;
import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.model.Item;
import vn.trang.model.Publication;
import vn.trang.parse.schema.CommonFields;

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
                futureDate(item, p, now, d);
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

    /**
     * A shown item dated after the build's clock without {@code publish_at}: it is listed now,
     * first among the newest, because {@code date} only dates it; scheduling is publish_at's
     * job. A warning, not a leaving-out, so an item is never hidden by a typo in its date.
     */
    static void futureDate(Item item, Publication p, LocalDateTime now, Diagnostics d) {
        LocalDateTime date = item.date();
        SourcePos at = item.meta().positions() == null ? null : item.meta().positions().of(CommonFields.DATE.key());
        if (p.draft() || p.publishAt() != null || date == null || !date.isAfter(now) || at == null
                || at.equals(item.meta().positions().file())) {
            return; // a date the file does not write (a page's default) schedules nothing either
        }
        String when = shown(date);
        d.warning(at, "ngày 'date' (" + when + ") sau thời điểm dựng trang (" + shown(now)
                        + "): bài vẫn được đăng và liệt kê ngay hôm nay, kể cả trên trang chủ",
                "ngày đăng không muộn hơn hôm nay; bài hẹn giờ đăng dùng publish_at",
                "để hẹn giờ đăng, thêm dòng 'publish_at: " + when + "' (bài chỉ lên trang từ lúc đó)"
                        + "; nếu ngày viết nhầm, sửa 'date'");
    }

    /** A time as editors write it: the day alone at midnight, else "YYYY-MM-DD HH:mm". */
    private static String shown(LocalDateTime t) {
        return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString()
                : t.toLocalDate() + " " + t.toLocalTime().withSecond(0).withNano(0);
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
