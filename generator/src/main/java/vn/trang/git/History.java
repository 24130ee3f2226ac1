package vn.trang.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.text.DateFormats;

/**
 * The change history of every content file of a build, from Git: one walk of each repository's
 * log (the project's, restricted to {@code content/}, and each remote source's clone), newest
 * commit first, keeping the last {@link #ENTRIES} changes of each file that exists at HEAD and
 * the date of the commit that added it (the timeliness of legal documents). A file added by a
 * rename (JGit's rename detection, run only on commits that both add and delete files) is followed
 * to the commit that added it under its old name. The walk stops as soon as every file has its
 * entries and its first commit, so its cost is that of the log, not of (files × log).
 *
 * <p>Everything comes from commits, so two builds of one commit show the same history. A project
 * that is not in Git, a file not committed yet, or a file whose only known change is a shallow
 * clone's cut gets its own modification time instead: the build never fails for history.
 *
 * <p>A build loads one History and hands it to whatever needs it (the site planner, the NĐ 42
 * report). It does not change once loaded, so any number of threads may read it.
 */
public final class History {

    /** How many changes each page lists. */
    public static final int ENTRIES = 5;
    private static final int MESSAGE_MAX = 120;

    /** No history at all: {@link #of} returns null and templates show nothing. */
    public static final History NONE = new History(null, List.of());

