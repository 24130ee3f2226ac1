package vn.trang.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product as a user runs it: the shaded jar through the {@code ./trang} launcher, on the demo
 * province. The first build after a jar changes also writes the class-data-sharing archive
 * ({@code -XX:ArchiveClassesAtExit}); a class the JDK cannot archive once made that dump crash
 * the JVM at exit, so every build ended with SIGABRT although the site was built.
 */
class LauncherIT {

    private static final Path REPO = Path.of(System.getProperty("trang.root", "..")).toAbsolutePath().normalize();
    private static final Path JAR = Path.of(System.getProperty("trang.jar", "target/trang.jar")).toAbsolutePath();

    @TempDir
    Path tmp;

    private record Run(int exit, String output) {
    }

    private Run trang(Path jar, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("sh", REPO.resolve("trang").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true);
        pb.environment().put("TRANG_JAR", jar.toString());
        pb.environment().put("TRANG_ROOT", REPO.toString());
        Path log = tmp.resolve("log-" + System.nanoTime() + ".txt");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("trang " + String.join(" ", args) + " did not end");
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    @Test
    void buildsTheDemoWritingThenUsingTheClassArchive() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "run through `mvn verify`, after the jar is packaged: " + JAR);
        Path jar = Files.copy(JAR, tmp.resolve("trang.jar"));
        Path archive = tmp.resolve("trang.jsa");
        Path out = tmp.resolve("out");

        Run first = trang(jar, "build", "--no-cache", "--out", out.toString());
        assertEquals(0, first.exit(), first::output);
        assertTrue(Files.isRegularFile(out.resolve("index.html")), first::output);
        assertTrue(Files.isRegularFile(archive), () -> "no class archive written beside the jar\n" + first.output());

        Run second = trang(jar, "build", "--no-cache", "--out", out.toString());
        assertEquals(0, second.exit(), second::output);

        Run version = trang(jar, "--version");
        assertEquals(0, version.exit(), version::output);
        assertTrue(version.output().toLowerCase(java.util.Locale.ROOT).startsWith("trang"), version::output);
    }
}
