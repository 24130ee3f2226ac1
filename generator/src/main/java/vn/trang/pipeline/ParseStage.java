package vn.trang.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import vn.trang.cache.BuildCache;
import vn.trang.cache.Digest;
import vn.trang.cache.Fingerprints;
import vn.trang.load.SiteRegistry;
import vn.trang.load.SourceFile;
import vn.trang.markdown.MarkdownRenderer;
import vn.trang.model.Item;
import vn.trang.parse.ContentParser;

/**
 * Parse: every content file into a typed item, in parallel, or recalled from the cache when
 * neither the file, its site nor an attachment it names changed. Keeps the sources' order, and
 * only the items this build shows ({@link Visibility}: drafts, schedule). Fails
 * when any stage so far reported an error (the load stage's problems wait until here, so that a
 * run shows them together with the parse errors).
 */
final class ParseStage implements Stage<ParseStage.Input, ParseStage.Parsed> {

    /**
     * @param since which files may be taken from the cache unread ({@code --since})
     */
    record Input(List<SourceFile> sources, SiteRegistry registry, SinceRevision since) {
    }

    /** The parsed items in the sources' order, and each one's parse identity (null: none). */
    record Parsed(List<Item> items, List<Digest> identities) {
    }

    private final BuildContext ctx;
    private final BuildCache cache;
    private final MarkdownRenderer markdown;

    ParseStage(BuildContext ctx, BuildCache cache, MarkdownRenderer markdown) {
        this.ctx = ctx;
        this.cache = cache;
        this.markdown = markdown;
    }

    @Override
    public String name() {
        return "parse";
    }

    @Override
    public Parsed run(Input in) throws BuildFailed {
        ctx.progress().stage("parse", in.sources().size());
        Parsed parsed = Visibility.apply(parse(in), ctx.options(), ctx.diagnostics(), ctx.due());
        ctx.timings().note(cache.stats());
        ctx.stopOnErrors();
        return parsed;
    }

    private Parsed parse(Input in) {
        ContentParser parser = new ContentParser(markdown, cache.bodies()::put);
        Fingerprints fp = new Fingerprints();
        Map<String, Digest> siteKeys = new ConcurrentHashMap<>();
        // content threads: deep stacks for the parsers' recursion, whatever the content nests
        ExecutorService pool = ContentThreads.pool(ctx.threads(), "trang-parse");
        try {
            List<Future<BuildCache.Parsed>> parsing = new ArrayList<>(in.sources().size());
            for (SourceFile s : in.sources()) {
                parsing.add(pool.submit(() -> {
                    Digest siteKey = siteKeys.computeIfAbsent(s.site().id(), id -> {
                        try {
                            return fp.of(s.site());
                        } catch (Fingerprints.Opaque e) {
                            return new Digest(System.nanoTime(), 0, 0, 0); // never equal: no reuse
                        }
                    });
                    BuildCache.Parsed p = cache.parse(s, parser, siteKey, id -> in.registry().byId(id).orElse(null),
                            in.since().unchanged(s));
                    p.diagnostics().forEach(ctx.diagnostics()::add);
                    ctx.progress().advance(1);
                    return p;
                }));
            }
            List<Item> items = new ArrayList<>(in.sources().size());
            List<Digest> identities = new ArrayList<>(in.sources().size());
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
