package vn.trang.load;

import java.util.List;
import java.util.regex.Pattern;

import vn.trang.yaml.Field;
import vn.trang.yaml.FieldType;

/**
 * The keys a {@code sites/*.yml} file may have, with the example each error message shows, and
 * the patterns their values must match.
 */
final class SiteSchema {

    private SiteSchema() {
    }

    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Pattern PATH = Pattern.compile("/([a-z0-9]+(-[a-z0-9]+)*/)*");
    static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    static final Field NAME = Field.required("name", FieldType.TEXT, "name: Sở Tài chính");
    static final Field NAME_EN = Field.optional("name_en", FieldType.TEXT, "name_en: Department of Finance");
    static final Field SHORT_NAME = Field.optional("short_name", FieldType.TEXT, "short_name: STC");
    static final Field KIND = Field.required("kind", FieldType.TEXT, "kind: department");
    static final Field PARENT = Field.optional("parent", FieldType.TEXT, "parent: tinh");
    static final Field PATH_FIELD = Field.required("path", FieldType.TEXT, "path: /so-tai-chinh/");
    static final Field HOST_FIELD = Field.optional("host", FieldType.TEXT, "host: stc.bacninh.gov.vn");
    static final Field DESCRIPTION = Field.optional("description", FieldType.TEXT, "description: Cơ quan chuyên môn thuộc UBND tỉnh");
    static final Field OWNER = Field.optional("owner", FieldType.TEXT, "owner: Ủy ban nhân dân tỉnh Bắc Ninh");
    static final Field NOTICE = Field.optional("notice", FieldType.TEXT, "notice: Trang đang chạy thử nghiệm");
    static final Field ADDRESS = Field.required("address", FieldType.TEXT, "address: Số 10 đường Lý Thái Tổ, phường Kinh Bắc");
    static final Field PHONE = Field.required("phone", FieldType.TEXT, "phone: \"0222 3822 000\"");
    static final Field FAX = Field.optional("fax", FieldType.TEXT, "fax: \"0222 3822 001\"");
    static final Field EMAIL_FIELD = Field.required("email", FieldType.TEXT, "email: stc@bacninh.gov.vn");
    static final Field LEADERS = Field.optional("leaders", FieldType.MAP_LIST, "leaders:\n      - name: Nguyễn Văn A\n        title: Giám đốc");
    static final Field EDITORS = Field.optional("editors", FieldType.MAP_LIST, "editors:\n      - name: Trần Thị B\n        email: ttb@bacninh.gov.vn");
    static final Field REVIEWERS = Field.optional("reviewers", FieldType.MAP_LIST, "reviewers:\n      - name: Lê Văn C\n        email: lvc@bacninh.gov.vn");
    static final Field THEME = Field.optional("theme", FieldType.MAP, "theme:\n      accent: \"#a61c1c\"");
    static final Field HISTORY = Field.optional("history", FieldType.MAP, "history:\n      messages: true");
    static final Field ID_FIELD = Field.optional("id", FieldType.TEXT, "id: so-tai-chinh");
    // where a site's content comes from (Git); the portal's admins and commit-signature policy
    static final Field SOURCE = Field.optional("source", FieldType.MAP,
            "source:\n      git: https://git.bacninh.gov.vn/so-y-te/noi-dung.git\n      branch: main");
    static final Field ADMINS = Field.optional("admins", FieldType.MAP_LIST,
            "admins:\n      - name: Quản trị cổng\n        email: quantri@bacninh.gov.vn");
    static final Field REQUIRE_SIGNED = Field.optional("require_signed_commits", FieldType.BOOLEAN, "require_signed_commits: true");
    static final Field PUBLIC_KEYS = Field.optional("public_keys", FieldType.TEXT, "public_keys: keys/bien-tap.asc");

    static final List<Field> SITE_SCHEMA = List.of(ID_FIELD, NAME, NAME_EN, SHORT_NAME, KIND, PARENT, PATH_FIELD, HOST_FIELD,
            OWNER, DESCRIPTION, NOTICE, ADDRESS, PHONE, FAX, EMAIL_FIELD, LEADERS, EDITORS, REVIEWERS, THEME,
            HISTORY, SOURCE, ADMINS, REQUIRE_SIGNED, PUBLIC_KEYS);

    static final Field L_NAME = Field.required("name", FieldType.TEXT, "name: Nguyễn Văn A");
    static final Field L_TITLE = Field.required("title", FieldType.TEXT, "title: Giám đốc");
    static final Field L_PHONE = Field.optional("phone", FieldType.TEXT, "phone: \"0222 3822 002\"");
    static final Field L_EMAIL = Field.optional("email", FieldType.TEXT, "email: nva@bacninh.gov.vn");
    static final List<Field> LEADER_SCHEMA = List.of(L_NAME, L_TITLE, L_PHONE, L_EMAIL);

    static final Field E_NAME = Field.required("name", FieldType.TEXT, "name: Trần Thị B");
    static final Field E_EMAIL = Field.required("email", FieldType.TEXT, "email: ttb@bacninh.gov.vn");
    static final List<Field> EDITOR_SCHEMA = List.of(E_NAME, E_EMAIL);

    static final Field T_ACCENT = Field.optional("accent", FieldType.TEXT, "accent: \"#a61c1c\"");
    static final Field T_LANGUAGE = Field.optional("language", FieldType.TEXT, "language: vi");
    static final List<Field> THEME_SCHEMA = List.of(T_ACCENT, T_LANGUAGE);

    // what item pages show of their Git history
    static final Field H_MESSAGES = Field.optional("messages", FieldType.BOOLEAN, "messages: true");
    static final List<Field> HISTORY_SCHEMA = List.of(H_MESSAGES);

    // a site's Git source
    static final Field S_GIT = Field.required("git", FieldType.TEXT, "git: https://git.bacninh.gov.vn/so-y-te/noi-dung.git");
    static final Field S_BRANCH = Field.optional("branch", FieldType.TEXT, "branch: main");
    static final List<Field> SOURCE_SCHEMA = List.of(S_GIT, S_BRANCH);
    static final Pattern GIT_URL = Pattern.compile("(https?|file)://\\S+|/\\S*");
    static final Pattern SSH_URL = Pattern.compile("ssh://\\S+|[^\\s/:@]+@[^\\s/:]+:\\S*");
    static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._/-]*");
}
