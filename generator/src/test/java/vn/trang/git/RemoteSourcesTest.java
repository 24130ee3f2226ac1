package vn.trang.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.pipeline.BuildOptions;
import vn.trang.pipeline.BuildResult;
import vn.trang.pipeline.Builder;

/** A unit whose content lives in its own Git repository: cloned, fetched, built, verified. */
class RemoteSourcesTest {

    @TempDir
    Path tmp;

    /** A bare "remote" with one commit of content for so-a, made through a work clone. */
    private record Remote(Path bare, Path work, Git git) {
        RevCommit commit(GitFixture.Person who, Instant when, String message) throws Exception {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            PersonIdent id = new PersonIdent(who.name(), who.email(), when, ZoneOffset.UTC);
            RevCommit c = git.commit().setAuthor(id).setCommitter(id).setMessage(message).setSign(false).call();
            git.push().setRemote("origin").add("main").call();
            return c;
        }

        void write(String rel, String text) throws Exception {
            Path p = work.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        }
    }

    private Remote remote() throws Exception {
        Path bare = tmp.resolve("so-a.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
        Path work = tmp.resolve("so-a-work");
        Git git = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(work.toFile()).call();
        git.checkout().setOrphan(true).setName("main").call();
        return new Remote(bare, work, git);
    }

    private static String news(String title, String date) {
        return Fixture.md("title: " + title + "\ndate: " + date + "\nsummary: Tóm tắt " + title, "Nội dung.\n");
    }

    private GitFixture project(Remote r) {
        GitFixture g = GitFixture.create(tmp.resolve("p"));
        g.write("sites/so-a.yml", Fixture.unitYaml("Sở Thử Nghiệm", "department", "tinh", "/so-a/")
                + GitFixture.editor(GitFixture.EDITOR_A) + "source:\n  git: " + r.bare().toUri() + "\n  branch: main\n");
        g.commit(GitFixture.ADMIN, "Nội dung sở lấy từ kho riêng");
        return g;
    }

    @Test
    void aRemoteSourceIsClonedBuiltWithItsOwnHistoryAndFetchedAgain() throws Exception {
        Remote r = remote();
        r.write("tin-tuc/khai-truong.md", news("Khai trương", "2026-01-05 08:00"));
        r.commit(GitFixture.EDITOR_A, Instant.parse("2026-01-05T03:00:00Z"), "Tin khai trương");
        try (GitFixture g = project(r)) {
            Path out = tmp.resolve("out");
            BuildResult b = new Builder().build(BuildOptions.defaults(g.root, out));
            assertTrue(b.ok(), () -> Diags.dump(b.diagnostics()));
            Path page = out.resolve("so-a/tin-tuc/khai-truong/index.html");
            assertTrue(Files.exists(page));
            assertEquals(List.of("05/01/2026 10:00"),
                    Jsoup.parse(page.toFile(), "UTF-8").select(".history-log li").eachText());
            assertTrue(Files.isDirectory(g.root.resolve(".trang/cache/sources/so-a/so-a/.git")));

            // A new commit on the remote is fetched by the next build.
            r.write("tin-tuc/tiep-theo.md", news("Tiếp theo", "2026-01-06 08:00"));
            r.commit(GitFixture.EDITOR_A, Instant.parse("2026-01-06T03:00:00Z"), "Tin tiếp theo");
            BuildResult b2 = new Builder().build(BuildOptions.defaults(g.root, out));
            assertTrue(b2.ok(), () -> Diags.dump(b2.diagnostics()));
            assertTrue(Files.exists(out.resolve("so-a/tin-tuc/tiep-theo/index.html")));

            // Offline (remote gone): the cached commit is built, with a warning.
            Files.move(r.bare(), tmp.resolve("gone.git"));
            BuildResult b3 = new Builder().build(BuildOptions.defaults(g.root, out));
            assertTrue(b3.ok(), () -> Diags.dump(b3.diagnostics()));
            assertEquals(1, b3.diagnostics().warningCount(), () -> Diags.dump(b3.diagnostics()));
            assertTrue(Files.exists(out.resolve("so-a/tin-tuc/tiep-theo/index.html")));
        }
    }

    @Test
    void aPinnedBuildUsesExactlyTheGivenCommit() throws Exception {
        Remote r = remote();
        r.write("tin-tuc/mot.md", news("Một", "2026-01-05 08:00"));
        RevCommit first = r.commit(GitFixture.EDITOR_A, Instant.parse("2026-01-05T03:00:00Z"), "Một");
        r.write("tin-tuc/hai.md", news("Hai", "2026-01-06 08:00"));
        r.commit(GitFixture.EDITOR_A, Instant.parse("2026-01-06T03:00:00Z"), "Hai");
        try (GitFixture g = project(r)) {
            Path out = tmp.resolve("out");
            BuildResult b = new Builder(RemoteSources.pinned(Map.of("so-a", first.getId())))
                    .build(BuildOptions.defaults(g.root, out));
            assertTrue(b.ok(), () -> Diags.dump(b.diagnostics()));
            assertTrue(Files.exists(out.resolve("so-a/tin-tuc/mot/index.html")));
            assertFalse(Files.exists(out.resolve("so-a/tin-tuc/hai/index.html")));
        }
    }

    @Test
    void localContentBesideARemoteSourceIsAnError() throws Exception {
        Remote r = remote();
        r.write("tin-tuc/mot.md", news("Một", "2026-01-05 08:00"));
        r.commit(GitFixture.EDITOR_A, Instant.parse("2026-01-05T03:00:00Z"), "Một");
        try (GitFixture g = project(r)) {
            g.f.news("so-a", "cuc-bo", "Cục bộ", "2026-01-05 08:00");
            BuildResult b = new Builder().build(BuildOptions.defaults(g.root, tmp.resolve("out")));
            assertFalse(b.ok());
            Diags.singleError(b.diagnostics(), "content/so-a", 0, 0, "kho Git");
        }
    }

    @Test
    void aMissingRemoteIsAnErrorNamingTheSiteFile() throws Exception {
        try (GitFixture g = GitFixture.create(tmp.resolve("p"))) {
            g.write("sites/so-a.yml", Fixture.unitYaml("Sở Thử Nghiệm", "department", "tinh", "/so-a/")
                    + "source:\n  git: " + tmp.resolve("khong-co.git").toUri() + "\n");
            BuildResult b = new Builder().build(BuildOptions.defaults(g.root, tmp.resolve("out")));
            assertFalse(b.ok());
            Diags.singleError(b.diagnostics(), "sites/so-a.yml", 0, 0, "khong-co.git");
        }
    }

    @Test
    void aSymbolicLinkCommittedInARemoteSourceIsNeverFollowedNorCheckedOutAsALink() throws Exception {
        String marker = "BI-MAT-MAY-DUNG-" + java.util.UUID.randomUUID();
        Path secret = Files.writeString(tmp.resolve("secret.env"), "TOKEN=" + marker + "\n");
        Remote r = remote();
        r.write("tin-tuc/mot.md", news("Một", "2026-01-05 08:00"));
        r.commit(GitFixture.EDITOR_A, Instant.parse("2026-01-05T03:00:00Z"), "Một");
        try (GitFixture g = project(r)) {
            Path out = tmp.resolve("out");
            BuildResult first = new Builder().build(BuildOptions.defaults(g.root, out));
            assertTrue(first.ok(), () -> Diags.dump(first.diagnostics()));
            // A clone made by an older Trang checked links out as links: it is made again.
            Path work = g.root.resolve(".trang/cache/sources/so-a/so-a");
            try (Git clone = Git.open(work.toFile())) {
                org.eclipse.jgit.lib.StoredConfig c = clone.getRepository().getConfig();
                c.setBoolean("core", null, "symlinks", true);
                c.save();
            }
            Files.createSymbolicLink(r.work().resolve("tin-tuc/env.txt"), secret);
            Files.createDirectories(r.work().resolve("van-ban"));
            Files.createSymbolicLink(r.work().resolve("van-ban/tep"), tmp);
            r.write("tin-tuc/hai.md", news("Hai", "2026-01-06 08:00"));
            r.commit(GitFixture.EDITOR_A, Instant.parse("2026-01-06T03:00:00Z"), "Hai, và hai liên kết");

            BuildResult b = new Builder().build(BuildOptions.defaults(g.root, out));
            assertFalse(b.ok());
            assertEquals(List.of(".trang/cache/sources/so-a/so-a/tin-tuc/env.txt:1:1",
                            ".trang/cache/sources/so-a/so-a/van-ban/tep:1:1"),
                    b.diagnostics().list().stream().map(x -> x.file() + ":" + x.line() + ":" + x.column()).sorted().toList(),
                    () -> Diags.dump(b.diagnostics()));
            Diags.assertMentions(b.diagnostics().list().get(0), "liên kết tượng trưng");
            assertFalse(Files.isSymbolicLink(work.resolve("tin-tuc/env.txt")), "checked out as a plain file");
            assertFalse(Files.isSymbolicLink(work.resolve("van-ban/tep")), "checked out as a plain file");
            try (var files = Files.walk(g.root)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1).contains(marker), p::toString);
                }
            }
            try (var files = Files.walk(out)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1).contains(marker), p::toString);
                }
            }

            // verify refuses the commit that added them.
            Verifier.Outcome o = new Verifier(g.root, null).verify(g.git.getRepository().resolve("HEAD").name(), null,
                    Map.of());
            assertEquals(List.of("(kho so-a) tin-tuc/env.txt " + AccessRules.RULE_LINK,
                            "(kho so-a) van-ban/tep " + AccessRules.RULE_LINK),
                    o.report().violations().stream().map(v -> v.file() + " " + v.rule()).sorted().toList(),
                    o.report().violations()::toString);
        }
    }

    @Test
    void verifyChecksTheRemotesCommitsAgainstTheSitesEditors() throws Exception {
        Remote r = remote();
        r.write("tin-tuc/mot.md", news("Một", "2026-01-05 08:00"));
        RevCommit ok = r.commit(GitFixture.EDITOR_A, Instant.parse("2026-01-05T03:00:00Z"), "Một");
        r.write("tin-tuc/hai.md", news("Hai", "2026-01-06 08:00"));
        RevCommit bad = r.commit(GitFixture.EDITOR_B, Instant.parse("2026-01-06T03:00:00Z"), "Xã sửa tin của sở");
        try (GitFixture g = project(r)) {
            ObjectId since = g.git.getRepository().resolve("HEAD");
            Verifier.Outcome o = new Verifier(g.root, null).verify(since.name(), null, Map.of());
            assertFalse(o.ok());
            assertEquals(1, o.report().violations().size(), o.report().violations().toString());
            Verifier.Violation v = o.report().violations().get(0);
            assertEquals(bad.abbreviate(10).name(), v.commit());
            assertEquals("(kho so-a) tin-tuc/hai.md", v.file());
            assertEquals(AccessRules.RULE_EDITORS, v.rule());
            // From the good commit on (as publish does from the live release's source commit): still refused.
            assertFalse(new Verifier(g.root, null).verify(since.name(), null, Map.of("so-a", ok.getId())).ok());
            assertTrue(new Verifier(g.root, null).verify(since.name(), null, Map.of("so-a", bad.getId())).ok());
        }
    }

    @Test
    void aRemoteSourceWithReviewersTakesItsEditorsChangesOnlyThroughThem() throws Exception {
        Remote r = remote();
        r.write("tin-tuc/mot.md", news("Một", "2026-01-05 08:00"));
        RevCommit direct = r.commit(GitFixture.EDITOR_A, Instant.parse("2026-01-05T03:00:00Z"), "Một, thẳng lên main");
        r.git().checkout().setCreateBranch(true).setName("cms/tin-tuc/hai").call();
        r.write("tin-tuc/hai.md", news("Hai", "2026-01-06 08:00"));
        r.commit(GitFixture.EDITOR_A, Instant.parse("2026-01-06T03:00:00Z"), "Hai");
        r.git().checkout().setName("main").call();
        r.git().merge().include(r.git().getRepository().resolve("cms/tin-tuc/hai"))
                .setFastForward(org.eclipse.jgit.api.MergeCommand.FastForwardMode.NO_FF).setCommit(false).call();
        r.commit(ReviewVerifyTest.REVIEWER_A, Instant.parse("2026-01-06T04:00:00Z"), "Duyệt «Hai»");
        try (GitFixture g = project(r)) {
            g.write("sites/so-a.yml", g.textAt(g.git.getRepository().resolve("HEAD"), "sites/so-a.yml")
                    + ReviewVerifyTest.reviewers(ReviewVerifyTest.REVIEWER_A));
            ObjectId since = g.commit(GitFixture.ADMIN, "Trưởng ban biên tập của sở");
            Verifier.Outcome o = new Verifier(g.root, null).verify(since.name(), null, Map.of());
            assertEquals(List.of(direct.abbreviate(10).name() + " (kho so-a) tin-tuc/mot.md " + AccessRules.RULE_REVIEW),
                    o.report().violations().stream().map(v -> v.commit() + " " + v.file() + " " + v.rule()).toList(),
                    o.report().violations()::toString);
        }
    }
}
