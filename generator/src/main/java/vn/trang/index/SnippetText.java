package vn.trang.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * The stored snippet text of a hit ({@link SearchDocument#snippetText()}), in a form a snippet can
 * be cut from without decoding the whole text: the text's length in UTF-16 chars, then where every
 * 64th char begins, then the text in UTF-8.
 *
 * <pre>
 *   u16 chars
 *   u16 checkpoint[k], k = 1 .. (chars - 1) / 64: the byte where char 64k begins; its top bit is
 *       set when char 64k is the second half of a character outside the BMP, whose four bytes
 *       begin there, one char earlier
 *   UTF-8 text
 * </pre>
 *
 * Offsets from the postings count UTF-16 chars, as Java strings do. Reading each hit's text as a
 * String (up to 4,000 characters, most of them outside the two passages shown) was a fifth of a
 * search's allocation and a tenth of its time at 100,000 items; walking the UTF-8 bytes from the
 * start to find each passage cost as much. With the checkpoints a char offset is at most 64 chars
 * of walking away, for about 3 % more stored bytes.
 *
 * <p>An instance reads one hit after another ({@link #read}), reusing its buffer.
 */
public final class SnippetText extends StoredFieldVisitor {

    static final int STEP = 64;
    private static final int INSIDE_PAIR = 0x8000;

    private byte[] bytes = new byte[16 * 1024];
    private int[] checkpoints = new int[64];
    private int textStart;
    private int length;
    private int chars;
    private boolean found;

    /** The stored form of {@code text} (at most 65,535 chars, and 32,767 bytes before its last checkpoint). */
    public static BytesRef encode(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int chars = text.length();
        if (chars > 0xFFFF) {
            throw new IllegalArgumentException("snippet text too long: " + chars + " chars");
        }
        int n = chars == 0 ? 0 : (chars - 1) / STEP;
        byte[] out = new byte[2 + 2 * n + utf8.length];
        putShort(out, 0, chars);
        int c = 0;
        int b = 0;
        for (int k = 1; k <= n; k++) {
            int target = k * STEP;
            int flag = 0;
            while (c < target) {
                int width = width(utf8[b]);
                int units = width == 4 ? 2 : 1;
                if (c + units > target) {
                    flag = INSIDE_PAIR;
                    break;
                }
                c += units;
                b += width;
            }
            if (b >= INSIDE_PAIR) {
                throw new IllegalArgumentException("snippet text too long: " + b + " bytes before char " + target);
            }
            putShort(out, 2 * k, b | flag);
        }
        System.arraycopy(utf8, 0, out, 2 + 2 * n, utf8.length);
        return new BytesRef(out);
    }

    /** Reads the stored text of {@code doc}; false if it has none. */
    public boolean read(StoredFields stored, int doc) throws IOException {
        found = false;
        stored.document(doc, this);
        if (!found) {
            chars = 0;
            return false;
        }
        chars = getShort(bytes, 0);
        int n = chars == 0 ? 0 : (chars - 1) / STEP;
        if (checkpoints.length < n + 1) {
            checkpoints = new int[ArrayUtil.oversize(n + 1, Integer.BYTES)];
        }
        for (int k = 1; k <= n; k++) {
            checkpoints[k] = getShort(bytes, 2 * k);
        }
        textStart = 2 + 2 * n;
        return true;
    }

    /** The text's length in UTF-16 chars. */
    public int chars() {
        return chars;
    }

    /**
     * The text between two char offsets ({@code 0 <= from <= to <= chars()}), exactly {@code to -
     * from} chars long: an end that falls between the two halves of a character outside the BMP
     * keeps its half, as {@link String#substring} would.
     */
    public String substring(int from, int to) {
        long b = locate(from);
        long e = locate(to);
        boolean fromInside = (b & 1) != 0;
        boolean toInside = (e & 1) != 0;
        int bi = (int) (b >>> 1);
        int ei = (int) (e >>> 1);
        if (toInside) {
            ei = Math.min(length, ei + 4);
        }
        String s = new String(bytes, bi, ei - bi, StandardCharsets.UTF_8);
        return s.substring(fromInside ? 1 : 0, s.length() - (toInside ? 1 : 0));
    }

    /**
     * Where char {@code target} begins: the offset in the buffer shifted left by one, with the low bit set
     * when {@code target} is the second half of a surrogate pair (the offset is then that of its
     * four-byte sequence).
     */
    private long locate(int target) {
        int k = Math.min(target / STEP, chars == 0 ? 0 : (chars - 1) / STEP);
        int c;
        int i;
        if (k == 0) {
            c = 0;
            i = textStart;
        } else {
            int cp = checkpoints[k];
            i = textStart + (cp & ~INSIDE_PAIR);
            c = k * STEP - ((cp & INSIDE_PAIR) != 0 ? 1 : 0);
        }
        while (c < target && i < length) {
            int width = width(bytes[i]);
            int units = width == 4 ? 2 : 1;
            if (c + units > target) {
                return (long) i << 1 | 1;
            }
            c += units;
            i += width;
        }
        return (long) Math.min(i, length) << 1;
    }

    /** Bytes of the UTF-8 sequence a lead byte starts (1 for a stray continuation byte). */
    private static int width(byte lead) {
        int v = lead & 0xFF;
        return v < 0xC0 ? 1 : v < 0xE0 ? 2 : v < 0xF0 ? 3 : 4;
    }

    private static void putShort(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    private static int getShort(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    @Override
    public Status needsField(FieldInfo fieldInfo) {
        if (found) {
            return Status.STOP;
        }
        return SearchFields.BODY.equals(fieldInfo.name) ? Status.YES : Status.NO;
    }

    @Override
    public void binaryField(FieldInfo fieldInfo, DataInput value, int len) throws IOException {
        if (bytes.length < len) {
            bytes = new byte[ArrayUtil.oversize(len, 1)];
        }
        value.readBytes(bytes, 0, len);
        length = len;
        found = true;
    }

    @Override
    public void binaryField(FieldInfo fieldInfo, byte[] value) {
        if (bytes.length < value.length) {
            bytes = new byte[ArrayUtil.oversize(value.length, 1)];
        }
        System.arraycopy(value, 0, bytes, 0, value.length);
        length = value.length;
        found = true;
    }
}
