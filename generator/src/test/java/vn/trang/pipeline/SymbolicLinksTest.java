package vn.trang.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.diag.Diagnostic;

/**
 * A symbolic link among the inputs (content, sites, themes) is an error at the link, and nothing
 * it points to (a secret of the build machine, /etc/passwd) ever reaches the output or the cache.
 */
class SymbolicLinksTest {

    @TempDir
    Path tmp;
    Fixture f;
    /** A file of the build machine, outside the project. */
    Path secret;
    /** A folder of the build machine, outside the project, with a secret file and a page. */
    Path secretDir;
    String marker;

    @BeforeEach
    void setUp() throws IOException {
        marker = "BI-MAT-MAY-DUNG-" + UUID.randomUUID();
        Path outside = Files.createDirectories(tmp.resolve("ngoai"));
        secret = Files.writeString(outside.resolve("secret.env"), "TOKEN=" + marker + "\n");
        secretDir = Files.createDirectories(outside.resolve("thu-muc"));
        Files.writeString(secretDir.resolve("bi-mat.pdf"), marker);
        Files.writeString(secretDir.resolve("bai.md"), Fixture.md("title: Bài\ndate: 2026-01-05\nsummary: " + marker,
                marker + "\n"));
        f = Fixture.standard(tmp.resolve("p"));
        f.news(Fixture.DEPT, "co-that", "Có thật", "2026-01-05 08:00");
    }

    private void link(String rel, Path target) throws IOException {
        Path p = f.path(rel);
        Files.createDirectories(p.getParent());
        Files.createSymbolicLink(p, target);
    }

    private BuildResult build(boolean cache) {
        return new Builder().build(new BuildOptions(f.root, f.out(), null, "default", 2).withCache(cache));
    }

    /** Every error's file:line:column, sorted. */
    private static List<String> errorsAt(BuildResult r) {
        return r.diagnostics().list().stream().filter(Diagnostic::isError)
                .map(x -> x.file() + ":" + x.line() + ":" + x.column()).sorted().toList();
    }

