package vn.trang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.trang.index.IndexBuilder;
import vn.trang.index.SearchDocument;

/**
 * What a snippet marks depends on how each query syllable was typed: with marks, only that
 * spelling (whatever the tone placement or Unicode form on either side); without, every spelling
 * that folds to it. Real index, real engine.
 */
class HighlightByMarksTest {

    static final SearchEngine ENGINE = new SearchEngine(Ranking.DEFAULT);
    static Directory dir;
    static DirectoryReader reader;
    static IndexSearcher searcher;

    @BeforeAll
    static void index() throws IOException {
        List<SearchDocument> docs = new ArrayList<>();
        docs.add(doc("/lai/", "Vay vốn", "Tiền lãi vay được tính lại theo lãi suất mới, không lai rai."));
        docs.add(doc("/hoa/", "Hòa giải", "Tổ hoà giải hòa giải xong; hóa đơn và hoa quả không liên quan."));
        docs.add(doc("/nfd/", "Thủy lợi", Normalizer.normalize("Công trình thuỷ lợi và thủy điện; thuy sinh.",
                Normalizer.Form.NFD)));
        dir = new ByteBuffersDirectory();
        new IndexBuilder(1).write(dir, docs);
        reader = DirectoryReader.open(dir);
        searcher = new IndexSearcher(reader);
        searcher.setSimilarity(ENGINE.similarity());
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        dir.close();
    }

    static SearchDocument doc(String url, String title, String body) {
        return new SearchDocument(url, title, List.of(), "", body, List.of(), "s", null, "news", List.of(), 2026,
                null, null, null, null, null);
    }

    /** The marked words of {@code url}'s snippet for {@code query}, in text order, NFC. */
    static List<String> marked(String query, String url) throws IOException {
        SearchResponse r = ENGINE.search(searcher, SearchRequest.of(query), Labels.NONE);
        String snippet = r.hits().stream().filter(h -> h.url().equals(url)).findFirst()
                .orElseThrow(() -> new AssertionError(url + " not found for " + query)).snippet();
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<mark>(.*?)</mark>").matcher(snippet);
        while (m.find()) {
            out.add(Normalizer.normalize(m.group(1), Normalizer.Form.NFC));
        }
        return out;
    }

    @Test
    void withMarksOnlyThatSpelling() throws IOException {
        assertEquals(List.of("lãi", "lãi"), marked("lãi", "/lai/"));
        assertEquals(List.of("lại"), marked("lại", "/lai/"));
    }

    @Test
    void withoutMarksEverySpelling() throws IOException {
        assertEquals(List.of("lãi", "lại", "lãi", "lai"), marked("lai", "/lai/"));
    }

    @Test
    void eachSyllableDecidesForItself() throws IOException {
        // "lãi" typed with marks: exact; "suat" without: folded.
        assertEquals(List.of("lãi", "lãi", "suất"), marked("lãi suat", "/lai/"));
        // A syllable typed both ways is marked folded.
        assertEquals(List.of("lãi", "lại", "lãi", "lai"), marked("lãi lai", "/lai/"));
    }

    @Test
    void decomposedQueryIsTheSameQuery() throws IOException {
        assertEquals(List.of("lãi", "lãi"), marked(Normalizer.normalize("lãi", Normalizer.Form.NFD), "/lai/"));
    }

    @Test
    void eitherTonePlacementOnEitherSide() throws IOException {
        // Old placement in the query, both placements in the text; "hóa" and "hoa" are other words.
        assertEquals(List.of("hoà", "hòa"), marked("hoà", "/hoa/"));
        assertEquals(List.of("hoà", "hòa"), marked("hòa", "/hoa/"));
        assertEquals(List.of("hoà", "hòa", "hóa", "hoa"), marked("hoa", "/hoa/"));
    }

    @Test
    void decomposedTextIsMatchedBySpelling() throws IOException {
        assertEquals(List.of("thuỷ", "thủy"), marked("thủy", "/nfd/"));
        assertEquals(List.of("thuỷ", "thủy"), marked(Normalizer.normalize("thuỷ", Normalizer.Form.NFD), "/nfd/"));
        assertEquals(List.of("thuỷ", "thủy", "thuy"), marked("thuy", "/nfd/"));
    }
}
