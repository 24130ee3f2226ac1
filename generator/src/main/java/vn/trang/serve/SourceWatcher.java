package vn.trang.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Watches the source folders (recursively, including folders created later) and calls back once
 * per burst of changes: editors' tools often write a file in several steps.
 */
public final class SourceWatcher implements AutoCloseable {

    private static final long QUIET_MS = 150;

    private final WatchService watch;
    private final Runnable onChange;
    private final Thread thread;
    private volatile boolean running = true;

    public SourceWatcher(List<Path> roots, Runnable onChange) throws IOException {
        this.watch = FileSystems.getDefault().newWatchService();
        this.onChange = onChange;
        for (Path r : roots) {
            if (Files.isDirectory(r)) {
                registerTree(r);
            }
        }
        thread = new Thread(this::loop, "trang-watch");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void registerTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                d.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void loop() {
        try {
            while (running) {
                WatchKey key = watch.take();
                drain(key);
                // Collect the rest of the burst before rebuilding.
                WatchKey more;
                while ((more = watch.poll(QUIET_MS, TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                onChange.run();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        }
    }

    private void drain(WatchKey key) {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> e : key.pollEvents()) {
            if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                Path created = dir.resolve((Path) e.context());
                if (Files.isDirectory(created)) {
                    try {
                        registerTree(created);
                    } catch (IOException ignored) {
                        // it vanished again; nothing to watch
                    }
                }
            }
        }
        key.reset();
    }

    @Override
    public void close() throws IOException {
        running = false;
        watch.close();
        thread.interrupt();
    }
}
