package vn.trang.publish;

import java.util.List;

/**
 * What a publish found changed in the live release since it was published: those files are not
 * carried into the new release (it takes them from the build), but the releases holding them
 * stay as they are, and {@code rollback} refuses them.
 *
 * @param live     the live release
 * @param files    its files that no longer match its manifest (reused files, hashed, and files
 *                 not listed)
 * @param releases every release holding one of those changes: the live one, and older ones
 *                 sharing a modified file with it (unchanged files are hard links shared
 *                 between releases, so an edit in place shows in each)
 */
public record Tampering(String live, List<ReleaseProblem> files, List<String> releases) {

    public static final Tampering NONE = new Tampering(null, List.of(), List.of());

    public Tampering {
        files = List.copyOf(files);
        releases = List.copyOf(releases);
    }

    public boolean found() {
        return !files.isEmpty();
    }
}
