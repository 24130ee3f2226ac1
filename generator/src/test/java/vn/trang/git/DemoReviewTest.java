package vn.trang.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand.FastForwardMode;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Fixture;
import vn.trang.diag.Diagnostics;
import vn.trang.load.SiteRegistry;
import vn.trang.load.SiteRegistryLoader;
import vn.trang.model.Editor;
import vn.trang.model.Site;
import vn.trang.model.SiteKind;

/**
 * The demo province's site files turn review on: every unit names a trưởng ban biên tập, so on a
 * copy of the demo's sites/ in a real repository an editor's commit straight on main is refused
 * and the same change merged by her unit's reviewer is accepted.
 */
class DemoReviewTest {

    @TempDir
    Path tmp;

    private static SiteRegistry demo() {
        Diagnostics d = new Diagnostics();
        SiteRegistry r = new SiteRegistryLoader().load(Fixture.REPO.resolve("sites"), Fixture.REPO, d).orElseThrow();
        assertFalse(d.hasErrors(), d.toString());
        return r;
    }

    @Test
    void everyDemoSiteNamesAReviewerWhoIsNotOneOfItsEditors() {
        for (Site s : demo().sites()) {
            assertFalse(s.reviewers().isEmpty(), s.id() + " has no reviewers");
            assertFalse(s.editors().isEmpty(), s.id() + " has no editors");
            for (Editor r : s.reviewers()) {
                assertTrue(s.editors().stream().noneMatch(e -> e.email().equalsIgnoreCase(r.email())),
                        s.id() + ": the demo shows two people, one who writes and one who approves");
            }
        }
    }

    @Test
    void anEditorOfADemoUnitNeedsHerReviewersMerge() throws Exception {
        SiteRegistry sites = demo();
        Site unit = sites.byId("xa-phu-lang").orElseThrow();
        assertEquals(SiteKind.COMMUNE, unit.kind());
        Editor admin = sites.portal().access().admins().get(0);
        Editor editor = unit.editors().get(0);
        Editor reviewer = unit.reviewers().get(0);

        Path root = tmp.resolve("demo");
        copy(Fixture.REPO.resolve("sites"), root.resolve("sites"));
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            RevCommit start = commit(git, admin, "Các trang của tỉnh", 0);

            // Straight on main: refused by the review rule.
            write(root, "content/xa-phu-lang/tin-tuc/hoi-lang.md", "Hội làng");
            RevCommit direct = commit(git, editor, "Tin hội làng", 1);
            Verifier.Outcome o = new Verifier(root, null).verify(start.name(), null, Map.of());
            assertEquals(List.of(direct.abbreviate(10).name() + " " + AccessRules.RULE_REVIEW),
                    o.report().violations().stream().map(v -> v.commit() + " " + v.rule()).toList());

            // On a branch of her own, merged by the commune's reviewer: accepted.
            git.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef(start.name()).call();
            git.checkout().setCreateBranch(true).setName("cms/tin-tuc/hoi-lang").call();
            write(root, "content/xa-phu-lang/tin-tuc/hoi-lang.md", "Hội làng");
            commit(git, editor, "Tin hội làng", 2);
            git.checkout().setName("main").call();
            MergeResult m = git.merge().include(git.getRepository().resolve("cms/tin-tuc/hoi-lang"))
                    .setFastForward(FastForwardMode.NO_FF).setCommit(false).call();
            assertTrue(m.getMergeStatus().isSuccessful(), m.toString());
            commit(git, reviewer, "Xuất bản «Hội làng»", 3);
            Verifier.Outcome ok = new Verifier(root, null).verify(start.name(), null, Map.of());
            assertTrue(ok.ok(), () -> ok.report().violations().toString() + ok.diagnostics());
        }
    }

    private static RevCommit commit(Git git, Editor who, String message, int hour) throws Exception {
        PersonIdent id = new PersonIdent(who.name(), who.email(), Instant.parse("2026-01-05T01:00:00Z").plusSeconds(3600L * hour),
                ZoneOffset.ofHours(7));
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor(id).setCommitter(id).setSign(false).call();
    }

    private static void write(Path root, String rel, String title) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, Fixture.md("title: " + title + "\ndate: 2026-01-07 08:00\nsummary: Tóm tắt.", "Nội dung.\n"),
                StandardCharsets.UTF_8);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
    }
}
