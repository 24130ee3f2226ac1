package vn.trang.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import vn.trang.editor.EditorFiles;
import vn.trang.web.EventSink;
import vn.trang.web.Handler;
import vn.trang.web.Limits;
import vn.trang.web.Reply;
import vn.trang.web.Request;
import vn.trang.web.WebServer;

/**
 * A preview server for editors: serves the built output on loopback, and tells open pages to
 * reload after each rebuild (server-sent events; the script is injected into served HTML only,
 * never into the built files). A failed rebuild shows its diagnostics as a banner on the open
 * pages, and until a build succeeds every page requested (a reload, another page, a missing one)
 * is a page of those diagnostics: the last good output would otherwise look as if the save had
 * worked.
 */
public final class DevServer implements AutoCloseable {

    static final String EVENTS_PATH = "/__trang/events";
    /** vn.trang.index.SearchFiles.FOLDER, never served as static files: it is for the search service only. */
    static final String SEARCH_FILES = "/_search";
    private static final String RELOAD_SCRIPT = "<script>(function(){var s=new EventSource('" + EVENTS_PATH + "');"
            + "s.addEventListener('reload',function(){location.reload();});"
            + "s.addEventListener('problem',function(e){var d=document.getElementById('" + ProblemPage.ELEMENT_ID + "');"
            + "if(!d){d=document.createElement('pre');d.id='" + ProblemPage.ELEMENT_ID + "';d.setAttribute('role','alert');"
            + "d.style.cssText='position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;margin:0;padding:1em;"
            + "background:#5c0000;color:#fff;font:14px/1.4 monospace;z-index:99999;white-space:pre-wrap';"
            + "document.body.appendChild(d);}d.textContent=JSON.parse(e.data);});})();</script>";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("xml", "application/xml; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("pdf", "application/pdf"),
            Map.entry("json", "application/json"), Map.entry("ico", "image/x-icon"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("doc", "application/msword"), Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("woff2", "font/woff2"));

    private final WebServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
        Thread t = new Thread(r, "trang-serve");
        t.setDaemon(true);
        return t;
    });
    private final Supplier<Path> root;
    private final List<EventSink> listeners = new CopyOnWriteArrayList<>();
    private final boolean liveReload;
    /** The last build's diagnostics when it failed, null once a build succeeds. */
    private final AtomicReference<String> problem = new AtomicReference<>();

    /**
     * @param root       the folder to serve; a supplier because each rebuild replaces it
     * @param port       0 picks a free port
     * @param liveReload inject the reload script into HTML
     */
    public DevServer(Supplier<Path> root, int port, boolean liveReload) throws IOException {
        this.root = root;
        this.liveReload = liveReload;
        try {
            server = new WebServer("127.0.0.1", port, workers, Limits.DEFAULT, line -> System.err.println("trang serve: " + line));
        } catch (IOException | RuntimeException e) {
            workers.shutdownNow();
            throw e;
        }
        server.mount("/", this::handle);
        server.mount(EVENTS_PATH, r -> new Reply.Events(this::subscribe));
    }

    /**
     * Serves a path prefix with another handler (the search API and results page), on
     * this server's threads, next to the static files.
     */
    public void mount(String pathPrefix, Handler handler) {
        server.mount(pathPrefix, handler);
    }

    /** Serves POST requests under a path prefix with another handler (the editor's preview). */
    public void mountPost(String pathPrefix, Handler handler, int maxBody) {
        server.mountPost(pathPrefix, handler, maxBody);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.port();
    }

    /** A build succeeded: pages are served again, and every open page reloads. */
    public void reload() {
        problem.set(null);
        broadcast("event: reload\ndata: {}\n\n");
    }

    /** A build failed: its diagnostics show on every open page, and stand for every page requested. */
    public void problem(String text) {
        problem.set(text);
        broadcast("event: problem\ndata: " + jsonString(text) + "\n\n");
    }

    private void broadcast(String message) {
        for (EventSink sink : listeners) {
            if (!sink.send(message)) {
                listeners.remove(sink);
            }
        }
    }

    private void subscribe(EventSink sink) {
        if (sink.send(": connected\n\n")) {
            listeners.add(sink);
        }
    }

    static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private Reply handle(Request r) {
        try {
            return serve(r);
        } catch (IllegalArgumentException e) {
            // A path no file can have (a NUL byte): a clear 400, not a dropped connection.
            return text(400, "400 Bad Request");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply serve(Request r) throws IOException {
        String path = r.path();
        if (path.equals(SEARCH_FILES) || path.startsWith(SEARCH_FILES + "/")) {
            // The published search index and its theme copy are for the search service only
            return text(404, "404 Not Found");
        }
        Path base = root.get().toAbsolutePath().normalize();
        Path file = base.resolve(path.replaceFirst("^/+", "")).normalize();
        if (!file.startsWith(base)) {
            return text(403, "403 Forbidden");
        }
        if (Files.isDirectory(file)) {
            if (!path.endsWith("/")) {
                return text(301, "").with("Location", r.rawPath() + "/");
            }
            file = file.resolve("index.html");
        }
        String failed = problem.get();
        if (failed != null && (!Files.isRegularFile(file) || file.getFileName().toString().endsWith(".html"))) {
            return html(500, ProblemPage.html(failed));
        }
        if (Files.isRegularFile(file)) {
            return file(200, file);
        }
        Path notFound = nearest404(base, path);
        return notFound != null ? file(404, notFound) : text(404, "404 Not Found");
    }

    /** The 404 page of the deepest site whose folder contains the path. */
    private static Path nearest404(Path base, String rawPath) {
        Path dir = base.resolve(rawPath.replaceFirst("^/+", "")).normalize();
        while (dir != null && dir.startsWith(base)) {
            Path candidate = dir.resolve("404.html");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return null;
    }

    private Reply.Body file(int status, Path file) throws IOException {
        String name = file.getFileName().toString();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase() : "";
        String type = TYPES.getOrDefault(ext, "application/octet-stream");
        byte[] body = Files.readAllBytes(file);
        if (liveReload && ext.equals("html") && !editorPage(file)) {
            return html(status, new String(body, StandardCharsets.UTF_8));
        }
        return headers(Reply.of(status, type, body));
    }

    /**
     * A site's editor page (Decap CMS): never reloaded by a rebuild, which each save through
     * {@code --edit} causes (decap-server switches branches in the working tree), and would throw
     * away what the editor is typing.
     */
    private static boolean editorPage(Path file) {
        Path dir = file.getParent();
        return file.getFileName().toString().equals("index.html") && dir != null && dir.getFileName() != null
                && (dir.getFileName() + "/").equals(EditorFiles.FOLDER);
    }

    private Reply.Body html(int status, String html) {
        if (liveReload) {
            int at = html.lastIndexOf("</body>");
            html = at >= 0 ? html.substring(0, at) + RELOAD_SCRIPT + html.substring(at) : html + RELOAD_SCRIPT;
        }
        return headers(Reply.of(status, TYPES.get("html"), html));
    }

    private static Reply.Body text(int status, String text) {
        return headers(Reply.text(status, text));
    }

    private static Reply.Body headers(Reply.Body b) {
        return b.with("Cache-Control", "no-cache").with("X-Content-Type-Options", "nosniff");
    }

    @Override
    public void close() {
        listeners.forEach(EventSink::close);
        server.close();
        workers.shutdownNow();
    }
}
