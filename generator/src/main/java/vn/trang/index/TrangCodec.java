package vn.trang.index;

import java.io.IOException;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's codec with one change: stored fields are kept uncompressed.
 *
 * <p>Why: the only stored values are an item's url and the text its snippet is cut from, and they
 * are read for the ten hits of a page on every search. With Lucene's default (LZ4 over 80 KB
 * chunks with a shared dictionary) each hit decompressed the dictionary and one or two 8 KB
 * blocks around its text, 12-20 KB, to use about 4 KB: at 100,000 items that was 13 % of the CPU
 * time of a search. Uncompressed, a hit's text is read where it lies. The price is disk: the
 * stored text is what the snippet needs ({@link SearchDocument#SNIPPET_TEXT_MAX} characters at
 * most), so the index grows by about the text's compressed size again (measured in
 * docs/BENCHMARKS.md).
 *
 * <p>Registered under {@link #NAME} (META-INF/services) so that Lucene finds it by the name each
 * segment records. Segments written before it (Lucene's own codec) stay readable; the schema
 * version changed with it, so published indexes are rebuilt anyway.
 */
public final class TrangCodec extends FilterCodec {

    public static final String NAME = "Trang912";

    /** Small chunks: nothing is gained by grouping documents that are not compressed. */
    private static final StoredFieldsFormat STORED_FIELDS = new Lucene90CompressingStoredFieldsFormat(
            "TrangStoredFieldsPlain", new Plain(), 16 * 1024, 128, 10);

    public TrangCodec() {
        super(NAME, new Lucene912Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return STORED_FIELDS;
    }

    /** The identity "compression": bytes are written and read as they are. */
    private static final class Plain extends CompressionMode {

        @Override
        public Compressor newCompressor() {
            return new Compressor() {
                @Override
                public void compress(ByteBuffersDataInput in, DataOutput out) throws IOException {
                    out.copyBytes(in, in.length());
                }

                @Override
                public void close() {
                    // holds nothing
                }
            };
        }

        @Override
        public Decompressor newDecompressor() {
            return new Decompressor() {
                @Override
                public void decompress(DataInput in, int originalLength, int offset, int length, BytesRef bytes)
                        throws IOException {
                    in.skipBytes(offset);
                    bytes.bytes = ArrayUtil.growNoCopy(bytes.bytes, length);
                    in.readBytes(bytes.bytes, 0, length);
                    bytes.offset = 0;
                    bytes.length = length;
                }

                @Override
                public Decompressor clone() {
                    return this;
                }
            };
        }

        @Override
        public String toString() {
            return "Plain";
        }
    }
}
