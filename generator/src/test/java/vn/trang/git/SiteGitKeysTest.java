package vn.trang.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.diag.Diagnostics;
import vn.trang.load.SiteRegistry;
import vn.trang.load.SiteRegistryLoader;
import vn.trang.model.Site;

/** The registry keys for content kept in Git (source, admins, require_signed_commits, public_keys) and their errors. */
class SiteGitKeysTest {

    @TempDir
    Path tmp;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = Fixture.standard(tmp);
    }

    private Diagnostics d;

    private Optional<SiteRegistry> load() {
        d = new Diagnostics();
        return new SiteRegistryLoader().load(f.path("sites"), f.root, d);
    }

    private String dept(String extra) {
        return Fixture.unitYaml("Sở Thử Nghiệm", "department", "tinh", "/so-a/") + extra;
    }

    @Test
    void validKeysAreRead() {
        f.write("sites/tinh.yml", Fixture.portalYaml() + "admins:\n  - name: Quản Trị\n    email: qt@tinh.example.vn\n"
                + "require_signed_commits: true\npublic_keys: keys/bien-tap.asc\n");
        f.write("sites/so-a.yml", dept("source:\n  git: https://git.example.vn/so-a/noi-dung.git\n  branch: xuat-ban\n"));
        f.write("sites/xa-b.yml", Fixture.unitYaml("Xã", "commune", "tinh", "/xa-b/")
                + "source:\n  git: /srv/git/xa-b.git\n");
        SiteRegistry r = load().orElseThrow();
        assertEquals(0, d.list().size(), () -> Diags.dump(d));
        Site portal = r.portal();
        assertEquals(List.of("qt@tinh.example.vn"), portal.access().admins().stream().map(e -> e.email()).toList());
        assertTrue(portal.access().requireSignedCommits());
        assertEquals("keys/bien-tap.asc", portal.access().publicKeys());
        assertNull(portal.source());
        Site so = r.byId("so-a").orElseThrow();
        assertEquals("https://git.example.vn/so-a/noi-dung.git", so.source().url());
        assertEquals("xuat-ban", so.source().branch());
        assertFalse(so.access().requireSignedCommits());
        assertEquals("main", r.byId("xa-b").orElseThrow().source().branch(), "branch defaults to main");
    }

    @Test
    void adminsOnAUnitAreAnErrorAtTheKey() {
        f.write("sites/so-a.yml", dept("admins:\n  - name: A\n    email: a@so-a.example.vn\n"));
        Diags.singleError(d(), "sites/so-a.yml", 11, 1, "admins", "portal");
    }

    @Test
    void signedCommitsWithoutKeysIsAnError() {
        f.write("sites/tinh.yml", Fixture.portalYaml() + "require_signed_commits: true\n");
        var x = Diags.singleError(d(), "sites/tinh.yml", 13, 25, "khóa công khai");
        Diags.assertHints(x, "public_keys");
    }

    @Test
    void requireSignedCommitsMustBeABoolean() {
        f.write("sites/tinh.yml", Fixture.portalYaml() + "require_signed_commits: có\n");
        Diags.singleError(d(), "sites/tinh.yml", 13, 25, "require_signed_commits");
    }

    @Test
    void sshRemotesAreRefusedWithTheWayOut() {
        f.write("sites/so-a.yml", dept("source:\n  git: git@git.example.vn:so-a/noi-dung.git\n"));
        var x = Diags.singleError(d(), "sites/so-a.yml", 12, 8, "SSH");
        Diags.assertHints(x, "https://");
    }

    @Test
    void aBadUrlOrBranchIsAnErrorAtItsValue() {
        f.write("sites/so-a.yml", dept("source:\n  git: noi-dung\n  branch: \"a..b\"\n"));
        Diagnostics x = d();
        assertEquals(2, x.list().size(), () -> Diags.dump(x));
        Diags.assertAt(x.list().get(0), "sites/so-a.yml", 12, 8);
        Diags.assertAt(x.list().get(1), "sites/so-a.yml", 13, 11);
    }

    @Test
    void sourceNeedsGitAndRejectsUnknownKeys() {
        f.write("sites/so-a.yml", dept("source:\n  branch: main\n  url: https://git.example.vn/x.git\n"));
        Diagnostics x = d();
        assertEquals(2, x.list().size(), () -> Diags.dump(x));
        assertTrue(x.list().stream().anyMatch(e -> e.message().contains("'url'")), () -> Diags.dump(x));
        assertTrue(x.list().stream().anyMatch(e -> e.message().contains("'git'")), () -> Diags.dump(x));
    }

    @Test
    void aMisspeltKeyIsSuggested() {
        f.write("sites/tinh.yml", Fixture.portalYaml() + "admin:\n  - name: A\n    email: a@tinh.example.vn\n");
        var x = Diags.singleError(d(), "sites/tinh.yml", 13, 1, "'admin'");
        Diags.assertHints(x, "admins");
    }

    private Diagnostics d() {
        load();
        return d;
    }
}
