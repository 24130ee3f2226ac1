package vn.trang.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * The stored snippet text, written to a real index and read back: every substring by char offsets
 * equals {@link String#substring}, whatever mix of one- to four-byte characters precedes it, with
 * characters outside the BMP on and around the 64-char checkpoints, and offsets between the two
 * halves of such a character.
 */
class SnippetTextTest {

    static final String[] PIECES = {"a", " ", "đ", "ấ", "ủy", "Ð", "𠀀", "🏠", "\n", "06/CT-UBND", "ệ"};

    @Test
    void everySubstringMatchesTheString() throws IOException {
        Random r = new Random(3);
        List<String> texts = new ArrayList<>(List.of("", "a", "🏠", "x".repeat(63) + "🏠" + "y".repeat(70),
                "x".repeat(64) + "🏠🏠" + "đ".repeat(64), "ấ".repeat(128), "🏠".repeat(100)));
        for (int i = 0; i < 60; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = r.nextInt(i % 10 == 0 ? 1500 : 150); b.length() < n; ) {
                b.append(PIECES[r.nextInt(PIECES.length)]);
            }
            texts.add(b.toString());
        }
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
                for (int i = 0; i < texts.size(); i++) {
                    Document d = new Document();
                    d.add(new StringField("id", Integer.toString(i), Field.Store.NO));
                    d.add(new StoredField(SearchFields.BODY, SnippetText.encode(texts.get(i))));
                    w.addDocument(d);
                }
                Document none = new Document();
                none.add(new StringField("id", "none", Field.Store.NO));
                w.addDocument(none);
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                StoredFields stored = reader.storedFields();
                SnippetText t = new SnippetText();
                int checked = 0;
                for (int i = 0; i < texts.size(); i++) {
                    String text = texts.get(i);
                    assertTrue(t.read(stored, i));
                    assertEquals(text.length(), t.chars(), "length of text " + i);
                    for (int k = 0; k < 200; k++) {
                        int from = r.nextInt(text.length() + 1);
                        int to = from + r.nextInt(text.length() - from + 1);
                        assertEquals(text.substring(from, to), t.substring(from, to), "text " + i + " [" + from + ", " + to + ")");
                        checked++;
                    }
                    assertEquals(text, t.substring(0, text.length()));
                }
                assertTrue(checked > 10_000);
                assertFalse(t.read(stored, texts.size()), "a document without text");
            }
        }
    }
}
