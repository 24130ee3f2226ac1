package vn.trang.web;

/**
 * A GET or HEAD request as a handler sees it: the path, percent-decoded as UTF-8 (an invalid
 * sequence becomes U+FFFD), the same path as sent, and the query string as sent (null without
 * one). The method is the server's business: it answers HEAD with the headers of the GET.
 */
public record Request(String path, String rawPath, String rawQuery) {
}
