package vn.trang.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import vn.trang.diag.Diagnostics;
import vn.trang.diag.SourcePos;
import vn.trang.git.RemoteSources;
import vn.trang.load.ContentScanner;
import vn.trang.load.ContentSet;
import vn.trang.load.InputFiles;
import vn.trang.load.SiteRegistry;
import vn.trang.load.SiteRegistryLoader;
import vn.trang.model.Site;
import vn.trang.render.Theme;

/**
 * Load: the site registry ({@code sites/*.yml}), the content files of every site (local, or a
 * Git remote fetched or pinned), and the theme. Fails on an invalid registry, an unknown
 * {@code --site} or a remote that cannot be had; other problems found here (a content file that
 * is a symbolic link, a theme file that is one) are reported and fail the build after parsing,
 * with the parse errors.
 */
final class LoadStage implements Stage<BuildOptions, LoadStage.Loaded> {

    /**
     * What was loaded.
     *
     * @param sites     the sites this build makes (one with {@code --site}, else all)
     * @param checkouts the remote sources' work trees (their Git history feeds the pages)
     */
    record Loaded(SiteRegistry registry, List<Site> sites, RemoteSources.Checkouts checkouts, ContentSet content,
                  Theme theme) {
    }

    private final BuildContext ctx;
    private final RemoteSources remotes;

    LoadStage(BuildContext ctx, RemoteSources remotes) {
        this.ctx = ctx;
        this.remotes = remotes;
    }

    @Override
    public String name() {
        return "load";
    }

    @Override
    public Loaded run(BuildOptions options) throws BuildFailed {
        Path root = ctx.root();
        Diagnostics d = ctx.diagnostics();
        String only = options.site();
        ctx.progress().stage("load", 0);
        Optional<SiteRegistry> loaded = new SiteRegistryLoader().load(root.resolve("sites"), root, d);
        if (loaded.isEmpty()) {
            throw new BuildFailed();
        }
        SiteRegistry registry = loaded.get();
        if (only != null && registry.byId(only).isEmpty()) {
            d.error(SourcePos.of("sites/" + only + ".yml"), "không có trang '" + only + "'",
                    "mã một trang trong sites/", "xem danh sách tệp trong sites/");
            throw new BuildFailed();
        }
        // remote sources are cloned or fetched, then scanned like content/<id>/
        RemoteSources.Checkouts checkouts = remotes.resolve(registry, root, only, d);
        ctx.stopOnErrors();
        ContentSet content = checkouts.scan(new ContentScanner().scan(registry, root.resolve("content"), root, only, d),
                root, only, d);
        List<Site> sites = registry.sites().stream().filter(s -> only == null || s.id().equals(only)).toList();
        Theme theme = new Theme(root.resolve("themes"), options.theme());
        refuseThemeLinks(theme, sites);
        return new Loaded(registry, sites, checkouts, content, theme);
    }

    /** Reports every symbolic link among the theme files the build reads (the build then fails). */
    private void refuseThemeLinks(Theme theme, List<Site> sites) {
        Path root = ctx.root();
        try {
            for (Path link : theme.links(sites)) {
                InputFiles.reportLink(root.relativize(link).toString(), ctx.diagnostics());
            }
        } catch (IOException e) {
            ctx.diagnostics().error(SourcePos.of(root.relativize(theme.dir()).toString()),
                    "không đọc được thư mục giao diện: " + e.getMessage(), null, null);
        }
    }
}
