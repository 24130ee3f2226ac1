package vn.trang.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The paths a commit changed, as Git's own history shows them: against its parent; a root commit
 * adds every file; a merge changes only the paths whose content differs from every parent (what
 * the merge itself introduced — each side's changes belong to their own commits).
 *
 * <p>Unchanged subtrees are skipped by their ids, so a commit touching one file in a 100,000-file
 * tree costs a few tree reads, not a walk of the whole tree.
 */
public final class ChangedPaths {

    /** The changes of a commit; {@code unknown} when it is a shallow clone's cut (parents missing). */
    public record Changes(List<String> paths, boolean unknown) {
    }

    private final Repository repo;
    private final Set<ObjectId> shallow;
    private final String prefix;

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
        try (TreeWalk tw = new TreeWalk(repo, rw.getObjectReader())) {
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
                out.add(tw.getPathString());
            }
        }
        return new Changes(out, false);
    }

    /** Entries of tree 0 (the merge) that differ from the same entry in every other tree (its parents). */
    private static final class DiffersFromAll extends TreeFilter {
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
