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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import vn.trang.files.OutputSwap;

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
    public Tampering install(Path built, Manifest manifest, Optional<Live> previous, PrintWriter log) throws PublishException {
        Path assembly = tmp.resolve(manifest.release());
        Path finalDir = releases.resolve(manifest.release());
        int linked = 0;
        int moved = 0;
        Tampering tampering;
        try {
            Files.createDirectories(assembly);
            Map<String, Manifest.FileEntry> old = previous.map(l -> l.manifest().byPath()).orElse(Map.of());
            Path oldDir = previous.map(l -> releases.resolve(l.release())).orElse(null);
            LiveReuse reuse = LiveReuse.of(manifest, old, oldDir);
            tampering = previous.isPresent() ? report(previous.get(), oldDir, reuse.changed(), log) : Tampering.NONE;
            List<Path> written = new ArrayList<>();
            for (Manifest.FileEntry f : manifest.files()) {
                Path dst = assembly.resolve(f.path());
                Files.createDirectories(dst.getParent());
                if (reuse.linkable().contains(f.path()) && DurableFiles.link(oldDir.resolve(f.path()), dst)) {
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
            written.parallelStream().forEach(DurableFiles::fsync);
            DurableFiles.fsyncDirs(assembly);
            Failpoints.hit("assembled");
            Files.move(assembly, finalDir, StandardCopyOption.ATOMIC_MOVE);
            DurableFiles.fsync(releases);
            Failpoints.hit("release-in-place");
            switchTo(manifest.release());
            log.println("Đã phát hành " + manifest.release() + ": " + manifest.files().size() + " tệp (" + moved
                    + " mới hoặc đã đổi; " + linked + " không đổi, liên kết cứng tới bản trước) → " + current
                    + "; SHA-256 tệp kê khai " + Manifest.sha256(finalDir.resolve(Manifest.PATH)));
        } catch (IOException e) {
            throw new PublishException("không cài được bản phát hành: " + e.getMessage(), e);
        }
        return tampering;
    }

    /**
     * Tells the operator, loudly, what was found changed in the live release: one line per file,
     * then which releases hold the changes.
     */
    private Tampering report(Live live, Path oldDir, List<ReleaseProblem> changed, PrintWriter log) throws IOException,
            PublishException {
        List<ReleaseProblem> found = new ArrayList<>(changed);
        found.addAll(live.manifest().extras(oldDir));
        if (found.isEmpty()) {
            return Tampering.NONE;
        }
        found.sort(null);
        // Unchanged files are hard links shared between releases: an edit in place is in every
        // release holding the same file. They are named, so nobody rolls back to one.
        Set<String> hit = new TreeSet<>();
        hit.add(live.release());
        List<String> others = releases().stream().filter(r -> !r.equals(live.release())).toList();
        for (ReleaseProblem p : found) {
            if (p.kind() != ReleaseProblem.Kind.MODIFIED) {
                continue;
            }
            Path liveFile = oldDir.resolve(p.path());
            for (String r : others) {
                Path other = releases.resolve(r).resolve(p.path());
                if (Files.isRegularFile(other, LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(other, liveFile)) {
                    hit.add(r);
                }
            }
        }
        for (ReleaseProblem p : found) {
            log.println("CẢNH BÁO: tệp đang chạy bị sửa trên máy chủ: " + current.resolve(p.path()) + " — " + p.kind().text()
                    + (p.kind() == ReleaseProblem.Kind.EXTRA ? "; không đưa vào bản mới"
                    : "; bản mới lấy tệp này từ bản dựng, không liên kết tới tệp bị sửa"));
        }
        log.println("CẢNH BÁO: bản đang chạy " + live.release() + " đã bị sửa sau khi phát hành (" + ReleaseProblem.counts(found)
                + "). Các bản chứa thay đổi này: " + String.join(", ", hit) + " — đừng quay lại các bản đó, và tìm xem"
                + " ai đã sửa máy chủ. Kiểm tra một bản: trang verify-release --to " + describe() + " --release ID");
        return new Tampering(live.release(), found, List.copyOf(hit));
    }

    /** Points {@code current} at a release: a new symlink renamed over the old one. */
    private void switchTo(String release) throws IOException {
        Path link = base.resolve(".current-" + release + ".tmp");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, Path.of("releases", release));
        Failpoints.hit("link-made");
        Files.move(link, current, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        DurableFiles.fsync(base);
        Failpoints.hit("switched");
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
            Verification v = verify(target);
            if (!v.ok()) {
                throw new PublishException("bản " + target + " không còn nguyên vẹn: " + ReleaseProblem.counts(v.problems())
                        + " so với tệp kê khai của nó (từng tệp được liệt kê); không quay lại bản này", v);
            }
            switchTo(target);
            log.println("Đã quay lại bản " + target + " (trước đó: " + live + ") → " + current);
            return target;
        } catch (IOException e) {
            throw new PublishException("không quay lại được: " + e.getMessage(), e);
        }
    }

    @Override
    public Verification verify(String release) throws PublishException {
        try {
            String name = release;
            if (name == null) {
                if (!Files.isSymbolicLink(current)) {
                    throw new PublishException(base + " chưa có bản nào đang chạy (không có liên kết current)");
                }
                // What the web server serves is what is checked: current must name a release folder.
                Path to = Files.readSymbolicLink(current);
                name = to.getFileName().toString();
                if (!to.equals(Path.of("releases", name))) {
                    throw new PublishException(current + " trỏ tới " + to + ", không phải một bản trong releases/");
                }
            }
            Path dir = releases.resolve(name);
            if (!Manifest.safePath(name) || name.contains("/") || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new PublishException("không có bản " + name + " trong " + releases);
            }
            Manifest m = Manifest.read(dir);
            if (!name.equals(m.release())) {
                throw new PublishException("tệp kê khai trong " + dir + " là của bản " + m.release() + ", không phải " + name);
            }
            return new Verification(name, dir + "/", Manifest.sha256(dir.resolve(Manifest.PATH)), m.files().size(),
                    m.check(dir));
        } catch (IOException e) {
            throw new PublishException("không kiểm tra được bản phát hành: " + e.getMessage(), e);
        }
    }

    @Override
    public void openToRead() throws PublishException {
        if (!Files.isDirectory(releases)) {
            throw new PublishException(base + " không phải nơi phát hành của Trang (không có thư mục releases/)");
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
