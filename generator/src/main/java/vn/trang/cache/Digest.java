package vn.trang.cache;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HexFormat;

/** A SHA-256 digest, as four longs (compact map keys, cheap equality). */
public record Digest(long a, long b, long c, long d) {

    public static final Digest ZERO = new Digest(0, 0, 0, 0);

    static Digest of(byte[] sha) {
        return new Digest(longAt(sha, 0), longAt(sha, 8), longAt(sha, 16), longAt(sha, 24));
    }

    private static long longAt(byte[] b, int i) {
        long v = 0;
        for (int k = 0; k < 8; k++) {
            v = (v << 8) | (b[i + k] & 0xff);
        }
        return v;
    }

    public void write(DataOutput out) throws IOException {
        out.writeLong(a);
        out.writeLong(b);
        out.writeLong(c);
        out.writeLong(d);
    }

    public static Digest read(DataInput in) throws IOException {
        return new Digest(in.readLong(), in.readLong(), in.readLong(), in.readLong());
    }

    public String hex() {
        HexFormat h = HexFormat.of();
        return h.toHexDigits(a) + h.toHexDigits(b) + h.toHexDigits(c) + h.toHexDigits(d);
    }

    @Override
    public String toString() {
        return hex().substring(0, 16);
    }
}
