package vn.trang.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The framing of the build cache's record files ({@code state.bin}, {@code links.bin}): sections
 * of records, each record with its length and CRC32C. A flipped byte or a torn write then costs
 * the one record it hit, found and dropped on reading, never a wrong value taken for a good one.
 *
 * <pre>
 * file    := section*
 * section := kind:u8  length:i64  crc32c(kind, length):i32  record*     length: bytes of its records
 * record  := length:i32  crc32c(payload):i32  payload
 * </pre>
 *
 * A record whose length does not fit its section loses the rest of that section (the next
 * record's start is unknown); a section header that fails its CRC, or a file cut short, loses the
 * rest of the file. CRC32C finds accidental damage, not a deliberate forgery: the cache folder is
 * the build machine's, writable only by the build.
 */
public final class Records {

    private Records() {
    }

    /** The CRC32C of some bytes (hardware-accelerated on current CPUs). */
    public static int crc(byte[] b, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(b, off, len);
        return (int) c.getValue();
    }

    /** Something that writes one record's payload. */
    @FunctionalInterface
    public interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    /** Something that reads one record's payload. */
    @FunctionalInterface
    public interface Decoder {
        void read(DataInputStream in) throws IOException;
    }

    /** Writes sections of records; each section is gathered in memory, then framed. */
    public static final class Writer {
        private final DataOutputStream out;
        private final ByteArrayOutputStream section = new ByteArrayOutputStream(1 << 16);
        private final DataOutputStream sectionOut = new DataOutputStream(section);
        private final ByteArrayOutputStream record = new ByteArrayOutputStream(256);
        private final DataOutputStream recordOut = new DataOutputStream(record);
        private int kind = -1;

        public Writer(OutputStream out) {
            this.out = new DataOutputStream(out);
        }

        /** Starts a section (ending the previous one). */
        public void section(int kind) throws IOException {
            end();
            this.kind = kind;
        }

        /** Writes one record into the current section. */
        public void record(Body body) throws IOException {
            record.reset();
            body.write(recordOut);
            recordOut.flush();
            byte[] b = record.toByteArray();
            sectionOut.writeInt(b.length);
            sectionOut.writeInt(crc(b, 0, b.length));
            sectionOut.write(b);
        }

        /** Ends the current section, if any, writing it out. */
        public void end() throws IOException {
            if (kind < 0) {
                return;
            }
            sectionOut.flush();
            byte[] head = ByteBuffer.allocate(9).put((byte) kind).putLong(section.size()).array();
            out.write(head);
            out.writeInt(crc(head, 0, head.length));
            section.writeTo(out);
            out.flush();
            section.reset();
            kind = -1;
        }
    }

    /**
     * One section as read: its good records and how many were dropped.
     *
     * @param damaged records dropped (CRC mismatch, or the rest of the section after a bad length;
     *                not the record a file cut short ends in)
     */
    public record Section(int kind, List<byte[]> records, int damaged) {

        /**
         * Decodes each record; one that fails to decode counts as damaged too.
         *
         * @return the records dropped, here and when the section was read
         */
        public int decode(Decoder d) {
            int bad = damaged;
            for (byte[] r : records) {
                try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(r))) {
                    d.read(in);
                    if (in.available() != 0) {
                        throw new IOException("bản ghi dài hơn nội dung của nó");
                    }
                } catch (IOException | RuntimeException e) {
                    bad++;
                }
            }
            return bad;
        }
    }

    /**
     * A file as read: its sections in order.
     *
     * @param cutAt where the file stopped making sense (a damaged section header, or cut short),
     *              or -1 when every section was whole
     */
    public record File(List<Section> sections, long cutAt) {

        /** The section of a kind, or null when it was lost. */
        public Section section(int kind) {
            for (Section s : sections) {
                if (s.kind() == kind) {
                    return s;
                }
            }
            return null;
        }
    }

    /** Reads the sections from {@code start} on. */
    public static File read(byte[] b, int start) {
        List<Section> sections = new ArrayList<>();
        ByteBuffer buf = ByteBuffer.wrap(b);
        int p = start;
        while (p < b.length) {
            if (b.length - p < 13 || buf.getInt(p + 9) != crc(b, p, 9)) {
                return new File(sections, p);
            }
            int kind = b[p] & 0xff;
            long len = buf.getLong(p + 1);
            int body = p + 13;
            long end = body + len;
            boolean cut = len < 0 || end > b.length;
            int stop = cut ? b.length : (int) end;
            List<byte[]> records = new ArrayList<>();
            int damaged = 0;
            int q = body;
            while (q < stop) {
                int rl = stop - q >= 8 ? buf.getInt(q) : -1;
                if (rl < 0 || rl > stop - q - 8) {
                    // The rest of the section, where the next record starts being unknown; in a
                    // file cut short it is the cut, which the file's cutAt reports.
                    damaged += cut ? 0 : 1;
                    break;
                }
                if (buf.getInt(q + 4) == crc(b, q + 8, rl)) {
                    byte[] r = new byte[rl];
                    System.arraycopy(b, q + 8, r, 0, rl);
                    records.add(r);
                } else {
                    damaged++;
                }
                q += 8 + rl;
            }
            sections.add(new Section(kind, records, damaged));
            if (cut) {
                return new File(sections, b.length);
            }
            p = stop;
        }
        return new File(sections, -1);
    }
}
