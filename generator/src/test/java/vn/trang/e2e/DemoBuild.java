package vn.trang.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.pipeline.BuildOptions;
import vn.trang.pipeline.BuildResult;
import vn.trang.pipeline.Builder;

/**
 * The demo province of the repository (the real {@code sites/}, {@code content/} and
 * {@code themes/}), built once per test JVM into a temp folder and shared by the end-to-end tests
 * (a build takes seconds; CI should pay for it once). Deleted when the JVM exits.
 */
final class DemoBuild {

    /** The same fixed build date as DemoContentTest: document validity and the review list depend on it. */
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    private static Path out;

    private DemoBuild() {
    }

    /** The output folder of a successful build of the demo. */
    static synchronized Path out() {
        if (out == null) {
            try {
                Path tmp = Files.createTempDirectory("trang-e2e-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(tmp)));
                Path dir = tmp.resolve("public");
                BuildResult r = new Builder().build(BuildOptions.defaults(Fixture.REPO, dir).withAsOf(AS_OF));
                if (!r.ok()) {
                    throw new AssertionError("the demo does not build: " + Diags.dump(r.diagnostics()));
                }
                out = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** Where tests leave artifacts (screenshots, reports): the Maven build folder, as Surefire tells. */
    static Path artifacts(String name) {
        Path base = Path.of(System.getProperty("trang.buildDir", "target"));
        return base.toAbsolutePath().normalize().resolve(name);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder; the OS cleans it eventually
        }
    }
}
