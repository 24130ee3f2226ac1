package vn.trang.web;

import java.time.Duration;

/**
 * What one client may cost the server. A client that takes longer, or sends more, is
 * disconnected or refused; only complete requests within these limits reach a worker.
 *
 * @param requestTimeout  from a connection's opening, or from the first byte of a request that
 *                        follows another on the same connection, until the request line, the
 *                        headers and any body are all in; then the connection is closed. This
 *                        is what stops a client that sends half a request and stalls.
 * @param idleTimeout     a kept-alive connection with no request in progress is closed after this
 * @param writeTimeout    an answer that the client does not read within this is dropped with its
 *                        connection
 * @param maxRequestLine  bytes of the request line ({@code GET /path?query HTTP/1.1}); longer is
 *                        refused with 414
 * @param maxHeaders      bytes of all header lines; more is refused with 431
 * @param maxBody         bytes of a request body (a GET has none; the body of a refused POST is
 *                        read and dropped); more is refused with 413
 * @param maxConnections  open connections; further ones are closed at once
 */
public record Limits(Duration requestTimeout, Duration idleTimeout, Duration writeTimeout, int maxRequestLine,
        int maxHeaders, int maxBody, int maxConnections) {

    /** {@link #requestTimeout} by default: a request of a few hundred bytes, on any network. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** {@link #idleTimeout} by default: as long as the JDK's HTTP server and common proxies keep one. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);
    /**
     * {@link #maxRequestLine} by default: twice the 16 KB of query string that the search service
     * reads (and cuts longer ones to). No search anyone typed comes near it.
     */
    public static final int MAX_REQUEST_LINE = 32 * 1024;
    public static final int MAX_HEADERS = 32 * 1024;
    public static final int MAX_BODY = 8 * 1024;
    public static final int MAX_CONNECTIONS = 10_000;

    public static final Limits DEFAULT = new Limits(REQUEST_TIMEOUT, IDLE_TIMEOUT, WRITE_TIMEOUT, MAX_REQUEST_LINE,
            MAX_HEADERS, MAX_BODY, MAX_CONNECTIONS);

    public Limits withTimeouts(Duration request, Duration idle) {
        return new Limits(request, idle, writeTimeout, maxRequestLine, maxHeaders, maxBody, maxConnections);
    }
}
