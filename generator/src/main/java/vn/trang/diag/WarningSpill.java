package vn.trang.diag;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import vn.trang.text.Utf8Strings;

/**
 * The warnings {@link Diagnostics} does not keep in memory: each one's file (the string its item
 * holds anyway), line, column and place in the file stay in memory, in arrays, so they can be
 * sorted without reading them back; its texts go to a temporary file.
 */
final class WarningSpill {

    private final Path file;
    private final DataOutputStream out;
    private long size;
    private int count;
    private long[] offsets = new long[1024];
    private String[] files = new String[1024];
    private int[] lines = new int[1024];
    private int[] columns = new int[1024];

    WarningSpill() throws IOException {
        file = Files.createTempFile("trang-canh-bao-", ".bin");
        file.toFile().deleteOnExit();
        out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    synchronized void write(Diagnostic d) throws IOException {
        if (count == offsets.length) {
            int n = count * 2;
            offsets = Arrays.copyOf(offsets, n);
            files = Arrays.copyOf(files, n);
            lines = Arrays.copyOf(lines, n);
            columns = Arrays.copyOf(columns, n);
        }
        offsets[count] = size;
        files[count] = d.file();
        lines[count] = d.line();
        columns[count] = d.column();
        count++;
        out.writeByte(d.severity().ordinal());
        size += 1;
        size += Utf8Strings.write(out, d.message());
        size += Utf8Strings.write(out, d.expected());
        size += Utf8Strings.write(out, d.fix());
    }

    synchronized int count() {
        return count;
    }

    synchronized String file(int i) {
        return files[i];
    }

    synchronized int line(int i) {
        return lines[i];
    }

    synchronized int column(int i) {
        return columns[i];
    }

    synchronized Reader reader() throws IOException {
        out.flush();
        return new Reader(this, FileChannel.open(file, StandardOpenOption.READ));
    }

    synchronized void delete() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file: deleted at exit anyway
        }
    }

    /** Reads spilled diagnostics back. */
    static final class Reader implements AutoCloseable {
        private final WarningSpill spill;
        private final FileChannel ch;
        private final ByteBuffer mapped;

        Reader(WarningSpill spill, FileChannel ch) throws IOException {
            this.spill = spill;
            this.ch = ch;
            long n = ch.size();
            this.mapped = n <= Integer.MAX_VALUE ? ch.map(FileChannel.MapMode.READ_ONLY, 0, n) : null;
        }

        Diagnostic read(int i) throws IOException {
            long offset;
            String file;
            int line;
            int column;
            synchronized (spill) {
                offset = spill.offsets[i];
                file = spill.files[i];
                line = spill.lines[i];
                column = spill.columns[i];
            }
            ByteBuffer b;
            if (mapped != null) {
                b = mapped.duplicate().position((int) offset);
            } else {
                // beyond 2 GB: one read of the record (texts are far below 1 MB)
                b = ByteBuffer.allocate((int) Math.min(1 << 20, ch.size() - offset));
                ch.read(b, offset);
                b.flip();
            }
            Severity sev = Severity.values()[b.get()];
            String message = Utf8Strings.read(b);
            String expected = Utf8Strings.read(b);
            String fix = Utf8Strings.read(b);
            return new Diagnostic(sev, file, line, column, message, expected, fix);
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }
}
