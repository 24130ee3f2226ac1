package vn.trang.bench;

import java.util.List;

/**
 * The word lists of the shared benchmark harness's corpus ({@code ../shared/bench/gen_corpus.py},
 * generator version 4), in the same order: {@link PyRandom} draws from them exactly as the
 * harness does, so one seed gives one province in both generators' formats.
 */
final class Vocabulary {

    private Vocabulary() {
    }

    /** One of the province's departments: name, abbreviation in document numbers, main field. */
    record Department(String name, String abbr, String field) {
    }

    /** A document type: name, abbreviation, weight, whether its number carries the year. */
    record DocType(String name, String abbr, int weight, boolean normative) {
    }

    record Weighted<T>(T value, int weight) {
    }

    static final String PROVINCE = "Đông Sơn";
    static final String PROVINCE_FULL = "tỉnh " + PROVINCE;

    static final List<String> FIELDS = List.of(
            "Giáo dục và Đào tạo", "Y tế", "Tài chính", "Đầu tư", "Đất đai", "Môi trường", "Xây dựng",
            "Giao thông vận tải", "Nông nghiệp", "Lao động - Việc làm", "Văn hóa - Thể thao - Du lịch",
            "Khoa học - Công nghệ", "Thông tin - Truyền thông", "Tư pháp", "Nội vụ", "Thanh tra",
            "Công Thương", "Quốc phòng - An ninh", "Dân tộc - Tôn giáo", "Cải cách hành chính",
            "Chuyển đổi số", "Thuế - Phí - Lệ phí", "Hộ tịch", "Doanh nghiệp", "Đối ngoại");
    static final List<String> FAMILY = List.of(
            "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
            "Ngô", "Dương", "Lý", "Đinh", "Trịnh");
    static final List<String> MIDDLE = List.of(
            "Văn", "Thị", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Ngọc", "Xuân", "Hoài", "Công", "Thành",
            "Kim", "Bảo");
    static final List<String> GIVEN = List.of(
            "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Hương", "Lan", "Long", "Mai", "Nam", "Phong",
            "Phúc", "Quân", "Sơn", "Tâm", "Thắng", "Trung", "Tuấn", "Việt", "Vinh", "Yến", "Hạnh", "Khánh",
            "Linh", "Thảo", "Huy", "Đạt", "Giang");
    static final List<String> PLACE_A = List.of(
            "Tân", "Hòa", "An", "Phú", "Bình", "Long", "Thạnh", "Mỹ", "Vĩnh", "Phước", "Đông", "Tây", "Nam",
            "Bắc", "Hưng", "Thuận", "Quang", "Minh", "Thanh", "Xuân", "Hải", "Sơn", "Trung", "Nghĩa", "Đức",
            "Thịnh", "Lộc", "Phong", "Cẩm", "Kim");
    static final List<String> PLACE_B = List.of(
            "Phú", "Hòa", "An", "Bình", "Lợi", "Thành", "Hưng", "Thịnh", "Lộc", "Phước", "Long", "Hiệp",
            "Tiến", "Trung", "Sơn", "Hải", "Đông", "Tây", "Xuân", "Mỹ", "Thuận", "Khánh", "Quang", "Điền",
            "Lạc");
    static final List<String> SUBJECTS = List.of(
            "Ủy ban nhân dân tỉnh", "Ban Chỉ đạo", "Các sở, ban, ngành", "Chính quyền địa phương",
            "Lãnh đạo đơn vị", "Đoàn công tác", "Người dân và doanh nghiệp", "Cán bộ, công chức",
            "Hội đồng nhân dân các cấp", "Ủy ban nhân dân các xã, phường", "Tổ công tác",
            "Các cơ quan chuyên môn", "Bộ phận tiếp nhận và trả kết quả", "Ngành giáo dục", "Ngành y tế",
            "Lực lượng chức năng", "Các hợp tác xã", "Thủ trưởng các cơ quan");
    static final List<String> VERBS = List.of(
            "đã triển khai", "tiếp tục đẩy mạnh", "chủ động phối hợp thực hiện", "tập trung chỉ đạo",
            "khẩn trương rà soát", "nghiêm túc quán triệt", "tăng cường kiểm tra, giám sát",
            "tổ chức tuyên truyền", "đề xuất sửa đổi, bổ sung", "hoàn thành", "đánh giá kết quả",
            "xây dựng kế hoạch", "ưu tiên bố trí nguồn lực cho", "tháo gỡ khó khăn, vướng mắc trong",
            "nâng cao chất lượng", "đôn đốc tiến độ", "tổng kết, rút kinh nghiệm", "phổ biến rộng rãi");
    static final List<String> OBJECTS = List.of(
            "các nhiệm vụ trọng tâm", "chương trình mục tiêu quốc gia xây dựng nông thôn mới",
            "kế hoạch phát triển kinh tế - xã hội", "công tác cải cách hành chính",
            "hệ thống dịch vụ công trực tuyến", "dự án đầu tư xây dựng hạ tầng giao thông",
            "công tác phòng, chống thiên tai", "chuyển đổi số trong cơ quan nhà nước",
            "chính sách hỗ trợ doanh nghiệp nhỏ và vừa", "công tác bảo vệ môi trường",
            "việc giải quyết thủ tục hành chính", "hồ sơ địa chính và cấp giấy chứng nhận",
            "công tác an sinh xã hội", "chương trình giảm nghèo bền vững", "phong trào thi đua yêu nước",
            "hệ thống quản lý văn bản và điều hành", "công tác tiếp công dân", "việc thu ngân sách nhà nước",
            "quy hoạch sử dụng đất", "mạng lưới trường lớp", "công tác tiêm chủng mở rộng",
            "an toàn thông tin mạng", "chữ ký số chuyên dùng", "các công trình trọng điểm",
            "chương trình mỗi xã một sản phẩm");
    static final List<String> MODIFIERS = List.of(
            "trên địa bàn tỉnh", "theo đúng quy định của pháp luật",
            "nhằm nâng cao chất lượng phục vụ người dân", "góp phần thúc đẩy tăng trưởng kinh tế",
            "giai đoạn 2021 - 2025", "bảo đảm tiến độ đề ra", "một cách đồng bộ và hiệu quả",
            "với tinh thần trách nhiệm cao", "ngay từ những tháng đầu năm",
            "gắn với việc thực hiện các chỉ tiêu được giao", "theo hướng công khai, minh bạch",
            "tại các địa phương vùng sâu, vùng xa", "trong thời gian tới", "đúng thời hạn quy định",
            "tránh tình trạng hình thức, lãng phí", "phù hợp với điều kiện thực tế của địa phương");
    static final List<String> CONNECT = List.of(
            "Đồng thời,", "Bên cạnh đó,", "Ngoài ra,", "Tuy nhiên,", "Qua đó,", "Trong năm,", "Thời gian qua,",
            "Theo báo cáo,", "Để khắc phục những hạn chế trên,", "Cụ thể,");
    static final List<String> TOPICS = List.of(
            "cải cách hành chính", "chuyển đổi số", "xây dựng nông thôn mới", "phòng, chống dịch bệnh",
            "an toàn giao thông", "thu hút đầu tư", "giảm nghèo bền vững", "phát triển du lịch", "bảo vệ rừng",
            "phòng cháy, chữa cháy", "khởi nghiệp đổi mới sáng tạo", "an toàn thực phẩm", "bình đẳng giới",
            "xây dựng đời sống văn hóa", "quản lý trật tự xây dựng", "tiêm chủng");
    static final List<String> NEWS_TITLES = List.of(
            "{site} tổ chức hội nghị tổng kết công tác {topic} năm {year}",
            "Triển khai kế hoạch {topic} giai đoạn {y1} - {y2}",
            "{site}: đẩy mạnh {topic} trong những tháng cuối năm {year}",
            "Hội nghị trực tuyến về {topic} với các địa phương",
            "Kiểm tra tiến độ thực hiện chương trình {topic} tại {place}",
            "Tập huấn nghiệp vụ {topic} cho cán bộ, công chức",
            "Ký kết quy chế phối hợp về {topic} giữa {site} và {place}",
            "Sơ kết 6 tháng đầu năm {year} về {topic}", "Phát động phong trào thi đua {topic} năm {year}",
            "Đoàn công tác của tỉnh làm việc với {place} về {topic}");
    static final List<String> PROC_NAMES = List.of(
            "Đăng ký khai sinh", "Đăng ký kết hôn", "Cấp bản sao trích lục hộ tịch",
            "Chứng thực bản sao từ bản chính", "Cấp giấy phép xây dựng nhà ở riêng lẻ",
            "Cấp Giấy chứng nhận quyền sử dụng đất lần đầu", "Đăng ký biến động đất đai",
            "Cấp giấy phép kinh doanh bán lẻ sản phẩm rượu", "Đăng ký thành lập hộ kinh doanh",
            "Cấp giấy chứng nhận đủ điều kiện an toàn thực phẩm", "Công nhận gia đình văn hóa",
            "Trợ cấp xã hội hằng tháng đối với người cao tuổi", "Cấp giấy phép lái xe",
            "Thẩm định báo cáo đánh giá tác động môi trường", "Cấp phép khai thác nước mặt",
            "Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh", "Công nhận trường đạt chuẩn quốc gia",
            "Đăng ký hoạt động tín ngưỡng", "Giải quyết khiếu nại lần đầu", "Tiếp công dân",
            "Cấp phiếu lý lịch tư pháp", "Đăng ký thường trú", "Cấp giấy phép tổ chức lễ hội",
            "Hỗ trợ học nghề cho lao động nông thôn", "Cấp giấy phép vận tải bằng xe ô tô");
    static final List<String> PROC_QUALIFIERS = List.of(
            "", "", " (cấp tỉnh)", " (cấp xã)", " có yếu tố nước ngoài", " đối với tổ chức",
            " đối với cá nhân", " trực tuyến", " lại", " trong trường hợp bị mất, hư hỏng");
    static final List<String> STEP_BANK = List.of(
            "Tổ chức, cá nhân chuẩn bị hồ sơ theo quy định",
            "Nộp hồ sơ tại Bộ phận tiếp nhận và trả kết quả hoặc qua Cổng dịch vụ công",
            "Cán bộ tiếp nhận kiểm tra tính đầy đủ, hợp lệ của hồ sơ",
            "Trường hợp hồ sơ chưa đầy đủ, hướng dẫn bổ sung một lần bằng văn bản",
            "Cơ quan chuyên môn thẩm định hồ sơ và kiểm tra thực tế",
            "Trình lãnh đạo có thẩm quyền xem xét, ký duyệt",
            "Trả kết quả cho tổ chức, cá nhân và thu phí, lệ phí theo quy định",
            "Cập nhật kết quả giải quyết lên hệ thống thông tin một cửa điện tử");
    static final List<String> DOC_BANK = List.of(
            "Tờ khai theo mẫu quy định", "Bản sao giấy tờ tùy thân có ảnh",
            "Giấy ủy quyền (trường hợp ủy quyền thực hiện)", "Bản chính giấy chứng nhận đã được cấp",
            "Sơ đồ vị trí, bản vẽ thiết kế", "Báo cáo kết quả thực hiện", "Đơn đề nghị của tổ chức, cá nhân",
            "Văn bản thẩm định của cơ quan chuyên môn", "Giấy xác nhận của Ủy ban nhân dân cấp xã",
            "Hợp đồng hoặc văn bản thỏa thuận", "Ảnh chân dung cỡ 4x6 cm");
    static final List<String> PROC_RESULTS = List.of(
            "Giấy phép", "Giấy chứng nhận", "Quyết định công nhận", "Trích lục", "Văn bản chấp thuận",
            "Bản sao có chứng thực", "Thông báo kết quả");
    static final List<String> PROC_TIMES = List.of(
            "Trong ngày làm việc", "03 ngày làm việc", "05 ngày làm việc", "07 ngày làm việc",
            "10 ngày làm việc", "15 ngày làm việc", "20 ngày làm việc", "30 ngày");
    static final List<String> FEES = List.of(
            "Không", "Miễn phí", "10.000 đồng/bản", "50.000 đồng/hồ sơ", "100.000 đồng/hồ sơ",
            "200.000 đồng/giấy phép", "500.000 đồng/hồ sơ", "Theo quy định tại Nghị quyết của HĐND tỉnh");
    static final List<String> DOC_SUBJECTS = List.of(
            "ban hành Quy chế quản lý {obj}", "phê duyệt kế hoạch {topic} năm {year}",
            "triển khai thực hiện {obj}", "sửa đổi, bổ sung một số điều của Quy định về {obj}",
            "tăng cường {topic} {mod}", "kiện toàn Ban Chỉ đạo {topic}",
            "công bố danh mục thủ tục hành chính lĩnh vực {field}", "giao chỉ tiêu {topic} năm {year}",
            "quy định mức thu phí, lệ phí lĩnh vực {field}", "tổ chức thực hiện {obj} {mod}");
    static final List<Department> DEPARTMENTS = List.of(
            new Department("Văn phòng UBND tỉnh", "VP", "Nội vụ"),
            new Department("Sở Nội vụ", "SNV", "Nội vụ"),
            new Department("Sở Tư pháp", "STP", "Tư pháp"),
            new Department("Sở Kế hoạch và Đầu tư", "SKHĐT", "Đầu tư"),
            new Department("Sở Tài chính", "STC", "Tài chính"),
            new Department("Sở Công Thương", "SCT", "Công Thương"),
            new Department("Sở Nông nghiệp và Phát triển nông thôn", "SNN", "Nông nghiệp"),
            new Department("Sở Giao thông vận tải", "SGTVT", "Giao thông vận tải"),
            new Department("Sở Xây dựng", "SXD", "Xây dựng"),
            new Department("Sở Tài nguyên và Môi trường", "STNMT", "Đất đai"),
            new Department("Sở Thông tin và Truyền thông", "STTTT", "Thông tin - Truyền thông"),
            new Department("Sở Lao động - Thương binh và Xã hội", "SLĐTBXH", "Lao động - Việc làm"),
            new Department("Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL", "Văn hóa - Thể thao - Du lịch"),
            new Department("Sở Khoa học và Công nghệ", "SKHCN", "Khoa học - Công nghệ"),
            new Department("Sở Giáo dục và Đào tạo", "SGDĐT", "Giáo dục và Đào tạo"),
            new Department("Sở Y tế", "SYT", "Y tế"),
            new Department("Thanh tra tỉnh", "TTr", "Thanh tra"),
            new Department("Ban Dân tộc", "BDT", "Dân tộc - Tôn giáo"),
            new Department("Ban Quản lý các khu công nghiệp", "BQLKCN", "Doanh nghiệp"),
            new Department("Sở Ngoại vụ", "SNgV", "Đối ngoại"));
    static final List<DocType> DOC_TYPES = List.of(
            new DocType("Quyết định", "QĐ", 30, true),
            new DocType("Nghị quyết", "NQ", 6, true),
            new DocType("Chỉ thị", "CT", 5, true),
            new DocType("Kế hoạch", "KH", 18, false),
            new DocType("Thông báo", "TB", 12, false),
            new DocType("Công văn", "", 18, false),
            new DocType("Báo cáo", "BC", 6, false),
            new DocType("Hướng dẫn", "HD", 5, false));
    static final List<Weighted<String>> STATUSES = List.of(new Weighted<>("Còn hiệu lực", 70),
            new Weighted<>("Hết hiệu lực một phần", 10), new Weighted<>("Hết hiệu lực toàn bộ", 15),
            new Weighted<>("Chưa có hiệu lực", 5));
}
