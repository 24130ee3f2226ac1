package vn.trang.serve;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import vn.trang.git.RemoteSources;
import vn.trang.index.SearchFiles;
import vn.trang.pipeline.BuildOptions;
import vn.trang.pipeline.BuildResult;
import vn.trang.pipeline.Builder;
import vn.trang.pipeline.Progress;
import vn.trang.search.Ranking;
import vn.trang.search.SearchService;
import vn.trang.search.http.SearchHttp;

/**
 * What {@code trang serve} runs: a first build, the preview server with search, and a rebuild
 * after each change to the sources, followed by a reload of the open pages (or, when the rebuild
 * failed, its diagnostics as a banner on them, and as every page requested until a build succeeds).
 *
 * <p>The editor's preview pane posts the entry being edited to {@link EntryPreviewEndpoint#PATH}, which
 * renders it against the last successful build.
 *
 * <p>Rebuilds go through the build cache when the options ask for it (the CLI does, unless
 * {@code --no-cache}): a save then re-reads and re-renders only what it changed, as
 * {@code trang build} does, instead of the whole province each time.
 */
public final class Preview implements AutoCloseable {

    /** The editor's preview pane: one entry rendered against the last successful build. */
    private final EntryPreviewEndpoint entries = new EntryPreviewEndpoint();
    private final Builder builder = new Builder(RemoteSources.fetching(), entries::update);
    private final BuildOptions options;
    private final Consumer<BuildResult> report;
    private final SearchService search;
    private final DevServer server;
    private SourceWatcher watcher;

    /**
     * @param port   0 picks a free one
     * @param report told of every build's result (the CLI prints it)
     * @param log    the search service's messages
     */
    public Preview(BuildOptions options, int port, Consumer<BuildResult> report, Consumer<String> log)
            throws IOException {
        this.options = options;
        this.report = report;
        this.search = new SearchService(SearchFiles.inOutput(options.out()), Ranking.DEFAULT, log);
        DevServer s = null;
        try {
            s = new DevServer(options::out, port, true);
            SearchHttp searchHttp = new SearchHttp(search, log);
            s.mount(SearchHttp.API, searchHttp.api());
            s.mount(SearchHttp.PAGE, searchHttp.page());
            s.mountPost(EntryPreviewEndpoint.PATH, entries, EntryPreviewEndpoint.MAX_BODY);
        } catch (IOException | RuntimeException e) {
            entries.close();
            search.close();
            throw e;
        }
        this.server = s;
    }

    /**
     * Builds, then serves (whatever the build's outcome: a failed first build serves the previous
     * output, if any, with the problem shown), and watches the sources when {@code watch}.
     *
     * @param progress shown during the first build only (a large province takes a while; later
     *                 builds redo only what changed)
     */
    public BuildResult start(boolean watch, Progress progress) throws IOException {
        BuildResult first = build(options.withProgress(progress));
        server.start();
        if (watch) {
            Path root = options.root();
            watcher = new SourceWatcher(List.of(root.resolve("sites"), root.resolve("content"), root.resolve("themes")),
                    this::rebuild);
            watcher.start();
        }
        return first;
    }

    /** One build; the open pages reload after a good one and show the diagnostics after a bad one. */
    public BuildResult rebuild() {
        return build(options);
    }

    private synchronized BuildResult build(BuildOptions o) {
        BuildResult r = builder.build(o);
        report.accept(r);
        if (r.ok()) {
            search.reopen();
            server.reload();
        } else {
            StringWriter text = new StringWriter();
            // errors first: they are why the pages are not shown, and a province may have thousands of warnings
            r.diagnostics().list().stream().sorted(java.util.Comparator.comparing(d -> !d.isError()))
                    .forEach(d -> text.append(d.format()).append('\n'));
            text.append(r.diagnostics().spillSummary());
            text.append(r.summary());
            server.problem(text.toString());
        }
        return r;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() throws IOException {
        try {
            if (watcher != null) {
                watcher.close();
            }
        } finally {
            try {
                server.close();
            } finally {
                entries.close();
                search.close();
            }
        }
    }
}
