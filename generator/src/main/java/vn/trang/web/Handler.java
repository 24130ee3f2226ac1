package vn.trang.web;

/**
 * Answers the requests under one path prefix. Runs on a worker thread of the server's pool, never
 * on the thread that reads the network, so it may block (read a file, search an index).
 */
@FunctionalInterface
public interface Handler {

    Reply answer(Request request);
}
