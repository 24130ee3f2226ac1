package vn.trang.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteArrayDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * What a hit shows (url, title, site, site name, type, date, number, code), packed into one
 * binary doc value. Stored fields are compressed in blocks with the long snippet text of
 * neighbouring documents, so reading a title from them decompressed kilobytes per hit: profiling
 * showed it as the largest cost of a search. A doc value is read alone.
 */
public record HitRecord(String url, String title, String site, String siteName, String type, String date,
                        String number, String code) {

    public static HitRecord of(SearchDocument d) {
        return new HitRecord(d.url(), d.title(), d.site(), d.siteName(), d.type(),
                d.date() == null ? null : d.date().toString(), d.number(), d.code());
    }

    public BytesRef encode() {
        List<byte[]> parts = new ArrayList<>(8);
        int size = 0;
        for (String s : new String[] {url, title, site, siteName, type, date, number, code}) {
            byte[] b = s == null ? null : s.getBytes(StandardCharsets.UTF_8);
            parts.add(b);
            size += 5 + (b == null ? 0 : b.length);
        }
        byte[] buf = new byte[size];
        ByteArrayDataOutput out = new ByteArrayDataOutput(buf);
        try {
            for (byte[] b : parts) {
                // 0 is null, n + 1 is a string of n bytes.
                out.writeVInt(b == null ? 0 : b.length + 1);
                if (b != null) {
                    out.writeBytes(b, b.length);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return new BytesRef(buf, 0, out.getPosition());
    }

    public static HitRecord decode(BytesRef bytes) {
        ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        String[] v = new String[8];
        for (int i = 0; i < v.length; i++) {
            int n = in.readVInt();
            if (n > 0) {
                byte[] b = new byte[n - 1];
                in.readBytes(b, 0, b.length);
                v[i] = new String(b, StandardCharsets.UTF_8);
            }
        }
        return new HitRecord(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }
}
