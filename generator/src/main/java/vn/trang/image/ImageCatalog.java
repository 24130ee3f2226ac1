package vn.trang.image;

import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import vn.trang.cache.Digest;
import vn.trang.cache.Hasher;

/**
 * The build's processed images by output path: what pages need to describe them (sizes and
 * narrower copies) before the images themselves are written. Its {@link #digest} is part of every
 * page's fingerprint, so a page never keeps the dimensions of an image that changed.
 */
public final class ImageCatalog {

    private static final ImageCatalog EMPTY = new ImageCatalog(Map.of());

    private final Map<String, Picture> byPath;
    private final Digest digest;

    public ImageCatalog(Map<String, Picture> byPath) {
        this.byPath = Map.copyOf(byPath);
        Hasher h = new Hasher().putString("images");
        for (Picture p : new TreeMap<>(byPath).values()) {
            h.putString(p.path());
            for (Picture.Variant v : p.variants()) {
                h.putString(v.path()).putInt(v.width()).putInt(v.height());
            }
            h.putString(String.valueOf(p.original()));
        }
        this.digest = h.digest();
    }

    public static ImageCatalog empty() {
        return EMPTY;
    }

    public boolean isEmpty() {
        return byPath.isEmpty();
    }

    public Collection<Picture> pictures() {
        return byPath.values();
    }

    public Picture get(String outputPath) {
        return byPath.get(outputPath);
    }

    /** What pages depend on: every image's files and sizes. */
    public Digest digest() {
        return digest;
    }

    /**
     * The picture an address in a page points at ({@code /so-a/tin-tuc/anh.jpg}), or null: another
     * host's, a page's, or an image not processed.
     */
    public Picture byUrl(String url) {
        if (url == null || !url.startsWith("/") || url.startsWith("//")) {
            return null;
        }
        return byAbsoluteUrl(url);
    }

    /**
     * The picture of a share preview's absolute URL (the build makes those from the site's own
     * address, never another host's), or of a path; null when none.
     */
    public Picture byAbsoluteUrl(String url) {
        if (byPath.isEmpty() || url == null || url.isEmpty()) {
            return null;
        }
        try {
            String path = URI.create(url.replace("&amp;", "&")).getPath();
            return path == null || !path.startsWith("/") ? null : byPath.get(path.substring(1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
