package vn.trang.markdown;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Pattern;

import vn.trang.text.PercentEncoding;

/**
 * The addresses of links and images as a published page carries them: made absolute from the
 * Markdown file's folder, trimmed as a browser trims them, percent-encoded; and the questions
 * the sanitizer and the direct writer ask of them (does it leave the site, is it an image from
 * another host, does it hide a script scheme). Both HTML writers use these, so a page's links
 * are the same whichever wrote it.
 */
public final class PublishedUrls {

    private static final Pattern SCHEME = Pattern.compile("(?i)[a-z][a-z0-9+.-]*:.*");

    private PublishedUrls() {
    }

    /**
     * Whether a published link leaves the site (it then gets {@code rel="noopener"}): an address
     * with a scheme other than mailto: and tel:, or a protocol-relative {@code //host/…}.
     */
    public static boolean opensElsewhere(String href) {
        if (href.startsWith("//")) {
            return true;
        }
        if (!SCHEME.matcher(href).matches()) {
            return false;
        }
        String lower = href.toLowerCase(Locale.ROOT);
        return !lower.startsWith("mailto:") && !lower.startsWith("tel:");
    }

    /**
     * Whether a published image address is on another host: any address with a scheme or a
     * protocol-relative one. An image the page shows must be a file of the site (a path), so that
     * reading a page sends nothing to anyone else.
     */
    public static boolean fromElsewhere(String src) {
        return src.startsWith("//") || SCHEME.matcher(src).matches();
    }

    /**
     * A link relative to the Markdown file's folder, as a path from the portal root. Empty segments
     * at the start of what is left after {@code ./} and {@code ../} are dropped: {@code ..//x}
     * must not become the protocol-relative {@code //x} (another host).
     */
    public static String resolve(String url, String folderUrl) {
        if (url.isEmpty() || url.startsWith("/") || url.startsWith("#") || SCHEME.matcher(url).matches()) {
            return url;
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String p : folderUrl.split("/")) {
            if (!p.isEmpty()) {
                parts.addLast(p);
            }
        }
        String rest = url;
        while (rest.startsWith("./") || rest.startsWith("../") || rest.startsWith("/")) {
            if (rest.startsWith("../")) {
                if (!parts.isEmpty()) {
                    parts.removeLast();
                }
                rest = rest.substring(3);
            } else {
                rest = rest.substring(rest.charAt(0) == '/' ? 1 : 2);
            }
        }
        StringBuilder sb = new StringBuilder("/");
        for (String p : parts) {
            sb.append(p).append('/');
        }
        return sb.append(rest).toString();
    }

    /**
     * The address a link or image written by an editor has on the published page: what browsers
     * ignore taken out (spaces and controls around it, tabs and line breaks inside), made absolute
     * ({@link #resolve}), and percent-encoded where a URL cannot hold a character as it is (so a
     * backslash or a tab can never turn a path into another host).
     */
    public static String published(String url, String folderUrl) {
        return PercentEncoding.url(resolve(browserTrim(url), folderUrl));
    }

    /** A URL as a browser reads it: C0 controls and spaces at either end, tabs and newlines inside, removed. */
    private static String browserTrim(String url) {
        int s = 0;
        int e = url.length();
        while (s < e && url.charAt(s) <= ' ') {
            s++;
        }
        while (e > s && url.charAt(e - 1) <= ' ') {
            e--;
        }
        String t = url.substring(s, e);
        if (t.indexOf('\t') < 0 && t.indexOf('\n') < 0 && t.indexOf('\r') < 0) {
            return t;
        }
        return t.replace("\t", "").replace("\n", "").replace("\r", "");
    }

    /**
     * Whether a link target names a script or document scheme once what a browser might ignore is
     * left out (controls, spaces, invisible and replacement characters): {@code javascript:},
     * {@code vbscript:}, {@code data:}, {@code file:}. jsoup's protocol check already refuses these
     * when they parse as such; this also catches the disguised ones it keeps as relative paths.
     */
    public static boolean isDangerous(String url) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < url.length() && sb.length() < 12; i++) {
            char c = url.charAt(i);
            if (c > ' ' && !(c >= 0x7f && c < 0xa0) && c != '\uFFFD' && Character.getType(c) != Character.FORMAT
                    && !Character.isWhitespace(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        String u = sb.toString();
        return u.startsWith("javascript:") || u.startsWith("vbscript:") || u.startsWith("data:")
                || u.startsWith("file:");
    }
}