    /**
     * Histories of recent (repository, HEAD, folder) keys: `trang serve` rebuilds without walking
     * the log again. Static on purpose and still not hidden build data: a walk reads only commits,
     * so its result is a function of its key, and a new commit is a new key; what the build uses
     * is the History handed to it, which reads a walk but never changes it.
     */
    private static final Map<String, Walked> MEMO = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Walked> eldest) {
            return size() > 8;
        }
    };

    /**
     * The result of one walk: histories by path, and when the repository's history starts (the
     * author date of its oldest commit, or of a shallow clone's cut; null without commits).
     */
    private record Walked(Map<String, FileHistory> files, LocalDateTime start) {
    }

    /** One repository's histories, by path relative to its work tree, and when its history starts. */
    private record Tree(Path workTree, Map<String, FileHistory> files, LocalDateTime start) {
    }

    private final Path root;
    private final List<Tree> trees;

    private History(Path root, List<Tree> trees) {
        this.root = root;
        this.trees = trees;
    }

    /**
     * Reads the history of the project's content and of the given clones (remote sources).
     * Problems are at most warnings: history never stops a build.
     */
    public static History load(Path projectRoot, List<Path> clones, Diagnostics d) {
        Path root = GitRepos.real(projectRoot);
        List<Tree> trees = new ArrayList<>();
        for (Path clone : clones) {
            read(clone, "", root, d).ifPresent(trees::add);
        }
        Optional<Repository> main = GitRepos.open(root);
        if (main.isPresent()) {
            try (Repository r = main.get()) {
                trees.add(walk(r, GitRepos.prefix(r, root) + "content/", root, d));
            }
        }
        return new History(root, trees);
    }

    private static Optional<Tree> read(Path workTree, String prefix, Path root, Diagnostics d) {
        Optional<Repository> repo = GitRepos.open(workTree);
        if (repo.isEmpty()) {
            return Optional.empty();
        }
        try (Repository r = repo.get()) {
            return Optional.of(walk(r, prefix, root, d));
        }
    }

    private static Tree walk(Repository r, String prefix, Path root, Diagnostics d) {
        Path workTree = GitRepos.workTree(r);
        try {
            ObjectId head = r.resolve(Constants.HEAD);
            if (head == null) {
                return new Tree(workTree, Map.of(), null); // no commit yet
            }
            String key = r.getDirectory().getAbsolutePath() + "\n" + head.name() + "\n" + prefix;
            Walked w;
            synchronized (MEMO) {
                w = MEMO.get(key);
            }
            if (w == null) {
                w = compute(r, head, prefix);
                synchronized (MEMO) {
                    MEMO.put(key, w);
                }
            }
            return new Tree(workTree, w.files(), w.start());
        } catch (IOException | RuntimeException e) {
            d.warning(SourcePos.of(display(root, workTree)), "không đọc được lịch sử Git: " + e.getMessage()
                    + "; ngày cập nhật lấy theo ngày của tệp", "kho Git đọc được", "chạy git fsck trong kho này");
            return new Tree(workTree, Map.of(), null);
        }
    }

    private static FileHistory.Change change(RevCommit c) {
        return new FileHistory.Change(GitRepos.localTime(c.getAuthorIdent()), c.getAuthorIdent().getName(),
                firstLine(c.getFullMessage()), c.abbreviate(8).name());
    }

    private static Walked compute(Repository r, ObjectId head, String prefix) throws IOException {
        Map<String, List<FileHistory.Change>> changes = new HashMap<>();
        Map<String, LocalDateTime> added = new HashMap<>();
        LocalDateTime started;
        try (RevWalk rw = new RevWalk(r)) {
            RevCommit start = rw.parseCommit(head);
            // Only files that exist at HEAD are shown; collect them first.
            try (TreeWalk tw = new TreeWalk(r, rw.getObjectReader())) {
                tw.addTree(start.getTree());
                tw.setRecursive(true);
                if (!prefix.isEmpty()) {
                    tw.setFilter(PathFilter.create(prefix.substring(0, prefix.length() - 1)));
                }
                while (tw.next()) {
                    changes.put(tw.getPathString(), new ArrayList<>(2));
                }
            }
            int open = changes.size();
            // The commit that added each file (its name then → the file at HEAD; a rename
            // sends the search on under the old name), for the timeliness of legal documents
            Map<String, String> seeking = new HashMap<>();
            changes.keySet().forEach(p -> seeking.put(p, p));
            rw.sort(RevSort.COMMIT_TIME_DESC);
            rw.markStart(start);
            // The log is read in order; the diffs of a chunk of commits are computed in parallel
            // (each thread its own reader), then applied in log order.
            int threads = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
            List<RevCommit> chunk = new ArrayList<>();
            RevCommit next = rw.next();
            while (next != null && (open > 0 || !seeking.isEmpty())) {
                chunk.clear();
                while (next != null && chunk.size() < CHUNK * threads) {
                    chunk.add(next);
                    next = rw.next();
                }
                List<ChangedPaths.Changes> diffs = diffs(r, prefix, chunk, threads);
                for (int i = 0; i < chunk.size() && (open > 0 || !seeking.isEmpty()); i++) {
                    RevCommit c = chunk.get(i);
                    ChangedPaths.Changes ch = diffs.get(i);
                    if (ch.unknown()) {
                        // A shallow clone's cut: its "changes" would be the whole tree, not real ones.
                        // Files changed only before it show their own date, silently, as documented
                        // (docs/PUBLISHING.md): CI should fetch the whole history.
                        continue;
                    }
                    FileHistory.Change change = null;
                    for (String p : ch.paths()) {
                        List<FileHistory.Change> list = changes.get(p);
                        if (list == null || list.size() >= ENTRIES) {
                            continue;
                        }
                        if (change == null) {
                            change = change(c);
                        }
                        list.add(change);
                        if (list.size() == ENTRIES) {
                            open--;
                        }
                    }
                    for (String a : ch.added()) {
                        String atHead = seeking.remove(a);
                        if (atHead == null) {
                            continue;
                        }
                        String from = ch.renamedFrom().get(a);
                        if (from != null) {
                            seeking.putIfAbsent(from, atHead);
                        } else {
                            added.put(atHead, GitRepos.localTime(c.getAuthorIdent()));
                        }
                    }
                }
                chunk.forEach(RevCommit::disposeBody);
            }
            // When the history starts (documents issued before it were published before
            // the content came into Git, so Git cannot say when). The rest of the log is only
            // read for commit headers: no diffs, no bodies kept.
            RevCommit oldest = chunk.isEmpty() ? start : chunk.get(chunk.size() - 1);
            rw.setRetainBody(false);
            for (; next != null; next = rw.next()) {
                oldest = next;
            }
            // the commit time: read from the header, which stays parsed when bodies are dropped
            started = LocalDateTime.ofInstant(Instant.ofEpochSecond(oldest.getCommitTime()),
                    DateFormats.VIETNAM);
        }
        Map<String, FileHistory> out = new HashMap<>();
        for (Map.Entry<String, List<FileHistory.Change>> e : changes.entrySet()) {
            List<FileHistory.Change> list = e.getValue();
            if (!list.isEmpty()) {
                FileHistory.Change last = list.get(0);
                LocalDateTime first = added.get(e.getKey());
                out.put(e.getKey(), new FileHistory(last.date(), last.author(), list, first, first != null));
            }
        }
        return new Walked(out, started);
    }

    /** Commits per thread in one chunk of the log. */
    private static final int CHUNK = 64;

    /** The changes of each commit of a chunk, in order; contiguous slices per thread keep trees cached. */
    private static List<ChangedPaths.Changes> diffs(Repository r, String prefix, List<RevCommit> chunk, int threads)
            throws IOException {
        ChangedPaths.Changes[] out = new ChangedPaths.Changes[chunk.size()];
        int slices = Math.min(threads, Math.max(1, chunk.size() / 8));
        int per = (chunk.size() + slices - 1) / slices;
        try {
            java.util.stream.IntStream.range(0, slices).parallel().forEach(s -> {
                try (RevWalk w = new RevWalk(r)) {
                    ChangedPaths cp = new ChangedPaths(r, prefix);
                    for (int i = s * per; i < Math.min(chunk.size(), (s + 1) * per); i++) {
                        out[i] = cp.of(w, w.parseCommit(chunk.get(i)));
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        return List.of(out);
    }

    static String firstLine(String message) {
        String s = message.strip();
        int nl = s.indexOf('\n');
        if (nl >= 0) {
            s = s.substring(0, nl).strip();
        }
        return s.length() <= MESSAGE_MAX ? s : s.substring(0, MESSAGE_MAX - 1).stripTrailing() + "…";
    }

    private static String display(Path root, Path p) {
        try {
            String s = root.relativize(p).toString();
            return s.isEmpty() ? "." : s;
        } catch (IllegalArgumentException e) {
            return p.toString();
        }
    }

    /**
     * The history of one source file.
     *
     * @param source the file as items name it ({@code ItemMeta.source()}): relative to the
     *               project root, or absolute
     * @return its history; the file's own date when Git does not know it; null for {@link #NONE}
     *         or a file that does not exist
     */
    public FileHistory of(String source) {
        if (root == null || source == null) {
            return null;
        }
        // The root and the work trees are real paths; sources are plain paths under the root, so a
        // normalised path is enough (no file system call per page); symlinks are resolved only
        // when that finds nothing.
        Path file = root.resolve(source).normalize();
        FileHistory h = lookup(file);
        if (h == null) {
            Path real = GitRepos.real(file);
            h = real.equals(file) ? null : lookup(real);
        }
        if (h != null && h.addedFromGit()) {
            return h;
        }
        try {
            LocalDateTime mtime = LocalDateTime.ofInstant(Files.getLastModifiedTime(file).toInstant(), DateFormats.VIETNAM)
                    .truncatedTo(ChronoUnit.MINUTES);
            // known changes but not the one that added the file (a shallow clone's cut): added per the file
            return h != null ? new FileHistory(h.lastUpdated(), h.author(), h.entries(), mtime, false)
                    : new FileHistory(mtime);
        } catch (IOException e) {
            return h;
        }
    }

    /**
     * When the history of the repository holding {@code source} starts: the author date (Vietnam
     * time) of its oldest commit (or of a shallow clone's cut). Null outside Git or for {@link #NONE}.
     */
    public LocalDateTime startOf(String source) {
        if (root == null || source == null) {
            return null;
        }
        Path file = root.resolve(source).normalize();
        for (Tree t : trees) {
            if (file.startsWith(t.workTree())) {
                return t.start();
            }
        }
        Path real = GitRepos.real(file);
        for (Tree t : trees) {
            if (real.startsWith(t.workTree())) {
                return t.start();
            }
        }
        return null;
    }

    private FileHistory lookup(Path file) {
        for (Tree t : trees) {
            if (file.startsWith(t.workTree())) {
                FileHistory h = t.files().get(t.workTree().relativize(file).toString().replace('\\', '/'));
                if (h != null) {
                    return h;
                }
            }
        }
        return null;
    }
}
