package vn.trang.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Fixture;
import vn.trang.MiniJson;
import vn.trang.git.GitFixture;
import vn.trang.serve.EditBackend;

/**
 * {@code trang serve --edit} as a person runs it: the checks that refuse it with a message, and a
 * real run on a JGit repository where the served editor configuration names the decap-server the
 * command started, and a save through it is a commit by {@code --author}.
 */
class ServeEditTest {

    static final String AUTHOR = "Phạm Văn Soạn <soan@so-a.example.vn>";

    @Test
    void outsideAGitRepositoryItIsRefused(@TempDir Path tmp) {
        Fixture f = Fixture.standard(tmp);
        CliTest.Run r = refused("serve", "--root", f.root.toString(), "--edit", "--author", AUTHOR, "--port", "0");
        CliTest.plainUsageError(r, "--edit", "không nằm trong kho Git", "git init");
        assertFalse(Files.exists(f.out()), "nothing is built");
    }

    @Test
    void withoutAMainBranchOrOnAnotherBranchItIsRefused(@TempDir Path tmp) throws Exception {
        try (GitFixture g = GitFixture.create(tmp.resolve("repo"))) {
            g.git.branchCreate().setName("nhap").call();
            g.git.checkout().setName("nhap").call();
            CliTest.plainUsageError(refused("serve", "--port", "0", "--root", g.root.toString(), "--edit", "--author", AUTHOR),
                    "đang ở nhánh nhap", "git switch main");
            g.git.branchDelete().setBranchNames("main").setForce(true).call();
            CliTest.plainUsageError(refused("serve", "--port", "0", "--root", g.root.toString(), "--edit", "--author", AUTHOR),
                    "chưa có nhánh main", "git branch -m main");
        }
    }

    @Test
    void anOutputFolderGitWouldCommitIsRefused(@TempDir Path tmp) throws Exception {
        try (GitFixture g = GitFixture.create(tmp.resolve("repo"))) {
            Files.writeString(g.root.resolve(".gitignore"), "/.trang/\n");
            g.commit(GitFixture.ADMIN, "Không bỏ qua public/");
            CliTest.plainUsageError(refused("serve", "--port", "0", "--root", g.root.toString(), "--edit", "--author", AUTHOR),
                    "thư mục đầu ra public/", "/public/", ".gitignore");
            CliTest.plainUsageError(refused("serve", "--port", "0", "--root", g.root.toString(), "--out", "ban-dung/xem-truoc",
                    "--edit", "--author", AUTHOR), "thư mục đầu ra ban-dung/xem-truoc/");
            Files.writeString(g.root.resolve(".gitignore"), "/.trang/\n/ban-dung/\n");
            g.commit(GitFixture.ADMIN, "Bỏ qua ban-dung/");
            // an ignored parent is enough; the next check (no author) shows this one passed
            StoredConfig c = g.git.getRepository().getConfig();
            c.setString("user", null, "name", "");
            c.save();
            CliTest.plainUsageError(refused("serve", "--port", "0", "--root", g.root.toString(), "--out", "ban-dung/xem-truoc",
                    "--edit"), "chưa biết ai là tác giả");
        }
    }

    @Test
    void withoutAnAuthorItIsRefused(@TempDir Path tmp) throws Exception {
        try (GitFixture g = GitFixture.create(tmp.resolve("repo"))) {
            // the repository's own settings win over the user's ~/.gitconfig, as with git
            StoredConfig c = g.git.getRepository().getConfig();
            c.setString("user", null, "name", "");
            c.setString("user", null, "email", "");
            c.save();
            CliTest.plainUsageError(refused("serve", "--port", "0", "--root", g.root.toString(), "--edit"),
                    "chưa biết ai là tác giả", "--author", "git config user.name");
            CliTest.plainUsageError(refused("serve", "--port", "0", "--root", g.root.toString(), "--edit", "--author", "Phạm Văn Soạn"),
                    "--author", "Họ Tên <email>");
            CliTest.plainUsageError(refused("serve", "--port", "0", "--root", g.root.toString(), "--author", AUTHOR),
                    "--author chỉ dùng cùng --edit");
        }
    }

