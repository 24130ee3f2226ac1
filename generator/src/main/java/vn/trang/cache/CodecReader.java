package vn.trang.cache;

import static vn.trang.cache.Codec.*;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import vn.trang.model.Body;
import vn.trang.model.Site;

/** Reads values written by one {@link CodecWriter}. */
final class CodecReader {
    private final DataInputStream in;
    private final List<String> strings = new ArrayList<>();
    private final List<Class<?>> classes = new ArrayList<>();
    private final Function<String, Site> sites;
    private final Body body;

    /** @param body what the body written with the value stands for */
    CodecReader(DataInputStream in, Function<String, Site> sites, Body body) {
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
