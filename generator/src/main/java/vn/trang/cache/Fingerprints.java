package vn.trang.cache;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

import vn.trang.model.Body;

/**
 * A 256-bit hash ({@link ModelDigest}) of a template model: every value a template can reach, walked through record
 * components, collections and maps (in iteration order, which is what a template sees). Two
 * models with the same fingerprint render the same page with the same templates, so an output
 * whose fingerprint did not change since the last build need not be rendered again.
 *
 * <p>Bodies count by the SHA-256 of their HTML. Objects the walk cannot see into (lambdas,
 * anything not a record, collection, map or plain value, outside Trang's stateless helpers) make
 * the model {@link Opaque}: such an output is always rendered. Shared objects (items, sites, the
 * UI strings, long lists) are hashed once per build.
 */
public final class Fingerprints {

    /** A model holding something whose state the walk cannot see. */
    public static final class Opaque extends Exception {
        Opaque(String what) {
            super(what, null, false, false);
        }
    }

    private static final int MAX_DEPTH = 64;
    /**
     * A record's or enum's class, hashed as a 64-bit hash of its name computed once: page models
     * hold many small records (links, breadcrumbs, facet values), and their class names were a
     * tenth of fingerprinting. Stable from run to run, as fingerprints must be.
     */
    private static final ClassValue<Long> NAME_HASH = new ClassValue<>() {
        @Override
        protected Long computeValue(Class<?> c) {
            long h = 0xcbf29ce484222325L; // FNV-1a, 64 bits
            String n = c.getName();
            for (int i = 0; i < n.length(); i++) {
                h = (h ^ n.charAt(i)) * 0x100000001b3L;
            }
            return h;
        }
    };
    /**
     * Per class: its record components' accessors, and whether it has no state worth hashing.
     * Static caches, and safe: keyed by class, they hold what reflection says about the code (the
     * same in every build of one JVM), no build data.
     */
    private static final Map<Class<?>, MethodHandle[]> COMPONENTS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Boolean> STATELESS = new ConcurrentHashMap<>();

    /**
     * Digests of shared objects, by identity, for every thread: an item is hashed once per build,
     * not once per render thread (at 10,000 pages, hashing items was most of a one-file edit's
     * render stage).
     */
    private final Map<Identity, Digest> memo = new ConcurrentHashMap<>();

    /**
     * Items fingerprinted from their parse identities ({@link #learnItems}). Not forgotten by
     * {@link #clear}: it holds only digests, and the index state asks for every item again after
     * the pages.
     */
    private final Map<Identity, Digest> items = new ConcurrentHashMap<>();
    /** While {@link #learnItems} runs: each linked item's parsed form and parse identity. */
    private volatile Map<Identity, Origin> origins = Map.of();

    private record Origin(Object parsed, Digest identity) {
    }

