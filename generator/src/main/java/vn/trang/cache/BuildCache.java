package vn.trang.cache;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import vn.trang.diag.Diagnostic;
import vn.trang.diag.Diagnostics;
import vn.trang.link.DocumentLinker;
import vn.trang.load.SourceFile;
import vn.trang.model.Body;
import vn.trang.model.Item;
import vn.trang.model.LegalDocument;
import vn.trang.model.Site;
import vn.trang.parse.ContentParser;
import vn.trang.parse.schema.FileDependencies;

/**
 * The build cache: what one build computed that the next can reuse, so an edit to one file redoes
 * only what it affects. Kept in {@code .trang-cache/} under the project (Git ignores it).
 *
 * <ul>
 * <li>{@code state.bin}: each input file's size, time and SHA-256, and for content files the
 * Git blob id of the same bytes ({@link FileStates}); per
 * content file the key of its parsed item (code, site, section, path, content) with the files
 * parsing looked at; per linked body the lookups it depended on ({@link DocumentLinker.LinkMemo});
 * the last output's manifest ({@link OutputManifest}) and search index key;</li>
 * <li>{@code items.log}: the parsed items, appended ({@link Codec});</li>
 * <li>{@code bodies.dat}: the items' bodies ({@link BodyStore});</li>
 * <li>{@code index/}: the last search index, hard links to the published one's files.</li>
 * </ul>
 *
 * Nothing is trusted blindly: every entry is keyed by the SHA-256 of what it was computed from,
 * including the generator's own code ({@link CodeIdentity}). Every record carries a checksum: the
 * records of {@code state.bin} are framed with a CRC32C each ({@link Records}), a parse or link
 * entry holds the CRC32C of its item in {@code items.log} and of its body in {@code bodies.dat},
 * checked when recalled, and the index copy's files are listed with their SHA-256, checked before
 * the copy is reused (its files are hard links to a published index, which someone might edit).
 * A record that fails its check (a flipped byte, a torn write, a file cut short) is dropped and
 * computed again, with one warning per kind of record ({@link CacheDamage}): the output is what a
 * build without cache writes. {@code state.bin} is replaced atomically at the end of a build, and
 * the log files are cut back to what it references, so a build killed half-way leaves the
 * previous state intact.
 */
public final class BuildCache implements Closeable {

    public static final String FOLDER = ".trang-cache";
    /**
     * 4: file records carry the Git blob id of content files, so {@code --since} can trust a record unread.
     * 5: checksummed records: {@code state.bin} in {@link Records} sections, CRC32C of items and
     * bodies in their entries, SHA-256 of the index copy's files.
     */
    private static final int FORMAT = 5;

    // state.bin sections
    private static final int HEADER = 1;
    private static final int FILES = 2;
    private static final int PARSE = 3;
    private static final int LINKS = 4;
    private static final int OUTPUT = 5;
    private static final int INDEX = 6;
    private static final int INDEX_FILES = 7;

    private final Path dir;
    private final FileChannel lockChannel;
    private final BodyStore bodies;
    private final FileStates files;
    private final Digest code;
    private final String rootKey;
    private final boolean blobIds;
    private final String note;

    // parse cache
    private final Map<String, ParseEntry> parsePrev;
    private final Map<String, ParseEntry> parseNow = new ConcurrentHashMap<>();
    private final FileChannel itemsLog;
    private long itemsEnd;
    // link memo
    private final Map<Digest, LinkEntry> linkPrev;
    private final Map<Digest, LinkEntry> linkNow = new ConcurrentHashMap<>();
    // output
    private final OutputManifest manifest;
    private final IndexState index;
    private final String commit;
    // the index copy's files as recorded, and as they are now
    private final Map<String, IndexFile> indexFiles;
    private volatile Map<String, IndexFile> indexFilesNow;
    private final CacheDamage damage;
    /** Link entries of the last build whose body was checked in this one: intact or not. */
    private final Map<Digest, Boolean> linkIntact = new ConcurrentHashMap<>();

