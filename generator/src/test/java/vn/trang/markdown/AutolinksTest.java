package vn.trang.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.ParserEmulationProfile;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import org.junit.jupiter.api.Test;

/** {@link Autolinks} renders exactly what flexmark's autolink extension renders, so its fast path changes no output. */
class AutolinksTest {

    private static String render(Extension autolink, String markdown) {
        MutableDataSet options = new MutableDataSet();
        options.setFrom(ParserEmulationProfile.COMMONMARK);
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), autolink));
        options.set(HtmlRenderer.GENERATE_HEADER_ID, false);
        options.set(HtmlRenderer.RENDER_HEADER_ID, false);
        options.set(TablesExtension.CLASS_NAME, "");
        return HtmlRenderer.builder(options).build().render(Parser.builder(options).build().parse(markdown));
    }

    private static void same(String markdown) {
        assertEquals(render(AutolinkExtension.create(), markdown), render(Autolinks.create(), markdown), markdown);
    }

    @Test
    void sameAsFlexmarkOnTrickyText() {
        for (String s : List.of("Xem https://dichvucong.gov.vn/ và www.bacninh.gov.vn.",
                "Thư: vanthu@bacninh.gov.vn; số: 12/QĐ-UBND lúc 8:30",
                "http:// then nothing", "ftp://x.y/z", "http\\://escaped", "http&#58;//entity.vn",
                "a&#64;b.vn", "WWW.UPPER.VN", "wiki w w.", "[link](https://a.vn) và <https://b.vn>",
                "`https://code.vn` and ```\nhttps://fenced.vn\n```", "| a | https://t.vn |\n|---|---|\n| b@c.vn | www.d.vn |",
                "*em https://e.vn* **strong www.f.vn**", "<span>https://g.vn</span>", "tiếng Việt: không có liên kết",
                "line one\nline two: http://h.vn\n\n> quote www.i.vn", "x://y", "1://2", "mailto:j@k.vn", "")) {
            same(s);
        }
    }

    @Test
    void sameAsFlexmarkOnRandomText() {
        String[] pieces = {"http", "://", ":", "/", "w", "ww", "www.", "@", "&#58;", "&amp;", "\\", "a", "vn", ".", " ",
                "\n", "*", "`", "[", "](", ")", "<", ">", "Đ", "ạ", "1", "-", "_", "\n\n", "# ", "- "};
        Random r = new Random(7);
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + r.nextInt(30);
            for (int k = 0; k < n; k++) {
                sb.append(pieces[r.nextInt(pieces.length)]);
            }
            same(sb.toString());
        }
    }

    @Test
    void sameAsFlexmarkOnTheDemoContent() throws IOException {
        Path content = Path.of("..", "content");
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(content)) {
            try (Stream<Path> s = Files.walk(content)) {
                s.filter(p -> p.toString().endsWith(".md")).forEach(files::add);
            }
        }
        for (Path f : files) {
            same(Files.readString(f));
        }
    }

    @Test
    void prefilter() {
        assertFalse(Autolinks.mayHoldLink("Căn cứ Quyết định số 12/QĐ-UBND: như sau"));
        assertTrue(Autolinks.mayHoldLink("xem https://a.vn"));
        assertTrue(Autolinks.mayHoldLink("www"));
        assertTrue(Autolinks.mayHoldLink("a@b"));
        assertTrue(Autolinks.mayHoldLink("&#58;"));
        assertTrue(Autolinks.mayHoldLink("\\:"));
    }
}
