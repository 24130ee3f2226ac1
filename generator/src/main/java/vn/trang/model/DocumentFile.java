package vn.trang.model;

/**
 * A file attached to a document (the signed PDF, the DOCX), published beside it.
 *
 * @param name   the file name
 * @param title  what it is ("Bản PDF có chữ ký số"), or the file name
 * @param url    where it is published, percent-encoded (a name may hold {@code #}, {@code ?}, {@code %}, spaces)
 * @param size   bytes
 * @param sha256 hex digest, so anyone can check a download against the published record
 */
public record DocumentFile(String name, String title, String url, long size, String sha256) {

    /** Size as people read it: "245 KB", "1,2 MB". */
    public String sizeLabel() {
        if (size < 1024) {
            return size + " B";
        }
        if (size < 1024 * 1024) {
            return Math.round(size / 1024.0) + " KB";
        }
        return String.format(java.util.Locale.forLanguageTag("vi-VN"), "%.1f MB", size / (1024.0 * 1024));
    }

    /** Upper-case extension ("PDF", "DOCX"), for the link label. */
    public String format() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toUpperCase(java.util.Locale.ROOT);
    }
}
