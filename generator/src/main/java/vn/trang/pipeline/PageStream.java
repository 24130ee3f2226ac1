package vn.trang.pipeline;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import vn.trang.cache.Digest;
import vn.trang.cache.Hasher;
import vn.trang.cache.OutputManifest;
import vn.trang.check.InternalLinks;
import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.files.ParallelWriter;
import vn.trang.model.Site;
import vn.trang.render.Output;
import vn.trang.render.PageView;
import vn.trang.image.ImageCatalog;
import vn.trang.image.ImageTags;
import vn.trang.render.Renderer;
import vn.trang.render.SitePlanner;
import vn.trang.render.Theme;

/**
 * The page stream: outputs come from the planner one by one; each is fingerprinted, kept (in
 * place, unchanged) or rendered on a worker, and forgotten but for its path and origin, so a
 * province's pages are never all in memory. At most 32 pages per thread wait for a worker.
 */
final class PageStream implements AutoCloseable {

    private final Staging staging;
    private final PageFingerprints fingerprints;
    private final InternalLinks links;
    private final Diagnostics rd;
    private final Progress progress;
    private final Renderer renderer;
    /** The processed images, described in each page that shows one ({@link ImageTags}). */
    private final ImageCatalog images;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final ParallelWriter writer = new ParallelWriter();
    private final ExecutorService workers;
    private final int permits;
    private final Semaphore inFlight;
    private final AtomicInteger rendered = new AtomicInteger();
    private final AtomicInteger opaque = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final List<Output> planned = new ArrayList<>();
    /** Per site: the first page with the layout model, and its 404 page (for the search files). */
    private final Map<String, Output> firstLayout = new LinkedHashMap<>();
    private final Map<String, Output> notFound = new LinkedHashMap<>();

    /**
     * @param fingerprints null without the cache (every page is rendered)
     * @param links        told of every page's links and ids, rendered or kept
     * @param rd           where render problems go (they wait for the URL collision check)
     */
    PageStream(BuildContext ctx, Staging staging, Theme theme, Path themeDisplay, PageFingerprints fingerprints,
               InternalLinks links, Diagnostics rd, ImageCatalog images) {
        this.staging = staging;
        this.images = images;
        this.fingerprints = fingerprints;
        this.links = links;
        this.rd = rd;
        this.progress = ctx.progress();
        this.renderer = new Renderer(theme, themeDisplay, 1);
        int threads = Math.max(1, ctx.threads());
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "trang-render-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.permits = threads * 32;
        this.inFlight = new Semaphore(permits);
    }

    /**
     * Plans {@code sites} (on this thread) and renders their pages as they come.
     *
     * @return every output planned, without its model
     */
    List<Output> run(SitePlanner planner, List<Site> sites) throws IOException {
        List<Output> sink = new AbstractList<>() {
            @Override
            public boolean add(Output o) {
                accept(o);
                return true;
            }

            @Override
            public Output get(int i) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int size() {
                return planned.size();
            }
        };
        for (Site s : sites) {
            planner.plan(s, sink);
        }
        inFlight.acquireUninterruptibly(permits); // all done
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        writer.await();
        return planned;
    }

    /** What the search files need of each site: a page with the layout, its 404 page preferred. */
    List<Output> layoutPages() {
        List<Output> l = new ArrayList<>();
        firstLayout.forEach((site, o) -> l.add(notFound.getOrDefault(site, o)));
        return l;
    }

    /** Pages rendered (not kept). */
    int rendered() {
        return rendered.get();
    }

    /** Pages whose model could not be fingerprinted. */
    int opaque() {
        return opaque.get();
    }

    @Override
    public void close() {
        workers.shutdown();
        writer.close();
    }

    private void accept(Output o) {
        planned.add(o.withoutContent());
        if (o.template() != null && o.template().endsWith(".ftlh") && o.view() instanceof PageView) {
            firstLayout.putIfAbsent(o.site().id(), o);
            if ("404.ftlh".equals(o.template())) {
                notFound.putIfAbsent(o.site().id(), o);
            }
        }
        inFlight.acquireUninterruptibly();
        workers.execute(() -> {
            try {
                process(o);
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            } finally {
                inFlight.release();
                progress.advance(1);
            }
        });
    }

