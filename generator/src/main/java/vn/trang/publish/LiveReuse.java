package vn.trang.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a new {@link DirTarget} release may take from the live one instead of its own copy.
 *
 * @param linkable paths whose live file is still what the live manifest lists
 * @param changed  reuse candidates whose live file is not (modified, replaced, removed)
 */
record LiveReuse(Set<String> linkable, List<ReleaseProblem> changed) {

    /**
     * The files that may be hard links to the live release: same path, size and SHA-256 in both
     * manifests, and the live file's bytes still those its manifest lists. Each such live file is
     * hashed here (in parallel); the build's own files were hashed once, for the new manifest.
     *
     * @param old    the live manifest's files by path
     * @param oldDir the live release's folder, null when there is none
     */
    static LiveReuse of(Manifest manifest, Map<String, Manifest.FileEntry> old, Path oldDir) throws IOException {
        if (oldDir == null) {
            return new LiveReuse(Set.of(), List.of());
        }
        Set<String> linkable = ConcurrentHashMap.newKeySet();
        List<ReleaseProblem> changed = Collections.synchronizedList(new ArrayList<>());
        try {
            manifest.files().parallelStream().forEach(f -> {
                Manifest.FileEntry was = old.get(f.path());
                if (was == null || !was.sha256().equals(f.sha256()) || was.size() != f.size()) {
                    return;
                }
                try {
                    ReleaseProblem.Kind k = Manifest.compare(oldDir.resolve(f.path()), was);
                    if (k == null) {
                        linkable.add(f.path());
                    } else {
                        changed.add(new ReleaseProblem(k, f.path()));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new LiveReuse(linkable, List.copyOf(changed));
    }
}
