package vn.trang.publish;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.StatusCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.files.OutputSwap;
import vn.trang.git.GitRepos;
import vn.trang.git.RemoteSources;
import vn.trang.git.Verifier;
import vn.trang.pipeline.BuildOptions;
import vn.trang.pipeline.BuildResult;
import vn.trang.pipeline.Builder;
import vn.trang.text.DateFormats;

/**
 * {@code trang publish}: verify, build, then make the build live on a {@link Target}, in that
 * order, stopping at the first failure with the live site untouched.
 *
 * <ol>
 * <li>The project must be a Git repository whose {@code sites/}, {@code content/} and
 *     {@code themes/} have no uncommitted or untracked changes: only committed, verified content
 *     goes live.</li>
 * <li>The target is locked and the live release's manifest read.</li>
 * <li>{@code trang verify} runs from {@code --since}, else from the live release's source commit
 *     (each remote source from the commit the live release used), else over the whole history.</li>
 * <li>The site is built into the target's staging folder, remote sources pinned to the commits
 *     just verified.</li>
 * <li>A manifest is made (source commit, build time, every file with SHA-256). When its files
 *     are the intact live release's, nothing is made live ({@link SameAsLive}); otherwise the
 *     target installs the release atomically, then removes releases beyond {@code --keep}.</li>
 * </ol>
 */
public final class Publisher {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /**
     * @param to      the target, {@code dir:PATH} or {@code git:URL#BRANCH}
     * @param keep    releases kept (dir targets), at least 1
     * @param since   verify from this revision instead of the live release's commit, or null
     * @param keyring a public keyring overriding the portal's {@code public_keys}, or null
     */
    public record Options(Path root, String to, int keep, String since, Path keyring, LocalDate asOf, int threads) {
    }

    /**
     * @param usage      the command line was wrong (exit code 2)
     * @param violations what verify refused (empty when it passed or did not run)
     * @param release    the release made live, or null
     * @param tampering  what a publish found changed in the previous live release
     * @param unchanged  the build was the live release again: no release was made, {@code release}
     *                   is the live one
     */
    public record Result(boolean ok, boolean usage, Diagnostics diagnostics, List<Verifier.Violation> violations,
                         String release, Tampering tampering, boolean unchanged) {

        public Result(boolean ok, boolean usage, Diagnostics diagnostics, List<Verifier.Violation> violations,
                      String release) {
            this(ok, usage, diagnostics, violations, release, Tampering.NONE, false);
        }
    }

