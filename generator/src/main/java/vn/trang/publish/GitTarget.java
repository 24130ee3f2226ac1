package vn.trang.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.treewalk.TreeWalk;

import vn.trang.files.OutputSwap;
import vn.trang.git.RemoteSources;

/**
 * {@code git:URL#BRANCH}: each release is one commit on a deploy branch, whose tree is the built
 * site (with {@code _trang/manifest.json}); the web server (or a Pages service) serves the branch.
 *
 * <p>The commit is made in a local bare repository in the cache, whose objects are shared with
 * earlier releases: Git stores and pushes only blobs that changed. It goes live by one push that
 * fast-forwards the branch from the commit we fetched (never forced): a crash before the remote
 * updates its ref leaves the branch where it was; a concurrent publish is refused, not overwritten.
 * Rollback pushes a new commit with an earlier release's tree. Every release stays in the branch's
 * history, so {@code --keep} does not apply.
 */
final class GitTarget implements Target {

    private final String url;
    private final String branch;
    private final Path dir;
    private final Path tmp;
    private Repository repo;
    private FileChannel lockChannel;
    private FileLock lock;
    /** The remote branch's commit when we fetched it (null: the branch does not exist yet). */
    private ObjectId tip;

    GitTarget(String url, String branch, Path cache) {
        this.url = url;
        this.branch = branch;
        String key = sha1(url + "#" + branch).substring(0, 16);
        this.dir = cache.resolve("deploy").resolve(key + ".git");
        this.tmp = cache.resolve("deploy").resolve(key + ".tmp");
    }

    @Override
    public String describe() {
        return "git:" + url + "#" + branch;
    }

    private String remoteRef() {
        return "refs/heads/" + branch;
    }

    private String trackingRef() {
        return "refs/remotes/origin/" + branch;
    }

