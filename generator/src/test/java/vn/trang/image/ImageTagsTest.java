package vn.trang.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** How a rendered page's images are described. */
class ImageTagsTest {

    private static final ImageCatalog CATALOG = new ImageCatalog(Map.of(
            "a/anh.jpg", Picture.plan("a/anh.jpg", new ImageHeader(ImageType.JPEG, 1000, 500, 1)),
            "a/nho.png", Picture.plan("a/nho.png", new ImageHeader(ImageType.PNG, 300, 200, 1))));

    @Test
    void anImageWithNarrowerCopiesGetsSrcsetSizesAndItsSize() {
        assertEquals("<p><img src=\"/a/anh.jpg\" alt=\"Hội nghị &gt; 1\" srcset=\"/a/anh.w480.jpg 480w,"
                        + " /a/anh.w960.jpg 960w, /a/anh.jpg 1000w\" sizes=\"" + ImageTags.DEFAULT_SIZES
                        + "\" width=\"1000\" height=\"500\" loading=\"lazy\"></p>",
                ImageTags.rewrite("<p><img src=\"/a/anh.jpg\" alt=\"Hội nghị &gt; 1\"></p>", CATALOG));
    }

    @Test
    void whatTheTagSaysAlreadyIsKept() {
        // an editor's width (its height would then be a guess), an eager image, a template's sizes
        assertEquals("<img src=\"/a/anh.jpg\" width=\"300\" loading=\"eager\" srcset=\"/a/anh.w480.jpg 480w,"
                        + " /a/anh.w960.jpg 960w, /a/anh.jpg 1000w\" sizes=\"6rem\">",
                ImageTags.rewrite("<img src=\"/a/anh.jpg\" width=\"300\" loading=\"eager\" data-sizes=\"6rem\">", CATALOG));
        // a small image: no srcset, so no sizes either
        assertEquals("<img src=\"/a/nho.png\" alt=\"\" width=\"300\" height=\"200\" loading=\"lazy\">",
                ImageTags.rewrite("<img src=\"/a/nho.png\" alt=\"\" data-sizes=\"6rem\">", CATALOG));
    }

    @Test
    void otherImagesAndPagesWithoutImagesAreLeftAlone() {
        String page = "<img src=\"/_assets/img/logo.svg\" alt=\"\"><img src=\"https://other.example/a/anh.jpg\">";
        assertSame(page, ImageTags.rewrite(page, CATALOG));
        assertSame(page, ImageTags.rewrite(page, ImageCatalog.empty()));
    }

    @Test
    void anUnclosedTagDoesNotStopTheImagesAfterIt() {
        String page = "<p>&lt;img <img src=\"/a/nho.png\" alt=\"x\" <b>…</b></p><img src=\"/a/nho.png\" alt=\"\">";
        assertEquals("<p>&lt;img <img src=\"/a/nho.png\" alt=\"x\" <b>…</b></p>"
                        + "<img src=\"/a/nho.png\" alt=\"\" width=\"300\" height=\"200\" loading=\"lazy\">",
                ImageTags.rewrite(page, CATALOG));
    }

    @Test
    void theSharePreviewGetsItsSize() {
        assertEquals("<meta property=\"og:image\" content=\"https://tinh.example.vn/a/anh.jpg\">\n"
                        + "<meta property=\"og:image:width\" content=\"1000\">\n<meta property=\"og:image:height\" content=\"500\">",
                ImageTags.rewrite("<meta property=\"og:image\" content=\"https://tinh.example.vn/a/anh.jpg\">", CATALOG));
    }
}
