package vn.trang.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.cli.TrangCommand;

/** trang verify: editors only touch their unit's content, admins anything, each violation named. */
class VerifyTest {

    @TempDir
    Path tmp;
    GitFixture g;

    @BeforeEach
    void setUp() {
        g = GitFixture.create(tmp);
    }

    @AfterEach
    void tearDown() {
        g.close();
    }

    private Verifier.Outcome verify(String since) {
        return new Verifier(g.root, null).verify(since, null, Map.of());
    }

    private static String dump(Verifier.Outcome o) {
        StringBuilder sb = new StringBuilder(Diags.dump(o.diagnostics()));
        if (o.report() != null) {
            o.report().violations().forEach(v -> sb.append(v.format()).append('\n'));
        }
        return sb.toString();
    }

    @Test
    void editorsChangeTheirOwnUnitAndAdminsAnything() {
        g.f.news("so-a", "hoi-nghi", "Hội nghị", "2026-01-05 08:00");
        g.commit(GitFixture.EDITOR_A, "Tin hội nghị");
        g.f.news("xa-b", "le-hoi", "Lễ hội", "2026-01-06 08:00");
        g.commit(GitFixture.EDITOR_B, "Tin lễ hội");
        g.f.news("so-a", "sua", "Tin quản trị", "2026-01-07 08:00");
        g.write("themes/default/static/css/extra.css", "a{}\n");
        g.commit(GitFixture.ADMIN, "Quản trị sửa giao diện và nội dung");
        Verifier.Outcome o = verify(null);
        assertTrue(o.ok(), () -> dump(o));
        assertEquals(4, o.report().commits());
    }

    @Test
    void anEditorOfOneUnitTouchingAnotherUnitsContentIsRefused() {
        g.f.news("so-a", "hoi-nghi", "Hội nghị", "2026-01-05 08:00");
        RevCommit ok = g.commit(GitFixture.EDITOR_A, "Tin của sở");
        g.f.news("xa-b", "tin-la", "Tin lạ", "2026-01-06 08:00");
        RevCommit bad = g.commit(GitFixture.EDITOR_A, "Sửa nhầm tin của xã");
        Verifier.Outcome o = verify(null);
        assertFalse(o.ok());
        List<Verifier.Violation> v = o.report().violations();
        assertEquals(1, v.size(), () -> dump(o));
        Verifier.Violation x = v.get(0);
        assertEquals(bad.abbreviate(10).name(), x.commit());
        assertEquals("content/xa-b/tin-tuc/tin-la.md", x.file());
        assertEquals(AccessRules.RULE_EDITORS, x.rule());
        assertTrue(x.author().contains(GitFixture.EDITOR_A.email()), x.format());
        assertTrue(x.message().contains("xa-b"), x.format());
        String line = x.format();
        for (String part : List.of(bad.abbreviate(10).name(), GitFixture.EDITOR_A.name(), "content/xa-b/tin-tuc/tin-la.md",
                "bien-tap")) {
            assertTrue(line.contains(part), "the printed violation names " + part + ": " + line);
        }
        // From the good commit on, the bad one is still in range; after it, nothing is.
        assertFalse(verify(ok.name()).ok());
        assertTrue(verify(bad.name()).ok());
    }

    @Test
    void onlyAdminsChangeSitesThemesAndEverythingOutsideContent() {
        // An editor adding herself as editor of another unit: refused (and the new rule does not help her).
        g.write("sites/xa-b.yml", vn.trang.Fixture.unitYaml("Xã Bình Yên", "commune", "tinh", "/xa-b/")
                + GitFixture.editor(GitFixture.EDITOR_A));
        g.write("README.md", "ghi chú\n");
        g.commit(GitFixture.EDITOR_A, "Tự thêm quyền");
        g.f.news("xa-b", "sau-do", "Sau đó", "2026-01-06 08:00");
        g.commit(GitFixture.EDITOR_A, "Tin của xã");
        Verifier.Outcome o = verify(null);
        List<Verifier.Violation> v = o.report().violations();
        assertEquals(List.of("README.md", "sites/xa-b.yml"), v.stream().filter(x -> x.rule().equals(AccessRules.RULE_ADMINS))
                .map(Verifier.Violation::file).sorted().toList(), () -> dump(o));
        // The rules are read from the newest commit, where she is an editor of xa-b: her later commit
        // is allowed, but the commit that granted it is refused, so the range is refused.
        assertFalse(o.ok());
    }

    @Test
    void strangersAndUnknownSiteFoldersAreRefused() {
        g.write("content/khong-co/tin-tuc/x.md", "x");
        g.f.news("so-a", "la", "Lạ", "2026-01-05 08:00");
        g.commit(GitFixture.STRANGER, "Người lạ");
        Verifier.Outcome o = verify(null);
        assertEquals(List.of(AccessRules.RULE_EDITORS, AccessRules.RULE_ADMINS),
                o.report().violations().stream().map(Verifier.Violation::rule).sorted().toList(), () -> dump(o));
    }

