package vn.trang.image;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What an image file's header says, read without decoding a pixel: its real type, its size as
 * shown (EXIF orientation applied: a phone photo taken upright is taller than wide), and its
 * orientation. The pixel limit is checked here, so a file whose header claims 100,000 × 100,000
 * pixels (a decompression bomb) is refused before anything is allocated.
 *
 * @param width       shown width in pixels (after orientation)
 * @param height      shown height in pixels
 * @param orientation EXIF orientation 1–8 (1: as stored)
 */
public record ImageHeader(ImageType type, int width, int height, int orientation) {

    /** Most pixels an image may have: 50 megapixels (a 8,660 × 5,773 photo); decoding one takes ~200 MB. */
    public static final long MAX_PIXELS = 50_000_000L;

    /** Whether width and height are swapped by the orientation (EXIF 5–8: turned a quarter). */
    public boolean turned() {
        return orientation >= 5 && orientation <= 8;
    }

    /**
     * Reads the header of {@code file}, which its name says is {@code named}.
     *
     * @throws ImageRejected the content is not that image type, is damaged, or is too large
     */
    public static ImageHeader read(Path file, ImageType named) throws IOException, ImageRejected {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 14)) {
            in.mark(16);
            byte[] head = new byte[16];
            int n = in.readNBytes(head, 0, head.length);
            in.reset();
            ImageType real = ImageType.sniff(head, n);
            if (real != named) {
                String what = real != null ? "ảnh " + real.label() : ImageType.describe(head, n);
                throw new ImageRejected("tệp mang đuôi ảnh " + named.label() + " nhưng nội dung "
                        + (what == null ? "không phải ảnh" : "là " + what),
                        "một ảnh " + named.label() + " thật",
                        real != null ? "đổi đuôi tệp cho đúng loại ảnh (" + real.label() + ") rồi sửa các chỗ dẫn tới nó"
                                : "mở ảnh gốc bằng trình xem ảnh, lưu (xuất) lại dưới dạng JPEG hoặc PNG");
            }
            ImageHeader h = switch (real) {
                case JPEG -> jpeg(in);
                case PNG -> png(in);
                default -> new ImageHeader(real, 0, 0, 1);
            };
            if (real.processed() && (h.width <= 0 || h.height <= 0 || (long) h.width * h.height > MAX_PIXELS)) {
                throw new ImageRejected("ảnh quá lớn hoặc khai báo kích thước sai: " + h.width + " × " + h.height
                        + " điểm ảnh", "tối đa " + MAX_PIXELS / 1_000_000 + " triệu điểm ảnh",
                        "thu nhỏ ảnh (ví dụ rộng 2000 điểm ảnh) rồi lưu lại");
            }
            return h;
        } catch (EOFException e) {
            throw damaged(named);
        }
    }

    static ImageRejected damaged(ImageType type) {
        return new ImageRejected("ảnh " + type.label() + " bị hỏng hoặc không trọn vẹn (tải lên bị ngắt?)",
                "một ảnh " + type.label() + " đầy đủ", "mở ảnh gốc bằng trình xem ảnh, lưu lại rồi thay tệp này");
    }

    /** PNG: the size is in IHDR, the first chunk. PNG has no orientation the build applies. */
    private static ImageHeader png(InputStream in) throws IOException {
        byte[] b = in.readNBytes(24);
        if (b.length < 24 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
            throw new EOFException();
        }
        return new ImageHeader(ImageType.PNG, int32(b, 16, false), int32(b, 20, false), 1);
    }

    /** JPEG: the segments up to the frame header (SOF), reading the EXIF orientation on the way. */
    private static ImageHeader jpeg(InputStream in) throws IOException {
        in.skipNBytes(2); // SOI
        int orientation = 1;
        while (true) {
            int b = next(in);
            if (b != 0xFF) {
                throw new EOFException(); // not a marker: damaged
            }
            int marker;
            do {
                marker = next(in);
            } while (marker == 0xFF);
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                throw new EOFException(); // image data or end before any frame header
            }
            int len = (next(in) << 8 | next(in)) - 2;
            if (len < 0) {
                throw new EOFException();
            }
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                byte[] f = in.readNBytes(Math.min(len, 5));
                if (f.length < 5) {
                    throw new EOFException();
                }
                int height = (ImageType.u(f[1]) << 8) | ImageType.u(f[2]);
                int width = (ImageType.u(f[3]) << 8) | ImageType.u(f[4]);
                boolean turned = orientation >= 5;
                return new ImageHeader(ImageType.JPEG, turned ? height : width, turned ? width : height, orientation);
            }
            if (marker == 0xE1) {
                byte[] app1 = in.readNBytes(len);
                if (app1.length < len) {
                    throw new EOFException();
                }
                orientation = ExifOrientation.of(app1, orientation);
            } else {
                in.skipNBytes(len);
            }
        }
    }

    private static int next(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    static int int32(byte[] b, int at, boolean little) {
        return little
                ? ImageType.u(b[at]) | ImageType.u(b[at + 1]) << 8 | ImageType.u(b[at + 2]) << 16 | ImageType.u(b[at + 3]) << 24
                : ImageType.u(b[at]) << 24 | ImageType.u(b[at + 1]) << 16 | ImageType.u(b[at + 2]) << 8 | ImageType.u(b[at + 3]);
    }
}
