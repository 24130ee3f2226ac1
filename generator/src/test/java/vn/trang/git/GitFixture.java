package vn.trang.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.eclipse.jgit.api.CommitCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

import vn.trang.Fixture;

/**
 * A {@link Fixture} project in a real Git repository made with JGit: the portal declares an
 * admin, each unit an editor; every commit has an explicit author and time (one hour apart), so
 * histories and builds are reproducible.
 *
 * <pre>
 * GitFixture g = GitFixture.create(tmp);          // first commit by ADMIN: sites, theme
 * g.f.news("so-a", "tin", "Tin", "2026-01-05");
 * g.commit(GitFixture.EDITOR_A, "Thêm tin");
 * </pre>
 */
public final class GitFixture implements AutoCloseable {

    /** An identity. */
    public record Person(String name, String email) {
    }

    public static final Person ADMIN = new Person("Quản Trị Cổng", "quantri@tinh.example.vn");
    public static final Person EDITOR_A = new Person("Nguyễn Biên Tập", "bientap@so-a.example.vn");
    public static final Person EDITOR_B = new Person("Trần Xã Viên", "bientap@xa-b.example.vn");
    public static final Person STRANGER = new Person("Người Lạ", "nguoila@example.com");

    public final Fixture f;
    public final Path root;
    public final Git git;
    private Instant clock = Instant.parse("2026-01-05T01:00:00Z");

    private GitFixture(Fixture f, Git git) {
        this.f = f;
        this.root = f.root;
        this.git = git;
    }

    /** The standard fixture with editors and an admin, committed by {@link #ADMIN}. */
    public static GitFixture create(Path dir) {
        return create(dir, "");
    }

    /** As {@link #create(Path)}, with extra lines in the portal's site file (e.g. signature policy). */
    public static GitFixture create(Path dir, String portalExtra) {
        Fixture f = Fixture.standard(dir);
        f.write("sites/" + Fixture.PORTAL + ".yml", Fixture.portalYaml() + "admins:\n  - name: " + ADMIN.name()
                + "\n    email: " + ADMIN.email() + "\n" + portalExtra);
        f.write("sites/" + Fixture.DEPT + ".yml", Fixture.unitYaml("Sở Thử Nghiệm", "department", Fixture.PORTAL,
                "/" + Fixture.DEPT + "/") + editor(EDITOR_A));
        f.write("sites/" + Fixture.COMMUNE + ".yml", Fixture.unitYaml("Xã Bình Yên", "commune", Fixture.PORTAL,
                "/" + Fixture.COMMUNE + "/") + editor(EDITOR_B));
        f.write(".gitignore", "/public/\n/.trang/\n");
        try {
            Git git = Git.init().setDirectory(f.root.toFile()).setInitialBranch("main").call();
            GitFixture g = new GitFixture(f, git);
            g.commit(ADMIN, "Khởi tạo cổng và các đơn vị");
            return g;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String editor(Person p) {
        return "editors:\n  - name: " + p.name() + "\n    email: " + p.email() + "\n";
    }

    /** The time the next commit gets. */
    public Instant clock() {
        return clock;
    }

    /** Sets the time the next commit gets (later ones follow an hour apart). */
    public GitFixture at(Instant t) {
        clock = t;
        return this;
    }

    public PersonIdent ident(Person p) {
        return new PersonIdent(p.name(), p.email(), clock, ZoneOffset.UTC);
    }

    /** Stages everything (additions, changes, deletions) and commits it as {@code who}, unsigned. */
    public RevCommit commit(Person who, String message) {
        return commit(who, message, null);
    }

    /** Stages everything and commits it as {@code who}, signed with {@code key} when not null. */
    public RevCommit commit(Person who, String message, TestKey key) {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            PersonIdent id = ident(who);
            CommitCommand c = git.commit().setAuthor(id).setCommitter(id).setMessage(message).setAllowEmpty(true);
            if (key == null) {
                c.setSign(false);
            } else {
                c.setSign(true).setSigner(key.signer()).setSigningKey("test");
            }
            RevCommit rc = c.call();
            clock = clock.plus(1, ChronoUnit.HOURS);
            return rc;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Commits the work tree, as it is, as a merge of HEAD and {@code others} made by {@code who}:
     * nothing is merged, the test writes the tree it wants (an octopus, an evil merge, a merge of
     * an old commit).
     */
    public RevCommit merge(Person who, String message, ObjectId... others) {
        try {
            git.getRepository().writeMergeHeads(List.of(others));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return commit(who, message);
    }

    /** A file's text as committed in {@code commit}. */
    public String textAt(ObjectId commit, String rel) {
        Repository r = git.getRepository();
        try (RevWalk rw = new RevWalk(r); TreeWalk tw = TreeWalk.forPath(r, rel, rw.parseCommit(commit).getTree())) {
            if (tw == null) {
                throw new IllegalArgumentException(rel + " is not in " + commit.name());
            }
            return new String(r.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code rel} as it is in {@code commit}. */
    public GitFixture restore(ObjectId commit, String rel) {
        return write(rel, textAt(commit, rel));
    }

    /** Checks out a branch, creating it at HEAD when {@code create}. */
    public GitFixture branch(String name, boolean create) {
        try {
            git.checkout().setCreateBranch(create).setName(name).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    public GitFixture write(String rel, String text) {
        f.write(rel, text);
        return this;
    }

    @Override
    public void close() {
        git.close();
    }
}
