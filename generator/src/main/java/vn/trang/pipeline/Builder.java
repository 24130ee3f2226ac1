package vn.trang.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import vn.trang.cache.BuildCache;
import vn.trang.cache.GitChanges;
import vn.trang.cache.OutputManifest;
import vn.trang.check.InternalLinks;
import vn.trang.diag.Diagnostic;
import vn.trang.diag.SourcePos;
import vn.trang.git.RemoteSources;
import vn.trang.markdown.MarkdownRenderer;

/**
 * Builds a project: the stages below in order, each a {@link Stage} with a typed input and
 * output, timed under its name ({@link Timings}).
 *
 * <pre>
 * LoadStage → ParseStage → LinkStage → ImageStage → RenderStage → FilesStage → LinkCheckStage → IndexStage → SwapStage
 * load        parse        link        images       plan+render   files        check            index        swap
 * </pre>
 *
 * and the build cache is saved (timed as {@code cache}). The link check comes before the index so
 * that a broken link fails the build before its slowest stage.
 *
 * <p>The output stages write into a {@link Staging} folder beside the output; the swap puts it in
 * place only when no stage reported an error, so a failed build leaves the output as it was. The
 * build cache ({@code .trang-cache/}) lets parse, link, render and index reuse the last build's
 * work; what they write is byte for byte what a build without it writes.
 */
public final class Builder {

    /** Where the unresolved-citation report is written, under the output root. */
    public static final String UNRESOLVED_REPORT = "_reports/trich-dan-chua-co.csv";

    private final MarkdownRenderer markdown = new MarkdownRenderer();
    /** Sites whose content is a Git remote: fetched (build, serve) or pinned to commits (publish). */
    private final RemoteSources remotes;
    /** Told of each successful build's {@link PreviewBasis} ({@code trang serve}); null: none is kept. */
    private final Consumer<PreviewBasis> previews;

    public Builder() {
        this(RemoteSources.fetching());
    }

    public Builder(RemoteSources remotes) {
        this(remotes, null);
    }

    /** @param previews told of what each successful build leaves for previews of one more entry */
    public Builder(RemoteSources remotes, Consumer<PreviewBasis> previews) {
        this.remotes = remotes;
        this.previews = previews;
    }

    public BuildResult build(BuildOptions options) {
        long start = System.nanoTime();
        BuildContext ctx = BuildContext.start(options);
        Outcome outcome = run(ctx);
        Reports.finish(outcome.ok(), ctx);
        ctx.timings().print(System.err);
        return outcome.result(ctx, Duration.ofNanos(System.nanoTime() - start));
    }

    // ---- the pipeline --------------------------------------------------------------------------

    /** Load, then everything else with the build cache open. */
    private Outcome run(BuildContext ctx) {
        LoadStage.Loaded loaded;
        try {
            OutputFolder.refuseUnsafe(ctx);
            loaded = ctx.timed(new LoadStage(ctx, remotes), ctx.options());
        } catch (BuildFailed e) {
            return Outcome.FAILED;
        } catch (IOException e) {
            ctx.diagnostics().error(SourcePos.of(ctx.root().toString()), "không đọc được dự án: " + e.getMessage(),
                    null, null);
            return Outcome.FAILED;
        }
        BuildCache cache;
        try {
            cache = ctx.options().cache() ? BuildCache.open(ctx.root()) : BuildCache.disabled(ctx.root());
        } catch (IOException e) {
            cacheError(ctx, "không mở được bộ nhớ đệm: ", e);
            return Outcome.FAILED;
        }
        String note = cache.note();
        Counts counts = null;
        List<Diagnostic> damage = List.of();
        try (cache) {
            try {
                SinceRevision since = SinceRevision.resolve(ctx, cache);
                note = since.note() == null ? note : note == null ? since.note() : note + "; " + since.note();
                counts = withCache(ctx, loaded, since, cache);
            } catch (BuildFailed e) {
                // the errors are in the diagnostics
            } finally {
                damage = cache.damage().warnings();
            }
        } catch (IOException e) {
            cacheError(ctx, "không ghi được bộ nhớ đệm: ", e);
            counts = null;
        }
        return new Outcome(counts, note, damage);
    }

    /** The stages after load; the cache is saved whether they succeed or not (a failure keeps the last output's records). */
    private Counts withCache(BuildContext ctx, LoadStage.Loaded loaded, SinceRevision since, BuildCache cache)
            throws BuildFailed, IOException {
        Read read;
        Written written;
        try {
            read = read(ctx, loaded, since, cache);
            written = write(ctx, loaded, read.linked(), cache);
        } catch (BuildFailed e) {
            cache.save(null, null, null, ctx.oneSite());
            throw e;
        }
        LinkStage.Linked linked = read.linked();
        if (previews != null) {
            previews.accept(new PreviewBasis(ctx.options(), ctx.root(), loaded.registry(), loaded.theme(), read.parsed()));
        }
        cache.save(written.manifest(), written.index(), GitChanges.head(ctx.root()), ctx.oneSite());
        ctx.timings().mark("cache");
        ctx.timings().note(cache.stats() + "; " + written.summary());
        return new Counts(loaded.sites().size(), linked.items().size(), written.files(), linked.unresolved().size());
    }

