package vn.trang.markdown;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

/**
 * The time one content file may take to be read, validated and rendered: {@value #DEFAULT_MILLIS}
 * ms of its thread's CPU time. Past it the file's work stops with {@link Exceeded} and the file
 * gets one error; the rest of the build goes on.
 *
 * <p>Why a cooperative deadline: a thread cannot be stopped from outside, and a thread per file
 * would cost the 10,000-page build its speed. The check is cheap (a counter, and a clock read
 * every few thousand characters) and sits where runaway work always passes: every character
 * flexmark reads from a body goes through {@link #guard}, and the YAML reader and our own loops
 * call {@link #check()}. CPU time, not wall time, so a busy build machine does not fail a file
 * that is merely waiting for a core.
 *
 * <p>The budget is per thread ({@link #run}): the work of one file runs on one thread, and code
 * that is handed no budget (tests, {@code trang new}) runs unbounded. A thread-local and not a
 * parameter because the checks sit inside flexmark's character reads, which take no argument of
 * ours; it holds a deadline, not build data, and a file's output does not depend on it unless the
 * file runs out of time.
 */
public final class FileBudget {

    /** No single content file may take longer. */
    public static final long DEFAULT_MILLIS = 2000;

    private static final ThreadLocal<FileBudget> CURRENT = new ThreadLocal<>();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

    private final long millis;
    private final long endNanos;
    /** Set when its file's work is over: text it guarded may still be read, unbounded, later. */
    private boolean over;

    private FileBudget(long millis) {
        this.millis = millis;
        this.endNanos = now() + millis * 1_000_000L;
    }

    private static long now() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** The file's work ran out of time. No stack trace: it is an outcome, not a bug. */
    public static final class Exceeded extends RuntimeException {
        private final long millis;

        Exceeded(long millis) {
            super("quá " + millis + " ms", null, false, false);
            this.millis = millis;
        }

        /** The budget that was exceeded, in milliseconds. */
        public long millis() {
            return millis;
        }
    }

    /** Runs {@code work} under a fresh budget of {@code millis} on this thread. */
    public static <T> T run(long millis, Supplier<T> work) {
        FileBudget outer = CURRENT.get();
        FileBudget budget = new FileBudget(millis);
        CURRENT.set(budget);
        try {
            return work.get();
        } finally {
            budget.over = true;
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** Throws {@link Exceeded} when this thread's budget is spent; does nothing without one. */
    public static void check() {
        FileBudget b = CURRENT.get();
        if (b != null) {
            b.checkNow();
        }
    }

    private void checkNow() {
        if (!over && now() > endNanos) {
            throw new Exceeded(millis);
        }
    }

    /**
     * The text as a parser should read it: under a budget, a view that checks it every few
     * thousand characters read; else the text itself.
     */
    public static CharSequence guard(String text) {
        FileBudget b = CURRENT.get();
        return b == null ? text : new Guarded(text, b);
    }

    /** A string whose reads check the budget. */
    private static final class Guarded implements CharSequence {
        private static final int EVERY = 1 << 14;
        private final String text;
        private final FileBudget budget;
        private int reads;

        Guarded(String text, FileBudget budget) {
            this.text = text;
            this.budget = budget;
        }

        @Override
        public char charAt(int index) {
            if (++reads == EVERY) {
                reads = 0;
                budget.checkNow();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Guarded(text.substring(start, end), budget);
        }

        @Override
        public String toString() {
            budget.checkNow();
            return text;
        }
    }
}
