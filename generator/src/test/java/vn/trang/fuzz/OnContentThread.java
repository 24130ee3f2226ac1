package vn.trang.fuzz;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

import vn.trang.pipeline.ContentThreads;

/**
 * Runs a fuzz input's work where the build runs content: on a thread with the content threads'
 * stack. The fuzzer's own thread has a default stack, on which bounded recursion inside the
 * parsers (a 999-character link label is matched by a recursive regular expression) can overflow
 * although it never does in a build.
 */
final class OnContentThread {

    private static final ExecutorService THREAD = ContentThreads.pool(1, "fuzz-content");

    private OnContentThread() {
    }

    static void run(Runnable work) {
        try {
            THREAD.submit(work).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
