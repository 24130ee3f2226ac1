package vn.trang.image;

/**
 * The orientation tag (0x0112) of a JPEG's EXIF block: how the camera held the picture. Read
 * by hand from IFD0 (a few bytes) so that the header can be probed without decoding.
 */
final class ExifOrientation {

    private ExifOrientation() {
    }

    /** The orientation in an APP1 segment's payload, else {@code otherwise} (not EXIF, no tag, damaged). */
    static int of(byte[] app1, int otherwise) {
        if (app1.length < 14 || app1[0] != 'E' || app1[1] != 'x' || app1[2] != 'i' || app1[3] != 'f'
                || app1[4] != 0 || app1[5] != 0) {
            return otherwise;
        }
        int t = 6; // TIFF header
        boolean little = app1[t] == 'I' && app1[t + 1] == 'I';
        if (!little && !(app1[t] == 'M' && app1[t + 1] == 'M')) {
            return otherwise;
        }
        long ifd = ImageHeader.int32(app1, t + 4, little) & 0xFFFFFFFFL;
        if (ifd < 8 || t + ifd + 2 > app1.length) {
            return otherwise;
        }
        int at = (int) (t + ifd);
        int entries = u16(app1, at, little);
        for (int i = 0; i < entries; i++) {
            int e = at + 2 + i * 12;
            if (e + 12 > app1.length) {
                return otherwise;
            }
            if (u16(app1, e, little) == 0x0112) {
                int v = u16(app1, e + 8, little);
                return v >= 1 && v <= 8 ? v : otherwise;
            }
        }
        return otherwise;
    }

    private static int u16(byte[] b, int at, boolean little) {
        return little ? ImageType.u(b[at]) | ImageType.u(b[at + 1]) << 8 : ImageType.u(b[at]) << 8 | ImageType.u(b[at + 1]);
    }
}
