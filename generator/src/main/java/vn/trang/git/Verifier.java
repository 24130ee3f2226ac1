package vn.trang.git;

import java.io.IOException;
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

import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.files.OutputSwap;
import vn.trang.load.SiteRegistry;
import vn.trang.load.SiteRegistryLoader;
import vn.trang.model.AccessPolicy;
import vn.trang.model.Site;

/**
 * {@code trang verify}: walks the commits of a range and checks every changed file against
 * {@link AccessRules} and, when the portal requires it, every commit's OpenPGP signature against
 * the configured keyring ({@link OpenPgpKeyring}).
 *
 * <p>A merge is held to what it changes against its first parent, the branch it lands on, less
 * what it took unchanged from a side that made that change itself ({@link ChangedPaths#authored}):
 * taking an old version of a file from a parent is a change like any other. With a
 * {@code since}, a merge whose other parents are not descendants of it is refused unless an
 * admin made it ({@link AccessRules#RULE_MERGE}): such a parent joins the branch with history
 * from before the verified range. No commit may leave a symbolic link where the build reads files
 * ({@link AccessRules#checkLink}). A site with reviewers gets content on the verified branch only
 * through one of them ({@link ReviewRule}), unless the head is a branch still waiting for review
 * ({@link #pendingReview}).
 *
 * <p>The rules (editors, admins, signature policy, keyring) are read from the newest commit of the
 * range, not from the work tree: what is verified is what is committed. Changing those rules is
 * itself a change outside {@code content/}, so only an admin's commit can do it.
 */
public final class Verifier {

    /** One refused change: which commit, by whom, which file, which rule, and why. */
    public record Violation(String commit, String author, String file, String rule, String message) {

        public String format() {
            return file + ": lỗi: commit " + commit + " của " + author + ": " + message + " [quy tắc " + rule + "]";
        }
    }

    /** The rules as of the head commit. */
    public record Policy(SiteRegistry registry, String prefix, OpenPgpKeyring keyring) {

        public boolean requireSigned() {
            return keyring != null;
        }
    }

    /** What a check found: how many commits it walked, and every violation in commit order. */
    public record Report(int commits, List<Violation> violations) {

        public boolean ok() {
            return violations.isEmpty();
        }

        public Report plus(Report other) {
            List<Violation> all = new ArrayList<>(violations);
            all.addAll(other.violations);
            return new Report(commits + other.commits, all);
        }

        public static final Report EMPTY = new Report(0, List.of());
    }

    private final Path root;
    private final Path keyringOverride;
    private final boolean pendingReview;

    /**
     * @param root            the project folder (inside the repository's work tree)
     * @param keyringOverride a keyring file to use instead of the one the portal names, or null
     */
    public Verifier(Path root, Path keyringOverride) {
        this(root, keyringOverride, false);
    }

    private Verifier(Path root, Path keyringOverride, boolean pendingReview) {
        this.root = root.toAbsolutePath().normalize();
        this.keyringOverride = keyringOverride;
        this.pendingReview = pendingReview;
    }

    /**
     * This verifier for a head that is an editor's branch waiting for review, not the branch that
     * is published: its own commits are not approved yet, so the review rule is not applied (CI
     * checks such branches so that editors see every other refusal before asking for review).
     */
    public Verifier pendingReview() {
        return new Verifier(root, keyringOverride, true);
    }

