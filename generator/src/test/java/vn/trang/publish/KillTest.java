package vn.trang.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.git.GitFixture;

/**
 * Publish and rollback killed at any moment leave the live site exactly as it was or exactly the
 * new release: a real child JVM runs {@code trang publish} and is killed with SIGKILL
 * ({@link Process#destroyForcibly()}) after a random delay, in a bounded loop; and it is halted
 * (as by SIGKILL) at every named step with {@code -Dtrang.failpoint}. After each kill the live
 * release must be complete: every file of its manifest present with its SHA-256, nothing more.
 */
class KillTest {

    static final long SEED = Long.getLong("trang.killtest.seed", System.nanoTime());

    static {
        System.out.println("KillTest seed " + SEED + " (rerun with -Dtrang.killtest.seed=" + SEED + ")");
    }
    static final int RANDOM_KILLS = Integer.getInteger("trang.killtest.kills", 8);

    @TempDir
    Path tmp;

    /** A child JVM running the CLI from this test's class path; output in a file. */
    static Process child(Path log, String failpoint, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", cp));
        if (failpoint != null) {
            cmd.add("-Dtrang.failpoint=" + failpoint);
        }
        cmd.add("vn.trang.cli.TrangCommand");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("TRANG_CACHE");
        return pb.start();
    }

