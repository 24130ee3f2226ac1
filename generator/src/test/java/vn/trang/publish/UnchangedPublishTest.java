package vn.trang.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.cli.TrangCommand;
import vn.trang.git.GitFixture;

/**
 * A publish whose build is the live release again (a scheduled run with nothing due, a commit
 * that changes no page) makes no release, on a folder and on a deploy branch, so {@code --keep}
 * and rollback keep their meaning.
 */
class UnchangedPublishTest {

    @TempDir
    Path tmp;
    GitFixture g;

    @BeforeEach
    void setUp() {
        g = GitFixture.create(tmp.resolve("p"));
        g.f.news("so-a", "mot", "Một", "2026-01-05 08:00");
        g.commit(GitFixture.EDITOR_A, "Một");
    }

    @AfterEach
    void tearDown() {
        g.close();
    }

    private Publisher.Result publish(String to, StringWriter log) {
        Publisher.Result r = new Publisher().publish(new Publisher.Options(g.root, to, 3, null, null,
                LocalDate.of(2026, 2, 1), 2), new PrintWriter(log, true));
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()) + r.violations() + log);
        return r;
    }

    private static List<String> releases(Path target) throws Exception {
        try (var s = Files.list(target.resolve("releases"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFolderGetsNoNewReleaseWhenNothingChanged() throws Exception {
        Path target = tmp.resolve("srv");
        String to = "dir:" + target;
        Publisher.Result first = publish(to, new StringWriter());
        assertFalse(first.unchanged());

        StringWriter log = new StringWriter();
        Publisher.Result again = publish(to, log);
        assertTrue(again.unchanged(), log.toString());
        assertEquals(first.release(), again.release(), "the live release is named");
        assertEquals(List.of(first.release()), releases(target));
        assertEquals(first.release(), Files.readSymbolicLink(target.resolve("current")).getFileName().toString());
        assertTrue(log.toString().contains("Không có gì thay đổi: bản dựng giống hệt bản đang chạy " + first.release()),
                log.toString());

        // A commit that changes no page (outside what the build reads) makes no release either.
        Files.writeString(g.root.resolve("GHI-CHU.txt"), "ghi chú của quản trị\n");
        g.commit(GitFixture.ADMIN, "Ghi chú");
        assertTrue(publish(to, new StringWriter()).unchanged());
        assertEquals(List.of(first.release()), releases(target));

        // The next real change is a release, and rollback goes back to the first one.
        g.f.news("so-a", "hai", "Hai", "2026-01-06 08:00");
        g.commit(GitFixture.EDITOR_A, "Hai");
        Publisher.Result second = publish(to, new StringWriter());
        assertFalse(second.unchanged());
        assertEquals(List.of(first.release(), second.release()), releases(target));
        Publisher.Result back = new Publisher().rollback(g.root, to, null, new PrintWriter(new StringWriter()));
        assertEquals(first.release(), back.release());
    }

    @Test
    void aLiveReleaseChangedOnTheServerIsReplacedEvenWhenTheBuildIsTheSame() throws Exception {
        Path target = tmp.resolve("srv");
        String to = "dir:" + target;
        String first = publish(to, new StringWriter()).release();
        Path page = target.resolve("current/so-a/tin-tuc/mot/index.html");
        byte[] clean = Files.readAllBytes(page);
        Files.write(page, "<p>bị sửa</p>".getBytes(StandardCharsets.UTF_8), StandardOpenOption.TRUNCATE_EXISTING);

        StringWriter log = new StringWriter();
        Publisher.Result r = publish(to, log);
        assertFalse(r.unchanged(), log.toString());
        assertNotEquals(first, r.release());
        assertTrue(log.toString().contains("nhưng bản đó đã bị sửa trên máy chủ"), log.toString());
        assertEquals(List.of(), Manifest.read(target.resolve("current")).check(target.resolve("current")));
        assertTrue(java.util.Arrays.equals(clean, Files.readAllBytes(target.resolve("current/so-a/tin-tuc/mot/index.html"))));
    }

    @Test
    void aCurrentLinkMadeByHandIsPutRightEvenWhenTheBuildIsTheSame() throws Exception {
        Path target = tmp.resolve("srv");
        String to = "dir:" + target;
        String first = publish(to, new StringWriter()).release();
        Path current = target.resolve("current");
        Files.delete(current);
        Files.createSymbolicLink(current, target.resolve("releases").resolve(first).toAbsolutePath());

        StringWriter log = new StringWriter();
        Publisher.Result r = publish(to, log);
        assertFalse(r.unchanged(), log.toString());
        assertTrue(log.toString().contains("không kiểm tra được bản đó"), log.toString());
        assertEquals(Path.of("releases", r.release()), Files.readSymbolicLink(current));
    }

    @Test
    void aDeployBranchGetsNoNewCommitWhenNothingChanged() throws Exception {
        Path bare = tmp.resolve("deploy.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).call().close();
        String to = "git:" + bare.toUri() + "#trien-khai";
        Publisher.Result first = publish(to, new StringWriter());
        ObjectId tip = tip(bare);

        StringWriter log = new StringWriter();
        Publisher.Result again = publish(to, log);
        assertTrue(again.unchanged(), log.toString());
        assertEquals(first.release(), again.release());
        assertEquals(tip, tip(bare), "nothing pushed");

        g.f.news("so-a", "hai", "Hai", "2026-01-06 08:00");
        g.commit(GitFixture.EDITOR_A, "Hai");
        assertFalse(publish(to, new StringWriter()).unchanged());
        try (Git d = Git.open(bare.toFile()); RevWalk rw = new RevWalk(d.getRepository())) {
            RevCommit c = rw.parseCommit(tip(bare));
            assertEquals(tip, c.getParent(0), "one new commit on top of the first release");
        }
    }

    @Test
    void theCommandSaysNothingWasPublishedAndExitsZero() {
        String to = "dir:" + tmp.resolve("srv");
        String first = publish(to, new StringWriter()).release();
        StringWriter err = new StringWriter();
        int code = TrangCommand.execute(new String[] {"publish", "--root", g.root.toString(), "--to", to, "--as-of",
                "2026-02-01"}, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertEquals(TrangCommand.OK, code, err.toString());
        assertTrue(err.toString().contains("Xong: không có gì mới để phát hành, bản " + first + " vẫn đang chạy"),
                err.toString());
    }

    private static ObjectId tip(Path bare) throws Exception {
        try (Git d = Git.open(bare.toFile())) {
            return d.getRepository().resolve("refs/heads/trien-khai");
        }
    }
}