    /** Reads the rules from {@code sites/} (and the keyring) of a commit; errors go to {@code d}. */
    public Optional<Policy> policy(Repository r, ObjectId commit, Diagnostics d) {
        String prefix = GitRepos.prefix(r, root);
        Path tmp = null;
        try (RevWalk rw = new RevWalk(r)) {
            RevCommit c = rw.parseCommit(commit);
            tmp = Files.createTempDirectory("trang-verify-");
            Path sites = Files.createDirectories(tmp.resolve("sites"));
            try (TreeWalk tw = new TreeWalk(r)) {
                tw.addTree(c.getTree());
                tw.setRecursive(true);
                tw.setFilter(PathFilter.create(prefix + "sites"));
                while (tw.next()) {
                    String rel = tw.getPathString().substring(prefix.length());
                    String name = rel.substring(rel.indexOf('/') + 1);
                    if (rel.startsWith("sites/") && !name.contains("/") && name.matches(".*\\.ya?ml")
                            && !FileMode.SYMLINK.equals(tw.getRawMode(0))) { // a link is no site file (and refused)
                        Files.write(sites.resolve(name), r.open(tw.getObjectId(0)).getBytes());
                    }
                }
            }
            Optional<SiteRegistry> registry = new SiteRegistryLoader().load(sites, tmp, d);
            if (registry.isEmpty()) {
                return Optional.empty();
            }
            AccessPolicy access = registry.get().portal().access();
            OpenPgpKeyring keyring = null;
            if (access.requireSignedCommits()) {
                keyring = keyring(r, c, prefix, registry.get().portal(), d);
                if (keyring == null) {
                    return Optional.empty();
                }
            }
            return Optional.of(new Policy(registry.get(), prefix, keyring));
        } catch (IOException e) {
            d.error(SourcePos.of("sites"), "không đọc được sites/ từ commit " + commit.abbreviate(8).name() + ": "
                    + e.getMessage(), null, null);
            return Optional.empty();
        } finally {
            if (tmp != null) {
                OutputSwap.deleteTree(tmp);
            }
        }
    }

    private OpenPgpKeyring keyring(Repository r, RevCommit c, String prefix, Site portal, Diagnostics d) {
        String declared = portal.access().publicKeys();
        SourcePos where = SourcePos.of(portal.sourceFile());
        try {
            byte[] bytes;
            String shown;
            if (keyringOverride != null) {
                shown = keyringOverride.toString();
                bytes = Files.readAllBytes(keyringOverride);
            } else if (Path.of(declared).isAbsolute()) {
                shown = declared;
                bytes = Files.readAllBytes(Path.of(declared));
            } else {
                shown = declared + " (trong commit " + c.abbreviate(8).name() + ")";
                try (TreeWalk tw = TreeWalk.forPath(r, prefix + Path.of(declared).normalize().toString().replace('\\', '/'),
                        c.getTree())) {
                    if (tw == null) {
                        d.error(where, "không có tệp khóa công khai " + shown,
                                "tệp khóa OpenPGP (gpg --export --armor) đã commit vào kho",
                                "commit tệp " + declared + " hoặc sửa public_keys");
                        return null;
                    }
                    ObjectLoader l = r.open(tw.getObjectId(0));
                    bytes = l.getBytes();
                }
            }
            try {
                return OpenPgpKeyring.read(bytes);
            } catch (IOException e) {
                d.error(where, e.getMessage() + ": " + shown, "khóa công khai OpenPGP, xuất bằng gpg --export --armor",
                        "xuất lại khóa của biên tập viên và quản trị viên vào tệp " + declared);
                return null;
            }
        } catch (IOException e) {
            d.error(where, "không đọc được tệp khóa công khai: " + e.getMessage(), "tệp khóa OpenPGP đọc được",
                    "kiểm tra public_keys hoặc --keyring");
            return null;
        }
    }

    /** Everything one verification found. */
    public record Outcome(Diagnostics diagnostics, Report report, ObjectId head, Policy policy,
                          RemoteSources.Checkouts sources) {

        /** True when the rules could be read and no commit broke them. */
        public boolean ok() {
            return !diagnostics.hasErrors() && report != null && report.ok();
        }
    }

