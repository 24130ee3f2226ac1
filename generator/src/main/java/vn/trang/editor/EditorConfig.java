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
 * {@code local_backend} lets {@code decap-server} on the editor's own machine stand in for it.
 */
public final class EditorConfig {

    static final String PLACEHOLDER_BASE_URL = "https://git.example.gov.vn";
    static final String PLACEHOLDER_REPO = "ban-bien-tap/trang";

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
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("backend", backend(site.source()));
        c.put("local_backend", true);
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
                ? "# Kho Git: sửa base_url và repo trong backend cho máy chủ Gitea/GitLab của tỉnh (docs/EDITING.md),\n"
                + "# hoặc khai báo source: trong sites/" + site.id() + ".yml.\n"
                : "# Kho Git: source: trong " + site.sourceFile() + ".\n";
        return "# Cấu hình Decap CMS cho " + site.name() + ", do `trang build` tạo từ lược đồ nội dung: đừng sửa tay.\n"
                + where
                + "# Trên máy biên tập (`npx decap-server` trong editor/), local_backend dùng kho trên máy, bỏ qua backend.\n";
    }

    /** Gitea unless the host says GitLab; the repository is the URL's path. */
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
        boolean gitlab = base.contains("gitlab");
        b.put("name", gitlab ? "gitlab" : "gitea");
        b.put("repo", repo);
        b.put("branch", branch);
        b.put("base_url", base);
        b.put("api_root", base + (gitlab ? "/api/v4" : "/api/v1"));
        return b;
    }
}
