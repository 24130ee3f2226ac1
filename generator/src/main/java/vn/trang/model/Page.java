package vn.trang.model;

/**
 * A standing page: giới thiệu, cơ cấu tổ chức, lãnh đạo, liên hệ…
 *
 * @param language      the page's language: "vi", or "en" for the English introduction and
 *                      contacts NĐ 42/2022 asks for
 * @param translationOf the file name (without ".md") of the page of the same site this one
 *                      translates, e.g. "gioi-thieu"; null when it translates none
 */
public record Page(ItemMeta meta, int weight, boolean menu, String language, String translationOf) implements Item {

    public Page withMeta(ItemMeta m) {
        return new Page(m, weight, menu, language, translationOf);
    }

    /** Whether the page is written in English. */
    public boolean english() {
        return "en".equals(language);
    }
}
