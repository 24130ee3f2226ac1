package vn.trang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
 * Snippets cut from the stored text by the offsets in the body's postings: the marks land on the
 * matched syllables in their original spelling (also after characters outside the BMP, which are
 * two chars and four UTF-8 bytes), passages are cut at spaces, the best passages are chosen and
 * shown in text order, and a hit without a match in its text shows its beginning. Checked on a
 * real index of two segments, and on random texts against the text itself.
 */
class SnippetsTest {

    static final String[] WORDS = ("xây dựng nông thôn mới kế hoạch công tác hành chính cải cách thủ tục giấy phép "
            + "đô thị đồ thị quy hoạch tỉnh xã phường ủy ban nhân dân chỉ thị văn bản hòa giải cơ sở 𠀀 🏠").split(" ");
    static final String FILLER = "Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện công tác năm nay. ";

    static Directory dir;
    static DirectoryReader reader;
    static IndexSearcher searcher;
    static final SearchEngine ENGINE = new SearchEngine(Ranking.DEFAULT);
    static final List<String> RANDOM_TEXTS = new ArrayList<>();

    @BeforeAll
    static void index() throws IOException {
        List<SearchDocument> docs = new ArrayList<>();
        docs.add(doc("/astral/", "Mở đầu", "", "Chữ 𠀀 và 🏠 đứng trước: hòa giải ở cơ sở."));
        docs.add(doc("/deep/", "Văn bản dài", "", FILLER.repeat(20) + "Điều chỉnh quy hoạch vùng ngập lũ. "
                + FILLER.repeat(20)));
        docs.add(doc("/two/", "Hai đoạn", "", "Mở đầu về thoát nước chung. " + FILLER.repeat(15)
                + "Kết luận về thoát nước chi tiết. " + FILLER.repeat(15)));
        docs.add(doc("/best/", "Đoạn tốt nhất", "", "Thẩm định hồ sơ. " + FILLER.repeat(6) + "Cấp giấy phép xây dựng "
                + "cho nhà ở riêng lẻ. " + FILLER.repeat(6) + "Xây dựng đường giao thông. " + FILLER.repeat(6)));
        docs.add(doc("/title-only/", "Sổ tay kiểm lâm", "Tóm tắt ngắn.", FILLER.repeat(10)));
        docs.add(doc("/html/", "Ký tự", "", "Nội dung có <script>alert(2)</script> & dấu."));
        Random r = new Random(11);
        for (int i = 0; i < 1_200; i++) {
            StringBuilder b = new StringBuilder();
            int n = 5 + r.nextInt(i % 10 == 0 ? 900 : 60);
            for (int k = 0; k < n; k++) {
                b.append(k == 0 ? "" : r.nextInt(12) == 0 ? ". " : " ").append(WORDS[r.nextInt(WORDS.length)]);
            }
            RANDOM_TEXTS.add(b.toString());
            docs.add(doc("/r/" + i + "/", "Tin " + i, "", b.toString()));
        }
        dir = new ByteBuffersDirectory();
        new IndexBuilder(2).write(dir, docs);
        reader = DirectoryReader.open(dir);
        assertTrue(reader.leaves().size() > 1, "several segments");
        searcher = new IndexSearcher(reader);
        searcher.setSimilarity(ENGINE.similarity());
    }

    static SearchDocument doc(String url, String title, String summary, String body) {
        return new SearchDocument(url, title, List.of(), summary, body, List.of(), "s", null, "news", List.of(), 2026,
                null, null, null, null, null);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        dir.close();
    }

    static String snippet(String query, String url) throws IOException {
        SearchResponse r = ENGINE.search(searcher, new SearchRequest(query, java.util.Map.of(), 1, 50,
                SearchRequest.Order.RELEVANCE, false), Labels.NONE);
        return r.hits().stream().filter(h -> h.url().equals(url)).findFirst()
                .orElseThrow(() -> new AssertionError(url + " not in " + SearchFixture.urls(r))).snippet();
    }

    @Test
    void marksLandOnTheSyllablesAfterCharactersOutsideTheBmp() throws IOException {
        assertEquals("Chữ 𠀀 và 🏠 đứng trước: <mark>hòa</mark> <mark>giải</mark> ở cơ sở.", snippet("hoa giai", "/astral/"));
    }

