package vn.trang.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Wall time of each build stage, printed to stderr when {@code TRANG_TIMINGS=1} (or
 * {@code -Dtrang.timings=true}): what docs/BENCHMARKS.md's stage breakdown is measured with.
 * Costs nothing otherwise.
 *
 * <p>Each line is the time since the previous stage ended, so the lines add up to the total.
 * The stages, in order ({@link Builder}):
 * <ul>
 *   <li>{@code load}: site registry, Git remotes, content files found, theme;
 *   <li>{@code parse}: content files parsed or recalled from the cache (with opening the cache);
 *   <li>{@code link}: catalog, citations, validity;
 *   <li>{@code plan+render}: Git history, pages planned, fingerprinted, rendered or kept;
 *   <li>{@code files}: theme static files, reports, the search page's files, attachments;
 *   <li>{@code check}: internal links and anchors;
 *   <li>{@code index}: the search index built, updated or reused;
 *   <li>{@code swap}: the staging folder put in place;
 *   <li>{@code cache}: the build cache saved.
 * </ul>
 * Then the total with the heap, and CPU time per thread group. Lines without a time (the
 * cache's counts after parse, what was rendered and kept at the end) are {@link #note notes}.
 */
public final class Timings {

    private static final boolean ON = "1".equals(System.getenv("TRANG_TIMINGS"))
            || Boolean.getBoolean("trang.timings");

    private final List<String> stages = new ArrayList<>();
    private final List<String> marks = new ArrayList<>();
    private final long start = System.nanoTime();
    private long last = start;

    public static boolean enabled() {
        return ON;
    }

    /** Ends the current stage, naming it. */
    public void mark(String stage) {
        stages.add(stage);
        if (!ON) {
            return;
        }
        long now = System.nanoTime();
        marks.add(String.format("%-12s %7.0f ms", stage, (now - last) / 1e6));
        last = now;
    }

    /** The stages ended so far, in order (whether or not timings are on). */
    public List<String> stages() {
        return List.copyOf(stages);
    }

    /** Prints {@code text} at once, as a timings line, when timings are on. */
    public void note(String text) {
        if (ON) {
            System.err.println("[thời gian] " + text);
        }
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
        threadCpu().forEach((group, ms) -> err.printf("[thời gian] cpu %-16s %7d ms%n", group, ms));
    }

    /**
     * CPU time so far by thread group (JIT compilers, GC, the build's pools, main), read from
     * Linux's /proc: JFR does not see the compiler threads, which at 1,000 pages were half the
     * process's CPU. Empty elsewhere.
     */
    static Map<String, Long> threadCpu() {
        Map<String, Long> out = new TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return out;
        }
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) list::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('('), close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close);
                    String[] f = stat.substring(close + 2).split(" ");
                    // fields 14 and 15 of stat (utime, stime) are at 11 and 12 after the name
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    out.merge(group(name), ticks * 10, Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while being read
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** Thread names lose their counters: "GC Thread#1" → "GC Thread", "ForkJoinPool-1-worker-3" → "ForkJoinPool-worker". */
    static String group(String name) {
        return name.replaceAll("[#-]\\d+", "");
    }
}
