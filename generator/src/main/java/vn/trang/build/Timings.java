package vn.trang.build;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Wall time of each build stage, printed to stderr when {@code TRANG_TIMINGS=1} (or
 * {@code -Dtrang.timings=true}): what docs/BENCHMARKS.md's stage breakdown is measured with.
 * Costs nothing otherwise.
 */
public final class Timings {

    private static final boolean ON = "1".equals(System.getenv("TRANG_TIMINGS"))
            || Boolean.getBoolean("trang.timings");

    private final List<String> marks = new ArrayList<>();
    private final long start = System.nanoTime();
    private long last = start;

    public static boolean enabled() {
        return ON;
    }

    /** Ends the current stage, naming it. */
    public void mark(String stage) {
        if (!ON) {
            return;
        }
        long now = System.nanoTime();
        marks.add(String.format("%-12s %7.0f ms", stage, (now - last) / 1e6));
        last = now;
    }

    public void print(PrintStream err) {
        if (!ON) {
            return;
        }
        for (String m : marks) {
            err.println("[thời gian] " + m);
        }
        Runtime rt = Runtime.getRuntime();
        err.printf("[thời gian] %-12s %7.0f ms, heap %d MiB used / %d MiB committed%n", "tổng",
                (System.nanoTime() - start) / 1e6, (rt.totalMemory() - rt.freeMemory()) >> 20, rt.totalMemory() >> 20);
    }
}
