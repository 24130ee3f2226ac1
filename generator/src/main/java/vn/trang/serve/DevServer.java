package vn.trang.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A preview server for editors: serves the built output on loopback, and tells open pages to
 * reload after each rebuild (server-sent events; the script is injected into served HTML only,
 * never into the built files). A failed rebuild shows its diagnostics as a banner on the page.
 */
public final class DevServer implements AutoCloseable {

    static final String EVENTS_PATH = "/__trang/events";
    /** Never served as static files (issue 5): vn.trang.index.SearchFiles.FOLDER. */
    static final String SEARCH_FILES = "/_search";
    private static final String RELOAD_SCRIPT = "<script>(function(){var s=new EventSource('" + EVENTS_PATH + "');"
            + "s.addEventListener('reload',function(){location.reload();});"
            + "s.addEventListener('problem',function(e){var d=document.getElementById('__trang_problem');"
            + "if(!d){d=document.createElement('pre');d.id='__trang_problem';d.setAttribute('role','alert');"
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

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "trang-serve");
        t.setDaemon(true);
        return t;
    });
    private final Supplier<Path> root;
    private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();
    private final boolean liveReload;

    /**
     * @param root       the folder to serve; a supplier because each rebuild replaces it
     * @param port       0 picks a free port
     * @param liveReload inject the reload script into HTML
     */
    public DevServer(Supplier<Path> root, int port, boolean liveReload) throws IOException {
        this.root = root;
        this.liveReload = liveReload;
        System.setProperty("sun.net.httpserver.nodelay", "true"); // else each answer waits ~40 ms for a delayed ACK
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.createContext(EVENTS_PATH, this::events);
    }

    /**
     * Serves a path prefix with another handler (issue 5: the search API and results page), on
     * this server's threads, next to the static files.
     */
    public void mount(String pathPrefix, HttpHandler handler) {
        server.createContext(pathPrefix, handler);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Tells every open page to reload. */
    public void reload() {
        broadcast("event: reload\ndata: {}\n\n");
    }

    /** Shows a failed build's diagnostics on every open page. */
    public void problem(String text) {
        broadcast("event: problem\ndata: " + jsonString(text) + "\n\n");
    }

    private void broadcast(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        for (OutputStream os : listeners) {
            try {
                os.write(bytes);
                os.flush();
            } catch (IOException e) {
                listeners.remove(os);
            }
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

    private void events(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        OutputStream os = ex.getResponseBody();
        os.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
        os.flush();
        listeners.add(os);
        // The exchange stays open; broadcast() writes to it until the browser goes away.
    }

    private void handle(HttpExchange ex) throws IOException {
        // The catch is inside the try-with-resources: a catch of the outer try would run after the
        // exchange is closed, and the 400 could not be sent.
        try (ex) {
            try {
                serve(ex);
            } catch (IllegalArgumentException e) {
                send(ex, 400, "text/plain; charset=utf-8", "400 Bad Request".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void serve(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD");
            send(ex, 405, "text/plain; charset=utf-8", "405 Method Not Allowed".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String rawPath = URI.create(ex.getRequestURI().getRawPath()).getPath();
        if (rawPath.equals(SEARCH_FILES) || rawPath.startsWith(SEARCH_FILES + "/")) {
            // issue 5: the published search index and its theme copy are for the search service only
            send(ex, 404, "text/plain; charset=utf-8", "404 Not Found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Path base = root.get().toAbsolutePath().normalize();
        Path file = base.resolve(rawPath.replaceFirst("^/+", "")).normalize();
        if (!file.startsWith(base)) {
            send(ex, 403, "text/plain; charset=utf-8", "403 Forbidden".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (Files.isDirectory(file)) {
            if (!rawPath.endsWith("/")) {
                ex.getResponseHeaders().set("Location", rawPath + "/");
                send(ex, 301, "text/plain; charset=utf-8", new byte[0]);
                return;
            }
            file = file.resolve("index.html");
        }
        if (Files.isRegularFile(file)) {
            serveFile(ex, 200, file);
            return;
        }
        Path notFound = nearest404(base, rawPath);
        if (notFound != null) {
            serveFile(ex, 404, notFound);
        } else {
            send(ex, 404, "text/plain; charset=utf-8", "404 Not Found".getBytes(StandardCharsets.UTF_8));
        }
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

    private void serveFile(HttpExchange ex, int status, Path file) throws IOException {
        String name = file.getFileName().toString();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase() : "";
        String type = TYPES.getOrDefault(ext, "application/octet-stream");
        byte[] body = Files.readAllBytes(file);
        if (liveReload && ext.equals("html")) {
            String html = new String(body, StandardCharsets.UTF_8);
            int at = html.lastIndexOf("</body>");
            html = at >= 0 ? html.substring(0, at) + RELOAD_SCRIPT + html.substring(at) : html + RELOAD_SCRIPT;
            body = html.getBytes(StandardCharsets.UTF_8);
        }
        send(ex, status, type, body);
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        }
    }

    @Override
    public void close() {
        for (OutputStream os : listeners) {
            try {
                os.close();
            } catch (IOException ignored) {
                // the browser already went away
            }
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
