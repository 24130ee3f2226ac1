package vn.trang.image;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.trang.text.HtmlTags;

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
    /** A template's {@code sizes} for when the image has narrower copies (a {@code sizes} without {@code srcset} is invalid). */
    private static final Pattern DATA_SIZES = Pattern.compile("\\sdata-sizes=\"([^\"]*)\"");
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
            int close = HtmlTags.end(html, start);
            if (close < 0) {
                // not a tag a page of ours writes (none closes before the next '<'): leave it
                at = start + 1;
                continue;
            }
            int end = close + 1;
            String tag = html.substring(start, end);
            String added = start == og ? ogSize(tag, catalog) : describe(tag, catalog);
            if (added != null) {
                if (out == null) {
                    out = new StringBuilder(html.length() + 512);
                }
                if (start == og) {
                    out.append(html, copied, end).append(added);
                } else {
                    out.append(html, copied, start).append(added);
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

    /** The {@code <img>} tag with its image described, or null to keep it. */
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
        String sizes = DEFAULT_SIZES;
        Matcher given = DATA_SIZES.matcher(tag);
        if (given.find()) {
            sizes = given.group(1);
            tag = tag.substring(0, given.start()) + tag.substring(given.end());
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
                a.append(" sizes=\"").append(sizes).append('"');
            }
        }
        if (!tag.contains(" width=") && !tag.contains(" height=")) {
            a.append(" width=\"").append(p.width()).append("\" height=\"").append(p.height()).append('"');
        }
        if (!tag.contains(" loading=")) {
            a.append(" loading=\"lazy\"");
        }
        if (a.isEmpty()) {
            return null;
        }
        int close = tag.endsWith("/>") ? tag.length() - 2 : tag.length() - 1;
        return tag.substring(0, close) + a + tag.substring(close);
    }

    /** The preview's size, after its {@code og:image} tag, or null. */
    private static String ogSize(String tag, ImageCatalog catalog) {
        int from = OG.length();
        int q = tag.indexOf('"', from);
        Picture p = q < 0 ? null : catalog.byAbsoluteUrl(tag.substring(from, q));
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
}
