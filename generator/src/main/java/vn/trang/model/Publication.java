package vn.trang.model;

import java.time.LocalDateTime;
import java.util.List;

import vn.trang.diag.SourcePos;

/**
 * When an item may be seen: a draft only in the preview ({@code trang serve}), a scheduled item
 * from {@code publishAt} on and until {@code unpublishAt}. Times are Vietnam time (UTC+7), as
 * written in the front matter. Kept in the parsed item, not applied by the parser, so that the
 * parse cache stays valid whatever the clock: each build decides with its own clock.
 *
 * @param draft        {@code draft: true}
 * @param publishAt    {@code publish_at:}, or null
 * @param unpublishAt  {@code unpublish_at:}, or null
 * @param placeholders archetype placeholders left in the file ("TODO", "TBD"), each where it is
 * @param blanks       required text keys written but left empty, each shown in the page as a
 *                     visible placeholder so that a preview can still render it
 */
public record Publication(boolean draft, LocalDateTime publishAt, LocalDateTime unpublishAt,
                          List<Placeholder> placeholders, List<Blank> blanks) {

    /** Published now and always, nothing left to fill in. */
    public static final Publication ALWAYS = new Publication(false, null, null, List.of(), List.of());

    public Publication {
        placeholders = List.copyOf(placeholders);
        blanks = List.copyOf(blanks);
    }

    /** A placeholder word and where it is. */
    public record Placeholder(SourcePos pos, String word) {
    }

    /**
     * A required text key present but empty.
     *
     * @param label   what the key holds, in Vietnamese ("tiêu đề")
     * @param shown   what the page shows in its place
     * @param example a complete example line
     */
    public record Blank(SourcePos pos, String key, String label, String shown, String example) {
    }

    /** Whether the item is in the output of a build whose clock says {@code now}. */
    public boolean visibleAt(LocalDateTime now, boolean withDrafts) {
        if (draft && !withDrafts) {
            return false;
        }
        return inSchedule(now);
    }

    /** Whether {@code now} is in the item's schedule (from publish_at, before unpublish_at). */
    public boolean inSchedule(LocalDateTime now) {
        return (publishAt == null || !now.isBefore(publishAt)) && (unpublishAt == null || now.isBefore(unpublishAt));
    }
}
