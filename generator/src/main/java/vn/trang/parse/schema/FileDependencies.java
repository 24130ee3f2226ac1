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
 * <p>One instance per file's parse, handed down from the caller to the schemas that resolve
 * attachments ({@link AttachedFiles}); only the parsing thread writes it.
 */
public final class FileDependencies {

    private final List<Path> files = new ArrayList<>();

    /** Notes that the parse looked at {@code file}, whether it was found or not. */
    void record(Path file) {
        files.add(file);
    }

    /** The files looked at, in order, repeats included. */
    public List<Path> files() {
        return List.copyOf(files);
    }
}
