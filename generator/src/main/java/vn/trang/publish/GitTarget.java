package vn.trang.publish;

import java.io.IOException;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
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

    /** The deploy branch as the local repository has it (valid between {@link #open} and {@link #close}). */
    private DeployBranch branch() {
        return new DeployBranch(repo, branch, describe());
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
            Manifest m = branch().manifestOf(tip);
            return m == null ? Optional.empty() : Optional.of(new Live(m.release(), m));
        } catch (IOException e) {
            throw new PublishException("không đọc được bản đang chạy: " + e.getMessage(), e);
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
            try (ObjectInserter ins = repo.newObjectInserter()) {
                DeployCommits.Tree tree = DeployCommits.tree(built, ins);
                Instant when = Instant.parse(manifest.buildTime());
                ObjectId commit = ins.insert(DeployCommits.commit(tree.id(), tip, "Phát hành " + manifest.release() + "\n\nNguồn: "
                        + manifest.sourceCommit() + "\n", when));
                ins.flush();
                Failpoints.hit("committed");
                push(commit);
                Failpoints.hit("pushed");
                log.println("Đã phát hành " + manifest.release() + ": " + tree.files() + " tệp, commit "
                        + commit.abbreviate(10).name() + " → " + describe());
            }
            // Nothing is taken from the live tree: every blob comes from the build (Git stores a
            // blob once by its content id, so unchanged files cost nothing either way).
            return Tampering.NONE;
        } catch (IOException e) {
            throw new PublishException("không đưa được bản phát hành lên " + describe() + ": " + e.getMessage(), e);
        }
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

    @Override
    public void prune(int keep, PrintWriter log) {
        // every release stays in the deploy branch's history
    }

    @Override
    public List<String> releases() throws PublishException {
        List<String> all = new ArrayList<>(branch().history(tip).keySet());
        all.sort(null);
        return all;
    }

    @Override
    public String rollback(String release, PrintWriter log) throws PublishException {
        Optional<Live> live = live();
        String current = live.map(Live::release).orElse(null);
        Map<String, ObjectId> all = branch().history(tip);
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
        Verification v = branch().verify(target, all.get(target));
        if (!v.ok()) {
            throw new PublishException("bản " + target + " (commit " + all.get(target).abbreviate(10).name()
                    + ") không khớp tệp kê khai của nó: " + ReleaseProblem.counts(v.problems())
                    + " (từng tệp được liệt kê); không quay lại bản này", v);
        }
        try (RevWalk rw = new RevWalk(repo); ObjectInserter ins = repo.newObjectInserter()) {
            RevCommit old = rw.parseCommit(all.get(target));
            ObjectId commit = ins.insert(DeployCommits.commit(old.getTree(), tip, "Quay lại bản " + target + " (trước đó: " + current + ")\n",
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
            commit = branch().history(tip).get(release);
            if (commit == null) {
                throw new PublishException("không có bản " + release + " trên nhánh " + branch);
            }
        }
        return branch().verify(release, commit);
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
