package vn.trang.cache;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/**
 * What code produced a cached result: the generator's jar (path, size, modification time), or,
 * when run from classes (tests, IDE), every class file's name, size and time; plus the Java
 * version. Any change to the generator therefore starts from an empty cache: results computed
 * by other code are never reused.
 */
final class CodeIdentity {

    /**
     * Computed once per JVM: the code does not change while it runs. Not build data: it says which
     * code made a cached result, the same for every build of the process.
     */
    private static volatile Digest cached;

    private CodeIdentity() {
    }

    static Digest get() {
        Digest d = cached;
        if (d == null) {
            d = compute();
            cached = d;
        }
        return d;
    }

    private static Digest compute() {
        Hasher h = new Hasher().putString("trang-cache-format-1").putString(Runtime.version().toString());
        try {
            Path where = Path.of(CodeIdentity.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            h.putString(where.toString());
            if (Files.isRegularFile(where)) {
                BasicFileAttributes a = Files.readAttributes(where, BasicFileAttributes.class);
                h.putLong(a.size()).putLong(a.lastModifiedTime().toMillis());
            } else {
                try (Stream<Path> s = Files.walk(where)) {
                    List<Path> files = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
                    for (Path p : files) {
                        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                        h.putString(where.relativize(p).toString()).putLong(a.size())
                                .putLong(a.lastModifiedTime().toMillis());
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Unknown code: a fresh identity every run, so nothing cached is trusted.
            h.putLong(System.nanoTime()).putString(e.toString());
        }
        return h.digest();
    }
}
