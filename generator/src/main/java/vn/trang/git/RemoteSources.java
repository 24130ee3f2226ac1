package vn.trang.git;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;

import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.files.OutputSwap;
import vn.trang.load.Attachment;
import vn.trang.load.ContentScanner;
import vn.trang.load.ContentSet;
import vn.trang.load.InputFiles;
import vn.trang.load.SiteRegistry;
import vn.trang.load.SiteRegistryLoader;
import vn.trang.load.SourceFile;
import vn.trang.model.GitSource;
import vn.trang.model.Site;

/**
 * Content of sites whose {@code sites/<id>.yml} names a Git remote ({@code source: {git, branch}}):
 * cloned once, then fetched, into the cache folder, and checked out at the branch's head (or at
 * a pinned commit, so that {@code trang publish} builds exactly the commits it verified).
 *
 * <pre>
 * &lt;cache&gt;/sources/&lt;id&gt;/&lt;id&gt;/       the clone's work tree: the site's content folder
 * &lt;cache&gt;/sources/&lt;id&gt;.lock        held while fetching and checking out
 * </pre>
 *
 * <p>The cache is {@code $TRANG_CACHE} when set, else {@code .trang/cache} in the project. When a
 * fetch fails (offline), the last fetched commit is used with a warning; without one it is an
 * error. HTTPS credentials, if the remote needs them, come from {@code TRANG_GIT_USERNAME} and
 * {@code TRANG_GIT_PASSWORD} (a token).
 */
public final class RemoteSources {

    /**
     * One lock object per clone cache folder in this process (a file lock alone does not exclude
     * two threads of one JVM, e.g. `trang serve` rebuilding while a build runs). It holds no data.
     */
    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

    /** Fetch each remote and use its branch head, or use the given commits (site id → commit). */
    private final Map<String, ObjectId> pinned;

    private RemoteSources(Map<String, ObjectId> pinned) {
        this.pinned = pinned;
    }

    /** Fetches every remote source and builds its branch's newest commit (build, serve). */
    public static RemoteSources fetching() {
        return new RemoteSources(null);
    }

    /** Builds exactly these commits (site id → commit), fetching only when one is missing (publish). */
    public static RemoteSources pinned(Map<String, ObjectId> commits) {
        return new RemoteSources(Map.copyOf(commits));
    }

    /** The cache folder of a project. */
    public static Path cacheDir(Path root) {
        String env = System.getenv("TRANG_CACHE");
        return env == null || env.isBlank() ? root.resolve(".trang/cache") : root.resolve(env);
    }

    /** One site's checkout. */
    public record Checkout(Site site, Path workTree, ObjectId commit) {

        /** The folder to scan as {@code content/}: it holds exactly one folder, the site's. */
        public Path contentDir() {
            return workTree.getParent();
        }
    }

    /** The checkouts of one build. */
    public record Checkouts(List<Checkout> list) {

        public static final Checkouts NONE = new Checkouts(List.of());

        public List<Path> workTrees() {
            return list.stream().map(Checkout::workTree).toList();
        }

        /** Site id → the commit built. */
        public Map<String, ObjectId> commits() {
            Map<String, ObjectId> m = new LinkedHashMap<>();
            list.forEach(c -> m.put(c.site().id(), c.commit()));
            return m;
        }

        /**
         * The local content plus every checkout's, scanned with the same rules. A symbolic link
         * committed in a unit's repository is checked out as a plain file holding the link's
         * target ({@code core.symlinks=false}): it is found in the commit instead, reported at
         * its path like a link in {@code content/}, and left out.
         */
        public ContentSet scan(ContentSet local, Path root, String only, Diagnostics d) {
            if (list.isEmpty()) {
                return local;
            }
            List<SourceFile> sources = new ArrayList<>(local.sources());
            List<Attachment> attachments = new ArrayList<>(local.attachments());
            for (Checkout c : list) {
                ContentSet r = new ContentScanner().scan(local.registry(), c.contentDir(), root, c.site().id(), d);
                Set<Path> links = committedLinks(c, d);
                for (Path link : links) {
                    InputFiles.reportLink(SiteRegistryLoader.display(root, link), d);
                }
                r.sources().stream().filter(s -> !links.contains(s.path())).forEach(sources::add);
                r.attachments().stream().filter(a -> !links.contains(a.path())).forEach(attachments::add);
            }
            sources.sort(Comparator.comparing(SourceFile::display));
            return new ContentSet(local.registry(), sources, attachments);
        }
    }

