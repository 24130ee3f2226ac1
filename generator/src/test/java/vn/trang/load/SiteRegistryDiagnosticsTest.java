package vn.trang.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.diag.Diagnostic;
import vn.trang.diag.Diagnostics;
import vn.trang.model.SiteKind;

/** sites/*.yml: every problem is one error at its file:line:column. */
class SiteRegistryDiagnosticsTest {

    @TempDir
    Path tmp;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = Fixture.standard(tmp);
    }

    private Diagnostics load() {
        Diagnostics d = new Diagnostics();
        Optional<SiteRegistry> r = new SiteRegistryLoader().load(f.path("sites"), f.root, d);
        assertEquals(!d.hasErrors(), r.isPresent(), "a registry is returned exactly when there are no errors");
        return d;
    }

    private static String dept(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void theStandardFixtureIsValid() {
        Diagnostics d = new Diagnostics();
        SiteRegistry r = new SiteRegistryLoader().load(f.path("sites"), f.root, d).orElseThrow();
        assertEquals(0, d.list().size(), () -> Diags.dump(d));
        assertEquals("tinh", r.portal().id());
        assertEquals(List.of("tinh", "so-a", "xa-b"), r.sites().stream().map(s -> s.id()).toList());
        assertEquals(SiteKind.COMMUNE, r.byId("xa-b").orElseThrow().kind());
        assertEquals("https://tinh.example.vn/so-a/", r.byId("so-a").orElseThrow().absoluteUrl());
        assertEquals(List.of("so-a", "xa-b"), r.children(r.portal()).stream().map(s -> s.id()).toList());
    }

    @Test
    void noPortal() {
        // Every unit names the missing portal as its parent: still one problem, one error.
        f.delete("sites/tinh.yml");
        Diagnostic x = Diags.singleError(load(), "sites", 0, 0, "kind: portal");
        Diags.assertHints(x, "sites/tinh.yml");
    }

    @Test
    void portalTurnedIntoADepartment() {
        f.write("sites/tinh.yml", Fixture.portalYaml().replace("kind: portal", "kind: department"));
        Diags.singleError(load(), "sites", 0, 0, "kind: portal");
    }

    @Test
    void portalKindMisspelt() {
        f.write("sites/tinh.yml", Fixture.portalYaml().replace("kind: portal", "kind: portl"));
        Diags.singleError(load(), "sites/tinh.yml", 3, 7, "'portl'");
    }

    @Test
    void emptyRegistry() {
        f.delete("sites/tinh.yml").delete("sites/so-a.yml").delete("sites/xa-b.yml");
        Diags.singleError(load(), "sites", 0, 0);
    }

    @Test
    void twoPortals() {
        f.write("sites/cong-2.yml", dept(
                "name: Cổng thứ hai",
                "kind: portal",
                "path: /",
                "host: hai.example.vn",
                "address: Số 2",
                "phone: \"0222 1\"",
                "email: a@hai.example.vn"));
        // cong-2.yml sorts before tinh.yml, so tinh.yml is the extra one.
        Diags.singleError(load(), "sites/tinh.yml", 3, 7, "cổng thông tin", "cong-2.yml");
    }

    @Test
    void duplicatePaths() {
        f.write("sites/so-c.yml", Fixture.unitYaml("Sở C", "department", "tinh", "/so-a/"));
        Diags.singleError(load(), "sites/so-c.yml", 4, 7, "/so-a/", "so-a");
    }

    @Test
    void unknownParent() {
        f.write("sites/so-a.yml", Fixture.unitYaml("Sở A", "department", "so-khong-co", "/so-a/"));
        Diagnostic x = Diags.singleError(load(), "sites/so-a.yml", 3, 9, "so-khong-co");
        Diags.assertHints(x, "tinh");
    }

    @Test
    void parentCycleIsReportedOnce() {
        f.write("sites/so-a.yml", Fixture.unitYaml("Sở A", "department", "xa-b", "/so-a/"));
        f.write("sites/xa-b.yml", Fixture.unitYaml("Xã B", "commune", "so-a", "/xa-b/"));
        // A third site hanging below the loop must not repeat the report.
        f.write("sites/xa-c.yml", Fixture.unitYaml("Xã C", "commune", "so-a", "/xa-c/"));
        Diags.singleError(load(), "sites/so-a.yml", 3, 9, "so-a", "xa-b");
    }

    @Test
    void selfParent() {
        f.write("sites/so-a.yml", Fixture.unitYaml("Sở A", "department", "so-a", "/so-a/"));
        Diags.singleError(load(), "sites/so-a.yml", 3, 9, "chính nó");
    }

    @Test
    void badKind() {
        f.write("sites/so-a.yml", Fixture.unitYaml("Sở A", "so", "tinh", "/so-a/"));
        Diagnostic x = Diags.singleError(load(), "sites/so-a.yml", 2, 7, "'so'");
        Diags.assertHints(x, "department", "commune");
    }

    @Test
    void badEmail() {
        f.write("sites/so-a.yml", Fixture.unitYaml("Sở A", "department", "tinh", "/so-a/")
                .replace("email: vanphong@so-a.example.vn", "email: vanphong.so-a.example.vn"));
        Diags.singleError(load(), "sites/so-a.yml", 7, 8, "vanphong.so-a.example.vn");
    }

    @Test
    void badLeaderEmailPointsIntoTheList() {
        f.write("sites/so-a.yml", Fixture.unitYaml("Sở A", "department", "tinh", "/so-a/")
                + "    email: lanh@@so-a\n");
        Diags.singleError(load(), "sites/so-a.yml", 11, 12, "lanh@@so-a");
    }

    @Test
    void reviewersAreReadAndABadEmailPointsIntoTheList() {
        String unit = Fixture.unitYaml("Sở A", "department", "tinh", "/so-a/");
        f.write("sites/so-a.yml", unit + "reviewers:\n  - name: Lê Trưởng Ban\n    email: truongban@so-a.example.vn\n");
        Diagnostics ok = new Diagnostics();
        SiteRegistry r = new SiteRegistryLoader().load(f.path("sites"), f.root, ok).orElseThrow();
        assertEquals(List.of("truongban@so-a.example.vn"),
                r.byId("so-a").orElseThrow().reviewers().stream().map(e -> e.email()).toList(), () -> Diags.dump(ok));
        assertEquals(List.of(), r.portal().reviewers());

        f.write("sites/so-a.yml", unit + "reviewers:\n  - name: Lê Trưởng Ban\n    email: truongban@@so-a\n");
        Diags.singleError(load(), "sites/so-a.yml", unit.split("\n").length + 3, 12, "truongban@@so-a");
    }

    @Test
    void badHost() {
        f.write("sites/tinh.yml", Fixture.portalYaml().replace("host: tinh.example.vn", "host: https://tinh.example.vn/"));
        Diags.singleError(load(), "sites/tinh.yml", 5, 7, "https://tinh.example.vn/");
    }

    @Test
    void portalWithoutHost() {
        f.write("sites/tinh.yml", Fixture.portalYaml().replace("host: tinh.example.vn\n", ""));
        Diagnostic x = Diags.singleError(load(), "sites/tinh.yml", 1, 1);
        Diags.assertHints(x, "host");
    }

    @Test
    void badAccentColour() {
        f.write("sites/so-a.yml", Fixture.unitYaml("Sở A", "department", "tinh", "/so-a/")
                + "theme:\n  accent: \"#a61c1\"\n");
        Diags.singleError(load(), "sites/so-a.yml", 12, 11, "#a61c1");
    }

    @Test
    void idMismatchingFileName() {
        f.write("sites/so-a.yml", "id: so-b\n" + Fixture.unitYaml("Sở A", "department", "tinh", "/so-a/"));
        Diags.singleError(load(), "sites/so-a.yml", 1, 5, "so-b", "so-a.yml");
    }

    @Test
    void unknownKeyWithSuggestion() {
        f.write("sites/so-a.yml", Fixture.unitYaml("Sở A", "department", "tinh", "/so-a/")
                .replace("address:", "adress:"));
        // address is then also missing: that is the same problem, and must not be a second error.
        Diagnostics d = load();
        List<Diagnostic> all = d.list();
        Diagnostic unknown = all.stream().filter(x -> x.message().contains("adress")).findFirst().orElseThrow(
                () -> new AssertionError(Diags.dump(d)));
        Diags.assertAt(unknown, "sites/so-a.yml", 5, 1);
        Diags.assertHints(unknown, "'address'");
        assertEquals(1, all.size(), () -> "one diagnostic for a misspelt key:" + Diags.dump(d));
    }

    @Test
    void unknownKeyWithoutNearMatch() {
        f.write("sites/so-a.yml", Fixture.unitYaml("Sở A", "department", "tinh", "/so-a/") + "website: x\n");
        Diagnostic x = Diags.singleError(load(), "sites/so-a.yml", 11, 1, "website");
        assertFalse(x.fix().contains("có phải"), x.format());
    }

    @Test
    void yamlSyntaxError() {
        f.write("sites/so-a.yml", dept(
                "name: Sở A",
                "kind: department",
                "parent: tinh",
                "path: /so-a/",
                "address: \"Số 5 phố A",
                "phone: \"0222 1\"",
                "email: a@so-a.vn"));
        Diagnostics d = load();
        Diagnostic x = Diags.single(d);
        assertTrue(x.isError());
        assertEquals("sites/so-a.yml", x.file());
        assertTrue(x.line() >= 5 && x.line() <= 8, x::format);
        Diags.assertMentions(x, "YAML");
    }

    @Test
    void yamlSyntaxErrorWithExactPosition() {
        f.write("sites/so-a.yml", dept(
                "name: Sở A",
                "kind: department",
                "parent: tinh",
                "  path: /so-a/",
                "address: Số 5",
                "phone: \"0222 1\"",
                "email: a@so-a.vn"));
        Diags.singleError(load(), "sites/so-a.yml", 4, 7, "YAML");
    }

    @Test
    void yamlSyntaxErrorInThePortalDoesNotCascade() {
        f.write("sites/tinh.yml", Fixture.portalYaml().replace("address: Số 1", "address: [Số 1"));
        Diags.singleError(load(), "sites/tinh.yml", 7, 6, "YAML");
    }

    @Test
    void missingRequiredKey() {
        f.write("sites/so-a.yml", Fixture.unitYaml("Sở A", "department", "tinh", "/so-a/")
                .replace("phone: \"0222 " , "#phone: \"0222 "));
        Diagnostic x = Diags.singleError(load(), "sites/so-a.yml", 1, 1, "'phone'");
        Diags.assertHints(x, "phone: \"0222 3822 000\"");
    }

    @Test
    void emptyRequiredKey() {
        f.write("sites/so-a.yml", Fixture.unitYaml("Sở A", "department", "tinh", "/so-a/")
                .replace("name: Sở A", "name:"));
        Diags.singleError(load(), "sites/so-a.yml", 1, 1, "'name'");
    }

    @Test
    void missingParent() {
        f.write("sites/so-a.yml", Fixture.unitYaml("Sở A", "department", "tinh", "/so-a/")
                .replace("parent: tinh\n", ""));
        Diags.singleError(load(), "sites/so-a.yml", 1, 1, "'parent'");
    }

    @Test
    void badPath() {
        f.write("sites/so-a.yml", Fixture.unitYaml("Sở A", "department", "tinh", "/so-a/").replace("path: /so-a/", "path: so-a"));
        Diags.singleError(load(), "sites/so-a.yml", 4, 7, "so-a");
    }

    @Test
    void unitAtTheRootPath() {
        f.write("sites/so-a.yml", Fixture.unitYaml("Sở A", "department", "tinh", "/so-a/").replace("path: /so-a/", "path: /"));
        // Also the portal's path; still one problem.
        Diags.singleError(load(), "sites/so-a.yml", 4, 7, "'/'");
    }

    @Test
    void badFileName() {
        f.write("sites/So_A.yml", Fixture.unitYaml("Sở A", "department", "tinh", "/so-x/"));
        Diags.singleError(load(), "sites/So_A.yml", 0, 0, "So_A.yml");
    }

    @Test
    void listWhereTextIsExpected() {
        f.write("sites/so-a.yml", Fixture.unitYaml("Sở A", "department", "tinh", "/so-a/")
                .replace("name: Sở A", "name: [Sở A, Sở B]"));
        Diags.singleError(load(), "sites/so-a.yml", 1, 7, "'name'", "danh sách");
    }
}
