package vn.trang.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Fixture;
import vn.trang.MiniJson;
import vn.trang.git.GitFixture;

/**
 * The real decap-server (editor/node_modules) started by {@link EditBackend} on a real JGit
 * repository, sent the requests Decap CMS sends when an editor saves, moves and publishes an
 * entry in the editorial workflow.
 *
 * <p>Needs node and {@code cd editor && npm ci}; without them the tests that need the server are
 * skipped with a warning, so {@code mvn verify} passes on a clone without Node.js; under CI
 * ({@code CI=true}) that is a failure.
 */
class EditBackendTest {

    static final GitFixture.Person AUTHOR = new GitFixture.Person("Lê Thị Biên Tập", "bientap@so-a.example.vn");
    static final String POST = "content/" + Fixture.DEPT + "/tin-tuc/hoi-nghi-moi.md";
    static final String RAW = "---\ntitle: \"Hội nghị mới\"\ndate: 2026-12-07 08:00\n---\n\nNội dung tin.\n";

    /** Why the server cannot run here, or null. */
    static String skipped;

    @BeforeAll
    static void prerequisites() {
        List<String> missing = new java.util.ArrayList<>();
        if (EditBackend.node(System.getenv("PATH")) == null) {
            missing.add("node (Node.js 20+)");
        }
        if (!Files.isRegularFile(Fixture.REPO.resolve(EditBackend.INSTALLED))) {
            missing.add(EditBackend.INSTALLED + " (cd editor && npm ci)");
        }
        if (!missing.isEmpty()) {
            String why = "decap-server tests skipped, missing: " + String.join("; ", missing) + " — .ci/run installs them";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("under CI decap-server must run; " + why);
            }
            System.err.println("[WARNING] " + why);
            skipped = why;
        }
    }

    static EditBackend start(Path repo) throws IOException {
        return EditBackend.start(Fixture.REPO, repo, AUTHOR.name(), AUTHOR.email(), 0, System.getenv("PATH"), line -> {
        });
    }

    @Test
    void savesMovesAndPublishesAnEntryAsTheConfiguredAuthor(@TempDir Path tmp) throws Exception {
        if (skipped != null) {
            return;
        }
        try (GitFixture g = GitFixture.create(tmp.resolve("repo")); EditBackend backend = start(g.root)) {
            Map<String, Object> info = api(backend, "{\"action\":\"info\"}", 200);
            assertEquals("local_git", info.get("type"));

            String entry = "{\"slug\":\"hoi-nghi-moi\",\"path\":\"" + POST + "\",\"raw\":" + json(RAW) + "}";
            api(backend, "{\"action\":\"persistEntry\",\"params\":{\"branch\":\"main\",\"entry\":" + entry
                    + ",\"assets\":[],\"options\":{\"collectionName\":\"tin-tuc\",\"commitMessage\":\"Tạo tin hoi-nghi-moi\","
                    + "\"useWorkflow\":true,\"status\":\"draft\"}}}", 200);
            Repository repo = g.git.getRepository();
            String branch = "refs/heads/cms/tin-tuc/hoi-nghi-moi";
            Ref ref = repo.exactRef(branch);
            assertNotNull(ref, "a branch for the entry");
            try (RevWalk walk = new RevWalk(repo)) {
                RevCommit saved = walk.parseCommit(ref.getObjectId());
                assertEquals("Tạo tin hoi-nghi-moi", saved.getFullMessage().trim());
                assertIdentity(saved.getAuthorIdent());
                assertIdentity(saved.getCommitterIdent());
            }
            // main is checked out again and does not have the entry yet
            assertEquals("main", repo.getBranch());
            assertFalse(Files.exists(g.root.resolve(POST)));
            assertEquals("decap-cms/draft", repo.getConfig().getString("branch", "cms/tin-tuc/hoi-nghi-moi", "description"));

            api(backend, "{\"action\":\"updateUnpublishedEntryStatus\",\"params\":{\"branch\":\"main\","
                    + "\"collection\":\"tin-tuc\",\"slug\":\"hoi-nghi-moi\",\"newStatus\":\"pending_publish\"}}", 200);
            repo.getConfig().load();
            assertEquals("decap-cms/pending_publish", repo.getConfig().getString("branch", "cms/tin-tuc/hoi-nghi-moi", "description"));

            ObjectId before = repo.resolve("refs/heads/main");
            api(backend, "{\"action\":\"publishUnpublishedEntry\",\"params\":{\"branch\":\"main\","
                    + "\"collection\":\"tin-tuc\",\"slug\":\"hoi-nghi-moi\"}}", 200);
            assertEquals(null, repo.exactRef(branch), "the entry's branch is gone once published");
            assertEquals(RAW, Files.readString(g.root.resolve(POST), StandardCharsets.UTF_8));
            try (RevWalk walk = new RevWalk(repo)) {
                RevCommit head = walk.parseCommit(repo.resolve("refs/heads/main"));
                assertTrue(walk.isMergedInto(walk.parseCommit(before), head));
                // a merge commit, never a fast-forward: publishing is the approval verify checks
                assertEquals(2, head.getParentCount(), "publishing makes a merge commit by the publisher");
                assertIdentity(head.getAuthorIdent());
                assertIdentity(head.getCommitterIdent());
            }
        }
    }

    @Test
    void saysWhenTheConfiguredBranchIsMissing(@TempDir Path tmp) throws Exception {
        if (skipped != null) {
            return;
        }
        try (GitFixture g = GitFixture.create(tmp.resolve("repo")); EditBackend backend = start(g.root)) {
            Map<String, Object> error = api(backend, "{\"action\":\"entriesByFolder\",\"params\":{\"branch\":\"master\","
                    + "\"folder\":\"content/so-a/tin-tuc\",\"extension\":\"md\",\"depth\":1}}", 422);
            assertEquals("Default branch 'master' doesn't exist", error.get("error"));
        }
    }

    @Test
    void listensOnLoopbackOnlyAndStopsWhenClosed(@TempDir Path tmp) throws Exception {
        if (skipped != null) {
            return;
        }
        try (GitFixture g = GitFixture.create(tmp.resolve("repo"))) {
            EditBackend backend = start(g.root);
            int port = backend.port();
            assertEquals("http://127.0.0.1:" + port + "/api/v1", backend.apiUrl());
            try {
                InetAddress outside = nonLoopbackAddress();
                if (outside != null) {
                    assertThrows(ConnectException.class, () -> connect(outside, port),
                            "decap-server must not answer on " + outside);
                }
                connect(InetAddress.getByName("127.0.0.1"), port);
            } finally {
                backend.close();
            }
            assertThrows(ConnectException.class, () -> connect(InetAddress.getByName("127.0.0.1"), port),
                    "closed means stopped");
        }
    }

    @Test
    void withoutNodeSaysHowToInstallIt(@TempDir Path tmp) throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("bin"));
        EditBackend.NotInstalled e = assertThrows(EditBackend.NotInstalled.class,
                () -> EditBackend.start(Fixture.REPO, tmp, AUTHOR.name(), AUTHOR.email(), 0, empty.toString(), line -> {
                }));
        assertTrue(e.getMessage().contains("Node.js 20"), e.getMessage());
        assertTrue(e.getMessage().contains("cd editor && npm ci"), e.getMessage());
    }

    @Test
    void withoutTheEditorPackagesSaysHowToInstallThem(@TempDir Path tmp) throws Exception {
        if (EditBackend.node(System.getenv("PATH")) == null) {
            return;
        }
        EditBackend.NotInstalled e = assertThrows(EditBackend.NotInstalled.class,
                () -> EditBackend.start(tmp, tmp, AUTHOR.name(), AUTHOR.email(), 0, System.getenv("PATH"), line -> {
                }));
        assertTrue(e.getMessage().contains("cd editor && npm ci"), e.getMessage());
    }

    static void assertIdentity(PersonIdent who) {
        assertEquals(AUTHOR.name(), who.getName());
        assertEquals(AUTHOR.email(), who.getEmailAddress());
    }

    static void connect(InetAddress host, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2000);
        }
    }

    /** An IPv4 address of this machine other than loopback, or null when it has none. */
    static InetAddress nonLoopbackAddress() throws IOException {
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (n.isUp() && !n.isLoopback()) {
                for (InetAddress a : Collections.list(n.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        return a;
                    }
                }
            }
        }
        return null;
    }

    static Map<String, Object> api(EditBackend backend, String body, int status) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(backend.apiUrl()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), r.body());
        return MiniJson.object(r.body());
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
