package vn.trang.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import vn.trang.cache.BuildCache;
import vn.trang.cache.Digest;
import vn.trang.cache.Fingerprints;
import vn.trang.cache.GitChanges;
import vn.trang.diag.Diagnostic;
import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.git.History;
import vn.trang.git.RemoteSources;
import vn.trang.index.SearchPublisher;
import vn.trang.link.Catalog;
import vn.trang.link.DocumentLinker;
import vn.trang.link.UnresolvedCitation;
import vn.trang.load.ContentScanner;
import vn.trang.load.ContentSet;
import vn.trang.load.InputFiles;
import vn.trang.load.SiteRegistry;
import vn.trang.load.SiteRegistryLoader;
import vn.trang.load.SourceFile;
import vn.trang.markdown.MarkdownRenderer;
import vn.trang.model.Item;
import vn.trang.model.Site;
import vn.trang.parse.ContentParser;
import vn.trang.render.Output;
import vn.trang.render.ProcedureReview;
import vn.trang.render.Renderer;
import vn.trang.render.SitePlanner;
import vn.trang.render.Theme;
import vn.trang.text.Csv;

/**
 * Wires the stages: load → parse → link → render, into a staging folder that replaces the
 * output only when no stage reported an error.
 */
public final class Builder {

    private final MarkdownRenderer markdown = new MarkdownRenderer();
    // issue 6: sites whose content is a Git remote: fetched (build, serve) or pinned (publish)
    private final RemoteSources remotes;

    public Builder() {
        this(RemoteSources.fetching());
    }

    public Builder(RemoteSources remotes) {
        this.remotes = remotes;
    }

    public BuildResult build(BuildOptions options) {
        long start = System.nanoTime();
        // issue 7: how many warnings are listed (the rest go to the report only); a property for tests
        Diagnostics d = new Diagnostics(Integer.getInteger("trang.warnings.keep", Diagnostics.DEFAULT_KEEP));
        Path root = options.root().toAbsolutePath().normalize();
        Path out = options.out().toAbsolutePath().normalize();
        int[] counts = new int[4];
        Timings timings = new Timings();
        String[] notes = new String[1];
        List<Diagnostic> cacheWarnings = new ArrayList<>();
        boolean ok = run(options, root, out, d, counts, timings, notes, cacheWarnings);
        finishReport(ok, root, out, d);
        timings.print(System.err);
        return new BuildResult(ok, d, counts[0], counts[1], counts[2], counts[3], Duration.ofNanos(System.nanoTime() - start),
                notes[0], cacheWarnings);
    }

    private boolean run(BuildOptions options, Path root, Path out, Diagnostics d, int[] counts, Timings timings,
                        String[] notes, List<Diagnostic> cacheWarnings) {
        if (!safeOutput(root, out, d)) {
            return false;
        }
        Progress progress = options.progress();
        progress.stage("load", 0);
        // load
        Optional<SiteRegistry> registry = new SiteRegistryLoader().load(root.resolve("sites"), root, d);
        if (registry.isEmpty()) {
            return false;
        }
        if (options.site() != null && registry.get().byId(options.site()).isEmpty()) {
            d.error(SourcePos.of("sites/" + options.site() + ".yml"), "không có trang '" + options.site() + "'",
                    "mã một trang trong sites/", "xem danh sách tệp trong sites/");
            return false;
        }
        // issue 6: remote sources are cloned or fetched, then scanned like content/<id>/
        RemoteSources.Checkouts checkouts = remotes.resolve(registry.get(), root, options.site(), d);
        if (d.hasErrors()) {
            return false;
        }
        ContentSet content = checkouts.scan(
                new ContentScanner().scan(registry.get(), root.resolve("content"), root, options.site(), d), root, options.site(), d);
        refuseThemeLinks(new Theme(root.resolve("themes"), options.theme()), registry.get(), options.site(), root, d);
        timings.mark("load");
        // issue 7: the build cache (parsed items, linked bodies, the last output's manifest), or a
        // throw-away body store without it
        BuildCache cache;
        try {
            cache = options.cache() ? BuildCache.open(root) : BuildCache.disabled(root);
        } catch (IOException e) {
            d.error(SourcePos.of(root.resolve(BuildCache.FOLDER).toString()), "không mở được bộ nhớ đệm: " + e.getMessage(),
                    "thư mục dự án ghi được", "kiểm tra quyền ghi, hoặc dựng với --no-cache");
            return false;
        }
        try (cache) {
            notes[0] = cache.note();
            try {
                return run(options, root, out, d, counts, timings, notes, registry.get(), checkouts, content, cache, progress);
            } finally {
                cacheWarnings.addAll(cache.damage().warnings());
            }
        } catch (IOException e) {
            d.error(SourcePos.of(root.resolve(BuildCache.FOLDER).toString()), "không ghi được bộ nhớ đệm: " + e.getMessage(),
                    "thư mục dự án ghi được", "kiểm tra quyền ghi, hoặc dựng với --no-cache");
            return false;
        }
    }

