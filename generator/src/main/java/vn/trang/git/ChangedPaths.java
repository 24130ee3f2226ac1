package vn.trang.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The paths a commit changed, as Git's own history shows them: against its parent; a root commit
 * adds every file; a merge changes only the paths whose content differs from every parent (what
 * the merge itself introduced — each side's changes belong to their own commits). What
 * {@code trang verify} holds a merge's author to is stricter: {@link #authored}.
 *
 * <p>Unchanged subtrees are skipped by their ids, so a commit touching one file in a 100,000-file
 * tree costs a few tree reads, not a walk of the whole tree. Walking a log newest first, each
 * commit's trees are its child's parent trees: they are kept (up to {@value #TREE_CACHE} bytes)
 * and read from the object database once.
 */
public final class ChangedPaths {

    /**
     * The changes of a commit; {@code unknown} when it is a shallow clone's cut (parents missing).
     *
     * @param added       the paths among {@code paths} the commit added (in none of its parents)
     * @param renamedFrom for an added path that is a rename, the path it had in the parent (JGit's
     *                    rename detection: same content, or similar enough; single-parent commits
     *                    that both add and delete files only)
     * @param links       the paths among {@code paths} that the commit leaves as symbolic links
     *                    (Git mode 120000)
     */
    public record Changes(List<String> paths, boolean unknown, Set<String> added, Map<String, String> renamedFrom,
                          Set<String> links) {
        public Changes(List<String> paths, boolean unknown) {
            this(paths, unknown, Set.of(), Map.of(), Set.of());
        }
    }

    private static final long TREE_CACHE = 64L << 20;

    private final Repository repo;
    private final Set<ObjectId> shallow;
    private final String prefix;
    private TreeCache trees;

    /**
     * @param prefix only paths under this folder ("content/", "" for all), with a trailing '/'
     */
    public ChangedPaths(Repository repo, String prefix) {
        this.repo = repo;
        this.shallow = GitRepos.shallowCommits(repo);
        this.prefix = prefix;
    }

    public boolean isShallowCut(RevCommit c) {
        return shallow.contains(c);
    }

    public Changes of(RevWalk rw, RevCommit c) throws IOException {
        if (shallow.contains(c)) {
            return new Changes(List.of(), true);
        }
        List<String> out = new ArrayList<>();
        Set<String> added = null;
        Set<String> links = null;
        List<String> deleted = null;
        if (trees == null || trees.delegate() != rw.getObjectReader()) {
            trees = new TreeCache(rw.getObjectReader());
        }
        try (TreeWalk tw = new TreeWalk(repo, trees)) {
            tw.setRecursive(true);
            int parents = c.getParentCount();
            tw.addTree(c.getTree());
            for (int i = 0; i < parents; i++) {
                tw.addTree(rw.parseCommit(c.getParent(i)).getTree());
            }
            TreeFilter diff = parents == 0 ? TreeFilter.ALL : parents == 1 ? TreeFilter.ANY_DIFF : DiffersFromAll.INSTANCE;
            String folder = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
            tw.setFilter(folder.isEmpty() ? diff : AndTreeFilter.create(PathFilter.create(folder), diff));
            while (tw.next()) {
                String path = tw.getPathString();
                out.add(path);
                if (FileMode.SYMLINK.equals(tw.getRawMode(0))) {
                    links = links == null ? new HashSet<>() : links;
                    links.add(path);
                }
                if (tw.getRawMode(0) == 0) {
                    if (parents == 1) {
                        deleted = deleted == null ? new ArrayList<>() : deleted;
                        deleted.add(path);
                    }
                    continue;
                }
                boolean inAParent = false;
                for (int i = 1; i <= parents && !inAParent; i++) {
                    inAParent = tw.getRawMode(i) != 0;
                }
                if (!inAParent) {
                    added = added == null ? new HashSet<>() : added;
                    added.add(path);
                }
            }
        }
        Set<String> linked = links == null ? Set.of() : links;
        if (added == null) {
            return new Changes(out, false, Set.of(), Map.of(), linked);
        }
        Map<String, String> renamed = deleted == null ? Map.of() : renames(rw, c, added, deleted);
        return new Changes(out, false, added, renamed, linked);
    }

    /**
     * The paths {@code trang verify} holds a commit's author to: for a commit with one parent or
     * none, {@link #of}; for a merge, every path whose content differs from its first parent (the
     * branch it lands on), except a path it took from another parent whose side changed it since
     * their common ancestor while the first parent did not. Such a change is the side's own,
     * checked in the side's commits; anything else is the merge's: a version no parent has, an
     * old version taken from a parent behind the branch (or from a side that never touched the
     * file), or one side's version chosen over a change the branch had made.
     *
     * <p>Only {@code paths}, {@code unknown} and {@code links} are filled for a merge. It is
     * {@code unknown} when a shallow clone hides where a side left the branch.
     */
    public Changes authored(RevWalk rw, RevCommit c) throws IOException {
        if (c.getParentCount() < 2) {
            return of(rw, c);
        }
        if (shallow.contains(c)) {
            return new Changes(List.of(), true);
        }
        if (trees == null || trees.delegate() != rw.getObjectReader()) {
            trees = new TreeCache(rw.getObjectReader());
        }
        RevCommit first = rw.parseCommit(c.getParent(0));
        List<ObjectId> treeIds = new ArrayList<>(List.of(c.getTree(), first.getTree()));
        int sides = c.getParentCount() - 1;
        int[] sideTree = new int[sides];
        List<List<Integer>> baseTrees = new ArrayList<>();
        for (int i = 0; i < sides; i++) {
            RevCommit side = rw.parseCommit(c.getParent(i + 1));
            sideTree[i] = treeIds.size();
            treeIds.add(side.getTree());
            List<ObjectId> bases = mergeBases(rw.getObjectReader(), first, side);
            if (bases.isEmpty() && !shallow.isEmpty()) {
                return new Changes(List.of(), true);
            }
            List<Integer> at = new ArrayList<>();
            for (ObjectId b : bases) {
                at.add(treeIds.size());
                treeIds.add(b);
            }
            baseTrees.add(at);
        }
        List<String> out = new ArrayList<>();
        Set<String> links = new HashSet<>();
        try (TreeWalk tw = new TreeWalk(repo, trees)) {
            tw.setRecursive(true);
            for (ObjectId t : treeIds) {
                tw.addTree(t);
            }
            String folder = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
            tw.setFilter(folder.isEmpty() ? DiffersFromFirstParent.INSTANCE
                    : AndTreeFilter.create(PathFilter.create(folder), DiffersFromFirstParent.INSTANCE));
            while (tw.next()) {
                if (takenFromASide(tw, sideTree, baseTrees)) {
                    continue;
                }
                String path = tw.getPathString();
                out.add(path);
                if (FileMode.SYMLINK.equals(tw.getRawMode(0))) {
                    links.add(path);
                }
            }
        }
        return new Changes(out, false, Set.of(), Map.of(), links);
    }

    /** Whether the merge (tree 0) has a side's version of the entry, which the side changed and the first parent (tree 1) did not. */
    private static boolean takenFromASide(TreeWalk tw, int[] sideTree, List<List<Integer>> baseTrees) {
        for (int i = 0; i < sideTree.length; i++) {
            if (!same(tw, 0, sideTree[i])) {
                continue;
            }
            for (int base : baseTrees.get(i)) {
                if (same(tw, 1, base)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The same entry (mode and object) in two trees, or absent from both. */
    private static boolean same(TreeWalk tw, int a, int b) {
        return tw.getRawMode(a) == tw.getRawMode(b) && (tw.getRawMode(a) == 0 || tw.idEqual(a, b));
    }

    /** The trees of the best common ancestors of two commits (several after criss-cross merges). */
    private static List<ObjectId> mergeBases(ObjectReader reader, RevCommit a, RevCommit b) throws IOException {
        List<ObjectId> out = new ArrayList<>();
        try (RevWalk w = new RevWalk(reader)) {
            w.setRevFilter(RevFilter.MERGE_BASE);
            w.markStart(w.parseCommit(a));
            w.markStart(w.parseCommit(b));
            for (RevCommit base : w) {
                out.add(base.getTree().copy());
            }
        }
        return out;
    }

    /**
     * Which of a commit's added paths are renames of its deleted ones, by JGit's rename detection
     * (exact by object id, then by content similarity, within its default limits). Only commits
     * that both add and delete files under the prefix get here, and only those files are compared.
     */
    private Map<String, String> renames(RevWalk rw, RevCommit c, Set<String> added, List<String> deleted)
            throws IOException {
        List<String> paths = new ArrayList<>(added);
        paths.addAll(deleted);
        try (TreeWalk tw = new TreeWalk(repo, trees)) {
            tw.setRecursive(true);
            tw.addTree(rw.parseCommit(c.getParent(0)).getTree());
            tw.addTree(c.getTree());
            tw.setFilter(AndTreeFilter.create(PathFilterGroup.createFromStrings(paths), TreeFilter.ANY_DIFF));
            RenameDetector rd = new RenameDetector(trees, repo.getConfig().get(DiffConfig.KEY));
            rd.addAll(DiffEntry.scan(tw));
            Map<String, String> out = new HashMap<>();
            for (DiffEntry e : rd.compute()) {
                if (e.getChangeType() == DiffEntry.ChangeType.RENAME && added.contains(e.getNewPath())) {
                    out.put(e.getNewPath(), e.getOldPath());
                }
            }
            return out;
        }
    }

    /** Keeps recently read trees (raw bytes, least recently used dropped first). */
    private static final class TreeCache extends ObjectReader.Filter {
        private final ObjectReader reader;
        private final Map<ObjectId, byte[]> lru = new LinkedHashMap<>(256, 0.75f, true);
        private long bytes;

        TreeCache(ObjectReader reader) {
            this.reader = reader;
        }

        @Override
        protected ObjectReader delegate() {
            return reader;
        }

        @Override
        public ObjectLoader open(AnyObjectId id, int typeHint) throws IOException {
            if (typeHint != Constants.OBJ_TREE) {
                return reader.open(id, typeHint);
            }
            byte[] raw = lru.get(id);
            if (raw == null) {
                raw = reader.open(id, Constants.OBJ_TREE).getCachedBytes(Integer.MAX_VALUE);
                lru.put(id.copy(), raw);
                bytes += raw.length;
                var it = lru.entrySet().iterator();
                while (bytes > TREE_CACHE && it.hasNext()) {
                    bytes -= it.next().getValue().length;
                    it.remove();
                }
            }
            return new ObjectLoader.SmallObject(Constants.OBJ_TREE, raw);
        }

        @Override
        public void close() {
            // the delegate belongs to the RevWalk
        }
    }

    /** Entries of tree 0 (a merge) that differ from the same entry in tree 1 (its first parent). */
    private static final class DiffersFromFirstParent extends StatelessFilter {
        static final DiffersFromFirstParent INSTANCE = new DiffersFromFirstParent();

        @Override
        public boolean include(TreeWalk w) {
            return !same(w, 0, 1);
        }
    }

    /** Entries of tree 0 (the merge) that differ from the same entry in every other tree (its parents). */
    private static final class DiffersFromAll extends StatelessFilter {
        static final DiffersFromAll INSTANCE = new DiffersFromAll();

        @Override
        public boolean include(TreeWalk w) {
            for (int i = 1; i < w.getTreeCount(); i++) {
                if (w.getRawMode(0) == w.getRawMode(i) && w.idEqual(0, i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A filter that keeps no state between entries: one instance serves every walk. */
    private abstract static class StatelessFilter extends TreeFilter {
        @Override
        public boolean shouldBeRecursive() {
            return false;
        }

        @Override
        public TreeFilter clone() {
            return this;
        }
    }
}