    final AtomicInteger parsedFresh = new AtomicInteger();
    final AtomicInteger parsedCached = new AtomicInteger();
    final AtomicInteger linkedFresh = new AtomicInteger();
    final AtomicInteger linkedCached = new AtomicInteger();

    /**
     * One content file's cached parse: its key, where the item is (and its CRC32C), its body (and
     * the body's CRC32C), what it looked at.
     */
    record ParseEntry(Digest key, long offset, int length, int crc, long bodyOffset, int bodyLength, Digest bodyDigest,
                      boolean bodyBlank, int bodyCrc, List<Dep> deps) {
    }

    /** A file of the index copy: its size and SHA-256 when the copy was made. */
    record IndexFile(long size, Digest sha256) {
    }

    /** A file parsing looked at and its digest then (MISSING for none). */
    record Dep(String path, Digest digest) {
    }

    /**
     * The search index a build wrote: its documents' URLs in index order and the fingerprint of
     * each page's item, so the next build can tell which documents changed.
     */
    public record IndexState(List<String> urls, List<Digest> items) {
        public IndexState {
            urls = List.copyOf(urls);
            items = List.copyOf(items);
        }

        void write(DataOutputStream out) throws IOException {
            out.writeInt(urls.size());
            for (int i = 0; i < urls.size(); i++) {
                out.writeUTF(urls.get(i));
                items.get(i).write(out);
            }
        }