    @Override
    public void open() throws PublishException {
        try {
            Files.createDirectories(dir.getParent());
            lockChannel = FileChannel.open(dir.resolveSibling(dir.getFileName() + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new PublishException("một lần phát hành hoặc quay lại khác đang chạy tới " + describe());
            }
            if (Files.exists(tmp)) {
                OutputSwap.deleteTree(tmp);
            }
            Files.createDirectories(tmp);
            if (!Files.exists(dir.resolve("HEAD"))) {
                if (Files.exists(dir)) {
                    OutputSwap.deleteTree(dir); // a half-made repository from a killed run
                }
                Git.init().setBare(true).setDirectory(dir.toFile()).call().close();
            }
            repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
            fetch();
        } catch (IOException | GitAPIException | RuntimeException e) {
            close();
            if (e instanceof PublishException p) {
                throw p;
            }
            throw new PublishException("không mở được nơi phát hành " + describe() + ": " + e.getMessage(), e);
        }
    }

    /** Fetches the deploy branch, if the remote has it, and remembers its commit. */
    private void fetch() throws GitAPIException, IOException, PublishException {
        Map<String, Ref> heads = Git.lsRemoteRepository().setRemote(url).setHeads(true)
                .setCredentialsProvider(credentials()).callAsMap();
        Ref head = heads.get(remoteRef());
        if (head == null) {
            tip = null;
            return;
        }
        try (Git g = Git.wrap(repo)) {
            g.fetch().setRemote(url).setCredentialsProvider(credentials())
                    .setRefSpecs(new RefSpec("+" + remoteRef() + ":" + trackingRef())).call();
        }
        tip = repo.resolve(trackingRef());
        if (tip == null) {
            throw new PublishException("không tải được nhánh " + branch + " từ " + url);
        }
    }

    @Override
    public Optional<Live> live() throws PublishException {
        if (tip == null) {
            return Optional.empty();
        }
        try {
            Manifest m = manifestOf(tip);
            return m == null ? Optional.empty() : Optional.of(new Live(m.release(), m));
        } catch (IOException e) {
            throw new PublishException("không đọc được bản đang chạy: " + e.getMessage(), e);
        }
    }

    private Manifest manifestOf(ObjectId commit) throws IOException {
        try (RevWalk rw = new RevWalk(repo)) {
            RevCommit c = rw.parseCommit(commit);
            try (TreeWalk tw = TreeWalk.forPath(repo, Manifest.PATH, c.getTree())) {
                if (tw == null) {
                    return null;
                }
                try {
                    return Manifest.parse(new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
                } catch (RuntimeException e) {
                    return null;
                }
            }
        }
    }

    @Override
    public Path stagingFor(String release) {
        return tmp.resolve(release + "-build");
    }

    @Override
    public Tampering install(Path built, Manifest manifest, Optional<Live> previous, PrintWriter log) throws PublishException {
        try {
            manifest.write(built);
            ObjectId tree;
            int files = 0;
            try (ObjectInserter ins = repo.newObjectInserter()) {
                DirCache index = DirCache.newInCore();
                DirCacheBuilder b = index.builder();
                List<Path> paths;
                try (Stream<Path> walk = Files.walk(built)) {
                    paths = walk.filter(Files::isRegularFile).toList();
                }
                for (Path p : paths) {
                    DirCacheEntry e = new DirCacheEntry(built.relativize(p).toString().replace('\\', '/'));
                    e.setFileMode(FileMode.REGULAR_FILE);
                    try (InputStream in = Files.newInputStream(p)) {
                        e.setObjectId(ins.insert(Constants.OBJ_BLOB, Files.size(p), in));
                    }
                    b.add(e);
                    files++;
                }
                b.finish();
                tree = index.writeTree(ins);
                Instant when = Instant.parse(manifest.buildTime());
                ObjectId commit = ins.insert(commit(tree, tip, "Phát hành " + manifest.release() + "\n\nNguồn: "
                        + manifest.sourceCommit() + "\n", when));
                ins.flush();
                Failpoints.hit("committed");
                push(commit);
                Failpoints.hit("pushed");
                log.println("Đã phát hành " + manifest.release() + ": " + files + " tệp, commit "
                        + commit.abbreviate(10).name() + " → " + describe());
            }
            // Nothing is taken from the live tree: every blob comes from the build (Git stores a
            // blob once by its content id, so unchanged files cost nothing either way).
            return Tampering.NONE;
        } catch (IOException e) {
            throw new PublishException("không đưa được bản phát hành lên " + describe() + ": " + e.getMessage(), e);
        }
    }

    private CommitBuilder commit(ObjectId tree, ObjectId parent, String message, Instant when) {
        String name = env("GIT_COMMITTER_NAME", "Trang");
        String email = env("GIT_COMMITTER_EMAIL", "trang@localhost");
        PersonIdent who = new PersonIdent(name, email, when, ZoneOffset.UTC);
        CommitBuilder cb = new CommitBuilder();
        cb.setTreeId(tree);
        if (parent != null) {
            cb.setParentId(parent);
        }
        cb.setAuthor(who);
        cb.setCommitter(who);
        cb.setMessage(message);
        return cb;
    }

    private static String env(String key, String fallback) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Fast-forwards the remote branch from the commit fetched to {@code commit}, never forcing. */
    private void push(ObjectId commit) throws IOException, PublishException {
        try (Transport t = Transport.open(repo, new URIish(url))) {
            t.setCredentialsProvider(credentials());
            RemoteRefUpdate u = new RemoteRefUpdate(repo, commit.name(), remoteRef(), false, null,
                    tip == null ? ObjectId.zeroId() : tip);
            PushResult r = t.push(org.eclipse.jgit.lib.NullProgressMonitor.INSTANCE, List.of(u));
            RemoteRefUpdate.Status st = r.getRemoteUpdate(remoteRef()).getStatus();
            if (st != RemoteRefUpdate.Status.OK && st != RemoteRefUpdate.Status.UP_TO_DATE) {
                String why = r.getRemoteUpdate(remoteRef()).getMessage();
                throw new PublishException("kho " + url + " từ chối cập nhật nhánh " + branch + ": " + st
                        + (why == null ? "" : " (" + why + ")")
                        + (st == RemoteRefUpdate.Status.REJECTED_NONFASTFORWARD || st == RemoteRefUpdate.Status.REJECTED_REMOTE_CHANGED
                        ? "; có người vừa phát hành cùng lúc, hãy chạy lại" : ""));
            }
        } catch (java.net.URISyntaxException e) {
            throw PublishException.usage("địa chỉ kho không hợp lệ: " + url);
        } catch (org.eclipse.jgit.errors.TransportException e) {
            throw new PublishException("không đẩy được lên " + url + ": " + e.getMessage(), e);
        }
        // Remember where the branch is now, for a following rollback or publish in this process.
        RefUpdate ru = repo.updateRef(trackingRef());
        ru.setNewObjectId(commit);
        ru.setForceUpdate(true);
        ru.update();
        tip = commit;
    }

    /** Release id → the newest commit of the branch's first-parent history that carries it. */
    private Map<String, ObjectId> history() throws PublishException {
        Map<String, ObjectId> out = new LinkedHashMap<>();
        if (tip == null) {
            return out;
        }
        try (RevWalk rw = new RevWalk(repo)) {
            RevCommit c = rw.parseCommit(tip);
            while (c != null) {
                Manifest m = manifestOf(c);
                if (m != null && m.release() != null) {
                    out.putIfAbsent(m.release(), c.copy());
                }
                c = c.getParentCount() == 0 ? null : rw.parseCommit(c.getParent(0));
            }
        } catch (IOException e) {
            throw new PublishException("không đọc được lịch sử nhánh " + branch + ": " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void prune(int keep, PrintWriter log) {
        // every release stays in the deploy branch's history
    }

    @Override
    public List<String> releases() throws PublishException {
        List<String> all = new ArrayList<>(history().keySet());
        all.sort(null);
        return all;
    }

    @Override
    public String rollback(String release, PrintWriter log) throws PublishException {
        Optional<Live> live = live();
        String current = live.map(Live::release).orElse(null);
        Map<String, ObjectId> all = history();
        String target = release;
        if (target == null) {
            for (String r : all.keySet()) {
                if ((current == null || r.compareTo(current) < 0) && (target == null || r.compareTo(target) > 0)) {
                    target = r;
                }
            }
            if (target == null) {
                throw new PublishException("không có bản nào cũ hơn bản đang chạy (" + current + ") để quay lại");
            }
        } else if (!all.containsKey(target)) {
            throw new PublishException("không có bản " + target + " trên nhánh " + branch);
        }
        if (target.equals(current)) {
            throw new PublishException("bản " + target + " đang chạy rồi");
        }
        Verification v = verify(target, all.get(target));
        if (!v.ok()) {
            throw new PublishException("bản " + target + " (commit " + all.get(target).abbreviate(10).name()
                    + ") không khớp tệp kê khai của nó: " + DirTarget.counts(v.problems())
                    + " (từng tệp được liệt kê); không quay lại bản này", v);
        }
        try (RevWalk rw = new RevWalk(repo); ObjectInserter ins = repo.newObjectInserter()) {
            RevCommit old = rw.parseCommit(all.get(target));
            ObjectId commit = ins.insert(commit(old.getTree(), tip, "Quay lại bản " + target + " (trước đó: " + current + ")\n",
                    Instant.now()));
            ins.flush();
            push(commit);
            log.println("Đã quay lại bản " + target + " (trước đó: " + current + "), commit " + commit.abbreviate(10).name()
                    + " → " + describe());
            return target;
        } catch (IOException e) {
            throw new PublishException("không quay lại được: " + e.getMessage(), e);
        }
    }

    @Override
    public Verification verify(String release) throws PublishException {
        if (tip == null) {
            throw new PublishException("nhánh " + branch + " của " + url + " chưa có bản nào");
        }
        ObjectId commit = tip;
        if (release != null) {
            commit = history().get(release);
            if (commit == null) {
                throw new PublishException("không có bản " + release + " trên nhánh " + branch);
            }
        }
        return verify(release, commit);
    }

    /**
     * A commit's tree against the manifest in it. A deploy commit is content-addressed, so it
     * cannot change after the push; but anyone who can push to the branch can add a commit whose
     * tree does not match the manifest it carries, and that is what this finds.
     */
    private Verification verify(String release, ObjectId commit) throws PublishException {
        try (RevWalk rw = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
            Manifest m = manifestOf(commit);
            if (m == null) {
                throw new PublishException("commit " + commit.abbreviate(10).name() + " trên nhánh " + branch
                        + " không có tệp kê khai " + Manifest.PATH + " hợp lệ");
            }
            if (release != null && !release.equals(m.release())) {
                throw new PublishException("commit " + commit.abbreviate(10).name() + " mang tệp kê khai của bản "
                        + m.release() + ", không phải " + release);
            }
            Map<String, Manifest.FileEntry> listed = m.byPath();
            List<ReleaseProblem> problems = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            tw.addTree(rw.parseCommit(commit).getTree());
            tw.setRecursive(true);
            while (tw.next()) {
                String path = tw.getPathString();
                if (path.equals(Manifest.PATH)) {
                    continue;
                }
                Manifest.FileEntry f = listed.get(path);
                if (f == null) {
                    problems.add(new ReleaseProblem(ReleaseProblem.Kind.EXTRA, path));
                    continue;
                }
                seen.add(path);
                FileMode mode = tw.getFileMode(0);
                if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
                    problems.add(new ReleaseProblem(ReleaseProblem.Kind.NOT_A_FILE, path));
                    continue;
                }
                long[] size = new long[1];
                String sha;
                try (InputStream in = repo.open(tw.getObjectId(0), Constants.OBJ_BLOB).openStream()) {
                    sha = Manifest.sha256(in, size);
                }
                if (size[0] != f.size() || !sha.equals(f.sha256())) {
                    problems.add(new ReleaseProblem(ReleaseProblem.Kind.MODIFIED, path));
                }
            }
            for (Manifest.FileEntry f : m.files()) {
                if (!seen.contains(f.path())) {
                    problems.add(new ReleaseProblem(ReleaseProblem.Kind.MISSING, f.path()));
                }
            }
            problems.sort(null);
            return new Verification(m.release(), describe() + " " + commit.abbreviate(10).name() + ":", commit.name(),
                    m.files().size(), problems);
        } catch (IOException e) {
            throw new PublishException("không đọc được commit " + commit.abbreviate(10).name() + ": " + e.getMessage(), e);
        }
    }

    private static CredentialsProvider credentials() {
        return RemoteSources.credentials();
    }

    private static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (repo != null) {
            repo.close();
            repo = null;
        }
        if (lock != null && Files.exists(tmp)) {
            OutputSwap.deleteTree(tmp);
        }
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            // released with the process anyway
        } finally {
            lock = null;
            lockChannel = null;
        }
    }
}
