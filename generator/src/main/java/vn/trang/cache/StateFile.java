package vn.trang.cache;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The build cache's {@code state.bin}: a format number, then {@link Records} sections (header,
 * file records, parse and link entries, the output's manifest, the search index's key and the
 * index copy's files). Read whole at the start of a build, damaged records dropped; written whole
 * at the end and moved into place atomically, so a build killed half-way leaves the previous one.
 *
 * @param itemsLen  how much of {@code items.log} the entries reference (the rest is dropped)
 * @param bodiesLen how much of {@code bodies.dat} the entries reference
 * @param note      why the state was started afresh, or null
 */
record StateFile(Map<String, FileStates.State> files, Map<String, ParseEntry> parse, Map<Digest, LinkEntry> links,
                 OutputManifest manifest, BuildCache.IndexState index, Map<String, IndexCopy.IndexFile> indexFiles,
                 String commit, long itemsLen, long bodiesLen, String note) {

    /**
     * 4: file records carry the Git blob id of content files ({@code --since}).
     * 5: checksummed records: {@code state.bin} in {@link Records} sections, CRC32C of items and
     * bodies in their entries, SHA-256 of the index copy's files.
     */
    private static final int FORMAT = 5;

    private static final int HEADER = 1;
    private static final int FILES = 2;
    private static final int PARSE = 3;
    private static final int LINKS = 4;
    private static final int OUTPUT = 5;
    private static final int INDEX = 6;
    private static final int INDEX_FILES = 7;

    private static final String OTHER = "bộ nhớ đệm của phiên bản khác hoặc thư mục khác: dựng lại từ đầu";

    static StateFile empty(String note) {
        return new StateFile(Map.of(), new HashMap<>(), new HashMap<>(), OutputManifest.EMPTY, null, Map.of(), null, 0,
                0, note);
    }

    /** What the file holds, for this code and project root; empty (with a note) when it is not theirs. */
    static StateFile read(Path file, Digest code, String rootKey, CacheDamage damage) {
        if (!Files.exists(file)) {
            return empty(null);
        }
        byte[] b;
        try {
            b = Files.readAllBytes(file);
        } catch (IOException e) {
            return empty("bộ nhớ đệm không đọc được (" + e.getMessage() + "): dựng lại từ đầu");
        }
        if (b.length < 4 || ByteBuffer.wrap(b).getInt(0) != FORMAT) {
            return empty(OTHER);
        }
        Records.File f = Records.read(b, 4);
        damage.add(CacheDamage.Kind.STATE_CUT, f.cutAt() >= 0 ? 1 : 0);
        Records.Section h = f.section(HEADER);
        Object[] head = new Object[5];
        if (h == null || h.records().size() != 1 || h.decode(in -> {
            head[0] = Digest.read(in);
            head[1] = in.readUTF();
            head[2] = in.readLong();
            head[3] = in.readLong();
            head[4] = in.readBoolean() ? in.readUTF() : null;
        }) > 0) {
            damage.add(CacheDamage.Kind.STATE_HEADER, f.cutAt() >= 0 ? 0 : 1); // else the cut says it
            return empty(null);
        }
        if (!code.equals(head[0]) || !rootKey.equals(head[1])) {
            return empty(OTHER);
        }
        Map<String, FileStates.State> files = new HashMap<>();
        Map<String, ParseEntry> parse = new HashMap<>();
        Map<Digest, LinkEntry> links = new HashMap<>();
        Records.Section s;
        if ((s = f.section(FILES)) != null) {
            damage.add(CacheDamage.Kind.FILE_STATES, FileStates.read(s, files));
        }
        if ((s = f.section(PARSE)) != null) {
            damage.add(CacheDamage.Kind.PARSE_ENTRIES, ParseEntry.readAll(s, parse));
        }
        if ((s = f.section(LINKS)) != null) {
            damage.add(CacheDamage.Kind.LINK_ENTRIES, LinkEntry.readAll(s, links));
        }
        OutputManifest manifest = OutputManifest.EMPTY;
        if ((s = f.section(OUTPUT)) != null) {
            int[] bad = new int[1];
            manifest = OutputManifest.read(s, bad);
            damage.add(CacheDamage.Kind.OUTPUT_MANIFEST, bad[0]);
        }
        BuildCache.IndexState[] index = new BuildCache.IndexState[1];
        if ((s = f.section(INDEX)) != null) {
            int bad = s.decode(in -> index[0] = in.readBoolean() ? BuildCache.IndexState.read(in) : null);
            damage.add(CacheDamage.Kind.INDEX_STATE, bad);
        }
        Map<String, IndexCopy.IndexFile> indexFiles = new HashMap<>();
        if ((s = f.section(INDEX_FILES)) != null) {
            int bad = s.decode(in -> indexFiles.put(in.readUTF(),
                    new IndexCopy.IndexFile(in.readLong(), Digest.read(in))));
            if (bad > 0) {
                indexFiles.clear(); // a copy not fully listed is not reused
                damage.add(CacheDamage.Kind.INDEX_STATE, bad);
            }
        }
        return new StateFile(files, parse, links, manifest, index[0], indexFiles, (String) head[4], (long) head[2],
                (long) head[3], null);
    }

    /**
     * Drops the entries whose item or body lies beyond what the logs hold now (a log cut short:
     * the other entries are still good), counting them as damage.
     */
    void dropBeyond(long itemsLen, long bodiesLen, CacheDamage damage) {
        int itemsCut = 0;
        int bodiesCut = 0;
        for (var it = parse.values().iterator(); it.hasNext(); ) {
            ParseEntry e = it.next();
            boolean itemGone = !e.itemWithin(itemsLen);
            if (itemGone || !e.bodyWithin(bodiesLen)) {
                it.remove();
                itemsCut += itemGone ? 1 : 0;
                bodiesCut += itemGone ? 0 : 1;
            }
        }
        for (var it = links.values().iterator(); it.hasNext(); ) {
            if (!it.next().bodyWithin(bodiesLen)) {
                it.remove();
                bodiesCut++;
            }
        }
        damage.add(CacheDamage.Kind.ITEMS, itemsCut);
        damage.add(CacheDamage.Kind.BODIES, bodiesCut);
    }

    /** The header of a state being written: whose it is and how much of the logs it references. */
    record Header(Digest code, String rootKey, long itemsLen, long bodiesLen, String commit) {
    }

    /** Writes a whole state to {@code file}, through a temporary file moved over it. */
    static void write(Path file, Header head, FileStates files, Map<String, ParseEntry> parse,
                      Map<Digest, LinkEntry> links, OutputManifest manifest, BuildCache.IndexState index,
                      Map<String, IndexCopy.IndexFile> indexFiles) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedOutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            new DataOutputStream(os).writeInt(FORMAT);
            Records.Writer w = new Records.Writer(os);
            w.section(HEADER);
            w.record(out -> {
                head.code().write(out);
                out.writeUTF(head.rootKey());
                out.writeLong(head.itemsLen());
                out.writeLong(head.bodiesLen());
                out.writeBoolean(head.commit() != null);
                if (head.commit() != null) {
                    out.writeUTF(head.commit());
                }
            });
            w.section(FILES);
            files.write(w);
            w.section(PARSE);
            ParseEntry.writeAll(w, parse);
            w.section(LINKS);
            LinkEntry.writeAll(w, links);
            w.section(OUTPUT);
            manifest.write(w);
            w.section(INDEX);
            w.record(out -> {
                out.writeBoolean(index != null);
                if (index != null) {
                    index.write(out);
                }
            });
            w.section(INDEX_FILES);
            for (Map.Entry<String, IndexCopy.IndexFile> x : indexFiles.entrySet()) {
                w.record(out -> {
                    out.writeUTF(x.getKey());
                    out.writeLong(x.getValue().size());
                    x.getValue().sha256().write(out);
                });
            }
            w.end();
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
