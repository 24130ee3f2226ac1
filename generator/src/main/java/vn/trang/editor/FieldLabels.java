package vn.trang.editor;

import java.util.Map;

/**
 * The Vietnamese label and help text the editor shows for each front-matter key. A key missing
 * here still gets its widget (from its type), labelled with the key itself, so a field added to
 * a schema is never left out of the editor.
 */
final class FieldLabels {

    /** @param hint help text under the field, or null */
    record Label(String label, String hint) {
    }

    private static final Map<String, Label> LABELS = Map.ofEntries(
            l("title", "Tiêu đề", null),
            l("slug", "Đường dẫn (slug)", "Chữ thường không dấu nối bằng '-'. Để trống: tạo từ tiêu đề (văn bản: từ số hiệu)."),
            l("summary", "Tóm tắt", "Một hai câu, hiện ở danh sách và kết quả tìm kiếm."),
            l("date", "Ngày đăng", "Giờ Việt Nam (UTC+7)."),
            l("updated", "Ngày cập nhật", null),
            l("change_note", "Ghi chú thay đổi", "Một câu: lần sửa này thay đổi gì; hiện cạnh ngày cập nhật."),
            l("draft", "Bản nháp", "Bản nháp không được xuất bản."),
            l("sample", "Nội dung mẫu", "Chỉ dùng cho dữ liệu minh họa."),
            l("publish_at", "Hẹn giờ đăng", "Giờ Việt Nam (UTC+7). Bài chỉ lên trang từ giờ này; để trống: lên trang ngay khi được duyệt."),
            l("unpublish_at", "Hẹn giờ gỡ", "Giờ Việt Nam (UTC+7). Bài được gỡ khỏi trang từ giờ này; để trống: không gỡ."),
            l("body", "Nội dung", null),
            // tin-tuc
            l("author", "Tác giả, nguồn tin", null),
            l("category", "Chuyên mục", null),
            l("image", "Ảnh đại diện", "Ảnh được lưu cạnh bài viết."),
            l("image_alt", "Mô tả ảnh", "Bắt buộc khi có ảnh: mô tả nội dung ảnh cho người khiếm thị."),
            l("original_image", "Cho tải ảnh gốc", "Đăng kèm ảnh gốc (đã xoá vị trí GPS) và liên kết \"Tải ảnh gốc\"."),
            // van-ban
            l("number", "Số hiệu", "Ví dụ 25/2025/QĐ-UBND, 06/CT-UBND, 1234/UBND-VX, 60-NQ/TW."),
            l("doc_type", "Loại văn bản", "Phải khớp với ký hiệu trong số hiệu."),
            l("issuer", "Cơ quan ban hành", null),
            l("signer", "Người ký", null),
            l("signer_title", "Chức vụ người ký", "Ví dụ: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"),
            l("issued", "Ngày ban hành", null),
            l("effective", "Hiệu lực", "Ngày dạng YYYY-MM-DD, hoặc quy tắc bằng lời như \"10 ngày kể từ ngày ký\"."),
            l("expires", "Ngày hết hiệu lực", null),
            l("status", "Tình trạng hiệu lực", "Để trống: Trang tự tính từ ngày hiệu lực và các văn bản thay thế, bãi bỏ."),
            l("fields", "Lĩnh vực", null),
            l("url", "Địa chỉ trên vbpl.vn", "Bắt đầu bằng https://"),
            l("gazette_number", "Số công báo", null),
            l("gazette_date", "Ngày đăng công báo", null),
            l("files", "Tệp đính kèm", "Tệp được lưu cạnh văn bản."),
            l("file", "Tệp", null),
            l("relations", "Quan hệ với văn bản khác", "Chọn văn bản theo số hiệu và tên."),
            l("partial", "Một phần", "Chỉ một phần văn bản (ghi rõ ở Ghi chú)."),
            l("note", "Ghi chú", null),
            // thu-tuc
            l("code", "Mã thủ tục", "Mã quốc gia dạng 1.000894, hoặc mã của tỉnh dạng 1.000894.000.00.00.H38."),
            l("decision", "Quyết định công bố", "Số hiệu, ví dụ 1234/QĐ-UBND."),
            l("implementing_level", "Cấp thực hiện", null),
            l("procedure_type", "Loại thủ tục", null),
            l("field", "Lĩnh vực", null),
            l("steps", "Trình tự thực hiện", "Mỗi bước một mục."),
            l("channels", "Cách thức thực hiện", null),
            l("type", "Cách thức", null),
            l("processing_time", "Thời hạn giải quyết", null),
            l("fee", "Phí, lệ phí", null),
            l("description", "Mô tả", null),
            l("dossier", "Thành phần hồ sơ", "Mỗi trường hợp một mục; trường hợp chung để trống tên."),
            l("case", "Trường hợp", null),
            l("papers", "Giấy tờ", null),
            l("name", "Tên giấy tờ", null),
            l("form", "Mẫu đơn, tờ khai", null),
            l("originals", "Số bản chính", null),
            l("copies", "Số bản sao", null),
            l("target_groups", "Đối tượng thực hiện", null),
            l("agencies", "Cơ quan", null),
            l("performing", "Cơ quan thực hiện", null),
            l("competent", "Cơ quan có thẩm quyền", null),
            l("authorised", "Cơ quan được ủy quyền", null),
            l("coordinating", "Cơ quan phối hợp", null),
            l("reception_address", "Địa chỉ tiếp nhận hồ sơ", null),
            l("result", "Kết quả thực hiện", null),
            l("legal_basis", "Căn cứ pháp lý", null),
            l("conditions", "Yêu cầu, điều kiện", null),
            l("forms", "Mẫu đơn, tờ khai", "Tệp được lưu cạnh thủ tục."),
            l("level", "Mức độ dịch vụ công", null),
            l("online_url", "Địa chỉ nộp trực tuyến", "Bắt buộc với toàn trình, mức 3, mức 4."),
            l("source_url", "Trang thủ tục trên Cổng Dịch vụ công", null),
            l("keywords", "Từ khóa", null),
            // trang
            l("weight", "Thứ tự", "Số nhỏ đứng trước."),
            l("menu", "Hiện trong menu", null),
            l("lang", "Ngôn ngữ", "Tiếng Anh: trang tiếng Anh, có menu và chân trang tiếng Anh."),
            l("language", "Ngôn ngữ (cách viết cũ)", "Như ô Ngôn ngữ; chỉ cần một trong hai."),
            l("translation_of", "Bản tiếng Anh của trang", "Tên tệp của trang tiếng Việt, ví dụ gioi-thieu hoặc lien-he."),
            // bài đăng
            l("opens", "Bắt đầu lấy ý kiến", null),
            l("closes", "Hạn góp ý", null),
            l("asker", "Người hỏi", null),
            l("answered", "Ngày trả lời", null),
            l("answered_by", "Cơ quan trả lời", null));

    private FieldLabels() {
    }

    private static Map.Entry<String, Label> l(String key, String label, String hint) {
        return Map.entry(key, new Label(label, hint));
    }

    static Label of(String key) {
        return LABELS.getOrDefault(key, new Label(key, null));
    }
}
