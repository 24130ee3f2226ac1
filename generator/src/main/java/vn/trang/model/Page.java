package vn.trang.model;

/** A standing page: giới thiệu, cơ cấu tổ chức, lãnh đạo, liên hệ… */
/**
 * @param language the page's language: "vi", or "en" for the English introduction and contacts
 *                 NĐ 42/2022 asks for
 */
public record Page(ItemMeta meta, int weight, boolean menu, String language) implements Item {

    public Page withMeta(ItemMeta m) {
        return new Page(m, weight, menu, language);
    }
}
