package vn.trang.cache;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One content file's cached parse, as {@code state.bin} keeps it: its key, where the item is in
 * {@code items.log} (and its CRC32C), its body in {@code bodies.dat} (and the body's CRC32C),
 * and the files its parsing looked at.
 */
record ParseEntry(Digest key, long offset, int length, int crc, long bodyOffset, int bodyLength, Digest bodyDigest,
                  boolean bodyBlank, int bodyCrc, List<Dep> deps) {

    /** A file parsing looked at and its digest then ({@link FileStates#MISSING} for none). */
    record Dep(String path, Digest digest) {
    }

    /**
     * What the item is a function of: the parse key and the files its parsing looked at (see
     * {@link BuildCache.Parsed#identity}).
     */
    static Digest identity(Digest key, List<Dep> deps) {
        Hasher h = new Hasher().putString("parsed").putDigest(key).putInt(deps.size());
        for (Dep d : deps) {
            h.putString(d.path()).putDigest(d.digest());
        }
        return h.digest();
    }

    /** Whether this entry's item and body are both inside the logs' committed lengths. */
    boolean itemWithin(long itemsLen) {
        return offset + length <= itemsLen;
    }

    boolean bodyWithin(long bodiesLen) {
        return bodyOffset < 0 || bodyOffset + bodyLength <= bodiesLen;
    }

    /** Writes one record per entry, keyed by the content file's display path. */
    static void writeAll(Records.Writer w, Map<String, ParseEntry> m) throws IOException {
        for (Map.Entry<String, ParseEntry> x : m.entrySet()) {
            ParseEntry e = x.getValue();
            w.record(out -> {
                out.writeUTF(x.getKey());
                e.key().write(out);
                out.writeLong(e.offset());
                out.writeInt(e.length());
                out.writeInt(e.crc());
                out.writeLong(e.bodyOffset());
                out.writeInt(e.bodyLength());
                e.bodyDigest().write(out);
                out.writeBoolean(e.bodyBlank());
                out.writeInt(e.bodyCrc());
                out.writeInt(e.deps().size());
                for (Dep d : e.deps()) {
                    out.writeUTF(d.path());
                    d.digest().write(out);
                }
            });
        }
    }

    /** @return the records damaged and dropped */
    static int readAll(Records.Section s, Map<String, ParseEntry> m) {
        return s.decode(in -> {
            String k = in.readUTF();
            Digest key = Digest.read(in);
            long off = in.readLong();
            int len = in.readInt();
            int crc = in.readInt();
            long bo = in.readLong();
            int bl = in.readInt();
            Digest bd = Digest.read(in);
            boolean blank = in.readBoolean();
            int bodyCrc = in.readInt();
            int nd = in.readInt();
            List<Dep> deps = new ArrayList<>(Math.min(nd, 64));
            for (int j = 0; j < nd; j++) {
                deps.add(new Dep(in.readUTF(), Digest.read(in)));
            }
            m.put(k, new ParseEntry(key, off, len, crc, bo, bl, bd, blank, bodyCrc, deps));
        });
    }
}
