package vn.trang.cache;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import vn.trang.link.DocumentLinker;
import vn.trang.model.Body;
import vn.trang.model.Item;
import vn.trang.model.LegalDocument;

/**
 * The link half of the build cache: a linked body is reused when the body it was made from is
 * the same and every lookup it made resolves as it did then. Linked bodies go to
 * {@code bodies.dat} even when the cache is off, so memory does not grow with the text.
 */
final class LinkCache implements DocumentLinker.LinkMemo {

    private final boolean enabled;
    private final BodyStore bodies;
    private final CacheDamage damage;
    private final Digest code;
    private final Map<Digest, LinkEntry> prev;
    private final Map<Digest, LinkEntry> now = new ConcurrentHashMap<>();
    /** Entries of the last build whose body was checked in this one: intact or not. */
    private final Map<Digest, Boolean> intact = new ConcurrentHashMap<>();
    /** Target keys repeat across bodies: one string each. */
    private final Map<String, String> strings = new ConcurrentHashMap<>();

    final AtomicInteger fresh = new AtomicInteger();
    final AtomicInteger cached = new AtomicInteger();

    LinkCache(boolean enabled, BodyStore bodies, CacheDamage damage, Digest code, Map<Digest, LinkEntry> prev) {
        this.enabled = enabled;
        this.bodies = bodies;
        this.damage = damage;
        this.code = code;
        this.prev = prev;
    }

    @Override
    public Body recall(Item item, Function<String, String> target) {
        if (!enabled) {
            return null;
        }
        Digest k = key(item);
        LinkEntry before = prev.get(k);
        LinkEntry e = before == null || before.bodyOffset() < 0 || intact.computeIfAbsent(k, x -> {
            boolean ok = bodies.intact(before.bodyOffset(), before.bodyLength(), before.bodyCrc());
            damage.add(CacheDamage.Kind.BODIES, ok ? 0 : 1);
            return ok;
        }) ? before : null;
        if (e == null) {
            e = now.get(k);
        }
        if (e == null) {
            return null;
        }
        for (String[] t : e.targets()) {
            if (!Objects.equals(target.apply(t[0]), t[1])) {
                return null;
            }
        }
        now.put(k, e);
        cached.incrementAndGet();
        return e.bodyOffset() < 0 ? item.meta().body()
                : bodies.ref(e.bodyOffset(), e.bodyLength(), e.bodyDigest(), e.bodyBlank(), e.bodyCrc());
    }

    @Override
    public Body remember(Item item, Map<String, String> targets, String html) {
        fresh.incrementAndGet();
        BodyStore.Stored stored = html == null ? null : bodies.put(html);
        if (enabled) {
            List<String[]> t = new ArrayList<>(targets.size());
            targets.forEach((k, v) -> t.add(new String[] {intern(k), v}));
            now.put(key(item), new LinkEntry(t, stored == null ? -1 : stored.offset(),
                    stored == null ? 0 : stored.length(), stored == null ? Digest.ZERO : stored.digest(),
                    stored != null && stored.isBlank(), stored == null ? 0 : stored.crc()));
        }
        return stored == null ? item.meta().body() : stored;
    }

    /** The entries of this build, for {@code state.bin}. */
    Map<Digest, LinkEntry> entries() {
        return now;
    }

    private String intern(String s) {
        return s == null ? null : strings.computeIfAbsent(s, x -> x);
    }

    private Digest key(Item item) {
        Body b = item.meta().body();
        Digest bd = b instanceof BodyStore.Stored s ? s.digest() : Hasher.ofBytes(b.html().getBytes(StandardCharsets.UTF_8));
        return new Hasher().putString("link").putDigest(code).putDigest(bd)
                .putString(item instanceof LegalDocument d ? d.numberKey() : null)
                .putBoolean(item instanceof LegalDocument).digest();
    }
}
