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
 * <li>{@code content/<id>/…}: the editors of site {@code id} ({@code editors:} in
 *     {@code sites/<id>.yml}) and the portal's admins;</li>
 * <li>every other file — {@code sites/*.yml} (which say who the editors are), themes, keys,
 *     the generator, CI files — only the portal's admins ({@code admins:} in the portal's file);</li>
 * <li>a site whose content is a Git remote ({@code source:}): every file of that repository
 *     belongs to the site.</li>
 * </ul>
 *
 * Identities are matched by email address, case-insensitively.
 */
public final class AccessRules {

    /** Rule names, printed with every violation. */
    public static final String RULE_EDITORS = "bien-tap";
    public static final String RULE_ADMINS = "quan-tri";
    public static final String RULE_SIGNED = "chu-ky";
    public static final String RULE_HISTORY = "lich-su";

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
        Site site = only != null ? only : siteOf(path);
        if (site == null) {
            return Optional.of(new Refusal(RULE_ADMINS, "tệp ngoài content/<mã-trang>/ chỉ quản trị cổng (admins trong "
                    + registry.portal().sourceFile() + ") được sửa"));
        }
        if (isEditor(site.editors(), email)) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(RULE_EDITORS, "chỉ biên tập viên của trang '" + site.id() + "' (editors trong "
                + site.sourceFile() + ") hoặc quản trị cổng được sửa nội dung của trang này"));
    }

    private Site siteOf(String path) {
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
