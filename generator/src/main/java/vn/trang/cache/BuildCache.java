package vn.trang.cache;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import vn.trang.diag.Diagnostic;
import vn.trang.diag.Diagnostics;
import vn.trang.link.DocumentLinker;
import vn.trang.load.SourceFile;
import vn.trang.model.Body;
import vn.trang.model.Item;
import vn.trang.model.LegalDocument;
import vn.trang.model.Site;
import vn.trang.parse.ContentParser;
import vn.trang.parse.FileDependencies;

/**
 * The build cache (issue 7): what one build computed that the next can reuse, kept in
 * {@code .trang-cache/} under the project (Git ignores it).
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
 * including the generator's own code ({@link CodeIdentity}); when anything about the cache is
 * unreadable it is simply started afresh. {@code state.bin} is replaced atomically at the end of
 * a build, and the log files are cut back to what it references, so a build killed half-way
 * leaves the previous state intact.
 */
public final class BuildCache implements Closeable {

    public static final String FOLDER = ".trang-cache";
    /** 4: file records carry the Git blob id of content files (issue 6, {@code --since}). */
    private static final int FORMAT = 4;

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

    final AtomicInteger parsedFresh = new AtomicInteger();
    final AtomicInteger parsedCached = new AtomicInteger();
    final AtomicInteger linkedFresh = new AtomicInteger();
    final AtomicInteger linkedCached = new AtomicInteger();

