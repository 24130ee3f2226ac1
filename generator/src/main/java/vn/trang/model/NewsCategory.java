package vn.trang.model;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of news NĐ 42/2022 asks sites to carry. */
public enum NewsCategory {
    ACTIVITY("tin-hoat-dong", "Tin hoạt động"),
    DIRECTION("chi-dao-dieu-hanh", "Chỉ đạo điều hành"),
    ANNOUNCEMENT("thong-bao", "Thông báo"),
    EVENT("su-kien", "Sự kiện");

    private final String id;
    private final String label;

    NewsCategory(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Optional<NewsCategory> parse(String s) {
        return Arrays.stream(values()).filter(c -> c.id.equals(s)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