    /**
     * Parse, then link; the items as parsed are not held past linking (memory: a province's
     * citations) unless previews need them.
     */
    private Read read(BuildContext ctx, LoadStage.Loaded loaded, SinceRevision since, BuildCache cache)
            throws BuildFailed, IOException {
        ParseStage.Parsed parsed = ctx.timed(new ParseStage(ctx, cache, markdown),
                new ParseStage.Input(loaded.content().sources(), loaded.registry(), since));
        List<vn.trang.model.Item> kept = previews == null ? null : parsed.items();
        return new Read(ctx.timed(new LinkStage(ctx, cache), new LinkStage.Input(loaded.registry(), parsed)), kept);
    }

    /** The linked items, and the items as parsed when previews keep them (else null). */
    private record Read(LinkStage.Linked linked, List<vn.trang.model.Item> parsed) {
    }

    /** Plan and render, files, link check, index, swap: through a staging folder that is gone afterwards. */
    private Written write(BuildContext ctx, LoadStage.Loaded loaded, LinkStage.Linked linked, BuildCache cache)
            throws BuildFailed {
        try (Staging staging = Staging.open(ctx, cache)) {
            ImageStage.Images images = ctx.timed(new ImageStage(ctx, cache),
                    new ImageStage.Input(loaded.content().attachments(), linked.items(), staging));
            RenderStage.Rendered pages = ctx.timed(new RenderStage(ctx, cache),
                    new RenderStage.Input(loaded, linked, staging, images.catalog()));
            FilesStage.Copied files = ctx.timed(new FilesStage(ctx, cache),
                    new FilesStage.Input(loaded, linked, pages, staging, images.handled()));
            InternalLinks links = ctx.timed(new LinkCheckStage(ctx), new LinkCheckStage.Input(pages, staging));
            IndexStage.Indexed index = ctx.timed(new IndexStage(ctx, cache),
                    new IndexStage.Input(loaded, linked, staging));
            OutputManifest manifest = ctx.timed(new SwapStage(ctx, cache), new SwapStage.Input(staging, links, index));
            String summary = (staging.inPlace() ? "ghi tại chỗ" : "ghi toàn bộ") + ": tạo " + pages.rendered() + "/"
                    + pages.planned().size() + " trang, bỏ qua " + pages.opaque() + " không so được; chỉ mục "
                    + index.describe() + "; " + links.summary();
            return new Written(manifest, index.state(), images.files() + files.files() + pages.planned().size(),
                    summary);
        } catch (IOException | UncheckedIOException e) {
            IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            ctx.diagnostics().error(SourcePos.of(ctx.out().toString()), "không ghi được đầu ra: " + io.getMessage(),
                    "thư mục ghi được", "kiểm tra quyền ghi và dung lượng đĩa");
            throw new BuildFailed();
        }
    }

    // ---- results -------------------------------------------------------------------------------

    /**
     * What the output stages did.
     *
     * @param manifest the output's manifest now (null without the cache)
     * @param index    the search index's state now (null without the cache)
     * @param files    files in the output
     * @param summary  for {@code TRANG_TIMINGS}: pages rendered and kept, how the index was made
     */
    private record Written(OutputManifest manifest, BuildCache.IndexState index, int files, String summary) {
    }

    /** What a successful build made, for its summary line. */
    private record Counts(int sites, int items, int files, int unresolvedCitations) {
    }

    /**
     * @param counts        null when the build failed
     * @param note          what the cache has to say, or null
     * @param cacheWarnings damaged cache records dropped
     */
    private record Outcome(Counts counts, String note, List<Diagnostic> cacheWarnings) {

        static final Outcome FAILED = new Outcome(null, null, List.of());

        boolean ok() {
            return counts != null;
        }

        BuildResult result(BuildContext ctx, Duration took) {
            Counts c = ok() ? counts : new Counts(0, 0, 0, 0);
            return new BuildResult(ok(), ctx.diagnostics(), c.sites(), c.items(), c.files(), c.unresolvedCitations(),
                    took, note, cacheWarnings, ctx.timings().stages(), ok() ? ctx.due() : List.of());
        }
    }

    private static void cacheError(BuildContext ctx, String what, IOException e) {
        ctx.diagnostics().error(SourcePos.of(ctx.root().resolve(BuildCache.FOLDER).toString()), what + e.getMessage(),
                "thư mục dự án ghi được", "kiểm tra quyền ghi, hoặc dựng với --no-cache");
    }
}
