package vn.trang.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vn.trang.cache.BuildCache;
import vn.trang.check.InternalLinks;
import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.git.History;
import vn.trang.image.ImageCatalog;
import vn.trang.link.Catalog;
import vn.trang.model.Site;
import vn.trang.render.Output;
import vn.trang.render.ProcedureReview;
import vn.trang.render.Renderer;
import vn.trang.render.SitePlanner;
import vn.trang.render.Theme;

/**
 * Plan and render: every site's outputs are planned ({@link SitePlanner}), fingerprinted and
 * rendered as they come ({@link PageStream}) into the staging folder, or kept when the output
 * already has them. Every page's links and ids are recorded for the link check. Fails on a
 * missing theme or two outputs with one URL; template problems are added to the build's
 * diagnostics afterwards and fail it before the swap.
 */
final class RenderStage implements Stage<RenderStage.Input, RenderStage.Rendered> {

    /** @param images the processed images: pages describe them (sizes, narrower copies) */
    record Input(LoadStage.Loaded loaded, LinkStage.Linked linked, Staging staging, ImageCatalog images) {
    }

    /**
     * What was planned and rendered.
     *
     * @param planned     every output, without its model (path, template, origin)
     * @param paths       the outputs' paths
     * @param layoutPages per site, a page with the layout (its 404 page when it has one), for the search files
     * @param rendered    pages rendered (the others were kept)
     * @param opaque      pages whose model could not be fingerprinted
     * @param links       every page's links and ids, for the link check
     */
    record Rendered(List<Output> planned, Set<String> paths, List<Output> layoutPages, int rendered, int opaque,
                    InternalLinks links) {
    }

    private final BuildContext ctx;
    private final BuildCache cache;

    RenderStage(BuildContext ctx, BuildCache cache) {
        this.ctx = ctx;
        this.cache = cache;
    }

    @Override
    public String name() {
        return "plan+render";
    }

    @Override
    public Rendered run(Input in) throws BuildFailed, IOException {
        Diagnostics d = ctx.diagnostics();
        Theme theme = in.loaded().theme();
        Path themeDisplay = ctx.root().relativize(theme.dir());
        if (!theme.exists()) {
            d.error(SourcePos.of(themeDisplay.toString()), "không tìm thấy giao diện '" + ctx.options().theme() + "'",
                    "thư mục themes/" + ctx.options().theme() + "/templates", "dùng giao diện default");
            throw new BuildFailed();
        }
        Catalog catalog = in.linked().catalog();
        List<Site> sites = in.loaded().sites();
        ProcedureReview.warn(ProcedureReview.findings(catalog, catalog.procedures(), ctx.options().asOf(),
                ctx.options().reviewDays()), d);
        // one walk of each repository's log for the whole build
        History history = History.load(ctx.root(), in.loaded().checkouts().workTrees(), d);
        SitePlanner planner = new SitePlanner(catalog, theme, history, ctx.options().asOf(), ctx.options().reviewDays());
        Staging staging = in.staging();
        InternalLinks links = InternalLinks.forBuild(ctx.root(), ctx.out(), theme.dir(), catalog.registry().sites(), sites);
        if (staging.inPlace()) {
            // the last build's records stand for the pages kept
            links.load(cache.dir().resolve(InternalLinks.STORE), cache.damage());
        }
        // render problems wait in their own list: a URL collision is then the only error reported
        Diagnostics rendering = new Diagnostics();
        PageFingerprints fingerprints = cache.enabled() ? new PageFingerprints(theme, in.linked().fingerprints(), in.images()) : null;
        ctx.progress().stage("render", staging.last().size());
        List<Output> planned;
        List<Output> layoutPages;
        int rendered;
        int opaque;
        try (PageStream pages = new PageStream(ctx, staging, theme, themeDisplay, fingerprints, links, rendering,
                in.images())) {
            planned = pages.run(planner, sites);
            layoutPages = pages.layoutPages();
            rendered = pages.rendered();
            opaque = pages.opaque();
        } finally {
            in.linked().fingerprints().clear(); // the memo of the pages' models goes with the pages (memory)
        }
        if (!Renderer.checkCollisions(planned, d)) {
            throw new BuildFailed();
        }
        d.addAll(rendering);
        Set<String> paths = new HashSet<>(planned.size() * 2);
        for (Output o : planned) {
            paths.add(o.path());
        }
        return new Rendered(planned, paths, layoutPages, rendered, opaque, links);
    }
}
