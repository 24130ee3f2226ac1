package vn.trang.image;

import java.io.ByteArrayOutputStream;

/**
 * An original published for download, its pixels untouched (no re-encoding) but its metadata
 * removed byte by byte: a JPEG's APP1 (EXIF, XMP), APP12, APP13 (IPTC, Photoshop) and comments;
 * a PNG's eXIf, text and time chunks. The orientation alone is written back (a minimal EXIF
 * block) so that the photo still shows upright. Called on files whose header was read.
 */
final class OriginalCopy {

    private OriginalCopy() {
    }

    static byte[] withoutMetadata(byte[] b, ImageHeader h) throws ImageRejected {
        try {
            return h.type() == ImageType.PNG ? png(b) : jpeg(b, h.orientation());
        } catch (IndexOutOfBoundsException e) {
            throw ImageHeader.damaged(h.type());
        }
    }

    private static byte[] jpeg(byte[] b, int orientation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 2); // SOI
        if (orientation != 1) {
            byte[] exif = orientationOnly(orientation);
            out.write(0xFF);
            out.write(0xE1);
            out.write((exif.length + 2) >> 8);
            out.write(exif.length + 2);
            out.write(exif, 0, exif.length);
        }
        int at = 2;
        while (at < b.length) {
            if ((b[at] & 0xFF) != 0xFF) {
                throw new IndexOutOfBoundsException("not a marker at " + at);
            }
            int marker = b[at + 1] & 0xFF;
            if (marker == 0xDA) {
                break; // start of scan: the rest is image data, copied as is
            }
            int len = ((b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF)) + 2;
            boolean metadata = marker == 0xE1 || marker == 0xEC || marker == 0xED || marker == 0xFE;
            if (!metadata) {
                out.write(b, at, len);
            }
            at += len;
        }
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }

    /** "Exif\0\0" and a TIFF block with one tag: the orientation. */
    private static byte[] orientationOnly(int orientation) {
        return new byte[] {'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1,
                0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, 0, 0, 0, 0};
    }

    private static byte[] png(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 8);
        int at = 8;
        while (at + 12 <= b.length) {
            int len = ImageHeader.int32(b, at, false);
            String type = new String(b, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            int total = 12 + len;
            if (len < 0 || at + total > b.length) {
                throw new IndexOutOfBoundsException();
            }
            if (!type.equals("eXIf") && !type.equals("tEXt") && !type.equals("zTXt") && !type.equals("iTXt")
                    && !type.equals("tIME")) {
                out.write(b, at, total);
            }
            at += total;
            if (type.equals("IEND")) {
                break;
            }
        }
        return out.toByteArray();
    }
}