    /** No regular file under the project (output and cache included) holds {@code text}, and the output holds no link. */
    private void assertNowhere(String text) throws IOException {
        List<String> found = new ArrayList<>();
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        Files.walkFileTree(f.root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path p, BasicFileAttributes a) throws IOException {
                if (a.isSymbolicLink() && p.startsWith(f.out())) {
                    found.add("liên kết " + p);
                }
                if (a.isRegularFile() && new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)
                        .contains(new String(needle, StandardCharsets.ISO_8859_1))) {
                    found.add(p.toString());
                }
                return FileVisitResult.CONTINUE;
            }
        });
        assertEquals(List.of(), found, "nothing read through a link may be written anywhere");
    }

    @Test
    void aLinkToASecretFileOrPageIsAnErrorAtTheLink() throws IOException {
        link("content/so-a/tin-tuc/env.txt", secret);
        link("content/so-a/tin-tuc/bai.md", secretDir.resolve("bai.md"));
        BuildResult r = build(true);
        assertFalse(r.ok());
        assertEquals(List.of("content/so-a/tin-tuc/bai.md:1:1", "content/so-a/tin-tuc/env.txt:1:1"), errorsAt(r),
                () -> Diags.dump(r.diagnostics()));
        Diagnostic d = r.diagnostics().list().get(0);
        Diags.assertMentions(d, "liên kết tượng trưng");
        Diags.assertHints(d, "git rm");
        assertNowhere(marker);
    }

    @Test
    void aLinkToEtcPasswdIsNeverPublished() throws IOException {
        Path passwd = Path.of("/etc/passwd");
        assumeTrue(Files.isRegularFile(passwd));
        String line = Files.readAllLines(passwd).get(0);
        link("content/so-a/van-ban/pw.pdf", passwd);
        BuildResult r = build(false);
        assertFalse(r.ok());
        Diags.singleError(r.diagnostics(), "content/so-a/van-ban/pw.pdf", 1, 1, "liên kết tượng trưng");
        assertNowhere(line);
    }

    @Test
    void linkedFoldersAreErrorsAtTheLinkAtEveryLevel() throws IOException {
        link("content/xa-b", secretDir);                       // a site's folder
        link("content/so-a/trang", secretDir);                 // a section
        link("content/so-a/van-ban/tep", secretDir);           // a folder inside a section
        link("content/tinh/tin-tuc/2026", secretDir);
        BuildResult r = build(true);
        assertFalse(r.ok());
        assertEquals(List.of("content/so-a/trang:1:1", "content/so-a/van-ban/tep:1:1", "content/tinh/tin-tuc/2026:1:1",
                "content/xa-b:1:1"), errorsAt(r), () -> Diags.dump(r.diagnostics()));
        assertNowhere(marker);
    }

    @Test
    void filesAndFormsNamingALinkAreErrorsAtTheEntry() throws IOException {
        // Built once with a real PDF and the cache on, then the PDF becomes a link: not reused.
        f.document(Fixture.DEPT, "qd", "01/2026/QĐ-UBND", "Quyết định", "2026-01-01", "files: [qd.pdf]");
        f.write("content/so-a/van-ban/qd.pdf", "%PDF-1.4\n");
        BuildResult first = build(true);
        assertTrue(first.ok(), () -> Diags.dump(first.diagnostics()));
        Files.delete(f.path("content/so-a/van-ban/qd.pdf"));
        link("content/so-a/van-ban/qd.pdf", secret);
        link("content/so-a/thu-tuc/mau/to-khai.pdf", secret);
        link("content/so-a/thu-tuc/tep", secretDir);
        f.procedure(Fixture.DEPT, "cap-phep", "Cấp phép", "1.009994", "forms: [mau/to-khai.pdf, tep/bi-mat.pdf]");
        BuildResult r = build(true);
        assertFalse(r.ok());
        // The links at their path, the entries naming them at the entry (line and column of the value).
        List<String> at = r.diagnostics().list().stream().filter(Diagnostic::isError)
                .map(x -> x.file().endsWith(".md") ? x.file() : x.file() + ":" + x.line() + ":" + x.column()).sorted().toList();
        assertEquals(List.of("content/so-a/thu-tuc/cap-phep.md", "content/so-a/thu-tuc/cap-phep.md",
                "content/so-a/thu-tuc/mau/to-khai.pdf:1:1", "content/so-a/thu-tuc/tep:1:1",
                "content/so-a/van-ban/qd.md", "content/so-a/van-ban/qd.pdf:1:1"), at, () -> Diags.dump(r.diagnostics()));
        for (Diagnostic d : r.diagnostics().list()) {
            if (d.file().endsWith(".md")) {
                assertTrue(d.line() > 0 && d.column() > 0, d::format);
                Diags.assertMentions(d, "liên kết tượng trưng");
            }
        }
        assertNowhere(marker);
    }

    @Test
    void linksInSitesAndThemesAreErrorsAtTheLink() throws IOException {
        Files.delete(f.path("sites/xa-b.yml"));
        Files.writeString(secretDir.resolve("xa-b.yml"), Fixture.unitYaml("Xã Bình Yên", "commune", "tinh", "/xa-b/")
                + "description: " + marker + "\n");
        link("sites/xa-b.yml", secretDir.resolve("xa-b.yml"));
        BuildResult r = build(false);
        assertFalse(r.ok());
        Diags.singleError(r.diagnostics(), "sites/xa-b.yml", 1, 1, "liên kết tượng trưng");
        assertNowhere(marker);

        Files.delete(f.path("sites/xa-b.yml"));
        f.write("sites/xa-b.yml", Fixture.unitYaml("Xã Bình Yên", "commune", "tinh", "/xa-b/"));
        link("themes/default/static/css/env.css", secret);
        Files.delete(f.path("themes/default/i18n/messages_en.properties"));
        link("themes/default/i18n/messages_en.properties", secret);
        link("themes/overrides/so-a/static/anh", secretDir);
        link("themes/overrides/so-a/templates/base.ftl", secret);
        BuildResult t = build(true);
        assertFalse(t.ok());
        assertEquals(List.of("themes/default/i18n/messages_en.properties:1:1", "themes/default/static/css/env.css:1:1",
                "themes/overrides/so-a/static/anh:1:1", "themes/overrides/so-a/templates/base.ftl:1:1"), errorsAt(t),
                () -> Diags.dump(t.diagnostics()));
        assertNowhere(marker);
    }
}
