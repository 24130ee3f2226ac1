package vn.trang.search;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import vn.trang.search.SearchResponse.Facet;
import vn.trang.search.SearchResponse.FacetValue;
import vn.trang.search.SearchResponse.Hit;

/**
 * A {@link SearchResponse} as one byte array, for {@link ResultCache}.
 *
 * <p>Why: an answer as objects is about two hundred of them (ten hits of nine strings, six facets
 * of up to ten values of two strings each), kept for seconds to minutes: long enough to leave the
 * young generation, short enough to die soon after. At 1,000 searches a second with over a third
 * of the answers from the cache, that churn set the service's worst latency (docs/BENCHMARKS.md).
 * Packed, an answer is a few kilobytes of UTF-8 that the cache keeps outside the heap
 * ({@link ResultCache}); unpacking on a hit takes microseconds.
 */
final class PackedResponses {

    private PackedResponses() {
    }

    static byte[] pack(SearchResponse r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            string(out, r.query());
            out.writeLong(r.total());
            out.writeLong(r.tookMs());
            out.writeBoolean(r.truncated());
            string(out, r.notice());
            out.writeBoolean(r.totalExact());
            out.writeBoolean(r.facetsExact());
            out.writeInt(r.hits().size());
            for (Hit h : r.hits()) {
                for (String s : new String[] {h.url(), h.title(), h.site(), h.siteName(), h.type(), h.date(), h.number(),
                        h.code(), h.snippet()}) {
                    string(out, s);
                }
            }
            out.writeInt(r.facets().size());
            for (Facet f : r.facets()) {
                string(out, f.name());
                out.writeInt(f.values().size());
                for (FacetValue v : f.values()) {
                    string(out, v.value());
                    string(out, v.label());
                    out.writeLong(v.count());
                    out.writeBoolean(v.selected());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not fail
        }
        return bytes.toByteArray();
    }

    /** The packed answer, as the answer to {@code request}. */
    static SearchResponse unpack(SearchRequest request, byte[] packed) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(packed))) {
            String query = string(in);
            long total = in.readLong();
            long tookMs = in.readLong();
            boolean truncated = in.readBoolean();
            String notice = string(in);
            boolean totalExact = in.readBoolean();
            boolean facetsExact = in.readBoolean();
            int n = in.readInt();
            List<Hit> hits = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                hits.add(new Hit(string(in), string(in), string(in), string(in), string(in), string(in), string(in),
                        string(in), string(in)));
            }
            int m = in.readInt();
            List<Facet> facets = new ArrayList<>(m);
            for (int i = 0; i < m; i++) {
                String name = string(in);
                int k = in.readInt();
                List<FacetValue> values = new ArrayList<>(k);
                for (int j = 0; j < k; j++) {
                    values.add(new FacetValue(string(in), string(in), in.readLong(), in.readBoolean()));
                }
                facets.add(new Facet(name, values));
            }
            return new SearchResponse(request, query, total, hits, facets, tookMs, truncated, notice, totalExact,
                    facetsExact);
        } catch (IOException e) {
            throw new UncheckedIOException("gói kết quả tìm kiếm trong bộ nhớ đệm bị hỏng", e);
        }
    }

    /** Length-prefixed UTF-8; -1 for null (a snippet can outgrow writeUTF's 64 KB limit in principle). */
    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] b = new byte[length];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
