package vn.trang.cache;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The SHA-256 of input files (content, attachments), re-read only when a file's size,
 * modification time or identity (device and inode) changed since the last build, as Git does
 * for its index. A file modified within {@link #RACY_NANOS} of the moment it was recorded is
 * hashed again next time: its time alone cannot tell a later change in the same tick apart.
 */
final class FileStates {

    /** Two seconds: coarser than any file system's time stamp granularity Trang runs on. */
    static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** Stands for "no such file" among dependencies. */
    static final Digest MISSING = new Digest(-1, -1, -1, -1);

    record State(long size, long mtime, String identity, Digest digest, long recordedAt) {
    }

    private final Map<String, State> previous;
    private final Map<String, State> current = new ConcurrentHashMap<>();
    private final long now = System.currentTimeMillis() * 1_000_000L;
    private final java.util.concurrent.atomic.AtomicLong hashedBytes = new java.util.concurrent.atomic.AtomicLong();

    FileStates(Map<String, State> previous) {
        this.previous = previous;
    }

    static FileStates empty() {
        return new FileStates(Map.of());
    }

    long hashedBytes() {
        return hashedBytes.get();
    }

    /** A file's digest with its bytes when they had to be read (else null), or MISSING. */
    record Read(Digest digest, byte[] bytes) {
    }

    /** The digest of a file, reading it only when it may have changed. */
    Read read(Path file) throws IOException {
        String key = file.toString();
        State known = current.get(key);
        if (known != null) {
            return new Read(known.digest(), null);
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return new Read(MISSING, null);
        }
        if (!a.isRegularFile()) {
            return new Read(MISSING, null);
        }
        long mtime = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        String identity = String.valueOf(a.fileKey());
        State prev = previous.get(key);
        if (prev != null && prev.size() == a.size() && prev.mtime() == mtime && prev.identity().equals(identity)
                && mtime + RACY_NANOS < prev.recordedAt()) {
            current.put(key, prev);
            return new Read(prev.digest(), null);
        }
        byte[] bytes = Files.readAllBytes(file);
        hashedBytes.addAndGet(bytes.length);
        Digest d = Hasher.ofBytes(bytes);
        // Recorded with the stat taken before reading: a change while reading is seen next time.
        current.put(key, new State(a.size(), mtime, identity, d, now));
        return new Read(d, bytes);
    }

    /** The digest only (MISSING for no file). */
    Digest digest(Path file) throws IOException {
        return read(file).digest();
    }

    /**
     * Takes a file as unchanged since the last build without reading it (Git said so, see
     * {@code --since}); false when there is no earlier record to trust.
     */
    boolean trust(Path file) throws IOException {
        String key = file.toString();
        State prev = previous.get(key);
        if (prev == null) {
            return false;
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return false;
        }
        if (a.size() != prev.size()) {
            return false;
        }
        long mtime = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        current.put(key, new State(a.size(), mtime, String.valueOf(a.fileKey()), prev.digest(),
                mtime + RACY_NANOS < now ? now : 0));
        return true;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(current.size());
        for (Map.Entry<String, State> e : current.entrySet()) {
            State s = e.getValue();
            out.writeUTF(e.getKey());
            out.writeLong(s.size());
            out.writeLong(s.mtime());
            out.writeUTF(s.identity());
            s.digest().write(out);
            out.writeLong(s.recordedAt());
        }
    }

    static Map<String, State> read(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, State> m = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            String k = in.readUTF();
            m.put(k, new State(in.readLong(), in.readLong(), in.readUTF(), Digest.read(in), in.readLong()));
        }
        return m;
    }

    /** Keeps the records of files not looked at in this build (another site's build, --site). */
    void keepUnvisited() {
        for (Map.Entry<String, State> e : previous.entrySet()) {
            current.putIfAbsent(e.getKey(), e.getValue());
        }
    }
}
