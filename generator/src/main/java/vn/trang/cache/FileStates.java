package vn.trang.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.eclipse.jgit.lib.ObjectId;

import vn.trang.load.InputFiles;

/**
 * The SHA-256 of input files (content, attachments), re-read only when a file's size,
 * modification time or identity (device and inode) changed since the last build, as Git does
 * for its index. A file modified within {@link #RACY_NANOS} of the moment it was recorded is
 * hashed again next time: its time alone cannot tell a later change in the same tick apart.
 *
 * <p>Content files also get the Git blob id of the bytes that were hashed ({@link #read(Path,
 * boolean)}): {@code --since} takes a record as valid without reading the file only when Git's
 * blob id for the file is the recorded one ({@link #trust}).
 */
final class FileStates {

    /** Two seconds: coarser than any file system's time stamp granularity Trang runs on. */
    static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** Stands for "no such file" among dependencies. */
    static final Digest MISSING = new Digest(-1, -1, -1, -1);

    /** @param blob the Git blob id of the bytes {@code digest} is of, or null when not computed */
    record State(long size, long mtime, String identity, Digest digest, long recordedAt, ObjectId blob) {
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
        return read(file, false);
    }

    /**
     * The digest of a file, reading it only when it may have changed.
     *
     * @param blob also record the file's Git blob id (content files: see {@link #trust}); a
     *             record without one is then not reused
     */
    Read read(Path file, boolean blob) throws IOException {
        String key = file.toString();
        State known = current.get(key);
        if (known != null && (!blob || known.blob() != null)) {
            return new Read(known.digest(), null);
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return new Read(MISSING, null);
        }
        // A symbolic link is no input (the scanner reports it): never read what it points to.
        if (!a.isRegularFile()) {
            return new Read(MISSING, null);
        }
        long mtime = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        String identity = String.valueOf(a.fileKey());
        State prev = previous.get(key);
        if (prev != null && prev.size() == a.size() && prev.mtime() == mtime && prev.identity().equals(identity)
                && mtime + RACY_NANOS < prev.recordedAt() && (!blob || prev.blob() != null)) {
            current.put(key, prev);
            return new Read(prev.digest(), null);
        }
        byte[] bytes = InputFiles.readAllBytes(file);
        hashedBytes.addAndGet(bytes.length);
        Digest d = Hasher.ofBytes(bytes);
        // Recorded with the stat taken before reading: a change while reading is seen next time.
        current.put(key, new State(a.size(), mtime, identity, d, now, blob ? blobId(bytes) : null));
        return new Read(d, bytes);
    }

    /**
     * The id Git gives a file of these bytes ({@code git hash-object}): SHA-1 of
     * {@code "blob <length>\0"} and the bytes. The JDK's SHA-1, not JGit's collision-detecting
     * one: it is only compared with ids Git computed, never used to store anything.
     */
    static ObjectId blobId(byte[] bytes) {
        java.security.MessageDigest md;
        try {
            md = java.security.MessageDigest.getInstance("SHA-1");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
        md.update(("blob " + bytes.length + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return ObjectId.fromRaw(md.digest(bytes));
    }

    /** The digest only (MISSING for no file). */
    Digest digest(Path file) throws IOException {
        return read(file).digest();
    }

    /**
     * Takes a file's earlier record as valid without reading the file ({@code --since}), when
     * Git's blob id for the file's current content is the one recorded with the digest; false
     * when there is no such record (the caller then reads the file).
     *
     * <p>Why the blob id: "Git says the file is unchanged since REV, and the cache is of REV" is not
     * enough. A record holds what was on disk when it was made: a build from a work tree with
     * uncommitted edits records the edited bytes under HEAD's commit, and a {@code --site}
     * build records its commit while keeping other sites' records from earlier builds. Each
     * record therefore carries the blob id of the very bytes its digest is of, and is trusted
     * only when Git (whose status said the work tree file matches the index) has that blob id
     * for the file. A file whose bytes Git stores differently (line-ending conversion, LFS,
     * filters) simply never matches and is read as usual.
     *
     * @param gitBlob Git's blob id of the file (from its index), or null when Git has none
     */
    boolean trust(Path file, ObjectId gitBlob) throws IOException {
        String key = file.toString();
        State prev = previous.get(key);
        if (prev == null || gitBlob == null || !gitBlob.equals(prev.blob())) {
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
                mtime + RACY_NANOS < now ? now : 0, prev.blob()));
        return true;
    }

    /** One record per file, into the current section. */
    void write(Records.Writer w) throws IOException {
        for (Map.Entry<String, State> e : current.entrySet()) {
            w.record(out -> {
                State s = e.getValue();
                out.writeUTF(e.getKey());
                out.writeLong(s.size());
                out.writeLong(s.mtime());
                out.writeUTF(s.identity());
                s.digest().write(out);
                out.writeLong(s.recordedAt());
                out.writeBoolean(s.blob() != null);
                if (s.blob() != null) {
                    s.blob().copyRawTo(out);
                }
            });
        }
    }

    /**
     * The records of a section written by {@link #write}, into {@code into}.
     *
     * @return how many were damaged and dropped
     */
    static int read(Records.Section section, Map<String, State> into) {
        return section.decode(in -> {
            String k = in.readUTF();
            long size = in.readLong();
            long mtime = in.readLong();
            String identity = in.readUTF();
            Digest digest = Digest.read(in);
            long recordedAt = in.readLong();
            ObjectId blob = null;
            if (in.readBoolean()) {
                byte[] raw = new byte[org.eclipse.jgit.lib.Constants.OBJECT_ID_LENGTH];
                in.readFully(raw);
                blob = ObjectId.fromRaw(raw);
            }
            into.put(k, new State(size, mtime, identity, digest, recordedAt, blob));
        });
    }

    /** Keeps the records of files not looked at in this build (another site's build, --site). */
    void keepUnvisited() {
        for (Map.Entry<String, State> e : previous.entrySet()) {
            current.putIfAbsent(e.getKey(), e.getValue());
        }
    }
}
