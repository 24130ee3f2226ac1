package vn.trang.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.api.MergeCommand.FastForwardMode;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.git.GitFixture.Person;

/**
 * trang verify's review rule on real JGit histories shaped as Decap's editorial workflow leaves
 * them: an editor's commits on a branch {@code cms/<collection>/<slug>}, merged into main with a
 * merge commit by whoever approved. The department so-a has a reviewer; the portal has one who
 * approves anywhere; the commune xa-b has none and keeps the rules it had.
 */
class ReviewVerifyTest {

    static final Person REVIEWER_A = new Person("Lê Trưởng Ban", "truongban@so-a.example.vn");
    static final Person PORTAL_REVIEWER = new Person("Phạm Duyệt Tin", "duyettin@tinh.example.vn");
    static final String NEWS = "content/so-a/tin-tuc/hoi-nghi.md";

    @TempDir
    Path tmp;
    GitFixture g;
    /** The admin's commit that gave so-a its reviewer: what is verified starts after it. */
    RevCommit since;

    @BeforeEach
    void setUp() throws Exception {
        g = GitFixture.create(tmp, reviewers(PORTAL_REVIEWER));
        g.write("sites/so-a.yml", g.textAt(g.git.getRepository().resolve("HEAD"), "sites/so-a.yml") + reviewers(REVIEWER_A));
        since = g.commit(GitFixture.ADMIN, "Trưởng ban biên tập của sở");
    }

    @AfterEach
    void tearDown() {
        g.close();
    }

    static String reviewers(Person p) {
        return "reviewers:\n  - name: " + p.name() + "\n    email: " + p.email() + "\n";
    }

    /** Editor A writes the news item on a branch of her own, as the editor does; main stays checked out after. */
    private void editorsBranch(Person editor, String file) {
        g.branch("cms/tin-tuc/hoi-nghi", true);
        g.write(file, "---\ntitle: Hội nghị\ndate: 2026-01-07 08:00\n---\n\nNội dung.\n");
        g.commit(editor, "Tạo tin «Hội nghị»");
        g.branch("main", false);
    }

    /** Merges the editor's branch into main with a merge commit by {@code who}, as publishing in the editor does. */
    private RevCommit approve(Person who) throws Exception {
        MergeResult m = g.git.merge().include(g.git.getRepository().resolve("cms/tin-tuc/hoi-nghi"))
                .setFastForward(FastForwardMode.NO_FF).setCommit(false).call();
        assertTrue(m.getMergeStatus().isSuccessful(), m.toString());
        return g.commit(who, "Xuất bản «Hội nghị»");
    }

    private Verifier.Outcome verify() {
        return new Verifier(g.root, null).verify(since.name(), null, Map.of());
    }

    /** Each violation as "file rule", sorted. */
    private static List<String> violations(Verifier.Outcome o) {
        return o.report().violations().stream().map(v -> v.file() + " " + v.rule()).sorted().toList();
    }

    private static String dump(Verifier.Outcome o) {
        StringBuilder sb = new StringBuilder(Diags.dump(o.diagnostics()));
        if (o.report() != null) {
            o.report().violations().forEach(v -> sb.append(v.format()).append('\n'));
        }
        return sb.toString();
    }

    @Test
    void anEditorsBranchMergedByHerReviewerIsPublished() throws Exception {
        editorsBranch(GitFixture.EDITOR_A, NEWS);
        g.f.news("xa-b", "le-hoi", "Lễ hội", "2026-01-07 09:00"); // main moves on meanwhile
        g.commit(GitFixture.EDITOR_B, "Tin lễ hội");
        approve(REVIEWER_A);
        g.f.news("so-a", "sua-loi", "Sửa lỗi", "2026-01-08 08:00"); // a reviewer writes directly too
        g.commit(REVIEWER_A, "Tin sửa lỗi");

        Verifier.Outcome o = verify();
        assertEquals(List.of(), violations(o), () -> dump(o));
        assertTrue(o.ok(), () -> dump(o));
    }

    @Test
    void anEditorsOwnMergeIsRefused() throws Exception {
        editorsBranch(GitFixture.EDITOR_A, NEWS);
        RevCommit merge = approve(GitFixture.EDITOR_A);

        Verifier.Outcome o = verify();
        assertEquals(List.of(NEWS + " duyet"), violations(o), () -> dump(o));
        Verifier.Violation v = o.report().violations().get(0);
        assertEquals(merge.abbreviate(10).name(), v.commit());
        assertTrue(v.message().contains("reviewers trong sites/so-a.yml"), v::message);
    }

