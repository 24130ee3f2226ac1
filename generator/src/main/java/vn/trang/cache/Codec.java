package vn.trang.cache;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import vn.trang.model.Body;
import vn.trang.model.Site;

/**
 * A compact binary form of the typed model (records, enums, lists, maps, strings, dates), for
 * the build cache's parsed items. Reflective, so a record that gains a field needs no codec
 * change; the whole cache is invalidated when the generator's code changes ({@link
 * CodeIdentity}), so stored data always matches the classes reading it.
 *
 * <p>Sites are written by id and resolved against the current registry; an item's body is kept
 * beside it (in the {@link BodyStore}) and handed back on reading. A value of any other kind makes {@link Unsupported} fly: the entry is
 * then simply not cached.
 */
final class Codec {

    /** A value the codec does not know how to store. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    private static final int NULL = 0;
    private static final int STR = 1;
    private static final int STR_REF = 2;
    private static final int INT = 3;
    private static final int LONG = 4;
    private static final int TRUE = 5;
    private static final int FALSE = 6;
    private static final int DOUBLE = 7;
    private static final int DATE = 8;
    private static final int DATE_TIME = 9;
    private static final int LIST = 10;
    private static final int MAP = 11;
    private static final int SET = 12;
    private static final int ENUM = 13;
    private static final int RECORD = 14;
    private static final int SITE = 15;
    private static final int BODY = 16;
    private static final int OPT_EMPTY = 17;
    private static final int OPT = 18;
    private static final int CHAR = 19;
    private static final int TIME = 20;
    private static final int FLOAT = 21;

    /** How a record class is taken apart and put together again. */
    private record Shape(Class<?> type, MethodHandle[] accessors, MethodHandle constructor) {
    }

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private static Shape shape(Class<?> c) {
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

    // ---- writing --------------------------------------------------------------------------

    /** Writes values into one stream, sharing a string and class table. */
    static final class Writer {
        private final DataOutputStream out;
        private final Map<String, Integer> strings = new HashMap<>();
        private final Map<Class<?>, Integer> classes = new HashMap<>();
        private Body body;

        Writer(DataOutputStream out) {
            this.out = out;
        }

        /** The body met while writing (an item's), or null. */
        Body body() {
            return body;
        }

        void string(String s) throws IOException {
            if (s == null) {
                out.writeByte(NULL);
                return;
            }
            Integer ref = strings.get(s);
            if (ref != null) {
                out.writeByte(STR_REF);
                varint(ref);
                return;
            }
            strings.put(s, strings.size());
            out.writeByte(STR);
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length);
            out.write(b);
        }

        void varint(int v) throws IOException {
            while ((v & ~0x7f) != 0) {
                out.writeByte((v & 0x7f) | 0x80);
                v >>>= 7;
            }
            out.writeByte(v);
        }

        private void type(Class<?> c) throws IOException {
            Integer ref = classes.get(c);
            if (ref != null) {
                varint(ref + 1);
                return;
            }
            classes.put(c, classes.size());
            varint(0);
            string(c.getName());
        }

        void value(Object v) throws IOException {
            if (v == null) {
                out.writeByte(NULL);
            } else if (v instanceof String s) {
                string(s);
            } else if (v instanceof Integer i) {
                out.writeByte(INT);
                out.writeInt(i);
            } else if (v instanceof Long l) {
                out.writeByte(LONG);
                out.writeLong(l);
            } else if (v instanceof Boolean b) {
                out.writeByte(b ? TRUE : FALSE);
            } else if (v instanceof Double d) {
                out.writeByte(DOUBLE);
                out.writeDouble(d);
            } else if (v instanceof Float f) {
                out.writeByte(FLOAT);
                out.writeFloat(f);
            } else if (v instanceof Character c) {
                out.writeByte(CHAR);
                out.writeChar(c);
            } else if (v instanceof LocalDate d) {
                out.writeByte(DATE);
                out.writeLong(d.toEpochDay());
            } else if (v instanceof LocalDateTime t) {
                out.writeByte(DATE_TIME);
                out.writeLong(t.toLocalDate().toEpochDay());
                out.writeLong(t.toLocalTime().toNanoOfDay());
            } else if (v instanceof LocalTime t) {
                out.writeByte(TIME);
                out.writeLong(t.toNanoOfDay());
            } else if (v instanceof Site s) {
                out.writeByte(SITE);
                string(s.id());
            } else if (v instanceof Body b) {
                // An item has one body; it is kept beside the encoded item, not inside it, so the
                // body store can be compacted without re-encoding items.
                if (body != null && body != b) {
                    throw new Unsupported("more than one body");
                }
                body = b;
                out.writeByte(BODY);
            } else if (v instanceof Enum<?> e) {
                out.writeByte(ENUM);
                type(e.getDeclaringClass());
                varint(e.ordinal());
            } else if (v instanceof Record r) {
                Shape s = shape(r.getClass());
                out.writeByte(RECORD);
                type(r.getClass());
                for (MethodHandle a : s.accessors()) {
                    try {
                        value((Object) a.invokeExact((Object) r));
                    } catch (IOException | RuntimeException e) {
                        throw e;
                    } catch (Throwable t) {
                        throw new Unsupported(t.toString());
                    }
                }
            } else if (v instanceof List<?> l) {
                out.writeByte(LIST);
                varint(l.size());
                for (Object o : l) {
                    value(o);
                }
            } else if (v instanceof Set<?> st) {
                out.writeByte(SET);
                varint(st.size());
                for (Object o : st) {
                    value(o);
                }
            } else if (v instanceof Map<?, ?> m) {
                out.writeByte(MAP);
                varint(m.size());
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    value(e.getKey());
                    value(e.getValue());
                }
            } else if (v instanceof Optional<?> o) {
                if (o.isEmpty()) {
                    out.writeByte(OPT_EMPTY);
                } else {
                    out.writeByte(OPT);
                    value(o.get());
                }
            } else {
                throw new Unsupported(v.getClass().getName());
            }
        }
    }

    // ---- reading --------------------------------------------------------------------------

    /** Reads values written by one {@link Writer}. */
    static final class Reader {
        private final DataInputStream in;
        private final List<String> strings = new ArrayList<>();
        private final List<Class<?>> classes = new ArrayList<>();
        private final Function<String, Site> sites;
        private final Body body;

        /** @param body what the body written with the value stands for */
        Reader(DataInputStream in, Function<String, Site> sites, Body body) {
            this.in = in;
            this.sites = sites;
            this.body = body;
        }

        int varint() throws IOException {
            int v = 0;
            int shift = 0;
            while (true) {
                int b = in.readUnsignedByte();
                v |= (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
                shift += 7;
            }
        }

        String string() throws IOException {
            int tag = in.readUnsignedByte();
            return stringAfter(tag);
        }

        private String stringAfter(int tag) throws IOException {
            switch (tag) {
                case NULL:
                    return null;
                case STR_REF:
                    return strings.get(varint());
                case STR: {
                    byte[] b = new byte[varint()];
                    in.readFully(b);
                    String s = new String(b, StandardCharsets.UTF_8);
                    strings.add(s);
                    return s;
                }
                default:
                    throw new IOException("bộ nhớ đệm hỏng: chuỗi có thẻ " + tag);
            }
        }

        private Class<?> type() throws IOException {
            int ref = varint();
            if (ref > 0) {
                return classes.get(ref - 1);
            }
            String name = string();
            try {
                Class<?> c = Class.forName(name, false, Codec.class.getClassLoader());
                classes.add(c);
                return c;
            } catch (ClassNotFoundException e) {
                throw new IOException("bộ nhớ đệm hỏng: không có lớp " + name);
            }
        }

        Object value() throws IOException {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case NULL:
                    return null;
                case STR:
                case STR_REF:
                    return stringAfter(tag);
                case INT:
                    return in.readInt();
                case LONG:
                    return in.readLong();
                case TRUE:
                    return Boolean.TRUE;
                case FALSE:
                    return Boolean.FALSE;
                case DOUBLE:
                    return in.readDouble();
                case FLOAT:
                    return in.readFloat();
                case CHAR:
                    return in.readChar();
                case DATE:
                    return LocalDate.ofEpochDay(in.readLong());
                case DATE_TIME:
                    return LocalDateTime.of(LocalDate.ofEpochDay(in.readLong()), LocalTime.ofNanoOfDay(in.readLong()));
                case TIME:
                    return LocalTime.ofNanoOfDay(in.readLong());
                case SITE: {
                    String id = string();
                    Site s = sites.apply(id);
                    if (s == null) {
                        throw new IOException("bộ nhớ đệm: không còn trang " + id);
                    }
                    return s;
                }
                case BODY:
                    if (body == null) {
                        throw new IOException("bộ nhớ đệm hỏng: thiếu nội dung bài");
                    }
                    return body;
                case ENUM: {
                    Class<?> c = type();
                    return c.getEnumConstants()[varint()];
                }
                case RECORD: {
                    Class<?> c = type();
                    Shape s = shape(c);
                    Object[] args = new Object[s.accessors().length];
                    for (int i = 0; i < args.length; i++) {
                        args[i] = value();
                    }
                    try {
                        return (Object) s.constructor().invokeExact(args);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Throwable t) {
                        throw new IOException("bộ nhớ đệm: không dựng lại được " + c.getName() + ": " + t, t);
                    }
                }
                case LIST: {
                    int n = varint();
                    List<Object> l = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        l.add(value());
                    }
                    return l;
                }
                case SET: {
                    int n = varint();
                    Set<Object> st = new LinkedHashSet<>();
                    for (int i = 0; i < n; i++) {
                        st.add(value());
                    }
                    return st;
                }
                case MAP: {
                    int n = varint();
                    Map<Object, Object> m = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        Object k = value();
                        m.put(k, value());
                    }
                    return m;
                }
                case OPT_EMPTY:
                    return Optional.empty();
                case OPT:
                    return Optional.ofNullable(value());
                default:
                    throw new IOException("bộ nhớ đệm hỏng: thẻ " + tag);
            }
        }
    }
}
