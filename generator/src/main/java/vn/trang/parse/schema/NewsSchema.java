package vn.trang.parse.schema;

import java.util.List;
import java.util.stream.Collectors;

import vn.trang.model.Item;
import vn.trang.model.ItemMeta;
import vn.trang.model.NewsCategory;
import vn.trang.model.NewsItem;
import vn.trang.text.PercentEncoding;
import vn.trang.yaml.Field;
import vn.trang.yaml.FieldType;
import vn.trang.yaml.YamlMap;

/** Front matter of {@code tin-tuc/}. */
public final class NewsSchema implements ItemSchema {

    static final Field AUTHOR = Field.optional("author", FieldType.TEXT, "author: Phòng Tổng hợp");
    static final Field CATEGORY = Field.optional("category", FieldType.TEXT, "category: chi-dao-dieu-hanh");
    static final Field IMAGE = Field.optional("image", FieldType.TEXT, "image: anh-hoi-nghi.jpg");
    static final Field IMAGE_ALT = Field.optional("image_alt", FieldType.TEXT, "image_alt: Quang cảnh hội nghị");
    static final Field ORIGINAL_IMAGE = Field.optional("original_image", FieldType.BOOLEAN, "original_image: true");

    @Override
    public List<Field> fields() {
        return List.of(AUTHOR, CATEGORY, IMAGE, IMAGE_ALT, ORIGINAL_IMAGE);
    }

    @Override
    public boolean summaryRequired() {
        return true;
    }

    @Override
    public boolean dateRequired() {
        return true;
    }

    @Override
    public Item read(YamlMap y, ItemMeta meta, Prelude prelude) {
        String categoryText = y.text(CATEGORY);
        NewsCategory category = null;
        if (categoryText != null) {
            category = NewsCategory.parse(categoryText).orElse(null);
            if (category == null) {
                y.diagnostics().error(y.valuePos("category"), "chuyên mục '" + categoryText + "' không có",
                        "một trong: " + java.util.Arrays.stream(NewsCategory.values()).map(NewsCategory::id)
                                .collect(Collectors.joining(", ")),
                        "ví dụ: " + CATEGORY.example());
            }
        }
        String image = y.text(IMAGE);
        String alt = y.text(IMAGE_ALT);
        if (image != null && (alt == null || alt.isBlank())) {
            y.diagnostics().error(y.posOf("image"), "ảnh cần lời mô tả cho người khiếm thị",
                    "khóa image_alt mô tả nội dung ảnh", "thêm dòng: " + IMAGE_ALT.example());
        }
        String imageUrl = null;
        if (image != null && (image.startsWith("//") || image.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*:.*"))) {
            // as in the body: an image from another host tells it who reads the page
            y.diagnostics().warning(y.valuePos("image"), "ảnh lấy từ máy chủ khác đã bị bỏ: " + image
                            + " (mỗi lượt xem trang sẽ báo cho máy chủ đó biết ai đang đọc)",
                    "tên tệp ảnh đặt cạnh tệp Markdown", "tải ảnh về, đặt cạnh tệp .md và viết " + IMAGE.example());
        } else if (image != null) {
            imageUrl = PercentEncoding.path(meta.folderUrl() + image);
            if (image.contains("..") || image.startsWith("/")) {
                y.diagnostics().error(y.valuePos("image"), "ảnh phải nằm cạnh tệp Markdown",
                        "tên tệp ảnh trong cùng thư mục", "ví dụ: " + IMAGE.example());
            }
        }
        return new NewsItem(meta, y.text(AUTHOR), category, imageUrl, alt, Boolean.TRUE.equals(y.bool(ORIGINAL_IMAGE)));
    }
}