    /** The files of a checkout's commit that Git stores as symbolic links (mode 120000). */
    private static Set<Path> committedLinks(Checkout c, Diagnostics d) {
        Set<Path> out = new TreeSet<>();
        try (Git g = Git.open(c.workTree().toFile());
             RevWalk rw = new RevWalk(g.getRepository());
             TreeWalk tw = new TreeWalk(g.getRepository())) {
            tw.addTree(rw.parseCommit(c.commit()).getTree());
            tw.setRecursive(true);
            while (tw.next()) {
                if (FileMode.SYMLINK.equals(tw.getRawMode(0))) {
                    out.add(c.workTree().resolve(tw.getPathString()));
                }
            }
        } catch (IOException | RuntimeException e) {
            d.error(SourcePos.of(c.site().sourceFile()), "không đọc được commit " + c.commit().abbreviate(8).name()
                    + " của kho " + c.site().source().url() + ": " + e.getMessage(), null, "xóa thư mục " + c.workTree()
                    + " rồi dựng lại");
        }
        return out;
    }

    /**
     * Clones or fetches the sources of the sites built ({@code only}, or all), reporting problems.
     */
    public Checkouts resolve(SiteRegistry registry, Path root, String only, Diagnostics d) {
        List<Checkout> out = new ArrayList<>();
        for (Site s : registry.sites()) {
            if (s.source() == null || (only != null && !only.equals(s.id()))) {
                continue;
            }
            Path local = root.resolve("content").resolve(s.id());
            if (Files.isDirectory(local) && !isEmptyDir(local)) {
                d.error(SourcePos.of("content/" + s.id()), "trang '" + s.id() + "' lấy nội dung từ kho Git "
                                + s.source().url() + " (khóa source trong " + s.sourceFile() + ") nhưng vẫn có thư mục content/" + s.id() + "/",
                        "nội dung của trang ở một nơi: kho Git riêng hoặc content/" + s.id() + "/",
                        "xóa thư mục content/" + s.id() + "/ hoặc bỏ khóa source");
                continue;
            }
            Checkout c = checkout(s, cacheDir(root), d);
            if (c != null) {
                out.add(c);
            }
        }
        return new Checkouts(out);
    }