    private boolean run(BuildOptions options, Path root, Path out, Diagnostics d, int[] counts, Timings timings,
                        String[] notes, SiteRegistry registry, RemoteSources.Checkouts checkouts, ContentSet content,
                        BuildCache cache, Progress progress) throws IOException {
        // --since REV: content files Git says are unchanged are taken from the cache unread
        Set<String> changed = null;
        if (options.since() != null && cache.enabled()) {
            try {
                GitChanges.Result g = GitChanges.since(root, options.since());
                if (cache.commit() != null && cache.commit().equals(g.since())) {
                    changed = g.changed();
                } else {
                    notes[0] = join(notes[0], "bộ nhớ đệm không phải của lần dựng " + shortId(g.since())
                            + (cache.commit() == null ? "" : " (mà của " + shortId(cache.commit()) + ")")
                            + ": mọi tệp được kiểm tra lại");
                }
            } catch (IOException e) {
                d.error(SourcePos.of(root.toString()), "--since " + options.since() + ": " + e.getMessage(),
                        "một phiên bản có trong kho Git (mã commit, nhánh, thẻ)", "kiểm tra lại tên phiên bản");
                return false;
            }
        }
        // parse
        progress.stage("parse", content.sources().size());
        Parsed parsed = parse(content.sources(), registry, cache, changed, options.threads(), d, progress);
        List<Item> items = parsed.items();
        timings.mark("parse");
        if (Timings.enabled()) {
            System.err.println("[thời gian] " + cache.stats());
        }
        if (d.hasErrors()) {
            cache.save(null, null, null, options.site() != null);
            return false;
        }
        // link
        DocumentLinker.Result linked = new DocumentLinker(registry, options.asOf(), cache.linkMemo()).link(items, d);
        if (d.hasErrors()) {
            cache.save(null, null, null, options.site() != null);
            return false;
        }
        items = linked.items();
        // issue 7: items are fingerprinted from what the cache knows of them, not walked whole
        Fingerprints fingerprints = new Fingerprints();
        if (cache.enabled()) {
            fingerprints.learnItems(items, parsed.items(), parsed.identities(), options.threads());
        }
        parsed = null; // the items as parsed may go (memory: a province's citations)
        Catalog catalog = new Catalog(registry, items, linked.procedureBasis());
        timings.mark("link");
        // render
        Theme theme = new Theme(root.resolve("themes"), options.theme());
        Path themeDisplay = root.relativize(theme.dir());
        if (!theme.exists()) {
            d.error(SourcePos.of(themeDisplay.toString()), "không tìm thấy giao diện '" + options.theme() + "'",
                    "thư mục themes/" + options.theme() + "/templates", "dùng giao diện default");
            return false;
        }
        ProcedureReview.warn(ProcedureReview.findings(catalog, catalog.procedures(), options.asOf(),
                options.reviewDays()), d);
        List<Site> sites = registry.sites().stream()
                .filter(s -> options.site() == null || s.id().equals(options.site())).toList();
        // one History for the build (one walk of each repository's log), handed to the planner
        History history = History.load(root, checkouts.workTrees(), d);
        SitePlanner planner = new SitePlanner(catalog, theme, history, options.asOf(), options.reviewDays());
        // issue 7: pages are planned, fingerprinted and rendered as a stream (never all in memory)
        OutputStage stage = new OutputStage(options, root, out, theme, themeDisplay, cache, fingerprints, d, progress,
                timings);
        OutputStage.Written w = stage.write(planner, sites, catalog, content.attachments(),
                (staging, outputs) -> writeReports(linked.unresolved(), staging) + writeSources(outputs, staging)
                        + writeWarnings(d, staging));
        cache.save(w == null ? null : w.manifest(), w == null ? null : w.index(),
                w == null ? null : GitChanges.head(root), options.site() != null);
        if (w == null) {
            return false;
        }
        timings.mark("cache");
        if (Timings.enabled()) {
            System.err.println("[thời gian] " + cache.stats() + "; " + w.summary());
        }
        counts[0] = sites.size();
        counts[1] = items.size();
        counts[2] = w.files();
        counts[3] = linked.unresolved().size();
        return true;
    }

