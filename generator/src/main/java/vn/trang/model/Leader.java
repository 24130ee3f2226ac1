package vn.trang.model;

/** A leader of the unit as NĐ 42/2022 requires it published: name, title, phone, official email. */
public record Leader(String name, String title, String phone, String email) {
}
