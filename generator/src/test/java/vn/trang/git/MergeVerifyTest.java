package vn.trang.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;

/**
 * trang verify over merges: a merge answers for what it changes on the branch it lands on,
 * except what it takes unchanged from a side that changed it itself; a merge of a parent from
 * before --since is an admin's. Real JGit histories: merges JGit computes, and merges whose tree
 * the test writes (octopus, evil, taking an old commit's files).
 */
class MergeVerifyTest {

    static final String PORTAL_FILE = "sites/tinh.yml";
    static final String PROCEDURE = "content/xa-b/thu-tuc/dang-ky-ket-hon.md";

    @TempDir
    Path tmp;
    GitFixture g;
    /** The commit the portal's admin list and the commune's procedure were first written in. */
    RevCommit old;
    /** The verified history's end (what --since names): the admin and the commune changed both since {@link #old}. */
    RevCommit since;

    /**
     * main: init (admin) → the commune's procedure, v1 (B) = {@link #old} → the portal's file gains a
     * second admin (admin) → procedure v2 (B) = {@link #since}.
     */
    @BeforeEach
    void setUp() {
        g = GitFixture.create(tmp);
        g.f.procedure("xa-b", "dang-ky-ket-hon", "Đăng ký kết hôn", "1.000894", "updated: 2026-01-05");
        old = g.commit(GitFixture.EDITOR_B, "Thủ tục đăng ký kết hôn");
        g.write(PORTAL_FILE, g.textAt(old, PORTAL_FILE) + "  - name: Phó Quản Trị\n    email: phoquantri@tinh.example.vn\n");
        g.commit(GitFixture.ADMIN, "Thêm quản trị viên");
        g.f.procedure("xa-b", "dang-ky-ket-hon", "Đăng ký kết hôn (sửa đổi)", "1.000894", "updated: 2026-01-06");
        since = g.commit(GitFixture.EDITOR_B, "Cập nhật thủ tục");
    }

    @AfterEach
    void tearDown() {
        g.close();
    }

    private Verifier.Outcome verify(ObjectId from) {
        return new Verifier(g.root, null).verify(from == null ? null : from.name(), null, Map.of());
    }

    /** Each violation as "file rule", sorted. */
    private static List<String> violations(Verifier.Outcome o) {
        return o.report().violations().stream().map(v -> v.file() + " " + v.rule()).sorted().toList();
    }

    private static String dump(Verifier.Outcome o) {
        StringBuilder sb = new StringBuilder(Diags.dump(o.diagnostics()));
        o.report().violations().forEach(v -> sb.append(v.format()).append('\n'));
        return sb.toString();
    }

    @Test
    void anEditorMergesHerOwnBranchAndMainIntoItWithRealMerges() throws Exception {
        g.branch("so-a", true);
        g.f.news("so-a", "hoi-nghi", "Hội nghị", "2026-01-07 08:00");
        g.commit(GitFixture.EDITOR_A, "Tin hội nghị");
        g.branch("main", false);
        g.write(PORTAL_FILE, g.textAt(since, PORTAL_FILE) + "notice: Trang đang chạy thử nghiệm\n");
        g.commit(GitFixture.ADMIN, "Thông báo chạy thử");
        g.f.news("xa-b", "le-hoi", "Lễ hội", "2026-01-07 09:00");
        g.commit(GitFixture.EDITOR_B, "Tin lễ hội");
        // She first brings main into her branch, then her branch into main: both real merges.
        g.branch("so-a", false);
        MergeResult in = g.git.merge().include(g.git.getRepository().resolve("main")).setCommit(false).call();
        assertTrue(in.getMergeStatus().isSuccessful(), in.toString());
        g.commit(GitFixture.EDITOR_A, "Gộp main vào nhánh");
        g.f.news("so-a", "hoi-thao", "Hội thảo", "2026-01-08 08:00");
        g.commit(GitFixture.EDITOR_A, "Tin hội thảo");
        g.branch("main", false);
        g.f.news("xa-b", "van-nghe", "Văn nghệ", "2026-01-08 09:00");
        g.commit(GitFixture.EDITOR_B, "Tin văn nghệ");
        MergeResult out = g.git.merge().include(g.git.getRepository().resolve("so-a")).setCommit(false).call();
        assertTrue(out.getMergeStatus().isSuccessful(), out.toString());
        g.commit(GitFixture.EDITOR_A, "Gộp nhánh sở");

        Verifier.Outcome o = verify(since);
        assertEquals(List.of(), violations(o), () -> dump(o));
        assertTrue(o.ok(), () -> dump(o));
        assertEquals(7, o.report().commits());
        Verifier.Outcome all = verify(null);
        assertTrue(all.ok(), () -> dump(all));
    }

