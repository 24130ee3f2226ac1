package vn.trang.parse.schema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files parsing one content file looked at besides itself (attachments it names: their
 * existence, size and SHA-256 end up in the item). The build cache records them with the parsed
 * item and parses the file again when any of them changes, so an edited attachment is not missed
 * by an incremental build.
 *
 * <p>Why a thread-local and not a parameter: the files are met deep inside the schemas
 * ({@link AttachedFiles}, called from every schema's {@code read}), and only the build cache
 * wants them. The record is confined to one file's parse: the cache opens it with
 * {@link #begin()} and closes it with {@link #end()} around one {@code ContentParser.parse} call on
 * the same thread (that parse, its time budget included, runs on the calling thread), so no
 * file's dependencies can leak into another's, and outside a bracket nothing is recorded.
 */
public final class FileDependencies {

    private static final ThreadLocal<List<Path>> CURRENT = new ThreadLocal<>();

    private FileDependencies() {
    }

    /** Starts recording on this thread. */
    public static void begin() {
        CURRENT.set(new ArrayList<>());
    }

    /** Stops recording; the files looked at since {@link #begin()}, in order, repeats included. */
    public static List<Path> end() {
        List<Path> l = CURRENT.get();
        CURRENT.remove();
        return l == null ? List.of() : l;
    }

    static void record(Path file) {
        List<Path> l = CURRENT.get();
        if (l != null) {
            l.add(file);
        }
    }
}
