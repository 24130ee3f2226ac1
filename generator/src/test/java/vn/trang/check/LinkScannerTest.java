package vn.trang.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The byte scanner of the build's link check, and how links are resolved. */
class LinkScannerTest {

    static List<String> scan(String html) {
        List<String> out = new ArrayList<>();
        LinkScanner.scan(html.getBytes(StandardCharsets.UTF_8), new LinkScanner.Sink() {
            @Override
            public void link(String url) {
                out.add("L " + url);
            }

            @Override
            public void id(String id) {
                out.add("I " + id);
            }
        });
        return out;
    }

    @Test
    void findsLinksAndIdsOfAnyElement() {
        assertEquals(List.of("L /_assets/css/trang.css", "I main", "L /so-a/", "L anh.png", "I muc-1", "I cu",
                        "L /tim-kiem?q=a&b=c", "L /x/", "L a b", "I Điều-1"),
                scan("<!DOCTYPE html><html lang=\"vi\"><head><link rel=\"stylesheet\" href=\"/_assets/css/trang.css\">"
                        + "</head><body><main id=\"main\" class=x><a href='/so-a/'>A</a> <img alt=\"\" src=\"anh.png\">"
                        + "<h2 id=\"muc-1\">Mục 1</h2><a name=\"cu\"></a><a href=\"/tim-kiem?q=a&amp;b=c\">t</a>"
                        + "<a href=/x/>x</a><a data-href=\"/no/\" href=\" a&#32;b \">y</a><p id=\"Điều-1\">đ</p>"
                        + "<div name=\"not-an-anchor\"></div></main></body></html>"));
    }

    @Test
    void skipsCommentsScriptsStylesAndEndTags() {
        assertEquals(List.of("L /a/", "L /b/"),
                scan("<a href=\"/a/\"></a><!-- <a href=\"/commented/\"> --><script type=\"application/ld+json\">"
                        + "{\"url\": \"<a href='/in-script/'>\"}</script><style>a[href=\"/css/\"]{}</style>"
                        + "</a href=\"/end-tag/\"><p>1 < 2 <a href=\"/b/\">b</a></p><input disabled id>"));
    }

    @Test
    void neverFailsOnCutHtml() {
        assertEquals(List.of(), scan("<a href=\"/unterminated"));
        assertEquals(List.of(), scan("<"));
        assertEquals(List.of(), scan("<!--"));
        assertEquals(List.of("L /x"), scan("<a href=/x"));
    }

    @Test
    void linksResolveAgainstThePageAndOwnHostsOnly() {
        LinkTargets t = new LinkTargets(Set.of("tinh.example.vn", "so-a.example.vn"), List.of("/lien-he/gui/"));
        String page = LinkTargets.pageUrl("so-a/tin-tuc/tin/index.html");
        assertEquals("so-a/tin-tuc/tin/", page);
        assertEquals("so-a/", t.resolve(page, "/so-a/"));
        assertEquals("so-a/tin-tuc/tin/anh.png", t.resolve(page, "anh.png"));
        assertEquals("so-a/van-ban/x.pdf", t.resolve(page, "../../van-ban/./x.pdf"));
        assertEquals("x.pdf", t.resolve(page, "../../../../x.pdf"), "never above the root");
        assertEquals("so-a/tin-tuc/tin/#dieu-1", t.resolve(page, "#dieu-1"));
        assertEquals("so-a/tin-tuc/tin/", t.resolve(page, "?trang=2"));
        assertEquals("so-a/404.html#main", t.resolve(LinkTargets.pageUrl("so-a/404.html"), "#main"));
        assertEquals("so-a/van-ban/tệp mới.pdf#trang 2", t.resolve(page, "/so-a/van-ban/t%E1%BB%87p%20m%E1%BB%9Bi.pdf#trang%202"));
        assertEquals("so-a/x/", t.resolve(page, "https://TINH.example.vn:443/so-a/x/?a=1"));
        assertEquals("", t.resolve(page, "https://so-a.example.vn"));
        assertEquals("so-a/", t.resolve(page, "//so-a.example.vn/so-a/"));
        assertNull(t.resolve(page, "https://vbpl.vn/so-a/"));
        assertNull(t.resolve(page, "mailto:a@b.vn"));
        assertNull(t.resolve(page, "tel:0222"));
        assertNull(t.resolve(page, "data:image/png;base64,xx"));
        assertNull(t.resolve(page, ""));
        assertEquals(true, t.dynamic("tim-kiem"));
        assertEquals(true, t.dynamic("api/search/health"));
        assertEquals(true, t.dynamic("lien-he/gui"));
        assertEquals(false, t.dynamic("tim-kiem-nang-cao/"));
        assertEquals(false, t.dynamic("so-a/tim-kiem"));
    }
}