    @Test
    void anEditorsCommitStraightOnMainIsRefused() {
        g.f.news("so-a", "hoi-nghi", "Hội nghị", "2026-01-07 08:00");
        RevCommit direct = g.commit(GitFixture.EDITOR_A, "Tin hội nghị");

        Verifier.Outcome o = verify();
        assertEquals(List.of(NEWS + " duyet"), violations(o), () -> dump(o));
        assertEquals(direct.abbreviate(10).name(), o.report().violations().get(0).commit());
    }

    @Test
    void aFastForwardIsNoApproval() throws Exception {
        editorsBranch(GitFixture.EDITOR_A, NEWS);
        MergeResult m = g.git.merge().include(g.git.getRepository().resolve("cms/tin-tuc/hoi-nghi"))
                .setFastForward(FastForwardMode.FF_ONLY).call();
        assertEquals(MergeResult.MergeStatus.FAST_FORWARD, m.getMergeStatus());

        Verifier.Outcome o = verify();
        assertEquals(List.of(NEWS + " duyet"), violations(o), () -> dump(o));
    }

    @Test
    void anotherUnitsEditorIsRefusedWhoeverMergedHerCommit() throws Exception {
        editorsBranch(GitFixture.EDITOR_B, NEWS);
        approve(REVIEWER_A);

        Verifier.Outcome o = verify();
        assertEquals(List.of(NEWS + " bien-tap"), violations(o), () -> dump(o));
    }

    @Test
    void thePortalsReviewerApprovesAnywhereAUnitsReviewerOnlyInHerUnit() throws Exception {
        editorsBranch(GitFixture.EDITOR_A, NEWS);
        approve(PORTAL_REVIEWER);
        Verifier.Outcome portal = verify();
        assertTrue(portal.ok(), () -> dump(portal));

        // The commune gets a reviewer of its own; so-a's reviewer then merges the commune's branch.
        g.write("sites/xa-b.yml", g.textAt(since, "sites/xa-b.yml") + reviewers(new Person("Đỗ Trưởng Ban",
                "truongban@xa-b.example.vn")));
        g.commit(GitFixture.ADMIN, "Trưởng ban biên tập của xã");
        g.branch("cms/tin-tuc/le-hoi", true);
        g.f.news("xa-b", "le-hoi", "Lễ hội", "2026-01-07 09:00");
        g.commit(GitFixture.EDITOR_B, "Tin lễ hội");
        g.branch("main", false);
        MergeResult m = g.git.merge().include(g.git.getRepository().resolve("cms/tin-tuc/le-hoi"))
                .setFastForward(FastForwardMode.NO_FF).setCommit(false).call();
        assertTrue(m.getMergeStatus().isSuccessful(), m.toString());
        g.commit(REVIEWER_A, "Xuất bản «Lễ hội»");

        Verifier.Outcome o = verify();
        assertEquals(List.of("content/xa-b/tin-tuc/le-hoi.md duyet"), violations(o), () -> dump(o));
    }

    @Test
    void aSiteWithoutReviewersKeepsTodaysRules() throws Exception {
        g.f.news("xa-b", "le-hoi", "Lễ hội", "2026-01-07 09:00");
        g.commit(GitFixture.EDITOR_B, "Tin lễ hội, thẳng lên main");
        editorsBranch(GitFixture.EDITOR_B, "content/xa-b/tin-tuc/van-nghe.md");
        approve(GitFixture.EDITOR_B);

        Verifier.Outcome o = verify();
        assertEquals(List.of(), violations(o), () -> dump(o));
        assertTrue(o.ok(), () -> dump(o));
    }

    @Test
    void aBranchWaitingForReviewIsCheckedForEverythingElse() throws Exception {
        g.branch("cms/tin-tuc/hoi-nghi", true);
        g.f.news("so-a", "hoi-nghi", "Hội nghị", "2026-01-07 08:00");
        g.commit(GitFixture.EDITOR_A, "Tạo tin «Hội nghị»");

        Verifier.Outcome asMain = verify();
        assertEquals(List.of(NEWS + " duyet"), violations(asMain), () -> dump(asMain));
        Verifier.Outcome pending = new Verifier(g.root, null).pendingReview().verify(since.name(), null, Map.of());
        assertTrue(pending.ok(), () -> dump(pending));

        g.f.news("xa-b", "le-hoi", "Lễ hội", "2026-01-07 09:00"); // another unit's file, on her branch
        g.commit(GitFixture.EDITOR_A, "Nhầm trang");
        Verifier.Outcome wrong = new Verifier(g.root, null).pendingReview().verify(since.name(), null, Map.of());
        assertEquals(List.of("content/xa-b/tin-tuc/le-hoi.md bien-tap"), violations(wrong), () -> dump(wrong));
    }
}
