package vn.trang.cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The build cache's copy of the last published search index ({@code .trang-cache/index/}): hard
 * links to the output's index files, each listed with its size and SHA-256. The links share
 * their bytes with an index that went into an output or a release, where someone may edit them,
 * so the copy is hashed again before it is reused.
 */
final class IndexCopy {

    /** A file of the copy: its size and SHA-256 when the copy was made. */
    record IndexFile(long size, Digest sha256) {
    }

    private final Path dir;
    private final CacheDamage damage;
    /** The files as {@code state.bin} recorded them. */
    private final Map<String, IndexFile> recorded;
    /** The files as they are now (what the next {@code state.bin} records). */
    private volatile Map<String, IndexFile> now;

    /** @param dir the copy's folder, null when the cache is off */
    IndexCopy(Path dir, Map<String, IndexFile> recorded, CacheDamage damage) {
        this.dir = dir;
        this.damage = damage;
        this.recorded = recorded;
        this.now = recorded;
    }

    Path dir() {
        return dir;
    }

    /** The files to record in {@code state.bin}. */
    Map<String, IndexFile> files() {
        return now;
    }

    /**
     * The copy, when each of its files is still the one recorded (same names, sizes and
     * SHA-256); else null, with a damage count when a recorded copy was found changed.
     */
    Path verified() {
        if (dir == null || recorded.isEmpty() || !Files.isDirectory(dir)) {
            return null;
        }
        try {
            Map<String, IndexFile> found = hashFiles(dir);
            int bad = 0;
            for (String name : union(found.keySet(), recorded.keySet())) {
                if (!Objects.equals(found.get(name), recorded.get(name))) {
                    bad++;
                }
            }
            if (bad == 0) {
                return dir;
            }
            damage.add(CacheDamage.Kind.INDEX_COPY, bad);
        } catch (IOException e) {
            damage.add(CacheDamage.Kind.INDEX_COPY, 1);
        }
        return null;
    }

    /** Replaces the copy with hard links to the output's new index files, each file's SHA-256 recorded. */
    void keep(Path outIndex) throws IOException {
        now = Map.of(); // until the new copy is complete: a build stopped here reuses nothing
        Path tmp = dir.resolveSibling("index.tmp");
        deleteTree(tmp);
        IndexUpdate.linkFiles(outIndex, tmp);
        deleteTree(dir);
        Files.move(tmp, dir);
        now = hashFiles(dir);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new TreeSet<>(a);
        u.addAll(b);
        return u;
    }

    /** Every regular file of a folder with its size and SHA-256 (anything else makes it unusable). */
    private static Map<String, IndexFile> hashFiles(Path dir) throws IOException {
        Map<String, IndexFile> out = new HashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.toList()) {
                if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("không phải tệp: " + f);
                }
                MessageDigest md;
                try {
                    md = MessageDigest.getInstance("SHA-256");
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("SHA-256 is part of every JDK", e);
                }
                long size = 0;
                byte[] buf = new byte[1 << 16];
                try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
                    for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                        md.update(buf, 0, n);
                        size += n;
                    }
                }
                out.put(f.getFileName().toString(), new IndexFile(size, Digest.of(md.digest())));
            }
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
