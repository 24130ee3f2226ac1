package vn.trang.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/** Images made in tests: photos with EXIF (orientation, a GPS position) and XMP, and hostile files. */
public final class TestImages {

    /** Written in the EXIF description and GPS block, and in the XMP: no output may contain it. */
    public static final String SECRET = "TOA-DO-21.0285N-105.8542E";

    private TestImages() {
    }

    /** A JPEG {@code w × h} as stored: left half red, right half blue (so a turn can be seen). */
    public static byte[] jpeg(int w, int h) {
        return encode(halves(w, h), "jpeg");
    }

    public static byte[] png(int w, int h) {
        return encode(halves(w, h), "png");
    }

    /** A phone photo: the JPEG with an EXIF block (orientation, description, GPS position) and an XMP block. */
    public static byte[] phonePhoto(int w, int h, int orientation) {
        byte[] plain = jpeg(w, h);
        byte[] exif = segment(0xE1, exif(orientation));
        byte[] xmp = segment(0xE1, concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII),
                ("<x:xmpmeta xmlns:x='adobe:ns:meta/'><exif:GPSLatitude>" + SECRET
                        + "</exif:GPSLatitude></x:xmpmeta>").getBytes(StandardCharsets.UTF_8)));
        // after SOI: APP1 (EXIF), APP1 (XMP), then the rest as the encoder wrote it
        return concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, exif, xmp, java.util.Arrays.copyOfRange(plain, 2, plain.length));
    }

    /** A PNG whose header claims {@code w × h} pixels (and nothing behind it): a decompression bomb's header. */
    public static byte[] pngHeader(int w, int h) {
        byte[] b = new byte[33];
        byte[] sig = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(sig, 0, b, 0, sig.length);
        put32(b, 16, w);
        put32(b, 20, h);
        b[24] = 8; // bit depth
        b[25] = 2; // RGB
        return b;
    }

    private static BufferedImage halves(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, w / 2, h);
        g.setColor(Color.BLUE);
        g.fillRect(w / 2, 0, w - w / 2, h);
        g.dispose();
        return img;
    }

    private static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "Exif\0\0" and a big-endian TIFF: IFD0 with orientation, description and a GPS IFD pointer; the GPS IFD. */
    private static byte[] exif(int orientation) {
        byte[] secret = (SECRET + "\0").getBytes(StandardCharsets.US_ASCII);
        int ifd0 = 8;
        int ifd0Size = 2 + 3 * 12 + 4;
        int gps = ifd0 + ifd0Size;
        int gpsSize = 2 + 2 * 12 + 4;
        int text = gps + gpsSize;
        byte[] t = new byte[text + secret.length * 2];
        t[0] = 'M';
        t[1] = 'M';
        t[3] = 42;
        put32(t, 4, ifd0);
        put16(t, ifd0, 3);
        entry(t, ifd0 + 2, 0x010E, 2, secret.length, text); // ImageDescription
        entry(t, ifd0 + 14, 0x0112, 3, 1, orientation << 16); // Orientation (SHORT, left-aligned)
        entry(t, ifd0 + 26, 0x8825, 4, 1, gps); // GPS IFD
        put16(t, gps, 2);
        entry(t, gps + 2, 0x0001, 2, 2, 'N' << 24); // GPSLatitudeRef "N"
        entry(t, gps + 14, 0x001B, 7, secret.length, text + secret.length); // GPSProcessingMethod
        System.arraycopy(secret, 0, t, text, secret.length);
        System.arraycopy(secret, 0, t, text + secret.length, secret.length);
        return concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), t);
    }

    private static void entry(byte[] t, int at, int tag, int type, int count, int value) {
        put16(t, at, tag);
        put16(t, at + 2, type);
        put32(t, at + 4, count);
        put32(t, at + 8, value);
    }

    private static byte[] segment(int marker, byte[] payload) {
        int len = payload.length + 2;
        return concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (len >> 8), (byte) len}, payload);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >> 8);
        b[at + 1] = (byte) v;
    }

    private static void put32(byte[] b, int at, int v) {
        b[at] = (byte) (v >> 24);
        b[at + 1] = (byte) (v >> 16);
        b[at + 2] = (byte) (v >> 8);
        b[at + 3] = (byte) v;
    }

    /** Whether {@code needle} occurs in {@code hay}, byte for byte. */
    public static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
