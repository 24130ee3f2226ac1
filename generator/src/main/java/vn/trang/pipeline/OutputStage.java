package vn.trang.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import vn.trang.cache.BuildCache;
import vn.trang.cache.Digest;
import vn.trang.cache.Fingerprints;
import vn.trang.cache.Hasher;
import vn.trang.cache.IndexUpdate;
import vn.trang.cache.OutputManifest;
import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.files.OutputSwap;
import vn.trang.files.ParallelWriter;
import vn.trang.index.SearchFiles;
import vn.trang.index.SearchPublisher;
import vn.trang.link.Catalog;
import vn.trang.load.Attachment;
import vn.trang.load.InputFiles;
import vn.trang.model.Item;
import vn.trang.model.Site;
import vn.trang.render.Output;
import vn.trang.render.PageView;
import vn.trang.render.Renderer;
import vn.trang.render.SitePlanner;
import vn.trang.render.Theme;

/**
 * The last stage of a build: pages, attachments, assets, reports and the search index into the
 * output folder (issue 7).
 *
 * <p><b>Whole</b> (no cache, a new output folder, or a folder the cache does not know): every file
 * is written into a staging folder beside the output, which replaces it in one rename when
 * nothing failed — as before.
 *
 * <p><b>In place</b> (the cache's manifest describes the output folder as it is): each page's
 * model is fingerprinted ({@link Fingerprints}) and a page whose fingerprint and file are those of
 * the last build is kept as it is; the others are rendered, and written only when their bytes
 * differ. Everything new goes to a staging folder first; only when the build has no error are the
 * changed files moved into the output one by one (each move is atomic: a reader sees the old file
 * or the new one), removed pages deleted, and the new manifest saved. A build stopped half-way
 * through that step leaves a mark, and the next build writes the output whole.
 *
 * <p>Either way the output is byte for byte what a whole build writes (the search index holds the
 * same documents; see {@code IndexUpdate}).
 */
final class OutputStage {

    /** What was written: the new manifest and index state, the file count for the summary. */
    record Written(OutputManifest manifest, BuildCache.IndexState index, int files, String summary) {
    }

    /** Files written besides pages, assets and search files (reports), into the staging folder. */
    interface Extras {
        /** @param outputs every page and file planned (paths and origins only: models are gone) */
        int write(Path staging, List<Output> outputs) throws IOException;
    }

    private static final String INDEX_DIR = SearchFiles.FOLDER + "/index";

    private final BuildOptions options;
    private final Path out;
    private final Theme theme;
    private final Path themeDisplay;
    private final BuildCache cache;
    private final Diagnostics d;
    private final Progress progress;
    private final Timings timings;
    private final Fingerprints fingerprints;
    /** Issue 8: the cheap link check, fed by {@link Pages#process}; set by {@link #write}. */
    private vn.trang.check.InternalLinks links;

    /** @param fingerprints the build's, which may know its items already ({@link Fingerprints#learnItems}) */
    OutputStage(BuildOptions options, Path root, Path out, Theme theme, Path themeDisplay, BuildCache cache,
                Fingerprints fingerprints, Diagnostics d, Progress progress, Timings timings) {
        this.fingerprints = fingerprints;
        this.options = options;
        this.out = out;
        this.theme = theme;
        this.themeDisplay = themeDisplay;
        this.cache = cache;
        this.d = d;
        this.progress = progress;
        this.timings = timings;
    }

