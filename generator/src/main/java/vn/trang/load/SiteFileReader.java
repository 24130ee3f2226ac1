package vn.trang.load;

import static vn.trang.load.SiteSchema.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.model.AccessPolicy;
import vn.trang.model.Editor;
import vn.trang.model.GitSource;
import vn.trang.model.Leader;
import vn.trang.model.Site;
import vn.trang.model.SiteKind;
import vn.trang.model.ThemeSettings;
import vn.trang.yaml.Field;
import vn.trang.yaml.YamlMap;

/** Reads one {@code sites/*.yml} file into a {@link DeclaredSite}, against {@link SiteSchema}. */
final class SiteFileReader {

    private SiteFileReader() {
    }

    /**
     * One site file: its fields checked one by one (each problem reported at its line), its
     * site made without the absolute URL, which needs the portal's host.
     *
     * @param name the file as diagnostics show it
     * @return the site, or empty when the file could not be read or parsed as YAML
     */
    static Optional<DeclaredSite> read(Path file, String name, Diagnostics d) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(InputFiles.readAllBytes(file))).toString();
        } catch (IOException e) {
            d.error(SourcePos.of(name), "không đọc được tệp (cần UTF-8): " + e.getMessage(), "tệp văn bản UTF-8",
                    "lưu lại tệp với mã hóa UTF-8");
            return Optional.empty();
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        Optional<YamlMap> parsed = YamlMap.parse(text, name, 0, d);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        YamlMap y = parsed.get();
        y.rejectUnknown(SITE_SCHEMA, "khai báo trang");
        String fileName = file.getFileName().toString();
        String id = fileName.substring(0, fileName.lastIndexOf('.'));
        if (!ID.matcher(id).matches()) {
            d.error(SourcePos.of(name), "tên tệp '" + fileName + "' không dùng được làm mã trang",
                    "chữ thường không dấu, số và dấu '-', ví dụ so-tai-chinh.yml", "đổi tên tệp, ví dụ so-tai-chinh.yml");
        }
        String declaredId = y.text(ID_FIELD);
        if (declaredId != null && !declaredId.equals(id)) {
            d.error(y.valuePos("id"), "id '" + declaredId + "' khác tên tệp '" + fileName + "'",
                    "id trùng với tên tệp (không có đuôi .yml)", "xóa dòng id hoặc viết id: " + id);
        }
        String kindText = y.text(KIND);
        SiteKind kind = null;
        if (kindText != null) {
            kind = SiteKind.parse(kindText).orElse(null);
            if (kind == null) {
                d.error(y.valuePos("kind"), "loại trang '" + kindText + "' không hợp lệ",
                        "portal, department, district hoặc commune", "ví dụ: kind: department");
            }
        }
        String parent = y.text(PARENT);
        String path = y.text(PATH_FIELD);
        if (path != null && !PATH.matcher(path).matches()) {
            d.error(y.valuePos("path"), "đường dẫn '" + path + "' không hợp lệ",
                    "bắt đầu và kết thúc bằng '/', chỉ chữ thường không dấu, số và '-'",
                    "ví dụ: path: /" + id + "/");
        }
        String host = y.text(HOST_FIELD);
        if (host != null && !HOST.matcher(host).matches()) {
            d.error(y.valuePos("host"), "tên miền '" + host + "' không hợp lệ",
                    "tên miền không có http:// và không có '/', ví dụ stc.bacninh.gov.vn",
                    "ví dụ: host: " + id + ".bacninh.gov.vn");
        }
        String email = y.text(EMAIL_FIELD);
        checkEmail(y, "email", email, d);
        List<Leader> leaders = new ArrayList<>();
        for (YamlMap l : y.mapList(LEADERS)) {
            l.rejectUnknown(LEADER_SCHEMA, "thông tin lãnh đạo");
            String lEmail = l.text(L_EMAIL);
            checkEmail(l, "email", lEmail, d);
            leaders.add(new Leader(l.text(L_NAME), l.text(L_TITLE), l.text(L_PHONE), lEmail));
        }
        List<Editor> editors = people(y, EDITORS, "thông tin biên tập viên", d);
        List<Editor> reviewers = people(y, REVIEWERS, "thông tin trưởng ban biên tập", d);
        ThemeSettings theme = ThemeSettings.DEFAULT;
        YamlMap t = y.map(THEME);
        if (t != null) {
            t.rejectUnknown(THEME_SCHEMA, "thiết lập giao diện");
            String accent = t.text(T_ACCENT);
            if (accent != null && !COLOUR.matcher(accent).matches()) {
                d.error(t.valuePos("accent"), "màu '" + accent + "' không hợp lệ", "mã màu dạng #rrggbb",
                        "ví dụ: accent: \"#a61c1c\" (đặt trong ngoặc kép)");
                accent = null;
            }
            String language = t.text(T_LANGUAGE);
            if (language != null && !language.equals("vi") && !language.equals("en")) {
                d.error(t.valuePos("language"), "ngôn ngữ '" + language + "' chưa hỗ trợ", "vi hoặc en",
                        "ví dụ: language: vi");
                language = null;
            }
            theme = new ThemeSettings(accent, language == null ? "vi" : language);
        }
        YamlMap h = y.map(HISTORY);
        if (h != null) {
            h.rejectUnknown(HISTORY_SCHEMA, "thiết lập lịch sử cập nhật");
            theme = theme.withHistoryMessages(Boolean.TRUE.equals(h.bool(H_MESSAGES)));
        }
        GitSource source = readSource(y, id, d);
        AccessPolicy access = readAccess(y, kind, d);
        Site site = new Site(id, y.text(NAME), y.text(SHORT_NAME), kind, parent, path, host, null,
                y.text(OWNER), y.text(DESCRIPTION), y.text(NOTICE), y.text(ADDRESS), y.text(PHONE), y.text(FAX), email,
                leaders, editors, theme, name, source, access, reviewers, y.text(NAME_EN));
        return Optional.of(new DeclaredSite(site, y));
    }

    /** A list of Git identities ({@code name}, {@code email}): editors, reviewers, admins. */
    private static List<Editor> people(YamlMap y, Field list, String what, Diagnostics d) {
        List<Editor> out = new ArrayList<>();
        for (YamlMap e : y.mapList(list)) {
            e.rejectUnknown(EDITOR_SCHEMA, what);
            String eEmail = e.text(E_EMAIL);
            checkEmail(e, "email", eEmail, d);
            out.add(new Editor(e.text(E_NAME), eEmail));
        }
        return out;
    }

    /** {@code source: {git: URL, branch: B}}: the site's content comes from a Git remote. */
    private static GitSource readSource(YamlMap y, String id, Diagnostics d) {
        YamlMap src = y.map(SOURCE);
        if (src == null) {
            return null;
        }
        src.rejectUnknown(SOURCE_SCHEMA, "nguồn Git (source)");
        String url = src.text(S_GIT);
        String branch = src.text(S_BRANCH);
        boolean ok = url != null;
        if (url != null && SSH_URL.matcher(url).matches()) {
            d.error(src.valuePos("git"), "kho Git qua SSH chưa được hỗ trợ: '" + url + "'",
                    "địa chỉ https://, http://, file:// hoặc đường dẫn tuyệt đối",
                    "ví dụ: git: https://git.bacninh.gov.vn/" + id + "/noi-dung.git");
            ok = false;
        } else if (url != null && !GIT_URL.matcher(url).matches()) {
            d.error(src.valuePos("git"), "địa chỉ kho Git '" + url + "' không hợp lệ",
                    "địa chỉ https://, http://, file:// hoặc đường dẫn tuyệt đối",
                    "ví dụ: git: https://git.bacninh.gov.vn/" + id + "/noi-dung.git");
            ok = false;
        }
        if (branch != null && (!BRANCH.matcher(branch).matches() || branch.contains("..") || branch.endsWith("/")
                || branch.endsWith(".lock") || branch.contains("//"))) {
            d.error(src.valuePos("branch"), "tên nhánh '" + branch + "' không hợp lệ",
                    "tên nhánh Git: chữ, số, '.', '_', '-', '/'", "ví dụ: branch: main");
            ok = false;
        }
        return ok ? new GitSource(url, branch == null ? "main" : branch) : null;
    }

    /** {@code admins}, {@code require_signed_commits}, {@code public_keys}: the portal only. */
    private static AccessPolicy readAccess(YamlMap y, SiteKind kind, Diagnostics d) {
        List<Editor> admins = people(y, ADMINS, "thông tin quản trị viên", d);
        Boolean signed = y.bool(REQUIRE_SIGNED);
        String keys = y.text(PUBLIC_KEYS);
        if (kind != null && kind != SiteKind.PORTAL) {
            for (Field f : List.of(ADMINS, REQUIRE_SIGNED, PUBLIC_KEYS)) {
                if (y.has(f.key())) {
                    d.error(y.posOf(f.key()), "chỉ cổng thông tin (kind: portal) khai báo '" + f.key() + "'",
                            "quản trị viên và chính sách chữ ký khai báo một lần, trong tệp của cổng",
                            "chuyển khóa " + f.key() + " sang tệp sites/ của cổng thông tin");
                }
            }
            return AccessPolicy.NONE;
        }
        if (Boolean.TRUE.equals(signed) && keys == null) {
            d.error(y.valuePos("require_signed_commits"), "yêu cầu chữ ký nhưng chưa khai báo khóa công khai",
                    "khóa public_keys: tệp khóa công khai OpenPGP (dạng ASCII armor) của biên tập viên và quản trị viên",
                    "thêm dòng: " + PUBLIC_KEYS.example());
        }
        return new AccessPolicy(admins, Boolean.TRUE.equals(signed), keys);
    }

    private static void checkEmail(YamlMap y, String key, String email, Diagnostics d) {
        if (email != null && !EMAIL.matcher(email).matches()) {
            d.error(y.valuePos(key), "địa chỉ thư điện tử '" + email + "' không hợp lệ", "dạng ten@coquan.gov.vn",
                    "ví dụ: email: vanphong@bacninh.gov.vn");
        }
    }
}
