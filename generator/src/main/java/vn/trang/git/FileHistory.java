package vn.trang.git;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What a page shows of its source file's history: "Cập nhật lần cuối" and a short change log.
 * Templates receive it as {@code history} (see docs/THEME.md).
 *
 * @param lastUpdated when the file last changed: its last commit's author date (Vietnam time),
 *                    or — outside Git, in a shallow clone that cut its history, or for a file
 *                    not committed yet — the file's own modification time
 * @param author      who made the last change, or null when it is not known (file date)
 * @param entries     the last changes, newest first (at most {@link History#ENTRIES}); empty
 *                    when the date is the file's own
 */
public record FileHistory(LocalDateTime lastUpdated, String author, List<Change> entries) {

    public FileHistory {
        entries = List.copyOf(entries);
    }

    /** True when the history comes from Git commits, false for the file's own date. */
    public boolean fromGit() {
        return !entries.isEmpty();
    }

    /**
     * One commit that changed the file.
     *
     * @param date    the author date, Vietnam time
     * @param author  the author's name
     * @param message the commit message's first line
     * @param commit  the abbreviated commit id
     */
    public record Change(LocalDateTime date, String author, String message, String commit) {
    }
}