    /**
     * Plans every site's outputs with {@code planner}, fingerprints and renders them as they come,
     * then writes assets, reports, search files and the index, and puts everything in place.
     *
     * @return what was written, or null when the build failed (the output is then untouched)
     */
    Written write(SitePlanner planner, List<Site> sites, Catalog catalog, List<Attachment> attachments, Extras extras)
            throws IOException {
        OutputManifest prev = cache.manifest();
        boolean inPlace = cache.enabled() && prev.describes(out);
        Path staging;
        try {
            staging = OutputSwap.stagingFor(out);
        } catch (IOException e) {
            d.error(SourcePos.of(out.toString()), "không tạo được thư mục tạm: " + e.getMessage(), "thư mục ghi được",
                    "kiểm tra quyền ghi");
            return null;
        }
        boolean swapped = false;
        try {
            Files.createDirectories(SearchFiles.inOutput(staging).root());
            OutputManifest.Builder manifest = new OutputManifest.Builder();
            // 1. pages, planned site by site and rendered as they come; render problems wait in
            // their own list: a URL collision found at the end is the only error then (as always)
            Diagnostics rendering = new Diagnostics();
            // issue 8: every page's links and ids, as pages are rendered or kept (the last build's
            // records for kept pages, when the output is updated in place)
            links = vn.trang.check.InternalLinks.forBuild(options.root().toAbsolutePath().normalize(), out, theme.dir(),
                    catalog.registry().sites(), sites);
            if (inPlace) {
                links.load(cache.dir().resolve(vn.trang.check.InternalLinks.STORE), cache.damage());
            }
            Pages pages = new Pages(staging, manifest, inPlace ? prev : null, rendering, prev.size());
            List<Output> planned;
            try {
                planned = pages.run(planner, sites);
            } finally {
                pages.close();
            }
            timings.mark("plan+render");
            if (!Renderer.checkCollisions(planned, d)) {
                return null;
            }
            d.addAll(rendering);
            Set<String> paths = new HashSet<>(planned.size() * 2);
            for (Output o : planned) {
                paths.add(o.path());
            }
            // 2. assets, attachments, reports, search files
            int files = extras(sites, planned, pages.layoutPages(), attachments, paths, extras, staging, manifest,
                    inPlace ? prev : null);
            // 2b. issue 8: broken internal links, anchors, missing files fail the build here,
            // before the index and before anything is put in place (vn.trang.check.InternalLinks)
            if (!links.check(p -> manifest.contains(p) || paths.contains(p), planned, d)) {
                return null;
            }
            timings.mark("extras+links");
            // 3. the search index
            List<Item> indexed = SearchPublisher.indexed(catalog, sites);
            BuildCache.IndexState index = cache.enabled() ? indexState(indexed) : null;
            String indexHow = index(catalog, sites, indexed, index, staging, inPlace ? prev : null);
            timings.mark("index");
            if (d.hasErrors()) {
                return null;
            }
            files += planned.size();
            // 4. into place
            if (inPlace) {
                cache.markApplying();
                apply(staging, prev, manifest, indexHow.equals("kept") ? null : staging.resolve(INDEX_DIR));
            } else {
                recordTree(staging.resolve(INDEX_DIR), INDEX_DIR + "/", manifest);
                OutputSwap.replace(staging, out);
                swapped = true;
            }
            if (cache.enabled() && !indexHow.equals("kept")) {
                keepIndexCopy();
            }
            timings.mark("swap");
            if (cache.enabled()) {
                links.save(cache.dir().resolve(vn.trang.check.InternalLinks.STORE)); // issue 8: for kept pages next time
            }
            String summary = (inPlace ? "ghi tại chỗ" : "ghi toàn bộ") + ": tạo " + pages.rendered() + "/" + planned.size()
                    + " trang, bỏ qua " + pages.opaque() + " không so được; chỉ mục " + indexHow + "; " + links.summary();
            return new Written(cache.enabled() ? manifest.build(out) : null, index, files, summary);
        } catch (IOException | UncheckedIOException e) {
            IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            d.error(SourcePos.of(out.toString()), "không ghi được đầu ra: " + io.getMessage(), "thư mục ghi được",
                    "kiểm tra quyền ghi và dung lượng đĩa");
            return null;
        } finally {
            if (!swapped) {
                OutputSwap.deleteTree(staging);
            }
        }
    }

    // ---- fingerprints --------------------------------------------------------------------------

    private final Map<String, Digest> templateKeys = new ConcurrentHashMap<>();
    private final Map<String, String> siteTemplateKeys = new ConcurrentHashMap<>();

