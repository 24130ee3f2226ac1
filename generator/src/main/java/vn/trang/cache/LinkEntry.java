package vn.trang.cache;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A linked body as {@code state.bin} keeps it: the lookups it came from (each a target key and
 * what it resolved to, or null), and where the result is in {@code bodies.dat} (offset -1:
 * linking changed nothing, the parsed body stands).
 */
record LinkEntry(List<String[]> targets, long bodyOffset, int bodyLength, Digest bodyDigest, boolean bodyBlank,
                 int bodyCrc) {

    boolean bodyWithin(long bodiesLen) {
        return bodyOffset < 0 || bodyOffset + bodyLength <= bodiesLen;
    }

    /** Writes one record per entry, keyed by its link key. */
    static void writeAll(Records.Writer w, Map<Digest, LinkEntry> m) throws IOException {
        for (Map.Entry<Digest, LinkEntry> x : m.entrySet()) {
            LinkEntry e = x.getValue();
            w.record(out -> {
                x.getKey().write(out);
                out.writeInt(e.targets().size());
                for (String[] t : e.targets()) {
                    out.writeUTF(t[0]);
                    out.writeBoolean(t[1] != null);
                    if (t[1] != null) {
                        out.writeUTF(t[1]);
                    }
                }
                out.writeLong(e.bodyOffset());
                out.writeInt(e.bodyLength());
                e.bodyDigest().write(out);
                out.writeBoolean(e.bodyBlank());
                out.writeInt(e.bodyCrc());
            });
        }
    }

    /** @return the records damaged and dropped */
    static int readAll(Records.Section s, Map<Digest, LinkEntry> m) {
        return s.decode(in -> {
            Digest k = Digest.read(in);
            int nt = in.readInt();
            List<String[]> t = new ArrayList<>(Math.min(nt, 64));
            for (int j = 0; j < nt; j++) {
                String key = in.readUTF().intern();
                t.add(new String[] {key, in.readBoolean() ? in.readUTF().intern() : null});
            }
            m.put(k, new LinkEntry(t, in.readLong(), in.readInt(), Digest.read(in), in.readBoolean(), in.readInt()));
        });
    }
}
