package vn.trang.search.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Benchmark helper (bench/search-load.sh): how long this machine stops on its own. One thread per
 * core sleeps 1 ms again and again and records how late it wakes; on an idle machine the lateness
 * is the operating system's and, in a virtual machine, the host's (another guest running on "our"
 * core). A service's p99 cannot be better than the stalls it shares the machine with, so the
 * benchmark measures them at rest before each run and prints them beside the latencies.
 *
 * <pre>java -cp trang.jar vn.trang.search.eval.Hiccups SECONDS</pre>
 *
 * Prints one JSON line: wake-ups measured, how many were 5 and 10 ms late or more, the p99.9 and
 * the largest lateness in milliseconds, and the largest of each second (all threads together).
 */
public final class Hiccups {

    private static final long SLEEP_NS = 1_000_000L;

    private Hiccups() {
    }

    public static void main(String[] args) throws InterruptedException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int threads = Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long[] worstOfSecond = new long[seconds];
        List<long[]> lateness = new ArrayList<>();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            long[] mine = new long[(int) (seconds * 1_000_000_000L / SLEEP_NS) + 1];
            lateness.add(mine);
            workers[t] = new Thread(() -> {
                int n = 0;
                long now;
                while ((now = System.nanoTime()) < end && n < mine.length) {
                    LockSupport.parkNanos(SLEEP_NS);
                    long late = Math.max(0, System.nanoTime() - now - SLEEP_NS);
                    mine[n++] = late + 1; // 0 marks an unused slot
                    int second = (int) ((now - start) / 1_000_000_000L);
                    synchronized (worstOfSecond) {
                        if (second < seconds && late > worstOfSecond[second]) {
                            worstOfSecond[second] = late;
                        }
                    }
                }
            }, "hiccups-" + t);
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        long[] all = lateness.stream().flatMapToLong(Arrays::stream).filter(v -> v > 0).map(v -> v - 1).sorted()
                .toArray();
        long over5 = Arrays.stream(all).filter(v -> v >= 5_000_000L).count();
        long over10 = Arrays.stream(all).filter(v -> v >= 10_000_000L).count();
        StringBuilder perSecond = new StringBuilder();
        for (long w : worstOfSecond) {
            perSecond.append(perSecond.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", w / 1e6));
        }
        System.out.printf(Locale.ROOT,
                "{\"threads\": %d, \"wakeups\": %d, \"late_5ms\": %d, \"late_10ms\": %d, \"p999_ms\": %.2f, \"max_ms\": %.2f, "
                        + "\"max_per_second_ms\": [%s]}%n",
                threads, all.length, over5, over10, all.length == 0 ? 0 : all[(int) Math.min(all.length - 1, Math.ceil(all.length * 0.999) - 1)] / 1e6,
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, perSecond);
    }
}
