package vn.trang.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * The raster icons beside the theme's SVG emblem, drawn at build time: browsers ask for
 * {@code /favicon.ico}, iOS for a 180×180 PNG, link previews and web manifests for a large PNG, and
 * none of them reads SVG everywhere. The drawing is the default theme's placeholder emblem (a red
 * disc, a gold ring and star); a theme or a site override that ships its own
 * {@code img/apple-touch-icon.png}, {@code img/icon-512.png} or {@code img/favicon.ico} in
 * {@code static/} keeps its own.
 */
public final class Icons {

    public static final String TOUCH = "img/apple-touch-icon.png";
    public static final String LARGE = "img/icon-512.png";
    public static final String FAVICON = "img/favicon.ico";

    private static final Color RED = new Color(0xc6, 0x28, 0x28);
    private static final Color GOLD = new Color(0xf6, 0xc3, 0x43);

    private Icons() {
    }

    /**
     * Writes under {@code assetsOut} (a site's assets folder, its static files already copied) the
     * icons none of {@code staticDirs} has.
     *
     * @return how many files were written
     */
    public static int write(List<Path> staticDirs, Path assetsOut) throws IOException {
        int n = 0;
        if (missing(staticDirs, TOUCH)) {
            n += put(assetsOut.resolve(TOUCH), png(180));
        }
        if (missing(staticDirs, LARGE)) {
            n += put(assetsOut.resolve(LARGE), png(512));
        }
        if (missing(staticDirs, FAVICON)) {
            n += put(assetsOut.resolve(FAVICON), ico(png(32), 32));
        }
        return n;
    }

    /** Copies the shared favicon to {@code out/favicon.ico}, the address browsers try on their own. */
    public static int writeRoot(Path out) throws IOException {
        return put(out.resolve("favicon.ico"), Files.readAllBytes(out.resolve("_assets").resolve(FAVICON)));
    }

    private static boolean missing(List<Path> staticDirs, String file) {
        return staticDirs.stream().noneMatch(d -> Files.exists(d.resolve(file)));
    }

    private static int put(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return 1;
    }

    /** The emblem as a PNG of {@code size}×{@code size} pixels. */
    static byte[] png(int size) throws IOException {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            // the SVG's 64-unit box, scaled; a touch icon is shown on a square, so fill it white
            double k = size / 64.0;
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size, size);
            g.setColor(RED);
            g.fill(new Ellipse2D.Double(5 * k, 5 * k, 54 * k, 54 * k));
            g.setColor(GOLD);
            g.setStroke(new BasicStroke((float) (3 * k)));
            g.draw(new Ellipse2D.Double(5 * k, 5 * k, 54 * k, 54 * k));
            double[] star = {32, 13.5, 36.6, 27.2, 51, 27.3, 39.4, 35.9, 43.8, 49.7, 32, 41.3, 20.2, 49.7, 24.6, 35.9,
                    13, 27.3, 27.4, 27.2};
            Path2D.Double p = new Path2D.Double();
            p.moveTo(star[0] * k, star[1] * k);
            for (int i = 2; i < star.length; i += 2) {
                p.lineTo(star[i] * k, star[i + 1] * k);
            }
            p.closePath();
            g.fill(p);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(img, "png", bytes);
        return bytes.toByteArray();
    }

    /** An .ico holding one PNG image (read by every browser since Windows Vista's format). */
    static byte[] ico(byte[] png, int size) {
        ByteBuffer b = ByteBuffer.allocate(6 + 16 + png.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 1); // reserved, type icon, one image
        b.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size)); // width, height
        b.put((byte) 0).put((byte) 0); // no palette, reserved
        b.putShort((short) 1).putShort((short) 32); // colour planes, bits per pixel
        b.putInt(png.length).putInt(6 + 16); // size of the image, where it starts
        b.put(png);
        return b.array();
    }
}