    private void process(Output o) {
        OutputManifest.Builder manifest = staging.manifest();
        OutputManifest.Entry e = staging.previous(o.path());
        if (o.streamed() != null) {
            // An export whose inputs are those of the last build is not made again (at 10,000
            // pages, a one-file edit spent a third of its render time remaking them).
            Digest inputs = fingerprints == null ? null : fingerprints.ofInputs(o);
            if (staging.unchanged(o.path(), e, inputs)) {
                manifest.put(o.path(), e);
                return;
            }
            stream(o, inputs, e);
            return;
        }
        Digest fp = fingerprints == null ? null : fingerprints.of(o);
        if (fingerprints != null && fp == null) {
            opaque.incrementAndGet();
        }
        if (staging.unchanged(o.path(), e, fp)) {
            manifest.put(o.path(), e);
            links.kept(o.path(), fp);
            return;
        }
        byte[] bytes = renderer.renderOne(o, rd, reported);
        if (bytes == null) {
            return;
        }
        if (!images.isEmpty() && o.template() != null && o.template().endsWith(".ftlh")) {
            String html = new String(bytes, StandardCharsets.UTF_8);
            String described = ImageTags.rewrite(html, images);
            if (!described.equals(html)) {
                bytes = described.getBytes(StandardCharsets.UTF_8);
            }
        }
        rendered.incrementAndGet();
        links.rendered(o.path(), fp, bytes);
        Path live = staging.out().resolve(o.path());
        if (e != null && e.size() == bytes.length && OutputManifest.intact(live, e) && sameBytes(live, bytes)) {
            // In place: rendered again but unchanged, the file (and its time) stays.
            manifest.put(o.path(), fp, e.size(), e.mtime());
            return;
        }
        writer.write(staging.dir().resolve(o.path()), bytes, (file, size, mtime) -> manifest.put(o.path(), fp, size, mtime),
                (file, ex) -> rd.error(SourcePos.of(live.toString()), "không ghi được tệp: "
                        + ex.getMessage(), "thư mục đầu ra ghi được", "kiểm tra quyền ghi và dung lượng đĩa"));
    }

    /**
     * A streamed output (open-data exports) goes straight to its staging file; its fingerprint
     * is that of its inputs when they are known, else the SHA-256 of what was written. In place,
     * one whose fingerprint did not change is dropped again.
     */
    private void stream(Output o, Digest inputs, OutputManifest.Entry e) {
        Path target = staging.dir().resolve(o.path());
        Digest fp;
        try {
            writer.ensureParent(target);
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (Writer w = new BufferedWriter(new OutputStreamWriter(new DigestOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(target), 1 << 16), md),
                    StandardCharsets.UTF_8.newEncoder()), 1 << 16)) {
                o.streamed().writeTo(w);
            }
            fp = inputs != null ? inputs : new Hasher().putString("text").putBytes(md.digest(), 0, 32).digest();
        } catch (IOException | NoSuchAlgorithmException ex) {
            rd.error(SourcePos.of(staging.out().resolve(o.path()).toString()), "không ghi được tệp: " + ex.getMessage(),
                    "thư mục đầu ra ghi được", "kiểm tra quyền ghi và dung lượng đĩa");
            return;
        }
        rendered.incrementAndGet();
        try {
            if (staging.unchanged(o.path(), e, fp)) {
                Files.delete(target);
                staging.manifest().put(o.path(), e);
                return;
            }
            BasicFileAttributes a = Files.readAttributes(target, BasicFileAttributes.class);
            staging.manifest().put(o.path(), fp, a.size(), ParallelWriter.nanos(a));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static boolean sameBytes(Path file, byte[] bytes) {
        try {
            return Arrays.equals(Files.readAllBytes(file), bytes);
        } catch (IOException e) {
            return false;
        }
    }
}
