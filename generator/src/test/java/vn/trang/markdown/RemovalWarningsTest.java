package vn.trang.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.ParserEmulationProfile;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.diag.Diagnostic;
import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.pipeline.BuildResult;

/**
 * The README promises a warning for every unsafe removal: each link, image, tag or attribute the
 * sanitizer takes out gives exactly one warning, at its own line and column — however it is
 * disguised (references, autolinks, character references, controls, case, a comment before it),
 * wherever it is (quotes, lists, tables).
 */
class RemovalWarningsTest {

    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();
    private static final String FILE = "content/so-a/tin-tuc/x.md";
    private static final String FOLDER = "/so-a/tin-tuc/";

    /** Renders with the body starting on line 1, so lines are the Markdown's own. */
    private static Diagnostics warnings(String markdown) {
        Diagnostics d = new Diagnostics();
        MARKDOWN.render(markdown, FOLDER, SourcePos.of(FILE), 1, d);
        return d;
    }

    static Stream<Arguments> removals() {
        return Stream.of(
                // disguised javascript: links
                Arguments.of("Xem [đây][r].\n\n[r]: javascript:alert(1)", 1, 5, "javascript:alert(1)"),
                Arguments.of("Xem [đây][r].\n\n[r]: <JavaScript:alert(1)>", 1, 5, "JavaScript:"),
                Arguments.of("Xem ![ảnh][i].\n\n[i]: javascript:alert(1)", 1, 5, "javascript:"),
                Arguments.of("Bấm <javascript:alert(1)> nhé.", 1, 5, "javascript:alert(1)"),
                Arguments.of("Bấm <VBScript:msgbox(1)> nhé.", 1, 5, "VBScript:"),
                Arguments.of("[a](&#106;avascript:alert(1))", 1, 1, "javascript:"),
                Arguments.of("[a](&#x6A;&#x61;vascript&#58;alert(1))", 1, 1, "javascript:"),
                Arguments.of("[a](jav&#x09;ascript:alert(1))", 1, 1, "ascript:"),
                Arguments.of("[a](java&#0;script:alert(1))", 1, 1, "script:"),
                Arguments.of("[a](<java\u0000script:alert(1)>)", 1, 1, "script:"),
                Arguments.of("[a](<\u0001javascript:alert(1)>)", 1, 1, "\\u0001javascript:"),
                Arguments.of("[a](<java\u200Bscript:alert(1)>)", 1, 1, "script:"),
                Arguments.of("[a](JaVaScRiPt:alert(1))", 1, 1, "JaVaScRiPt:"),
                Arguments.of("[a](vbscript:msgbox(1))", 1, 1, "vbscript:"),
                Arguments.of("[a](data:text/html;base64,PHNjcmlwdD4=)", 1, 1, "data:text/html"),
                Arguments.of("[a](file:///etc/passwd)", 1, 1, "file:"),
                // a script after a comment, at the start of a line and inside one
                Arguments.of("Đoạn một.\n\n<!-- ghi chú --><script>alert(1)</script>", 3, 17, "<script>"),
                Arguments.of("Chữ <!-- x --><script>alert(1)</script> tiếp.", 1, 15, "<script>"),
                // raw HTML: entities, attributes, tags an attacker reaches for
                Arguments.of("<a href=\"&#106;avascript:alert(1)\">x</a>", 1, 1, "href=javascript:"),
                Arguments.of("Chữ <a href=\"jav&#x09;ascript:alert(1)\">x</a>", 1, 5, "href="),
                Arguments.of("<img src=\"anh.jpg\" srcset=\"javascript:alert(1) 2x\" alt=\"a\">", 1, 1, "srcset"),
                Arguments.of("<p style=\"background:url(javascript:alert(1))\">đoạn</p>", 1, 1, "style="),
                Arguments.of("<span style=\"x:expression(alert(1))\">x</span>", 1, 1, "style="),
                Arguments.of("<button formaction=\"javascript:alert(1)\">X</button>", 1, 1, "<button"),
                Arguments.of("<base href=\"https://evil.example/\">", 1, 1, "<base"),
                Arguments.of("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">", 1, 1, "<meta"),
                Arguments.of("<object data=\"phim.swf\"></object>", 1, 1, "<object"),
                Arguments.of("<embed src=\"phim.swf\">", 1, 1, "<embed"),
                Arguments.of("<form action=\"https://evil.example/\"></form>", 1, 1, "<form"),
                Arguments.of("<svg onload=alert(1)></svg>", 1, 1, "<svg"),
                Arguments.of("<iframe src=\"https://evil.example/\"></iframe>", 1, 1, "<iframe"),
                Arguments.of("<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>", 1, 1, "background"),
                Arguments.of("<a href=\"https://vbpl.vn/\" target=\"_blank\" onclick=\"alert(1)\">x</a>", 1, 1, "onclick"),
                // inside block quotes, lists and tables
                Arguments.of("> trích\n> <img src=\"anh.jpg\" onerror=\"alert(1)\">", 2, 3, "onerror"),
                Arguments.of("> <div>\n> <b onclick=alert(1)>x</b>\n> </div>", 2, 3, "onclick"),
                Arguments.of("- mục\n- <b onclick=\"alert(1)\">x</b>", 2, 3, "onclick"),
                Arguments.of("- mục\n\n  <div onclick=\"alert(1)\">x</div>", 3, 3, "onclick"),
                Arguments.of("| a | b |\n|---|---|\n| x | [l](javascript:alert(1)) |", 3, 7, "javascript:"),
                Arguments.of("| a |\n|---|\n| <img src=\"a.jpg\" onerror=\"alert(1)\"> |", 3, 3, "onerror"),
                // images from other hosts (tracking pixels)
                Arguments.of("Ảnh ![điểm](https://evil.example/p.gif).", 1, 5, "https://evil.example/p.gif"),
                Arguments.of("Ảnh ![điểm](//evil.example/p.gif).", 1, 5, "//evil.example/p.gif"),
                Arguments.of("Ảnh ![điểm][p].\n\n[p]: http://evil.example/p.gif", 1, 5, "evil.example"),
                Arguments.of("<img src=\"https://evil.example/p.gif\" alt=\"\">", 1, 1, "evil.example"),
                Arguments.of("Chữ <img src=\"//evil.example/p.gif\">", 1, 5, "evil.example"));
    }

    @ParameterizedTest
    @MethodSource("removals")
    void eachRemovalIsOneWarningAtItsPosition(String markdown, int line, int column, String mention) {
        Diagnostics d = warnings(markdown);
        Diagnostic w = Diags.single(d);
        assertFalse(w.isError(), w::format);
        Diags.assertAt(w, FILE, line, column);
        Diags.assertMentions(w, mention);
        for (char c : w.message().toCharArray()) {
            assertFalse(c < ' ' || (c >= 0x7f && c < 0xa0), () -> "a raw control character in " + w.format());
        }
        assertTrue(SanitizerTest.safe(MARKDOWN.render(markdown, FOLDER, SourcePos.of(FILE), 1, new Diagnostics())));
    }

    @Test
    void foreignImagesAreRemovedLinksKept() {
        String html = MARKDOWN.render("![a](https://evil.example/p.gif) ![b](anh.jpg) [c](https://evil.example/)",
                FOLDER, SourcePos.of(FILE), 1, new Diagnostics());
        Document doc = Jsoup.parseBodyFragment(html);
        assertEquals(List.of("/so-a/tin-tuc/anh.jpg"), doc.select("img").eachAttr("src"));
        assertEquals("https://evil.example/", doc.selectFirst("a").attr("href"));
    }

    @Test
    void dotSegmentsCannotReachAnotherHost() {
        // "../" above the root and an empty segment: the path must not become "//evil.example/…"
        for (String md : List.of("![a](../../../../..//evil.example/p.gif)", "[a](../../../../.././/evil.example/)",
                "<img src=\"../../..//evil.example/p.gif\" alt=\"a\">", "[a](/\\evil.example/)", "[a](<.\t//evil.example/>)")) {
            Diagnostics d = new Diagnostics();
            Document doc = Jsoup.parseBodyFragment(MARKDOWN.render(md, FOLDER, SourcePos.of(FILE), 1, d));
            for (Element e : doc.select("[href], [src]")) {
                String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                assertTrue(url.startsWith("/") && !url.startsWith("//") && url.indexOf('\\') < 0, md + " -> " + url);
            }
        }
    }

    @Test
    void everyLinkLeavingTheSiteOpensWithoutItsOpener() {
        String md = """
                [a](https://vbpl.vn/) [b](//vbpl.vn/x) <http://vbpl.vn/y> www.vbpl.vn/z [c](HTTPS://VBPL.VN/)
                [d](ftp://vbpl.vn/f) [e](/so-a/) [f](mailto:a@b.vn) [g](tel:0222)

                <a href="//vbpl.vn/h">h</a> <a href="https://vbpl.vn/i" rel="noreferrer">i</a>
                <a href="https://vbpl.vn/j" rel="stylesheet nofollow">j</a> <a href="/so-a/k" rel="noreferrer">k</a>
                """;
        Document doc = Jsoup.parseBodyFragment(MARKDOWN.render(md, FOLDER, SourcePos.of(FILE), 1, new Diagnostics()));
        Map<String, String> rel = new java.util.TreeMap<>();
        for (Element a : doc.select("a")) {
            rel.put(a.text(), a.attr("rel"));
        }
        assertEquals(Map.ofEntries(Map.entry("a", "noopener"), Map.entry("b", "noopener"),
                Map.entry("http://vbpl.vn/y", "noopener"), Map.entry("www.vbpl.vn/z", "noopener"), Map.entry("c", "noopener"),
                Map.entry("d", "noopener"), Map.entry("e", ""), Map.entry("f", ""), Map.entry("g", ""),
                Map.entry("h", "noopener"), Map.entry("i", "noopener noreferrer"), Map.entry("j", "noopener nofollow"),
                Map.entry("k", "noreferrer")), rel);
    }

    @Test
    void harmlessHtmlGivesNoWarning() {
        String md = """
                Chữ <a href="https://vbpl.vn/" title="t" rel="noreferrer">liên kết</a> và <b>đậm</b> <!-- ghi chú -->.

                <!-- một ghi chú
                nhiều dòng <script>alert(1)</script> bị chú thích -->

                <table><tr><td align="center">ô</td></tr></table>

                ![ảnh](anh.jpg) [tệp](tep.pdf) <https://vbpl.vn/> [thư](mailto:a@b.vn)
                """;
        Diagnostics d = warnings(md);
        assertEquals(0, d.list().size(), () -> Diags.dump(d));
    }

    // ---- every removal warned, counted against an independent reading of the policy ----------

    /** flexmark as the renderer sets it up, without its own suppression of javascript: links, so every link reaches the HTML. */
    private static final Parser PARSER;
    private static final HtmlRenderer RENDERER;

    static {
        MutableDataSet options = new MutableDataSet();
        options.setFrom(ParserEmulationProfile.COMMONMARK);
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), Autolinks.create()));
        options.set(HtmlRenderer.SUPPRESSED_LINKS, "");
        PARSER = Parser.builder(options).build();
        RENDERER = HtmlRenderer.builder(options).build();
    }

    /** What may pass, written out here independently of the sanitizer's safelist. */
    private static final Set<String> TAGS = Set.of("a", "b", "blockquote", "br", "caption", "cite", "code", "col",
            "colgroup", "dd", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "i", "img", "li", "ol", "p",
            "pre", "q", "small", "span", "strike", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
            "tr", "u", "ul", "hr", "figure", "figcaption", "mark", "s", "del", "ins", "abbr");
    private static final Map<String, Set<String>> ATTRIBUTES = Map.ofEntries(
            Map.entry("a", Set.of("href", "title", "rel")), Map.entry("blockquote", Set.of("cite")),
            Map.entry("col", Set.of("span", "width")), Map.entry("colgroup", Set.of("span", "width")),
            Map.entry("img", Set.of("align", "alt", "height", "src", "title", "width")),
            Map.entry("ol", Set.of("start", "type")), Map.entry("q", Set.of("cite")),
            Map.entry("table", Set.of("summary", "width")), Map.entry("ul", Set.of("type")), Map.entry("abbr", Set.of("title")),
            Map.entry("td", Set.of("abbr", "axis", "colspan", "rowspan", "width", "align")),
            Map.entry("th", Set.of("abbr", "axis", "colspan", "rowspan", "scope", "width", "align")));
    private static final Map<String, Set<String>> SCHEMES = Map.of("href", Set.of("http", "https", "ftp", "mailto", "tel"),
            "src", Set.of("http", "https"), "cite", Set.of("http", "https"));
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");

    /** The tags of a body's HTML that lose something: not allowed, an attribute not allowed, an image from elsewhere. */
    static int removalsIn(String markdown) {
        Document dirty = Jsoup.parse(RENDERER.render(PARSER.parse(markdown)));
        int n = 0;
        for (Element e : dirty.getAllElements()) {
            String tag = e.normalName();
            if ((tag.equals("html") || tag.equals("head") || tag.equals("body") || tag.equals("#root"))
                    && e.attributes().isEmpty()) {
                continue; // made up by the parser
            }
            if (tag.equals("code") && e.className().startsWith("language-")) {
                continue; // flexmark's own mark on a fenced code block, not the editor's HTML
            }
            if (!TAGS.contains(tag)) {
                n++;
                continue;
            }
            if (tag.equals("img") && e.hasAttr("src") && keeps(e.attribute("src")) && absolute(e.attr("src"))) {
                n++;
                continue;
            }
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                if (!ATTRIBUTES.getOrDefault(tag, Set.of()).contains(name) || !keeps(a)) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private static boolean keeps(Attribute a) {
        Set<String> schemes = SCHEMES.get(a.getKey().toLowerCase(Locale.ROOT));
        if (schemes == null) {
            return true;
        }
        String url = a.getValue().strip().replaceAll("[\t\n\r]", "");
        if (SanitizerTest.dangerous(url.replace("\uFFFD", "").replace("\u200B", ""))) {
            return false;
        }
        Matcher m = SCHEME.matcher(url);
        return !m.find() || schemes.contains(m.group(1).toLowerCase(Locale.ROOT));
    }

    private static boolean absolute(String src) {
        String s = src.strip();
        return s.startsWith("//") || SCHEME.matcher(s).find();
    }

    @Test
    void theCountingReadsThePolicyRight() {
        assertEquals(0, removalsIn("[a](https://vbpl.vn/) ![b](b.jpg) <b>c</b> <!-- d -->"));
        assertEquals(3, removalsIn("Chữ <script>x</script> [a](javascript:x) ![b](https://evil.example/b.gif)"));
        assertEquals(1, removalsIn("<body onload=alert(1)>"));
    }

    @ParameterizedTest
    @MethodSource("everyVector")
    void everyRemovalOfEveryVectorIsWarnedOnce(String markdown) {
        Diagnostics d = warnings(markdown);
        int expected = removalsIn(markdown);
        assertTrue(expected > 0 || d.list().isEmpty(), () -> "warned with nothing removed:" + Diags.dump(d));
        assertEquals(expected, d.list().size(), () -> "removals vs warnings for\n" + markdown + Diags.dump(d));
    }

    static Stream<String> everyVector() {
        return Stream.concat(SanitizerTest.vectors(), removals().map(a -> (String) a.get()[0]));
    }

    // ---- in a build, with the front matter before the body ------------------------------------

    @Test
    void inAProcedureEachWarningNamesTheLineAndColumnInTheFrontMatter(@TempDir Path tmp) {
        Fixture f = Fixture.standard(tmp);
        f.bytes("content/so-a/thu-tuc/a.jpg", vn.trang.image.TestImages.jpeg(8, 8));
        f.procedure("so-a", "tt", "Cấp phép thử", "1.000001",
                "conditions: |",
                "  Dòng một.",
                "  Dòng hai <img src=\"a.jpg\" onerror=\"x\"> cuối.",
                "steps:",
                "  - Bấm <b onclick=\"x\">đây</b> nhé.",
                "  - \"Một [x](javascript:alert(1)) hai\"",
                "  - >-",
                "    Gập dòng",
                "    <i onclick=\"y\">z</i>");
        String file = "content/so-a/thu-tuc/tt.md";
        List<String> lines = Fixture.read(f.path(file)).lines().toList();
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        List<Diagnostic> w = r.diagnostics().list();
        assertEquals(4, w.size(), () -> Diags.dump(w));
        Diags.assertAt(w.get(0), file, lines.indexOf("  Dòng hai <img src=\"a.jpg\" onerror=\"x\"> cuối.") + 1, 12);
        Diags.assertAt(w.get(1), file, lines.indexOf("  - Bấm <b onclick=\"x\">đây</b> nhé.") + 1, 9);
        Diags.assertAt(w.get(2), file, lines.indexOf("  - \"Một [x](javascript:alert(1)) hai\"") + 1, 10);
        Diags.assertAt(w.get(3), file, lines.indexOf("    <i onclick=\"y\">z</i>") + 1, 5);
    }

    @Test
    void aNewsImageFromAnotherHostIsDroppedWithAWarning(@TempDir Path tmp) {
        Fixture f = Fixture.standard(tmp);
        String file = "content/so-a/tin-tuc/anh.md";
        f.write(file, Fixture.md("title: Tin có ảnh ngoài\ndate: 2025-03-14\nsummary: Tóm tắt.\n"
                + "image: https://evil.example/p.jpg\nimage_alt: Ảnh", "Nội dung.\n"));
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        Diagnostic w = Diags.single(r.diagnostics());
        assertFalse(w.isError(), w::format);
        Diags.assertAt(w, file, 5, 8);
        Diags.assertMentions(w, "https://evil.example/p.jpg");
        for (String page : List.of("so-a/tin-tuc/tin-co-anh-ngoai/index.html", "so-a/tin-tuc/index.html", "so-a/index.html")) {
            String html = Fixture.read(f.out().resolve(page));
            assertFalse(html.contains("evil.example"), page);
        }
    }

    @Test
    void inABuildEachWarningNamesTheFileLineAndColumn(@TempDir Path tmp) {
        Fixture f = Fixture.standard(tmp);
        String text = String.join("\n",
                "---",                                                     // 1
                "title: Tin có liên kết lạ",                               // 2
                "date: 2025-03-14",                                        // 3
                "summary: Tóm tắt.",                                       // 4
                "---",                                                     // 5
                "Đoạn đầu có [tham chiếu][r] và <javascript:alert(1)>.",   // 6
                "",                                                        // 7
                "<!-- ghi chú --><script>alert(1)</script>",               // 8
                "",                                                        // 9
                "- mục có [mã](&#106;avascript:alert(1))",                 // 10
                "",                                                        // 11
                "Ảnh ![điểm ảnh](https://evil.example/p.gif)",             // 12
                "",                                                        // 13
                "[r]: javascript:alert(1)",                                // 14
                "");
        f.write("content/so-a/tin-tuc/la.md", text);
        BuildResult r = f.build();
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        List<Diagnostic> w = r.diagnostics().list();
        String file = "content/so-a/tin-tuc/la.md";
        assertEquals(5, w.size(), () -> Diags.dump(w));
        Diags.assertAt(w.get(0), file, 6, 13);
        Diags.assertAt(w.get(1), file, 6, 32);
        Diags.assertAt(w.get(2), file, 8, 17);
        Diags.assertAt(w.get(3), file, 10, 10);
        Diags.assertAt(w.get(4), file, 12, 5);
        Diags.assertMentions(w.get(4), "evil.example");
        Document page = Jsoup.parse(Fixture.read(f.out().resolve("so-a/tin-tuc/tin-co-lien-ket-la/index.html")));
        assertTrue(SanitizerTest.safe(page.selectFirst("main").html()));
        assertTrue(page.select("main img").isEmpty(), "the tracking pixel is gone");
    }
}
