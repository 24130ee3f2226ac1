package vn.trang.image;

import java.util.Locale;

/**
 * The raster formats content may hold, told by their first bytes (never by the name alone: a
 * PDF renamed .jpg must not reach citizens as a broken image). JPEG and PNG are re-encoded
 * ({@link ImageEncoder}); GIF (it may be animated), BMP and WebP are published as they are.
 */
public enum ImageType {
    JPEG("JPEG", true), PNG("PNG", true), GIF("GIF", false), BMP("BMP", false), WEBP("WebP", false);

    private final String label;
    private final boolean processed;

    ImageType(String label, boolean processed) {
        this.label = label;
        this.processed = processed;
    }

    /** How an editor knows the format ("JPEG"). */
    public String label() {
        return label;
    }

    /** Whether the build decodes, resizes and re-encodes this format. */
    public boolean processed() {
        return processed;
    }

    /** The type a file name promises ({@code anh.JPG} → JPEG), or null for a file that is not an image. */
    public static ImageType byName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "jpg", "jpeg" -> JPEG;
            case "png" -> PNG;
            case "gif" -> GIF;
            case "bmp" -> BMP;
            case "webp" -> WEBP;
            default -> null;
        };
    }

    /** The image type of these first bytes, or null. */
    public static ImageType sniff(byte[] head, int n) {
        if (n >= 3 && u(head[0]) == 0xFF && u(head[1]) == 0xD8 && u(head[2]) == 0xFF) {
            return JPEG;
        }
        if (n >= 8 && u(head[0]) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G'
                && head[4] == 0x0D && head[5] == 0x0A && head[6] == 0x1A && head[7] == 0x0A) {
            return PNG;
        }
        if (n >= 6 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F' && head[3] == '8') {
            return GIF;
        }
        if (n >= 2 && head[0] == 'B' && head[1] == 'M') {
            return BMP;
        }
        if (n >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return WEBP;
        }
        return null;
    }

    /** What a non-image file seems to be, for the error message ("PDF", "văn bản"), or null. */
    static String describe(byte[] head, int n) {
        if (n >= 4 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') {
            return "PDF";
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return "tệp nén ZIP/DOCX";
        }
        if (n == 0) {
            return "tệp rỗng";
        }
        for (int i = 0; i < n; i++) {
            int b = u(head[i]);
            if (b < 0x09 || (b > 0x0D && b < 0x20)) {
                return null;
            }
        }
        return "văn bản";
    }

    static int u(byte b) {
        return b & 0xFF;
    }
}
