package vn.trang.model;

/**
 * A news or direction item (tin tức, chỉ đạo điều hành, thông báo).
 *
 * @param originalImage the editor asks for the image's original to be downloadable ({@code original_image: true})
 */
public record NewsItem(ItemMeta meta, String author, NewsCategory category, String image,
                       String imageAlt, boolean originalImage) implements Item {

    public NewsItem withMeta(ItemMeta m) {
        return new NewsItem(m, author, category, image, imageAlt, originalImage);
    }

    public String categoryLabel() {
        return category == null ? null : category.label();
    }

    /**
     * Where the image's original is downloaded, or null when the editor did not ask for it. A
     * JPEG's or PNG's is published beside the image as {@code anh.goc.jpg} (the image's own path
     * holds the smaller copy the build made); another format is published as it is.
     */
    public String imageOriginal() {
        if (!originalImage || image == null) {
            return null;
        }
        int dot = image.lastIndexOf('.');
        String ext = dot < 0 ? "" : image.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        return ext.equals("jpg") || ext.equals("jpeg") || ext.equals("png")
                ? image.substring(0, dot) + ".goc" + image.substring(dot) : image;
    }
}
