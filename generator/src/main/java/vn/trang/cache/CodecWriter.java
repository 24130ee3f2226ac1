package vn.trang.cache;

import static vn.trang.cache.Codec.*;

import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.trang.model.Body;
import vn.trang.model.Site;

/** Writes values into one stream, sharing a string and class table. */
final class CodecWriter {
    private final DataOutputStream out;
    private final Map<String, Integer> strings = new HashMap<>();
    private final Map<Class<?>, Integer> classes = new HashMap<>();
    private Body body;

    CodecWriter(DataOutputStream out) {
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