        static IndexState read(DataInputStream in) throws IOException {
            int n = in.readInt();
            List<String> u = new ArrayList<>(n);
            List<Digest> d = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                u.add(in.readUTF());
                d.add(Digest.read(in));
            }
            return new IndexState(u, d);
        }
    }

    /** A linked body: the lookups it came from, and the result (null offset: nothing linked). */
    record LinkEntry(List<String[]> targets, long bodyOffset, int bodyLength, Digest bodyDigest, boolean bodyBlank,
                     int bodyCrc) {
    }

    private BuildCache(Path dir, FileChannel lockChannel, BodyStore bodies, FileStates files, Digest code,
                       String rootKey, Map<String, ParseEntry> parsePrev, FileChannel itemsLog, long itemsEnd,
                       Map<Digest, LinkEntry> linkPrev, OutputManifest manifest, IndexState index, String commit,
                       Map<String, IndexFile> indexFiles, CacheDamage damage, String note) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.bodies = bodies;
        this.files = files;
        this.code = code;
        this.rootKey = rootKey;
        // Blob ids only matter where Git can vouch for a file (--since); elsewhere (a province
        // outside Git, the benchmark corpora) they would be one more hash of every file read.
        this.blobIds = GitChanges.inWorkTree(Path.of(rootKey));
        this.parsePrev = parsePrev;
        this.itemsLog = itemsLog;
        this.itemsEnd = itemsEnd;
        this.linkPrev = linkPrev;
        this.manifest = manifest;
        this.index = index;
        this.commit = commit;
        this.indexFiles = indexFiles;
        this.indexFilesNow = indexFiles;
        this.damage = damage;
        this.note = note;
    }

    /** A cache that remembers nothing and keeps bodies in a temporary file ({@code --no-cache}). */
    public static BuildCache disabled(Path root) throws IOException {
        return new BuildCache(null, null, BodyStore.temporary(), FileStates.empty(), CodeIdentity.get(),
                root.toString(), Map.of(), null, 0, Map.of(), OutputManifest.EMPTY, null, null, Map.of(),
                new CacheDamage(root.resolve(FOLDER)), null);
    }

    /**
     * Opens the project's cache, creating it when missing; falls back to {@link #disabled} when
     * another build holds it or it cannot be written (the reason is in {@link #note()}).
     */
    public static BuildCache open(Path root) throws IOException {
        Path dir = root.resolve(FOLDER);
        FileChannel lock = null;
        try {
            Files.createDirectories(dir);
            ignoreInGit(dir);
            lock = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l = lock.tryLock();
            if (l == null) {
                lock.close();
                return withNote(disabled(root), "bộ nhớ đệm đang được một lần dựng khác dùng; lần này dựng không dùng bộ nhớ đệm");
            }
        } catch (IOException | OverlappingFileLockException e) {
            if (lock != null) {
                lock.close();
            }
            return withNote(disabled(root), "không mở được bộ nhớ đệm " + dir + ": " + e.getMessage());
        }
        Digest code = CodeIdentity.get();
        String rootKey = root.toString();
        CacheDamage damage = new CacheDamage(dir);
        State st = State.read(dir.resolve("state.bin"), code, rootKey, damage);
        FileChannel log = FileChannel.open(dir.resolve("items.log"), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        BodyStore bodies = BodyStore.open(dir.resolve("bodies.dat"));
        // A log shorter than the state says was cut: entries beyond its end are dropped (the
        // others are still good), and new records go at its end.
        long itemsLen = Math.min(st.itemsLen(), log.size());
        long bodiesLen = Math.min(st.bodiesLen(), bodies.size());
        int itemsCut = 0;
        int bodiesCut = 0;
        for (var it = st.parse().values().iterator(); it.hasNext(); ) {
            ParseEntry e = it.next();
            boolean itemGone = e.offset() + e.length() > itemsLen;
            boolean bodyGone = e.bodyOffset() >= 0 && e.bodyOffset() + e.bodyLength() > bodiesLen;
            if (itemGone || bodyGone) {
                it.remove();
                itemsCut += itemGone ? 1 : 0;
                bodiesCut += itemGone ? 0 : 1;
            }
        }
        for (var it = st.links().values().iterator(); it.hasNext(); ) {
            LinkEntry e = it.next();
            if (e.bodyOffset() >= 0 && e.bodyOffset() + e.bodyLength() > bodiesLen) {
                it.remove();
                bodiesCut++;
            }
        }
        damage.add(CacheDamage.Kind.ITEMS, itemsCut);
        damage.add(CacheDamage.Kind.BODIES, bodiesCut);
        OutputManifest manifest = st.manifest();
        if (Files.exists(dir.resolve(APPLYING))) {
            // A build was applying its changes to the output when it stopped: the output is not
            // what the manifest says. The next build writes it whole.
            manifest = OutputManifest.EMPTY;
            Files.deleteIfExists(dir.resolve(APPLYING));
        }
        // Anything after the committed lengths was written by a build that did not finish.
        log.truncate(itemsLen);
        bodies.truncate(bodiesLen);
        return new BuildCache(dir, lock, bodies, new FileStates(st.files()), code, rootKey, st.parse(), log, itemsLen,
                st.links(), manifest, st.index(), st.commit(), st.indexFiles(), damage, st.note());
    }

    /** What {@code state.bin} held, its damaged records dropped. */
    private record State(Map<String, FileStates.State> files, Map<String, ParseEntry> parse, Map<Digest, LinkEntry> links,
                         OutputManifest manifest, IndexState index, Map<String, IndexFile> indexFiles, String commit,
                         long itemsLen, long bodiesLen, String note) {

        static State empty(String note) {
            return new State(Map.of(), new HashMap<>(), new HashMap<>(), OutputManifest.EMPTY, null, Map.of(), null, 0, 0,
                    note);
        }

        static State read(Path file, Digest code, String rootKey, CacheDamage damage) {
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
                return empty("bộ nhớ đệm của phiên bản khác hoặc thư mục khác: dựng lại từ đầu");
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
                return empty("bộ nhớ đệm của phiên bản khác hoặc thư mục khác: dựng lại từ đầu");
            }
            Map<String, FileStates.State> files = new HashMap<>();
            Map<String, ParseEntry> parse = new HashMap<>();
            Map<Digest, LinkEntry> links = new HashMap<>();
            Records.Section s;
            if ((s = f.section(FILES)) != null) {
                damage.add(CacheDamage.Kind.FILE_STATES, FileStates.read(s, files));
            }
            if ((s = f.section(PARSE)) != null) {
                damage.add(CacheDamage.Kind.PARSE_ENTRIES, readParse(s, parse));
            }
            if ((s = f.section(LINKS)) != null) {
                damage.add(CacheDamage.Kind.LINK_ENTRIES, readLinks(s, links));
            }
            OutputManifest manifest = OutputManifest.EMPTY;
            if ((s = f.section(OUTPUT)) != null) {
                int[] bad = new int[1];
                manifest = OutputManifest.read(s, bad);
                damage.add(CacheDamage.Kind.OUTPUT_MANIFEST, bad[0]);
            }
            IndexState[] index = new IndexState[1];
            if ((s = f.section(INDEX)) != null) {
                int bad = s.decode(in -> index[0] = in.readBoolean() ? IndexState.read(in) : null);
                damage.add(CacheDamage.Kind.INDEX_STATE, bad);
            }
            Map<String, IndexFile> indexFiles = new HashMap<>();
            if ((s = f.section(INDEX_FILES)) != null) {
                int bad = s.decode(in -> indexFiles.put(in.readUTF(), new IndexFile(in.readLong(), Digest.read(in))));
                if (bad > 0) {
                    indexFiles.clear(); // a copy not fully listed is not reused
                    damage.add(CacheDamage.Kind.INDEX_STATE, bad);
                }
            }
            return new State(files, parse, links, manifest, index[0], indexFiles, (String) head[4], (long) head[2],
                    (long) head[3], null);
        }
    }

    private static BuildCache withNote(BuildCache c, String note) {
        return new BuildCache(c.dir, c.lockChannel, c.bodies, c.files, c.code, c.rootKey, c.parsePrev, c.itemsLog,
                c.itemsEnd, c.linkPrev, c.manifest, c.index, c.commit, c.indexFiles, c.damage, note);
    }

    /** A {@code .gitignore} inside the folder, so the cache never shows up as a change. */
    private static void ignoreInGit(Path dir) throws IOException {
        Path g = dir.resolve(".gitignore");
        if (!Files.exists(g)) {
            Files.writeString(g, "# bộ nhớ đệm của trang build (xóa được bất cứ lúc nào)\n*\n");
        }
    }

    public boolean enabled() {
        return dir != null;
    }

    public Path dir() {
        return dir;
    }

    /** Why the cache is not used or was started afresh, or null. */
    public String note() {
        return note;
    }

    /** The damaged records found so far (one warning per kind, see {@link CacheDamage#warnings}). */
    public CacheDamage damage() {
        return damage;
    }

    public BodyStore bodies() {
        return bodies;
    }

    public OutputManifest manifest() {
        return manifest;
    }

    /** The search index the last build wrote, or null. */
    public IndexState index() {
        return index;
    }

    /** The copy of the last build's search index (hard links to its files), or null. */
    public Path indexCopy() {
        return dir == null ? null : dir.resolve("index");
    }

    private static final String APPLYING = "applying";

    /**
     * Marks the output as being changed in place: if the build stops before {@link #save}, the
     * next one does not trust the manifest.
     */
    public void markApplying() throws IOException {
        if (dir != null) {
            Files.writeString(dir.resolve(APPLYING), "");
        }
    }

    /**
     * The commit HEAD was at when the last successful build ran, or null. Not a promise that
     * every record is of that commit's files (the work tree may have had uncommitted edits, a
     * {@code --site} build keeps older records): records are trusted unread only when their Git
     * blob id matches, see {@link #parse}.
     */
    public String commit() {
        return commit;
    }

    /** The Git index's blob ids of content files, read once, the first time one is trusted. */
    private volatile Map<String, org.eclipse.jgit.lib.ObjectId> gitBlobs;

    private org.eclipse.jgit.lib.ObjectId gitBlob(SourceFile source) {
        Map<String, org.eclipse.jgit.lib.ObjectId> m = gitBlobs;
        if (m == null) {
            synchronized (this) {
                m = gitBlobs;
                if (m == null) {
                    m = GitChanges.blobs(Path.of(rootKey));
                    gitBlobs = m;
                }
            }
        }
        return m.get(source.display().replace('\\', '/'));
    }

    FileStates files() {
        return files;
    }

    Digest code() {
        return code;
    }

    // ---- parse ----------------------------------------------------------------------------

    /**
     * A content file parsed or recalled: the item (empty: errors or draft) and its diagnostics.
     *
     * @param identity what the item is a function of: the parse key (the file's bytes, its site,
     *                 the code) and the files its parsing looked at; two items with the same
     *                 identity are equal. Null when the cache is off or the file was not cacheable.
     *                 {@link Fingerprints#learnItems} uses it to fingerprint items without walking them.
     */
    public record Parsed(Optional<Item> item, List<Diagnostic> diagnostics, boolean cached, Digest identity) {
    }

    /** See {@link Parsed#identity}. */
    private static Digest identity(Digest key, List<Dep> deps) {
        Hasher h = new Hasher().putString("parsed").putDigest(key).putInt(deps.size());
        for (Dep d : deps) {
            h.putString(d.path()).putDigest(d.digest());
        }
        return h.digest();
    }

    /**
     * The item of one content file: recalled when neither the file, its site, nor any file its
     * parsing looked at changed since it was cached; parsed (and cached) otherwise.
     *
     * @param trusted the file is known unchanged (Git said so): it is not read when a record of
     *                it exists whose Git blob id is the one Git's index has for the file now — a
     *                record made from other bytes (an uncommitted edit, an older commit kept by a
     *                {@code --site} build) is not, and the file is read and hashed as usual
     */
    public Parsed parse(SourceFile source, ContentParser parser, Digest siteKey, Function<String, Site> sites,
                        boolean trusted) {
        byte[] bytes = null;
        Digest content;
        try {
            if (trusted && files.trust(source.path(), gitBlob(source))) {
                content = files.digest(source.path());
            } else {
                FileStates.Read r = files.read(source.path(), blobIds);
                content = r.digest();
                bytes = r.bytes();
            }
        } catch (IOException e) {
            content = null;
        }
        Digest key = content == null || content.equals(FileStates.MISSING) ? null : new Hasher().putString("parse")
                .putDigest(code).putString(rootKey).putString(source.display()).putString(source.section().name())
                .putDigest(siteKey).putDigest(content).digest();
        if (key != null && enabled()) {
            ParseEntry e = parsePrev.get(source.display());
            if (e != null && e.key().equals(key) && depsUnchanged(e.deps())) {
                try {
                    Parsed p = recall(e, sites);
                    if (p != null) {
                        parseNow.put(source.display(), e);
                        parsedCached.incrementAndGet();
                        return new Parsed(p.item(), p.diagnostics(), true, identity(e.key(), e.deps()));
                    }
                } catch (IOException | RuntimeException ex) {
                    // intact but not readable now (a site it names is gone): parse again below
                }
            }
        }
        parsedFresh.incrementAndGet();
        Diagnostics local = new Diagnostics();
        Optional<Item> item;
        List<Path> looked;
        FileDependencies.begin();
        try {
            item = bytes != null ? parser.parse(source, bytes, local) : parser.parse(source, local);
        } finally {
            looked = FileDependencies.end();
        }
        Digest identity = key != null && enabled() ? remember(source, key, looked, item, local) : null;
        return new Parsed(item, local.list(), false, identity);
    }

    private boolean depsUnchanged(List<Dep> deps) {
        for (Dep d : deps) {
            try {
                if (!files.digest(Path.of(d.path())).equals(d.digest())) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** The entry's item and diagnostics, or null when its record or its body failed the checksum. */
    private Parsed recall(ParseEntry e, Function<String, Site> sites) throws IOException {
        byte[] buf = new byte[e.length()];
        ByteBuffer bb = ByteBuffer.wrap(buf);
        long p = e.offset();
        while (bb.hasRemaining()) {
            int n = itemsLog.read(bb, p);
            if (n < 0) {
                break;
            }
            p += n;
        }
        if (bb.hasRemaining() || Records.crc(buf, 0, buf.length) != e.crc()) {
            damage.add(CacheDamage.Kind.ITEMS, 1);
            return null;
        }
        if (e.bodyOffset() >= 0 && !bodies.intact(e.bodyOffset(), e.bodyLength(), e.bodyCrc())) {
            damage.add(CacheDamage.Kind.BODIES, 1);
            return null;
        }
        Body body = e.bodyOffset() < 0 ? null
                : bodies.ref(e.bodyOffset(), e.bodyLength(), e.bodyDigest(), e.bodyBlank(), e.bodyCrc());
        Codec.Reader r = new Codec.Reader(new DataInputStream(new ByteArrayInputStream(buf)), sites, body);
        Object item = r.value();
        int n = r.varint();
        List<Diagnostic> diags = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            diags.add((Diagnostic) r.value());
        }
        return new Parsed(Optional.ofNullable((Item) item), diags, true, null);
    }

    /** Caches a parsed item; returns its {@linkplain Parsed#identity identity}, or null when it could not be cached. */
    private Digest remember(SourceFile source, Digest key, List<Path> looked, Optional<Item> item, Diagnostics local) {
        try {
            List<Dep> deps = new ArrayList<>();
            for (Path f : looked) {
                deps.add(new Dep(f.toString(), files.digest(f)));
            }
            ByteArrayOutputStream bos = new ByteArrayOutputStream(2048);
            Codec.Writer w = new Codec.Writer(new DataOutputStream(bos));
            Item it = item.orElse(null);
            w.value(it);
            List<Diagnostic> diags = local.list();
            w.varint(diags.size());
            for (Diagnostic d : diags) {
                w.value(d);
            }
            Body body = w.body();
            BodyStore.Stored stored = body == null ? null : persist(body);
            byte[] bytes = bos.toByteArray();
            long at;
            synchronized (this) {
                at = itemsEnd;
                itemsEnd += bytes.length;
            }
            ByteBuffer bb = ByteBuffer.wrap(bytes);
            long p = at;
            while (bb.hasRemaining()) {
                p += itemsLog.write(bb, p);
            }
            parseNow.put(source.display(), new ParseEntry(key, at, bytes.length, Records.crc(bytes, 0, bytes.length),
                    stored == null ? -1 : stored.offset(), stored == null ? 0 : stored.length(),
                    stored == null ? Digest.ZERO : stored.digest(), stored != null && stored.isBlank(),
                    stored == null ? 0 : stored.crc(), List.copyOf(deps)));
            return identity(key, deps);
        } catch (Codec.Unsupported | IOException e) {
            // Not cacheable (a model value the codec does not know): parsed again next time.
            return null;
        }
    }

    /** A body in this cache's store (bodies made elsewhere are stored now). */
    BodyStore.Stored persist(Body b) {
        if (b instanceof BodyStore.Stored s && s.store() == bodies) {
            return s;
        }
        return bodies.put(b.html());
    }

    // ---- link -----------------------------------------------------------------------------

    /** What the link stage remembers (and where it keeps linked bodies). */
    public DocumentLinker.LinkMemo linkMemo() {
        return new DocumentLinker.LinkMemo() {
            @Override
            public Body recall(Item item, Function<String, String> target) {
                if (!enabled()) {
                    return null;
                }
                Digest k = linkKey(item);
                LinkEntry prev = linkPrev.get(k);
                LinkEntry e = prev == null || prev.bodyOffset() < 0 || linkIntact.computeIfAbsent(k, x -> {
                    boolean ok = bodies.intact(prev.bodyOffset(), prev.bodyLength(), prev.bodyCrc());
                    damage.add(CacheDamage.Kind.BODIES, ok ? 0 : 1);
                    return ok;
                }) ? prev : null;
                if (e == null) {
                    e = linkNow.get(k);
                }
                if (e == null) {
                    return null;
                }
                for (String[] t : e.targets()) {
                    if (!Objects.equals(target.apply(t[0]), t[1])) {
                        return null;
                    }
                }
                linkNow.put(k, e);
                linkedCached.incrementAndGet();
                return e.bodyOffset() < 0 ? item.meta().body()
                        : bodies.ref(e.bodyOffset(), e.bodyLength(), e.bodyDigest(), e.bodyBlank(), e.bodyCrc());
            }

            @Override
            public Body remember(Item item, Map<String, String> targets, String html) {
                linkedFresh.incrementAndGet();
                BodyStore.Stored stored = html == null ? null : bodies.put(html);
                if (enabled()) {
                    List<String[]> t = new ArrayList<>(targets.size());
                    targets.forEach((k, v) -> t.add(new String[] {intern(k), v}));
                    linkNow.put(linkKey(item), new LinkEntry(t, stored == null ? -1 : stored.offset(),
                            stored == null ? 0 : stored.length(), stored == null ? Digest.ZERO : stored.digest(),
                            stored != null && stored.isBlank(), stored == null ? 0 : stored.crc()));
                }
                return stored == null ? item.meta().body() : stored;
            }
        };
    }

    private final Map<String, String> strings = new ConcurrentHashMap<>();

    private String intern(String s) {
        return s == null ? null : strings.computeIfAbsent(s, x -> x);
    }

    private Digest linkKey(Item item) {
        Body b = item.meta().body();
        Digest bd = b instanceof BodyStore.Stored s ? s.digest()
                : Hasher.ofBytes(b.html().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new Hasher().putString("link").putDigest(code).putDigest(bd)
                .putString(item instanceof LegalDocument d ? d.numberKey() : null)
                .putBoolean(item instanceof LegalDocument).digest();
    }

    // ---- saving ---------------------------------------------------------------------------

    /**
     * Writes the state of this build: input records, parse and link entries, and (when the
     * build replaced the output) its manifest and index key; {@code null} keeps the previous ones.
     */
    public void save(OutputManifest newManifest, IndexState newIndex, String newCommit, boolean keepUnvisitedFiles)
            throws IOException {
        if (!enabled()) {
            return;
        }
        if (keepUnvisitedFiles) {
            files.keepUnvisited();
            parsePrev.forEach(parseNow::putIfAbsent);
        }
        OutputManifest m = newManifest != null ? newManifest : manifest;
        IndexState ik = newManifest != null ? newIndex : index;
        String c = newManifest != null ? newCommit : commit;
        itemsLog.force(false);
        bodies.force();
        Path tmp = dir.resolve("state.bin.tmp");
        Map<String, IndexFile> copyFiles = indexFilesNow;
        try (BufferedOutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            new DataOutputStream(os).writeInt(FORMAT);
            Records.Writer w = new Records.Writer(os);
            w.section(HEADER);
            long bodiesEnd = bodies.size();
            w.record(out -> {
                code.write(out);
                out.writeUTF(rootKey);
                out.writeLong(itemsEnd);
                out.writeLong(bodiesEnd);
                out.writeBoolean(c != null);
                if (c != null) {
                    out.writeUTF(c);
                }
            });
            w.section(FILES);
            files.write(w);
            w.section(PARSE);
            writeParse(w, parseNow);
            w.section(LINKS);
            writeLinks(w, linkNow);
            w.section(OUTPUT);
            m.write(w);
            w.section(INDEX);
            w.record(out -> {
                out.writeBoolean(ik != null);
                if (ik != null) {
                    ik.write(out);
                }
            });
            w.section(INDEX_FILES);
            for (Map.Entry<String, IndexFile> x : copyFiles.entrySet()) {
                w.record(out -> {
                    out.writeUTF(x.getKey());
                    out.writeLong(x.getValue().size());
                    x.getValue().sha256().write(out);
                });
            }
            w.end();
        }
        try {
            Files.move(tmp, dir.resolve("state.bin"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir.resolve("state.bin"), StandardCopyOption.REPLACE_EXISTING);
        }
        if (newManifest != null) {
            Files.deleteIfExists(dir.resolve(APPLYING));
        }
    }

    private static void writeParse(Records.Writer w, Map<String, ParseEntry> m) throws IOException {
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
    private static int readParse(Records.Section s, Map<String, ParseEntry> m) {
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

    private static void writeLinks(Records.Writer w, Map<Digest, LinkEntry> m) throws IOException {
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
    private static int readLinks(Records.Section s, Map<Digest, LinkEntry> m) {
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

    // ---- the search index copy ------------------------------------------------------------

    /**
     * The copy of the last build's search index, when each of its files is still the one
     * recorded (same names, sizes and SHA-256); else null, with a warning when a recorded copy
     * was found changed. Its files are hard links to an index that went into an output or a
     * release, where someone may have edited them: they are hashed before they are used again.
     */
    public Path verifiedIndexCopy() {
        Path copy = indexCopy();
        if (copy == null || indexFiles.isEmpty() || !Files.isDirectory(copy)) {
            return null;
        }
        try {
            Map<String, IndexFile> found = hashFiles(copy);
            int bad = 0;
            for (String name : union(found.keySet(), indexFiles.keySet())) {
                if (!Objects.equals(found.get(name), indexFiles.get(name))) {
                    bad++;
                }
            }
            if (bad == 0) {
                return copy;
            }
            damage.add(CacheDamage.Kind.INDEX_COPY, bad);
        } catch (IOException e) {
            damage.add(CacheDamage.Kind.INDEX_COPY, 1);
        }
        return null;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new TreeSet<>(a);
        u.addAll(b);
        return u;
    }

    /** Keeps hard links to the output's new index files as the cache's copy, each file's SHA-256 recorded. */
    public void keepIndex(Path outIndex) throws IOException {
        indexFilesNow = Map.of(); // until the new copy is complete: a build stopped here reuses nothing
        Path copy = indexCopy();
        Path tmp = copy.resolveSibling("index.tmp");
        deleteTree(tmp);
        IndexUpdate.linkFiles(outIndex, tmp);
        deleteTree(copy);
        Files.move(tmp, copy);
        indexFilesNow = hashFiles(copy);
    }

    /** Every regular file of a folder with its size and SHA-256 (anything else makes it unusable). */
    private static Map<String, IndexFile> hashFiles(Path dir) throws IOException {
        Map<String, IndexFile> out = new HashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.toList()) {
                if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("không phải tệp: " + f);
                }
                MessageDigest md;
                try {
                    md = MessageDigest.getInstance("SHA-256");
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("SHA-256 is part of every JDK", e);
                }
                long size = 0;
                byte[] buf = new byte[1 << 16];
                try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
                    for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                        md.update(buf, 0, n);
                        size += n;
                    }
                }
                out.put(f.getFileName().toString(), new IndexFile(size, Digest.of(md.digest())));
            }
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** What this build reused and redid, for the timings line and the tests. */
    public String stats() {
        return "đọc lại " + parsedFresh.get() + " tệp, dùng lại " + parsedCached.get() + "; liên kết lại "
                + linkedFresh.get() + " bài, dùng lại " + linkedCached.get() + "; băm " + (files.hashedBytes() >> 10) + " KiB";
    }

    public int parsedFresh() {
        return parsedFresh.get();
    }

    public int parsedCached() {
        return parsedCached.get();
    }

    @Override
    public void close() throws IOException {
        try {
            bodies.close();
        } finally {
            if (itemsLog != null) {
                itemsLog.close();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        }
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new UncheckedIOException(new IOException(what));
        }
    }
}
