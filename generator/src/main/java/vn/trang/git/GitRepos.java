package vn.trang.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import vn.trang.text.DateFormats;

/** Opening repositories and the small facts about them every Git stage needs. */
public final class GitRepos {

    private GitRepos() {
    }

    /**
     * The non-bare repository whose work tree holds {@code dir} (searching upwards, like git does),
     * or empty when {@code dir} is not inside one. Environment variables such as GIT_DIR are
     * ignored: the project folder decides.
     */
    public static Optional<Repository> open(Path dir) {
        FileRepositoryBuilder b = new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
        if (b.getGitDir() == null) {
            return Optional.empty();
        }
        try {
            Repository r = b.setMustExist(true).build();
            if (r.isBare()) {
                r.close();
                return Optional.empty();
            }
            return Optional.of(r);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The work tree as a real path (symlinks resolved), so paths compare reliably. */
    public static Path workTree(Repository r) {
        return real(r.getWorkTree().toPath());
    }

    /**
     * The project folder's path inside the repository, "" when it is the work tree itself, else
     * e.g. "site/" (always ending with '/').
     */
    public static String prefix(Repository r, Path projectRoot) {
        Path rel = workTree(r).relativize(real(projectRoot));
        String s = rel.toString().replace('\\', '/');
        return s.isEmpty() ? "" : s + "/";
    }

    /** The commits a shallow clone was cut at (their parents are missing); empty for full clones. */
    public static Set<ObjectId> shallowCommits(Repository r) {
        try {
            return r.getObjectDatabase().getShallowCommits();
        } catch (IOException e) {
            return Set.of();
        }
    }

    /** When a person signed a commit, in Vietnam's local time (UTC+7, as every page shows). */
    public static LocalDateTime localTime(PersonIdent p) {
        return LocalDateTime.ofInstant(p.getWhenAsInstant(), DateFormats.VIETNAM);
    }

    /** "Name <email>" of an identity, for messages. */
    public static String who(PersonIdent p) {
        return p.getName() + " <" + p.getEmailAddress() + ">";
    }

    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return Files.exists(abs) ? abs.toRealPath() : abs;
        } catch (IOException e) {
            return abs;
        }
    }
}
