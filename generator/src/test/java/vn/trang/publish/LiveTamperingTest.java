package vn.trang.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
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
 * A live tree edited on the server after publishing: unchanged files are hard links shared
 * between releases, so an edit in place of {@code current/…} is an edit of every release holding
 * that file. Publish must not link such a file again, rollback must refuse a release that does not
 * match its manifest, and {@code trang verify-release} must say what changed.
 */
class LiveTamperingTest {

    static final String PAGE = "xa-b/tin-tuc/hai/index.html";

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

    Publisher.Result publish(StringWriter log) {
        Publisher.Result r = new Publisher().publish(new Publisher.Options(g.root, "dir:" + target, 5, null, null,
                LocalDate.of(2026, 2, 1), 2), new PrintWriter(log, true));
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()) + r.violations() + log);
        return r;
    }

    String publish() {
        return publish(new StringWriter()).release();
    }

    Path release(String id) {
        return target.resolve("releases").resolve(id);
    }

    String live() throws Exception {
        return Files.readSymbolicLink(target.resolve("current")).getFileName().toString();
    }

    /** Overwrites bytes inside the file (same inode, same size): what an editor on the server does. */
    static void tamperInPlace(Path file) throws Exception {
        byte[] b = Files.readAllBytes(file);
        byte[] evil = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        int at = b.length / 2;
        System.arraycopy(evil, 0, b, at, Math.min(evil.length, b.length - at));
        Files.write(file, b, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    static int run(StringWriter err, String... args) {
        return TrangCommand.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
    }

    /** Two releases sharing {@link #PAGE} (a hard link), the second live. */
    String[] twoReleases() throws Exception {
        g.f.news("so-a", "mot", "Một", "2026-01-05 08:00");
        g.f.news("xa-b", "hai", "Hai", "2026-01-05 09:00");
        g.commit(GitFixture.ADMIN, "Hai tin");
        String first = publish();
        g.f.news("so-a", "ba", "Ba", "2026-01-06 08:00");
        g.commit(GitFixture.EDITOR_A, "Tin ba");
        String second = publish();
        assertEquals(Files.getAttribute(release(first).resolve(PAGE), "unix:ino"),
                Files.getAttribute(release(second).resolve(PAGE), "unix:ino"), "the page is shared by both releases");
        return new String[] {first, second};
    }

    @Test
    void aFileEditedInPlaceIsCopiedFromTheBuildNotLinkedAgainAndTheOperatorIsWarned() throws Exception {
        String[] ids = twoReleases();
        byte[] clean = Files.readAllBytes(target.resolve("current").resolve(PAGE));
        tamperInPlace(target.resolve("current").resolve(PAGE));
        Files.writeString(target.resolve("current/xa-b/shell.php"), "<?php system($_GET['c']);");
        assertFalse(new String(Files.readAllBytes(release(ids[0]).resolve(PAGE)), StandardCharsets.UTF_8).equals(
                new String(clean, StandardCharsets.UTF_8)), "the edit is in the older release too (one inode)");

        g.f.news("so-a", "bon", "Bốn", "2026-01-07 08:00");
        g.commit(GitFixture.EDITOR_A, "Tin bốn");
        StringWriter log = new StringWriter();
        Publisher.Result r = publish(log);
        Path now = release(r.release());

        assertArrayEquals(clean, Files.readAllBytes(now.resolve(PAGE)), "the new release has the built page");
        assertNotEquals(Files.getAttribute(release(ids[1]).resolve(PAGE), "unix:ino"),
                Files.getAttribute(now.resolve(PAGE), "unix:ino"), "not a link to the edited file");
        assertFalse(Files.exists(now.resolve("xa-b/shell.php")));
        assertEquals(List.of(), Manifest.read(now).check(now), "the new release matches its manifest");
        // Untouched pages are still shared.
        assertEquals(Files.getAttribute(release(ids[1]).resolve("_assets/css/trang.css"), "unix:ino"),
                Files.getAttribute(now.resolve("_assets/css/trang.css"), "unix:ino"));

        assertTrue(r.tampering().found());
        assertEquals(ids[1], r.tampering().live());
        assertEquals(List.of(new ReleaseProblem(ReleaseProblem.Kind.EXTRA, "xa-b/shell.php"),
                new ReleaseProblem(ReleaseProblem.Kind.MODIFIED, PAGE)), r.tampering().files());
        assertEquals(List.of(ids[0], ids[1]), r.tampering().releases(), "both releases holding the edit are named");
        String out = log.toString();
        List<String> warnings = out.lines().filter(l -> l.startsWith("CẢNH BÁO")).toList();
        assertEquals(3, warnings.size(), out);
        assertTrue(warnings.get(0).contains("current/xa-b/shell.php") && warnings.get(0).contains("thừa"), warnings.get(0));
        assertTrue(warnings.get(1).contains(target.resolve("current").resolve(PAGE).toString())
                && warnings.get(1).contains("đã bị sửa"), warnings.get(1));
        assertTrue(warnings.get(2).contains(ids[0]) && warnings.get(2).contains(ids[1])
                && warnings.get(2).contains("verify-release"), warnings.get(2));

        // The older releases stay as they are (releases are never modified) and say so when checked.
        assertEquals(List.of(new ReleaseProblem(ReleaseProblem.Kind.MODIFIED, PAGE)),
                Manifest.read(release(ids[0])).check(release(ids[0])));

        // A publish after that finds nothing more to say.
        g.f.news("so-a", "nam", "Năm", "2026-01-08 08:00");
        g.commit(GitFixture.EDITOR_A, "Tin năm");
        StringWriter quiet = new StringWriter();
        assertFalse(publish(quiet).tampering().found());
        assertFalse(quiet.toString().contains("CẢNH BÁO"), quiet.toString());
    }

    @Test
    void aFileReplacedBySymlinkIsNeverLinkedOrFollowed() throws Exception {
        String[] ids = twoReleases();
        Path page = target.resolve("current").resolve(PAGE);
        Files.delete(page);
        Files.createSymbolicLink(page, Path.of("/etc/passwd"));
        g.f.news("so-a", "bon", "Bốn", "2026-01-07 08:00");
        g.commit(GitFixture.EDITOR_A, "Tin bốn");
        Publisher.Result r = publish(new StringWriter());
        Path now = release(r.release());
        assertTrue(Files.isRegularFile(now.resolve(PAGE), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals(List.of(), Manifest.read(now).check(now));
        assertEquals(List.of(new ReleaseProblem(ReleaseProblem.Kind.NOT_A_FILE, PAGE)), r.tampering().files());
        assertEquals(List.of(ids[1]), r.tampering().releases(), "a replaced file is not shared with older releases");
    }

    @Test
    void rollbackRefusesAReleaseThatNoLongerMatchesItsManifest() throws Exception {
        String[] ids = twoReleases();
        // Same size, other bytes: a size check does not see it.
        tamperInPlace(release(ids[0]).resolve("so-a/tin-tuc/mot/index.html"));
        StringWriter err = new StringWriter();
        assertEquals(TrangCommand.CONTENT_ERRORS, run(err, "rollback", "--root", g.root.toString(), "--to", "dir:" + target));
        assertEquals(ids[1], live(), "the live release stays");
        String text = err.toString();
        assertTrue(text.contains(release(ids[0]).resolve("so-a/tin-tuc/mot/index.html") + ": lỗi: đã bị sửa"), text);
        assertTrue(text.contains("không còn nguyên vẹn"), text);
        // The shared page was edited through the live release: the older one is refused too, by name.
        tamperInPlace(target.resolve("current").resolve(PAGE));
        Publisher.Result r = new Publisher().rollback(g.root, "dir:" + target, ids[0], new PrintWriter(new StringWriter()));
        assertFalse(r.ok());
        String dump = Diags.dump(r.diagnostics());
        assertTrue(dump.contains(release(ids[0]).resolve(PAGE).toString()), dump);
        assertEquals(ids[1], live());
    }

    @Test
    void verifyReleaseReportsModifiedExtraAndMissingFiles() throws Exception {
        String[] ids = twoReleases();
        String to = "dir:" + target;
        StringWriter ok = new StringWriter();
        assertEquals(TrangCommand.OK, run(ok, "verify-release", "--root", g.root.toString(), "--to", to), ok.toString());
        assertTrue(ok.toString().contains("Khớp: bản " + ids[1]), ok.toString());
        assertTrue(ok.toString().contains(Manifest.sha256(release(ids[1]).resolve(Manifest.PATH))), "names the manifest by its hash");

        Path cur = target.resolve("current");
        tamperInPlace(cur.resolve(PAGE));
        Files.writeString(cur.resolve("so-a/tin-tuc/backdoor.html"), "<a href=//evil>x</a>");
        Files.delete(cur.resolve("so-a/tin-tuc/ba/index.html"));
        Files.writeString(cur.resolve("_trang/extra.json"), "{}");
        StringWriter err = new StringWriter();
        assertEquals(TrangCommand.CONTENT_ERRORS, run(err, "verify-release", "--root", g.root.toString(), "--to", to));
        String where = release(ids[1]) + "/";
        List<String> lines = err.toString().lines().toList();
        assertEquals(List.of(
                where + "_trang/extra.json: lỗi: " + ReleaseProblem.Kind.EXTRA.text(),
                where + "so-a/tin-tuc/ba/index.html: lỗi: " + ReleaseProblem.Kind.MISSING.text(),
                where + "so-a/tin-tuc/backdoor.html: lỗi: " + ReleaseProblem.Kind.EXTRA.text(),
                where + PAGE + ": lỗi: " + ReleaseProblem.Kind.MODIFIED.text()),
                lines.subList(0, 4), err.toString());
        assertTrue(lines.get(4).startsWith("KHÔNG KHỚP: bản " + ids[1]), lines.get(4));

        // --release: the older one shares the edited page (a hard link), not the others.
        StringWriter older = new StringWriter();
        assertEquals(TrangCommand.CONTENT_ERRORS, run(older, "verify-release", "--root", g.root.toString(), "--to", to,
                "--release", ids[0]));
        assertEquals(2, older.toString().lines().count(), older.toString());
        assertTrue(older.toString().startsWith(release(ids[0]) + "/" + PAGE + ": lỗi: đã bị sửa"), older.toString());

        StringWriter none = new StringWriter();
        assertEquals(TrangCommand.CONTENT_ERRORS, run(none, "verify-release", "--root", g.root.toString(), "--to", to,
                "--release", "20000101T000000Z-00000000"));
        assertEquals(TrangCommand.USAGE, run(new StringWriter(), "verify-release", "--root", g.root.toString()));
        StringWriter help = new StringWriter();
        assertEquals(TrangCommand.OK, TrangCommand.execute(new String[] {"verify-release", "--help"}, new PrintWriter(help),
                new PrintWriter(new StringWriter())));
        assertTrue(help.toString().contains("--release"), help.toString());
    }

    /**
     * The build cache keeps hard links to the search index it wrote, which for a publish are the
     * release's own files: an edit in place of the live index is an edit of the cache's copy. The
     * next publish must not take it from there.
     */
    @Test
    void anEditedLiveSearchIndexIsNotReusedThroughTheBuildCache() throws Exception {
        g.f.news("so-a", "mot", "Một", "2026-01-05 08:00");
        g.commit(GitFixture.EDITOR_A, "Một");
        String first = publish();
        Path index = target.resolve("current/_search/index");
        Path file;
        try (var s = Files.list(index)) {
            file = s.filter(p -> !p.getFileName().toString().equals("write.lock"))
                    .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
        }
        tamperInPlace(file);
        byte[] tampered = Files.readAllBytes(file);

        StringWriter log = new StringWriter();
        Path now = release(publish(log).release()); // the same commit again: its index is unchanged
        try (var s = Files.list(now.resolve("_search/index"))) {
            for (Path p : s.toList()) {
                assertFalse(java.util.Arrays.equals(tampered, Files.readAllBytes(p)), p + " is the edited file");
            }
        }
        assertEquals(List.of(), Manifest.read(now).check(now));
        assertTrue(log.toString().contains(".trang-cache/index: cảnh báo:") && log.toString().contains("verify-release"),
                log.toString());
        assertEquals(List.of(new ReleaseProblem(ReleaseProblem.Kind.MODIFIED, "_search/index/" + file.getFileName())),
                Manifest.read(release(first)).check(release(first)));
    }

    /**
     * A deploy branch's commits cannot change, but anyone who can push may add one whose tree
     * differs from the manifest it carries: verify-release finds it, and rollback refuses it.
     */
    @Test
    void aDeployBranchCommitThatDoesNotMatchItsManifestIsFoundAndRefused() throws Exception {
        Path bare = tmp.resolve("deploy.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).call().close();
        String to = "git:" + bare.toUri() + "#trien-khai";
        g.f.news("so-a", "mot", "Một", "2026-01-05 08:00");
        g.commit(GitFixture.EDITOR_A, "Một");
        Publisher.Result r1 = new Publisher().publish(new Publisher.Options(g.root, to, 3, null, null,
                LocalDate.of(2026, 2, 1), 2), new PrintWriter(new StringWriter()));
        assertTrue(r1.ok(), () -> Diags.dump(r1.diagnostics()));
        g.f.news("so-a", "hai", "Hai", "2026-01-06 08:00");
        g.commit(GitFixture.EDITOR_A, "Hai");
        Publisher.Result r2 = new Publisher().publish(new Publisher.Options(g.root, to, 3, null, null,
                LocalDate.of(2026, 2, 1), 2), new PrintWriter(new StringWriter()));
        assertTrue(r2.ok(), () -> Diags.dump(r2.diagnostics()));
        StringWriter ok = new StringWriter();
        assertEquals(TrangCommand.OK, run(ok, "verify-release", "--root", g.root.toString(), "--to", to), ok.toString());

        // Someone pushes a commit that changes a page and keeps r2's manifest.
        try (Repository d = Git.open(bare.toFile()).getRepository(); RevWalk rw = new RevWalk(d);
             ObjectInserter ins = d.newObjectInserter()) {
            RevCommit tip = rw.parseCommit(d.resolve("refs/heads/trien-khai"));
            DirCache index = DirCache.read(d.newObjectReader(), tip.getTree());
            DirCacheEntry e = index.getEntry("so-a/tin-tuc/mot/index.html");
            e.setObjectId(ins.insert(Constants.OBJ_BLOB, "<h1>đã sửa</h1>".getBytes(StandardCharsets.UTF_8)));
            e.setFileMode(FileMode.REGULAR_FILE);
            ObjectId tree = index.writeTree(ins);
            CommitBuilder cb = new CommitBuilder();
            cb.setTreeId(tree);
            cb.setParentId(tip);
            PersonIdent who = new PersonIdent("Người Lạ", "nguoila@example.com");
            cb.setAuthor(who);
            cb.setCommitter(who);
            cb.setMessage("sửa tay");
            ObjectId c = ins.insert(cb);
            ins.flush();
            RefUpdate u = d.updateRef("refs/heads/trien-khai");
            u.setNewObjectId(c);
            u.setExpectedOldObjectId(tip);
            assertEquals(RefUpdate.Result.FAST_FORWARD, u.update());
        }
        StringWriter err = new StringWriter();
        assertEquals(TrangCommand.CONTENT_ERRORS, run(err, "verify-release", "--root", g.root.toString(), "--to", to));
        assertTrue(err.toString().contains("so-a/tin-tuc/mot/index.html: lỗi: đã bị sửa"), err.toString());
        // r1's commit is intact and may be rolled back to; r2 now names the edited commit, which is refused.
        Publisher.Result back = new Publisher().rollback(g.root, to, r1.release(), new PrintWriter(new StringWriter()));
        assertTrue(back.ok(), () -> Diags.dump(back.diagnostics()));
        Publisher.Result refused = new Publisher().rollback(g.root, to, r2.release(), new PrintWriter(new StringWriter()));
        assertFalse(refused.ok());
        String dump = Diags.dump(refused.diagnostics());
        assertTrue(dump.contains("so-a/tin-tuc/mot/index.html") && dump.contains("không khớp tệp kê khai"), dump);
    }
}
