package vn.trang.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the last successful build wrote into its output folder: per file, the fingerprint of
 * what it was made from (null when unknown: always made again) and its size and time then, so
 * the next build can tell a file it may keep (same fingerprint, file untouched since) from one it
 * must write again. The folder itself is recognised by its path and identity (device and inode):
 * a folder swapped in by anything else is not trusted.
 */
public final class OutputManifest {

    /** One file: its fingerprint (null: none), size and modification time in nanoseconds. */
    public record Entry(Digest fingerprint, long size, long mtime) {
    }

    public static final OutputManifest EMPTY = new OutputManifest(null, null, Map.of());

    private final String out;
    private final String identity;
    private final Map<String, Entry> files;

    public OutputManifest(String out, String identity, Map<String, Entry> files) {
        this.out = out;
        this.identity = identity;
        this.files = files;
    }

    public Map<String, Entry> files() {
        return Collections.unmodifiableMap(files);
    }

    public Entry get(String path) {
        return files.get(path);
    }

    public int size() {
        return files.size();
    }

    /** Whether this manifest describes the folder {@code dir} as it is now. */
    public boolean describes(Path dir) {
        if (out == null || !out.equals(dir.toString())) {
            return false;
        }
        String id = identity(dir);
        return id != null && id.equals(identity);
    }

    /** The identity of a folder (device and inode), or null when it does not exist. */
    public static String identity(Path dir) {
        try {
            BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class);
            return a.isDirectory() ? String.valueOf(a.fileKey()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether {@code file} is still what this manifest recorded for {@code path}. */
    public static boolean intact(Path file, Entry e) {
        if (e == null) {
            return false;
        }
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.isRegularFile() && a.size() == e.size() && a.lastModifiedTime().to(TimeUnit.NANOSECONDS) == e.mtime();
        } catch (NoSuchFileException e2) {
            return false;
        } catch (IOException e2) {
            return false;
        }
    }

    /** Collects a new manifest (thread-safe). */
    public static final class Builder {
        private final Map<String, Entry> files = new ConcurrentHashMap<>();

        public void put(String path, Digest fingerprint, long size, long mtime) {
            files.put(path, new Entry(fingerprint, size, mtime));
        }

        public void put(String path, Entry e) {
            files.put(path, e);
        }

        public Entry get(String path) {
            return files.get(path);
        }

        public boolean contains(String path) {
            return files.containsKey(path);
        }

        public void remove(String path) {
            files.remove(path);
        }

        public OutputManifest build(Path out) {
            return new OutputManifest(out.toString(), identity(out), new HashMap<>(files));
        }
    }

    /** A first record for the folder, then one per file, into the current section. */
    void write(Records.Writer w) throws IOException {
        w.record(o -> {
            o.writeBoolean(out != null);
            if (out != null) {
                o.writeUTF(out);
                o.writeUTF(identity == null ? "" : identity);
            }
        });
        if (out == null) {
            return;
        }
        for (Map.Entry<String, Entry> x : files.entrySet()) {
            w.record(o -> {
                o.writeUTF(x.getKey());
                Entry e = x.getValue();
                o.writeBoolean(e.fingerprint() != null);
                if (e.fingerprint() != null) {
                    e.fingerprint().write(o);
                }
                o.writeLong(e.size());
                o.writeLong(e.mtime());
            });
        }
    }

    /**
     * The manifest a section written by {@link #write} holds. All or nothing: a manifest missing
     * a file would leave that file in the output when it is no longer made, so one damaged
     * record makes it {@link #EMPTY} (the output is then written whole).
     *
     * @param damaged gets the number of damaged records
     */
    static OutputManifest read(Records.Section section, int[] damaged) {
        String[] head = new String[2];
        boolean[] first = {true};
        boolean[] present = {false};
        Map<String, Entry> files = new HashMap<>(section.records().size() * 2);
        damaged[0] = section.decode(in -> {
            if (first[0]) {
                first[0] = false;
                present[0] = in.readBoolean();
                if (present[0]) {
                    head[0] = in.readUTF();
                    head[1] = in.readUTF();
                }
                return;
            }
            String p = in.readUTF();
            Digest fp = in.readBoolean() ? Digest.read(in) : null;
            files.put(p, new Entry(fp, in.readLong(), in.readLong()));
        });
        if (damaged[0] > 0 || !present[0]) {
            return EMPTY;
        }
        return new OutputManifest(head[0], head[1].isEmpty() ? null : head[1], files);
    }
}
