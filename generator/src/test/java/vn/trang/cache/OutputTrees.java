package vn.trang.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import vn.trang.diag.Diagnostic;
import vn.trang.pipeline.BuildResult;

/**
 * Comparing build outputs for the incremental-build tests: every file byte for byte, except the
 * Lucene index (it stamps random segment ids), whose document count and commit data are compared
 * through Lucene instead.
 */
public final class OutputTrees {

    static final String INDEX = "_search/index/";

    private OutputTrees() {
    }

    public static void assertSameTree(Path expected, Path actual, List<String> after) throws IOException {
        Map<String, byte[]> a = files(expected);
        Map<String, byte[]> b = files(actual);
        List<String> missing = new ArrayList<>(a.keySet());
        missing.removeAll(b.keySet());
        List<String> extra = new ArrayList<>(b.keySet());
        extra.removeAll(a.keySet());
        if (!missing.isEmpty() || !extra.isEmpty()) {
            fail("after " + after + ": missing " + head(missing) + ", extra " + head(extra));
        }
        List<String> differ = new ArrayList<>();
        for (String k : a.keySet()) {
            if (!k.startsWith(INDEX) && !Arrays.equals(a.get(k), b.get(k))) {
                differ.add(k);
            }
        }
        assertTrue(differ.isEmpty(), () -> "after " + after + ": " + differ.size() + " files differ: " + head(differ));
        assertEquals(indexDocs(expected), indexDocs(actual), "documents in the search index");
        assertFalse(a.isEmpty());
    }

    /** Whether some output file (index aside) contains {@code text}. */
    static boolean anyFileContains(Path out, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        for (Map.Entry<String, byte[]> e : files(out).entrySet()) {
            if (!e.getKey().startsWith(INDEX) && indexOf(e.getValue(), needle) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String errors(BuildResult r) {
        return r.diagnostics().list().stream().filter(Diagnostic::isError).limit(5).map(Diagnostic::format).toList()
                .toString();
    }

    /** The project's content files, sorted (a stable order for seeded random edits). */
    static List<Path> markdown(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root.resolve("content"))) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    private static String indexDocs(Path out) throws IOException {
        try (var dir = org.apache.lucene.store.FSDirectory.open(out.resolve(INDEX));
             var r = org.apache.lucene.index.DirectoryReader.open(dir)) {
            return r.numDocs() + " " + r.getIndexCommit().getUserData();
        }
    }

    private static List<String> head(List<String> l) {
        return l.subList(0, Math.min(8, l.size()));
    }

    /** Every file (index files by name only: their content is compared through Lucene). */
    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = dir.relativize(file).toString().replace('\\', '/');
                if (rel.startsWith(INDEX)) {
                    m.put(INDEX, new byte[0]);
                } else {
                    m.put(rel, Files.readAllBytes(file));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return m;
    }

    static Map<String, FileTime> times(Path dir) throws IOException {
        Map<String, FileTime> m = new TreeMap<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                m.put(dir.relativize(file).toString(), attrs.lastModifiedTime());
                return FileVisitResult.CONTINUE;
            }
        });
        return m;
    }

    static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
