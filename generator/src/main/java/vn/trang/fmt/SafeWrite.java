package vn.trang.fmt;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Arrays;

import vn.trang.load.InputFiles;

/**
 * Replaces a content file the way fmt may: only a regular file below the project reached without
 * a symbolic link (a link could point anywhere on the machine), only when it still holds what
 * was read, and whole: the new text is written beside it and moved over it, with its permissions.
 */
final class SafeWrite {

    private SafeWrite() {
    }

    /** @return null when written, else why the file was left alone (Vietnamese) */
    static String replace(Path root, Path file, byte[] read, byte[] text) {
        Path base = root.toAbsolutePath().normalize();
        Path target = file.toAbsolutePath().normalize();
        if (!target.startsWith(base) || InputFiles.linkOnPath(base, target).isPresent() || !InputFiles.isRegularFile(target)) {
            return "không ghi: tệp nằm ngoài dự án hoặc đi qua liên kết tượng trưng";
        }
        Path tmp = null;
        try {
            if (!target.getParent().toRealPath().startsWith(base.toRealPath())) {
                return "không ghi: thư mục của tệp nằm ngoài dự án";
            }
            if (!Arrays.equals(InputFiles.readAllBytes(target), read)) {
                return "không ghi: tệp vừa được sửa trong lúc trang fmt chạy; chạy lại";
            }
            tmp = Files.createTempFile(target.getParent(), ".trang-fmt-", ".tmp");
            Files.write(tmp, text);
            PosixFileAttributeView from = Files.getFileAttributeView(target, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            if (from != null) {
                Files.setPosixFilePermissions(tmp, from.readAttributes().permissions());
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            return null;
        } catch (IOException e) {
            return "không ghi được: " + e.getMessage();
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover temporary file beside the content: harmless, and named for what it is
                }
            }
        }
    }
}
