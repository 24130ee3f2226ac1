package vn.trang.pipeline;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import vn.trang.cache.BuildCache;
import vn.trang.cache.Digest;
import vn.trang.cache.OutputManifest;
import vn.trang.check.InternalLinks;
import vn.trang.files.OutputSwap;
import vn.trang.files.ParallelWriter;

/**
 * Swap: puts the staging folder in place, only when no stage reported an error (else the output
 * stays as it was). A whole build renames the staging folder over the output. In place, each
 * changed file is moved in (each move is atomic: a reader sees the old file or the new one),
 * the index folder replaced when a new one was made, and the files the last build made and this
 * one does not are deleted; a build stopped half-way through leaves a mark in the cache, and the
 * next build writes the output whole.
 */
final class SwapStage implements Stage<SwapStage.Input, OutputManifest> {

    record Input(Staging staging, InternalLinks links, IndexStage.Indexed index) {
    }

    private final BuildContext ctx;
    private final BuildCache cache;

    SwapStage(BuildContext ctx, BuildCache cache) {
        this.ctx = ctx;
        this.cache = cache;
    }

    @Override
    public String name() {
        return "swap";
    }

    /** @return the manifest of the output now, for the cache (null without it) */
    @Override
    public OutputManifest run(Input in) throws BuildFailed, IOException {
        ctx.stopOnErrors();
        Staging staging = in.staging();
        boolean newIndex = in.index().way() != IndexStage.Way.KEPT;
        if (staging.inPlace()) {
            cache.markApplying();
            apply(staging, newIndex ? staging.dir().resolve(Staging.INDEX_DIR) : null);
        } else {
            staging.record(staging.dir().resolve(Staging.INDEX_DIR), Staging.INDEX_DIR + "/");
            OutputSwap.replace(staging.dir(), staging.out());
            staging.placed();
        }
        if (!cache.enabled()) {
            return null;
        }
        if (newIndex) {
            cache.keepIndex(staging.out().resolve(Staging.INDEX_DIR)); // hard links, for the next build
        }
        in.links().save(cache.dir().resolve(InternalLinks.STORE)); // for the pages the next build keeps
        return staging.manifest().build(staging.out());
    }

    /**
     * Moves what the staging folder holds into the output (files whose bytes did not change stay
     * as they are), replaces the index folder when a new one was made, and deletes the files of the
     * last build this one no longer makes.
     */
    private void apply(Staging staging, Path newIndex) throws IOException {
        Path out = staging.out();
        OutputManifest prev = staging.last();
        OutputManifest.Builder manifest = staging.manifest();
        List<Path> staged = new ArrayList<>();
        Files.walkFileTree(staging.dir(), new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(newIndex) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                staged.add(file);
                return FileVisitResult.CONTINUE;
            }
        });
        Set<Path> made = new HashSet<>();
        for (Path f : staged) {
            String rel = staging.dir().relativize(f).toString().replace('\\', '/');
            Path target = out.resolve(rel);
            OutputManifest.Entry recorded = manifest.get(rel);
            Digest fp = recorded == null ? null : recorded.fingerprint();
            // Assets, reports, search files (no fingerprint) are made every time: an unchanged one
            // keeps its file. Pages and attachments are staged only when they changed.
            if (fp == null && Files.isRegularFile(target) && Files.size(target) == Files.size(f)
                    && Arrays.equals(Files.readAllBytes(target), Files.readAllBytes(f))) {
                BasicFileAttributes a = Files.readAttributes(target, BasicFileAttributes.class);
                manifest.put(rel, null, a.size(), ParallelWriter.nanos(a));
                continue;
            }
            if (made.add(target.getParent())) {
                Files.createDirectories(target.getParent());
            }
            move(f, target);
            BasicFileAttributes a = Files.readAttributes(target, BasicFileAttributes.class);
            manifest.put(rel, fp, a.size(), ParallelWriter.nanos(a));
        }
        String index = Staging.INDEX_DIR + "/";
        if (newIndex != null) {
            Path live = out.resolve(Staging.INDEX_DIR);
            Path old = live.resolveSibling(".index-old-" + System.nanoTime());
            if (Files.exists(live)) {
                Files.move(live, old);
            }
            Files.createDirectories(live.getParent());
            Files.move(newIndex, live);
            OutputSwap.deleteTree(old);
            for (String k : new ArrayList<>(prev.files().keySet())) {
                if (k.startsWith(index)) {
                    manifest.remove(k);
                }
            }
            staging.record(live, index);
        } else {
            // kept: the old index's entries carry over
            prev.files().forEach((k, v) -> {
                if (k.startsWith(index)) {
                    manifest.put(k, v);
                }
            });
        }
        // what the last build made and this one does not
        for (String k : prev.files().keySet()) {
            if (!manifest.contains(k) && !k.startsWith(index)) {
                Path f = out.resolve(k);
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    // a folder now stands there: leave it
                }
                prune(f.getParent(), out);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes empty folders from {@code dir} up to (not including) the output folder. */
    private static void prune(Path dir, Path out) {
        while (dir != null && dir.startsWith(out) && !dir.equals(out)) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    return;
                }
            } catch (NoSuchFileException e) {
                dir = dir.getParent();
                continue;
            } catch (IOException e) {
                return;
            }
            try {
                Files.delete(dir);
            } catch (IOException e) {
                return;
            }
            dir = dir.getParent();
        }
    }
}
