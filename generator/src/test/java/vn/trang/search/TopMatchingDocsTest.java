package vn.trang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.trang.index.DocumentKeys;
import vn.trang.index.IndexBuilder;
import vn.trang.index.SearchDocument;
import vn.trang.index.SearchFields;

/**
 * The flat disjunction with the match checked per collected document ({@link TopMatchingDocs},
 * what {@link SearchEngine} ranks with) must give the top hits of the required form
 * ({@link QueryBuilder#build}): compared on a real index of text drawn from a small vocabulary,
 * so that, as on a big province, most documents match common syllables and scores are close.
 */
class TopMatchingDocsTest {

    static final String[] WORDS = ("xây dựng nông thôn mới kế hoạch công tác hành chính cải cách thủ tục giấy phép "
            + "đô thị đồ thị quy hoạch tỉnh xã phường ủy ban nhân dân chỉ thị văn bản hòa giải cơ sở").split(" ");
    static final String[] FIELDS = {"Xây dựng", "Nông thôn mới", "Hành chính", "Đô thị"};
    static final Ranking RANKING = Ranking.DEFAULT;

    static Directory dir;
    static DirectoryReader reader;
    static IndexSearcher searcher;
    static final SearchEngine ENGINE = new SearchEngine(RANKING);
    static final QueryBuilder BUILDER = new QueryBuilder(RANKING);

    @BeforeAll
    static void index() throws IOException {
        Random r = new Random(7);
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String number = (i % 50 + 1) + "/KH-UBND";
            List<String> meta = new ArrayList<>(List.of(number));
            if (i % 7 == 0) {
                meta.add(FIELDS[i % FIELDS.length]);
            }
            List<String> keys = new ArrayList<>();
            DocumentKeys.ofNumber(number).ifPresent(keys::add);
            docs.add(new SearchDocument("/d/" + i + "/", text(r, 3 + r.nextInt(6)), meta, text(r, 8), text(r, 40 + r.nextInt(200)),
                    keys, "s" + i % 5, null, "document", List.of(), 2020 + i % 6, null, null, null, number, null));
        }
        // Holds "xây dựng" as a metadata value, which outweighs any text, but never the syllable
        // "phép": a query needing "phép" must not return it, however high its other clauses score.
        docs.add(new SearchDocument("/without-phep/", "Xây dựng", List.of("Xây dựng", "Xây dựng"), "", "xây dựng giấy",
                List.of(), "s0", null, "document", List.of(), 2026, null, null, null, null, null));
        dir = new ByteBuffersDirectory();
        new IndexBuilder(2).write(dir, docs);
        reader = DirectoryReader.open(dir);
        searcher = new IndexSearcher(reader);
        searcher.setSimilarity(ENGINE.similarity());
    }

    static String text(Random r, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        dir.close();
    }

    @Test
    void ranksWhatTheRequiredFormRanks() throws IOException {
        Random r = new Random(11);
        List<String> queries = new ArrayList<>(List.of("xây dựng", "xay dung", "nông thôn mới", "kế hoạch 12/KH-UBND",
                "12/kh-ubnd", "cải cách hành chính -giấy", "đô thị", "do thi", "ủy ban nhân dân tỉnh xã phường cơ sở hòa giải"));
        for (int i = 0; i < 200; i++) {
            String q = text(r, 1 + r.nextInt(7));
            queries.add(i % 2 == 0 ? q : fold(q));
        }
        int compared = 0;
        for (String q : queries) {
            UserQuery uq = UserQuery.parse(q);
            TopDocs required = searcher.search(BUILDER.build(uq), 20);
            TopDocs flat = ENGINE.rank(searcher, q, 20);
            assertEquals(required.scoreDocs.length, flat.scoreDocs.length, q);
            for (int i = 0; i < required.scoreDocs.length; i++) {
                float a = required.scoreDocs[i].score;
                float b = flat.scoreDocs[i].score;
                assertEquals(a, b, Math.abs(a) * 1e-5f, q + " #" + i);
            }
            // The same documents, except where the last place is shared by documents whose
            // scores differ only by the order of additions.
            float last = required.scoreDocs.length == 0 ? 0 : required.scoreDocs[required.scoreDocs.length - 1].score;
            Set<Integer> a = clearlyAbove(required, last);
            Set<Integer> b = clearlyAbove(flat, last);
            assertEquals(a, b, q);
            compared += required.scoreDocs.length;
        }
        assertTrue(compared > 2_000, "most queries have hits: " + compared);
    }

    @Test
    void aDocumentMissingARequiredSyllableIsNeverRanked() throws IOException {
        for (String q : List.of("xây dựng giấy phép", "xay dung giay phep")) {
            TopDocs top = ENGINE.rank(searcher, q, 10);
            assertEquals(10, top.scoreDocs.length, q);
            for (ScoreDoc sd : top.scoreDocs) {
                assertFalse(url(sd.doc).equals("/without-phep/"), q);
            }
        }
        // Without "phép" it matches, and its metadata puts it first.
        assertEquals("/without-phep/", url(ENGINE.rank(searcher, "xây dựng giấy", 1).scoreDocs[0].doc));
    }

    static Set<Integer> clearlyAbove(TopDocs top, float last) {
        Set<Integer> out = new HashSet<>();
        for (ScoreDoc sd : top.scoreDocs) {
            if (sd.score > last + Math.abs(last) * 1e-5f) {
                out.add(sd.doc);
            }
        }
        return out;
    }

    static String url(int doc) throws IOException {
        return searcher.storedFields().document(doc).get(SearchFields.ID);
    }

    static String fold(String s) {
        return java.text.Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
    }
}
