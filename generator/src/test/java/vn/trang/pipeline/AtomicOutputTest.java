package vn.trang.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.diag.Diagnostic;

/** The output folder is replaced only by a complete, error-free build. */
class AtomicOutputTest {

    @TempDir
    Path tmp;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = Fixture.standard(tmp.resolve("project"));
        f.news("so-a", "tin-1", "Tin một", "2025-01-01");
        f.news("xa-b", "tin-2", "Tin hai", "2025-01-02");
        f.document("tinh", "qd-1", "1/QĐ-UBND", "Quyết định", "2025-01-03");
    }

    /** Every file under the folder: relative path → SHA-256 of its bytes. */
    static Map<String, String> snapshot(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    /** Names in the output's parent folder that look like staging or old copies. */
    static List<String> leftovers(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out.getParent())) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("." + out.getFileName()) || n.contains(".tmp-") || n.contains(".old-"))
                    .toList();
        }
    }

    @Test
    void failedBuildLeavesThePreviousOutputByteIdentical() throws IOException {
        Path out = tmp.resolve("site-out");
        BuildResult first = f.build(out);
        assertTrue(first.ok(), () -> Diags.dump(first.diagnostics()));
        Map<String, String> before = snapshot(out);
        assertTrue(before.containsKey("so-a/tin-tuc/tin-mot/index.html"), before.keySet()::toString);
        assertTrue(before.size() > 10);

        // Break one file, and add a new valid one that would change the output if it were published.
        f.write("content/so-a/tin-tuc/tin-1.md", "---\ntitle: Tin một\ndate: 19/4/2019\nsummary: x\n---\n");
        f.news("so-a", "tin-3", "Tin ba", "2025-02-01");
        BuildResult second = f.build(out);
        assertFalse(second.ok());
        assertTrue(second.diagnostics().hasErrors());
        Diagnostic error = Diags.single(second.diagnostics());
        Diags.assertAt(error, "content/so-a/tin-tuc/tin-1.md", 3, 7);
        assertTrue(second.summary().contains("1 lỗi"), second.summary());
        assertEquals(before, snapshot(out), "the failed build must not touch the published output");
        assertEquals(List.of(), leftovers(out));
    }

    @Test
    void failureWhileRenderingAlsoKeepsTheOutput() throws IOException {
        Path out = tmp.resolve("site-out");
        assertTrue(f.build(out).ok());
        Map<String, String> before = snapshot(out);
        // A template error only shows up while rendering, after part of the staging folder is written.
        Path template = f.path("themes/default/templates/news.ftlh");
        Files.writeString(template, Files.readString(template).replace("${item.title}", "${item.khongCo}"));
        BuildResult r = f.build(out);
        assertFalse(r.ok());
        Diagnostic x = r.diagnostics().list().get(0);
        assertEquals("themes/default/templates/news.ftlh", x.file(), x::format);
        assertTrue(x.line() > 0, x::format);
        assertEquals(1, r.diagnostics().errorCount(), () -> "one error per template position, not per page:"
                + Diags.dump(r.diagnostics()));
        assertEquals(before, snapshot(out));
        assertEquals(List.of(), leftovers(out));
    }

    @Test
    void successfulRebuildReplacesTheOutputCompletely() throws IOException {
        Path out = tmp.resolve("site-out");
        assertTrue(f.build(out).ok());
        Files.writeString(out.resolve("stale.html"), "cũ");
        f.delete("content/xa-b/tin-tuc/tin-2.md");
        f.news("so-a", "tin-3", "Tin ba", "2025-02-01");
        BuildResult r = f.build(out);
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        Map<String, String> after = snapshot(out);
        assertFalse(after.containsKey("stale.html"), "files not produced by the build disappear");
        assertFalse(after.containsKey("xa-b/tin-tuc/tin-hai/index.html"), "removed content disappears");
        assertTrue(after.containsKey("so-a/tin-tuc/tin-ba/index.html"));
        assertEquals(List.of(), leftovers(out));
    }

    @Test
    void anOutputThatIsAFileIsRefusedAndKept() throws IOException {
        Path out = tmp.resolve("passwd");
        Files.writeString(out, "root:x:0:0:root:/root:/bin/bash\n");
        BuildResult r = f.build(out);
        assertFalse(r.ok());
        Diagnostic x = Diags.single(r.diagnostics());
        assertTrue(x.isError() && x.message().contains("là một tệp"), x::format);
        assertTrue(Files.isRegularFile(out));
        assertEquals("root:x:0:0:root:/root:/bin/bash\n", Files.readString(out));
        assertEquals(List.of(), leftovers(out));
    }

    @Test
    void aFolderOfSomethingElseIsRefusedAndKept() throws IOException {
        Path out = tmp.resolve("etc");
        Files.createDirectories(out.resolve("ssh"));
        Files.writeString(out.resolve("ssh/sshd_config"), "PermitRootLogin no\n");
        BuildResult r = f.build(out);
        assertFalse(r.ok());
        Diags.assertHints(Diags.single(r.diagnostics()), "không phải do trang build tạo ra", "--out public");
        assertEquals(Map.of("ssh/sshd_config", snapshot(out).get("ssh/sshd_config")), snapshot(out));
        assertEquals(List.of(), leftovers(out));
    }

    @Test
    void anEmptyFolderMayBeTheOutput() throws IOException {
        Path out = tmp.resolve("empty");
        Files.createDirectories(out);
        BuildResult r = f.build(out);
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        assertTrue(Files.isRegularFile(out.resolve(Builder.UNRESOLVED_REPORT)), "what marks an earlier build's output");
    }

    @Test
    void identicalInputGivesIdenticalOutput() {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertTrue(f.build(a).ok());
        assertTrue(new Builder().build(new BuildOptions(f.root, b, null, "default", 7)).ok());
        // Lucene stamps each segment with a random id: the search index is equal in content, not bytes.
        Map<String, String> sa = snapshot(a);
        Map<String, String> sb = snapshot(b);
        sa.keySet().removeIf(k -> k.startsWith("_search/index/"));
        sb.keySet().removeIf(k -> k.startsWith("_search/index/"));
        assertEquals(sa, sb, "output does not depend on thread count or timing");
    }

    @Test
    void outputMayNotBeTheProjectRoot() {
        assertUnsafe(f.root);
    }

    @Test
    void outputMayNotContainTheProject() {
        assertUnsafe(tmp);
    }

    @Test
    void outputMayNotBeInsideSources() {
        for (String dir : List.of("content", "content/so-a", "sites", "themes", "themes/default/static")) {
            assertUnsafe(f.path(dir));
        }
    }

    private void assertUnsafe(Path out) {
        Map<String, String> sources = snapshot(f.root);
        BuildResult r = f.build(out);
        assertFalse(r.ok(), out::toString);
        Diagnostic x = Diags.single(r.diagnostics());
        assertTrue(x.isError());
        assertTrue(x.message().contains("đầu ra"), x::format);
        assertEquals(sources, snapshot(f.root), "nothing in the project was touched");
    }

    @Test
    void outputBesideTheSourcesIsFine() {
        BuildResult r = f.build(f.path("public"));
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        BuildResult again = f.build(f.path("public"));
        assertTrue(again.ok());
        assertNotEquals(0, again.files());
    }

    /** The output is a folder like any other, which a web server running as another user may read. */
    @Test
    void theOutputFolderHasTheUsualPermissionsNotThoseOfAPrivateTemporaryOne(@TempDir Path tmp) throws IOException {
        Fixture f = Fixture.standard(tmp).news(Fixture.DEPT, "mot", "Tin một", "2025-01-10");
        Path out = tmp.resolve("xem-truoc/nhanh");
        assertTrue(f.build(out).ok());
        Path usual = Files.createDirectory(tmp.resolve("xem-truoc/thuong"));
        assertEquals(java.nio.file.Files.getPosixFilePermissions(usual), java.nio.file.Files.getPosixFilePermissions(out));
    }
}
