package vn.trang.web;

/**
 * A request as a handler sees it: the path, percent-decoded as UTF-8 (an invalid sequence
 * becomes U+FFFD), the same path as sent, the query string as sent (null without one), and the
 * body: empty but for a POST to a handler mounted for POST ({@link WebServer#mountPost}). The
 * method is the server's business: it answers HEAD with the headers of the GET, and sends a
 * handler only the methods it was mounted for.
 */
public record Request(String path, String rawPath, String rawQuery, byte[] body) {

    private static final byte[] NONE = new byte[0];

    public Request {
        body = body == null ? NONE : body;
    }

    /** A request without a body (GET, HEAD). */
    public Request(String path, String rawPath, String rawQuery) {
        this(path, rawPath, rawQuery, NONE);
    }

    /** The same request with a body. */
    Request withBody(byte[] bytes) {
        return new Request(path, rawPath, rawQuery, bytes);
    }
}
