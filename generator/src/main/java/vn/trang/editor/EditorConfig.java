package vn.trang.editor;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.trang.model.GitSource;
import vn.trang.model.Section;
import vn.trang.model.Site;

/**
 * One site's {@code quan-tri/config.yml}: Decap CMS in Vietnamese, the editorial workflow
 * (draft → ready for review → approved), and one collection per section of the site.
 *
 * <p>The repository the editor writes to: a site whose content is a Git repository of its own
 * ({@code source:} in its site file) is edited there, its sections at the repository's root;
 * the others live in the project's repository under {@code content/<site id>/}, whose address
 * the build cannot know, so the file names a placeholder to replace (docs/EDITING.md).
 * {@code local_backend} lets {@code decap-server} on the editor's own machine stand in for it
 * ({@code trang serve --edit} starts it and names its address).
 */
public final class EditorConfig {

    static final String PLACEHOLDER_BASE_URL = "https://git.example.gov.vn";
    static final String PLACEHOLDER_REPO = "ban-bien-tap/trang";
    static final String PLACEHOLDER_APP_ID = "ma-ung-dung-oauth-cua-gitlab";

    private EditorConfig() {
    }

    /** The folder of a section of {@code site} in the repository the editor writes to. */
    static String folder(Site site, Section section) {
        return (site.source() == null ? "content/" + site.id() + "/" : "") + section.folder();
    }

    /**
     * @param widgets the fields' widgets, with the catalog's documents for relations
     * @return the text of config.yml
     */
    static String write(Site site, Widgets widgets) {
        return write(site, widgets, null);
    }

    /**
     * @param localBackend the address of decap-server on this machine ({@code trang serve --edit}
     *                     starts it on a free port, on the project's repository), or null for
     *                     Decap's default (localhost:8081)
     */
    static String write(Site site, Widgets widgets, String localBackend) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("backend", backend(site.source()));
        if (localBackend == null) {
            c.put("local_backend", true);
        } else if (site.source() == null) {
            c.put("local_backend", Map.of("url", localBackend));
        }
        // else the site's own repository is not the one decap-server edits: its editor signs in to its server
        c.put("publish_mode", "editorial_workflow");
        c.put("locale", "vi");
        if (site.absoluteUrl() != null) {
            c.put("site_url", site.absoluteUrl());
            c.put("display_url", site.absoluteUrl());
        }
        // required by Decap for its media library; each collection saves beside its own files
        c.put("media_folder", folder(site, Section.PAGES));
        c.put("public_folder", "");
        // as Trang's own slugs: lowercase ASCII joined by '-'
        Map<String, Object> slug = new LinkedHashMap<>();
        slug.put("encoding", "ascii");
        slug.put("clean_accents", true);
        slug.put("sanitize_replacement", "-");
        c.put("slug", slug);
        List<Map<String, Object>> collections = new ArrayList<>();
        for (Section s : Section.values()) {
            collections.add(SectionCollection.of(s, folder(site, s), widgets));
        }
        c.put("collections", collections);
        return header(site) + YamlText.write(c);
    }

    private static String header(Site site) {
        String where = site.source() == null
                ? "# Kho Git: thay base_url, repo và app_id trong backend bằng máy chủ GitLab của tỉnh (docs/EDITING.md).\n"
                : "# Kho Git: source: trong " + site.sourceFile() + "; thay app_id bằng mã ứng dụng OAuth của GitLab.\n";
        return "# Cấu hình Decap CMS cho " + site.name() + ", do `trang build` tạo từ lược đồ nội dung: đừng sửa tay.\n"
                + where
                + "# Trên máy biên tập (`trang serve --edit` chạy decap-server), local_backend dùng kho trên máy, bỏ qua\n"
                + "# backend.\n";
    }

    /**
     * GitLab, the one self-hostable backend with which Decap CMS 3.16 offers the editorial
     * workflow (its Gitea backend refuses {@code publish_mode: editorial_workflow}); signing in
     * through the instance's OAuth application (PKCE), whose id replaces the placeholder.
     */
    static Map<String, Object> backend(GitSource source) {
        Map<String, Object> b = new LinkedHashMap<>();
        String base = PLACEHOLDER_BASE_URL;
        String repo = PLACEHOLDER_REPO;
        String branch = "main";
        if (source != null && source.url().matches("https?://[^/]+/.+")) {
            URI uri = URI.create(source.url());
            base = uri.getScheme() + "://" + uri.getAuthority();
            repo = uri.getPath().replaceFirst("^/", "").replaceFirst("\\.git$", "").replaceFirst("/$", "");
            branch = source.branch() == null ? "main" : source.branch();
        }
        b.put("name", "gitlab");
        b.put("repo", repo);
        b.put("branch", branch);
        b.put("base_url", base);
        b.put("api_root", base + "/api/v4");
        b.put("auth_type", "pkce");
        b.put("app_id", PLACEHOLDER_APP_ID);
        b.put("commit_messages", commitMessages());
        return b;
    }

    /**
     * The commit messages Decap writes, in Vietnamese: a unit's history is read by its board and
     * by the IT centre when `trang verify` refuses a commit. Decap fills in the placeholders.
     */
    static Map<String, Object> commitMessages() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("create", "Tạo {{collection}} “{{slug}}”");
        m.put("update", "Sửa {{collection}} “{{slug}}”");
        m.put("delete", "Xóa {{collection}} “{{slug}}”");
        m.put("uploadMedia", "Tải lên “{{path}}”");
        m.put("deleteMedia", "Xóa tệp “{{path}}”");
        return m;
    }
}
