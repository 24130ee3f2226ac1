package vn.trang.publish;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where releases go live: {@code dir:PATH} (release folders and an atomically switched
 * {@code current} symlink) or {@code git:URL#BRANCH} (one commit per release on a deploy branch).
 */
public interface Target extends AutoCloseable {

    /**
     * Parses {@code dir:PATH} (relative to {@code root}) or {@code git:URL#BRANCH}.
     *
     * @param cache the cache folder (the git target keeps its local repository there)
     */
    static Target parse(String spec, Path root, Path cache) throws PublishException {
        if (spec == null || spec.isBlank()) {
            throw PublishException.usage("thiếu --to: dir:THƯ-MỤC hoặc git:ĐỊA-CHỈ#NHÁNH");
        }
        if (spec.startsWith("dir:") && spec.length() > 4) {
            return new DirTarget(root.resolve(spec.substring(4)).toAbsolutePath().normalize());
        }
        if (spec.startsWith("git:")) {
            String rest = spec.substring(4);
            int hash = rest.lastIndexOf('#');
            if (hash <= 0 || hash == rest.length() - 1) {
                throw PublishException.usage("--to git: cần cả địa chỉ và nhánh, ví dụ git:https://git.bacninh.gov.vn/cong/xuat-ban.git#deploy");
            }
            return new GitTarget(rest.substring(0, hash), rest.substring(hash + 1), cache);
        }
        throw PublishException.usage("--to '" + spec + "' không hợp lệ: dùng dir:THƯ-MỤC hoặc git:ĐỊA-CHỈ#NHÁNH");
    }

    /** The release that is live, with its manifest, if any. */
    record Live(String release, Manifest manifest) {
    }

    /**
     * A release checked against its manifest.
     *
     * @param where    how to name the release's files in messages ({@code where + path})
     * @param manifest the manifest's identity: its file's SHA-256 (dir), the commit (git); an
     *                 operator compares it with the one the publish printed, since whoever can
     *                 change the files may change the manifest too
     * @param files    the files the manifest lists
     */
    record Verification(String release, String where, String manifest, int files, List<ReleaseProblem> problems) {
        public Verification {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Takes the target's lock (one publish or rollback at a time) and removes what a killed run left. */
    void open() throws PublishException;

    /**
     * Opens the target only to read it ({@link #verify}, listing): a dir target takes no lock and
     * changes nothing, so an operator's check can run while a publish does.
     */
    default void openToRead() throws PublishException {
        open();
    }

    Optional<Live> live() throws PublishException;

    /** Where the build should write its output (on the target's file system when it has one). */
    Path stagingFor(String release) throws PublishException;

    /**
     * Makes the built tree the live release, atomically: before the switch the old release is
     * live, after it the new one, and a crash in between leaves the old one. Nothing is taken from
     * the live release without checking its SHA-256 against the live manifest.
     *
     * @return what of the previous release was found changed since it was published
     */
    Tampering install(Path built, Manifest manifest, Optional<Live> previous, PrintWriter log) throws PublishException;

    /** Removes old releases, keeping the {@code keep} newest and the live one. */
    void prune(int keep, PrintWriter log) throws PublishException;

    /** The releases, oldest first. */
    List<String> releases() throws PublishException;

    /**
     * Makes an existing release live again: the given one, or the newest older than the live one.
     * A release whose files do not match its manifest is refused ({@link PublishException#problems}).
     */
    String rollback(String release, PrintWriter log) throws PublishException;

    /** Checks a release (the live one when {@code release} is null) against its manifest. */
    Verification verify(String release) throws PublishException;

    /** A description for messages. */
    String describe();

    @Override
    void close();
}