    /**
     * Verifies the project repository's range {@code since..head} and, for every site whose
     * content is a Git remote, that remote's commits (fetched now) since the commit given in
     * {@code sourcesSince} (site id → commit; all of its history when absent).
     *
     * @param since a revision (commit, branch, tag) or null for the whole history
     * @param head  a revision, or null for HEAD
     */
    public Outcome verify(String since, String head, Map<String, ObjectId> sourcesSince) {
        Diagnostics d = new Diagnostics();
        Optional<Repository> repo = GitRepos.open(root);
        if (repo.isEmpty()) {
            d.error(SourcePos.of("."), "thư mục dự án không nằm trong kho Git, không có commit nào để kiểm tra",
                    "một kho Git (git init, git clone)", "chạy lệnh trong bản sao của kho nội dung");
            return new Outcome(d, null, null, null, RemoteSources.Checkouts.NONE);
        }
        try (Repository r = repo.get()) {
            ObjectId headId = resolve(r, head == null ? "HEAD" : head, d);
            ObjectId sinceId = since == null ? null : resolve(r, since, d);
            if (headId == null || (since != null && sinceId == null)) {
                return new Outcome(d, null, null, null, RemoteSources.Checkouts.NONE);
            }
            Optional<Policy> p = policy(r, headId, d);
            if (p.isEmpty()) {
                return new Outcome(d, null, headId, null, RemoteSources.Checkouts.NONE);
            }
            Report report = checkProject(r, p.get(), headId, sinceId);
            RemoteSources.Checkouts sources = RemoteSources.fetching().resolve(p.get().registry(), root, null, d);
            for (RemoteSources.Checkout c : sources.list()) {
                Optional<Repository> sr = GitRepos.open(c.workTree());
                if (sr.isEmpty()) {
                    continue;
                }
                try (Repository s = sr.get()) {
                    ObjectId from = sourcesSince == null ? null : sourcesSince.get(c.site().id());
                    if (from != null && !s.getObjectDatabase().has(from)) {
                        from = null; // history rewritten: check it all
                    }
                    report = report.plus(checkSource(s, c.site(), p.get(), c.commit(), from));
                }
            }
            return new Outcome(d, report, headId, p.get(), sources);
        } catch (IOException | RuntimeException e) {
            d.error(SourcePos.of("."), "không đọc được lịch sử Git: " + e.getMessage(), null, "chạy git fsck");
            return new Outcome(d, null, null, null, RemoteSources.Checkouts.NONE);
        }
    }

    private static ObjectId resolve(Repository r, String rev, Diagnostics d) {
        try {
            ObjectId id = r.resolve(rev + "^{commit}");
            if (id != null) {
                return id;
            }
        } catch (IOException | RuntimeException e) {
            // reported below
        }
        boolean shallow = !GitRepos.shallowCommits(r).isEmpty();
        d.error(SourcePos.of("."), "không tìm thấy commit '" + rev + "' trong kho",
                "một commit, nhánh hoặc thẻ có trong kho", shallow
                        ? "kho là bản sao nông (shallow clone): lấy đủ lịch sử bằng git fetch --unshallow (CI: fetch-depth: 0)"
                        : "kiểm tra tên, ví dụ --since origin/main");
        return null;
    }

    /** Checks the project repository's commits reachable from {@code head} but not from {@code since}. */
    public Report checkProject(Repository r, Policy p, ObjectId head, ObjectId since) throws IOException {
        AccessRules rules = AccessRules.forProject(p.registry(), p.prefix());
        return check(r, head, since, rules, p.keyring(), p.prefix(), "");
    }

    /** Checks a remote source's commits: every file is the site's content. */
    public Report checkSource(Repository r, Site site, Policy p, ObjectId head, ObjectId since) throws IOException {
        return check(r, head, since, AccessRules.forSource(p.registry(), site), p.keyring(), "", "(kho " + site.id() + ") ");
    }

