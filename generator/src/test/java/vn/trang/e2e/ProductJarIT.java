package vn.trang.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

/**
 * The shipped jar holds none of the developers' tools: no class the tools module (tools/src/main)
 * declares, nothing in the tools' packages, and no class of the product's own tests; and what
 * shading must keep (service registrations).
 */
class ProductJarIT {

    private static final Path REPO = Path.of(System.getProperty("trang.root", "..")).toAbsolutePath().normalize();
    private static final Path JAR = Path.of(System.getProperty("trang.jar", "target/trang.jar")).toAbsolutePath();
    private static final Path TOOLS = REPO.resolve("tools/src/main/java");

    /** The tools module's top-level classes, as jar entry names ({@code vn/trang/bench/PyRandom.class}). */
    private static Set<String> toolClasses() throws IOException {
        try (Stream<Path> files = Files.walk(TOOLS)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .map(p -> TOOLS.relativize(p).toString().replace('\\', '/').replaceFirst("\\.java$", ".class"))
                    .collect(Collectors.toSet());
        }
    }

    @Test
    void theJarHasNoToolClass() throws IOException {
        assertTrue(Files.isRegularFile(JAR), "run through `mvn verify`, after the jar is packaged: " + JAR);
        Set<String> tools = toolClasses();
        assertTrue(tools.size() >= 10, "the tools module's classes were found: " + tools);
        List<String> entries;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            entries = jar.stream().map(ZipEntry::getName).toList();
        }
        assertTrue(entries.contains("vn/trang/cli/TrangCommand.class"), "the product is there");
        List<String> found = entries.stream()
                .filter(e -> tools.contains(e.replaceFirst("\\$[^/]*\\.class$", ".class"))
                        || e.startsWith("vn/trang/bench/") || e.startsWith("vn/trang/search/eval/")
                        || e.startsWith("vn/trang/tools/")
                        || e.startsWith("vn/trang/") && (e.endsWith("Test.class") || e.endsWith("IT.class")))
                .toList();
        assertEquals(List.of(), found, "tool or test classes in the shipped jar");
    }

    /** Content images are decoded by TwelveMonkeys: its ImageIO registration survives the shading (services merged). */
    @Test
    void theJarRegistersTheJpegReader() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            ZipEntry services = jar.getEntry("META-INF/services/javax.imageio.spi.ImageReaderSpi");
            assertTrue(services != null, "no ImageIO reader registration in the jar");
            String listed = new String(jar.getInputStream(services).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(listed.contains("com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi"), listed);
        }
    }
}