    /** A key equal only to the same object. */
    private record Identity(Object o) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity i && i.o == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(o);
        }
    }

    /** The fingerprint of one value (a template's whole model, usually). */
    public Digest of(Object value) throws Opaque {
        Hasher h = Hasher.forModels();
        put(h, value, 0);
        return h.digest();
    }

    /** Forgets what was memoised (objects of a finished build). */
    public void clear() {
        memo.clear();
    }

    /**
     * Fingerprints the build's linked items from what the build cache knows of them (at
     * 10,000 pages, walking every item was most of the fingerprinting of a one-file edit, the
     * same work every build). An item parsed from a file is a function of its parse identity
     * ({@link BuildCache.Parsed#identity}): the build cache already recalls items by it. The link
     * stage then replaces some of its values (body, citations, a document's links) and keeps the
     * rest as the very same objects. So a linked item is hashed as its parsed form's identity plus,
     * walking it beside its parsed form, each value that is not the same object as the parsed
     * one's; the values it shares are a mark only. What the link stage changes is always hashed,
     * whatever it is, so nothing here needs to know what linking does.
     *
     * <p>Deterministic: an item with an identity is always hashed this way (never walked whole),
     * so the next build's fingerprint of an unchanged page is the same.
     *
     * @param linked     the linked items
     * @param parsed     the same items as parsed, in the same order
     * @param identities their parse identities, null where there is none (those are walked whole)
     */
    public void learnItems(List<?> linked, List<?> parsed, List<Digest> identities, int threads) {
        if (linked.size() != parsed.size() || parsed.size() != identities.size()) {
            throw new IllegalArgumentException("linked, parsed and identities differ in length");
        }
        Map<Identity, Origin> o = new HashMap<>(linked.size() * 2);
        for (int i = 0; i < linked.size(); i++) {
            if (identities.get(i) != null) {
                o.put(new Identity(linked.get(i)), new Origin(parsed.get(i), identities.get(i)));
            }
        }
        origins = o;
        try {
            ofEach(linked, threads); // memoises each item's digest
        } finally {
            origins = Map.of(); // the parsed forms may go
        }
    }

    /**
     * The fingerprint of each value, on {@code threads} threads; null for a value that cannot be
     * fingerprinted ({@link Opaque}).
     */
    public Digest[] ofEach(List<?> values, int threads) {
        Digest[] out = new Digest[values.size()];
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            pool.submit(() -> IntStream.range(0, values.size()).parallel().forEach(i -> {
                try {
                    out[i] = of(values.get(i));
                } catch (Opaque e) {
                    out[i] = null;
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        return out;
    }

    private Digest memoised(Object v, int depth) throws Opaque {
        Identity key = new Identity(v);
        Digest d = items.get(key);
        if (d != null) {
            return d;
        }
        Origin origin = origins.get(key);
        if (origin != null) {
            Hasher h = Hasher.forModels();
            h.tag('K').putDigest(origin.identity());
            putAgainst(h, v, origin.parsed(), depth);
            d = h.digest();
            items.put(key, d);
            return d;
        }
        d = memo.get(key);
        if (d == null) {
            // Not computeIfAbsent: the walk memoises nested objects into the same map. Two threads
            // may hash the same object at once; they agree.
            Hasher h = Hasher.forModels();
            putDirect(h, v, depth);
            d = h.digest();
            memo.put(key, d);
        }
        return d;
    }

    private void put(Hasher h, Object v, int depth) throws Opaque {
        if (depth > MAX_DEPTH) {
            throw new Opaque("nested too deep");
        }
        if (v == null) {
            h.tag(0);
        } else if (v instanceof String s) {
            h.putString(s);
        } else if (v instanceof vn.trang.model.Item || v instanceof vn.trang.model.Site
                || (v instanceof Collection<?> c && c.size() >= 16) || (v instanceof Map<?, ?> m && m.size() >= 16)) {
            // Shared by many pages: hashed once. Small values are cheaper to hash again than to
            // digest separately.
            h.tag('M').putDigest(memoised(v, depth));
        } else {
            putDirect(h, v, depth);
        }
    }

    /**
     * {@code v} beside {@code parsed}, the value at the same place in its item's parsed form: the
     * same object is a mark (the identity fixes it), a record of the same class is walked
     * component by component, anything else is hashed in full.
     */
    private void putAgainst(Hasher h, Object v, Object parsed, int depth) throws Opaque {
        if (depth > MAX_DEPTH) {
            throw new Opaque("nested too deep");
        }
        if (v == parsed) {
            h.tag('=');
        } else if (v instanceof Record r && parsed != null && parsed.getClass() == v.getClass()
                && !(v instanceof BodyStore.Stored) && !(v instanceof Body.Inline)) {
            for (MethodHandle a : recordHeader(h, r)) {
                putAgainst(h, component(a, r), component(a, parsed), depth + 1);
            }
        } else {
            put(h, v, depth + 1);
        }
    }

    private void putDirect(Hasher h, Object v, int depth) throws Opaque {
        if (v instanceof BodyStore.Stored b) {
            h.tag('B').putDigest(b.digest());
        } else if (v instanceof Body.Inline b) {
            h.tag('B').putDigest(Hasher.ofBytes(b.html().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } else if (v instanceof Record r) {
            for (MethodHandle a : recordHeader(h, r)) {
                put(h, component(a, r), depth + 1);
            }
        } else if (unordered(v)) {
            // Map.of / Set.of / copyOf: their iteration order changes from one run to the next, so
            // it cannot matter to a page (a page that depended on it would differ between two
            // whole builds too). Hashed in an order of their own, so every run agrees.
            List<Digest> parts = new ArrayList<>();
            if (v instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    Hasher x = Hasher.forModels();
                    put(x, e.getKey(), depth + 1);
                    put(x, e.getValue(), depth + 1);
                    parts.add(x.digest());
                }
            } else {
                for (Object o : (Collection<?>) v) {
                    Hasher x = Hasher.forModels();
                    put(x, o, depth + 1);
                    parts.add(x.digest());
                }
            }
            parts.sort(DIGEST_ORDER);
            h.tag('U').putInt(parts.size());
            for (Digest p : parts) {
                h.putDigest(p);
            }
        } else if (v instanceof List<?> l) {
            h.tag('L').putInt(l.size());
            for (Object o : l) {
                put(h, o, depth + 1);
            }
        } else if (v instanceof Collection<?> c) {
            h.tag('C').putInt(c.size());
            for (Object o : c) {
                put(h, o, depth + 1);
            }
        } else if (v instanceof Map<?, ?> m) {
            h.tag('P').putInt(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                put(h, e.getKey(), depth + 1);
                put(h, e.getValue(), depth + 1);
            }
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            h.tag('I').putLong(((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            h.tag('F').putLong(Double.doubleToLongBits(((Number) v).doubleValue()));
        } else if (v instanceof Boolean b) {
            h.putBoolean(b);
        } else if (v instanceof Character c) {
            h.tag('c').putInt(c);
        } else if (v instanceof Enum<?> e) {
            h.tag('E').putLong(NAME_HASH.get(e.getDeclaringClass())).putString(e.name());
        } else if (v instanceof TemporalAccessor t && v.getClass().getName().startsWith("java.time.")) {
            h.tag('T').putString(v.getClass().getName()).putString(t.toString());
        } else if (v instanceof Optional<?> o) {
            h.tag('O');
            put(h, o.orElse(null), depth + 1);
        } else if (v instanceof java.math.BigDecimal || v instanceof java.math.BigInteger) {
            h.tag('N').putString(v.toString());
        } else if (v instanceof Object[] arr) {
            h.tag('A').putInt(arr.length);
            for (Object o : arr) {
                put(h, o, depth + 1);
            }
        } else if (stateless(v.getClass())) {
            // Trang's helpers with no state of their own (date formats): only what they are.
            h.tag('H').putString(v.getClass().getName());
        } else {
            throw new Opaque(v.getClass().getName());
        }
    }

    private static final java.util.Comparator<Digest> DIGEST_ORDER = java.util.Comparator.comparingLong(Digest::a)
            .thenComparingLong(Digest::b).thenComparingLong(Digest::c).thenComparingLong(Digest::d);

    /** The JDK's immutable maps and sets, whose iteration order is randomised per run. */
    private static boolean unordered(Object v) {
        return (v instanceof Map<?, ?> || v instanceof java.util.Set<?>)
                && v.getClass().getName().startsWith("java.util.ImmutableCollections$");
    }

    /** Hashes which record this is; returns its component accessors. */
    private static MethodHandle[] recordHeader(Hasher h, Record r) throws Opaque {
        Class<?> c = r.getClass();
        h.tag('R').putLong(NAME_HASH.get(c));
        MethodHandle[] acc = components(c);
        if (acc == null) {
            throw new Opaque(c.getName());
        }
        return acc;
    }

    private static Object component(MethodHandle accessor, Object record) throws Opaque {
        try {
            return (Object) accessor.invokeExact(record);
        } catch (Throwable t) {
            throw new Opaque(record.getClass().getName() + ": " + t);
        }
    }

    private static MethodHandle[] components(Class<?> c) {
        return COMPONENTS.computeIfAbsent(c, k -> {
            RecordComponent[] rc = k.getRecordComponents();
            MethodHandle[] out = new MethodHandle[rc.length];
            try {
                for (int i = 0; i < rc.length; i++) {
                    rc[i].getAccessor().setAccessible(true);
                    out[i] = MethodHandles.lookup().unreflect(rc[i].getAccessor())
                            .asType(java.lang.invoke.MethodType.methodType(Object.class, Object.class));
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
            return out;
        });
    }

    /** A Trang class (not a lambda) without instance fields, in it or its superclasses. */
    private static boolean stateless(Class<?> c) {
        return STATELESS.computeIfAbsent(c, k -> {
            if (!k.getName().startsWith("vn.trang.") || k.isSynthetic() || k.getName().contains("$$Lambda")
                    || k.isAnonymousClass()) {
                return false;
            }
            List<Field> fields = new ArrayList<>();
            for (Class<?> x = k; x != null && x != Object.class; x = x.getSuperclass()) {
                for (Field f : x.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        fields.add(f);
                    }
                }
            }
            return fields.isEmpty();
        });
    }
}
