package vn.trang.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.check.InternalLinks;
import vn.trang.diag.Diagnostic;
import vn.trang.pipeline.BuildOptions;
import vn.trang.pipeline.BuildResult;
import vn.trang.pipeline.Builder;

/**
 * A damaged build cache (flipped bytes in the middle of a record, files cut short) must never
 * change what a build writes: each damaged record is dropped and computed again, the output is
 * byte for byte what a build without cache writes, and there is exactly one warning per kind of
 * record hit. The demo province, built once with the cache; then each cache file is damaged in
 * turn and the site built again: into a new folder where the cache's items and bodies are what
 * every page is rendered from (as for a publish), in place where the output's records matter.
 */
class DamagedCacheTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 11, 1);
    /** A document's summary, in its item's record in items.log. */
    private static final String SUMMARY = "Ban hành Quy chế hoạt động của Tổ hỗ trợ doanh nghiệp nhỏ và vừa tỉnh Bắc Ninh";
    /** A sentence of a news body, in bodies.dat. */
    private static final String BODY = "bố trí xe cấp cứu sẵn sàng ứng phó";

    Path root;
    Path cache;
    Path full;
    BuildResult whole;
    int folders;

    @Test
    void everyDamagedRecordIsDroppedWithOneWarningAndTheOutputIsAWholeBuilds(@TempDir Path tmp) throws IOException {
        root = DemoRepository.copy(tmp);
        cache = root.resolve(BuildCache.FOLDER);
        full = tmp.resolve("full");
        whole = build(full, false);
        assertTrue(whole.ok(), () -> OutputTrees.errors(whole));
        Path out = tmp.resolve("out-0");
        assertClean(build(out, true), out, "first build");
        assertClean(build(out, true), out, "nothing changed");

        // items.log: one letter of a summary. Before records carried a checksum, this changed the
        // published summary without a word.
        flip(cache.resolve("items.log"), lastIndexOf(cache.resolve("items.log"), SUMMARY) + 1);
        out = fresh(tmp, "items.log", CacheDamage.Kind.ITEMS);
        // bodies.dat: one letter of a news body.
        flip(cache.resolve("bodies.dat"), lastIndexOf(cache.resolve("bodies.dat"), BODY) + 10);
        out = fresh(tmp, "bodies.dat", CacheDamage.Kind.BODIES);
        // state.bin, a record in the middle of each section
        flipRecord(cache.resolve("state.bin"), 3);
        out = fresh(tmp, "a parse entry", CacheDamage.Kind.PARSE_ENTRIES);
        flipRecord(cache.resolve("state.bin"), 4);
        out = fresh(tmp, "a link entry", CacheDamage.Kind.LINK_ENTRIES);
        flipRecord(cache.resolve("state.bin"), 2);
        again(out, "a file state", CacheDamage.Kind.FILE_STATES);
        flipRecord(cache.resolve("state.bin"), 5);
        again(out, "an output manifest entry", CacheDamage.Kind.OUTPUT_MANIFEST);
        flipRecord(cache.resolve("state.bin"), 6);
        again(out, "the index state", CacheDamage.Kind.INDEX_STATE);
        flipRecord(cache.resolve("state.bin"), 7);
        out = fresh(tmp, "an index file's hash", CacheDamage.Kind.INDEX_STATE);
        flipRecord(cache.resolve("state.bin"), 1);
        again(out, "the header", CacheDamage.Kind.STATE_HEADER);
        // links.bin (read when the output is updated in place)
        flipRecord(cache.resolve(InternalLinks.STORE), 4);
        again(out, "a page's links", CacheDamage.Kind.PAGE_LINKS);
        // the index copy: its files are the output's (hard links)
        Path indexFile;
        try (Stream<Path> s = Files.list(cache.resolve("index"))) {
            indexFile = s.filter(p -> !p.getFileName().toString().equals("write.lock"))
                    .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
        }
        flip(indexFile, (int) (Files.size(indexFile) / 2));
        out = fresh(tmp, "an index file", CacheDamage.Kind.INDEX_COPY);

        // files cut short
        cut(cache.resolve("items.log"), 0.5);
        out = fresh(tmp, "items.log cut", CacheDamage.Kind.ITEMS);
        cut(cache.resolve("bodies.dat"), 0.5);
        out = fresh(tmp, "bodies.dat cut", CacheDamage.Kind.BODIES);
        assertClean(build(out, true), out, "after bodies.dat cut"); // and in place
        cut(cache.resolve(InternalLinks.STORE), 0.5);
        again(out, "links.bin cut", CacheDamage.Kind.PAGE_LINKS);
        cut(cache.resolve("state.bin"), 0.6);
        again(out, "state.bin cut", CacheDamage.Kind.STATE_CUT);
        assertClean(build(out, true), out, "the end");
    }

    private BuildResult build(Path out, boolean withCache) {
        return new Builder().build(new BuildOptions(root, out, null, "default", 2, AS_OF).withCache(withCache));
    }

    /** Built again into a new folder: the damage is found, one warning, the output a whole build's. */
    private Path fresh(Path tmp, String what, CacheDamage.Kind kind) throws IOException {
        Path out = tmp.resolve("out-" + (++folders));
        assertDamaged(build(out, true), out, what, kind);
        return out;
    }

    /** Built again in place. */
    private void again(Path out, String what, CacheDamage.Kind kind) throws IOException {
        assertDamaged(build(out, true), out, what, kind);
    }

    private void assertDamaged(BuildResult r, Path out, String what, CacheDamage.Kind kind) throws IOException {
        assertTrue(r.ok(), () -> what + ": " + OutputTrees.errors(r));
        List<Diagnostic> w = r.cacheWarnings();
        assertEquals(1, w.size(), () -> what + ": " + w);
        Diagnostic d = w.get(0);
        assertEquals(cache.resolve(kind.file()).toString(), d.file(), what);
        assertTrue(d.message().contains(kind.what()), () -> what + ": " + d.format());
        assertEquals(whole.diagnostics().list(), r.diagnostics().list(), what + ": the content's diagnostics");
        OutputTrees.assertSameTree(full, out, List.of(what));
    }

    private void assertClean(BuildResult r, Path out, String what) throws IOException {
        assertTrue(r.ok(), () -> what + ": " + OutputTrees.errors(r));
        assertEquals(List.of(), r.cacheWarnings(), what);
        OutputTrees.assertSameTree(full, out, List.of(what));
    }

    // ---- damage ------------------------------------------------------------------------------

    /** Changes one byte (an ASCII letter stays a letter: the bytes still decode). */
    static void flip(Path file, int at) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, at);
            byte v = b.get(0);
            byte w = (byte) (Character.isLetter(v) ? (v == 'X' ? 'Y' : 'X') : v ^ 0x20);
            ch.write(ByteBuffer.wrap(new byte[] {w}), at);
        }
    }

    static void cut(Path file, double keep) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate((long) (ch.size() * keep));
        }
    }

    /** Where {@code text} last occurs in a file (the newest record holding it). */
    static int lastIndexOf(Path file, String text) throws IOException {
        byte[] hay = Files.readAllBytes(file);
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = hay.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(text + " not in " + file);
    }

    /**
     * Flips the middle byte of the middle record of a section of a {@link Records} file (after
     * its 4-byte format number): section := kind:u8 length:i64 crc:i32 records, record :=
     * length:i32 crc:i32 payload.
     */
    static void flipRecord(Path file, int kind) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        int p = 4;
        while (p < b.capacity()) {
            int k = b.get(p) & 0xff;
            long len = b.getLong(p + 1);
            int start = p + 13;
            if (k == kind) {
                List<int[]> records = new java.util.ArrayList<>();
                for (int q = start; q < start + len; q += 8 + b.getInt(q)) {
                    records.add(new int[] {q + 8, b.getInt(q)});
                }
                assertTrue(!records.isEmpty(), "section " + kind + " of " + file + " has records");
                int[] r = records.get(records.size() / 2);
                flip(file, r[0] + r[1] / 2);
                return;
            }
            p = (int) (start + len);
        }
        throw new AssertionError("no section " + kind + " in " + file);
    }
}
