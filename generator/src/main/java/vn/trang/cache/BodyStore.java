package vn.trang.cache;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import vn.trang.model.Body;

/**
 * Item bodies on disk: one append-only file of UTF-8 HTML. A build keeps only a reference
 * (offset, length, SHA-256) per body and reads a body back when a page or the search index
 * needs it, so memory stays flat as a province grows (100,000 bodies are about a
 * gigabyte of Java strings). Reads are positional and thread-safe; the operating system's page
 * cache keeps recent bodies in memory, outside the Java heap.
 *
 * <p>The build cache keeps the file between builds (bodies of unchanged files are never rendered
 * again); without the cache it is a temporary file deleted at the end of the build.
 */
public final class BodyStore implements Closeable {

    private final Path file;
    private final FileChannel channel;
    private final boolean temporary;
    private long end;

    private BodyStore(Path file, FileChannel channel, boolean temporary) throws IOException {
        this.file = file;
        this.channel = channel;
        this.temporary = temporary;
        this.end = channel.size();
    }

    /** Opens (or creates) a store, keeping what it holds. */
    public static BodyStore open(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        return new BodyStore(file, ch, false);
    }

    /** A store that lives for one build only. */
    public static BodyStore temporary() throws IOException {
        Path f = Files.createTempFile("trang-bodies-", ".dat");
        FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE);
        return new BodyStore(f, ch, true);
    }

    public Path file() {
        return file;
    }

    public synchronized long size() {
        return end;
    }

    /** Drops everything from {@code length} on (a write that was never committed). */
    public synchronized void truncate(long length) throws IOException {
        if (length < end) {
            channel.truncate(length);
            end = length;
        }
    }

    /** Stores a body; returns its reference. */
    public Stored put(String html) {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        Digest digest = Hasher.ofBytes(bytes);
        long at;
        synchronized (this) {
            at = end;
            end += bytes.length;
        }
        try {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            long p = at;
            while (buf.hasRemaining()) {
                p += channel.write(buf, p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("không ghi được kho nội dung " + file + ": " + e.getMessage(), e);
        }
        return new Stored(this, at, bytes.length, digest, html.isBlank(), Records.crc(bytes, 0, bytes.length));
    }

    /** A reference read back from the cache's index. */
    public Stored ref(long offset, int length, Digest digest, boolean blank, int crc) {
        return new Stored(this, offset, length, digest, blank, crc);
    }

    /**
     * Whether the body a reference names is still in the file as it was written: all there, and
     * with its CRC32C. Read when the cache recalls a body, so a damaged one is found while what
     * it came from can still be computed again, not when a page is rendered from it.
     */
    boolean intact(long offset, int length, int crc) {
        if (offset < 0 || length < 0 || offset + length > size()) {
            return false;
        }
        try {
            byte[] b = read(offset, length);
            return Records.crc(b, 0, b.length) == crc;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    byte[] read(long offset, int length) {
        byte[] bytes = new byte[length];
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        try {
            long p = offset;
            while (buf.hasRemaining()) {
                int n = channel.read(buf, p);
                if (n < 0) {
                    throw new IOException("kho nội dung bị cắt ngắn");
                }
                p += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("không đọc được kho nội dung " + file + ": " + e.getMessage(), e);
        }
        return bytes;
    }

    public void force() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
        if (temporary) {
            Files.deleteIfExists(file);
        }
    }

    /** A body in a store: equal to another when their contents are (by SHA-256). */
    public static final class Stored implements Body {
        private final BodyStore store;
        private final long offset;
        private final int length;
        private final Digest digest;
        private final boolean blank;
        private final int crc;

        Stored(BodyStore store, long offset, int length, Digest digest, boolean blank, int crc) {
            this.store = store;
            this.offset = offset;
            this.length = length;
            this.digest = digest;
            this.blank = blank;
            this.crc = crc;
        }

        @Override
        public String html() {
            return length == 0 ? "" : new String(store.read(offset, length), StandardCharsets.UTF_8);
        }

        @Override
        public boolean isBlank() {
            return blank;
        }

        public long offset() {
            return offset;
        }

        public int length() {
            return length;
        }

        public Digest digest() {
            return digest;
        }

        /** The CRC32C of the stored bytes. */
        public int crc() {
            return crc;
        }

        public BodyStore store() {
            return store;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Stored s && s.digest.equals(digest);
        }

        @Override
        public int hashCode() {
            return digest.hashCode();
        }

        @Override
        public String toString() {
            return "Body[" + length + " bytes, " + digest + "]";
        }
    }
}