    @Test
    void aMergeTakingAnOldCommitsFilesIsRefusedWithOrWithoutSince() {
        g.f.news("so-a", "hoi-nghi", "Hội nghị", "2026-01-07 08:00");
        g.commit(GitFixture.EDITOR_A, "Tin hội nghị");
        // Her "merge" of a commit from before --since takes that commit's portal file (one admin
        // fewer) and the commune's old procedure. Both sides' own commits are clean.
        g.restore(old, PORTAL_FILE).restore(old, PROCEDURE);
        g.merge(GitFixture.EDITOR_A, "Gộp", old);

        Verifier.Outcome o = verify(since);
        assertEquals(List.of("(cả commit) " + AccessRules.RULE_MERGE, PROCEDURE + " " + AccessRules.RULE_EDITORS,
                PORTAL_FILE + " " + AccessRules.RULE_ADMINS), violations(o), () -> dump(o));
        Verifier.Violation merge = o.report().violations().stream()
                .filter(v -> v.rule().equals(AccessRules.RULE_MERGE)).findFirst().orElseThrow();
        assertTrue(merge.message().contains(old.abbreviate(10).name()) && merge.message().contains("git merge origin/main"),
                merge::format);
        // Over the whole history there is no "before": the files it took still count as its changes.
        Verifier.Outcome all = verify(null);
        assertEquals(List.of(PROCEDURE + " " + AccessRules.RULE_EDITORS, PORTAL_FILE + " " + AccessRules.RULE_ADMINS),
                violations(all), () -> dump(all));
    }

    @Test
    void aMergeRevertingTheBranchWithAnUntouchedSidesVersionIsRefused() {
        // Her branch leaves main after --since and touches only her unit; the merge lands on a
        // main where the admin and the commune changed their files, and keeps her side's
        // (older) versions of them: no parent is behind --since, every file is some parent's.
        g.branch("so-a", true);
        g.f.news("so-a", "hoi-nghi", "Hội nghị", "2026-01-07 08:00");
        RevCommit side = g.commit(GitFixture.EDITOR_A, "Tin hội nghị");
        g.branch("main", false);
        g.write(PORTAL_FILE, g.textAt(since, PORTAL_FILE) + "notice: Trang đang chạy thử nghiệm\n");
        g.commit(GitFixture.ADMIN, "Thông báo chạy thử");
        g.f.procedure("xa-b", "dang-ky-ket-hon", "Đăng ký kết hôn (lần 3)", "1.000894", "updated: 2026-01-07");
        g.commit(GitFixture.EDITOR_B, "Cập nhật thủ tục lần 3");
        g.restore(side, "content/so-a/tin-tuc/hoi-nghi.md").restore(side, PORTAL_FILE).restore(side, PROCEDURE);
        g.merge(GitFixture.EDITOR_A, "Gộp nhánh sở", side);

        Verifier.Outcome o = verify(since);
        assertEquals(List.of(PROCEDURE + " " + AccessRules.RULE_EDITORS, PORTAL_FILE + " " + AccessRules.RULE_ADMINS),
                violations(o), () -> dump(o));
    }

    @Test
    void anEvilMergeChangingAFileNeitherSideChangedIsRefused() throws Exception {
        g.branch("xa", true);
        g.f.news("xa-b", "le-hoi", "Lễ hội", "2026-01-07 08:00");
        g.commit(GitFixture.EDITOR_B, "Tin lễ hội");
        g.branch("main", false);
        g.f.news("so-a", "hoi-nghi", "Hội nghị", "2026-01-07 09:00");
        g.commit(GitFixture.EDITOR_A, "Tin hội nghị");
        MergeResult m = g.git.merge().include(g.git.getRepository().resolve("xa")).setCommit(false).call();
        assertTrue(m.getMergeStatus().isSuccessful(), m.toString());
        g.f.procedure("xa-b", "dang-ky-ket-hon", "Đăng ký kết hôn (do sở sửa)", "1.000894", "updated: 2026-01-07");
        g.commit(GitFixture.EDITOR_A, "Gộp nhánh xã");

        Verifier.Outcome o = verify(since);
        assertEquals(List.of(PROCEDURE + " " + AccessRules.RULE_EDITORS), violations(o), () -> dump(o));
    }

    @Test
    void octopusMergesAreJudgedSideBySide() {
        g.branch("xa", true);
        g.f.news("xa-b", "le-hoi", "Lễ hội", "2026-01-07 08:00");
        RevCommit xa = g.commit(GitFixture.EDITOR_B, "Tin lễ hội");
        g.branch("main", false).branch("so-a", true);
        g.f.news("so-a", "hoi-nghi", "Hội nghị", "2026-01-07 09:00");
        RevCommit so = g.commit(GitFixture.EDITOR_A, "Tin hội nghị");
        g.branch("main", false);
        g.f.news("so-a", "hoi-thao", "Hội thảo", "2026-01-07 10:00");
        g.commit(GitFixture.EDITOR_A, "Tin hội thảo");
        g.restore(xa, "content/xa-b/tin-tuc/le-hoi.md").restore(so, "content/so-a/tin-tuc/hoi-nghi.md");
        g.merge(GitFixture.EDITOR_A, "Gộp hai nhánh", xa, so);
        Verifier.Outcome ok = verify(since);
        assertTrue(ok.ok(), () -> dump(ok));

        // A second octopus: a new commune branch (fine) and the old commit, whose portal file it takes.
        g.branch("xa", false);
        g.f.news("xa-b", "le-hoi", "Lễ hội (sửa)", "2026-01-08 08:00");
        RevCommit xa2 = g.commit(GitFixture.EDITOR_B, "Sửa tin lễ hội");
        g.branch("main", false);
        g.restore(xa2, "content/xa-b/tin-tuc/le-hoi.md").restore(old, PORTAL_FILE);
        g.merge(GitFixture.EDITOR_A, "Gộp", xa2, old);
        Verifier.Outcome o = verify(since);
        assertEquals(List.of("(cả commit) " + AccessRules.RULE_MERGE, PORTAL_FILE + " " + AccessRules.RULE_ADMINS),
                violations(o), () -> dump(o));
    }

