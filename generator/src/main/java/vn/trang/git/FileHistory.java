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
 * @param added       when the file was added, which is when a legal document counts as published
 *                    (its timeliness is judged by this date): the
 *                    author date (Vietnam time) of the commit that added it, following renames;
 *                    or — outside Git, for a file not committed yet, or when a shallow clone's cut
 *                    hides that commit — the file's own modification time
 * @param addedFromGit whether {@code added} comes from Git
 */
public record FileHistory(LocalDateTime lastUpdated, String author, List<Change> entries, LocalDateTime added,
                          boolean addedFromGit) {

    public FileHistory {
        entries = List.copyOf(entries);
    }

    /** A history whose date is the file's own (not in Git): added then as well, as far as anyone knows. */
    public FileHistory(LocalDateTime fileDate) {
        this(fileDate, null, List.of(), fileDate, false);
    }

    /**
     * The same dates without who made each change and what their commit message says: what a
     * site shows unless it opts in to messages ({@code history: {messages: true}}), since commit
     * messages are written for developers (often in English), not for citizens.
     */
    public FileHistory withoutMessages() {
        return new FileHistory(lastUpdated, null,
                entries.stream().map(e -> new Change(e.date(), null, null, e.commit())).toList(), added, addedFromGit);
    }

    /** True when the history comes from Git commits, false for the file's own date. */
    public boolean fromGit() {
        return !entries.isEmpty();
    }

    /**
     * One commit that changed the file.
     *
     * @param date    the author date, Vietnam time
     * @param author  the author's name; null when the site does not show it
     * @param message the commit message's first line; null when the site does not show it
     * @param commit  the abbreviated commit id
     */
    public record Change(LocalDateTime date, String author, String message, String commit) {
    }
}
