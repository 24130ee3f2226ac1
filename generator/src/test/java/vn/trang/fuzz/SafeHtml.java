package vn.trang.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What published HTML may contain, stated independently of the sanitizer: the fuzzers check every
 * body they make against it, so a hole in the sanitizer's own rules cannot hide in both places.
 */
public final class SafeHtml {

    /** Elements that run code, load other documents, submit data or change how the page is read. */
    private static final Set<String> FORBIDDEN = Set.of("script", "style", "iframe", "frame", "frameset", "object",
            "embed", "applet", "form", "input", "button", "textarea", "select", "base", "meta", "link", "svg",
            "math", "template", "noscript", "xmp", "plaintext", "noembed", "noframes", "portal", "audio", "video",
            "source", "track", "param");

    /** Attributes whose value the browser follows or fetches. */
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "cite", "action", "formaction",
            "poster", "background", "srcset", "xlink:href", "longdesc", "data");

    private SafeHtml() {
    }

    /** Fails with the offending piece when {@code html} is not safe to publish. */
    public static void assertSafe(String html, String input) {
        Document doc = Jsoup.parseBodyFragment(html);
        for (Element e : doc.body().getAllElements()) {
            String name = e.normalName();
            if (FORBIDDEN.contains(name)) {
                fail("<" + name + "> published for input " + quote(input) + ":\n" + html);
            }
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                if (key.startsWith("on") || key.equals("style") || key.equals("srcdoc") || key.equals("formaction")) {
                    fail("attribute " + key + " published for input " + quote(input) + ":\n" + html);
                }
                if (URL_ATTRIBUTES.contains(key)) {
                    assertTrue(allowedUrl(a.getValue()),
                            () -> key + "=\"" + a.getValue() + "\" published for input " + quote(input));
                }
            }
        }
    }

    /**
     * An allow-list, where the sanitizer keeps a deny-list: relative references and the schemes
     * http, https, mailto and tel. Browsers ignore controls and spaces inside a scheme, so they are
     * dropped before looking, as a browser would.
     */
    static boolean allowedUrl(String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > ' ' && c != 0x7f) {
                sb.append(c);
            }
        }
        String u = sb.toString().toLowerCase(Locale.ROOT);
        int colon = u.indexOf(':');
        if (colon < 0) {
            return true;
        }
        int cut = firstOf(u, "/?#");
        if (cut >= 0 && cut < colon) {
            return true; // the colon is in a path, query or fragment: a relative reference
        }
        String scheme = u.substring(0, colon);
        return scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto") || scheme.equals("tel");
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** The input as Java would write it, control characters visible. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        int n = Math.min(s.length(), 400);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < ' ' || c == 0x7f || c == '"' || c == '\\') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(s.length() > n ? "\"…" : "\"").toString();
    }
}
