package vn.trang.model;

import java.util.List;

/**
 * One unit's website, as declared in {@code sites/<id>.yml}.
 *
 * @param path        URL path under the portal, always starting and ending with '/'
 * @param absoluteUrl the site's home as citizens reach it: https, its own host when it has
 *                    one (else the portal's), then {@code path}
 * @param owner       the governing agency (cơ quan chủ quản) shown in the footer, or null
 * @param sourceFile  the registry file, for diagnostics
 * @param source      where the content comes from when it is a Git remote, or null for this
 *                    repository's {@code content/<id>/}
 * @param access      admins and signature policy; only the portal declares one, every other
 *                    site has {@link AccessPolicy#NONE}
 * @param reviewers   the unit's editorial board heads (trưởng ban biên tập): who approves its
 *                    editors' changes before they are published; the portal's approve anywhere.
 *                    Empty: the unit's editors publish without review
 * @param nameEn      the unit's name in English ({@code name_en}), for its English pages; null
 *                    when not given
 */
public record Site(String id, String name, String shortName, SiteKind kind, String parentId,
                   String path, String host, String absoluteUrl, String owner, String description, String notice,
                   String address, String phone, String fax, String email,
                   List<Leader> leaders, List<Editor> editors, ThemeSettings theme,
                   String sourceFile, GitSource source, AccessPolicy access,
                   List<Editor> reviewers, String nameEn) {

    public Site {
        access = access == null ? AccessPolicy.NONE : access;
        leaders = List.copyOf(leaders);
        editors = List.copyOf(editors);
        reviewers = reviewers == null ? List.of() : List.copyOf(reviewers);
    }

    /** A site without an English name. */
    public Site(String id, String name, String shortName, SiteKind kind, String parentId,
                String path, String host, String absoluteUrl, String owner, String description, String notice,
                String address, String phone, String fax, String email,
                List<Leader> leaders, List<Editor> editors, ThemeSettings theme,
                String sourceFile, GitSource source, AccessPolicy access, List<Editor> reviewers) {
        this(id, name, shortName, kind, parentId, path, host, absoluteUrl, owner, description, notice, address, phone,
                fax, email, leaders, editors, theme, sourceFile, source, access, reviewers, null);
    }

    /** A site without reviewers: its editors publish without review. */
    public Site(String id, String name, String shortName, SiteKind kind, String parentId,
                String path, String host, String absoluteUrl, String owner, String description, String notice,
                String address, String phone, String fax, String email,
                List<Leader> leaders, List<Editor> editors, ThemeSettings theme,
                String sourceFile, GitSource source, AccessPolicy access) {
        this(id, name, shortName, kind, parentId, path, host, absoluteUrl, owner, description, notice, address, phone,
                fax, email, leaders, editors, theme, sourceFile, source, access, List.of());
    }

    /** A site whose content is in this repository and which declares no access policy. */
    public Site(String id, String name, String shortName, SiteKind kind, String parentId,
                String path, String host, String absoluteUrl, String owner, String description, String notice,
                String address, String phone, String fax, String email,
                List<Leader> leaders, List<Editor> editors, ThemeSettings theme, String sourceFile) {
        this(id, name, shortName, kind, parentId, path, host, absoluteUrl, owner, description, notice, address, phone,
                fax, email, leaders, editors, theme, sourceFile, null, AccessPolicy.NONE, List.of());
    }

    /** The unit's name on its English pages: {@code name_en}, else its Vietnamese name. */
    public String englishName() {
        return nameEn != null ? nameEn : name;
    }

    /**
     * The same unit as its English pages present it: its English name, no Vietnamese description
     * or governing agency, language "en". Contacts, paths and addresses are unchanged.
     */
    public Site inEnglish() {
        return new Site(id, englishName(), shortName, kind, parentId, path, host, absoluteUrl, null, null, notice,
                address, phone, fax, email, leaders, editors,
                new ThemeSettings(theme.accent(), "en", theme.historyMessages()), sourceFile, source, access,
                reviewers, nameEn);
    }

    public boolean portal() {
        return kind == SiteKind.PORTAL;
    }

    public String kindLabel() {
        return kind.label();
    }

    public String accent() {
        return theme.accent();
    }

    public String language() {
        return theme.language();
    }

    /**
     * The absolute URL of a path inside this site. Paths are the same on every host: a site with a
     * host of its own is served there under the same path (its host's root redirects to it), so
     * every link in the build works whichever host a page is read from.
     */
    public String absolute(String sitePath) {
        return absoluteUrl.substring(0, absoluteUrl.length() - path.length()) + sitePath;
    }
}
