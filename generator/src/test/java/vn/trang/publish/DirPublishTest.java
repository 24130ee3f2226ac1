package vn.trang.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.cli.TrangCommand;
import vn.trang.git.AccessRules;
import vn.trang.git.GitFixture;

/** trang publish --to dir: and trang rollback: release folders, manifest, hard links, atomic switch. */
class DirPublishTest {

    @TempDir
    Path tmp;
    GitFixture g;
    Path target;

    @BeforeEach
    void setUp() {
        g = GitFixture.create(tmp.resolve("p"));
        target = tmp.resolve("srv");
    }

    @AfterEach
    void tearDown() {
        g.close();
    }

    Publisher.Result publish(String since) {
        StringWriter log = new StringWriter();
        Publisher.Result r = new Publisher().publish(new Publisher.Options(g.root, "dir:" + target, 3, since, null,
                LocalDate.of(2026, 2, 1), 2), new PrintWriter(log, true));
        return r;
    }

    Publisher.Result mustPublish() {
        Publisher.Result r = publish(null);
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()) + r.violations());
        return r;
    }

    String live() throws Exception {
        return Files.readSymbolicLink(target.resolve("current")).getFileName().toString();
    }

    static Object inode(Path p) throws Exception {
        return Files.getAttribute(p, "unix:ino");
    }

    @Test
    void aReleaseIsAFolderWithAManifestAndCurrentPointsAtIt() throws Exception {
        g.f.news("so-a", "tin", "Tin", "2026-01-05 08:00");
        RevCommit c = g.commit(GitFixture.EDITOR_A, "Tin");
        Publisher.Result r = mustPublish();
        assertEquals(r.release(), live());
        assertTrue(r.release().endsWith("-" + c.abbreviate(8).name()), r.release());
        Path rel = target.resolve("current");
        Manifest m = Manifest.read(rel);
        assertEquals(c.name(), m.sourceCommit());
        assertEquals(r.release(), m.release());
        assertEquals("2026-02-01", m.asOf());
        assertTrue(m.files().stream().anyMatch(f -> f.path().equals("so-a/tin-tuc/tin/index.html")));
        assertEquals(List.of(), m.check(rel), "every file is listed with its size and SHA-256, nothing else");
        assertTrue(Files.isSymbolicLink(target.resolve("current")));
        assertEquals(Path.of("releases", r.release()), Files.readSymbolicLink(target.resolve("current")), "a relative link");
        try (var s = Files.list(target.resolve(".tmp"))) {
            assertEquals(0, s.count(), "nothing is left in .tmp");
        }
    }

    @Test
    void unchangedFilesAreHardLinksToThePreviousRelease() throws Exception {
        g.f.news("so-a", "mot", "Một", "2026-01-05 08:00");
        g.f.news("xa-b", "hai", "Hai", "2026-01-05 09:00");
        g.commit(GitFixture.ADMIN, "Hai tin");
        String first = mustPublish().release();
        g.f.news("so-a", "mot", "Một đã sửa", "2026-01-05 08:00");
        g.commit(GitFixture.EDITOR_A, "Sửa tin một");
        String second = mustPublish().release();
        assertNotEquals(first, second);
        Path a = target.resolve("releases").resolve(first);
        Path b = target.resolve("releases").resolve(second);
        assertEquals(inode(a.resolve("xa-b/tin-tuc/hai/index.html")), inode(b.resolve("xa-b/tin-tuc/hai/index.html")),
                "an unchanged page is the same file on disk");
        assertEquals(inode(a.resolve("_assets/css/trang.css")), inode(b.resolve("_assets/css/trang.css")));
        assertFalse(Files.exists(b.resolve("so-a/tin-tuc/mot/index.html")));
        assertTrue(Files.exists(b.resolve("so-a/tin-tuc/mot-da-sua/index.html")));
        assertEquals(List.of(), Manifest.read(a).check(a), "the old release is intact");
        assertEquals(List.of(), Manifest.read(b).check(b));
    }

    /**
     * Publish builds incrementally, with the build cache of the previous publish, and the
     * release is still exactly what a whole build of the same commit writes.
     */
    @Test
    void aPublishBuildsIncrementallyAndEqualsAWholeBuild() throws Exception {
        g.f.news("so-a", "mot", "Một", "2026-01-05 08:00");
        g.f.news("xa-b", "hai", "Hai", "2026-01-05 09:00");
        g.f.document("so-a", "qd", "01/QĐ-SA", "Quyết định", "2026-01-05");
        g.commit(GitFixture.ADMIN, "Tin và văn bản");
        mustPublish();
        assertTrue(Files.isRegularFile(g.root.resolve(".trang-cache/state.bin")), "publish keeps a build cache");
        g.f.news("so-a", "mot", "Một đã sửa", "2026-01-05 08:00");
        g.f.delete("content/xa-b/tin-tuc/hai.md");
        g.f.news("xa-b", "ba", "Ba", "2026-01-06 09:00");
        g.commit(GitFixture.ADMIN, "Sửa, xoá và thêm tin");
        String second = mustPublish().release();

        Path release = target.resolve("releases").resolve(second);
        Path copy = tmp.resolve("release-copy");
        try (java.util.stream.Stream<Path> walk = Files.walk(release)) {
            for (Path p : walk.toList()) {
                String rel = release.relativize(p).toString();
                if (rel.startsWith("_trang")) {
                    continue;
                }
                Path to = copy.resolve(rel);
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Path whole = tmp.resolve("whole");
        vn.trang.pipeline.BuildResult r = new vn.trang.pipeline.Builder().build(
                new vn.trang.pipeline.BuildOptions(g.root, whole, null, "default", 2, LocalDate.of(2026, 2, 1)));
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        vn.trang.cache.OutputTrees.assertSameTree(whole, copy, List.of("second publish"));
        assertTrue(Files.exists(release.resolve("so-a/tin-tuc/mot-da-sua/index.html")));
        assertFalse(Files.exists(release.resolve("xa-b/tin-tuc/hai/index.html")));
    }

    @Test
    void oldReleasesArePrunedAndRollbackSwitchesBack() throws Exception {
        String[] ids = new String[5];
        for (int i = 0; i < 5; i++) {
            g.f.news("so-a", "tin-" + i, "Tin " + i, "2026-01-0" + (i + 1) + " 08:00");
            g.commit(GitFixture.EDITOR_A, "Tin " + i);
            ids[i] = mustPublish().release();
        }
        List<String> kept;
        try (var s = Files.list(target.resolve("releases"))) {
            kept = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of(ids[2], ids[3], ids[4]), kept, "--keep 3");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(TrangCommand.OK, TrangCommand.execute(new String[] {"rollback", "--root", g.root.toString(), "--to",
                "dir:" + target}, new PrintWriter(out), new PrintWriter(err)), err.toString());
        assertEquals(ids[3], live());
        assertEquals(TrangCommand.OK, TrangCommand.execute(new String[] {"rollback", "--root", g.root.toString(), "--to",
                "dir:" + target}, new PrintWriter(out), new PrintWriter(err)), err.toString());
        assertEquals(ids[2], live());
        // Nothing older is left.
        assertEquals(TrangCommand.CONTENT_ERRORS, TrangCommand.execute(new String[] {"rollback", "--root", g.root.toString(),
                "--to", "dir:" + target}, new PrintWriter(out), new PrintWriter(err)));
        assertEquals(ids[2], live());
        // Forward again to a named release; --list marks the live one.
        assertEquals(TrangCommand.OK, TrangCommand.execute(new String[] {"rollback", "--root", g.root.toString(), "--to",
                "dir:" + target, "--release", ids[4]}, new PrintWriter(out), new PrintWriter(err)), err.toString());
        assertEquals(ids[4], live());
        StringWriter list = new StringWriter();
        TrangCommand.execute(new String[] {"rollback", "--root", g.root.toString(), "--to", "dir:" + target, "--list"},
                new PrintWriter(list), new PrintWriter(err));
        assertEquals("  " + ids[2] + "\n  " + ids[3] + "\n* " + ids[4] + "\n", list.toString().replace("\r", ""));
    }

    @Test
    void aDamagedReleaseIsNotRolledBackTo() throws Exception {
        g.f.news("so-a", "mot", "Một", "2026-01-05 08:00");
        g.commit(GitFixture.EDITOR_A, "Một");
        String first = mustPublish().release();
        g.f.news("so-a", "hai", "Hai", "2026-01-06 08:00");
        g.commit(GitFixture.EDITOR_A, "Hai");
        String second = mustPublish().release();
        Files.delete(target.resolve("releases").resolve(first).resolve("so-a/tin-tuc/mot/index.html"));
        Publisher.Result r = new Publisher().rollback(g.root, "dir:" + target, null, new PrintWriter(new StringWriter()));
        assertFalse(r.ok());
        assertTrue(Diags.dump(r.diagnostics()).contains("không còn nguyên vẹn"), Diags.dump(r.diagnostics()));
        assertEquals(second, live());
    }

    @Test
    void anUnauthorisedCommitIsRefusedAndTheLiveSiteStays() throws Exception {
        g.f.news("so-a", "mot", "Một", "2026-01-05 08:00");
        g.commit(GitFixture.EDITOR_A, "Một");
        String first = mustPublish().release();
        // An editor of so-a touches the commune's content.
        g.f.news("xa-b", "la", "Lạ", "2026-01-06 08:00");
        RevCommit bad = g.commit(GitFixture.EDITOR_A, "Sửa nhầm tin của xã");
        Publisher.Result r = publish(null);
        assertFalse(r.ok());
        assertEquals(1, r.violations().size(), r.violations().toString());
        assertEquals(bad.abbreviate(10).name(), r.violations().get(0).commit());
        assertEquals(AccessRules.RULE_EDITORS, r.violations().get(0).rule());
        assertEquals(first, live());
        assertEquals(1, Files.list(target.resolve("releases")).count(), "no new release folder");
        // The CLI prints it and exits 1.
        StringWriter err = new StringWriter();
        assertEquals(TrangCommand.CONTENT_ERRORS, TrangCommand.execute(new String[] {"publish", "--root", g.root.toString(),
                "--to", "dir:" + target}, new PrintWriter(new StringWriter()), new PrintWriter(err)));
        assertTrue(err.toString().contains("content/xa-b/tin-tuc/la.md: lỗi: commit " + bad.abbreviate(10).name()), err.toString());
        assertEquals(first, live());
    }

    @Test
    void theFirstPublishVerifiesTheWholeHistoryUnlessToldWhereToStart() throws Exception {
        g.f.news("xa-b", "la", "Lạ", "2026-01-06 08:00");
        RevCommit bad = g.commit(GitFixture.EDITOR_A, "Sửa nhầm tin của xã");
        assertFalse(publish(null).ok());
        assertFalse(Files.exists(target.resolve("current")));
        assertTrue(publish(bad.name()).ok(), "--since skips what was already reviewed");
        assertNotNull(live());
    }

    @Test
    void aBuildErrorOrUncommittedContentLeavesTheLiveSite() throws Exception {
        g.f.news("so-a", "mot", "Một", "2026-01-05 08:00");
        g.commit(GitFixture.EDITOR_A, "Một");
        String first = mustPublish().release();

        g.write("content/so-a/tin-tuc/hong.md", "---\ntitle: Hỏng\ndate: 19/4/2019\n---\n");
        g.commit(GitFixture.EDITOR_A, "Ngày sai");
        Publisher.Result r = publish(null);
        assertFalse(r.ok());
        assertTrue(r.diagnostics().hasErrors());
        assertEquals(first, live());

        Files.delete(g.root.resolve("content/so-a/tin-tuc/hong.md"));
        g.commit(GitFixture.EDITOR_A, "Xóa tệp hỏng");
        g.f.news("so-a", "chua-commit", "Chưa commit", "2026-01-07 08:00");
        Publisher.Result dirty = publish(null);
        assertFalse(dirty.ok());
        Diags.singleError(dirty.diagnostics(), "content/so-a/tin-tuc/chua-commit.md", 0, 0, "chưa commit");
        assertEquals(first, live());
        try (var s = Files.list(target.resolve(".tmp"))) {
            assertEquals(0, s.count(), "staging removed after a failure");
        }
    }

    @Test
    void aFolderOutsideGitCannotBePublishedAndTargetsAreChecked() throws Exception {
        Path plain = tmp.resolve("plain");
        vn.trang.Fixture.standard(plain);
        Publisher.Result r = new Publisher().publish(new Publisher.Options(plain, "dir:" + target, 3, null, null,
                LocalDate.of(2026, 2, 1), 2), new PrintWriter(new StringWriter()));
        assertFalse(r.ok());
        assertNull(r.release());
        StringWriter err = new StringWriter();
        assertEquals(TrangCommand.USAGE, TrangCommand.execute(new String[] {"publish", "--root", g.root.toString(), "--to",
                "ftp:x"}, new PrintWriter(new StringWriter()), new PrintWriter(err)), err.toString());
        assertEquals(TrangCommand.USAGE, TrangCommand.execute(new String[] {"publish", "--root", g.root.toString(), "--to",
                "git:/tmp/x.git"}, new PrintWriter(new StringWriter()), new PrintWriter(err)), err.toString());
        // A real folder where `current` should be is refused, and left alone.
        Files.createDirectories(target.resolve("current"));
        Files.writeString(target.resolve("current/index.html"), "cũ");
        assertFalse(publish(null).ok());
        assertEquals("cũ", Files.readString(target.resolve("current/index.html")));
    }
}
