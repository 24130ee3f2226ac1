package vn.trang.cache;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;


/**
 * A compact binary form of the typed model (records, enums, lists, maps, strings, dates), for
 * the build cache's parsed items. Reflective, so a record that gains a field needs no codec
 * change; the whole cache is invalidated when the generator's code changes ({@link
 * CodeIdentity}), so stored data always matches the classes reading it.
 *
 * <p>Sites are written by id and resolved against the current registry; an item's body is kept
 * beside it (in the {@link BodyStore}) and handed back on reading. A value of any other kind makes
 * {@link Unsupported} fly: the entry is then simply not cached.
 *
 * <p>This class holds the format (the tags, how a record is taken apart); {@link CodecWriter}
 * and {@link CodecReader} write and read it.
 */
final class Codec {

    /** A value the codec does not know how to store. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    static final int NULL = 0;
    static final int STR = 1;
    static final int STR_REF = 2;
    static final int INT = 3;
    static final int LONG = 4;
    static final int TRUE = 5;
    static final int FALSE = 6;
    static final int DOUBLE = 7;
    static final int DATE = 8;
    static final int DATE_TIME = 9;
    static final int LIST = 10;
    static final int MAP = 11;
    static final int SET = 12;
    static final int ENUM = 13;
    static final int RECORD = 14;
    static final int SITE = 15;
    static final int BODY = 16;
    static final int OPT_EMPTY = 17;
    static final int OPT = 18;
    static final int CHAR = 19;
    static final int TIME = 20;
    static final int FLOAT = 21;

    /** How a record class is taken apart and put together again. */
    record Shape(Class<?> type, MethodHandle[] accessors, MethodHandle constructor) {
    }

    /**
     * Record shapes already looked up. A static cache, and safe: it is keyed by class and holds
     * only what reflection says about the class (the same in every build of one JVM), no build data.
     */
    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    static Shape shape(Class<?> c) {
        return SHAPES.computeIfAbsent(c, k -> {
            try {
                RecordComponent[] rc = k.getRecordComponents();
                MethodHandle[] acc = new MethodHandle[rc.length];
                Class<?>[] types = new Class<?>[rc.length];
                for (int i = 0; i < rc.length; i++) {
                    rc[i].getAccessor().setAccessible(true);
                    acc[i] = MethodHandles.lookup().unreflect(rc[i].getAccessor())
                            .asType(MethodType.methodType(Object.class, Object.class));
                    types[i] = rc[i].getType();
                }
                Constructor<?> ctor = k.getDeclaredConstructor(types);
                ctor.setAccessible(true);
                MethodHandle spread = MethodHandles.lookup().unreflectConstructor(ctor)
                        .asType(MethodType.methodType(Object.class, types))
                        .asSpreader(Object[].class, rc.length);
                return new Shape(k, acc, spread);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new Unsupported("record " + k.getName() + ": " + e);
            }
        });
    }
}
