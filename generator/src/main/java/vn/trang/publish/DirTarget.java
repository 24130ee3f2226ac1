package vn.trang.publish;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import vn.trang.build.OutputSwap;

/**
 * {@code dir:PATH}: every release is a folder, and the web server serves {@code PATH/current},
 * a symlink switched atomically (a new symlink renamed over the old one: rename(2) replaces it in
 * one step, so a reader sees the old release or the new one, never a mix or nothing).
 *
 * <pre>
 * PATH/current -&gt; releases/&lt;id&gt;      what the web server serves
 * PATH/releases/&lt;id&gt;/               complete releases only (each with _trang/manifest.json)
 * PATH/.tmp/                         builds and releases being assembled; emptied by the next run
 * PATH/.lock                         held by the running publish or rollback
 * </pre>
 *
 * <p>A file unchanged since the live release is a hard link to it, not a copy: a release costs
 * the disk space of what changed, and the web server's ETags of unchanged files stay the same.
 * Releases are never modified once in {@code releases/}, so sharing inodes is safe.
 */
final class DirTarget implements Target {

    private final Path base;
    private final Path releases;
    private final Path current;
    private final Path tmp;
    private FileChannel lockChannel;
    private FileLock lock;

    DirTarget(Path base) {
        this.base = base;
        this.releases = base.resolve("releases");
        this.current = base.resolve("current");
        this.tmp = base.resolve(".tmp");
    }

    @Override
    public String describe() {
        return "dir:" + base;
    }

    @Override
    public void open() throws PublishException {
        try {
            Files.createDirectories(releases);
            Files.createDirectories(tmp);
            lockChannel = FileChannel.open(base.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                lockChannel.close();
                lockChannel = null;
                throw new PublishException("một lần phát hành hoặc quay lại khác đang chạy trên " + base);
            }
            if (Files.exists(current, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(current)) {
                throw new PublishException(current + " đã có và không phải liên kết tượng trưng (symlink); "
                        + "hãy chuyển nó đi rồi phát hành lại");
            }
            // Whatever a killed run left: never live, never a complete release in releases/.
            try (Stream<Path> s = Files.list(tmp)) {
                for (Path p : s.toList()) {
                    deleteAny(p);
                }
            }
            try (Stream<Path> s = Files.list(base)) {
                for (Path p : s.toList()) {
                    if (p.getFileName().toString().startsWith(".current-")) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new PublishException("không mở được nơi phát hành " + base + ": " + e.getMessage(), e);
        }
    }

    private static void deleteAny(Path p) throws IOException {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            OutputSwap.deleteTree(p);
        } else {
            Files.deleteIfExists(p);
        }
    }

    private String liveName() throws IOException {
        if (!Files.isSymbolicLink(current)) {
            return null;
        }
        return Files.readSymbolicLink(current).getFileName().toString();
    }

    @Override
    public Optional<Live> live() throws PublishException {
        try {
            String name = liveName();
            if (name == null || !Files.isDirectory(releases.resolve(name))) {
                return Optional.empty();
            }
            return Optional.of(new Live(name, Manifest.read(releases.resolve(name))));
        } catch (IOException e) {
            throw new PublishException("không đọc được bản đang chạy: " + e.getMessage(), e);
        }
    }

    @Override
    public Path stagingFor(String release) {
        return tmp.resolve(release + "-build");
    }

    @Override
    public void install(Path built, Manifest manifest, Optional<Live> previous, PrintWriter log) throws PublishException {
        Path assembly = tmp.resolve(manifest.release());
        Path finalDir = releases.resolve(manifest.release());
        int linked = 0;
        int moved = 0;
        try {
            Files.createDirectories(assembly);
            Map<String, Manifest.FileEntry> old = previous.map(l -> l.manifest().byPath()).orElse(Map.of());
            Path oldDir = previous.map(l -> releases.resolve(l.release())).orElse(null);
            List<Path> written = new ArrayList<>();
            for (Manifest.FileEntry f : manifest.files()) {
                Path dst = assembly.resolve(f.path());
                Files.createDirectories(dst.getParent());
                Manifest.FileEntry was = old.get(f.path());
                if (was != null && was.sha256().equals(f.sha256()) && was.size() == f.size() && link(oldDir.resolve(f.path()), dst, f.size())) {
                    linked++;
                } else {
                    Files.move(built.resolve(f.path()), dst); // same file system: a rename, no copy
                    written.add(dst);
                    moved++;
                }
                Failpoints.hit("assemble");
            }
            manifest.write(assembly);
            written.add(assembly.resolve(Manifest.PATH));
            // Contents reach the disk before the release can become live (power loss, not only kill -9).
            written.parallelStream().forEach(DirTarget::fsync);
            fsyncDirs(assembly);
            Failpoints.hit("assembled");
            Files.move(assembly, finalDir, StandardCopyOption.ATOMIC_MOVE);
            fsync(releases);
            Failpoints.hit("release-in-place");
            switchTo(manifest.release());
        } catch (IOException e) {
            throw new PublishException("không cài được bản phát hành: " + e.getMessage(), e);
        }
        log.println("Đã phát hành " + manifest.release() + ": " + manifest.files().size() + " tệp (" + moved
                + " mới hoặc đã đổi; " + linked + " không đổi, liên kết cứng tới bản trước) → " + current);
    }

    /** A hard link to the previous release's file, when it is still there and intact in size. */
    private static boolean link(Path old, Path dst, long size) {
        try {
            if (!Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS) || Files.size(old) != size) {
                return false;
            }
            Files.createLink(dst, old);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false; // e.g. a file system without hard links: the file is moved from the build instead
        }
    }

    /** Points {@code current} at a release: a new symlink renamed over the old one. */
    private void switchTo(String release) throws IOException {
        Path link = base.resolve(".current-" + release + ".tmp");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, Path.of("releases", release));
        Failpoints.hit("link-made");
        Files.move(link, current, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fsync(base);
        Failpoints.hit("switched");
    }

    private static void fsync(Path p) {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: some file systems cannot sync a directory
        }
    }

