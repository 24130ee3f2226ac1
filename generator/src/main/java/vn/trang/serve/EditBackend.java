package vn.trang.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Decap CMS's own backend for one machine, {@code decap-server} from {@code editor/node_modules}
 * run by Node.js, in its Git mode against a local repository: the editor in the browser reads and
 * saves through it, each save a commit on a {@code cms/<collection>/<slug>} branch (the editorial
 * workflow), publishing a merge into the default branch.
 *
 * <p>Bound to 127.0.0.1 only: it writes to the repository without asking who is there. The
 * commits carry the given author through Git's own environment variables (decap-server runs the
 * {@code git} program, which would otherwise take whatever user.name the machine has).
 */
public final class EditBackend implements AutoCloseable {

    /** Where {@code npm ci} in {@code editor/} puts the server, from the project's root. */
    public static final String INSTALLED = "editor/node_modules/decap-server/dist/index.js";
    /** The last lines the server printed, kept for the message when it fails. */
    private static final int KEPT_LINES = 40;
    private static final Duration STARTUP = Duration.ofSeconds(30);
    /** Git variables of the calling process that would point the server's git at another repository. */
    private static final List<String> INHERITED_GIT = List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE",
            "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE", "GIT_CEILING_DIRECTORIES");

    /** Node.js or decap-server is not on this machine: the message says how to install them. */
    public static final class NotInstalled extends IOException {
        NotInstalled(String message) {
            super(message);
        }
    }

    private final Process process;
    private final int port;
    private final Thread onExit;
    private final Deque<String> output;

    private EditBackend(Process process, int port, Deque<String> output) {
        this.process = process;
        this.port = port;
        this.output = output;
        this.onExit = new Thread(this::stop, "trang-edit-backend-stop");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /**
     * Starts the server of the project at {@code repository} (the folder with {@code editor/}) on
     * its own content.
     *
     * @param port the port on 127.0.0.1, 0 for a free one
     */
    public static EditBackend start(Path repository, String authorName, String authorEmail, int port) throws IOException {
        return start(repository, repository, authorName, authorEmail, port, System.getenv("PATH"), line -> {
        });
    }

    /**
     * Starts the server installed under {@code projectRoot} on the Git repository {@code repository}.
     *
     * @param projectRoot the folder with {@code editor/node_modules}
     * @param repository  the working tree of the repository to edit (its content/ folder)
     * @param port        the port on 127.0.0.1, 0 for a free one
     * @param pathVariable where to look for {@code node}, as the PATH variable
     * @param log         the server's output lines (warnings and errors only)
     * @throws NotInstalled when node or decap-server is missing
     * @throws IOException  when the server does not start (its output is in the message)
     */
    public static EditBackend start(Path projectRoot, Path repository, String authorName, String authorEmail, int port,
                                    String pathVariable, Consumer<String> log) throws IOException {
        Path node = node(pathVariable);
        Path server = projectRoot.toAbsolutePath().normalize().resolve(INSTALLED);
        if (node == null) {
            throw new NotInstalled("không tìm thấy chương trình node (Node.js) trong PATH: cài Node.js 20 trở lên"
                    + " (https://nodejs.org hoặc `apt-get install nodejs npm`), rồi chạy `cd editor && npm ci`"
                    + " trong thư mục dự án");
        }
        if (program("git", pathVariable) == null) {
            // decap-server runs the git program for every read and save
            throw new NotInstalled("không tìm thấy chương trình git trong PATH: trình soạn thảo trên máy dùng git để lưu"
                    + " (cài Git: https://git-scm.com hoặc `apt-get install git`)");
        }
        if (!Files.isRegularFile(server)) {
            throw new NotInstalled("chưa có decap-server (" + INSTALLED + "): chạy `cd editor && npm ci` trong thư mục"
                    + " dự án (cần Node.js 20 trở lên và npm)");
        }
        // A free port found here may be taken before node binds it: try again a few times.
        int attempts = port == 0 ? 3 : 1;
        IOException last = null;
        for (int i = 0; i < attempts; i++) {
            int p = port == 0 ? freePort() : port;
            try {
                return launch(node, server, repository.toAbsolutePath().normalize(), authorName, authorEmail, p,
                        pathVariable, log);
            } catch (NotInstalled e) {
                throw e;
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    /** The port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The address Decap's {@code local_backend.url} names. */
    public String apiUrl() {
        return "http://127.0.0.1:" + port + "/api/v1";
    }

    /** Stops the server and whatever it started. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException exiting) {
            // the JVM is already exiting: the hook runs or ran
        }
    }

    private void stop() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static EditBackend launch(Path node, Path server, Path repository, String authorName, String authorEmail,
                                      int port, String pathVariable, Consumer<String> log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(node.toString(), server.toString());
        // Not the repository: decap-server reads a .env file from where it runs.
        pb.directory(server.getParent().toFile());
        pb.redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        INHERITED_GIT.forEach(env::remove);
        env.put("PATH", pathVariable == null ? "" : pathVariable);
        env.put("PORT", Integer.toString(port));
        env.put("BIND_HOST", "127.0.0.1");
        env.put("MODE", "git");
        env.put("GIT_REPO_DIRECTORY", repository.toString());
        env.put("LOG_LEVEL", "warn");
        env.put("GIT_AUTHOR_NAME", authorName);
        env.put("GIT_AUTHOR_EMAIL", authorEmail);
        env.put("GIT_COMMITTER_NAME", authorName);
        env.put("GIT_COMMITTER_EMAIL", authorEmail);
        // git must never wait for a terminal that nobody watches
        env.put("GIT_TERMINAL_PROMPT", "0");
        // Publishing is decap-server's plain `git merge`: a fast-forward when main has not moved,
        // which leaves no commit by the person who published, so `trang verify` (rule duyet) would
        // see the editor's commits on main with nobody's approval. Through the environment, not
        // the repository's config, so the user's own git is unchanged.
        env.put("GIT_CONFIG_COUNT", "1");
        env.put("GIT_CONFIG_KEY_0", "merge.ff");
        env.put("GIT_CONFIG_VALUE_0", "false");
        Process process = pb.start();
        Deque<String> output = new ArrayDeque<>();
        Thread reader = new Thread(() -> drain(process, output, log), "trang-edit-backend-output");
        reader.setDaemon(true);
        reader.start();
        EditBackend backend = new EditBackend(process, port, output);
        try {
            backend.awaitAnswer();
            return backend;
        } catch (IOException | RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    /** Waits until the server answers Decap's first request, or fails with what it printed. */
    private void awaitAnswer() throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest info = HttpRequest.newBuilder(URI.create(apiUrl()))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"info\"}"))
                .build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure("decap-server dừng ngay khi khởi động (mã thoát " + exitValue() + ")");
            }
            HttpResponse<String> r;
            try {
                r = http.send(info, HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                sleep();
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("bị ngắt khi chờ decap-server", e);
            }
            // Another program on a port given by hand would answer too; then ours has exited.
            if (r.statusCode() == 200 && r.body().contains("\"local_git\"") && process.isAlive()) {
                return;
            }
            // express listens before decap-server has mounted /api/v1 (it first checks the
            // repository): a 404 from our own live process means "not yet"
            if (r.statusCode() == 404 && process.isAlive()) {
                sleep();
                continue;
            }
            throw failure("decap-server trả lời " + r.statusCode() + ": " + r.body());
        }
        throw failure("decap-server không trả lời tại " + apiUrl() + " sau " + STARTUP.toSeconds() + " giây");
    }

    private int exitValue() {
        try {
            process.waitFor(1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return process.isAlive() ? -1 : process.exitValue();
    }

    private IOException failure(String what) {
        String printed;
        synchronized (output) {
            printed = String.join("\n", output);
        }
        return new IOException(printed.isBlank() ? what : what + ":\n" + printed);
    }

    private static void drain(Process process, Deque<String> output, Consumer<String> log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                // winston colours its level names
                String plain = line.replaceAll("\u001B\\[[0-9;]*m", "");
                synchronized (output) {
                    if (output.size() == KEPT_LINES) {
                        output.removeFirst();
                    }
                    output.addLast(plain);
                }
                log.accept(plain);
            }
        } catch (IOException closed) {
            // the process ended
        }
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("bị ngắt khi chờ decap-server", e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code node} program on {@code pathVariable}, or null. */
    public static Path node(String pathVariable) {
        return program("node", pathVariable);
    }

    private static Path program(String program, String pathVariable) {
        if (pathVariable == null) {
            return null;
        }
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String name : windows ? List.of(program + ".exe", program) : List.of(program)) {
                Path p = Path.of(dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }
}
