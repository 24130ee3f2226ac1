package vn.trang.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.eclipse.jgit.lib.ObjectId;

import vn.trang.diag.Diagnostic;
import vn.trang.diag.Diagnostics;
import vn.trang.load.SourceFile;
import vn.trang.model.Body;
import vn.trang.model.Item;
import vn.trang.parse.ContentParser;
import vn.trang.parse.schema.FileDependencies;

/**
 * The parse half of the build cache: recalls a content file's item from {@code items.log} when
 * neither the file, its site, nor any file its parsing looked at changed; parses it and appends
 * the item otherwise. Safe to call from the parse stage's threads.
 */
final class ParseCache {

    private final boolean enabled;
    private final FileStates files;
    private final BodyStore bodies;
    private final CacheDamage damage;
    private final Digest code;
    private final String rootKey;
    /**
     * Blob ids only matter where Git can vouch for a file ({@code --since}); elsewhere (a
     * province outside Git, the benchmark corpora) they would be one more hash of every file read.
     */
    private final boolean blobIds;

    private final Map<String, ParseEntry> prev;
    private final Map<String, ParseEntry> now = new ConcurrentHashMap<>();
    private final FileChannel itemsLog;
    private long itemsEnd;

    final AtomicInteger fresh = new AtomicInteger();
    final AtomicInteger cached = new AtomicInteger();

    /** The Git index's blob ids of content files, read once, the first time one is trusted. */
    private volatile Map<String, ObjectId> gitBlobs;

    /** @param itemsLog the open {@code items.log}, null when the cache is off */
    ParseCache(boolean enabled, FileStates files, BodyStore bodies, CacheDamage damage, Digest code, String rootKey,
               Map<String, ParseEntry> prev, FileChannel itemsLog, long itemsEnd) {
        this.enabled = enabled;
        this.files = files;
        this.bodies = bodies;
        this.damage = damage;
        this.code = code;
        this.rootKey = rootKey;
        this.blobIds = GitChanges.inWorkTree(Path.of(rootKey));
        this.prev = prev;
        this.itemsLog = itemsLog;
        this.itemsEnd = itemsEnd;
    }

    /** See {@link BuildCache#parse}. */
    BuildCache.Parsed parse(SourceFile source, ContentParser parser, Digest siteKey, Function<String, vn.trang.model.Site> sites,
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
        if (key != null && enabled) {
            ParseEntry e = prev.get(source.display());
            if (e != null && e.key().equals(key) && depsUnchanged(e.deps())) {
                try {
                    BuildCache.Parsed p = recall(e, sites);
                    if (p != null) {
                        now.put(source.display(), e);
                        cached.incrementAndGet();
                        return new BuildCache.Parsed(p.item(), p.diagnostics(), true,
                                ParseEntry.identity(e.key(), e.deps()));
                    }
                } catch (IOException | RuntimeException ex) {
                    // intact but not readable now (a site it names is gone): parse again below
                }
            }
        }
        fresh.incrementAndGet();
        Diagnostics local = new Diagnostics();
        Optional<Item> item;
        List<Path> looked;
        FileDependencies dependencies = new FileDependencies();
        item = bytes != null ? parser.parse(source, bytes, local, dependencies) : parser.parse(source, local, dependencies);
        looked = dependencies.files();
        Digest identity = key != null && enabled ? remember(source, key, looked, item, local) : null;
        return new BuildCache.Parsed(item, local.list(), false, identity);
    }

    private ObjectId gitBlob(SourceFile source) {
        Map<String, ObjectId> m = gitBlobs;
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

    private boolean depsUnchanged(List<ParseEntry.Dep> deps) {
        for (ParseEntry.Dep d : deps) {
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
    private BuildCache.Parsed recall(ParseEntry e, Function<String, vn.trang.model.Site> sites) throws IOException {
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
        CodecReader r = new CodecReader(new DataInputStream(new ByteArrayInputStream(buf)), sites, body);
        Object item = r.value();
        int n = r.varint();
        List<Diagnostic> diags = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            diags.add((Diagnostic) r.value());
        }
        return new BuildCache.Parsed(Optional.ofNullable((Item) item), diags, true, null);
    }

    /** Caches a parsed item; returns its {@linkplain BuildCache.Parsed#identity identity}, or null when it could not be cached. */
    private Digest remember(SourceFile source, Digest key, List<Path> looked, Optional<Item> item, Diagnostics local) {
        try {
            List<ParseEntry.Dep> deps = new ArrayList<>();
            for (Path f : looked) {
                deps.add(new ParseEntry.Dep(f.toString(), files.digest(f)));
            }
            ByteArrayOutputStream bos = new ByteArrayOutputStream(2048);
            CodecWriter w = new CodecWriter(new DataOutputStream(bos));
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
            now.put(source.display(), new ParseEntry(key, at, bytes.length, Records.crc(bytes, 0, bytes.length),
                    stored == null ? -1 : stored.offset(), stored == null ? 0 : stored.length(),
                    stored == null ? Digest.ZERO : stored.digest(), stored != null && stored.isBlank(),
                    stored == null ? 0 : stored.crc(), List.copyOf(deps)));
            return ParseEntry.identity(key, deps);
        } catch (Codec.Unsupported | IOException e) {
            // Not cacheable (a model value the codec does not know): parsed again next time.
            return null;
        }
    }

    /** A body in this cache's store (bodies made elsewhere are stored now). */
    private BodyStore.Stored persist(Body b) {
        if (b instanceof BodyStore.Stored s && s.store() == bodies) {
            return s;
        }
        return bodies.put(b.html());
    }

    /** A {@code --site} build keeps the entries of files it did not visit. */
    void keepUnvisited() {
        prev.forEach(now::putIfAbsent);
    }

    /** The entries of this build, for {@code state.bin}. */
    Map<String, ParseEntry> entries() {
        return now;
    }

    /** How much of {@code items.log} this build's entries reference, flushed to disk. */
    synchronized long forceLog() throws IOException {
        itemsLog.force(false);
        return itemsEnd;
    }

    void close() throws IOException {
        if (itemsLog != null) {
            itemsLog.close();
        }
    }
}