    private static void fsyncDirs(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path d : walk.filter(Files::isDirectory).toList()) {
                fsync(d);
            }
        }
    }

    @Override
    public void prune(int keep, PrintWriter log) throws PublishException {
        try {
            List<String> all = releases();
            String live = liveName();
            int excess = all.size() - Math.max(1, keep);
            for (String r : all) {
                if (excess <= 0) {
                    break;
                }
                if (r.equals(live)) {
                    continue;
                }
                Path trash = tmp.resolve("trash-" + r);
                Files.move(releases.resolve(r), trash, StandardCopyOption.ATOMIC_MOVE);
                Failpoints.hit("pruned");
                OutputSwap.deleteTree(trash);
                excess--;
                log.println("Đã xóa bản cũ " + r);
            }
        } catch (IOException | RuntimeException e) {
            throw new PublishException("không xóa được bản cũ: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> releases() throws PublishException {
        try (Stream<Path> s = Files.list(releases)) {
            return s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new PublishException("không đọc được " + releases + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String rollback(String release, PrintWriter log) throws PublishException {
        try {
            List<String> all = releases();
            String live = liveName();
            String target = release;
            if (target == null) {
                for (String r : all) {
                    if (live == null || r.compareTo(live) < 0) {
                        target = r;
                    }
                }
                if (target == null) {
                    throw new PublishException("không có bản nào cũ hơn bản đang chạy (" + live + ") để quay lại");
                }
            } else if (!all.contains(target)) {
                throw new PublishException("không có bản " + target + "; các bản hiện có: " + String.join(", ", all));
            }
            if (target.equals(live)) {
                throw new PublishException("bản " + target + " đang chạy rồi");
            }
            Path dir = releases.resolve(target);
            List<String> problems = Manifest.read(dir).check(dir, false);
            if (!problems.isEmpty()) {
                throw new PublishException("bản " + target + " không còn nguyên vẹn (" + problems.size() + " vấn đề, ví dụ: "
                        + problems.get(0) + "); không quay lại bản này");
            }
            switchTo(target);
            log.println("Đã quay lại bản " + target + " (trước đó: " + live + ") → " + current);
            return target;
        } catch (IOException e) {
            throw new PublishException("không quay lại được: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            // the lock goes with the process anyway
        } finally {
            lock = null;
            lockChannel = null;
        }
    }
}
