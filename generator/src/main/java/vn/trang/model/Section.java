package vn.trang.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The content sections a site may have; the folder under {@code content/<site>/} names it.
 *
 * <p>A new section (lịch công tác, dự án – đấu thầu, lấy ý kiến dự thảo, hỏi đáp…) is one more
 * constant here, one item record, one schema in {@code vn.trang.parse.schema} and one template.
 */
public enum Section {
    NEWS("tin-tuc", "news", "Tin tức – Sự kiện", true),
    DOCUMENTS("van-ban", "document", "Văn bản", true),
    PROCEDURES("thu-tuc", "procedure", "Thủ tục hành chính", true),
    PAGES("trang", "page", "Giới thiệu", false),
    // The other categories NĐ 42/2022 asks every agency site to carry (docs/DOMAIN.md#required-content).
    SCHEDULE("lich-cong-tac", "post", "Lịch công tác", true),
    CONSULTATIONS("du-thao", "post", "Lấy ý kiến dự thảo văn bản", true),
    QUESTIONS("hoi-dap", "post", "Hỏi đáp", true),
    LAW_DISSEMINATION("pho-bien-phap-luat", "post", "Phổ biến, giáo dục pháp luật", true),
    PLANS("chien-luoc-ke-hoach", "post", "Chiến lược, quy hoạch, kế hoạch", true),
    PROCUREMENT("du-an-dau-thau", "post", "Dự án, đấu thầu, mua sắm công", true),
    ACCESS_TO_INFORMATION("tiep-can-thong-tin", "post", "Danh mục thông tin công khai", true);

    private final String folder;
    private final String type;
    private final String title;
    private final boolean listed;

    Section(String folder, String type, String title, boolean listed) {
        this.folder = folder;
        this.type = type;
        this.title = title;
        this.listed = listed;
    }

    /** The folder name, which is also the URL segment of the section. */
    public String folder() {
        return folder;
    }

    /** The content type of the items in this section (the template name). */
    public String type() {
        return type;
    }

    /** The Vietnamese title of the section. */
    public String title() {
        return title;
    }

    /** Whether the section has list pages and a feed (pages do not: they are reached by menu). */
    public boolean listed() {
        return listed;
    }

    public static Optional<Section> byFolder(String folder) {
        return Arrays.stream(values()).filter(s -> s.folder.equals(folder)).findFirst();
    }

    @Override
    public String toString() {
        return folder;
    }
}
