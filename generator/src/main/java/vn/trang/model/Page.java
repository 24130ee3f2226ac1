package vn.trang.model;

/** A standing page: giới thiệu, cơ cấu tổ chức, lãnh đạo, liên hệ… */
public record Page(ItemMeta meta, int weight, boolean menu) implements Item {

    public Page withMeta(ItemMeta m) {
        return new Page(m, weight, menu);
    }
}
