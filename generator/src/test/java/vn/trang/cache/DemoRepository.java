package vn.trang.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

import vn.trang.Fixture;

/**
 * The demo province copied into a temp folder, as a project or as a real Git repository made
 * with JGit, for the tests of the build cache (incremental builds, {@code --since}).
 */
final class DemoRepository {

    private static final PersonIdent WHO = new PersonIdent("Quản Trị", "quantri@tinh.example.vn",
            Instant.parse("2026-01-05T01:00:00Z"), ZoneOffset.ofHours(7));

    private DemoRepository() {
    }

    /** The demo's sites, content and themes in {@code tmp}/project. */
    static Path copy(Path tmp) throws IOException {
        Path root = tmp.resolve("project");
        for (String dir : List.of("sites", "content", "themes")) {
            OutputTrees.copyTree(Fixture.REPO.resolve(dir), root.resolve(dir));
        }
        return root;
    }

    /** {@link #copy}, then a Git repository there (branch main, build folders ignored), nothing added. */
    static Path init(Path tmp) throws IOException, GitAPIException {
        Path root = copy(tmp);
        Files.writeString(root.resolve(".gitignore"), "/public/\n/full/\n/one-site/\n/.trang-cache/\n/.trang/\n");
        Git.init().setDirectory(root.toFile()).setInitialBranch("main").call().close();
        return root;
    }

    /** A commit at a fixed time {@code hour} hours after the first one (commits in a known order). */
    static RevCommit commit(Git git, String message, int hour) throws GitAPIException {
        PersonIdent at = new PersonIdent(WHO, Instant.parse("2026-01-05T01:00:00Z").plusSeconds(3600L * hour),
                ZoneOffset.ofHours(7));
        return git.commit().setMessage(message).setAuthor(at).setCommitter(at).setSign(false).call();
    }

    /** Gives every file under {@code dir} a new time, as a fresh CI checkout does. */
    static void touchAll(Path dir) throws IOException {
        FileTime now = FileTime.from(Instant.now().plusSeconds(5));
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(p, now);
            }
        }
    }
}
