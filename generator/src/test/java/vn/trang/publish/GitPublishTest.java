package vn.trang.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.git.GitFixture;

/** trang publish --to git:URL#BRANCH: one commit per release on a deploy branch of a bare repository. */
class GitPublishTest {

    @TempDir
    Path tmp;
    GitFixture g;
    Path bare;
    String to;

    @BeforeEach
    void setUp() throws Exception {
        g = GitFixture.create(tmp.resolve("p"));
        bare = tmp.resolve("deploy.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).call().close();
        to = "git:" + bare.toUri() + "#trien-khai";
    }

    @AfterEach
    void tearDown() {
        g.close();
    }

    String publish() {
        Publisher.Result r = new Publisher().publish(new Publisher.Options(g.root, to, 3, null, null, LocalDate.of(2026, 2, 1), 2),
                new PrintWriter(new StringWriter()));
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()) + r.violations());
        return r.release();
    }

    /** The deploy branch's commits, newest first (first parents). */
    List<RevCommit> deployLog() throws Exception {
        try (Git d = Git.open(bare.toFile())) {
            ObjectId tip = d.getRepository().resolve("refs/heads/trien-khai");
            java.util.List<RevCommit> out = new java.util.ArrayList<>();
            try (RevWalk rw = new RevWalk(d.getRepository())) {
                RevCommit c = rw.parseCommit(tip);
                while (c != null) {
                    out.add(c);
                    c = c.getParentCount() == 0 ? null : rw.parseCommit(c.getParent(0));
                }
            }
            return out;
        }
    }

    static String file(Repository r, RevCommit c, String path) throws Exception {
        try (TreeWalk tw = TreeWalk.forPath(r, path, c.getTree())) {
            return tw == null ? null : new String(r.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void eachReleaseIsACommitWhoseTreeIsTheSiteAndRollbackRestoresATree() throws Exception {
        g.f.news("so-a", "mot", "Một", "2026-01-05 08:00");
        RevCommit src1 = g.commit(GitFixture.EDITOR_A, "Một");
        String r1 = publish();
        g.f.news("so-a", "hai", "Hai", "2026-01-06 08:00");
        g.commit(GitFixture.EDITOR_A, "Hai");
        String r2 = publish();

        List<RevCommit> log = deployLog();
        assertEquals(2, log.size());
        try (Repository d = Git.open(bare.toFile()).getRepository()) {
            Manifest m1 = Manifest.parse(file(d, log.get(1), Manifest.PATH));
            Manifest m2 = Manifest.parse(file(d, log.get(0), Manifest.PATH));
            assertEquals(r1, m1.release());
            assertEquals(src1.name(), m1.sourceCommit());
            assertEquals(r2, m2.release());
            assertNotNull(file(d, log.get(0), "so-a/tin-tuc/hai/index.html"));
            // Every file of the manifest is in the tree with its hash; nothing else but the manifest.
            int files = 0;
            try (TreeWalk tw = new TreeWalk(d)) {
                tw.addTree(log.get(0).getTree());
                tw.setRecursive(true);
                while (tw.next()) {
                    files++;
                }
            }
            assertEquals(m2.files().size() + 1, files);
            Manifest.FileEntry css = m2.byPath().get("_assets/css/trang.css");
            byte[] bytes = file(d, log.get(0), css.path()).getBytes(StandardCharsets.UTF_8);
            assertEquals(css.size(), bytes.length);
            // Unchanged files are the same blobs: Git stores and sends only what changed.
            try (TreeWalk a = TreeWalk.forPath(d, css.path(), log.get(1).getTree());
                 TreeWalk b = TreeWalk.forPath(d, css.path(), log.get(0).getTree())) {
                assertEquals(a.getObjectId(0), b.getObjectId(0));
            }
        }

        Publisher.Result back = new Publisher().rollback(g.root, to, null, new PrintWriter(new StringWriter()));
        assertTrue(back.ok(), () -> Diags.dump(back.diagnostics()));
        assertEquals(r1, back.release());
        List<RevCommit> after = deployLog();
        assertEquals(3, after.size(), "rollback is a new commit, never a forced push");
        assertEquals(log.get(1).getTree(), after.get(0).getTree(), "with exactly the earlier release's tree");
        assertEquals(log.get(0), after.get(1));

        // Publishing again goes on from the rolled-back state; the verify range starts at r1's commit.
        g.f.news("so-a", "ba", "Ba", "2026-01-07 08:00");
        g.commit(GitFixture.EDITOR_A, "Ba");
        publish();
        assertEquals(4, deployLog().size());
    }

    @Test
    void aRefusedVerifyPushesNothing() throws Exception {
        g.f.news("so-a", "mot", "Một", "2026-01-05 08:00");
        g.commit(GitFixture.EDITOR_A, "Một");
        publish();
        ObjectId before = deployLog().get(0).getId();
        g.f.news("xa-b", "la", "Lạ", "2026-01-06 08:00");
        g.commit(GitFixture.EDITOR_A, "Sửa nhầm tin của xã");
        Publisher.Result r = new Publisher().publish(new Publisher.Options(g.root, to, 3, null, null, LocalDate.of(2026, 2, 1), 2),
                new PrintWriter(new StringWriter()));
        assertFalse(r.ok());
        assertEquals(1, r.violations().size());
        assertEquals(before, deployLog().get(0).getId());
    }
}
