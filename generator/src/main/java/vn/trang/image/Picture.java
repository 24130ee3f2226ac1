package vn.trang.image;

import java.util.ArrayList;
import java.util.List;

/**
 * One content image as published: the processed largest width at the original's path, and
 * narrower copies beside it ({@code anh.w480.jpg}), never wider than the original.
 *
 * @param path     the original's path under the output root ({@code so-a/tin-tuc/anh.jpg})
 * @param header   what the original's header says
 * @param variants the files made, narrowest first; the last is at {@code path}
 * @param original where the original goes, its metadata removed ({@code anh.goc.jpg}), or null:
 *                 not published unless an editor asks for it
 */
public record Picture(String path, ImageHeader header, List<Variant> variants, String original) {

    /** The widths made, when the original is wider; the widest is published at the original's path. */
    public static final int[] WIDTHS = {480, 960, 1600};

    /** One file made from the original. */
    public record Variant(String path, int width, int height) {
    }

    public Picture {
        variants = List.copyOf(variants);
    }

    /** The widths an original of this shown size is made in, and where each goes; the original is not published. */
    public static Picture plan(String path, ImageHeader h) {
        return plan(path, h, false);
    }

    /** @param withOriginal publish the original too, as {@code anh.goc.jpg} */
    public static Picture plan(String path, ImageHeader h, boolean withOriginal) {
        int top = Math.min(h.width(), WIDTHS[WIDTHS.length - 1]);
        List<Variant> out = new ArrayList<>();
        for (int w : WIDTHS) {
            if (w < top) {
                out.add(new Variant(variantPath(path, w), w, scaled(h, w)));
            }
        }
        out.add(new Variant(path, top, scaled(h, top)));
        return new Picture(path, h, out, withOriginal ? originalPath(path) : null);
    }

    /** The published (widest) file: the one at the original's path. */
    public Variant published() {
        return variants.get(variants.size() - 1);
    }

    public int width() {
        return published().width();
    }

    public int height() {
        return published().height();
    }

    /** Every file made: the variants, then the original when it is published. */
    public List<String> files() {
        List<String> all = new ArrayList<>();
        variants.forEach(v -> all.add(v.path()));
        if (original != null) {
            all.add(original);
        }
        return all;
    }

    /** {@code anh.jpg} → {@code anh.goc.jpg}. */
    static String originalPath(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash ? path.substring(0, dot) + ".goc" + path.substring(dot) : path + ".goc";
    }

    /** {@code anh.jpg} at 480 → {@code anh.w480.jpg}: beside the original, same extension. */
    static String variantPath(String path, int width) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash ? path.substring(0, dot) + ".w" + width + path.substring(dot)
                : path + ".w" + width;
    }

    private static int scaled(ImageHeader h, int w) {
        return Math.max(1, (int) Math.round((double) h.height() * w / h.width()));
    }
}
