package vn.trang.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects diagnostics from every stage. Thread-safe: parsing and rendering run in parallel.
 * Sorted by file and position when listed, so output is stable whatever the thread order.
 */
public final class Diagnostics {

    private final List<Diagnostic> all = new ArrayList<>();

    public synchronized void add(Diagnostic d) {
        all.add(d);
    }

    public void error(SourcePos pos, String message, String expected, String fix) {
        add(new Diagnostic(Severity.ERROR, pos.file(), pos.line(), pos.column(), message, expected, fix));
    }

    public void warning(SourcePos pos, String message, String expected, String fix) {
        add(new Diagnostic(Severity.WARNING, pos.file(), pos.line(), pos.column(), message, expected, fix));
    }

    public synchronized void addAll(Diagnostics other) {
        all.addAll(other.list());
    }

    public synchronized List<Diagnostic> list() {
        List<Diagnostic> copy = new ArrayList<>(all);
        copy.sort(Comparator.comparing(Diagnostic::file)
                .thenComparingInt(Diagnostic::line)
                .thenComparingInt(Diagnostic::column)
                .thenComparing(Diagnostic::message));
        return copy;
    }

    public synchronized long errorCount() {
        return all.stream().filter(Diagnostic::isError).count();
    }

    public synchronized long warningCount() {
        return all.size() - errorCount();
    }

    public boolean hasErrors() {
        return errorCount() > 0;
    }

    /** The one-line summary printed at the end of every build. */
    public String summary() {
        return errorCount() + " lỗi, " + warningCount() + " cảnh báo";
    }
}