    public Result publish(Options o, PrintWriter log) {
        Diagnostics d = new Diagnostics();
        Path root = o.root().toAbsolutePath().normalize();
        Optional<Repository> repo = GitRepos.open(root);
        if (repo.isEmpty()) {
            d.error(SourcePos.of("."), "chỉ phát hành được từ một kho Git: thư mục dự án không nằm trong kho nào",
                    "bản sao của kho nội dung (git clone)", "chạy trang publish trong bản sao của kho");
            return new Result(false, false, d, List.of(), null);
        }
        ObjectId head;
        try (Repository r = repo.get()) {
            head = r.resolve("HEAD^{commit}");
            if (head == null) {
                d.error(SourcePos.of("."), "kho chưa có commit nào", "ít nhất một commit", "git commit");
                return new Result(false, false, d, List.of(), null);
            }
            if (!clean(r, root, d)) {
                return new Result(false, false, d, List.of(), null);
            }
        } catch (IOException e) {
            d.error(SourcePos.of("."), "không đọc được kho Git: " + e.getMessage(), null, null);
            return new Result(false, false, d, List.of(), null);
        }
        Target target;
        try {
            target = Target.parse(o.to(), root, RemoteSources.cacheDir(root));
        } catch (PublishException e) {
            d.error(SourcePos.of("--to"), e.getMessage(), null, null);
            return new Result(false, true, d, List.of(), null);
        }
        Path staging = null;
        try (Target t = target) {
            t.open();
            Optional<Target.Live> live = t.live();
            live.ifPresent(l -> log.println("Bản đang chạy: " + l.release() + " (nguồn " + l.manifest().sourceCommit() + ")"));

            // verify
            String since = o.since();
            Map<String, ObjectId> sourcesSince = new LinkedHashMap<>();
            if (since == null && live.isPresent()) {
                since = knownCommit(root, live.get().manifest().sourceCommit());
                live.get().manifest().sources().forEach((k, v) -> sourcesSince.put(k, ObjectId.fromString(v)));
            }
            Verifier.Outcome v = new Verifier(root, o.keyring()).verify(since, head.name(), sourcesSince);
            d.addAll(v.diagnostics());
            if (v.report() != null) {
                log.println("Kiểm tra quyền: " + v.report().commits() + " commit" + (since == null ? " (toàn bộ lịch sử)"
                        : " từ " + since.substring(0, Math.min(10, since.length()))) + ", " + v.report().violations().size() + " vi phạm");
            }
            if (!v.ok()) {
                return new Result(false, false, d, v.report() == null ? List.of() : v.report().violations(), null);
            }

            // build
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            String release = releaseId(now, head, t.releases());
            staging = t.stagingFor(release);
            LocalDate asOf = o.asOf();
            // Incremental: the build cache of the previous build (normally the live
            // release's), checked by content hash — not by Git's list of changes since the live
            // commit, which would trust cache entries an earlier build made from uncommitted edits.
            // Only what the changes affect is parsed, linked and rendered again; the result equals
            // a whole build, and unchanged files become hard links to the live release.
            BuildOptions bo = new BuildOptions(root, staging, null, "default", Math.max(1, o.threads()), asOf)
                    .withCache(true);
            // the schedule (publish_at, unpublish_at) is judged at this minute, not at midnight,
            // unless another day was asked for: a scheduled run publishes an item on time
            LocalDateTime clock = LocalDateTime.ofInstant(now, DateFormats.VIETNAM);
            if (clock.toLocalDate().equals(asOf)) {
                bo = bo.withNow(clock);
            }
            BuildResult b = new Builder(RemoteSources.pinned(v.sources().commits())).build(bo);
            d.addAll(b.diagnostics());
            if (b.note() != null) {
                log.println("Bộ nhớ đệm: " + b.note());
            }
            b.cacheWarnings().forEach(w -> log.println(w.format()));
            log.println(b.summary());
            if (!b.ok()) {
                return new Result(false, false, d, List.of(), null);
            }
            if (!head.equals(headNow(root))) {
                d.error(SourcePos.of("."), "HEAD đã đổi trong lúc phát hành (có commit mới hoặc đổi nhánh)",
                        "kho đứng yên trong lúc phát hành", "chạy lại trang publish");
                return new Result(false, false, d, List.of(), null);
            }
            Failpoints.hit("built");

            // install
            Map<String, String> sources = new LinkedHashMap<>();
            v.sources().commits().forEach((k, id) -> sources.put(k, id.name()));
            Manifest m = new Manifest(release, head.name(), sources, now.toString(), asOf.toString(),
                    "Trang " + version(), Manifest.scan(staging));
            if (SameAsLive.check(t, live, m, log)) {
                return new Result(true, false, d, List.of(), live.get().release(), Tampering.NONE, true);
            }
            Tampering tampering = t.install(staging, m, live, log);
            t.prune(o.keep(), log);
            return new Result(true, false, d, List.of(), release, tampering, false);
        } catch (PublishException e) {
            d.error(SourcePos.of(target.describe()), e.getMessage() + " — bản đang chạy được giữ nguyên", null, null);
            return new Result(false, e.isUsage(), d, List.of(), null);
        } catch (IOException e) {
            d.error(SourcePos.of(target.describe()), "lỗi khi phát hành: " + e.getMessage() + " — bản đang chạy được giữ nguyên",
                    null, null);
            return new Result(false, false, d, List.of(), null);
        } finally {
            if (staging != null) {
                OutputSwap.deleteTree(staging);
            }
        }
    }

