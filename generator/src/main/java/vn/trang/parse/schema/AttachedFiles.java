package vn.trang.parse.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.load.InputFiles;
import vn.trang.load.SourceFile;
import vn.trang.markdown.PublishedUrls;
import vn.trang.model.DocumentFile;
import vn.trang.text.PercentEncoding;

/**
 * Files an item names in its front matter (a document's PDF, a procedure's forms): they sit
 * beside the Markdown, stay inside the site's folder, exist, are regular files reached without a
 * symbolic link ({@link InputFiles}), and are published with their size
 * and SHA-256 so a citizen can verify a download against the page.
 */
public final class AttachedFiles {

    private AttachedFiles() {
    }

    /**
     * @param name      the path as written, relative to the Markdown file's folder
     * @param folderUrl where the Markdown file's folder is published
     * @param looked    where the file is noted as one the item depends on
     * @return the file, or empty after reporting an error at {@code pos}
     */
    public static Optional<DocumentFile> resolve(String name, String title, SourceFile source, String folderUrl,
                                                 SourcePos pos, Diagnostics d, FileDependencies looked) {
        if (name.matches("(?i)[a-z][a-z0-9+.-]*:.*") || name.startsWith("/") || name.contains("\\")) {
            d.error(pos, "tệp đính kèm '" + name + "' phải là đường dẫn tương đối tới tệp cạnh tệp Markdown",
                    "tên tệp trong cùng thư mục, ví dụ 06-ct-ubnd.pdf", "đặt tệp cạnh tệp .md và chỉ ghi tên tệp");
            return Optional.empty();
        }
        Path folder = source.path().toAbsolutePath().normalize().getParent();
        Path file = folder.resolve(name).normalize();
        Path siteDir = source.siteDir();
        if (!file.startsWith(siteDir)) {
            d.error(pos, "tệp đính kèm '" + name + "' nằm ngoài thư mục của trang " + source.site().id(),
                    "tệp trong content/" + source.site().id() + "/", "chép tệp vào cạnh tệp .md rồi ghi tên tệp");
            return Optional.empty();
        }
        looked.record(file); // the cached item depends on this file, found or not
        Optional<Path> link = InputFiles.linkOnPath(siteDir, file);
        if (link.isPresent()) {
            String via = link.get().equals(file) ? "" : " (qua thư mục liên kết " + siteDir.relativize(link.get()) + ")";
            d.error(pos, "tệp đính kèm '" + name + "' là liên kết tượng trưng (symlink)" + via
                            + ": Trang không xuất bản tệp qua liên kết", "tệp thật cạnh tệp Markdown, không phải liên kết",
                    "thay liên kết bằng chính tệp đó rồi commit");
            return Optional.empty();
        }
        if (!InputFiles.isRegularFile(file)) {
            d.error(pos, "không tìm thấy tệp đính kèm '" + name + "'", "tệp có thật cạnh tệp Markdown",
                    "kiểm tra tên tệp (phân biệt chữ hoa, chữ thường) hoặc chép tệp vào thư mục");
            return Optional.empty();
        }
        try {
            long size = Files.size(file);
            // a name is text: '#', '?', '%' and spaces in it are encoded, never read as URL syntax
            String url = PercentEncoding.path(PublishedUrls.resolve(name, folderUrl));
            String fileName = file.getFileName().toString();
            return Optional.of(new DocumentFile(fileName, title == null || title.isBlank() ? fileName : title, url, size,
                    sha256(file)));
        } catch (IOException e) {
            d.error(pos, "không đọc được tệp đính kèm '" + name + "': " + e.getMessage(), null, null);
            return Optional.empty();
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = InputFiles.open(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
