package vn.trang.model;

/** A news or direction item (tin tức, chỉ đạo điều hành, thông báo). */
public record NewsItem(ItemMeta meta, String author, NewsCategory category, String image,
                       String imageAlt) implements Item {

    public NewsItem withMeta(ItemMeta m) {
        return new NewsItem(m, author, category, image, imageAlt);
    }

    public String categoryLabel() {
        return category == null ? null : category.label();
    }
}
