package vn.trang.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.CopyOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;

/**
 * How the build reads what editors commit (content, sites, themes): only regular files below the
 * project (or a unit's checkout), never through a symbolic link. A link is a path to anything on
 * the build machine ({@code /etc/passwd}, {@code /proc/self/environ}, a CI secret): following
 * one would publish that file, so a link, to a file or a folder, inside the repository or out of
 * it, is an error at the link itself and nothing behind it is read.
 *
 * <p>Folders are listed without following links ({@link #links}), each file is opened with
 * {@link LinkOption#NOFOLLOW_LINKS}, and a path built from a name an editor wrote (an
 * attachment) is checked component by component ({@link #linkOnPath}).
 */
public final class InputFiles {

    private InputFiles() {
    }

    /** Whether {@code p} itself is a symbolic link (the link, not what it points to). */
    public static boolean isLink(Path p) {
        return Files.isSymbolicLink(p);
    }

    /** Whether {@code p} is a regular file and not a link to one. */
    public static boolean isRegularFile(Path p) {
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
    }

    /** Whether {@code p} is a folder and not a link to one. */
    public static boolean isDirectory(Path p) {
        return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * The first symbolic link on the way from {@code base} (trusted, not checked) down to
     * {@code file}, {@code file} included; empty when there is none or {@code file} is not below
     * {@code base}.
     */
    public static Optional<Path> linkOnPath(Path base, Path file) {
        Path b = base.toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        if (!f.startsWith(b)) {
            return Optional.empty();
        }
        Path p = b;
        for (Path name : b.relativize(f)) {
            if (name.toString().isEmpty()) {
                continue;
            }
            p = p.resolve(name);
            if (isLink(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Every symbolic link under {@code dir} (or {@code dir} itself when it is one), without
     * following any, in file order. A missing folder has none.
     */
    public static List<Path> links(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (isLink(dir)) {
            out.add(dir);
            return out;
        }
        if (!Files.isDirectory(dir)) {
            return out;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path p, BasicFileAttributes a) {
                if (a.isSymbolicLink()) {
                    out.add(p);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort(null);
        return out;
    }

    /**
     * Opens a file for reading; fails when the file itself is a symbolic link, or anything but a
     * regular file (a FIFO or a device would block the build or never end).
     */
    public static InputStream open(Path file) throws IOException {
        if (!isRegularFile(file) && !isLink(file) && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + ": không phải tệp thường, không đọc");
        }
        return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
    }

    /** A file's bytes; fails when the file itself is a symbolic link. */
    public static byte[] readAllBytes(Path file) throws IOException {
        try (InputStream in = open(file)) {
            return in.readAllBytes();
        }
    }

    /**
     * Copies a regular file ({@link Files#copy} with {@code options}); fails when it is a symbolic
     * link (a copy would hold what it points to) or anything else but a regular file.
     */
    public static void copy(Path from, Path to, CopyOption... options) throws IOException {
        if (!isRegularFile(from)) {
            throw new IOException(from + ": không phải tệp thường (liên kết tượng trưng?), không chép");
        }
        CopyOption[] all = Arrays.copyOf(options, options.length + 1);
        all[options.length] = LinkOption.NOFOLLOW_LINKS;
        Files.copy(from, to, all);
    }

    /** The one error a symbolic link among the inputs gets, at the link ({@code shown}: its path as the editor sees it). */
    public static void reportLink(String shown, Diagnostics d) {
        d.error(SourcePos.of(shown).at(1, 1), "'" + shown + "' là liên kết tượng trưng (symlink): Trang không đọc "
                        + "và không xuất bản tệp qua liên kết, vì liên kết có thể trỏ tới bất kỳ tệp nào trên máy dựng",
                "tệp hoặc thư mục thật nằm trong kho, không phải liên kết",
                "xóa liên kết (git rm " + shown + ") rồi chép chính tệp hoặc thư mục đó vào chỗ này và commit");
    }
}
