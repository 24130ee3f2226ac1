package vn.trang.cache;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Feeds typed values into SHA-256 through a small buffer. Every value is written with its type
 * and length, so different sequences of values never hash alike by concatenation.
 */
public final class Hasher {

    private final MessageDigest md;
    /** Instead of {@link #md}, for page-model fingerprints only ({@link #forModels}). */
    private final ModelDigest model;
    /**
     * Values are gathered here before the digest sees them. It starts small and grows to
     * {@link #MAX_BUFFER} the first time it fills: most hashers (a fingerprint per item, list and page, a cache
     * key per file) hash a few hundred bytes, and 8 KB zeroed for each was a tenth of the parse
     * stage of a one-file edit. The digest does not depend on how the bytes are chunked.
     */
    private byte[] buf = new byte[256];
    private static final int MAX_BUFFER = 8192;
    private int pos;

    private static final MessageDigest PROTOTYPE;

    static {
        try {
            PROTOTYPE = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public Hasher() {
        md = fresh();
        model = null;
    }

    private Hasher(ModelDigest model) {
        this.md = null;
        this.model = model;
    }

    /**
     * A hasher for {@link Fingerprints}: the same encoding of values, hashed with
     * {@link ModelDigest} instead of SHA-256 (see there for why that is enough and faster).
     */
    static Hasher forModels() {
        return new Hasher(new ModelDigest());
    }

    private void update(byte[] b, int off, int len) {
        if (model != null) {
            model.update(b, off, len);
        } else {
            md.update(b, off, len);
        }
    }

    private static MessageDigest fresh() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException x) {
                throw new IllegalStateException(x);
            }
        }
    }

    private void room(int n) {
        if (pos + n > buf.length) {
            if (buf.length < MAX_BUFFER) {
                buf = java.util.Arrays.copyOf(buf, MAX_BUFFER);
                return;
            }
            update(buf, 0, pos);
            pos = 0;
        }
    }

    public Hasher tag(int t) {
        room(1);
        buf[pos++] = (byte) t;
        return this;
    }

    public Hasher putInt(int v) {
        room(5);
        buf[pos++] = 'i';
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    public Hasher putLong(long v) {
        room(9);
        buf[pos++] = 'l';
        for (int s = 56; s >= 0; s -= 8) {
            buf[pos++] = (byte) (v >>> s);
        }
        return this;
    }

    public Hasher putBoolean(boolean v) {
        room(2);
        buf[pos++] = 'b';
        buf[pos++] = (byte) (v ? 1 : 0);
        return this;
    }

    public Hasher putDigest(Digest d) {
        room(1);
        buf[pos++] = 'd';
        putRawLong(d.a());
        putRawLong(d.b());
        putRawLong(d.c());
        putRawLong(d.d());
        return this;
    }

    private void putRawLong(long v) {
        room(8);
        for (int s = 56; s >= 0; s -= 8) {
            buf[pos++] = (byte) (v >>> s);
        }
    }

    /** A string as its UTF-16 code units, length first; null is distinct from "". */
    public Hasher putString(String s) {
        if (s == null) {
            room(1);
            buf[pos++] = 'N';
            return this;
        }
        int n = s.length();
        room(5);
        buf[pos++] = 's';
        buf[pos++] = (byte) (n >>> 24);
        buf[pos++] = (byte) (n >>> 16);
        buf[pos++] = (byte) (n >>> 8);
        buf[pos++] = (byte) n;
        int i = 0;
        while (i < n) {
            room(2);
            int chunk = Math.min(n - i, (buf.length - pos) / 2);
            for (int k = 0; k < chunk; k++) {
                char c = s.charAt(i++);
                buf[pos++] = (byte) (c >>> 8);
                buf[pos++] = (byte) c;
            }
        }
        return this;
    }

    public Hasher putBytes(byte[] b, int off, int len) {
        putInt(len);
        if (pos > 0) {
            update(buf, 0, pos);
            pos = 0;
        }
        update(b, off, len);
        return this;
    }

    public Digest digest() {
        update(buf, 0, pos);
        pos = 0;
        return Digest.of(model != null ? model.digest() : md.digest());
    }

    /** SHA-256 of raw bytes (file contents): comparable with {@code sha256sum}. */
    public static Digest ofBytes(byte[] b) {
        return Digest.of(fresh().digest(b));
    }
}
