package vn.trang.pipeline;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

import vn.trang.cache.BuildCache;
import vn.trang.cache.Digest;
import vn.trang.cache.OutputManifest;
import vn.trang.diag.SourcePos;
import vn.trang.files.OutputSwap;
import vn.trang.files.ParallelWriter;
import vn.trang.index.SearchFiles;

/**
 * The staging folder beside the output, where the render, files and index stages write what is
 * new, and the manifest of what the output will hold once the swap stage puts it in place.
 *
 * <p><b>Whole</b> (no cache, a new output folder, or one the cache does not know): every file is
 * written here, and the folder replaces the output in one rename. <b>In place</b> (the cache's
 * manifest describes the output as it is): a file whose fingerprint and bytes are the last
 * build's stays where it is and is only recorded; the rest is staged and moved in file by file.
 * Either way the output is byte for byte what a whole build writes.
 *
 * <p>Closing deletes the folder unless it became the output.
 */
final class Staging implements AutoCloseable {

    /** The search index's folder, under the output. */
    static final String INDEX_DIR = SearchFiles.FOLDER + "/index";

    private final Path dir;
    private final Path out;
    private final OutputManifest last;
    private final boolean inPlace;
    private final OutputManifest.Builder manifest = new OutputManifest.Builder();
    private boolean placed;

    private Staging(Path dir, Path out, OutputManifest last, boolean inPlace) {
        this.dir = dir;
        this.out = out;
        this.last = last;
        this.inPlace = inPlace;
    }

    /** A new staging folder for the build's output; in place when the cache describes the output. */
    static Staging open(BuildContext ctx, BuildCache cache) throws BuildFailed, IOException {
        Path out = ctx.out();
        Path dir;
        try {
            dir = OutputSwap.stagingFor(out);
        } catch (IOException e) {
            ctx.diagnostics().error(SourcePos.of(out.toString()), "không tạo được thư mục tạm: " + e.getMessage(),
                    "thư mục ghi được", "kiểm tra quyền ghi");
            throw new BuildFailed();
        }
        Staging staging = new Staging(dir, out, cache.manifest(), cache.enabled() && cache.manifest().describes(out));
        try {
            Files.createDirectories(SearchFiles.inOutput(dir).root());
        } catch (IOException e) {
            staging.close();
            throw e;
        }
        return staging;
    }

    /** The staging folder. */
    Path dir() {
        return dir;
    }

    /** The output folder. */
    Path out() {
        return out;
    }

    /** Whether the output is updated in place (else replaced whole). */
    boolean inPlace() {
        return inPlace;
    }

    /** The cache's manifest of the last output (empty without one), whether or not it is reused. */
    OutputManifest last() {
        return last;
    }

    /** What the output will hold: path, fingerprint (null: none), size and time of each file. */
    OutputManifest.Builder manifest() {
        return manifest;
    }

    /** The last build's entry for {@code path} when the output is updated in place, else null. */
    OutputManifest.Entry previous(String path) {
        return inPlace ? last.get(path) : null;
    }

    /**
     * Whether the output's {@code path} is, untouched, what the last build wrote for the same
     * fingerprint {@code fp} (then it is kept, not made again).
     */
    boolean unchanged(String path, OutputManifest.Entry previous, Digest fp) {
        return fp != null && previous != null && fp.equals(previous.fingerprint())
                && OutputManifest.intact(out.resolve(path), previous);
    }

    /** The staging folder has become the output (a whole build's swap): nothing to delete. */
    void placed() {
        placed = true;
    }

    @Override
    public void close() {
        if (!placed) {
            OutputSwap.deleteTree(dir);
        }
    }

    /** Adds every file under {@code tree} to the manifest as {@code prefix + relative path}, without fingerprint. */
    void record(Path tree, String prefix) throws IOException {
        record(tree, prefix, false);
    }

    /** @param skipKnown leave files the manifest has already (pages) as they are */
    void record(Path tree, String prefix, boolean skipKnown) throws IOException {
        if (!Files.isDirectory(tree)) {
            return;
        }
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                String rel = prefix + tree.relativize(file).toString().replace('\\', '/');
                if (!skipKnown || !manifest.contains(rel)) {
                    manifest.put(rel, null, a.size(), ParallelWriter.nanos(a));
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