    static int run(Process p) throws InterruptedException {
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("the child process did not finish");
        }
        return p.exitValue();
    }

    /** The live release of a dir target: complete, and built from one of the allowed commits. */
    static String assertLiveComplete(Path target, Set<String> allowedSources, String context) throws IOException {
        Path current = target.resolve("current");
        assertTrue(Files.isSymbolicLink(current), context + ": current is a symlink");
        Path dir = target.resolve(Files.readSymbolicLink(current));
        assertTrue(Files.isDirectory(dir), context + ": current points at a release folder");
        Manifest m = Manifest.read(current);
        assertEquals(List.of(), m.check(current), context + ": the live release is complete and unchanged");
        assertTrue(allowedSources.contains(m.sourceCommit()), context + ": live source " + m.sourceCommit()
                + " is the previous or the new one " + allowedSources);
        assertEquals(dir.getFileName().toString(), m.release(), context);
        return m.sourceCommit();
    }

    private String[] publishArgs(GitFixture g, String to) {
        return new String[] {"publish", "--root", g.root.toString(), "--to", to, "--keep", "2", "--as-of", "2026-02-01",
                "--threads", "1"};
    }

    private static void content(GitFixture g, int round) {
        for (int i = 0; i < 12; i++) {
            g.f.news(i % 2 == 0 ? "so-a" : "xa-b", "tin-" + i, "Tin " + i + (i == round % 12 ? " lần " + round : ""),
                    "2026-01-0" + (1 + i % 9) + " 08:00");
        }
    }

    @Test
    void publishAndRollbackToAFolderSurviveSigkillAnywhere() throws Exception {
        Random random = new Random(SEED);
        Path target = tmp.resolve("srv");
        String to = "dir:" + target;
        try (GitFixture g = GitFixture.create(tmp.resolve("p"))) {
            content(g, 0);
            String live = g.commit(GitFixture.ADMIN, "Nội dung ban đầu").name();
            // A first, complete publish; its duration bounds the random kill delays.
            long t0 = System.nanoTime();
            assertEquals(0, run(child(tmp.resolve("log-0.txt"), null, publishArgs(g, to))), () -> read(tmp.resolve("log-0.txt")));
            long full = Math.max(200, (System.nanoTime() - t0) / 1_000_000);
            assertLiveComplete(target, Set.of(live), "first publish");

            int round = 1;
            // Halted at every step of a publish.
            for (String point : List.of("built", "assemble:1", "assemble:40", "assembled", "release-in-place", "link-made",
                    "switched", "pruned")) {
                content(g, round);
                String next = g.commit(GitFixture.ADMIN, "Lần " + round).name();
                Path log = tmp.resolve("log-" + round + ".txt");
                int code = run(child(log, point, publishArgs(g, to)));
                String ctx = "failpoint " + point + " (seed " + SEED + ")";
                assertTrue(code == 137 || code == 0, ctx + ": exit " + code + "\n" + read(log));
                String now = assertLiveComplete(target, Set.of(live, next), ctx);
                if (List.of("switched", "pruned").contains(point) || code == 0) {
                    assertEquals(next, now, ctx + ": the switch happened");
                } else {
                    assertEquals(live, now, ctx + ": before the switch, the old release stays live");
                }
                live = now;
                round++;
            }
            // Killed with SIGKILL after a random delay.
            for (int k = 0; k < RANDOM_KILLS; k++, round++) {
                content(g, round);
                String next = g.commit(GitFixture.ADMIN, "Lần " + round).name();
                Process p = child(tmp.resolve("log-" + round + ".txt"), null, publishArgs(g, to));
                long delay = (long) (random.nextDouble() * full * 1.1);
                boolean finished = p.waitFor(delay, TimeUnit.MILLISECONDS);
                if (finished) {
                    assertEquals(0, p.exitValue(), read(tmp.resolve("log-" + round + ".txt")));
                } else {
                    p.destroyForcibly();
                    p.waitFor();
                }
                String was = live;
                live = assertLiveComplete(target, Set.of(live, next), "kill after " + delay + " ms (seed " + SEED + ")");
                System.out.println("KillTest: SIGKILL after " + delay + " of ~" + full + " ms: "
                        + (finished ? "finished first" : live.equals(was) ? "old release live" : "new release live"));
            }
            // Rollback: halted before and after its switch, then killed at random.
            List<String> releases = new ArrayList<>();
            try (var s = Files.list(target.resolve("releases"))) {
                s.map(x -> x.getFileName().toString()).sorted().forEach(releases::add);
            }
            Set<String> any = new HashSet<>();
            for (String r : releases) {
                any.add(Manifest.read(target.resolve("releases").resolve(r)).sourceCommit());
            }
            String[] rollback = {"rollback", "--root", g.root.toString(), "--to", to};
            for (String point : List.of("link-made", "switched")) {
                String before = Files.readSymbolicLink(target.resolve("current")).toString();
                int code = run(child(tmp.resolve("log-rb-" + point + ".txt"), point, rollback));
                assertEquals(137, code);
                assertLiveComplete(target, any, "rollback failpoint " + point);
                String after = Files.readSymbolicLink(target.resolve("current")).toString();
                assertEquals(point.equals("switched"), !before.equals(after), "rollback " + point);
            }
            for (int k = 0; k < 3; k++) {
                Process p = child(tmp.resolve("log-rb-" + k + ".txt"), null,
                        "rollback", "--root", g.root.toString(), "--to", to, "--release", releases.get(k % releases.size()));
                if (!p.waitFor((long) (random.nextDouble() * full * 0.6), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    p.waitFor();
                }
                assertLiveComplete(target, any, "rollback killed (seed " + SEED + ")");
            }
            // After all that, a normal publish works and cleans up.
            content(g, round);
            String last = g.commit(GitFixture.ADMIN, "Cuối").name();
            assertEquals(0, run(child(tmp.resolve("log-last.txt"), null, publishArgs(g, to))), () -> read(tmp.resolve("log-last.txt")));
            assertLiveComplete(target, Set.of(last), "final publish");
            try (var s = Files.list(target.resolve(".tmp"))) {
                assertEquals(0, s.count());
            }
            try (var s = Files.list(target.resolve("releases"))) {
                assertEquals(2, s.count(), "--keep 2");
            }
        }
    }

    @Test
    void publishToAGitBranchSurvivesSigkill() throws Exception {
        Random random = new Random(SEED + 1);
        Path bare = tmp.resolve("deploy.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).call().close();
        String to = "git:" + bare.toUri() + "#trien-khai";
        try (GitFixture g = GitFixture.create(tmp.resolve("p"))) {
            content(g, 0);
            String live = g.commit(GitFixture.ADMIN, "Nội dung ban đầu").name();
            long t0 = System.nanoTime();
            assertEquals(0, run(child(tmp.resolve("g-0.txt"), null, publishArgs(g, to))), () -> read(tmp.resolve("g-0.txt")));
            long full = Math.max(200, (System.nanoTime() - t0) / 1_000_000);
            assertEquals(live, liveOfBranch(bare));
            int round = 1;
            for (String point : List.of("built", "committed", "pushed")) {
                content(g, round);
                String next = g.commit(GitFixture.ADMIN, "Lần " + round).name();
                int code = run(child(tmp.resolve("g-" + round + ".txt"), point, publishArgs(g, to)));
                assertEquals(137, code, () -> read(tmp.resolve("g-1.txt")));
                String now = liveOfBranch(bare);
                assertEquals(point.equals("pushed") ? next : live, now, "failpoint " + point);
                live = now;
                round++;
            }
            for (int k = 0; k < 4; k++, round++) {
                content(g, round);
                String next = g.commit(GitFixture.ADMIN, "Lần " + round).name();
                Process p = child(tmp.resolve("g-" + round + ".txt"), null, publishArgs(g, to));
                if (!p.waitFor((long) (random.nextDouble() * full * 1.1), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    p.waitFor();
                }
                String now = liveOfBranch(bare);
                assertTrue(now.equals(live) || now.equals(next), "branch holds the old or the new release (seed " + SEED + ")");
                live = now;
            }
        }
    }

    /** The source commit of the deploy branch's tip, after checking its tree against its manifest. */
    static String liveOfBranch(Path bare) throws Exception {
        try (Repository r = Git.open(bare.toFile()).getRepository(); RevWalk rw = new RevWalk(r)) {
            ObjectId tip = r.resolve("refs/heads/trien-khai");
            RevCommit c = rw.parseCommit(tip);
            Manifest m;
            try (TreeWalk tw = TreeWalk.forPath(r, Manifest.PATH, c.getTree())) {
                m = Manifest.parse(new String(r.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
            }
            var byPath = m.byPath();
            int n = 0;
            try (TreeWalk tw = new TreeWalk(r)) {
                tw.addTree(c.getTree());
                tw.setRecursive(true);
                while (tw.next()) {
                    if (tw.getPathString().equals(Manifest.PATH)) {
                        continue;
                    }
                    Manifest.FileEntry e = byPath.get(tw.getPathString());
                    assertTrue(e != null, "listed in the manifest: " + tw.getPathString());
                    byte[] bytes = r.open(tw.getObjectId(0)).getBytes();
                    assertEquals(e.sha256(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
                    n++;
                }
            }
            assertEquals(m.files().size(), n, "every file of the manifest is in the tree");
            return m.sourceCommit();
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(không đọc được " + p + ")";
        }
    }
}
