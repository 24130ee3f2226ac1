package vn.trang.cache;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import vn.trang.diag.Diagnostic;
import vn.trang.link.DocumentLinker;
import vn.trang.load.SourceFile;
import vn.trang.model.Item;
import vn.trang.model.Site;
import vn.trang.parse.ContentParser;

/**
 * The build cache: what one build computed that the next can reuse, kept in
 * {@code .trang-cache/} under the project (Git ignores it).
 *
 * <ul>
 * <li>{@code state.bin}: each input file's size, time and SHA-256, and for content files the
 * Git blob id of the same bytes ({@link FileStates}); per
 * content file the key of its parsed item (code, site, section, path, content) with the files
 * parsing looked at; per linked body the lookups it depended on ({@link LinkCache});
 * the last output's manifest ({@link OutputManifest}) and search index key ({@link StateFile});</li>
 * <li>{@code items.log}: the parsed items, appended ({@link Codec}, {@link ParseCache});</li>
 * <li>{@code bodies.dat}: the items' bodies ({@link BodyStore});</li>
 * <li>{@code index/}: the last search index, hard links to the published one's files ({@link IndexCopy}).</li>
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
    private static final String APPLYING = "applying";

    private final Path dir;
    private final FileChannel lockChannel;
    private final BodyStore bodies;
    private final FileStates files;
    private final Digest code;
    private final String rootKey;
    private final String note;
    private final ParseCache parse;
    private final LinkCache links;
    private final OutputManifest manifest;
    private final IndexState index;
    private final String commit;
    private final IndexCopy indexCopy;
    private final CacheDamage damage;

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

    private BuildCache(Path dir, FileChannel lockChannel, BodyStore bodies, FileStates files, Digest code,
                       String rootKey, FileChannel itemsLog, long itemsEnd, StateFile st, OutputManifest manifest,
                       CacheDamage damage, String note) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.bodies = bodies;
        this.files = files;
        this.code = code;
        this.rootKey = rootKey;
        this.note = note;
        this.damage = damage;
        this.parse = new ParseCache(dir != null, files, bodies, damage, code, rootKey, st.parse(), itemsLog, itemsEnd);
        this.links = new LinkCache(dir != null, bodies, damage, code, st.links());
        this.manifest = manifest;
        this.index = st.index();
        this.commit = st.commit();
        this.indexCopy = new IndexCopy(dir == null ? null : dir.resolve("index"), st.indexFiles(), damage);
    }

    /** A cache that remembers nothing and keeps bodies in a temporary file ({@code --no-cache}). */
    public static BuildCache disabled(Path root) throws IOException {
        return disabled(root, null);
    }

    private static BuildCache disabled(Path root, String note) throws IOException {
        return new BuildCache(null, null, BodyStore.temporary(), FileStates.empty(), CodeIdentity.get(),
                root.toString(), null, 0, new StateFile(Map.of(), Map.of(), Map.of(), OutputManifest.EMPTY, null,
                Map.of(), null, 0, 0, null), OutputManifest.EMPTY, new CacheDamage(root.resolve(FOLDER)), note);
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
                return disabled(root, "bộ nhớ đệm đang được một lần dựng khác dùng; lần này dựng không dùng bộ nhớ đệm");
            }
        } catch (IOException | OverlappingFileLockException e) {
            if (lock != null) {
                lock.close();
            }
            return disabled(root, "không mở được bộ nhớ đệm " + dir + ": " + e.getMessage());
        }
        Digest code = CodeIdentity.get();
        String rootKey = root.toString();
        CacheDamage damage = new CacheDamage(dir);
        StateFile st = StateFile.read(dir.resolve("state.bin"), code, rootKey, damage);
        FileChannel log = FileChannel.open(dir.resolve("items.log"), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        BodyStore bodies = BodyStore.open(dir.resolve("bodies.dat"));
        // A log shorter than the state says was cut: entries beyond its end are dropped (the
        // others are still good), and new records go at its end.
        long itemsLen = Math.min(st.itemsLen(), log.size());
        long bodiesLen = Math.min(st.bodiesLen(), bodies.size());
        st.dropBeyond(itemsLen, bodiesLen, damage);
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
        return new BuildCache(dir, lock, bodies, new FileStates(st.files()), code, rootKey, log, itemsLen, st, manifest,
                damage, st.note());
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
        return indexCopy.dir();
    }

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
        return parse.parse(source, parser, siteKey, sites, trusted);
    }

    /** What the link stage remembers (and where it keeps linked bodies). */
    public DocumentLinker.LinkMemo linkMemo() {
        return links;
    }

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
            parse.keepUnvisited();
        }
        OutputManifest m = newManifest != null ? newManifest : manifest;
        IndexState ik = newManifest != null ? newIndex : index;
        String c = newManifest != null ? newCommit : commit;
        long itemsEnd = parse.forceLog();
        bodies.force();
        StateFile.write(dir.resolve("state.bin"), new StateFile.Header(code, rootKey, itemsEnd, bodies.size(), c), files,
                parse.entries(), links.entries(), m, ik, indexCopy.files());
        if (newManifest != null) {
            Files.deleteIfExists(dir.resolve(APPLYING));
        }
    }

    /**
     * The copy of the last build's search index, when each of its files is still the one
     * recorded (same names, sizes and SHA-256); else null, with a warning when a recorded copy
     * was found changed. Its files are hard links to an index that went into an output or a
     * release, where someone may have edited them: they are hashed before they are used again.
     */
    public Path verifiedIndexCopy() {
        return indexCopy.verified();
    }

    /** Keeps hard links to the output's new index files as the cache's copy, each file's SHA-256 recorded. */
    public void keepIndex(Path outIndex) throws IOException {
        indexCopy.keep(outIndex);
    }

    /** What this build reused and redid, for the timings line and the tests. */
    public String stats() {
        return "đọc lại " + parse.fresh.get() + " tệp, dùng lại " + parse.cached.get() + "; liên kết lại "
                + links.fresh.get() + " bài, dùng lại " + links.cached.get() + "; băm " + (files.hashedBytes() >> 10) + " KiB";
    }

    public int parsedFresh() {
        return parse.fresh.get();
    }

    public int parsedCached() {
        return parse.cached.get();
    }

    @Override
    public void close() throws IOException {
        try {
            bodies.close();
        } finally {
            parse.close();
            if (lockChannel != null) {
                lockChannel.close();
            }
        }
    }
}
