package vn.trang.cache;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.StatusCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The files that changed since a commit, as Git sees them ({@code trang build --since REV}): the
 * difference between REV's tree and HEAD's, plus what the work tree changed and did not commit
 * yet (modified, added, untracked, deleted). Only {@code content/} is asked about; everything
 * else (sites, themes) is small and always checked by its own time stamps and hashes.
 *
 * <p>A build trusts the cached digests of content files outside this set without reading them,
 * which is what makes a CI build of a fresh checkout (where every file's time is new) as quick
 * as a local one. The cache must come from a build of REV: {@link BuildCache#commit()} says which
 * commit a cache was built from, and the builder checks it. That commit alone does not vouch for
 * every record (the build may have run from a work tree with uncommitted edits, or been a
 * {@code --site} build keeping older records), so each trusted record must also carry the
 * file's Git blob id as Git has it now ({@link #blobs}, see {@code FileStates.trust}).
 */
public final class GitChanges {

    /**
     * What Git says: the commits compared and the changed files, relative to the project folder
     * with '/' (as content files are shown, {@code content/<site>/...}).
     */
    public record Result(String since, String head, Set<String> changed) {
    }

    private GitChanges() {
    }

    /** The current HEAD commit of the repository holding {@code root}, or null outside Git. */
    public static String head(Path root) {
        try (Repository r = open(root)) {
            if (r == null) {
                return null;
            }
            ObjectId id = r.resolve(Constants.HEAD);
            return id == null ? null : id.name();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The blob ids the Git index holds for the content files of the project at {@code root}
     * (paths relative to it with '/', as {@link #since} gives them); empty outside Git. For a
     * file {@link #since} does not list, the work tree matches the index, so this is the id of
     * the file's bytes. Entries Git is told not to compare with the work tree (assume-unchanged,
     * skip-worktree), conflicts and anything but regular files are left out: never trusted.
     */
    public static java.util.Map<String, ObjectId> blobs(Path root) {
        java.util.Map<String, ObjectId> m = new java.util.HashMap<>();
        try (Repository r = open(root)) {
            if (r == null || r.isBare()) {
                return m;
            }
            Path work = r.getWorkTree().toPath().toRealPath();
            String prefix = work.relativize(root.toRealPath()).toString().replace('\\', '/');
            String content = (prefix.isEmpty() ? "" : prefix + "/") + "content/";
            int cut = prefix.isEmpty() ? 0 : prefix.length() + 1;
            org.eclipse.jgit.dircache.DirCache dc = r.readDirCache();
            for (int i = 0; i < dc.getEntryCount(); i++) {
                org.eclipse.jgit.dircache.DirCacheEntry e = dc.getEntry(i);
                String p = e.getPathString();
                if (p.startsWith(content) && e.getStage() == org.eclipse.jgit.dircache.DirCacheEntry.STAGE_0
                        && !e.isAssumeValid() && !e.isSkipWorkTree()
                        && (e.getFileMode() == org.eclipse.jgit.lib.FileMode.REGULAR_FILE
                        || e.getFileMode() == org.eclipse.jgit.lib.FileMode.EXECUTABLE_FILE)) {
                    m.put(p.substring(cut), e.getObjectId());
                }
            }
        } catch (IOException | RuntimeException e) {
            m.clear(); // nothing trusted: every file is checked by its content hash
        }
        return m;
    }

    /** Whether {@code root} is inside a Git work tree (cheap: finds the .git folder, reads nothing). */
    public static boolean inWorkTree(Path root) {
        FileRepositoryBuilder b = new FileRepositoryBuilder().readEnvironment().findGitDir(root.toFile());
        return b.getGitDir() != null;
    }

    private static Repository open(Path root) throws IOException {
        FileRepositoryBuilder b = new FileRepositoryBuilder().readEnvironment().findGitDir(root.toFile());
        return b.getGitDir() == null ? null : b.build();
    }

    /**
     * @throws IOException when there is no repository or REV is unknown (the message says which)
     */
    public static Result since(Path root, String rev) throws IOException {
        try (Repository r = open(root)) {
            if (r == null) {
                throw new IOException("thư mục dự án không nằm trong một kho Git");
            }
            ObjectId from = r.resolve(rev + "^{commit}");
            if (from == null) {
                throw new IOException("không có phiên bản '" + rev + "' trong kho Git");
            }
            ObjectId head = r.resolve(Constants.HEAD + "^{commit}");
            if (head == null) {
                throw new IOException("kho Git chưa có commit nào");
            }
            Path work = r.getWorkTree().toPath().toRealPath();
            String prefix = work.relativize(root.toRealPath()).toString().replace('\\', '/');
            String content = (prefix.isEmpty() ? "" : prefix + "/") + "content";
            Set<String> changed = new HashSet<>();
            int cut = prefix.isEmpty() ? 0 : prefix.length() + 1;
            try (RevWalk rw = new RevWalk(r); TreeWalk tw = new TreeWalk(r)) {
                tw.addTree(rw.parseCommit(from).getTree());
                tw.addTree(rw.parseCommit(head).getTree());
                tw.setRecursive(true);
                tw.setFilter(AndTreeFilter.create(PathFilterGroup.create(java.util.List.of(PathFilter.create(content))),
                        TreeFilter.ANY_DIFF));
                while (tw.next()) {
                    changed.add(tw.getPathString().substring(cut));
                }
            }
            try (Git git = new Git(r)) {
                StatusCommand st = git.status().addPath(content);
                Status s = st.call();
                for (Set<String> set : java.util.List.of(s.getModified(), s.getChanged(), s.getAdded(), s.getUntracked(),
                        s.getMissing(), s.getRemoved(), s.getConflicting())) {
                    for (String p : set) {
                        changed.add(p.substring(cut));
                    }
                }
            } catch (GitAPIException e) {
                throw new IOException("không đọc được trạng thái Git: " + e.getMessage(), e);
            }
            return new Result(from.name(), head.name(), changed);
        }
    }
}
