package vn.trang.search;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import vn.trang.search.SearchResponse.Facet;
import vn.trang.search.SearchResponse.FacetValue;
import vn.trang.search.SearchResponse.Hit;
import vn.trang.text.Utf8Strings;

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
            Utf8Strings.write(out, r.query());
            out.writeLong(r.total());
            out.writeLong(r.tookMs());
            out.writeBoolean(r.truncated());
            Utf8Strings.write(out, r.notice());
            out.writeBoolean(r.totalExact());
            out.writeBoolean(r.facetsExact());
            out.writeInt(r.hits().size());
            for (Hit h : r.hits()) {
                for (String s : new String[] {h.url(), h.title(), h.site(), h.siteName(), h.type(), h.date(), h.number(),
                        h.code(), h.snippet()}) {
                    Utf8Strings.write(out, s);
                }
            }
            out.writeInt(r.facets().size());
            for (Facet f : r.facets()) {
                Utf8Strings.write(out, f.name());
                out.writeInt(f.values().size());
                for (FacetValue v : f.values()) {
                    Utf8Strings.write(out, v.value());
                    Utf8Strings.write(out, v.label());
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
        ByteBuffer in = ByteBuffer.wrap(packed);
        try {
            String query = Utf8Strings.read(in);
            long total = in.getLong();
            long tookMs = in.getLong();
            boolean truncated = in.get() != 0;
            String notice = Utf8Strings.read(in);
            boolean totalExact = in.get() != 0;
            boolean facetsExact = in.get() != 0;
            int n = in.getInt();
            List<Hit> hits = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String[] f = new String[9]; // url, title, site, siteName, type, date, number, code, snippet
                for (int j = 0; j < f.length; j++) {
                    f[j] = Utf8Strings.read(in);
                }
                hits.add(new Hit(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]));
            }
            int m = in.getInt();
            List<Facet> facets = new ArrayList<>(m);
            for (int i = 0; i < m; i++) {
                String name = Utf8Strings.read(in);
                int k = in.getInt();
                List<FacetValue> values = new ArrayList<>(k);
                for (int j = 0; j < k; j++) {
                    String value = Utf8Strings.read(in);
                    String label = Utf8Strings.read(in);
                    values.add(new FacetValue(value, label, in.getLong(), in.get() != 0));
                }
                facets.add(new Facet(name, values));
            }
            return new SearchResponse(request, query, total, hits, facets, tookMs, truncated, notice, totalExact,
                    facetsExact);
        } catch (BufferUnderflowException e) {
            throw new IllegalStateException("gói kết quả tìm kiếm trong bộ nhớ đệm bị hỏng", e);
        }
    }
}
