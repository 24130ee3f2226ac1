package vn.trang.check;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.trang.cache.CacheDamage;
import vn.trang.cache.Digest;
import vn.trang.cache.Records;

/**
 * The link check's record of the last build ({@value InternalLinks#STORE} in the build cache
 * folder): the sites' hosts it was made for, the target and id strings, and per page its
 * fingerprint and numbers. {@link Records} sections, so a damaged record costs that page a scan.
 */
final class PageLinksStore {

    /** 4: checksummed records ({@link Records}); targets' paths keep %23 and %25 ({@link LinkTargets#resolve}). */
    private static final int FORMAT = 4;
    private static final int HOSTS = 1;
    private static final int TARGETS = 2;
    private static final int IDS = 3;
    private static final int PAGES = 4;

    private PageLinksStore() {
    }

    /** The stored tables and the pages whose numbers index them. */
    record Loaded(InternedStrings targets, InternedStrings ids, Map<String, PageLinks> pages) {
    }

    /**
     * The last build's records, or null when there are none usable (missing, of another format
     * or other hosts, unreadable). A page record that fails its checksum is dropped and counted in
     * {@code damage}; a damaged string table drops every page record, since their numbers index it.
     *
     * @param hosts the sites' hosts, sorted and joined by spaces
     */
    static Loaded load(Path file, String hosts, CacheDamage damage) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            byte[] b = Files.readAllBytes(file);
            if (b.length < 4 || ByteBuffer.wrap(b).getInt(0) != FORMAT) {
                return null;
            }
            Records.File f = Records.read(b, 4);
            Records.Section hs = f.section(HOSTS);
            Records.Section ts = f.section(TARGETS);
            Records.Section is = f.section(IDS);
            Records.Section ps = f.section(PAGES);
            String[] have = new String[1];
            if (hs == null || hs.decode(in -> have[0] = in.readUTF()) > 0 || !hosts.equals(have[0])) {
                damage.add(CacheDamage.Kind.PAGE_LINKS, hs == null || have[0] == null ? 1 : 0);
                return null;
            }
            InternedStrings t = new InternedStrings();
            InternedStrings i = new InternedStrings();
            int tablesBad = (ts == null ? 1 : ts.decode(in -> t.add(in.readUTF())))
                    + (is == null ? 1 : is.decode(in -> i.add(in.readUTF())));
            Map<String, PageLinks> prev = new HashMap<>();
            int pagesBad = ps == null ? 1 : ps.decode(in -> {
                String path = in.readUTF();
                Digest fp = Digest.read(in);
                PageLinks p = new PageLinks(fp, readInts(in), readInts(in));
                if (p.targets().length > 0 && p.targets()[p.targets().length - 1] >= t.size()
                        || p.ids().length > 0 && p.ids()[p.ids().length - 1] >= i.size()) {
                    throw new IOException("số ngoài bảng");
                }
                prev.put(path, p);
            });
            if (tablesBad > 0 || f.cutAt() >= 0) {
                damage.add(CacheDamage.Kind.PAGE_LINKS, Math.max(1, prev.size() + pagesBad));
                return null;
            }
            damage.add(CacheDamage.Kind.PAGE_LINKS, pagesBad);
            return new Loaded(t, i, prev);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Writes the pages that have a fingerprint, with only the strings they use; best effort (on
     * failure the store is removed and the next build scans kept pages again).
     */
    static void save(Path file, String hosts, InternedStrings targetNames, InternedStrings idNames,
                     List<Map.Entry<String, PageLinks>> all) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            int[] tMap = new int[targetNames.size()];
            int[] iMap = new int[idNames.size()];
            List<String> tList = new ArrayList<>();
            List<String> iList = new ArrayList<>();
            List<Map.Entry<String, PageLinks>> kept = new ArrayList<>();
            for (Map.Entry<String, PageLinks> e : all) {
                if (e.getValue().fp() == null) {
                    continue;
                }
                kept.add(e);
                for (int x : e.getValue().targets()) {
                    if (tMap[x] == 0) {
                        tList.add(targetNames.name(x));
                        tMap[x] = tList.size(); // 1-based: 0 is "not yet"
                    }
                }
                for (int x : e.getValue().ids()) {
                    if (iMap[x] == 0) {
                        iList.add(idNames.name(x));
                        iMap[x] = iList.size();
                    }
                }
            }
            try (BufferedOutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                new DataOutputStream(os).writeInt(FORMAT);
                Records.Writer w = new Records.Writer(os);
                w.section(HOSTS);
                w.record(o -> o.writeUTF(hosts));
                w.section(TARGETS);
                for (String x : tList) {
                    w.record(o -> o.writeUTF(x));
                }
                w.section(IDS);
                for (String x : iList) {
                    w.record(o -> o.writeUTF(x));
                }
                w.section(PAGES);
                for (Map.Entry<String, PageLinks> e : kept) {
                    w.record(o -> {
                        o.writeUTF(e.getKey());
                        e.getValue().fp().write(o);
                        writeInts(o, e.getValue().targets(), tMap);
                        writeInts(o, e.getValue().ids(), iMap);
                    });
                }
                w.end();
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the next build scans kept pages again
            }
        }
    }

    /** Sorted numbers as a count and the gaps between them, each a varint (most are one or two bytes). */
    private static void writeInts(DataOutputStream o, int[] xs, int[] map) throws IOException {
        int[] mapped = new int[xs.length];
        for (int k = 0; k < xs.length; k++) {
            mapped[k] = map[xs[k]] - 1;
        }
        Arrays.sort(mapped); // records keep their numbers sorted
        writeVarint(o, mapped.length);
        int last = 0;
        for (int x : mapped) {
            writeVarint(o, x - last);
            last = x;
        }
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] xs = new int[readVarint(in)];
        int last = 0;
        for (int k = 0; k < xs.length; k++) {
            last += readVarint(in);
            xs[k] = last;
        }
        return xs;
    }

    private static void writeVarint(DataOutputStream o, int v) throws IOException {
        while ((v & ~0x7f) != 0) {
            o.writeByte((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        o.writeByte(v);
    }

    private static int readVarint(DataInputStream in) throws IOException {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("số hỏng trong " + InternalLinks.STORE);
    }
}