    @Test
    void aDeepMatchIsShownInAPassageCutAtSpaces() throws IOException {
        String s = snippet("ngập lũ", "/deep/");
        assertTrue(s.startsWith("… ") && s.endsWith(" …"), s);
        assertTrue(s.contains("<mark>ngập</mark> <mark>lũ</mark>"), s);
        String plain = plain(s);
        assertTrue(plain.length() >= 120 && plain.length() <= 220, () -> plain.length() + ": " + s);
        String text = FILLER.repeat(20) + "Điều chỉnh quy hoạch vùng ngập lũ. " + FILLER.repeat(20);
        int at = text.indexOf(plain);
        assertTrue(at > 0, s);
        assertEquals(' ', text.charAt(at - 1), "starts after a space: " + s);
        assertEquals(' ', text.charAt(at + plain.length()), "ends before a space: " + s);
    }

    @Test
    void twoPassagesInTextOrderWithAGapBetween() throws IOException {
        String s = snippet("thoát nước", "/two/");
        int first = s.indexOf("Mở đầu về <mark>thoát</mark> <mark>nước</mark> chung.");
        int gap = s.indexOf(" … ");
        int second = s.indexOf("Kết luận về <mark>thoát</mark> <mark>nước</mark> chi tiết.");
        assertTrue(first == 0 && gap > first && second > gap, s);
    }

    @Test
    void thePassageWithMoreOfTheQueryWins() throws IOException {
        String s = snippet("giấy phép xây dựng", "/best/");
        assertTrue(s.contains("<mark>giấy</mark> <mark>phép</mark> <mark>xây</mark> <mark>dựng</mark>"), s);
    }

    @Test
    void withoutAMatchInTheTextItsBeginningIsShown() throws IOException {
        String s = snippet("kiểm lâm", "/title-only/");
        assertTrue(s.startsWith("Tóm tắt ngắn."), s);
        assertTrue(s.endsWith(" …") && !s.contains("<mark>"), s);
    }

    @Test
    void textIsEscapedAndMarksAreOurs() throws IOException {
        String s = snippet("script", "/html/");
        assertEquals("Nội dung có &lt;<mark>script</mark>&gt;alert(2)&lt;/<mark>script</mark>&gt; &amp; dấu.", s);
    }

    /** Random texts and queries: whatever is shown is the text's own, cut at spaces, and each mark is a query syllable. */
    @Test
    void randomTextsGiveTheirOwnTextWithEveryMarkAQuerySyllable() throws IOException {
        Random r = new Random(5);
        Pattern mark = Pattern.compile("<mark>(.*?)</mark>");
        int checked = 0;
        for (int q = 0; q < 150; q++) {
            List<String> words = new ArrayList<>();
            for (int k = 0, n = 1 + r.nextInt(3); k < n; k++) {
                words.add(WORDS[r.nextInt(WORDS.length - 2)]);
            }
            String query = String.join(" ", words);
            SearchResponse resp = ENGINE.search(searcher, new SearchRequest(query, java.util.Map.of(), 1, 10,
                    SearchRequest.Order.RELEVANCE, false), Labels.NONE);
            for (SearchResponse.Hit h : resp.hits()) {
                if (!h.url().startsWith("/r/")) {
                    continue;
                }
                String text = RANDOM_TEXTS.get(Integer.parseInt(h.url().split("/")[2]));
                String s = h.snippet();
                Matcher m = mark.matcher(s);
                boolean marked = false;
                while (m.find()) {
                    marked = true;
                    String folded = fold(m.group(1));
                    assertTrue(words.stream().anyMatch(w -> fold(w).equals(folded)), () -> query + " marked " + s);
                }
                assertTrue(marked, () -> query + ": no mark in " + s);
                for (String piece : plain(s).split(" … ")) {
                    int at = text.indexOf(piece);
                    assertTrue(at >= 0, () -> "not the text's own: " + piece + "\n" + text);
                    assertTrue(at == 0 || text.charAt(at - 1) == ' ', () -> "cut inside a word: " + piece + "\nsnippet: " + s);
                    int end = at + piece.length();
                    // A passage ends at a space, or where its last match ends (before a full stop, say).
                    assertTrue(end == text.length() || text.charAt(end) == ' ' || text.charAt(end) == '.',
                            () -> "ends inside a word: " + piece + "\nsnippet: " + s + "\nat " + at + " end " + end + " of " + text.length() + ": [" + text.substring(Math.max(0, end - 20), Math.min(text.length(), end + 20)) + "]");
                }
                checked++;
            }
        }
        assertTrue(checked > 500, "hits checked: " + checked);
    }

    static String plain(String snippet) {
        String s = snippet.replace("<mark>", "").replace("</mark>", "").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&").replace("&quot;", "\"");
        if (s.startsWith("… ")) {
            s = s.substring(2);
        }
        if (s.endsWith(" …")) {
            s = s.substring(0, s.length() - 2);
        }
        return s;
    }

    static String fold(String s) {
        return Normalizer.normalize(s.toLowerCase(java.util.Locale.ROOT).replace('đ', 'd'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
    }
}
