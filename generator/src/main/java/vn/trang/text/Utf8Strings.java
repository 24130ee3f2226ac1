package vn.trang.text;

import java.io.DataOutput;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Strings in binary records (spilled diagnostics, packed search answers): a big-endian int length
 * in bytes, -1 for null, then UTF-8. Unlike {@link DataOutput#writeUTF}, any length and null.
 * Written through a {@link DataOutput}, read from a {@link ByteBuffer} (a mapped file, a ring).
 */
public final class Utf8Strings {

    private Utf8Strings() {
    }

    /** Writes {@code s}; returns the bytes written. */
    public static int write(DataOutput out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return 4;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
        return 4 + b.length;
    }

    /** Reads a string written by {@link #write}, advancing the buffer past it. */
    public static String read(ByteBuffer in) throws BufferUnderflowException {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        byte[] b = new byte[length];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
