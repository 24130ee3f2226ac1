package vn.trang.git;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import vn.trang.load.SiteRegistry;
import vn.trang.model.Editor;
import vn.trang.model.Site;

/**
 * Who may change which file (checked by {@code trang verify}):
 *
 * <ul>
 * <li>{@code content/<id>/…}: the editors and reviewers of site {@code id} ({@code editors:},
 *     {@code reviewers:} in {@code sites/<id>.yml}), the portal's reviewers and its admins;
 *     when the site has reviewers, its changes reach the verified branch only through a
 *     reviewer ({@link ReviewRule});</li>
 * <li>every other file — {@code sites/*.yml} (which say who the editors are), themes, keys,
 *     the generator, CI files — only the portal's admins ({@code admins:} in the portal's file);</li>
 * <li>a site whose content is a Git remote ({@code source:}): every file of that repository
 *     belongs to the site.</li>
 * </ul>
 *
 * Identities are matched by email address, case-insensitively. Two rules bind admins too, or
 * hold them apart: no commit may leave a symbolic link where the build reads files
 * ({@link #checkLink}), and only an admin may merge a branch that left the history before the
 * verified range began ({@link #RULE_MERGE}, checked by {@link Verifier}).
 */
public final class AccessRules {

    /** Rule names, printed with every violation. */
    public static final String RULE_EDITORS = "bien-tap";
    public static final String RULE_ADMINS = "quan-tri";
    public static final String RULE_SIGNED = "chu-ky";
    public static final String RULE_HISTORY = "lich-su";
    public static final String RULE_LINK = "lien-ket";
    public static final String RULE_MERGE = "gop-nhanh";
    public static final String RULE_REVIEW = "duyet";

    /** A refused change: the rule and why. */
    public record Refusal(String rule, String reason) {
    }

    private final SiteRegistry registry;
    private final Set<String> admins = new HashSet<>();
    private final String prefix;
    private final Site only;

    private AccessRules(SiteRegistry registry, String prefix, Site only) {
        this.registry = registry;
        this.prefix = prefix;
        this.only = only;
        for (Editor a : registry.portal().access().admins()) {
            if (a.email() != null) {
                admins.add(a.email().toLowerCase(Locale.ROOT));
            }
        }
    }

    /** The rules of the project repository, whose project folder is at {@code prefix} ("" or "dir/"). */
    public static AccessRules forProject(SiteRegistry registry, String prefix) {
        return new AccessRules(registry, prefix, null);
    }

    /** The rules of a remote source's repository: every file is the site's content. */
    public static AccessRules forSource(SiteRegistry registry, Site site) {
        return new AccessRules(registry, "", site);
    }

    public boolean isAdmin(String email) {
        return email != null && admins.contains(email.toLowerCase(Locale.ROOT));
    }

    /** Empty when {@code email} may change {@code path} (a path of the repository). */
    public Optional<Refusal> check(String path, String email) {
        if (isAdmin(email)) {
            return Optional.empty();
        }
        Site site = siteOf(path);
        if (site == null) {
            return Optional.of(new Refusal(RULE_ADMINS, "tệp ngoài content/<mã-trang>/ chỉ quản trị cổng (admins trong "
                    + registry.portal().sourceFile() + ") được sửa"));
        }
        if (isEditor(site.editors(), email) || mayApprove(site, email)) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(RULE_EDITORS, "chỉ biên tập viên của trang '" + site.id() + "' (editors trong "
                + site.sourceFile() + "), trưởng ban biên tập (reviewers) hoặc quản trị cổng được sửa nội dung của trang này"));
    }

    /** True when changes to {@code site}'s content need a reviewer's approval: it names reviewers. */
    public boolean needsReview(Site site) {
        return !site.reviewers().isEmpty();
    }

    /** True when {@code email} may approve {@code site}'s changes: its reviewer, the portal's, or an admin. */
    public boolean mayApprove(Site site, String email) {
        return isAdmin(email) || isEditor(site.reviewers(), email) || isEditor(registry.portal().reviewers(), email);
    }

    /**
     * The site whose content {@code path} (a path of the repository) is, or null for a file only
     * admins change.
     */
    public Site siteOf(String path) {
        return only != null ? only : contentSite(path);
    }

    /**
     * Empty unless {@code path}, which a commit leaves as a symbolic link, is where the build reads
     * files ({@code content/}, {@code sites/}, {@code themes/}, or anywhere in a unit's own
     * repository). Admins included: the build would refuse it anyway.
     */
    public Optional<Refusal> checkLink(String path) {
        boolean read = only != null || path.startsWith(prefix + "content/") || path.startsWith(prefix + "sites/")
                || path.startsWith(prefix + "themes/");
        if (!read) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(RULE_LINK, "liên kết tượng trưng (symlink) không được có trong content/, sites/ "
                + "và themes/ (hay kho nội dung riêng của một trang): liên kết có thể trỏ tới bất kỳ tệp nào trên máy "
                + "dựng, nên bản dựng từ chối; xóa liên kết (git rm) và commit chính tệp đó"));
    }

    private Site contentSite(String path) {
        String content = prefix + "content/";
        if (!path.startsWith(content)) {
            return null;
        }
        String rest = path.substring(content.length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return null;
        }
        return registry.byId(rest.substring(0, slash)).orElse(null);
    }

    private static boolean isEditor(List<Editor> editors, String email) {
        if (email == null) {
            return false;
        }
        for (Editor e : editors) {
            if (e.email() != null && e.email().equalsIgnoreCase(email)) {
                return true;
            }
        }
        return false;
    }
}