    private static boolean isEmptyDir(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private Checkout checkout(Site s, Path cache, Diagnostics d) {
        GitSource src = s.source();
        Path base = cache.resolve("sources").resolve(s.id());
        Path work = base.resolve(s.id());
        SourcePos where = SourcePos.of(s.sourceFile());
        Object jvmLock = LOCKS.computeIfAbsent(base.toAbsolutePath().normalize().toString(), k -> new Object());
        synchronized (jvmLock) {
            try {
                Files.createDirectories(base);
                try (FileChannel ch = FileChannel.open(base.resolveSibling(s.id() + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock lock = ch.lock()) {
                    return checkoutLocked(s, src, base, work, where, d);
                }
            } catch (IOException e) {
                d.error(where, "không chuẩn bị được bản sao của kho " + src.url() + ": " + e.getMessage(),
                        "thư mục bộ đệm ghi được: " + cache, "kiểm tra quyền ghi hoặc đặt TRANG_CACHE");
                return null;
            }
        }
    }

    private Checkout checkoutLocked(Site s, GitSource src, Path base, Path work, SourcePos where, Diagnostics d)
            throws IOException {
        // A half-made clone (process killed) or one of another URL is thrown away and made again.
        try (Stream<Path> st = Files.list(base)) {
            for (Path p : st.toList()) {
                if (p.getFileName().toString().startsWith(".clone-")) {
                    OutputSwap.deleteTree(p);
                }
            }
        }
        if (Files.exists(work) && !usable(work, src.url())) {
            OutputSwap.deleteTree(work);
        }
        String branchRef = "refs/remotes/origin/" + src.branch();
        boolean fetched = false;
        String fetchError = null;
        if (!Files.exists(work)) {
            Path tmp = Files.createTempDirectory(base, ".clone-");
            try (Git g = Git.cloneRepository().setURI(src.url()).setDirectory(tmp.toFile())
                    .setBranchesToClone(List.of("refs/heads/" + src.branch())).setBranch("refs/heads/" + src.branch())
                    .setNoCheckout(true).setCredentialsProvider(credentials()).call()) {
                // A link committed in the unit's repository must never become a link on the build
                // machine: with core.symlinks off, Git checks it out as a file holding the target's name.
                StoredConfig config = g.getRepository().getConfig();
                config.setBoolean("core", null, "symlinks", false);
                config.save();
                fetched = true;
            } catch (GitAPIException | IOException | RuntimeException e) {
                OutputSwap.deleteTree(tmp);
                d.error(where.at(0, 0), "không sao chép được kho Git " + src.url() + " (nhánh " + src.branch() + "): "
                                + e.getMessage(), "địa chỉ kho đúng, mạng tới được kho, nhánh tồn tại",
                        "kiểm tra khóa source trong " + s.sourceFile());
                return null;
            }
            Files.move(tmp, work, StandardCopyOption.ATOMIC_MOVE);
        }
        try (Git g = Git.open(work.toFile())) {
            Repository r = g.getRepository();
            ObjectId want = pinned == null ? null : pinned.get(s.id());
            boolean needFetch = !fetched && (pinned == null || want == null || !r.getObjectDatabase().has(want));
            if (needFetch) {
                try {
                    g.fetch().setRemote("origin").setCredentialsProvider(credentials())
                            .setRefSpecs(new RefSpec("+refs/heads/" + src.branch() + ":" + branchRef)).call();
                } catch (GitAPIException | RuntimeException e) {
                    fetchError = e.getMessage();
                }
            }
            ObjectId commit = want != null ? want : r.resolve(branchRef);
            if (commit == null || !r.getObjectDatabase().has(commit)) {
                d.error(where, (want != null ? "không có commit " + want.name() : "không có nhánh " + src.branch())
                                + " trong kho " + src.url() + (fetchError == null ? "" : " (lỗi tải: " + fetchError + ")"),
                        "nhánh khai báo trong source.branch có trong kho", "kiểm tra khóa source trong " + s.sourceFile());
                return null;
            }
            if (fetchError != null) {
                d.warning(where, "không tải được kho " + src.url() + " (" + fetchError + "); dùng bản đã tải trước, commit "
                        + commit.abbreviate(8).name(), "mạng tới được kho Git", "kiểm tra mạng rồi tạo lại");
            }
            try (RevWalk rw = new RevWalk(r)) {
                rw.parseCommit(commit);
            }
            g.reset().setMode(ResetCommand.ResetType.HARD).setRef(commit.name()).call();
            g.clean().setCleanDirectories(true).setIgnore(false).setForce(true).call();
            return new Checkout(s, GitRepos.real(work), commit.copy());
        } catch (GitAPIException | RuntimeException e) {
            d.error(where, "không lấy được nội dung từ kho " + src.url() + ": " + e.getMessage(), null,
                    "xóa thư mục " + work + " rồi tạo lại");
            return null;
        }
    }

    /** A clone of this URL that checks links out as plain files (older clones did not: made again). */
    private static boolean usable(Path work, String url) {
        try (Git g = Git.open(work.toFile())) {
            StoredConfig config = g.getRepository().getConfig();
            return url.equals(config.getString("remote", "origin", "url")) && !config.getBoolean("core", "symlinks", true);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** HTTPS credentials from TRANG_GIT_USERNAME / TRANG_GIT_PASSWORD (a token), or null. */
    public static CredentialsProvider credentials() {
        String user = System.getenv("TRANG_GIT_USERNAME");
        String pass = System.getenv("TRANG_GIT_PASSWORD");
        if (pass == null || pass.isEmpty()) {
            return null;
        }
        return new UsernamePasswordCredentialsProvider(user == null || user.isEmpty() ? "oauth2" : user, pass);
    }
}
