package vn.trang.web;

/** One open server-sent event stream (see {@link Reply.Events}). Safe to use from any thread. */
public interface EventSink {

    /**
     * Sends text as it is (one or more events, each ended by a blank line).
     *
     * @return false when the stream is gone (the browser closed it, or does not read fast enough
     *         and was closed): forget this sink
     */
    boolean send(String text);

    /** Ends the stream. */
    void close();
}