    private Report check(Repository r, ObjectId head, ObjectId since, AccessRules rules, OpenPgpKeyring keyring,
                         String prefix, String label) throws IOException {
        List<Violation> out = new ArrayList<>();
        ChangedPaths changed = new ChangedPaths(r, "");
        int commits = 0;
        Map<String, Integer> order = new HashMap<>(); // abbreviated id → position, to sort the review rule's findings in
        Set<RevCommit> range = new HashSet<>();
        // The commits of the range that have `since` among their ancestors (the walk gives parents first).
        Set<ObjectId> afterSince = new HashSet<>();
        try (RevWalk rw = new RevWalk(r)) {
            rw.sort(RevSort.TOPO, true);
            rw.sort(RevSort.REVERSE, true);
            rw.markStart(rw.parseCommit(head));
            if (since != null) {
                rw.markUninteresting(rw.parseCommit(since));
            }
            for (RevCommit c : rw) {
                commits++;
                String id = c.abbreviate(10).name();
                order.put(id, commits);
                range.add(c);
                String author = GitRepos.who(c.getAuthorIdent());
                String email = c.getAuthorIdent().getEmailAddress();
                if (since != null) {
                    for (int i = 0; i < c.getParentCount(); i++) {
                        boolean after = c.getParent(i).equals(since) || afterSince.contains(c.getParent(i));
                        if (after) {
                            afterSince.add(c);
                        } else if (i > 0 && !rules.isAdmin(email)) {
                            out.add(new Violation(id, author, label + "(cả commit)", AccessRules.RULE_MERGE,
                                    "commit gộp nhánh có cha " + c.getParent(i).abbreviate(10).name()
                                            + " không nằm sau mốc kiểm tra " + since.abbreviate(10).name()
                                            + " (--since; khi publish: commit của bản đang chạy): chỉ quản trị cổng được "
                                            + "gộp một nhánh tách ra trước mốc đó; gộp nhánh chính mới nhất vào nhánh "
                                            + "của mình (git merge origin/main) hoặc rebase lên nó, rồi gộp lại"));
                        }
                    }
                }
                ChangedPaths.Changes ch = changed.authored(rw, c);
                if (ch.unknown()) {
                    out.add(new Violation(id, author, label + "(cả commit)", AccessRules.RULE_HISTORY,
                            "kho là bản sao nông (shallow clone): không biết commit này đã đổi những tệp nào; cần toàn bộ "
                                    + "lịch sử (git fetch --unshallow; CI: fetch-depth: 0)"));
                    continue;
                }
                if (keyring != null) {
                    OpenPgpKeyring.Check sig = keyring.check(c);
                    if (!sig.ok()) {
                        out.add(new Violation(id, author, label + files(ch.paths(), prefix), AccessRules.RULE_SIGNED,
                                sig.problem() + " (cần chữ ký OpenPGP hợp lệ bằng khóa trong tệp khóa công khai, "
                                        + "require_signed_commits)"));
                    }
                }
                for (String path : ch.paths()) {
                    Optional<AccessRules.Refusal> refusal = rules.check(path, email);
                    if (refusal.isPresent()) {
                        out.add(new Violation(id, author, label + shown(path, prefix), refusal.get().rule(),
                                refusal.get().reason()));
                    }
                    Optional<AccessRules.Refusal> link = ch.links().contains(path) ? rules.checkLink(path) : Optional.empty();
                    if (link.isPresent()) {
                        out.add(new Violation(id, author, label + shown(path, prefix), link.get().rule(), link.get().reason()));
                    }
                }
                c.disposeBody();
            }
            if (!pendingReview) {
                out.addAll(new ReviewRule(rules).check(r, rw, head, range, prefix, label));
                out.sort(Comparator.comparing(v -> order.getOrDefault(v.commit(), 0))); // stable: rules keep their order
            }
        }
        return new Report(commits, out);
    }

    /** A repository path as shown: relative to the project folder when inside it. */
    static String shown(String path, String prefix) {
        return path.startsWith(prefix) ? path.substring(prefix.length()) : "/" + path;
    }

    private static String files(List<String> paths, String prefix) {
        if (paths.isEmpty()) {
            return "(commit rỗng)";
        }
        String first = shown(paths.get(0), prefix);
        return paths.size() == 1 ? first : first + " (và " + (paths.size() - 1) + " tệp khác)";
    }
}
