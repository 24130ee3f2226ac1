package vn.trang.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.pipeline.BuildOptions;
import vn.trang.pipeline.BuildResult;
import vn.trang.pipeline.Builder;

/**
 * {@code trang build --since REV} in a real Git repository (JGit, temp folder).
 * Content files Git reports unchanged since REV are taken from the build cache without being
 * read — so the check here is that edits, deletions, renames, additions and uncommitted changes
 * all reach the output, and that the result equals a whole build without cache, byte for byte.
 * The CI situation is simulated too: every file's time changes (a fresh checkout) between builds.
 */
class SinceBuildTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 11, 1);

    @Test
    void sinceBuildEqualsFullBuildAfterCommittedAndUncommittedChanges(@TempDir Path tmp) throws Exception {
        Path root = demoRepository(tmp);
        try (Git git = Git.open(root.toFile())) {
            RevCommit first = DemoRepository.commit(git, "Nội dung ban đầu", 0);
            Path out = tmp.resolve("public");
            BuildResult r0 = build(root, out, true, null);
            assertTrue(r0.ok(), () -> OutputTrees.errors(r0));

            List<Path> md = OutputTrees.markdown(root);
            Path edited = md.get(md.size() / 3);
            String text = Files.readString(edited, StandardCharsets.UTF_8);
            Files.writeString(edited, text + "\nMột đoạn văn mới thêm sau khi phát hành.\n", StandardCharsets.UTF_8);
            Path renamed = newsFile(md, 1);
            Files.move(renamed, renamed.resolveSibling("da-doi-ten.md"));
            Path deleted = newsFile(md, 2);
            Files.delete(deleted);
            Path added = renamed.resolveSibling("tin-them-moi.md");
            Files.writeString(added, "---\ntitle: Tin thêm mới sau phát hành\ndate: 2025-10-20\nsummary: Một tin thêm sau lần dựng trước.\n---\nNội dung tin mới.\n",
                    StandardCharsets.UTF_8);
            git.add().addFilepattern(".").call();
            git.add().setUpdate(true).addFilepattern(".").call();
            DemoRepository.commit(git, "Sửa, đổi tên, xóa, thêm", 1);
            // not committed: the work tree counts too
            Path uncommitted = newsFile(md, 3);
            Files.writeString(uncommitted, Files.readString(uncommitted, StandardCharsets.UTF_8)
                    + "\nSửa chưa commit.\n", StandardCharsets.UTF_8);
            DemoRepository.touchAll(root.resolve("content")); // a fresh checkout: every file's time is new

            BuildResult inc = build(root, out, true, first.name());
            assertTrue(inc.ok(), () -> OutputTrees.errors(inc));
            Path full = tmp.resolve("full");
            BuildResult whole = build(root, full, false, null);
            assertTrue(whole.ok(), () -> OutputTrees.errors(whole));
            assertEquals(whole.diagnostics().list(), inc.diagnostics().list());
            OutputTrees.assertSameTree(full, out, List.of("--since " + first.name()));
            assertTrue(OutputTrees.anyFileContains(out, "Một đoạn văn mới thêm sau khi phát hành"), "the edit is built");
            assertTrue(OutputTrees.anyFileContains(out, "Sửa chưa commit"), "the uncommitted edit is built");
            assertTrue(OutputTrees.anyFileContains(out, "Tin thêm mới sau phát hành"), "the added file is built");
        }
    }

    @Test
    void aCacheOfAnotherCommitIsCheckedFileByFile(@TempDir Path tmp) throws Exception {
        Path root = demoRepository(tmp);
        try (Git git = Git.open(root.toFile())) {
            RevCommit first = DemoRepository.commit(git, "Nội dung ban đầu", 0);
            Path out = tmp.resolve("public");
            assertTrue(build(root, out, true, null).ok());
            Path edited = newsFile(OutputTrees.markdown(root), 0);
            Files.writeString(edited, Files.readString(edited, StandardCharsets.UTF_8) + "\nĐoạn thứ hai.\n",
                    StandardCharsets.UTF_8);
            git.add().addFilepattern(".").call();
            DemoRepository.commit(git, "Sửa một tin", 1);
            assertTrue(build(root, out, true, null).ok()); // the cache is now of the second commit
            Files.writeString(edited, Files.readString(edited, StandardCharsets.UTF_8) + "\nĐoạn thứ ba.\n",
                    StandardCharsets.UTF_8);
            git.add().addFilepattern(".").call();
            DemoRepository.commit(git, "Sửa lần nữa", 2);

            // asked for the first commit, the cache is of the second: no file is trusted unread
            BuildResult inc = build(root, out, true, first.name());
            assertTrue(inc.ok(), () -> OutputTrees.errors(inc));
            assertTrue(inc.note() != null && inc.note().contains("mọi tệp được kiểm tra lại"), inc::note);
            Path full = tmp.resolve("full");
            assertTrue(build(root, full, false, null).ok());
            OutputTrees.assertSameTree(full, out, List.of("stale cache"));
            assertTrue(OutputTrees.anyFileContains(out, "Đoạn thứ ba"));
        }
    }

    @Test
    void anUnknownRevisionFailsAndLeavesTheOutput(@TempDir Path tmp) throws Exception {
        Path root = demoRepository(tmp);
        try (Git git = Git.open(root.toFile())) {
            DemoRepository.commit(git, "Nội dung ban đầu", 0);
        }
        Path out = tmp.resolve("public");
        assertTrue(build(root, out, true, null).ok());
        Map<String, FileTime> before = OutputTrees.times(out);
        BuildResult r = build(root, out, true, "khong-co-nhanh-nay");
        assertFalse(r.ok());
        assertTrue(OutputTrees.errors(r).contains("khong-co-nhanh-nay"), () -> OutputTrees.errors(r));
        assertEquals(before, OutputTrees.times(out));
    }

    /** The demo as a Git repository with every file added (not committed). */
    private static Path demoRepository(Path tmp) throws IOException, GitAPIException {
        Path root = DemoRepository.init(tmp);
        try (Git git = Git.open(root.toFile())) {
            git.add().addFilepattern(".").call();
        }
        return root;
    }

    /** The n-th news article of the demo (news pages are leaves: nothing else needs them). */
    private static Path newsFile(List<Path> md, int n) {
        return md.stream().filter(p -> p.toString().contains("/tin-tuc/") && Files.exists(p)).skip(n).findFirst()
                .orElseThrow();
    }

    private static BuildResult build(Path root, Path out, boolean cache, String since) {
        return new Builder().build(new BuildOptions(root, out, null, "default", 2, AS_OF).withCache(cache)
                .withSince(since));
    }
}
