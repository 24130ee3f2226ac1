package vn.trang.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilter;

import vn.trang.diag.Diagnostics;
import vn.trang.git.GitRepos;
import vn.trang.load.SiteRegistry;
import vn.trang.load.SiteRegistryLoader;
import vn.trang.model.Site;

/**
 * A project folder checked for {@code trang serve --edit}: a Git working tree on the branch the
 * editor's configuration names, and someone to author the commits.
 *
 * <p>On that branch because decap-server merges a published entry into whatever is checked out
 * ({@code git merge cms/… main}), and returns to it after each save; on another branch the
 * publication would land there and not in {@code main}.
 *
 * @param root        the project folder (decap-server's paths, content/…, are relative to it)
 * @param author      who the commits are by
 * @param uncommitted changed and untracked files of the working tree: decap-server commits with
 *                    {@code git add .}, so they would go into the next saved entry
 * @param ownSources  sites whose content is a repository of their own ({@code source:}): not
 *                    edited through this one
 */
public record EditableRepository(Path root, GitAuthor author, List<String> uncommitted, List<Site> ownSources) {

    /** The branch every site without a repository of its own is edited on (EditorConfig's backend.branch). */
    public static final String BRANCH = "main";

    /** Why the project cannot be edited here, in Vietnamese, with how to fix it. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * @param out          the preview's output folder; created when missing (to ask Git whether
     *                     it ignores it)
     * @param authorOption "Tên &lt;email&gt;" given on the command line, or null for Git's
     *                     user.name and user.email
     */
    public static EditableRepository check(Path root, Path out, String authorOption) throws Refused {
        GitAuthor given;
        try {
            given = authorOption == null ? null : GitAuthor.parse(authorOption);
        } catch (IllegalArgumentException e) {
            throw new Refused("--author " + e.getMessage());
        }
        Optional<Repository> opened = GitRepos.open(root);
        if (opened.isEmpty()) {
            throw new Refused(root + " không nằm trong kho Git: trình soạn thảo lưu mỗi bài bằng một commit. Chạy trong bản"
                    + " sao (git clone) của kho nội dung, hoặc tạo kho: git init -b main && git add . && git commit -m \"Khởi tạo\"");
        }
        try (Repository repo = opened.get()) {
            if (repo.exactRef("refs/heads/" + BRANCH) == null) {
                throw new Refused("kho " + GitRepos.workTree(repo) + " chưa có nhánh " + BRANCH + ": trình soạn thảo lưu vào"
                        + " nhánh " + BRANCH + " (backend.branch trong quan-tri/config.yml). Đổi tên nhánh chính:"
                        + " git branch -m " + BRANCH);
            }
            String current = repo.getBranch();
            if (!BRANCH.equals(current)) {
                throw new Refused("kho đang ở nhánh " + current + ": trình soạn thảo xuất bản bằng cách gộp vào nhánh đang"
                        + " checkout, cần nhánh " + BRANCH + ". Chạy: git switch " + BRANCH);
            }
            ignored(repo, out);
            GitAuthor author = given != null ? given : configured(repo);
            return new EditableRepository(root, author, uncommitted(repo), ownSources(root));
        } catch (IOException e) {
            throw new Refused("không đọc được kho Git ở " + root + ": " + e.getMessage());
        }
    }

    /** user.name and user.email as git would take them (the repository's, then ~/.gitconfig). */
    private static GitAuthor configured(Repository repo) throws Refused {
        String name = repo.getConfig().getString("user", null, "name");
        String email = repo.getConfig().getString("user", null, "email");
        if (name == null || name.isBlank() || email == null || email.isBlank()) {
            throw new Refused("chưa biết ai là tác giả của các commit: thêm --author \"Họ Tên <email>\", hoặc đặt"
                    + " git config user.name \"Họ Tên\" và git config user.email \"email@co-quan.gov.vn\"");
        }
        return new GitAuthor(name.strip(), email.strip());
    }

    /**
     * Refuses an output folder inside the working tree that Git does not ignore: decap-server's
     * {@code git add .} would commit the whole built province with the next saved entry.
     */
    private static void ignored(Repository repo, Path out) throws Refused, IOException {
        Files.createDirectories(out);
        Path tree = GitRepos.workTree(repo);
        Path real = out.toRealPath();
        if (!real.startsWith(tree) || real.equals(tree)) {
            return;
        }
        String rel = tree.relativize(real).toString().replace('\\', '/');
        try (TreeWalk walk = new TreeWalk(repo)) {
            walk.addTree(new FileTreeIterator(repo));
            walk.setFilter(PathFilter.create(rel));
            while (walk.next()) {
                if (walk.getTree(0, WorkingTreeIterator.class).isEntryIgnored()) {
                    return;
                }
                if (walk.getPathString().equals(rel)) {
                    break;
                }
                walk.enterSubtree();
            }
        }
        throw new Refused("thư mục đầu ra " + rel + "/ nằm trong kho mà Git không bỏ qua: mỗi lần lưu, trình soạn thảo"
                + " commit mọi thứ trong thư mục (git add .), cả trang đã dựng. Thêm dòng /" + rel + "/ vào .gitignore"
                + " (và commit), hoặc chọn --out ở ngoài kho");
    }

    private static List<String> uncommitted(Repository repo) throws IOException {
        try {
            Status s = Git.wrap(repo).status().call();
            TreeSet<String> paths = new TreeSet<>(s.getUncommittedChanges());
            paths.addAll(s.getUntracked());
            return new ArrayList<>(paths);
        } catch (GitAPIException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The sites with a {@code source:}; none when the site files do not load (the build says why). */
    private static List<Site> ownSources(Path root) {
        Optional<SiteRegistry> sites = new SiteRegistryLoader().load(root.resolve("sites"), root, new Diagnostics());
        return sites.map(r -> r.sites().stream().filter(s -> s.source() != null).toList()).orElse(List.of());
    }
}
