package vn.trang.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
import vn.trang.yaml.FieldType;
import vn.trang.yaml.YamlMap;

/** Reads {@code sites/*.yml} into a {@link SiteRegistry}, reporting every problem. */
public final class SiteRegistryLoader {

    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern PATH = Pattern.compile("/([a-z0-9]+(-[a-z0-9]+)*/)*");
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    static final Field NAME = Field.required("name", FieldType.TEXT, "name: Sở Tài chính");
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
    static final Field THEME = Field.optional("theme", FieldType.MAP, "theme:\n      accent: \"#a61c1c\"");
    static final Field ID_FIELD = Field.optional("id", FieldType.TEXT, "id: so-tai-chinh");
    // Content kept in Git: a site's Git source; the portal's admins and signature policy
    static final Field SOURCE = Field.optional("source", FieldType.MAP,
            "source:\n      git: https://git.bacninh.gov.vn/so-y-te/noi-dung.git\n      branch: main");
    static final Field ADMINS = Field.optional("admins", FieldType.MAP_LIST,
            "admins:\n      - name: Quản trị cổng\n        email: quantri@bacninh.gov.vn");
    static final Field REQUIRE_SIGNED = Field.optional("require_signed_commits", FieldType.BOOLEAN, "require_signed_commits: true");
    static final Field PUBLIC_KEYS = Field.optional("public_keys", FieldType.TEXT, "public_keys: keys/bien-tap.asc");

    static final List<Field> SITE_SCHEMA = List.of(ID_FIELD, NAME, SHORT_NAME, KIND, PARENT, PATH_FIELD, HOST_FIELD,
            OWNER, DESCRIPTION, NOTICE, ADDRESS, PHONE, FAX, EMAIL_FIELD, LEADERS, EDITORS, THEME,
            SOURCE, ADMINS, REQUIRE_SIGNED, PUBLIC_KEYS);

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