    /** Every file of the templates a site's pages are made with (its overrides first). */
    private Digest templatesKey(Site site) {
        Path own = theme.overrideDir(site).resolve("templates");
        // issue 7: one look at the folder per site, not per page
        String key = siteTemplateKeys.computeIfAbsent(site.id(), id -> Files.isDirectory(own) ? id : "");
        return templateKeys.computeIfAbsent(key, k -> {
            Hasher h = new Hasher().putString("templates").putString(java.util.TimeZone.getDefault().getID())
                    .putString(java.util.Locale.getDefault().toLanguageTag());
            try {
                if (!k.isEmpty()) {
                    hashTree(h, own);
                }
                h.putString("|");
                hashTree(h, theme.dir().resolve("templates"));
            } catch (IOException e) {
                h.putLong(System.nanoTime()); // unreadable: never equal
            }
            return h.digest();
        });
    }

    private static void hashTree(Hasher h, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(InputFiles::isRegularFile).sorted().toList()) {
                byte[] b = InputFiles.readAllBytes(p);
                h.putString(dir.relativize(p).toString()).putBytes(b, 0, b.length);
            }
        }
    }

    /** An output's fingerprint, or null when its model cannot be fingerprinted (it is always rendered). */
    private Digest fingerprint(Output o) {
        Hasher h = new Hasher();
        if (o.text() != null) {
            return h.putString("text").putString(o.text()).digest();
        }
        try {
            return h.putString("page").putString(o.template()).putDigest(templatesKey(o.site()))
                    .putDigest(fingerprints.of(o.view())).digest();
        } catch (Fingerprints.Opaque e) {
            return null;
        }
    }

    /** A streamed output's fingerprint from what it is made of, or null when that is not known. */
    private Digest inputsFingerprint(Output o) {
        if (o.inputs() == null) {
            return null;
        }
        try {
            return new Hasher().putString("streamed").putString(o.path()).putDigest(fingerprints.of(o.inputs())).digest();
        } catch (Fingerprints.Opaque e) {
            return null;
        }
    }

    // ---- extras --------------------------------------------------------------------------------

    private int extras(List<Site> sites, List<Output> outputs, List<Output> layoutPages, List<Attachment> attachments,
                       Set<String> planned, Extras extras, Path staging, OutputManifest.Builder manifest,
                       OutputManifest prev) throws IOException {
        int n = OutputSwap.copyTree(theme.dir().resolve("static"), staging.resolve("_assets"));
        for (Site s : sites) {
            String url = theme.assetsUrl(s);
            if (!url.equals("/_assets/")) {
                for (Path dir : theme.staticDirs(s)) {
                    n += OutputSwap.copyTree(dir, staging.resolve(url.substring(1)));
                }
            }
        }
        n += extras.write(staging, outputs);
        n += new SearchPublisher(theme, options.threads()).writeFiles(sites, layoutPages, staging);
        // everything above is small: recorded (and, in place, compared) file by file; pages are
        // in the manifest already, with their fingerprints
        recordTree(staging, "", manifest, true);
        // attachments: copied unless the output already has this very file
        try (ParallelWriter w = new ParallelWriter()) {
            for (Attachment a : attachments) {
                Path target = staging.resolve(a.outputPath());
                if (planned.contains(a.outputPath()) || manifest.contains(a.outputPath())) {
                    d.error(SourcePos.of(a.path().toString()), "tệp đính kèm trùng đường dẫn với một trang đã tạo: /"
                                    + a.outputPath(), "tên tệp đính kèm khác tên các trang", "đổi tên tệp đính kèm");
                    continue;
                }
                n++;
                Digest fp = attachmentKey(a);
                OutputManifest.Entry e = prev == null ? null : prev.get(a.outputPath());
                if (fp != null && e != null && fp.equals(e.fingerprint()) && OutputManifest.intact(out.resolve(a.outputPath()), e)) {
                    manifest.put(a.outputPath(), e);
                    continue;
                }
                w.run(() -> {
                    w.ensureParent(target);
                    InputFiles.copy(a.path(), target, StandardCopyOption.COPY_ATTRIBUTES);
                    BasicFileAttributes at = Files.readAttributes(target, BasicFileAttributes.class);
                    manifest.put(a.outputPath(), fp, at.size(), ParallelWriter.nanos(at));
                });
            }
            w.await();
        }
        return n;
    }

    private Digest attachmentKey(Attachment a) {
        if (!cache.enabled()) {
            return null;
        }
        try {
            BasicFileAttributes at = Files.readAttributes(a.path(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            // the copy keeps the source's time, so the time is part of what the output holds
            return new Hasher().putString("attachment").putString(a.path().toString()).putLong(at.size())
                    .putLong(ParallelWriter.nanos(at)).putString(String.valueOf(at.fileKey())).digest();
        } catch (IOException e) {
            return null;
        }
    }

    /** Adds every file under {@code dir} to the manifest as {@code prefix + relative path}, without fingerprint. */
    private static void recordTree(Path dir, String prefix, OutputManifest.Builder manifest) throws IOException {
        recordTree(dir, prefix, manifest, false);
    }

    /** @param skipKnown leave files the manifest has already (pages) as they are */
    private static void recordTree(Path dir, String prefix, OutputManifest.Builder manifest, boolean skipKnown)
            throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                String rel = prefix + dir.relativize(file).toString().replace('\\', '/');
                if (!skipKnown || !manifest.contains(rel)) {
                    manifest.put(rel, null, a.size(), ParallelWriter.nanos(a));
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    // ---- index ---------------------------------------------------------------------------------

    private BuildCache.IndexState indexState(List<Item> items) {
        List<String> urls = new ArrayList<>(items.size());
        Digest[] fps = fingerprints.ofEach(items, options.threads());
        for (int i = 0; i < fps.length; i++) {
            if (fps[i] == null) {
                fps[i] = new Digest(System.nanoTime(), i, -1, -1); // opaque: never equal
            }
        }
        for (Item i : items) {
            urls.add(i.url());
        }
        return new BuildCache.IndexState(urls, Arrays.asList(fps));
    }

    /**
     * Writes, reuses or updates the search index.
     *
     * @return how: "kept" (in place, unchanged), "reused", "updated (n)", "built"
     */
    private String index(Catalog catalog, List<Site> sites, List<Item> indexed, BuildCache.IndexState now, Path staging,
                         OutputManifest prev) throws IOException {
        BuildCache.IndexState before = cache.index();
        if (before != null && now.equals(before) && prev != null && Files.isDirectory(cache.indexCopy())
                && indexIntact(prev)) {
            return "kept";
        }
        // the copy's files are hashed before they are used again (see BuildCache.verifiedIndexCopy)
        Path copy = before == null ? null : cache.verifiedIndexCopy();
        boolean haveCopy = copy != null;
        if (haveCopy && now.equals(before)) {
            IndexUpdate.linkFiles(copy, staging.resolve(INDEX_DIR));
            return "reused";
        }
        if (haveCopy && now.urls().equals(before.urls())) {
            List<Integer> changed = new ArrayList<>();
            for (int i = 0; i < now.items().size(); i++) {
                if (!now.items().get(i).equals(before.items().get(i))) {
                    changed.add(i);
                }
            }
            // Replacing documents is worth it while few changed; a fresh index is better for many.
            if (changed.size() <= Math.max(50, indexed.size() / 20)) {
                Path dir = staging.resolve(INDEX_DIR);
                try {
                    IndexUpdate.linkFiles(copy, dir);
                    IndexUpdate.update(dir, indexed, changed);
                    return "updated (" + changed.size() + ")";
                } catch (IOException | RuntimeException e) {
                    OutputSwap.deleteTree(dir);
                }
            }
        }
        try {
            new SearchPublisher(theme, options.threads()).writeIndex(catalog, sites, staging);
        } catch (IOException e) {
            d.error(SourcePos.of(staging.resolve(SearchFiles.FOLDER).toString()),
                    "không ghi được chỉ mục tìm kiếm: " + e.getMessage(), "thư mục đầu ra ghi được",
                    "kiểm tra quyền ghi và dung lượng đĩa");
        }
        return "built";
    }

    /** Whether the output's index is the one the manifest recorded, file for file. */
    private boolean indexIntact(OutputManifest prev) {
        int n = 0;
        for (Map.Entry<String, OutputManifest.Entry> e : prev.files().entrySet()) {
            if (e.getKey().startsWith(INDEX_DIR + "/")) {
                n++;
                if (!OutputManifest.intact(out.resolve(e.getKey()), e.getValue())) {
                    return false;
                }
            }
        }
        if (n == 0) {
            return false;
        }
        try (Stream<Path> s = Files.list(out.resolve(INDEX_DIR))) {
            return s.count() == n;
        } catch (IOException e) {
            return false;
        }
    }

    /** Keeps hard links to the output's new index files in the cache, for the next build. */
    private void keepIndexCopy() throws IOException {
        cache.keepIndex(out.resolve(INDEX_DIR));
    }

    // ---- pages ---------------------------------------------------------------------------------

    /**
     * The page stream: outputs come from the planner one by one; each is fingerprinted, kept (in
     * place, unchanged) or rendered on a worker, and forgotten but for its path and origin.
     */
    private final class Pages implements AutoCloseable {
        private final Path staging;
        private final OutputManifest.Builder manifest;
        private final OutputManifest prev;
        private final Diagnostics rd;
        private final Renderer renderer = new Renderer(theme, themeDisplay, 1);
        private final Set<String> reported = ConcurrentHashMap.newKeySet();
        private final ParallelWriter writer = new ParallelWriter();
        private final java.util.concurrent.ExecutorService workers;
        private final java.util.concurrent.Semaphore inFlight;
        private final AtomicInteger rendered = new AtomicInteger();
        private final AtomicInteger opaque = new AtomicInteger();
        private final java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        private final List<Output> planned = new ArrayList<>();
        /** Per site: the first page with the layout model, and its 404 page (for the search files). */
        private final Map<String, Output> firstLayout = new java.util.LinkedHashMap<>();
        private final Map<String, Output> notFound = new java.util.LinkedHashMap<>();

        Pages(Path staging, OutputManifest.Builder manifest, OutputManifest prev, Diagnostics rd, int expected) {
            this.staging = staging;
            this.manifest = manifest;
            this.prev = prev;
            this.rd = rd;
            AtomicInteger n = new AtomicInteger();
            this.workers = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, options.threads()), r -> {
                Thread t = new Thread(r, "trang-render-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            this.inFlight = new java.util.concurrent.Semaphore(Math.max(1, options.threads()) * 32);
            progress.stage("render", expected);
        }

        List<Output> run(SitePlanner planner, List<Site> sites) throws IOException {
            List<Output> sink = new java.util.AbstractList<>() {
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
            inFlight.acquireUninterruptibly(Math.max(1, options.threads()) * 32); // all done
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
            if (o.streamed() != null) {
                // An export whose inputs are those of the last build is not made again (issue 7: at
                // 10,000 pages, a one-file edit spent a third of its render time remaking them).
                Digest inputs = cache.enabled() ? inputsFingerprint(o) : null;
                OutputManifest.Entry e = prev == null ? null : prev.get(o.path());
                if (inputs != null && e != null && inputs.equals(e.fingerprint())
                        && OutputManifest.intact(out.resolve(o.path()), e)) {
                    manifest.put(o.path(), e);
                    return;
                }
                stream(o, inputs);
                return;
            }
            Digest fp = cache.enabled() ? fingerprint(o) : null;
            if (cache.enabled() && fp == null) {
                opaque.incrementAndGet();
            }
            OutputManifest.Entry e = prev == null ? null : prev.get(o.path());
            if (fp != null && e != null && fp.equals(e.fingerprint()) && OutputManifest.intact(out.resolve(o.path()), e)) {
                manifest.put(o.path(), e);
                links.kept(o.path(), fp); // issue 8
                return;
            }
            byte[] bytes = renderer.renderOne(o, rd, reported);
            if (bytes == null) {
                return;
            }
            rendered.incrementAndGet();
            links.rendered(o.path(), fp, bytes); // issue 8
            if (e != null && e.size() == bytes.length && OutputManifest.intact(out.resolve(o.path()), e)
                    && sameBytes(out.resolve(o.path()), bytes)) {
                // In place: rendered again but unchanged, the file (and its time) stays.
                manifest.put(o.path(), fp, e.size(), e.mtime());
                return;
            }
            writer.write(staging.resolve(o.path()), bytes, (file, size, mtime) -> manifest.put(o.path(), fp, size, mtime),
                    (file, ex) -> rd.error(SourcePos.of(out.resolve(o.path()).toString()), "không ghi được tệp: "
                            + ex.getMessage(), "thư mục đầu ra ghi được", "kiểm tra quyền ghi và dung lượng đĩa"));
        }

        /**
         * A streamed output (open-data exports) goes straight to its staging file; its fingerprint
         * is that of its inputs when they are known, else the SHA-256 of what was written. In place,
         * one whose fingerprint did not change is dropped again.
         */
        private void stream(Output o, Digest inputs) {
            Path target = staging.resolve(o.path());
            Digest fp;
            try {
                writer.ensureParent(target);
                java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
                try (java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(
                        new java.security.DigestOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(target),
                                1 << 16), md), java.nio.charset.StandardCharsets.UTF_8.newEncoder()), 1 << 16)) {
                    o.streamed().writeTo(w);
                }
                fp = inputs != null ? inputs : new Hasher().putString("text").putBytes(md.digest(), 0, 32).digest();
            } catch (IOException | java.security.NoSuchAlgorithmException e) {
                rd.error(SourcePos.of(out.resolve(o.path()).toString()), "không ghi được tệp: " + e.getMessage(),
                        "thư mục đầu ra ghi được", "kiểm tra quyền ghi và dung lượng đĩa");
                return;
            }
            rendered.incrementAndGet();
            OutputManifest.Entry e = prev == null ? null : prev.get(o.path());
            try {
                if (e != null && fp.equals(e.fingerprint()) && OutputManifest.intact(out.resolve(o.path()), e)) {
                    Files.delete(target);
                    manifest.put(o.path(), e);
                    return;
                }
                BasicFileAttributes a = Files.readAttributes(target, BasicFileAttributes.class);
                manifest.put(o.path(), fp, a.size(), ParallelWriter.nanos(a));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        /** What the search files need of each site: a page with the layout, its 404 page preferred. */
        List<Output> layoutPages() {
            List<Output> l = new ArrayList<>();
            firstLayout.forEach((site, o) -> l.add(notFound.getOrDefault(site, o)));
            return l;
        }

        int rendered() {
            return rendered.get();
        }

        int opaque() {
            return opaque.get();
        }

        @Override
        public void close() {
            workers.shutdown();
            writer.close();
            fingerprints.clear();
        }
    }

    private static boolean sameBytes(Path file, byte[] bytes) {
        try {
            return Arrays.equals(Files.readAllBytes(file), bytes);
        } catch (IOException e) {
            return false;
        }
    }

    // ---- in place ------------------------------------------------------------------------------

    /**
     * Moves what the staging folder holds into the output (files whose bytes did not change stay
     * as they are), replaces the index folder when a new one was made, and deletes the files of the
     * last build this one no longer makes.
     */
    private void apply(Path staging, OutputManifest prev, OutputManifest.Builder manifest, Path newIndex) throws IOException {
        List<Path> staged = new ArrayList<>();
        Path skip = newIndex;
        Files.walkFileTree(staging, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(skip) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                staged.add(file);
                return FileVisitResult.CONTINUE;
            }
        });
        Set<Path> made = new HashSet<>();
        for (Path f : staged) {
            String rel = staging.relativize(f).toString().replace('\\', '/');
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
        if (newIndex != null) {
            Path live = out.resolve(INDEX_DIR);
            Path old = live.resolveSibling(".index-old-" + System.nanoTime());
            if (Files.exists(live)) {
                Files.move(live, old);
            }
            Files.createDirectories(live.getParent());
            Files.move(newIndex, live);
            OutputSwap.deleteTree(old);
            for (String k : new ArrayList<>(prev.files().keySet())) {
                if (k.startsWith(INDEX_DIR + "/")) {
                    manifest.remove(k);
                }
            }
            recordTree(live, INDEX_DIR + "/", manifest);
        } else {
            // kept: the old index's entries carry over
            prev.files().forEach((k, v) -> {
                if (k.startsWith(INDEX_DIR + "/")) {
                    manifest.put(k, v);
                }
            });
        }
        // what the last build made and this one does not
        for (String k : prev.files().keySet()) {
            if (!manifest.contains(k) && !k.startsWith(INDEX_DIR + "/")) {
                Path f = out.resolve(k);
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    // a folder now stands there: leave it
                }
                prune(f.getParent());
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
    private void prune(Path dir) {
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