    /** Switches the target back to an earlier release (the one before the live one by default). */
    public Result rollback(Path root, String to, String release, PrintWriter log) {
        Diagnostics d = new Diagnostics();
        Path r = root.toAbsolutePath().normalize();
        try (Target t = Target.parse(to, r, RemoteSources.cacheDir(r))) {
            t.open();
            String done = t.rollback(release, log);
            return new Result(true, false, d, List.of(), done);
        } catch (PublishException e) {
            for (ReleaseProblem p : e.problems()) {
                d.error(SourcePos.of(e.where() + p.path()), p.kind().text(), "đúng như tệp kê khai " + Manifest.PATH
                        + " của bản", "không sửa tệp trên máy chủ: phát hành lại từ kho nội dung");
            }
            d.error(SourcePos.of(to == null ? "--to" : to), e.getMessage() + " — bản đang chạy được giữ nguyên", null, null);
            return new Result(false, e.isUsage(), d, List.of(), null);
        }
    }

    /** Checks a release of a target (the live one when {@code release} is null) against its manifest. */
    public Target.Verification verifyRelease(Path root, String to, String release) throws PublishException {
        Path r = root.toAbsolutePath().normalize();
        try (Target t = Target.parse(to, r, RemoteSources.cacheDir(r))) {
            t.openToRead();
            return t.verify(release);
        }
    }

    /** The releases of a target, oldest first, with the live one. */
    public record Listing(List<String> releases, String live) {
    }

    public Listing list(Path root, String to) throws PublishException {
        Path r = root.toAbsolutePath().normalize();
        try (Target t = Target.parse(to, r, RemoteSources.cacheDir(r))) {
            t.open();
            return new Listing(t.releases(), t.live().map(Target.Live::release).orElse(null));
        }
    }

    /**
     * The id of a new release: its UTC time to the second, then the short source commit. Ids sort
     * in publish order (rollback relies on it): a release made within the same second as the
     * newest one, or after a clock step back, takes the second after it.
     */
    static String releaseId(Instant now, ObjectId head, List<String> existing) {
        Instant at = now;
        for (String r : existing) {
            try {
                Instant t = Instant.from(ID_TIME.parse(r.substring(0, Math.min(r.length(), 16))));
                if (!at.isAfter(t)) {
                    at = t.plusSeconds(1);
                }
            } catch (RuntimeException e) {
                // not one of ours: ignored
            }
        }
        return ID_TIME.format(at) + "-" + head.abbreviate(8).name();
    }

    private static String knownCommit(Path root, String commit) {
        if (commit == null) {
            return null;
        }
        Optional<Repository> repo = GitRepos.open(root);
        if (repo.isEmpty()) {
            return null;
        }
        try (Repository r = repo.get()) {
            ObjectId id = ObjectId.fromString(commit);
            return r.getObjectDatabase().has(id) ? commit : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static ObjectId headNow(Path root) throws IOException {
        try (Repository r = GitRepos.open(root).orElseThrow()) {
            return r.resolve("HEAD^{commit}");
        }
    }

    /** No uncommitted, untracked or ignored (non-hidden) file under sites/, content/, themes/. */
    private static boolean clean(Repository r, Path root, Diagnostics d) {
        String prefix = GitRepos.prefix(r, root);
        try (Git g = Git.wrap(r)) {
            StatusCommand sc = g.status();
            for (String dir : List.of("sites", "content", "themes")) {
                sc.addPath(prefix + dir);
            }
            Status st = sc.call();
            Set<String> dirty = new TreeSet<>();
            dirty.addAll(st.getUncommittedChanges());
            dirty.addAll(st.getUntracked());
            for (String p : st.getIgnoredNotInIndex()) {
                if (!p.startsWith(".") && !p.contains("/.")) {
                    dirty.add(p);
                }
            }
            if (dirty.isEmpty()) {
                return true;
            }
            for (String p : dirty) {
                d.error(SourcePos.of(p.startsWith(prefix) ? p.substring(prefix.length()) : p),
                        "tệp chưa commit: chỉ nội dung đã commit và đã kiểm tra quyền mới được phát hành",
                        "sites/, content/, themes/ không có thay đổi chưa commit",
                        "git add rồi git commit (hoặc git stash) trước khi phát hành");
            }
            return false;
        } catch (GitAPIException | RuntimeException e) {
            d.error(SourcePos.of("."), "không kiểm tra được trạng thái kho: " + e.getMessage(), null, null);
            return false;
        }
    }

    static String version() {
        String v = Publisher.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
