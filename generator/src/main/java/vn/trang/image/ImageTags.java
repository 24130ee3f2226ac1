package vn.trang.image;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Describes processed images in a rendered page: each {@code <img>} whose {@code src} is one
 * gets {@code srcset} (its narrower copies), {@code sizes} (unless the template gave one),
 * {@code width}/{@code height} (unless given: the browser keeps the space before the image
 * arrives) and {@code loading="lazy"}; the share preview gets {@code og:image:width/height}.
 * Done on the page's HTML after rendering, so that body HTML (made and cached at parse) and
 * templates stay free of image sizes. The HTML is the build's own (templates and the
 * sanitiser's output): attributes are double-quoted.
 */
public final class ImageTags {

    /** Where an image of a page's body or a news item's own image is shown: the text column. */
    public static final String DEFAULT_SIZES = "(max-width: 48rem) 100vw, 46rem";

    private static final Pattern SRC = Pattern.compile("\\ssrc=\"([^\"]*)\"");
    private static final String OG = "<meta property=\"og:image\" content=\"";

    private ImageTags() {
    }

    /** The page with its images described; the same string when it has none of the catalog's. */
    public static String rewrite(String html, ImageCatalog catalog) {
        if (catalog.isEmpty()) {
            return html;
        }
        StringBuilder out = null;
        int copied = 0;
        int at = 0;
        while (true) {
            int img = html.indexOf("<img", at);
            int og = html.indexOf(OG, at);
            int start = img < 0 ? og : og < 0 ? img : Math.min(img, og);
            if (start < 0) {
                break;
            }
            int end = tagEnd(html, start);
            if (end < 0) {
                break;
            }
            String tag = html.substring(start, end);
            String added = start == og ? ogSize(tag, catalog) : describe(tag, catalog);
            if (added != null) {
                if (out == null) {
                    out = new StringBuilder(html.length() + 512);
                }
                if (start == og) {
                    out.append(html, copied, end).append(added);
                } else {
                    int close = html.charAt(end - 2) == '/' ? end - 2 : end - 1;
                    out.append(html, copied, close).append(added).append(html, close, end);
                }
                copied = end;
            }
            at = end;
        }
        if (out == null) {
            return html;
        }
        return out.append(html, copied, html.length()).toString();
    }

    /** The attributes to add to an {@code <img>} tag, or null. */
    private static String describe(String tag, ImageCatalog catalog) {
        if (tag.length() > 4 && !Character.isWhitespace(tag.charAt(4)) || tag.contains(" srcset=")) {
            return null;
        }
        Matcher m = SRC.matcher(tag);
        if (!m.find()) {
            return null;
        }
        String src = m.group(1);
        Picture p = catalog.byUrl(src);
        if (p == null) {
            return null;
        }
        StringBuilder a = new StringBuilder();
        if (p.variants().size() > 1) {
            a.append(" srcset=\"");
            for (Picture.Variant v : p.variants()) {
                if (a.length() > 9) {
                    a.append(", ");
                }
                a.append(v == p.published() ? src : variantUrl(src, v.width())).append(' ').append(v.width())
                        .append('w');
            }
            a.append('"');
            if (!tag.contains(" sizes=")) {
                a.append(" sizes=\"").append(DEFAULT_SIZES).append('"');
            }
        }
        if (!tag.contains(" width=") && !tag.contains(" height=")) {
            a.append(" width=\"").append(p.width()).append("\" height=\"").append(p.height()).append('"');
        }
        if (!tag.contains(" loading=")) {
            a.append(" loading=\"lazy\"");
        }
        return a.isEmpty() ? null : a.toString();
    }

    /** The preview's size, after its {@code og:image} tag, or null. */
    private static String ogSize(String tag, ImageCatalog catalog) {
        int from = OG.length();
        int q = tag.indexOf('"', from);
        Picture p = q < 0 ? null : catalog.byUrl(tag.substring(from, q));
        return p == null ? null : "\n<meta property=\"og:image:width\" content=\"" + p.width()
                + "\">\n<meta property=\"og:image:height\" content=\"" + p.height() + "\">";
    }

    /** The address of a narrower copy: the src with {@code .w480} before its extension. */
    static String variantUrl(String src, int width) {
        int cut = src.length();
        for (int i = 0; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '?' || c == '#') {
                cut = i;
                break;
            }
        }
        String path = src.substring(0, cut);
        return Picture.variantPath(path, width) + src.substring(cut);
    }

    /** The index just past the tag's closing {@code >} (quotes respected), or -1. */
    private static int tagEnd(String html, int start) {
        char quote = 0;
        for (int i = start + 1; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return -1;
    }
}