    @Test
    void savesGoThroughTheBackendTheServedEditorNames(@TempDir Path tmp) throws Exception {
        if (EditBackend.node(System.getenv("PATH")) == null
                || !Files.isRegularFile(Fixture.REPO.resolve(EditBackend.INSTALLED))) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("under CI node and editor/node_modules must be there (.ci/run installs them)");
            }
            System.err.println("[WARNING] serve --edit test skipped: needs node and `cd editor && npm ci`");
            return;
        }
        try (GitFixture g = GitFixture.create(tmp.resolve("repo"))) {
            // the editor's script is copied from here by the build; decap-server started from here too
            Files.createDirectories(g.root.resolve("editor"));
            Files.createSymbolicLink(g.root.resolve("editor/node_modules"), Fixture.REPO.resolve("editor/node_modules"));
            Files.writeString(g.root.resolve(".gitignore"), "/public/\n/.trang/\n/editor/node_modules\n");
            g.commit(GitFixture.ADMIN, "Bỏ qua editor/node_modules");

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            AtomicInteger code = new AtomicInteger(-1);
            Thread serve = new Thread(() -> code.set(TrangCommand.execute(new String[]{"serve", "--root", g.root.toString(),
                    "--port", "0", "--no-watch", "--no-cache", "--edit", "--author", AUTHOR},
                    new PrintWriter(out, true), new PrintWriter(err, true))), "serve-edit-test");
            serve.start();
            try {
                Matcher serving = await(out, Pattern.compile("http://localhost:(\\d+)/quan-tri/"), err);
                String site = "http://localhost:" + serving.group(1);
                String config = get(site + "/" + Fixture.DEPT + "/quan-tri/config.yml");
                Matcher url = Pattern.compile("local_backend:\\s*\\n\\s+url: \"(http://127\\.0\\.0\\.1:\\d+/api/v1)\"")
                        .matcher(config);
                assertTrue(url.find(), config);

                String raw = "---\ntitle: \"Tin soạn trên máy\"\ndate: 2026-12-07 09:00\n---\n\nNội dung.\n";
                String body = "{\"action\":\"persistEntry\",\"params\":{\"branch\":\"main\",\"entry\":{\"slug\":\"tin-soan\","
                        + "\"path\":\"content/so-a/tin-tuc/tin-soan.md\",\"raw\":\"" + raw.replace("\"", "\\\"").replace("\n", "\\n")
                        + "\"},\"assets\":[],\"options\":{\"collectionName\":\"tin-tuc\",\"commitMessage\":\"Tạo tin tin-soan\","
                        + "\"useWorkflow\":true,\"status\":\"draft\"}}}";
                HttpResponse<String> saved = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.group(1)))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, saved.statusCode(), saved.body());
                Map<String, Object> answer = MiniJson.object(saved.body());
                assertEquals("entry persisted", answer.get("message"));

                Ref branch = g.git.getRepository().exactRef("refs/heads/cms/tin-tuc/tin-soan");
                assertNotNull(branch, "the save is on its own branch");
                try (RevWalk walk = new RevWalk(g.git.getRepository())) {
                    RevCommit c = walk.parseCommit(branch.getObjectId());
                    for (PersonIdent who : new PersonIdent[]{c.getAuthorIdent(), c.getCommitterIdent()}) {
                        assertEquals("Phạm Văn Soạn", who.getName());
                        assertEquals("soan@so-a.example.vn", who.getEmailAddress());
                    }
                    assertEquals(1, c.getParentCount());
                    assertEquals(g.git.getRepository().resolve("refs/heads/main"), c.getParent(0).getId());
                    assertEquals(java.util.List.of("content/so-a/tin-tuc/tin-soan.md"), changed(walk, c),
                            "nothing but the entry: the build's output is not committed");
                }
            } finally {
                serve.interrupt();
                serve.join(20_000);
            }
            assertFalse(serve.isAlive(), "serve stops");
            assertFalse(err.toString().contains("chưa commit"), err::toString);
        }
    }

    /** The command's outcome; a check that lets it through would serve until stopped, so a time limit. */
    static CliTest.Run refused(String... args) {
        return assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> CliTest.run(args),
                "trang serve --edit was not refused");
    }

    static java.util.List<String> changed(RevWalk walk, RevCommit c) throws Exception {
        RevCommit parent = walk.parseCommit(c.getParent(0));
        java.util.List<String> paths = new java.util.ArrayList<>();
        try (org.eclipse.jgit.treewalk.TreeWalk tw = new org.eclipse.jgit.treewalk.TreeWalk(walk.getObjectReader())) {
            tw.addTree(parent.getTree());
            tw.addTree(c.getTree());
            tw.setRecursive(true);
            tw.setFilter(org.eclipse.jgit.treewalk.filter.TreeFilter.ANY_DIFF);
            while (tw.next()) {
                paths.add(tw.getPathString());
            }
        }
        return paths;
    }

    static Matcher await(StringWriter out, Pattern p, StringWriter err) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            Matcher m = p.matcher(out.toString());
            if (m.find()) {
                return m;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve --edit did not start:\n" + out + "\n--- err:\n" + err);
    }

    static String get(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url);
        return r.body();
    }
}
