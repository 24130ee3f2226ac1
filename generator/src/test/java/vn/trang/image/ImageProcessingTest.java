package vn.trang.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading headers, refusing what is not an image, and making the published files. */
class ImageProcessingTest {

    @TempDir
    Path tmp;

    private Path file(String name, byte[] bytes) throws IOException {
        Path p = tmp.resolve("in").resolve(name);
        Files.createDirectories(p.getParent());
        return Files.write(p, bytes);
    }

    @Test
    void aPhoneShotTakenUprightIsTallerThanWideAndComesOutUpright() throws Exception {
        // stored 200 × 100, left red, right blue; orientation 6: turn a quarter clockwise to view
        Path in = file("anh.jpg", TestImages.phonePhoto(200, 100, 6));
        ImageHeader h = ImageHeader.read(in, ImageType.JPEG);
        assertEquals(List.of(100, 200, 6), List.of(h.width(), h.height(), h.orientation()));
        Picture p = Picture.plan("a/anh.jpg", h);
        ImageEncoder.write(in, p, tmp.resolve("out"));
        BufferedImage out = ImageIO.read(tmp.resolve("out/a/anh.jpg").toFile());
        assertEquals(100, out.getWidth());
        assertEquals(200, out.getHeight());
        // turned clockwise, the stored left (red) is on top, the right (blue) below
        assertTrue(red(out.getRGB(50, 20)) > 200 && blue(out.getRGB(50, 20)) < 60, "red on top");
        assertTrue(blue(out.getRGB(50, 180)) > 200 && red(out.getRGB(50, 180)) < 60, "blue below");
    }

    @Test
    void noFileMadeCarriesTheExifOrXmpOfTheOriginal() throws Exception {
        byte[] photo = TestImages.phonePhoto(2000, 1500, 1);
        assertTrue(TestImages.contains(photo, TestImages.SECRET.getBytes(StandardCharsets.US_ASCII)), "the test photo has it");
        Path in = file("anh.jpg", photo);
        Picture p = Picture.plan("a/anh.jpg", ImageHeader.read(in, ImageType.JPEG));
        assertEquals(List.of(480, 960, 1600), p.variants().stream().map(Picture.Variant::width).toList());
        ImageEncoder.write(in, p, tmp.resolve("out"));
        for (Picture.Variant v : p.variants()) {
            byte[] b = Files.readAllBytes(tmp.resolve("out").resolve(v.path()));
            assertFalse(TestImages.contains(b, TestImages.SECRET.getBytes(StandardCharsets.US_ASCII)), v.path());
            assertFalse(TestImages.contains(b, "Exif\0\0".getBytes(StandardCharsets.US_ASCII)), v.path() + " has EXIF");
            assertFalse(TestImages.contains(b, "http://ns.adobe.com/xap".getBytes(StandardCharsets.US_ASCII)), v.path() + " has XMP");
            BufferedImage img = ImageIO.read(tmp.resolve("out").resolve(v.path()).toFile());
            assertEquals(List.of(v.width(), v.height()), List.of(img.getWidth(), img.getHeight()));
        }
        assertEquals("a/anh.w480.jpg", p.variants().get(0).path());
        assertEquals("a/anh.jpg", p.published().path());
    }

    @Test
    void aSmallImageIsNeverEnlarged() throws Exception {
        Path in = file("nho.png", TestImages.png(300, 200));
        Picture p = Picture.plan("a/nho.png", ImageHeader.read(in, ImageType.PNG));
        assertEquals(1, p.variants().size());
        assertEquals(List.of(300, 200), List.of(p.width(), p.height()));
        ImageEncoder.write(in, p, tmp.resolve("out"));
        assertEquals(300, ImageIO.read(tmp.resolve("out/a/nho.png").toFile()).getWidth());
    }

    @Test
    void aFileThatIsNotTheImageItsNameSaysIsRefused() throws Exception {
        ImageRejected pdf = assertThrows(ImageRejected.class, () -> ImageHeader.read(
                file("a.jpg", "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII)), ImageType.JPEG));
        assertTrue(pdf.getMessage().contains("PDF"), pdf.getMessage());
        ImageRejected png = assertThrows(ImageRejected.class, () -> ImageHeader.read(
                file("b.jpg", TestImages.png(10, 10)), ImageType.JPEG));
        assertTrue(png.getMessage().contains("PNG") && png.fix().contains("PNG"), png.getMessage());
        ImageRejected text = assertThrows(ImageRejected.class, () -> ImageHeader.read(
                file("c.png", "xin chào".getBytes(StandardCharsets.UTF_8)), ImageType.PNG));
        assertTrue(text.getMessage().contains("văn bản"), text.getMessage());
    }

    @Test
    void aTruncatedJpegIsRefused() throws Exception {
        byte[] whole = TestImages.jpeg(800, 600);
        Path head = file("dau.jpg", Arrays.copyOf(whole, 120)); // cut before the frame header
        assertThrows(ImageRejected.class, () -> ImageHeader.read(head, ImageType.JPEG));
        Path body = file("than.jpg", Arrays.copyOf(whole, whole.length / 2)); // cut inside the image data
        Picture p = Picture.plan("a/than.jpg", ImageHeader.read(body, ImageType.JPEG));
        assertThrows(ImageRejected.class, () -> ImageEncoder.write(body, p, tmp.resolve("out")));
    }

    @Test
    void aDecompressionBombIsRefusedByItsHeaderAtOnce() throws Exception {
        Path bomb = file("bom.png", TestImages.pngHeader(100_000, 100_000));
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            ImageRejected r = assertThrows(ImageRejected.class, () -> ImageHeader.read(bomb, ImageType.PNG));
            assertTrue(r.getMessage().contains("100000 × 100000"), r.getMessage());
        });
        // just under the limit is read (its header only)
        ImageHeader ok = ImageHeader.read(file("lon.png", TestImages.pngHeader(10_000, 5_000)), ImageType.PNG);
        assertEquals(50_000_000L, (long) ok.width() * ok.height());
    }

    @Test
    void jpegIsDecodedByTwelveMonkeys() throws Exception {
        // the registration must survive packaging (META-INF/services merged in the product jar)
        javax.imageio.ImageReader r = ImageEncoder.reader(ImageType.JPEG);
        try {
            assertTrue(r.getClass().getName().startsWith("com.twelvemonkeys."), r.getClass().getName());
        } finally {
            r.dispose();
        }
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xFF;
    }

    private static int blue(int rgb) {
        return rgb & 0xFF;
    }
}
