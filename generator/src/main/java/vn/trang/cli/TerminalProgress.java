package vn.trang.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;

import vn.trang.pipeline.Progress;

/**
 * The progress line of a long build on a terminal: the stage, pages done of all, the
 * rate and the time left, redrawn in place a few times a second and erased at the end. Builds
 * that are not on a terminal (CI) use {@link Progress#NONE} and print only their summary.
 */
final class TerminalProgress implements Progress, AutoCloseable {

    private static final long PERIOD_MS = 250;
    /** Quick builds show nothing: the line would only flicker. */
    private static final long QUIET_MS = 700;

    private final PrintWriter err;
    private final long started = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private volatile String stage = "";
    private volatile long total;
    private volatile long stageStart = System.nanoTime();
    private final Thread ticker;
    private volatile boolean running = true;
    private int width;

    TerminalProgress(PrintWriter err) {
        this.err = err;
        ticker = new Thread(this::loop, "trang-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    /**
     * Whether stderr is a terminal a person watches (not CI, not a pipe or a log file). The
     * launcher tells whether stderr is a terminal ({@code -Dtrang.stderr.tty}, from the shell's
     * {@code [ -t 2 ]}); without it, a console (stdin and stdout on a terminal) is taken as a sign.
     */
    static boolean wanted() {
        return wanted(System.getProperty("trang.stderr.tty"), System.console() != null, System.getenv("CI"),
                System.getenv("TERM"));
    }

    static boolean wanted(String stderrTty, boolean console, String ci, String term) {
        boolean tty = stderrTty != null ? Boolean.parseBoolean(stderrTty) : console;
        boolean inCi = ci != null && !ci.isEmpty() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
        return tty && !inCi && !"dumb".equals(term);
    }

    @Override
    public void stage(String name, long total) {
        this.stage = name;
        this.total = total;
        this.stageStart = System.nanoTime();
        this.done.set(0);
    }

    @Override
    public void advance(long n) {
        done.addAndGet(n);
    }

    private static String label(String stage) {
        return switch (stage) {
            case "load" -> "đọc danh mục";
            case "parse" -> "đọc bài";
            case "render" -> "tạo trang";
            default -> stage;
        };
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
            if ((System.nanoTime() - started) / 1_000_000 < QUIET_MS) {
                continue;
            }
            draw();
        }
    }

    private synchronized void draw() {
        if (!running) {
            return;
        }
        long n = done.get();
        long t = total;
        double secs = Math.max(1e-3, (System.nanoTime() - stageStart) / 1e9);
        double rate = n / secs;
        StringBuilder sb = new StringBuilder("\r").append(label(stage));
        if (t > 0) {
            sb.append(": ").append(n).append('/').append(Math.max(t, n));
            if (n > 0 && rate > 0) {
                sb.append(" · ").append(Math.round(rate)).append("/s");
                if (n < t) {
                    long left = Math.round((t - n) / rate);
                    sb.append(" · còn ").append(left >= 60 ? left / 60 + " phút " + left % 60 + " s" : left + " s");
                }
            }
        } else if (n > 0) {
            // how many there will be is not known (a first build): what is done, and the rate
            sb.append(": ").append(n).append(" · ").append(Math.round(rate)).append("/s");
        }
        sb.append(" · ").append(Math.round((System.nanoTime() - started) / 1e9)).append(" s");
        int len = sb.length();
        while (sb.length() < width) {
            sb.append(' ');
        }
        width = len;
        err.print(sb);
        err.flush();
    }

    @Override
    public synchronized void close() {
        running = false;
        ticker.interrupt();
        if (width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0; // closing again (serve closes it before each report) prints nothing
        }
    }
}
