package vn.trang.pipeline;

import vn.trang.check.InternalLinks;

/**
 * Check: every internal link of every page leads to a file the build makes, and every
 * {@code #anchor} to an id on that page ({@link InternalLinks}). A broken one fails the build
 * here, before the index is made and before anything is put in place.
 */
final class LinkCheckStage implements Stage<LinkCheckStage.Input, InternalLinks> {

    record Input(RenderStage.Rendered pages, Staging staging) {
    }

    private final BuildContext ctx;

    LinkCheckStage(BuildContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String name() {
        return "check";
    }

    /** @return the links checked (kept in the cache for the pages the next build keeps) */
    @Override
    public InternalLinks run(Input in) throws BuildFailed {
        InternalLinks links = in.pages().links();
        if (!links.check(p -> in.staging().manifest().contains(p) || in.pages().paths().contains(p),
                in.pages().planned(), ctx.diagnostics())) {
            throw new BuildFailed();
        }
        return links;
    }
}
