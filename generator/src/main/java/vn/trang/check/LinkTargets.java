package vn.trang.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a link in a built page points at, the same way for the build's cheap link check
 * ({@link InternalLinks}) and for {@code trang check} ({@link SiteChecker}): resolved against the
 * page's URL into a path of the output folder, or nothing when the link is not ours to check.
 *
 * <ul>
 *   <li>{@code mailto:}, {@code tel:} and every scheme but http(s) are not checked;</li>
 *   <li>{@code http(s)://host/…} is external unless {@code host} is one of the province's own hosts
 *       (a site's {@code host}, the portal's): every host serves the same paths, so such a link is
 *       checked as its path;</li>
 *   <li>paths the search service answers ({@value #SEARCH}, {@value #API}) and the paths the theme
 *       declares dynamic in {@value #DYNAMIC_FILE} are not files and are not checked.</li>
 * </ul>
 */
public final class LinkTargets {

    /** The search results page, served by {@code trang search}. */
    public static final String SEARCH = "/tim-kiem";
    /** The search API, served by {@code trang search}. */
    public static final String API = "/api/search";
    /**
     * A theme's list of more paths that are not files (served by something else: a form handler, a
     * web server's redirects): one path per line from '/', '#' starts a comment; a path covers
     * itself and everything under it.
     */
    public static final String DYNAMIC_FILE = "dynamic-paths.txt";

    private final Set<String> hosts;
    private final List<String> dynamic;

    /**
     * @param hosts   the province's own host names (lower case)
     * @param dynamic paths not to check, each covering everything under it
     */
    public LinkTargets(Collection<String> hosts, Collection<String> dynamic) {
        this.hosts = Set.copyOf(hosts);
        List<String> d = new ArrayList<>();
        d.add(SEARCH);
        d.add(API);
        for (String p : dynamic) {
            String s = p.strip();
            while (s.endsWith("/") && s.length() > 1) {
                s = s.substring(0, s.length() - 1);
            }
            if (s.startsWith("/") && s.length() > 1 && !d.contains(s)) {
                d.add(s);
            }
        }
        this.dynamic = List.copyOf(d);
    }

    /** Hosts and dynamic paths of a built site: the hosts of {@code absoluteUrls}, the theme's list. */
    public static LinkTargets of(Collection<String> absoluteUrls, Path themeDir) {
        Set<String> hosts = new TreeSet<>();
        for (String u : absoluteUrls) {
            String h = host(u);
            if (h != null) {
                hosts.add(h);
            }
        }
        return new LinkTargets(hosts, readDynamic(themeDir));
    }

    /** The paths a theme lists in its {@value #DYNAMIC_FILE}, or none. */
    public static List<String> readDynamic(Path themeDir) {
        if (themeDir == null) {
            return List.of();
        }
        Path f = themeDir.resolve(DYNAMIC_FILE);
        if (!Files.isRegularFile(f)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                int hash = line.indexOf('#');
                String s = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }

    public Set<String> hosts() {
        return hosts;
    }

    public List<String> dynamicPaths() {
        return dynamic;
    }

    /** The URL of an output file: {@code a/b/index.html} is {@code a/b/} (no leading '/'). */
    public static String pageUrl(String outputPath) {
        return outputPath.endsWith("index.html") && (outputPath.length() == 10 || outputPath.charAt(outputPath.length() - 11) == '/')
                ? outputPath.substring(0, outputPath.length() - 10) : outputPath;
    }

    /**
     * Resolves a link of a page.
     *
     * @param pageUrl the page's URL without the leading '/' ({@link #pageUrl})
     * @param url     the attribute's value
     * @return the target as an output path without the leading '/' (ending in '/' for a folder;
     *         decoded but for {@code %23} and {@code %25}, so that its first '#' is the fragment's:
     *         {@link #file} gives the file), then {@code #fragment} when there is one (decoded);
     *         null when the link is not checked
     */
    public String resolve(String pageUrl, String url) {
        if (url.isEmpty()) {
            return null;
        }
        if (plainAbsolute(url)) {
            return url.substring(1); // most links: "/so-a/tin-tuc/", nothing to resolve or decode
        }
        String rest = url;
        int colon = schemeEnd(url);
        if (colon > 0) {
            String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return null;
            }
            rest = url.substring(colon + 1);
            if (!rest.startsWith("//")) {
                return null;
            }
        }
        if (rest.startsWith("//")) {
            int end = 2;
            while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
                end++;
            }
            String authority = rest.substring(2, end);
            if (!hosts.contains(hostOf(authority))) {
                return null;
            }
            rest = end < rest.length() ? rest.substring(end) : "/";
            if (rest.charAt(0) != '/') {
                rest = "/" + rest; // "?q" or "#x" right after the host
            }
        }
        String fragment = null;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            fragment = rest.substring(hash + 1);
            rest = rest.substring(0, hash);
        }
        int q = rest.indexOf('?');
        if (q >= 0) {
            rest = rest.substring(0, q);
        }
        String path;
        if (rest.isEmpty()) {
            path = pageUrl;
        } else if (rest.charAt(0) == '/') {
            path = rest.substring(1);
        } else {
            int slash = pageUrl.lastIndexOf('/');
            path = pageUrl.substring(0, slash + 1) + rest;
        }
        if (path.indexOf('.') >= 0 && (path.contains("./") || path.endsWith("/.") || path.endsWith("/..")
                || path.equals(".") || path.equals(".."))) {
            path = removeDots(path);
        }
        if (path.indexOf('%') >= 0) {
            path = percentDecode(path, true);
        }
        if (fragment != null && !fragment.isEmpty()) {
            return path + "#" + (fragment.indexOf('%') >= 0 ? percentDecode(fragment, false) : fragment);
        }
        return path;
    }

    /** "/a/b.pdf": a path from the root without query, fragment, escapes or dot segments. */
    private static boolean plainAbsolute(String url) {
        if (url.length() < 2 || url.charAt(0) != '/' || url.charAt(1) == '/') {
            return url.equals("/");
        }
        for (int i = 1; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '?' || c == '#' || c == '%' || (c == '.' && url.charAt(i - 1) == '/')) {
                return false;
            }
        }
        return true;
    }

    /** Whether a resolved path (no leading '/') is one the search service or another server answers. */
    public boolean dynamic(String path) {
        for (String d : dynamic) {
            // d starts with '/', path does not
            int n = d.length() - 1;
            if (path.regionMatches(0, d, 1, n) && (path.length() == n || path.charAt(n) == '/')) {
                return true;
            }
        }
        return false;
    }

    /** The position of the ':' ending a URL's scheme, or -1. */
    private static int schemeEnd(String url) {
        if (url.isEmpty() || !asciiLetter(url.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!(asciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean asciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The host of an absolute URL, lower case, or null. */
    static String host(String absoluteUrl) {
        if (absoluteUrl == null) {
            return null;
        }
        int s = absoluteUrl.indexOf("//");
        if (s < 0) {
            return null;
        }
        int e = s + 2;
        while (e < absoluteUrl.length() && "/?#".indexOf(absoluteUrl.charAt(e)) < 0) {
            e++;
        }
        String h = hostOf(absoluteUrl.substring(s + 2, e));
        return h.isEmpty() ? null : h;
    }

    private static String hostOf(String authority) {
        String a = authority;
        int at = a.lastIndexOf('@');
        if (at >= 0) {
            a = a.substring(at + 1);
        }
        int colon = a.lastIndexOf(':');
        if (colon >= 0 && a.indexOf(']') < colon) {
            a = a.substring(0, colon);
        }
        if (a.endsWith(".")) {
            a = a.substring(0, a.length() - 1);
        }
        return a.toLowerCase(Locale.ROOT);
    }

    /** RFC 3986 5.2.4 on a path without its leading '/': "." and ".." segments removed, never above the root. */
    static String removeDots(String path) {
        String[] segs = path.split("/", -1);
        List<String> out = new ArrayList<>(segs.length);
        for (int i = 0; i < segs.length; i++) {
            String s = segs[i];
            boolean last = i == segs.length - 1;
            if (s.equals(".")) {
                if (last) {
                    out.add("");
                }
            } else if (s.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                if (last) {
                    out.add("");
                }
            } else {
                out.add(s);
            }
        }
        return String.join("/", out);
    }

    /** %XX sequences decoded as UTF-8; a malformed one is left as it is. */
    static String percentDecode(String s) {
        return percentDecode(s, false);
    }

    /**
     * %XX sequences decoded as UTF-8; a malformed one is left as it is.
     *
     * @param keepHashAndPercent leave {@code %23} ('#') and {@code %25} ('%') as they are: a file
     *                           named "mẫu #2.doc" stays one path in a target, whose first '#'
     *                           starts the fragment ({@link #file} decodes them)
     */
    static String percentDecode(String s, boolean keepHashAndPercent) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(s.length());
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                int c = hex(raw[i + 1]) * 16 + hex(raw[i + 2]);
                if (keepHashAndPercent && (c == '#' || c == '%')) {
                    b.write('%');
                    b.write('2');
                    b.write(c == '#' ? '3' : '5');
                } else {
                    b.write(c);
                }
                i += 2;
            } else {
                b.write(raw[i]);
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    /**
     * The output file a target's path names ({@link #resolve} without the fragment): its
     * {@code %23} and {@code %25} decoded.
     */
    public static String file(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        StringBuilder sb = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            if (path.startsWith("%23", i) || path.startsWith("%25", i)) {
                sb.append(path.charAt(i + 2) == '3' ? '#' : '%');
                i += 2;
            } else {
                sb.append(path.charAt(i));
            }
        }
        return sb.toString();
    }

    /** The value of an ASCII hexadecimal digit, or -1 (bytes above 127 are never digits). */
    private static int hex(byte c) {
        return Character.digit(c & 0xFF, 16);
    }
}
