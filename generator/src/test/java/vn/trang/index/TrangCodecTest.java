package vn.trang.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trang's codec keeps stored fields uncompressed: every value reads back as written, whatever its
 * size against the chunk size, after merges too, and the codec is found by name the way Lucene
 * opens a segment.
 */
class TrangCodecTest {

    @TempDir
    Path tmp;

    @Test
    void isFoundByTheNameEachSegmentRecords() {
        assertEquals(TrangCodec.class, Codec.forName(TrangCodec.NAME).getClass());
    }

    @Test
    void storedValuesReadBackAsWrittenAcrossChunksAndMerges() throws IOException {
        Random random = new Random(42);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            // Mostly a few KB like snippet text, some empty, some far larger than a 16 KB chunk.
            int length = i % 97 == 0 ? 70_000 + random.nextInt(5_000) : i % 13 == 0 ? 0 : random.nextInt(6_000);
            texts.add(text(random, length));
        }
        Path path = tmp.resolve("index");
        try (Directory dir = FSDirectory.open(path)) {
            // The codec the index builder writes with; small flushes make several segments to merge.
            IndexWriterConfig config = new IndexWriterConfig()
                    .setCodec(IndexBuilder.config(IndexWriterConfig.OpenMode.CREATE).getCodec())
                    .setMaxBufferedDocs(50);
            try (IndexWriter w = new IndexWriter(dir, config)) {
                for (int i = 0; i < texts.size(); i++) {
                    Document d = new Document();
                    d.add(new StringField("id", Integer.toString(i), Field.Store.YES));
                    d.add(new StoredField(SearchFields.BODY, texts.get(i)));
                    w.addDocument(d);
                }
                w.commit();
                assertReadsBack(dir, texts, false);
                w.forceMerge(1);
                w.commit();
            }
            assertReadsBack(dir, texts, true);
            SegmentInfos infos = SegmentInfos.readLatestCommit(dir);
            infos.forEach(s -> assertEquals(TrangCodec.NAME, s.info.getCodec().getName()));
        }
        // Uncompressed: the stored-fields file holds at least the text itself.
        long textBytes = texts.stream().mapToLong(t -> t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum();
        try (Stream<Path> files = Files.list(path)) {
            long fdt = files.filter(p -> p.toString().endsWith(".fdt")).mapToLong(TrangCodecTest::size).sum();
            assertTrue(fdt >= textBytes, fdt + " < " + textBytes);
        }
    }

    private static void assertReadsBack(Directory dir, List<String> texts, boolean oneSegment) throws IOException {
        try (DirectoryReader r = DirectoryReader.open(dir)) {
            assertEquals(oneSegment, r.leaves().size() == 1);
            int seen = 0;
            for (LeafReaderContext leaf : r.leaves()) {
                assertEquals(TrangCodec.NAME, ((SegmentReader) leaf.reader()).getSegmentInfo().info.getCodec().getName());
                StoredFields stored = leaf.reader().storedFields();
                // Backwards, so that no read can lean on the one before it.
                for (int doc = leaf.reader().maxDoc() - 1; doc >= 0; doc--) {
                    Document d = stored.document(doc);
                    int id = Integer.parseInt(d.get("id"));
                    assertEquals(texts.get(id), d.get(SearchFields.BODY), "document " + id);
                    seen++;
                }
            }
            assertEquals(texts.size(), seen);
        }
    }

    private static String text(Random random, int length) {
        String syllables = "giấy phép xây dựng đất đai hộ tịch khai sinh Ủy ban nhân dân xã phường 06/CT-UBND ";
        StringBuilder b = new StringBuilder(length);
        while (b.length() < length) {
            int at = random.nextInt(syllables.length() - 8);
            b.append(syllables, at, at + 1 + random.nextInt(7));
        }
        return b.substring(0, length);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
