package vn.trang.pipeline;

import java.util.List;

import vn.trang.cache.BuildCache;
import vn.trang.cache.Fingerprints;
import vn.trang.link.Catalog;
import vn.trang.link.DocumentLinker;
import vn.trang.link.Translations;
import vn.trang.link.UnresolvedCitation;
import vn.trang.load.SiteRegistry;
import vn.trang.model.Item;

/**
 * Link: one catalog across all sites. Document numbers are resolved, relations made both ways,
 * validity derived as of the build date and citations in bodies linked ({@link DocumentLinker});
 * bodies whose citations resolve as last time come from the cache.
 */
final class LinkStage implements Stage<LinkStage.Input, LinkStage.Linked> {

    record Input(SiteRegistry registry, ParseStage.Parsed parsed) {
    }

    /**
     * The linked items and their catalog.
     *
     * @param unresolved   numbers cited but not in the catalog (a report for editors)
     * @param fingerprints the build's fingerprints of models, which know the items already when
     *                     the cache is on ({@link Fingerprints#learnItems})
     */
    record Linked(List<Item> items, Catalog catalog, List<UnresolvedCitation> unresolved, Fingerprints fingerprints) {
    }

    private final BuildContext ctx;
    private final BuildCache cache;

    LinkStage(BuildContext ctx, BuildCache cache) {
        this.ctx = ctx;
        this.cache = cache;
    }

    @Override
    public String name() {
        return "link";
    }

    @Override
    public Linked run(Input in) throws BuildFailed {
        DocumentLinker.Result linked = new DocumentLinker(in.registry(), ctx.options().asOf(), cache.linkMemo())
                .link(in.parsed().items(), ctx.diagnostics());
        ctx.stopOnErrors();
        // items are fingerprinted from what the cache knows of them, not walked whole
        Fingerprints fingerprints = new Fingerprints();
        if (cache.enabled()) {
            fingerprints.learnItems(linked.items(), in.parsed().items(), in.parsed().identities(), ctx.threads());
        }
        Catalog catalog = new Catalog(in.registry(), linked.items(), linked.procedureBasis());
        new Translations(catalog).check(ctx.diagnostics());
        ctx.stopOnErrors();
        return new Linked(linked.items(), catalog, linked.unresolved(), fingerprints);
    }
}