    @Test
    void crissCrossMergesWithTwoCommonAncestorsPass() throws Exception {
        g.branch("so-a", true);
        g.f.news("so-a", "hoi-nghi", "Hội nghị", "2026-01-07 08:00");
        RevCommit a1 = g.commit(GitFixture.EDITOR_A, "Tin hội nghị");
        g.branch("main", false).branch("xa", true);
        g.f.news("xa-b", "le-hoi", "Lễ hội", "2026-01-07 09:00");
        RevCommit x1 = g.commit(GitFixture.EDITOR_B, "Tin lễ hội");
        // Each merges the other's first commit: a1 and x1 are then both best common ancestors.
        assertTrue(g.git.merge().include(a1).setCommit(false).call().getMergeStatus().isSuccessful());
        g.commit(GitFixture.EDITOR_B, "Gộp nhánh sở");
        g.f.news("xa-b", "le-hoi", "Lễ hội (sửa)", "2026-01-07 09:00");
        g.commit(GitFixture.EDITOR_B, "Sửa tin lễ hội");
        g.branch("so-a", false);
        assertTrue(g.git.merge().include(x1).setCommit(false).call().getMergeStatus().isSuccessful());
        g.commit(GitFixture.EDITOR_A, "Gộp nhánh xã");
        g.f.news("so-a", "hoi-nghi", "Hội nghị (sửa)", "2026-01-07 08:00");
        g.commit(GitFixture.EDITOR_A, "Sửa tin hội nghị");
        MergeResult m = g.git.merge().include(g.git.getRepository().resolve("xa")).setCommit(false).call();
        assertTrue(m.getMergeStatus().isSuccessful(), m.toString());
        g.commit(GitFixture.EDITOR_A, "Gộp nhánh xã lần hai");
        Verifier.Outcome o = verify(since);
        assertTrue(o.ok(), () -> dump(o));
    }

    @Test
    void aBranchThatLeftBeforeSinceIsMergedByAnAdminOrAfterCatchingUp() throws Exception {
        g.git.branchCreate().setName("cu").setStartPoint(old).call();
        g.branch("cu", false);
        g.f.news("so-a", "hoi-nghi", "Hội nghị", "2026-01-07 08:00");
        g.commit(GitFixture.EDITOR_A, "Tin hội nghị");
        g.branch("main", false);
        // An editor's merge of it is refused, though it changes nothing but her unit.
        MergeResult m = g.git.merge().include(g.git.getRepository().resolve("cu")).setCommit(false).call();
        assertTrue(m.getMergeStatus().isSuccessful(), m.toString());
        RevCommit refused = g.commit(GitFixture.EDITOR_A, "Gộp nhánh cũ");
        Verifier.Outcome o = verify(since);
        assertEquals(List.of("(cả commit) " + AccessRules.RULE_MERGE), violations(o), () -> dump(o));

        // The same merge by an admin passes.
        g.git.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef(refused.getParent(0).name()).call();
        m = g.git.merge().include(g.git.getRepository().resolve("cu")).setCommit(false).call();
        assertTrue(m.getMergeStatus().isSuccessful(), m.toString());
        g.commit(GitFixture.ADMIN, "Quản trị gộp nhánh cũ");
        Verifier.Outcome admin = verify(since);
        assertTrue(admin.ok(), () -> dump(admin));

        // Or she first merges main (here --since itself) into her branch: then it descends from --since.
        g.git.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef(refused.getParent(0).name()).call();
        g.branch("cu", false);
        m = g.git.merge().include(g.git.getRepository().resolve("main")).setCommit(false).call();
        assertTrue(m.getMergeStatus().isSuccessful(), m.toString());
        g.commit(GitFixture.EDITOR_A, "Gộp main vào nhánh");
        g.branch("main", false);
        m = g.git.merge().include(g.git.getRepository().resolve("cu")).setCommit(false).call();
        assertTrue(m.getMergeStatus().isSuccessful(), m.toString());
        g.commit(GitFixture.EDITOR_A, "Gộp nhánh");
        Verifier.Outcome caughtUp = verify(since);
        assertTrue(caughtUp.ok(), () -> dump(caughtUp));
    }
}
