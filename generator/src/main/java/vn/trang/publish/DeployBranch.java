package vn.trang.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The deploy branch of a {@link GitTarget} as read from its local bare repository: the manifest
 * a commit carries, which commit carries each release, and whether a commit's tree is what its
 * manifest lists. Reads only; {@link GitTarget} makes and pushes the commits.
 */
final class DeployBranch {

    private final Repository repo;
    private final String branch;
    /** The target as the user named it, for messages. */
    private final String describe;

    DeployBranch(Repository repo, String branch, String describe) {
        this.repo = repo;
        this.branch = branch;
        this.describe = describe;
    }

    /** The manifest in a commit's tree, or null when it has none or an unreadable one. */
    Manifest manifestOf(ObjectId commit) throws IOException {
        try (RevWalk rw = new RevWalk(repo)) {
            RevCommit c = rw.parseCommit(commit);
            try (TreeWalk tw = TreeWalk.forPath(repo, Manifest.PATH, c.getTree())) {
                if (tw == null) {
                    return null;
                }
                try {
                    return Manifest.parse(new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
                } catch (RuntimeException e) {
                    return null;
                }
            }
        }
    }

    /** Release id → the newest commit of the branch's first-parent history from {@code tip} that carries it. */
    Map<String, ObjectId> history(ObjectId tip) throws PublishException {
        Map<String, ObjectId> out = new LinkedHashMap<>();
        if (tip == null) {
            return out;
        }
        try (RevWalk rw = new RevWalk(repo)) {
            RevCommit c = rw.parseCommit(tip);
            while (c != null) {
                Manifest m = manifestOf(c);
                if (m != null && m.release() != null) {
                    out.putIfAbsent(m.release(), c.copy());
                }
                c = c.getParentCount() == 0 ? null : rw.parseCommit(c.getParent(0));
            }
        } catch (IOException e) {
            throw new PublishException("không đọc được lịch sử nhánh " + branch + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * A commit's tree against the manifest in it. A deploy commit is content-addressed, so it
     * cannot change after the push; but anyone who can push to the branch can add a commit whose
     * tree does not match the manifest it carries, and that is what this finds.
     *
     * @param release the release the commit should carry, or null for whichever it does
     */
    Target.Verification verify(String release, ObjectId commit) throws PublishException {
        try (RevWalk rw = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
            Manifest m = manifestOf(commit);
            if (m == null) {
                throw new PublishException("commit " + commit.abbreviate(10).name() + " trên nhánh " + branch
                        + " không có tệp kê khai " + Manifest.PATH + " hợp lệ");
            }
            if (release != null && !release.equals(m.release())) {
                throw new PublishException("commit " + commit.abbreviate(10).name() + " mang tệp kê khai của bản "
                        + m.release() + ", không phải " + release);
            }
            Map<String, Manifest.FileEntry> listed = m.byPath();
            List<ReleaseProblem> problems = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            tw.addTree(rw.parseCommit(commit).getTree());
            tw.setRecursive(true);
            while (tw.next()) {
                String path = tw.getPathString();
                if (path.equals(Manifest.PATH)) {
                    continue;
                }
                Manifest.FileEntry f = listed.get(path);
                if (f == null) {
                    problems.add(new ReleaseProblem(ReleaseProblem.Kind.EXTRA, path));
                    continue;
                }
                seen.add(path);
                FileMode mode = tw.getFileMode(0);
                if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
                    problems.add(new ReleaseProblem(ReleaseProblem.Kind.NOT_A_FILE, path));
                    continue;
                }
                long[] size = new long[1];
                String sha;
                try (InputStream in = repo.open(tw.getObjectId(0), Constants.OBJ_BLOB).openStream()) {
                    sha = Manifest.sha256(in, size);
                }
                if (size[0] != f.size() || !sha.equals(f.sha256())) {
                    problems.add(new ReleaseProblem(ReleaseProblem.Kind.MODIFIED, path));
                }
            }
            for (Manifest.FileEntry f : m.files()) {
                if (!seen.contains(f.path())) {
                    problems.add(new ReleaseProblem(ReleaseProblem.Kind.MISSING, f.path()));
                }
            }
            problems.sort(null);
            return new Target.Verification(m.release(), describe + " " + commit.abbreviate(10).name() + ":",
                    commit.name(), m.files().size(), problems);
        } catch (IOException e) {
            throw new PublishException("không đọc được commit " + commit.abbreviate(10).name() + ": " + e.getMessage(), e);
        }
    }
}
