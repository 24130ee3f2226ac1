package vn.trang.diag;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Collects diagnostics from every stage. Thread-safe: parsing and rendering run in parallel.
 * Sorted by file and position when listed, so output is stable whatever the thread order.
 *
 * <p>Memory: a large province can have hundreds of thousands of warnings (the synthetic
 * 100,000-page one: 295,000). Errors are always kept; of the warnings, the {@code keep} first in
 * the listing order (file, line, column, message) are kept in memory and listed, the others are
 * spilled to a temporary file and only counted, per kind, in memory. {@link #writeReport} writes
 * them all, in order and in the terminal's format (file:line:column first), into a report the
 * build puts under the output's {@code _reports/} ({@link #REPORT}); {@link #spillSummary} is the
 * terminal's line about them. Which warnings are kept does not depend on the threads' order.
 * The spilled ones live in a {@link WarningSpill}.
 */
public final class Diagnostics {

    /** Warnings a build keeps in memory and lists on the terminal ({@code trang.warnings.keep} changes it). */
    public static final int DEFAULT_KEEP = 3000;
    /** Where a build writes every diagnostic when some were not listed, under the output root. */
    public static final String REPORT = "_reports/canh-bao.txt";

    /** The listing order. */
    static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::file)
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column)
            .thenComparing(Diagnostic::message);

    private final int keep;
    private final List<Diagnostic> errors = new ArrayList<>();
    /** The kept warnings, largest (in listing order) first, so the one to spill is at hand. */
    private final PriorityQueue<Diagnostic> kept;
    private WarningSpill spill;
    private final Map<String, Integer> spilledKinds = new HashMap<>();
    private long spilled;
    private String reportLocation;

    /** Keeps everything in memory (imports, checks, one file's parse); builds pass a limit. */
    public Diagnostics() {
        this(Integer.MAX_VALUE);
    }

    /** @param keep how many warnings to keep in memory (the rest are spilled to disk) */
    public Diagnostics(int keep) {
        this.keep = Math.max(0, keep);
        this.kept = new PriorityQueue<>(ORDER.reversed());
    }

    public synchronized void add(Diagnostic d) {
        if (d.isError()) {
            errors.add(d);
            return;
        }
        if (kept.size() < keep) {
            kept.add(d);
            return;
        }
        Diagnostic out = d;
        if (keep > 0 && ORDER.compare(d, kept.peek()) < 0) {
            out = kept.poll();
            kept.add(d);
        }
        spill(out);
    }

    public void error(SourcePos pos, String message, String expected, String fix) {
        add(new Diagnostic(Severity.ERROR, pos.file(), pos.line(), pos.column(), message, expected, fix));
    }

    public void warning(SourcePos pos, String message, String expected, String fix) {
        add(new Diagnostic(Severity.WARNING, pos.file(), pos.line(), pos.column(), message, expected, fix));
    }

    public void addAll(Diagnostics other) {
        if (other == this) {
            return;
        }
        other.forEach(this::add);
    }

    /** The diagnostics kept in memory (every error, the first warnings), sorted. */
    public synchronized List<Diagnostic> list() {
        List<Diagnostic> copy = new ArrayList<>(errors.size() + kept.size());
        copy.addAll(errors);
        copy.addAll(kept);
        copy.sort(ORDER);
        return copy;
    }

    /** What is held at one moment: the diagnostics in memory and how many of the spilled ones to read. */
    private record Snapshot(List<Diagnostic> inMemory, WarningSpill spill, int spilled) {
    }

    private synchronized Snapshot snapshot() {
        List<Diagnostic> mine = new ArrayList<>(errors);
        mine.addAll(kept);
        return new Snapshot(mine, spill, spill == null ? 0 : spill.count());
    }

    /** Every diagnostic, spilled ones included (read back from disk), in no particular order. */
    public void forEach(Consumer<Diagnostic> action) {
        Snapshot snap = snapshot();
        List<Diagnostic> mine = snap.inMemory();
        int count = snap.spilled();
        WarningSpill s = snap.spill();
        mine.forEach(action);
        if (s != null) {
            try (WarningSpill.Reader r = s.reader()) {
                for (int i = 0; i < count; i++) {
                    action.accept(r.read(i));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public synchronized long errorCount() {
        return errors.size();
    }

    public synchronized long warningCount() {
        return kept.size() + spilled;
    }

    /** Warnings not kept in memory (not in {@link #list()}); {@link #writeReport} has them. */
    public synchronized long spilledCount() {
        return spilled;
    }

    /** How many warnings of each kind were spilled, most frequent first (kind: what was expected). */
    public synchronized Map<String, Integer> spilledKinds() {
        Map<String, Integer> out = new LinkedHashMap<>();
        spilledKinds.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    public boolean hasErrors() {
        return errorCount() > 0;
    }

    /** The one-line summary printed at the end of every build. */
    public String summary() {
        return errorCount() + " lỗi, " + warningCount() + " cảnh báo";
    }

    /** Records where the report with every diagnostic was written (shown by {@link #spillSummary()}). */
    public synchronized void reportWrittenTo(String where) {
        reportLocation = where;
    }

    /** Where the report with every diagnostic was written, or null. */
    public synchronized String reportLocation() {
        return reportLocation;
    }

    /** {@link #spillSummary(String)} with the report's recorded location. */
    public synchronized String spillSummary() {
        return spillSummary(reportLocation);
    }

    /**
     * The terminal's lines about the warnings not listed (empty when all were): how many, of
     * which kinds, and where they all are.
     *
     * @param report where {@link #writeReport} wrote them (shown as given), or null
     */
    public synchronized String spillSummary(String report) {
        if (spilled == 0) {
            return "";
        }
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder();
        sb.append("… và ").append(spilled).append(" cảnh báo khác không in ra")
                .append(report == null ? "" : ", đủ cả trong " + report).append(':').append(nl);
        int shown = 0;
        Map<String, Integer> kinds = spilledKinds();
        for (Map.Entry<String, Integer> e : kinds.entrySet()) {
            if (shown++ == 20) {
                sb.append("    … ").append(kinds.size() - 20).append(" loại khác").append(nl);
                break;
            }
            sb.append("    ").append(e.getValue()).append(" × ").append(vn.trang.text.ControlChars.escape(e.getKey())).append(nl);
        }
        return sb.toString();
    }

    /**
     * Writes every diagnostic, spilled ones included, in listing order and in the terminal's
     * format, one after another.
     */
    public void writeReport(OutputStream out) throws IOException {
        Snapshot snap = snapshot();
        List<Diagnostic> mine = snap.inMemory();
        int count = snap.spilled();
        WarningSpill s = snap.spill();
        String nl = System.lineSeparator();
        BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        if (s == null) {
            mine.sort(ORDER);
            for (Diagnostic d : mine) {
                w.write(d.format());
                w.write(nl);
            }
            w.flush();
            return;
        }
        try (WarningSpill.Reader r = s.reader()) {
            // Sorted by their keys in memory; a spilled one's message is read only to break a tie.
            List<Entry> all = new ArrayList<>(mine.size() + count);
            for (Diagnostic d : mine) {
                all.add(new Entry(d.file(), d.line(), d.column(), -1, d));
            }
            for (int i = 0; i < count; i++) {
                all.add(new Entry(s.file(i), s.line(i), s.column(i), i, null));
            }
            Comparator<Entry> order = Comparator.comparing(Entry::file).thenComparingInt(Entry::line)
                    .thenComparingInt(Entry::column).thenComparing(e -> e.full(r).message());
            all.sort(order);
            for (Entry e : all) {
                w.write(e.full(r).format());
                w.write(nl);
            }
            w.flush();
        }
    }

    /** Writes the report to {@code file} (its folder created). */
    public void writeReport(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            writeReport(out);
        }
    }

    /** Deletes the spill file (the counts stay); call when the report has been written. */
    public synchronized void discardSpill() {
        if (spill != null) {
            spill.delete();
        }
    }

    private void spill(Diagnostic d) {
        try {
            if (spill == null) {
                spill = new WarningSpill();
            }
            spill.write(d);
        } catch (IOException e) {
            throw new UncheckedIOException("không ghi được tệp tạm của cảnh báo: " + e.getMessage(), e);
        }
        spilled++;
        spilledKinds.merge(kind(d), 1, Integer::sum);
    }

    /** A warning's kind, for the counts: what was expected (one text per kind), else its message. */
    static String kind(Diagnostic d) {
        if (d.expected() != null && !d.expected().isBlank()) {
            return d.expected();
        }
        String m = d.message();
        return m.length() > 80 ? m.substring(0, 80) + "…" : m;
    }

    /** A diagnostic to sort: held in memory ({@code d}) or the {@code index}th spilled one. */
    private record Entry(String file, int line, int column, int index, Diagnostic d) {

        Diagnostic full(WarningSpill.Reader r) {
            if (d != null) {
                return d;
            }
            try {
                return r.read(index);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
