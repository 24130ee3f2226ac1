package vn.trang.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Diags;
import vn.trang.Fixture;
import vn.trang.diag.Diagnostic;
import vn.trang.image.TestImages;

/** Content images through a whole build: described in pages, stripped, refused, rebuilt when changed. */
class ImageBuildTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

    @TempDir
    Path tmp;

    static BuildResult build(Fixture f, Path out, boolean cache) {
        return new Builder().build(new BuildOptions(f.root, out, null, "default", 2, AS_OF).withCache(cache));
    }

    static Fixture project(Path dir, byte[] photo) {
        Fixture f = Fixture.standard(dir);
        f.write("content/so-a/tin-tuc/a.md", Fixture.md("title: Tin A\ndate: 2026-01-02\nsummary: Thử.\n"
                + "image: hoi-nghi.jpg\nimage_alt: Quang cảnh hội nghị", "Ảnh trong bài:\n\n![Đại biểu](dai-bieu.png)\n"));
        f.bytes("content/so-a/tin-tuc/hoi-nghi.jpg", photo);
        f.bytes("content/so-a/tin-tuc/dai-bieu.png", TestImages.png(1000, 500));
        return f;
    }

    @Test
    void pagesDescribeTheImagesAndNoFileCarriesTheGpsPosition() throws IOException {
        Fixture f = project(tmp, TestImages.phonePhoto(2000, 1000, 1));
        BuildResult r = build(f, f.out(), false);
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        String page = Files.readString(f.out().resolve("so-a/tin-tuc/tin-a/index.html"));
        assertTrue(page.contains(" srcset=\"/so-a/tin-tuc/hoi-nghi.w480.jpg 480w, /so-a/tin-tuc/hoi-nghi.w960.jpg 960w,"
                + " /so-a/tin-tuc/hoi-nghi.jpg 1600w\" sizes=\""), page);
        assertTrue(page.contains("width=\"1600\" height=\"800\""), page);
        assertTrue(page.contains("/so-a/tin-tuc/dai-bieu.w480.png 480w, /so-a/tin-tuc/dai-bieu.w960.png 960w,"
                + " /so-a/tin-tuc/dai-bieu.png 1000w\""), page);
        assertTrue(page.contains("alt=\"Đại biểu\" loading=\"lazy\" srcset="), page);
        assertTrue(page.contains("width=\"1000\" height=\"500\""), page);
        assertTrue(page.contains("<meta property=\"og:image:width\" content=\"1600\">"), page);
        String list = Files.readString(f.out().resolve("so-a/tin-tuc/index.html"));
        assertTrue(list.contains("class=\"item-thumb\" src=\"/so-a/tin-tuc/hoi-nghi.jpg\""), list);
        assertTrue(list.contains("hoi-nghi.w480.jpg 480w"), list);
        assertTrue(list.contains(" sizes=\"(min-width: 48em) 9rem, 6rem\""), "the template's sizes: " + list);
        assertFalse(list.contains("data-sizes"), list);
        byte[] secret = TestImages.SECRET.getBytes(StandardCharsets.US_ASCII);
        try (Stream<Path> files = Files.walk(f.out())) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                assertFalse(TestImages.contains(Files.readAllBytes(p), secret), p + " carries the photo's GPS block");
            }
        }
        assertTrue(Files.exists(f.out().resolve("so-a/tin-tuc/hoi-nghi.w960.jpg")));
        assertFalse(Files.exists(f.out().resolve("so-a/tin-tuc/hoi-nghi.goc.jpg")), "originals are not published");
        assertFalse(page.contains("Tải ảnh gốc"), page);
    }

    @Test
    void anotherUnitCannotPublishThisUnitsOriginal() throws Exception {
        Fixture f = project(tmp, TestImages.phonePhoto(2000, 1000, 6));
        f.write("content/xa-b/tin-tuc/b.md", Fixture.md("title: Tin B\ndate: 2026-01-02\nsummary: Thử.\n"
                + "image: /so-a/tin-tuc/hoi-nghi.jpg\nimage_alt: Hội nghị\noriginal_image: true", "Nội dung.\n"));
        // `image:` must lie beside the Markdown file, so the address is refused at parse
        BuildResult r = build(f, f.out(), false);
        assertFalse(r.ok());
        assertTrue(Diags.dump(r.diagnostics()).contains("content/xa-b/tin-tuc/b.md:5:8"), () -> Diags.dump(r.diagnostics()));
        assertFalse(Files.exists(f.out().resolve("so-a/tin-tuc/hoi-nghi.goc.jpg")),
                "an editor of xa-b put a file into so-a's folder");
    }

    @Test
    void anOriginalAskedForIsPublishedWithoutItsMetadataButUpright() throws Exception {
        byte[] photo = TestImages.phonePhoto(2000, 1000, 6);
        Fixture f = project(tmp, photo);
        f.write("content/so-a/tin-tuc/a.md", Fixture.md("title: Tin A\ndate: 2026-01-02\nsummary: Thử.\n"
                + "image: hoi-nghi.jpg\nimage_alt: Quang cảnh hội nghị\noriginal_image: true", "Nội dung.\n"));
        BuildResult r = build(f, f.out(), false);
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        Path original = f.out().resolve("so-a/tin-tuc/hoi-nghi.goc.jpg");
        byte[] b = Files.readAllBytes(original);
        assertFalse(TestImages.contains(b, TestImages.SECRET.getBytes(StandardCharsets.US_ASCII)), "GPS, description and XMP gone");
        assertFalse(TestImages.contains(b, "ns.adobe.com/xap".getBytes(StandardCharsets.US_ASCII)));
        vn.trang.image.ImageHeader h = vn.trang.image.ImageHeader.read(original, vn.trang.image.ImageType.JPEG);
        assertEquals(List.of(1000, 2000, 6), List.of(h.width(), h.height(), h.orientation()), "still upright, full size");
        // the image data is copied as it is, only the metadata goes
        assertTrue(b.length < photo.length);
        String page = Files.readString(f.out().resolve("so-a/tin-tuc/tin-a/index.html"));
        assertTrue(page.contains("<a href=\"/so-a/tin-tuc/hoi-nghi.goc.jpg\" download>Tải ảnh gốc</a>"), page);
    }

    @Test
    void aFileThatIsNotItsImageTypeFailsTheBuildWithItsPath() {
        Fixture f = project(tmp, "%PDF-1.4 công văn".getBytes(StandardCharsets.UTF_8));
        BuildResult r = build(f, f.out(), false);
        assertFalse(r.ok());
        // the image's own error; the pages showing it then have a broken link each, also errors
        List<Diagnostic> errors = r.diagnostics().list().stream().filter(Diagnostic::isError)
                .filter(d -> d.file().endsWith(".jpg")).toList();
        assertEquals(1, errors.size(), () -> Diags.dump(r.diagnostics()));
        assertTrue(errors.get(0).file().endsWith("content/so-a/tin-tuc/hoi-nghi.jpg"), errors.get(0).file());
        assertTrue(errors.get(0).message().contains("PDF"), errors.get(0).message());
        assertFalse(Files.exists(f.out()), "nothing is published");
    }

    @Test
    void aChangedImageIsMadeAgainAndPagesShowItsNewSize() throws IOException {
        Fixture f = project(tmp, TestImages.phonePhoto(2000, 1000, 1));
        assertTrue(build(f, f.out(), true).ok());
        Path png = f.out().resolve("so-a/tin-tuc/dai-bieu.png");
        long pngTime = Files.getLastModifiedTime(png).toMillis();
        f.bytes("content/so-a/tin-tuc/hoi-nghi.jpg", TestImages.phonePhoto(1200, 1000, 1));
        BuildResult r = build(f, f.out(), true);
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        String page = Files.readString(f.out().resolve("so-a/tin-tuc/tin-a/index.html"));
        assertTrue(page.contains("width=\"1200\" height=\"1000\""), page);
        assertFalse(Files.exists(f.out().resolve("so-a/tin-tuc/hoi-nghi.w1600.jpg")));
        assertEquals(pngTime, Files.getLastModifiedTime(png).toMillis(), "an unchanged image is not made again");
        // what the incremental build holds is what a whole build makes
        Path full = tmp.resolve("full");
        assertTrue(build(f, full, false).ok());
        for (String p : List.of("so-a/tin-tuc/hoi-nghi.jpg", "so-a/tin-tuc/hoi-nghi.w960.jpg",
                "so-a/tin-tuc/tin-a/index.html")) {
            assertArrayEquals(Files.readAllBytes(full.resolve(p)), Files.readAllBytes(f.out().resolve(p)), p);
        }
        assertFalse(Files.exists(f.out().resolve("so-a/tin-tuc/hoi-nghi.w1600.jpg")));
    }

    @Test
    void aFileStillHeavyAfterProcessingIsAWarningWithItsPath() {
        Fixture f = project(tmp, TestImages.jpeg(800, 600));
        // noise does not compress: a 1000 × 1000 PNG of it is near 3 MB
        java.awt.image.BufferedImage noise = new java.awt.image.BufferedImage(1000, 1000,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.Random rnd = new java.util.Random(1);
        for (int y = 0; y < 1000; y++) {
            for (int x = 0; x < 1000; x++) {
                noise.setRGB(x, y, rnd.nextInt(1 << 24));
            }
        }
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(noise, "png", png);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        f.bytes("content/so-a/tin-tuc/dai-bieu.png", png.toByteArray());
        BuildResult r = build(f, f.out(), false);
        assertTrue(r.ok(), () -> Diags.dump(r.diagnostics()));
        List<Diagnostic> heavy = r.diagnostics().list().stream().filter(d -> d.message().contains("nặng")).toList();
        assertEquals(1, heavy.size(), () -> Diags.dump(r.diagnostics()));
        assertTrue(heavy.get(0).file().endsWith("content/so-a/tin-tuc/dai-bieu.png"), heavy.get(0).file());
        assertTrue(heavy.get(0).message().contains("/so-a/tin-tuc/dai-bieu.png"), heavy.get(0).message());
    }

}
