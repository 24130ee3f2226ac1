package vn.trang.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import vn.trang.cache.BuildCache;
import vn.trang.cache.Digest;
import vn.trang.cache.Fingerprints;
import vn.trang.cache.IndexUpdate;
import vn.trang.cache.OutputManifest;
import vn.trang.diag.SourcePos;
import vn.trang.files.OutputSwap;
import vn.trang.index.SearchFiles;
import vn.trang.index.SearchPublisher;
import vn.trang.link.Catalog;
import vn.trang.model.Item;
import vn.trang.model.Site;

/**
 * Index: the search index of the indexed items, into the staging folder. With the cache it is
 * kept (the output has it, unchanged), reused (the cache's copy, linked), updated (a few
 * documents replaced in the cache's copy) or built afresh; the index holds the same documents
 * whichever way ({@link IndexUpdate}). A failure to write it is an error that fails the build at
 * the swap.
 */
final class IndexStage implements Stage<IndexStage.Input, IndexStage.Indexed> {

    record Input(LoadStage.Loaded loaded, LinkStage.Linked linked, Staging staging) {
    }

    /** How the index was made. */
    enum Way {
        /** the output's index is this build's: it stays */
        KEPT,
        /** the cache's copy is this build's: linked into the staging folder */
        REUSED,
        /** the cache's copy with the changed documents replaced */
        UPDATED,
        /** made from every item */
        BUILT
    }

    /**
     * @param state   the indexed items' URLs and fingerprints, for the next build (null without the cache)
     * @param changed with {@link Way#UPDATED}, how many documents were replaced
     */
    record Indexed(BuildCache.IndexState state, Way way, int changed) {

        /** As the timings print it. */
        String describe() {
            return switch (way) {
                case KEPT -> "kept";
                case REUSED -> "reused";
                case UPDATED -> "updated (" + changed + ")";
                case BUILT -> "built";
            };
        }
    }

    private final BuildContext ctx;
    private final BuildCache cache;

    IndexStage(BuildContext ctx, BuildCache cache) {
        this.ctx = ctx;
        this.cache = cache;
    }

    @Override
    public String name() {
        return "index";
    }

    @Override
    public Indexed run(Input in) throws IOException {
        Catalog catalog = in.linked().catalog();
        List<Site> sites = in.loaded().sites();
        List<Item> indexed = SearchPublisher.indexed(catalog, sites);
        BuildCache.IndexState state = cache.enabled() ? state(indexed, in.linked().fingerprints()) : null;
        Staging staging = in.staging();
        BuildCache.IndexState before = cache.index();
        if (before != null && state.equals(before) && staging.inPlace() && Files.isDirectory(cache.indexCopy())
                && intact(staging)) {
            return new Indexed(state, Way.KEPT, 0);
        }
        // the copy's files are hashed before they are used again (see BuildCache.verifiedIndexCopy)
        Path copy = before == null ? null : cache.verifiedIndexCopy();
        Path dir = staging.dir().resolve(Staging.INDEX_DIR);
        if (copy != null && state.equals(before)) {
            IndexUpdate.linkFiles(copy, dir);
            return new Indexed(state, Way.REUSED, 0);
        }
        if (copy != null && state.urls().equals(before.urls())) {
            List<Integer> changed = new ArrayList<>();
            for (int i = 0; i < state.items().size(); i++) {
                if (!state.items().get(i).equals(before.items().get(i))) {
                    changed.add(i);
                }
            }
            // Replacing documents is worth it while few changed; a fresh index is better for many.
            if (changed.size() <= Math.max(50, indexed.size() / 20)) {
                try {
                    IndexUpdate.linkFiles(copy, dir);
                    IndexUpdate.update(dir, indexed, changed);
                    return new Indexed(state, Way.UPDATED, changed.size());
                } catch (IOException | RuntimeException e) {
                    OutputSwap.deleteTree(dir);
                }
            }
        }
        try {
            new SearchPublisher(in.loaded().theme(), ctx.threads()).writeIndex(catalog, sites, staging.dir());
        } catch (IOException e) {
            ctx.diagnostics().error(SourcePos.of(staging.dir().resolve(SearchFiles.FOLDER).toString()),
                    "không ghi được chỉ mục tìm kiếm: " + e.getMessage(), "thư mục đầu ra ghi được",
                    "kiểm tra quyền ghi và dung lượng đĩa");
        }
        return new Indexed(state, Way.BUILT, 0);
    }

    /** The indexed items' URLs and fingerprints; an item that cannot be fingerprinted never equals. */
    private BuildCache.IndexState state(List<Item> items, Fingerprints fingerprints) {
        List<String> urls = new ArrayList<>(items.size());
        Digest[] fps = fingerprints.ofEach(items, ctx.threads());
        for (int i = 0; i < fps.length; i++) {
            if (fps[i] == null) {
                fps[i] = new Digest(System.nanoTime(), i, -1, -1);
            }
        }
        for (Item i : items) {
            urls.add(i.url());
        }
        return new BuildCache.IndexState(urls, Arrays.asList(fps));
    }

    /** Whether the output's index is the one the last manifest recorded, file for file. */
    private static boolean intact(Staging staging) {
        int n = 0;
        for (Map.Entry<String, OutputManifest.Entry> e : staging.last().files().entrySet()) {
            if (e.getKey().startsWith(Staging.INDEX_DIR + "/")) {
                n++;
                if (!OutputManifest.intact(staging.out().resolve(e.getKey()), e.getValue())) {
                    return false;
                }
            }
        }
        if (n == 0) {
            return false;
        }
        try (Stream<Path> s = Files.list(staging.out().resolve(Staging.INDEX_DIR))) {
            return s.count() == n;
        } catch (IOException e) {
            return false;
        }
    }
}
