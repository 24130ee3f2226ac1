package vn.trang.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Makes a {@link Picture}'s files from its original: decoded (TwelveMonkeys' JPEG reader, the
 * JDK's PNG reader), turned upright by its EXIF orientation, scaled down in halving steps, and
 * written again as JPEG (quality {@value #JPEG_QUALITY}) or PNG with no metadata at all: no EXIF,
 * so no GPS position, camera or owner. A damaged file is refused, never published half grey.
 */
public final class ImageEncoder {

    static final float JPEG_QUALITY = 0.82f;
    /** What a fingerprint of the files made must change with (the encoder's settings). */
    public static final String VERSION = "1;q=" + JPEG_QUALITY;

    private ImageEncoder() {
    }

    /** Writes every variant of {@code p} from {@code original} into {@code dir} (the output root). */
    public static void write(Path original, Picture p, Path dir) throws IOException, ImageRejected {
        ImageHeader h = p.header();
        BufferedImage img = upright(decode(original, h, p.published().width()), h.orientation(),
                h.type() == ImageType.PNG);
        List<Picture.Variant> widest = new ArrayList<>(p.variants());
        java.util.Collections.reverse(widest);
        for (Picture.Variant v : widest) {
            img = scale(img, v.width(), v.height());
            Path target = dir.resolve(v.path());
            Files.createDirectories(target.getParent());
            encode(img, h.type(), target);
        }
        if (p.original() != null) {
            Path target = dir.resolve(p.original());
            Files.createDirectories(target.getParent());
            Files.write(target, OriginalCopy.withoutMetadata(Files.readAllBytes(original), h));
        }
    }

    /** The decoding reader: TwelveMonkeys' for JPEG when registered (CMYK, ICC, odd EXIF), else the JDK's. */
    static ImageReader reader(ImageType type) throws IOException {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(type.label().toLowerCase(Locale.ROOT));
        ImageReader first = null;
        while (it.hasNext()) {
            ImageReader r = it.next();
            if (r.getClass().getName().startsWith("com.twelvemonkeys.")) {
                if (first != null) {
                    first.dispose();
                }
                return r;
            }
            if (first == null) {
                first = r;
            } else {
                r.dispose();
            }
        }
        if (first == null) {
            throw new IIOException("no ImageIO reader for " + type);
        }
        return first;
    }

    /**
     * The decoded pixels, read at every n-th pixel when the original is over twice the widest
     * width made (memory: a 50-megapixel original is decoded at a quarter of its pixels).
     */
    private static BufferedImage decode(Path file, ImageHeader h, int widest) throws IOException, ImageRejected {
        if (!complete(file, h.type())) {
            throw ImageHeader.damaged(h.type());
        }
        ImageReader r = reader(h.type());
        List<String> damage = new ArrayList<>();
        r.addIIOReadWarningListener((source, warning) -> {
            String w = warning.toLowerCase(Locale.ROOT);
            if (w.contains("premature") || w.contains("corrupt") || w.contains("truncat")) {
                damage.add(warning);
            }
        });
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            r.setInput(in, true, true);
            ImageReadParam param = r.getDefaultReadParam();
            int step = Math.max(1, h.width() / (2 * widest));
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            BufferedImage img = r.read(0, param);
            if (!damage.isEmpty()) {
                throw ImageHeader.damaged(h.type());
            }
            return img;
        } catch (IIOException | IndexOutOfBoundsException | IllegalArgumentException | IllegalStateException e) {
            // the readers' way of saying the data is damaged
            throw ImageHeader.damaged(h.type());
        } finally {
            r.dispose();
        }
    }

    /**
     * Whether the file ends as its format does (JPEG: the end-of-image marker; PNG: the IEND
     * chunk) within its last 4 KB (cameras may append a little). An upload cut short would
     * otherwise decode with its lower part grey, and readers only warn.
     */
    static boolean complete(Path file, ImageType type) throws IOException {
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            int n = (int) Math.min(size, 4096);
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(n);
            ch.position(size - n);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // fill the tail
            }
            byte[] tail = buf.array();
            for (int i = n - 2; i >= 0; i--) {
                if (type == ImageType.JPEG && (tail[i] & 0xFF) == 0xFF && (tail[i + 1] & 0xFF) == 0xD9) {
                    return true;
                }
                if (type == ImageType.PNG && i + 4 <= n && tail[i] == 'I' && tail[i + 1] == 'E' && tail[i + 2] == 'N'
                        && tail[i + 3] == 'D') {
                    return true;
                }
            }
            return false;
        }
    }

    /** The image as it is meant to be seen (EXIF orientation 2–8), in a plain RGB or ARGB raster. */
    static BufferedImage upright(BufferedImage src, int orientation, boolean keepAlpha) {
        int w = src.getWidth();
        int h = src.getHeight();
        boolean turned = orientation >= 5 && orientation <= 8;
        // (m00, m10, m01, m11, m02, m12): x' = m00·x + m01·y + m02, y' = m10·x + m11·y + m12
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirrored
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // mirrored upside down
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // a quarter turn clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // transversed
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w); // a quarter turn anticlockwise
            default -> new AffineTransform();
        };
        boolean alpha = keepAlpha && src.getColorModel().hasAlpha();
        BufferedImage out = new BufferedImage(turned ? h : w, turned ? w : h,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            if (!alpha) {
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, out.getWidth(), out.getHeight());
            }
            g.drawImage(src, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Scaled to {@code w × h}: halving steps, then one bilinear step (a single step from far would alias). */
    static BufferedImage scale(BufferedImage img, int w, int h) {
        while (img.getWidth() != w || img.getHeight() != h) {
            int nw = img.getWidth() / 2 >= w ? img.getWidth() / 2 : w;
            int nh = img.getWidth() / 2 >= w ? Math.max(h, img.getHeight() / 2) : h;
            BufferedImage next = new BufferedImage(nw, nh, img.getType());
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(img, 0, 0, nw, nh, null);
            } finally {
                g.dispose();
            }
            img = next;
        }
        return img;
    }

    /** Written with no metadata: the writers add none of their own but JFIF (JPEG) or the PNG header. */
    private static void encode(BufferedImage img, ImageType type, Path target) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName(type == ImageType.JPEG ? "jpeg" : "png").next();
        try (OutputStream os = Files.newOutputStream(target);
             ImageOutputStream out = ImageIO.createImageOutputStream(os)) {
            w.setOutput(out);
            ImageWriteParam param = w.getDefaultWriteParam();
            if (type == ImageType.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            w.write(null, new IIOImage(img, null, null), param);
        } finally {
            w.dispose();
        }
    }
}