    /** Reports every symbolic link among the theme files the build reads (the build then fails). */
    private static void refuseThemeLinks(Theme theme, SiteRegistry registry, String only, Path root, Diagnostics d) {
        List<Site> sites = registry.sites().stream().filter(s -> only == null || s.id().equals(only)).toList();
        try {
            for (Path link : theme.links(sites)) {
                InputFiles.reportLink(root.relativize(link).toString(), d);
            }
        } catch (IOException e) {
            d.error(SourcePos.of(root.relativize(theme.dir()).toString()), "không đọc được thư mục giao diện: "
                    + e.getMessage(), null, null);
        }
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }

    private static String shortId(String commit) {
        return commit.length() > 10 ? commit.substring(0, 10) : commit;
    }

    /** Where the unresolved-citation report is written, under the output root. */
    public static final String UNRESOLVED_REPORT = "_reports/trich-dan-chua-co.csv";

    /** Reports for editors, not linked from any page: numbers cited but not in the catalog. */
    static int writeReports(List<UnresolvedCitation> unresolved, Path staging) throws IOException {
        Csv csv = new Csv().row(List.of("so_hieu", "ngay_dan", "tep", "dong", "trang"));
        for (UnresolvedCitation u : unresolved) {
            csv.row(java.util.Arrays.asList(u.number(), u.date() == null ? "" : u.date().toString(), u.source(),
                    String.valueOf(u.line()), u.citedFrom()));
        }
        Path file = staging.resolve(UNRESOLVED_REPORT);
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv.toString(), java.nio.charset.StandardCharsets.UTF_8);
        return 1;
    }

    /**
     * Every warning of the build, in the terminal's format (file:line:column first), sorted: the
     * terminal lists only the first {@link Diagnostics#DEFAULT_KEEP} (issue 7: a province can
     * have hundreds of thousands), this file has them all. Written when there is any.
     */
    static int writeWarnings(Diagnostics d, Path staging) throws IOException {
        if (d.warningCount() == 0 && d.errorCount() == 0) {
            return 0;
        }
        d.writeReport(staging.resolve(Diagnostics.REPORT));
        return 1;
    }

    /**
     * After the build: the spilled warnings' file is no longer needed once the output has the
     * report; a build that failed with spilled warnings writes them to a temporary file instead
     * (the output stays as it was), so the user can still read every one.
     */
    private static void finishReport(boolean ok, Path root, Path out, Diagnostics d) {
        if (d.spilledCount() == 0) {
            return;
        }
        if (ok) {
            Path report = out.resolve(Diagnostics.REPORT);
            d.reportWrittenTo((report.startsWith(root) ? root.relativize(report) : report).toString());
        } else {
            try {
                Path tmp = Files.createTempFile("trang-canh-bao-", ".txt");
                d.writeReport(tmp);
                d.reportWrittenTo(tmp.toString());
            } catch (IOException e) {
                d.reportWrittenTo(null);
            }
        }
        d.discardSpill();
    }

    /** Which content file each page comes from, so `trang check` can point at the source line. */
    static int writeSources(List<Output> outputs, Path staging) throws IOException {
        StringBuilder sb = new StringBuilder("# trang\tnguon\tthu-muc\n");
        for (Output o : outputs) {
            if (o.origin() != null && o.origin().endsWith(".md")) {
                sb.append(o.path()).append('\t').append(o.origin()).append('\t')
                        .append(o.site() == null ? "" : vn.trang.check.InternalLinks.folderUrl(o.origin(), o.site()))
                        .append('\n');
            }
        }
        Path file = staging.resolve(vn.trang.check.SiteChecker.SOURCES);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sb.toString(), java.nio.charset.StandardCharsets.UTF_8);
        return 1;
    }

    /** Refuses output folders whose replacement would destroy sources or anything not built by Trang. */
    private static boolean safeOutput(Path root, Path out, Diagnostics d) {
        boolean bad = root.startsWith(out);
        for (String src : List.of("sites", "content", "themes", "generator", ".git")) {
            bad |= out.startsWith(root.resolve(src));
        }
        if (bad) {
            d.error(SourcePos.of(out.toString()), "thư mục đầu ra trùng hoặc chứa mã nguồn, sẽ bị ghi đè",
                    "một thư mục riêng cho kết quả, ví dụ public/", "dùng --out public");
            return false;
        }
        // A successful build replaces the output folder whole and deletes what was there: only an
        // earlier build's output (it always has the unresolved-citation report) or nothing may be.
        String what = null;
        if (Files.isSymbolicLink(out)) {
            what = "là một liên kết tượng trưng";
        } else if (Files.exists(out) && !Files.isDirectory(out)) {
            what = "là một tệp, không phải thư mục";
        } else if (Files.isDirectory(out) && !Files.isRegularFile(out.resolve(UNRESOLVED_REPORT)) && !isEmpty(out)) {
            what = "đã có nội dung không phải do trang build tạo ra";
        }
        if (what != null) {
            d.error(SourcePos.of(out.toString()), "đầu ra " + out + " " + what + "; một lần dựng thành công sẽ xóa nó",
                    "một thư mục chưa có, trống, hoặc do trang build tạo ra trước đó, ví dụ public/",
                    "dùng --out public, hoặc tự xóa, đổi tên thứ đang ở đó nếu chắc chắn không cần");
            return false;
        }
        return true;
    }

    private static boolean isEmpty(Path dir) {
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** The parsed items in the sources' order, and each one's parse identity (null: none). */
    private record Parsed(List<Item> items, List<Digest> identities) {
    }

    /**
     * Parses every content file in parallel, or recalls it from the cache when neither it, its
     * site nor an attachment it names changed; keeps the sources' order.
     *
     * @param changed with --since: the files Git says changed (others are trusted unread), else null
     */
    private Parsed parse(List<SourceFile> sources, SiteRegistry registry, BuildCache cache, Set<String> changed,
                             int threads, Diagnostics d, Progress progress) {
        ContentParser parser = new ContentParser(markdown, cache.bodies()::put);
        Fingerprints fp = new Fingerprints();
        Map<String, Digest> siteKeys = new ConcurrentHashMap<>();
        // content threads: deep stacks for the parsers' recursion, whatever the content nests
        ExecutorService pool = ContentThreads.pool(threads, "trang-parse");
        try {
            List<Future<BuildCache.Parsed>> parsing = new ArrayList<>(sources.size());
            for (SourceFile s : sources) {
                parsing.add(pool.submit(() -> {
                    Digest siteKey = siteKeys.computeIfAbsent(s.site().id(), id -> {
                        try {
                            return fp.of(s.site());
                        } catch (Fingerprints.Opaque e) {
                            return new Digest(System.nanoTime(), 0, 0, 0); // never equal: no reuse
                        }
                    });
                    boolean trusted = changed != null && !changed.contains(s.display().replace('\\', '/'));
                    BuildCache.Parsed p = cache.parse(s, parser, siteKey, id -> registry.byId(id).orElse(null), trusted);
                    p.diagnostics().forEach(d::add);
                    progress.advance(1);
                    return p;
                }));
            }
            List<Item> items = new ArrayList<>(sources.size());
            List<Digest> identities = new ArrayList<>(sources.size());
            for (Future<BuildCache.Parsed> f : parsing) {
                BuildCache.Parsed p = f.get();
                if (p.item().isPresent()) {
                    items.add(p.item().get());
                    identities.add(p.identity());
                }
            }
            return new Parsed(items, identities);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("lỗi khi đọc nội dung: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