    // A site's Git source: the remote's URL and the branch to build
    static final Field S_GIT = Field.required("git", FieldType.TEXT, "git: https://git.bacninh.gov.vn/so-y-te/noi-dung.git");
    static final Field S_BRANCH = Field.optional("branch", FieldType.TEXT, "branch: main");
    static final List<Field> SOURCE_SCHEMA = List.of(S_GIT, S_BRANCH);
    private static final Pattern GIT_URL = Pattern.compile("(https?|file)://\\S+|/\\S*");
    private static final Pattern SSH_URL = Pattern.compile("ssh://\\S+|[^\\s/:@]+@[^\\s/:]+:\\S*");
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._/-]*");

    /** A site as declared, before the portal's host is known. */
    private record Declared(Site site, YamlMap yaml) {
    }

    /**
     * Loads every {@code *.yml} / {@code *.yaml} file of the folder.
     *
     * @param displayRoot paths in diagnostics are made relative to this folder
     * @return the registry, or empty when any error was reported
     */
    public Optional<SiteRegistry> load(Path sitesDir, Path displayRoot, Diagnostics d) {
        String dirName = display(displayRoot, sitesDir);
        if (InputFiles.isLink(sitesDir)) {
            InputFiles.reportLink(dirName, d);
            return Optional.empty();
        }
        if (!Files.isDirectory(sitesDir)) {
            d.error(SourcePos.of(dirName), "không tìm thấy thư mục khai báo trang",
                    "thư mục sites/ với mỗi trang một tệp <mã-trang>.yml", "tạo sites/tinh.yml cho cổng tỉnh");
            return Optional.empty();
        }
        long errorsBefore = d.errorCount();
        List<Path> files;
        try (Stream<Path> s = Files.list(sitesDir)) {
            files = s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            d.error(SourcePos.of(dirName), "không đọc được thư mục: " + e.getMessage(), null, null);
            return Optional.empty();
        }
        List<Declared> declared = new ArrayList<>();
        // Files that exist but could not be read: their error is reported; their ids still exist,
        // so children naming them as parent, and a possibly missing portal, are not reported again.
        Set<String> unreadable = new HashSet<>();
        for (Path f : files) {
            Optional<Declared> x;
            if (InputFiles.isLink(f)) {
                InputFiles.reportLink(display(displayRoot, f), d);
                x = Optional.empty();
            } else {
                x = read(f, display(displayRoot, f), d);
            }
            if (x.isPresent()) {
                declared.add(x.get());
            } else {
                String fileName = f.getFileName().toString();
                unreadable.add(fileName.substring(0, fileName.lastIndexOf('.')));
            }
        }
        boolean kindUnknown = declared.stream().anyMatch(x -> x.site().kind() == null);
        List<Site> sites = resolveUrls(declared, dirName, !unreadable.isEmpty() || kindUnknown, d);
        // Without a portal there is no tree to check: every parent check would repeat that one problem.
        if (!sites.isEmpty()) {
            validateTree(declared, unreadable, d);
        }
        if (d.errorCount() > errorsBefore || sites.isEmpty()) {
            return Optional.empty();
        }
        Site portal = sites.stream().filter(Site::portal).findFirst().orElseThrow();
        List<Site> ordered = new ArrayList<>();
        ordered.add(portal);
        sites.stream().filter(s -> !s.portal()).sorted(Comparator.comparing(Site::id)).forEach(ordered::add);
        return Optional.of(new SiteRegistry(ordered, portal));
    }

    /** A path as diagnostics show it: relative to {@code root} when it is below it. */
    public static String display(Path root, Path p) {
        try {
            return root.toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize()).toString();
        } catch (IllegalArgumentException e) {
            return p.toString();
        }
    }

    private Optional<Declared> read(Path file, String name, Diagnostics d) {
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
        List<Editor> editors = new ArrayList<>();
        for (YamlMap e : y.mapList(EDITORS)) {
            e.rejectUnknown(EDITOR_SCHEMA, "thông tin biên tập viên");
            String eEmail = e.text(E_EMAIL);
            checkEmail(e, "email", eEmail, d);
            editors.add(new Editor(e.text(E_NAME), eEmail));
        }
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
        GitSource source = readSource(y, id, d);
        AccessPolicy access = readAccess(y, kind, d);
        Site site = new Site(id, y.text(NAME), y.text(SHORT_NAME), kind, parent, path, host, null,
                y.text(OWNER), y.text(DESCRIPTION), y.text(NOTICE), y.text(ADDRESS), y.text(PHONE), y.text(FAX), email,
                leaders, editors, theme, name, source, access);
        return Optional.of(new Declared(site, y));
    }

    // Content kept in Git: where a site's content comes from, and who may publish the portal

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
        List<Editor> admins = new ArrayList<>();
        for (YamlMap a : y.mapList(ADMINS)) {
            a.rejectUnknown(EDITOR_SCHEMA, "thông tin quản trị viên");
            String aEmail = a.text(E_EMAIL);
            checkEmail(a, "email", aEmail, d);
            admins.add(new Editor(a.text(E_NAME), aEmail));
        }
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

    /**
     * Fills in absolute URLs, which need the portal's host.
     *
     * @param someUnknown a file could not be read or has no valid kind (already reported): it may
     *                    be the portal, so a missing portal is not reported again
     */
    private List<Site> resolveUrls(List<Declared> declared, String dirName, boolean someUnknown, Diagnostics d) {
        List<Declared> portals = declared.stream().filter(x -> x.site().kind() == SiteKind.PORTAL).toList();
        if (portals.isEmpty()) {
            if (someUnknown) {
                return List.of();
            }
            if (!declared.isEmpty()) {
                d.error(SourcePos.of(dirName), "không có trang nào là cổng thông tin (kind: portal)",
                        "đúng một tệp trong sites/ có kind: portal", "thêm sites/tinh.yml với kind: portal và path: /");
            } else {
                d.error(SourcePos.of(dirName), "thư mục sites/ chưa khai báo trang nào",
                        "mỗi trang một tệp <mã-trang>.yml", "tạo sites/tinh.yml với kind: portal");
            }
            return List.of();
        }
        for (Declared extra : portals.subList(1, portals.size())) {
            d.error(extra.yaml().valuePos("kind"), "có nhiều hơn một cổng thông tin (đã có "
                            + portals.get(0).site().sourceFile() + ")", "đúng một trang có kind: portal",
                    "đổi kind của trang này, ví dụ kind: department");
        }
        Declared portal = portals.get(0);
        String portalHost = portal.site().host();
        if (portalHost == null) {
            d.error(portal.yaml().pos(), "cổng thông tin cần tên miền để tạo sitemap và RSS",
                    "khóa host với tên miền của cổng", "thêm dòng: host: bacninh.gov.vn");
            portalHost = "localhost";
        }
        List<Site> out = new ArrayList<>();
        for (Declared x : declared) {
            Site s = x.site();
            String path = s.path() == null ? "/" + s.id() + "/" : s.path();
            String absolute = "https://" + (s.host() != null ? s.host() : portalHost) + path;
            out.add(new Site(s.id(), s.name(), s.shortName(), s.kind(), s.parentId(), path, s.host(), absolute,
                    s.owner(), s.description(), s.notice(), s.address(), s.phone(), s.fax(), s.email(), s.leaders(),
                    s.editors(), s.theme(), s.sourceFile(), s.source(), s.access()));
        }
        return out;
    }

    private void validateTree(List<Declared> declared, Set<String> unreadable, Diagnostics d) {
        Map<String, Declared> byId = new HashMap<>();
        for (Declared x : declared) {
            byId.put(x.site().id(), x);
        }
        Map<String, String> pathOwner = new HashMap<>();
        for (Declared x : declared) {
            Site s = x.site();
            YamlMap y = x.yaml();
            if (s.kind() == SiteKind.PORTAL) {
                if (s.parentId() != null) {
                    d.error(y.posOf("parent"), "cổng thông tin không có trang cha", "không có khóa parent",
                            "xóa dòng parent");
                }
                if (s.path() != null && !s.path().equals("/")) {
                    d.error(y.valuePos("path"), "cổng thông tin phải ở đường dẫn gốc", "path: /", "viết path: /");
                }
            } else if (s.kind() != null) {
                if (s.parentId() == null) {
                    d.error(y.pos(), "thiếu khóa bắt buộc 'parent'", "mã của trang cấp trên, ví dụ tinh",
                            "thêm dòng: parent: tinh");
                } else if (!byId.containsKey(s.parentId()) && !unreadable.contains(s.parentId())) {
                    d.error(y.valuePos("parent"), "trang cha '" + s.parentId() + "' không tồn tại",
                            "mã một trang có tệp trong sites/: " + String.join(", ", byId.keySet().stream().sorted().toList()),
                            "sửa parent hoặc tạo sites/" + s.parentId() + ".yml");
                } else if (s.parentId().equals(s.id())) {
                    d.error(y.valuePos("parent"), "trang không thể là trang cha của chính nó", "mã một trang khác",
                            "ví dụ: parent: tinh");
                }
                if ("/".equals(s.path())) {
                    d.error(y.valuePos("path"), "chỉ cổng thông tin được dùng đường dẫn gốc '/'",
                            "đường dẫn riêng của đơn vị", "ví dụ: path: /" + s.id() + "/");
                }
            }
            // '/' belongs to the portal; the rules above already report any other claim to it.
            if (s.path() != null && !s.path().equals("/")) {
                String owner = pathOwner.putIfAbsent(s.path(), s.id());
                if (owner != null) {
                    d.error(y.valuePos("path"), "đường dẫn '" + s.path() + "' đã được trang '" + owner + "' dùng",
                            "mỗi trang một đường dẫn riêng", "ví dụ: path: /" + s.id() + "/");
                }
            }
        }
        // Cycles: follow parents from each site; a revisit means a loop.
        Set<String> reported = new HashSet<>();
        for (Declared x : declared) {
            Set<String> seen = new HashSet<>();
            String cur = x.site().id();
            List<String> chain = new ArrayList<>();
            while (cur != null && byId.containsKey(cur)) {
                if (!seen.add(cur)) {
                    List<String> loop = new ArrayList<>(chain.subList(chain.indexOf(cur), chain.size()));
                    String key = String.join(",", loop.stream().sorted().toList());
                    if (reported.add(key)) {
                        loop.add(cur);
                        d.error(byId.get(cur).yaml().valuePos("parent"),
                                "vòng lặp trang cha: " + String.join(" → ", loop),
                                "các trang xếp thành cây, gốc là cổng thông tin",
                                "sửa parent của một trang trong vòng lặp, ví dụ parent: tinh");
                    }
                    break;
                }
                chain.add(cur);
                String p = byId.get(cur).site().parentId();
                if (p != null && p.equals(cur)) {
                    break;
                }
                cur = p;
            }
        }
    }
}
