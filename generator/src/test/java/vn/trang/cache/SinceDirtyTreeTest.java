package vn.trang.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.pipeline.BuildOptions;
import vn.trang.pipeline.BuildResult;
import vn.trang.pipeline.Builder;

/**
 * {@code trang build --since REV} must not trust cache records that do not hold what
 * Git has at REV. A build may run from a work tree with uncommitted edits, and a {@code --site}
 * build keeps the records of other sites' files from earlier builds; in both cases the cache's
 * commit says less than it seems. Every case here ends with a {@code --since} build compared
 * byte for byte with a whole build without cache.
 *
 * <p>The edits keep the file's size (a marker of fixed length is swapped), because size is the
 * one thing a trusted record is still checked against; every file's time is changed before the
 * {@code --since} build, as in a fresh CI checkout.
 */
class SinceDirtyTreeTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 11, 1);

    private static final String COMMITTED = "Dấu kiểm tra: aaaaaaaaaa";
    private static final String DIRTY = "Dấu kiểm tra: bbbbbbbbbb";
    private static final String OTHER = "Dấu kiểm tra: cccccccccc";

    /** Dirty edit → cached build (from HEAD) → the edit is reverted → --since HEAD. */
    @Test
    void aBuildFromADirtyTreeIsNotTrustedAfterTheEditIsReverted(@TempDir Path tmp) throws Exception {
        Path root = DemoRepository.init(tmp);
        Path marked = mark(root, 0);
        try (Git git = Git.open(root.toFile())) {
            git.add().addFilepattern(".").call();
            RevCommit first = DemoRepository.commit(git, "Nội dung ban đầu", 0);
            Path out = tmp.resolve("public");

            swap(marked, COMMITTED, DIRTY); // not committed
            BuildResult dirty = build(root, out, true, null, null);
            assertTrue(dirty.ok(), () -> OutputTrees.errors(dirty));
            assertTrue(OutputTrees.anyFileContains(out, DIRTY));

            swap(marked, DIRTY, COMMITTED); // reverted: the work tree is HEAD again
            DemoRepository.touchAll(root.resolve("content"));
            assertTrue(git.status().call().isClean());

            sinceBuildEqualsWholeBuild(root, tmp, out, first.name(), "reverted dirty edit");
            assertTrue(OutputTrees.anyFileContains(out, COMMITTED), "the committed text is built");
            assertFalse(OutputTrees.anyFileContains(out, DIRTY), "the reverted edit is gone");
        }
    }

    /**
     * Dirty edit → cached build → a different edit is committed, and the build later runs
     * {@code --since} the commit the dirty build started from, from a checkout of that commit
     * again (CI building an older release branch with the newer cache).
     */
    @Test
    void aBuildFromADirtyTreeIsNotTrustedAfterADifferentCommit(@TempDir Path tmp) throws Exception {
        Path root = DemoRepository.init(tmp);
        Path marked = mark(root, 1);
        try (Git git = Git.open(root.toFile())) {
            git.add().addFilepattern(".").call();
            RevCommit first = DemoRepository.commit(git, "Nội dung ban đầu", 0);
            Path out = tmp.resolve("public");

            swap(marked, COMMITTED, DIRTY);
            assertTrue(build(root, out, true, null, null).ok());

            swap(marked, DIRTY, OTHER);
            git.add().addFilepattern(".").call();
            RevCommit second = DemoRepository.commit(git, "Sửa khác", 1);
            assertFalse(second.getTree().equals(first.getTree()));
            // back to the first commit's content (a checkout of the first commit's tree)
            git.checkout().setStartPoint(first).addPath(root.relativize(marked).toString().replace('\\', '/')).call();
            git.add().addFilepattern(".").call();
            DemoRepository.commit(git, "Trả lại như cũ", 2);
            DemoRepository.touchAll(root.resolve("content"));
            assertTrue(Files.readString(marked, StandardCharsets.UTF_8).contains(COMMITTED));

            // the cache says it is of the first commit; the file is the first commit's again
            sinceBuildEqualsWholeBuild(root, tmp, out, first.name(), "dirty edit, then another commit");
            assertFalse(OutputTrees.anyFileContains(out, DIRTY), "the dirty edit never reaches the output");
            assertFalse(OutputTrees.anyFileContains(out, OTHER));
        }
    }

    /**
     * A clean tree is not enough: a {@code --site} build records the new commit but keeps the
     * other sites' records from the build before, which read older content.
     */
    @Test
    void aSiteBuildDoesNotVouchForTheOtherSitesRecords(@TempDir Path tmp) throws Exception {
        Path root = DemoRepository.init(tmp);
        Path marked = mark(root, 0);
        String markedSite = root.relativize(marked).getName(1).toString();
        try (Git git = Git.open(root.toFile())) {
            git.add().addFilepattern(".").call();
            DemoRepository.commit(git, "Nội dung ban đầu", 0);
            Path out = tmp.resolve("public");
            assertTrue(build(root, out, true, null, null).ok());

            swap(marked, COMMITTED, DIRTY);
            git.add().addFilepattern(".").call();
            RevCommit second = DemoRepository.commit(git, "Sửa một tin", 1);
            String otherSite;
            try (Stream<Path> s = Files.list(root.resolve("content"))) {
                otherSite = s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(markedSite)).sorted()
                        .findFirst().orElseThrow();
            }
            BuildResult one = build(root, tmp.resolve("one-site"), true, otherSite, null);
            assertTrue(one.ok(), () -> OutputTrees.errors(one));
            DemoRepository.touchAll(root.resolve("content"));

            sinceBuildEqualsWholeBuild(root, tmp, out, second.name(), "--site build, then --since");
            assertTrue(OutputTrees.anyFileContains(out, DIRTY), "the committed edit is built");
            assertFalse(OutputTrees.anyFileContains(out, COMMITTED), "the old text is gone");
        }
    }

    /** A clean build, an uncommitted edit, then --since: equals a whole build. */
    @Test
    void aCleanBuildIsStillUsedBySince(@TempDir Path tmp) throws Exception {
        Path root = DemoRepository.init(tmp);
        Path marked = mark(root, 2);
        try (Git git = Git.open(root.toFile())) {
            git.add().addFilepattern(".").call();
            RevCommit first = DemoRepository.commit(git, "Nội dung ban đầu", 0);
            Path out = tmp.resolve("public");
            assertTrue(build(root, out, true, null, null).ok());
            swap(marked, COMMITTED, DIRTY);
            DemoRepository.touchAll(root.resolve("content"));
            sinceBuildEqualsWholeBuild(root, tmp, out, first.name(), "clean build, uncommitted edit, --since");
            assertTrue(OutputTrees.anyFileContains(out, DIRTY));
        }
    }

    /**
     * The records of a clean build are still trusted unread. Shown with a change Git cannot see
     * (same size, same time, new inode: Git's status compares neither content nor inode then)
     * but a normal cached build would (the inode differs, so the file is read again): the
     * {@code --since} build keeps what Git has — the recorded text — which proves the file was
     * not read. Only a demonstration of the trust; {@code --since} is as blind as Git here.
     */
    @Test
    void aCleanBuildsRecordsAreTrustedUnread(@TempDir Path tmp) throws Exception {
        Path root = DemoRepository.init(tmp);
        Path marked = mark(root, 3);
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(marked, old);
        try (Git git = Git.open(root.toFile())) {
            git.add().addFilepattern(".").call();
            RevCommit first = DemoRepository.commit(git, "Nội dung ban đầu", 0);
            Path out = tmp.resolve("public");
            assertTrue(build(root, out, true, null, null).ok());

            Object inode = Files.readAttributes(marked, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            Path swapped = marked.resolveSibling("tam.tmp");
            Files.writeString(swapped, Files.readString(marked, StandardCharsets.UTF_8).replace(COMMITTED, DIRTY),
                    StandardCharsets.UTF_8);
            Files.setLastModifiedTime(swapped, old);
            Files.move(swapped, marked, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            assertEquals(old, Files.getLastModifiedTime(marked));
            // a normal cached build reads the file again: its identity changed (FileStates.read)
            org.junit.jupiter.api.Assumptions.assumeTrue(inode != null && !inode.equals(
                    Files.readAttributes(marked, java.nio.file.attribute.BasicFileAttributes.class).fileKey()));
            org.junit.jupiter.api.Assumptions.assumeTrue(git.status().call().isClean(), "Git sees the change here");

            BuildResult inc = build(root, out, true, null, first.name());
            assertTrue(inc.ok(), () -> OutputTrees.errors(inc));
            assertTrue(OutputTrees.anyFileContains(out, COMMITTED), "trusted unread: the recorded text");
            assertFalse(OutputTrees.anyFileContains(out, DIRTY));
        }
    }

    /** Builds into {@code out} {@code --since rev} and asserts it equals a whole build without cache. */
    private static void sinceBuildEqualsWholeBuild(Path root, Path tmp, Path out, String rev, String after)
            throws IOException {
        BuildResult inc = build(root, out, true, null, rev);
        assertTrue(inc.ok(), () -> OutputTrees.errors(inc));
        assertSameAsWholeBuild(root, tmp, out, inc, after);
    }

    private static void assertSameAsWholeBuild(Path root, Path tmp, Path out, BuildResult inc, String after)
            throws IOException {
        Path full = tmp.resolve("full");
        vn.trang.files.OutputSwap.deleteTree(full);
        BuildResult whole = build(root, full, false, null, null);
        assertTrue(whole.ok(), () -> OutputTrees.errors(whole));
        assertEquals(whole.diagnostics().list(), inc.diagnostics().list());
        OutputTrees.assertSameTree(full, out, List.of(after));
    }

    /** Appends the committed marker to the n-th news article (a leaf: nothing else needs it). */
    private static Path mark(Path root, int n) throws IOException {
        Path f = OutputTrees.markdown(root).stream().filter(p -> p.toString().contains("/tin-tuc/")).skip(n)
                .findFirst().orElseThrow();
        Files.writeString(f, Files.readString(f, StandardCharsets.UTF_8) + "\n" + COMMITTED + "\n",
                StandardCharsets.UTF_8);
        return f;
    }

    /** Replaces one marker with another of the same length: the file keeps its size. */
    private static void swap(Path f, String from, String to) throws IOException {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        assertTrue(text.contains(from));
        String next = text.replace(from, to);
        Files.writeString(f, next, StandardCharsets.UTF_8);
        assertEquals(text.getBytes(StandardCharsets.UTF_8).length, next.getBytes(StandardCharsets.UTF_8).length);
    }

    private static BuildResult build(Path root, Path out, boolean cache, String site, String since) {
        BuildOptions o = new BuildOptions(root, out, null, "default", 2, AS_OF).withCache(cache).withSince(since);
        return new Builder().build(site == null ? o : o.withSite(site));
    }
}