    /** One content file's cached parse: its key, where the item is, its body, what it looked at. */
    record ParseEntry(Digest key, long offset, int length, long bodyOffset, int bodyLength, Digest bodyDigest,
                      boolean bodyBlank, List<Dep> deps) {
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
    record LinkEntry(List<String[]> targets, long bodyOffset, int bodyLength, Digest bodyDigest, boolean bodyBlank) {
    }

    private BuildCache(Path dir, FileChannel lockChannel, BodyStore bodies, FileStates files, Digest code,
                       String rootKey, Map<String, ParseEntry> parsePrev, FileChannel itemsLog, long itemsEnd,
                       Map<Digest, LinkEntry> linkPrev, OutputManifest manifest, IndexState index, String commit,
                       String note) {
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
        this.note = note;
    }

    /** A cache that remembers nothing and keeps bodies in a temporary file ({@code --no-cache}). */
    public static BuildCache disabled(Path root) throws IOException {
        return new BuildCache(null, null, BodyStore.temporary(), FileStates.empty(), CodeIdentity.get(),
                root.toString(), Map.of(), null, 0, Map.of(), OutputManifest.EMPTY, null, null, null);
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
        Map<String, FileStates.State> fileStates = Map.of();
        Map<String, ParseEntry> parse = Map.of();
        Map<Digest, LinkEntry> links = Map.of();
        OutputManifest manifest = OutputManifest.EMPTY;
        IndexState index = null;
        String commit = null;
        long itemsLen = 0;
        long bodiesLen = 0;
        String note = null;
        Path state = dir.resolve("state.bin");
        if (Files.exists(state)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(state), 1 << 16))) {
                if (in.readInt() == FORMAT && Digest.read(in).equals(code) && in.readUTF().equals(rootKey)) {
                    itemsLen = in.readLong();
                    bodiesLen = in.readLong();
                    fileStates = FileStates.read(in);
                    parse = readParse(in);
                    links = readLinks(in);
                    manifest = OutputManifest.read(in);
                    index = in.readBoolean() ? IndexState.read(in) : null;
                    commit = in.readBoolean() ? in.readUTF() : null;
                } else {
                    note = "bộ nhớ đệm của phiên bản khác hoặc thư mục khác: dựng lại từ đầu";
                }
            } catch (IOException | RuntimeException e) {
                note = "bộ nhớ đệm không đọc được (" + e.getMessage() + "): dựng lại từ đầu";
                fileStates = Map.of();
                parse = Map.of();
                links = Map.of();
                manifest = OutputManifest.EMPTY;
                index = null;
                commit = null;
                itemsLen = 0;
                bodiesLen = 0;
            }
        }
        FileChannel log = FileChannel.open(dir.resolve("items.log"), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        BodyStore bodies = BodyStore.open(dir.resolve("bodies.dat"));
        if (log.size() < itemsLen || bodies.size() < bodiesLen) {
            // Files shorter than the state says: not ours any more. Start afresh.
            note = "bộ nhớ đệm không khớp: dựng lại từ đầu";
            fileStates = Map.of();
            parse = Map.of();
            links = Map.of();
            manifest = OutputManifest.EMPTY;
            index = null;
            itemsLen = 0;
            bodiesLen = 0;
        }
        if (Files.exists(dir.resolve(APPLYING))) {
            // A build was applying its changes to the output when it stopped: the output is not
            // what the manifest says. The next build writes it whole.
            manifest = OutputManifest.EMPTY;
            Files.deleteIfExists(dir.resolve(APPLYING));
        }
        // Anything after the committed lengths was written by a build that did not finish.
        log.truncate(itemsLen);
        bodies.truncate(bodiesLen);
        return new BuildCache(dir, lock, bodies, new FileStates(fileStates), code, rootKey, parse, log, itemsLen, links,
                manifest, index, commit, note);
    }

    private static BuildCache withNote(BuildCache c, String note) {
        return new BuildCache(c.dir, c.lockChannel, c.bodies, c.files, c.code, c.rootKey, c.parsePrev, c.itemsLog,
                c.itemsEnd, c.linkPrev, c.manifest, c.index, c.commit, note);
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
                    parseNow.put(source.display(), e);
                    parsedCached.incrementAndGet();
                    return new Parsed(p.item(), p.diagnostics(), true, identity(e.key(), e.deps()));
                } catch (IOException | RuntimeException ex) {
                    // unreadable entry: parse again below
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

    private Parsed recall(ParseEntry e, Function<String, Site> sites) throws IOException {
        byte[] buf = new byte[e.length()];
        ByteBuffer bb = ByteBuffer.wrap(buf);
        long p = e.offset();
        while (bb.hasRemaining()) {
            int n = itemsLog.read(bb, p);
            if (n < 0) {
                throw new IOException("items.log bị cắt ngắn");
            }
            p += n;
        }
        Body body = e.bodyOffset() < 0 ? null : bodies.ref(e.bodyOffset(), e.bodyLength(), e.bodyDigest(), e.bodyBlank());
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
            parseNow.put(source.display(), new ParseEntry(key, at, bytes.length,
                    stored == null ? -1 : stored.offset(), stored == null ? 0 : stored.length(),
                    stored == null ? Digest.ZERO : stored.digest(), stored != null && stored.isBlank(), List.copyOf(deps)));
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
                LinkEntry e = linkPrev.get(k);
                if (e == null) {
                    e = linkNow.get(k);
                }
                if (e == null) {
                    return null;
                }
                for (String[] t : e.targets()) {
                    if (!java.util.Objects.equals(target.apply(t[0]), t[1])) {
                        return null;
                    }
                }
                linkNow.put(k, e);
                linkedCached.incrementAndGet();
                return e.bodyOffset() < 0 ? item.meta().body()
                        : bodies.ref(e.bodyOffset(), e.bodyLength(), e.bodyDigest(), e.bodyBlank());
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
                            stored != null && stored.isBlank()));
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
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeInt(FORMAT);
            code.write(out);
            out.writeUTF(rootKey);
            out.writeLong(itemsEnd);
            out.writeLong(bodies.size());
            files.write(out);
            writeParse(out, parseNow);
            writeLinks(out, linkNow);
            m.write(out);
            out.writeBoolean(ik != null);
            if (ik != null) {
                ik.write(out);
            }
            out.writeBoolean(c != null);
            if (c != null) {
                out.writeUTF(c);
            }
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

    private static void writeParse(DataOutputStream out, Map<String, ParseEntry> m) throws IOException {
        out.writeInt(m.size());
        for (Map.Entry<String, ParseEntry> x : m.entrySet()) {
            ParseEntry e = x.getValue();
            out.writeUTF(x.getKey());
            e.key().write(out);
            out.writeLong(e.offset());
            out.writeInt(e.length());
            out.writeLong(e.bodyOffset());
            out.writeInt(e.bodyLength());
            e.bodyDigest().write(out);
            out.writeBoolean(e.bodyBlank());
            out.writeInt(e.deps().size());
            for (Dep d : e.deps()) {
                out.writeUTF(d.path());
                d.digest().write(out);
            }
        }
    }

    private static Map<String, ParseEntry> readParse(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, ParseEntry> m = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            String k = in.readUTF();
            Digest key = Digest.read(in);
            long off = in.readLong();
            int len = in.readInt();
            long bo = in.readLong();
            int bl = in.readInt();
            Digest bd = Digest.read(in);
            boolean blank = in.readBoolean();
            int nd = in.readInt();
            List<Dep> deps = new ArrayList<>(nd);
            for (int j = 0; j < nd; j++) {
                deps.add(new Dep(in.readUTF(), Digest.read(in)));
            }
            m.put(k, new ParseEntry(key, off, len, bo, bl, bd, blank, deps));
        }
        return m;
    }

    private static void writeLinks(DataOutputStream out, Map<Digest, LinkEntry> m) throws IOException {
        out.writeInt(m.size());
        for (Map.Entry<Digest, LinkEntry> x : m.entrySet()) {
            LinkEntry e = x.getValue();
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
        }
    }

    private static Map<Digest, LinkEntry> readLinks(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<Digest, LinkEntry> m = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            Digest k = Digest.read(in);
            int nt = in.readInt();
            List<String[]> t = new ArrayList<>(nt);
            for (int j = 0; j < nt; j++) {
                String key = in.readUTF().intern();
                t.add(new String[] {key, in.readBoolean() ? in.readUTF().intern() : null});
            }
            m.put(k, new LinkEntry(t, in.readLong(), in.readInt(), Digest.read(in), in.readBoolean()));
        }
        return m;
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
