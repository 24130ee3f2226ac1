package vn.trang.publish;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * File operations a release relies on to survive a power loss, not only a killed process:
 * syncing files and folders to disk, and hard links that fall back to a copy's move.
 */
final class DurableFiles {

    private DurableFiles() {
    }

    /** A hard link to the previous release's file (checked just before, by {@link LiveReuse}). */
    static boolean link(Path old, Path dst) {
        try {
            Files.createLink(dst, old);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false; // e.g. a file system without hard links: the file is moved from the build instead
        }
    }

    static void fsync(Path p) {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: some file systems cannot sync a directory
        }
    }

    static void fsyncDirs(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path d : walk.filter(Files::isDirectory).toList()) {
                fsync(d);
            }
        }
    }
}
