package vn.trang.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * How a {@link GitTarget} turns a built folder into a deploy commit: every regular file a blob
 * (Git stores a blob once by its content id, so unchanged files cost nothing), one tree, one
 * commit whose author and committer are {@code GIT_COMMITTER_NAME}/{@code GIT_COMMITTER_EMAIL}
 * (else "Trang") at the given time, so a release's commit does not depend on who ran it when.
 */
final class DeployCommits {

    private DeployCommits() {
    }

    /** A tree written from a folder, and how many files it holds. */
    record Tree(ObjectId id, int files) {
    }

    /** Inserts every regular file under {@code built} as a blob, and the tree of them. */
    static Tree tree(Path built, ObjectInserter ins) throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder b = index.builder();
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(built)) {
            paths = walk.filter(Files::isRegularFile).toList();
        }
        int files = 0;
        for (Path p : paths) {
            DirCacheEntry e = new DirCacheEntry(built.relativize(p).toString().replace('\\', '/'));
            e.setFileMode(FileMode.REGULAR_FILE);
            try (InputStream in = Files.newInputStream(p)) {
                e.setObjectId(ins.insert(Constants.OBJ_BLOB, Files.size(p), in));
            }
            b.add(e);
            files++;
        }
        b.finish();
        return new Tree(index.writeTree(ins), files);
    }

    /** A commit of {@code tree} on {@code parent} (null: the branch's first). */
    static CommitBuilder commit(ObjectId tree, ObjectId parent, String message, Instant when) {
        String name = env("GIT_COMMITTER_NAME", "Trang");
        String email = env("GIT_COMMITTER_EMAIL", "trang@localhost");
        PersonIdent who = new PersonIdent(name, email, when, ZoneOffset.UTC);
        CommitBuilder cb = new CommitBuilder();
        cb.setTreeId(tree);
        if (parent != null) {
            cb.setParentId(parent);
        }
        cb.setAuthor(who);
        cb.setCommitter(who);
        cb.setMessage(message);
        return cb;
    }

    private static String env(String key, String fallback) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? fallback : v;
    }
}