    @Test
    void aMergeIsJudgedByWhatItChangesItselfEachSideByItsOwnCommits() throws Exception {
        String base = g.git.getRepository().resolve("HEAD").name();
        g.git.checkout().setCreateBranch(true).setName("xa").call();
        g.f.news("xa-b", "tin-xa", "Tin xã", "2026-01-05 08:00");
        g.commit(GitFixture.EDITOR_B, "Tin xã");
        g.git.checkout().setName("main").call();
        g.f.news("so-a", "tin-so", "Tin sở", "2026-01-05 09:00");
        g.commit(GitFixture.EDITOR_A, "Tin sở");
        // Editor A merges B's branch: the merge brings xa-b content, but changes nothing itself.
        MergeResult m = g.git.merge().include(g.git.getRepository().resolve("xa")).setCommit(false).call();
        assertTrue(m.getMergeStatus().isSuccessful(), m.toString());
        g.commit(GitFixture.EDITOR_A, "Gộp nhánh xã");
        Verifier.Outcome o = verify(base);
        assertTrue(o.ok(), () -> dump(o));
        assertEquals(3, o.report().commits());
    }

    @Test
    void commitsLeavingSymbolicLinksWhereTheBuildReadsAreRefusedWhoeverMadeThem() throws Exception {
        g.f.news("so-a", "co-that", "Có thật", "2026-01-05 08:00");
        g.commit(GitFixture.EDITOR_A, "Tin có thật");
        Path env = g.root.resolve("content/so-a/tin-tuc/env.txt");
        Files.createSymbolicLink(env, Path.of("/proc/self/environ"));
        // An existing file turned into a link: a change of mode.
        Files.delete(g.root.resolve("content/so-a/tin-tuc/co-that.md"));
        Files.createSymbolicLink(g.root.resolve("content/so-a/tin-tuc/co-that.md"), Path.of("/etc/passwd"));
        RevCommit editor = g.commit(GitFixture.EDITOR_A, "Thêm tệp");
        Files.createDirectories(g.root.resolve("themes/default/static/x"));
        Files.createSymbolicLink(g.root.resolve("themes/default/static/x/pw.css"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(g.root.resolve("sites/tinh-2.yml"), Path.of("tinh.yml"));
        // Outside content/, sites/ and themes/ the build reads nothing: an admin's link there is his business.
        Files.createDirectories(g.root.resolve("docs"));
        Files.createSymbolicLink(g.root.resolve("docs/README.md"), Path.of("../README.md"));
        g.commit(GitFixture.ADMIN, "Quản trị thêm liên kết");
        Verifier.Outcome o = verify(null);
        assertEquals(List.of("content/so-a/tin-tuc/co-that.md " + AccessRules.RULE_LINK,
                        "content/so-a/tin-tuc/env.txt " + AccessRules.RULE_LINK,
                        "sites/tinh-2.yml " + AccessRules.RULE_LINK,
                        "themes/default/static/x/pw.css " + AccessRules.RULE_LINK),
                o.report().violations().stream().map(v -> v.file() + " " + v.rule()).sorted().toList(), () -> dump(o));
        Verifier.Violation v = o.report().violations().stream().filter(x -> x.file().endsWith("env.txt")).findFirst()
                .orElseThrow();
        assertEquals(editor.abbreviate(10).name(), v.commit());
        assertTrue(v.format().contains("liên kết tượng trưng") && v.format().contains(GitFixture.EDITOR_A.email()),
                v.format());
        // The range after them is judged on its own.
        Verifier.Outcome after = verify(g.commit(GitFixture.ADMIN, "Không đổi gì").name());
        assertTrue(after.ok(), () -> dump(after));
    }

    @Test
    void theCommandExitsNonZeroAndPrintsEveryViolation() {
        g.f.news("xa-b", "tin-la", "Tin lạ", "2026-01-06 08:00");
        g.commit(GitFixture.EDITOR_A, "Sửa nhầm tin của xã");
        StringWriter err = new StringWriter();
        int code = TrangCommand.execute(new String[] {"verify", "--root", g.root.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(TrangCommand.CONTENT_ERRORS, code, err.toString());
        assertTrue(err.toString().contains("content/xa-b/tin-tuc/tin-la.md: lỗi: commit "), err.toString());
        assertTrue(err.toString().contains("Không hợp lệ: 2 commit, 1 vi phạm"), err.toString());
        StringWriter err2 = new StringWriter();
        assertEquals(TrangCommand.OK, TrangCommand.execute(new String[] {"verify", "--root", g.root.toString(), "--since", "HEAD"},
                new PrintWriter(new StringWriter()), new PrintWriter(err2)), err2.toString());
        assertEquals(TrangCommand.CONTENT_ERRORS, TrangCommand.execute(new String[] {"verify", "--root", g.root.toString(),
                "--since", "khong-co-nhanh-nay"}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
    }

    @Test
    void aFolderOutsideGitCannotBeVerified(@TempDir Path plain) {
        vn.trang.Fixture.standard(plain);
        Verifier.Outcome o = new Verifier(plain, null).verify(null, null, Map.of());
        assertFalse(o.ok());
        Diags.singleError(o.diagnostics(), ".", 0, 0, "Git");
    }

    @Test
    void theRulesComeFromTheCommitNotTheWorkTree() {
        g.f.news("xa-b", "tin", "Tin", "2026-01-06 08:00");
        g.commit(GitFixture.EDITOR_A, "Tin của xã");
        // Uncommitted: A made editor of xa-b in the work tree. Verify still refuses.
        g.write("sites/xa-b.yml", vn.trang.Fixture.unitYaml("Xã Bình Yên", "commune", "tinh", "/xa-b/")
                + GitFixture.editor(GitFixture.EDITOR_A));
        assertFalse(verify(null).ok());
    }
}
