package vn.trang.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.trang.Fixture;
import vn.trang.cache.BuildCache;
import vn.trang.pipeline.BuildOptions;
import vn.trang.pipeline.BuildResult;
import vn.trang.pipeline.Progress;

/**
 * {@code trang serve}'s rebuild after a save: with the build cache, as the CLI runs it,
 * only what the save changed is rendered again; pages it did not touch keep their files. Before,
 * every save rebuilt the whole province into a new folder (27 s at 10,000 pages).
 */
class PreviewTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();

    @Test
    void aSaveRebuildsOnlyWhatItChangedAndTheServerShowsIt(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.standard(tmp)
                .news(Fixture.DEPT, "mot", "Tin một", "2025-01-10")
                .news(Fixture.COMMUNE, "hai", "Tin hai", "2025-01-11");
        List<BuildResult> results = new ArrayList<>();
        BuildOptions options = BuildOptions.defaults(f.root, f.out()).withCache(true);
        List<String> stages = new java.util.concurrent.CopyOnWriteArrayList<>();
        Progress recorder = new Progress() {
            @Override
            public void stage(String name, long total) {
                stages.add(name);
            }

            @Override
            public void advance(long n) {
            }
        };
        try (Preview preview = new Preview(options, 0, results::add, m -> { })) {
            assertTrue(preview.start(false, recorder).ok());
            assertTrue(stages.containsAll(List.of("load", "parse")), "the first build shows its progress: " + stages);
            int firstStages = stages.size();
            assertTrue(Files.isDirectory(f.root.resolve(BuildCache.FOLDER)), "the preview builds with the cache");
            Path untouched = f.out().resolve(Fixture.COMMUNE + "/tin-tuc/tin-hai/index.html");
            FileTime before = Files.getLastModifiedTime(untouched);
            assertFalse(get(preview, "/" + Fixture.DEPT + "/tin-tuc/tin-mot/").contains("Đoạn mới thêm"));

            Thread.sleep(20); // file times are compared: let the clock move on
            Path source = f.path("content/" + Fixture.DEPT + "/tin-tuc/mot.md");
            Files.writeString(source, Files.readString(source) + "\nĐoạn mới thêm.\n");
            BuildResult r = preview.rebuild();

            assertTrue(r.ok(), () -> r.diagnostics().list().toString());
            assertEquals(2, results.size(), "every build is reported");
            assertTrue(get(preview, "/" + Fixture.DEPT + "/tin-tuc/tin-mot/").contains("Đoạn mới thêm"),
                    "the server shows the rebuilt page");
            assertEquals(before, Files.getLastModifiedTime(untouched), "a page the save did not change is not rewritten");
            assertEquals(firstStages, stages.size(), "rebuilds show no progress");
        }
    }

    /** The control: without the cache the same save writes the whole output again. */
    @Test
    void withoutTheCacheASaveRewritesEverything(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.standard(tmp)
                .news(Fixture.DEPT, "mot", "Tin một", "2025-01-10")
                .news(Fixture.COMMUNE, "hai", "Tin hai", "2025-01-11");
        BuildOptions options = BuildOptions.defaults(f.root, f.out()).withCache(false);
        try (Preview preview = new Preview(options, 0, r -> { }, m -> { })) {
            assertTrue(preview.start(false, Progress.NONE).ok());
            Path untouched = f.out().resolve(Fixture.COMMUNE + "/tin-tuc/tin-hai/index.html");
            FileTime before = Files.getLastModifiedTime(untouched);
            Thread.sleep(20);
            Path source = f.path("content/" + Fixture.DEPT + "/tin-tuc/mot.md");
            Files.writeString(source, Files.readString(source) + "\nĐoạn mới thêm.\n");
            assertTrue(preview.rebuild().ok());
            assertNotEquals(before, Files.getLastModifiedTime(untouched));
        }
    }

    /**
     * A page reloaded, or first opened, after a failed build shows that build's diagnostics, not
     * the last good output as if the save had worked; a good build brings the pages back.
     */
    @Test
    void afterAFailedBuildEveryPageShowsItsDiagnosticsUntilABuildSucceeds(@TempDir Path tmp) throws Exception {
        Fixture f = Fixture.standard(tmp)
                .news(Fixture.DEPT, "mot", "Tin một", "2025-01-10")
                .news(Fixture.COMMUNE, "hai", "Tin hai", "2025-01-11")
                .write("content/" + Fixture.DEPT + "/tin-tuc/a-canh-bao.md", Fixture.md(
                        "title: Tin có cảnh báo\ndate: 2025-01-09\nsummary: Tóm tắt", "#### Nhảy cấp\n"));
        BuildOptions options = BuildOptions.defaults(f.root, f.out()).withCache(true);
        String page = "/" + Fixture.DEPT + "/tin-tuc/tin-mot/";
        try (Preview preview = new Preview(options, 0, r -> { }, m -> { })) {
            assertTrue(preview.start(false, Progress.NONE).ok());
            assertTrue(get(preview, page).contains("Nội dung tin Tin một"));

            Path source = f.path("content/" + Fixture.DEPT + "/tin-tuc/mot.md");
            String good = Files.readString(source);
            Files.writeString(source, good.replace("date: 2025-01-10", "date: 10/01/2025"));
            assertFalse(preview.rebuild().ok());
            for (String path : List.of(page, "/" + Fixture.COMMUNE + "/tin-tuc/tin-hai/", "/", "/khong-co-trang-nay/",
                    "/" + Fixture.DEPT + "/index.html")) {
                HttpResponse<String> r = send(preview, path);
                assertEquals(500, r.statusCode(), path);
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
                org.jsoup.nodes.Document d = org.jsoup.Jsoup.parse(r.body());
                String shown = d.getElementById(ProblemPage.ELEMENT_ID).text();
                assertTrue(shown.contains("content/" + Fixture.DEPT + "/tin-tuc/mot.md:3:"), path + ": " + shown);
                assertTrue(shown.startsWith("content/" + Fixture.DEPT + "/tin-tuc/mot.md:3:"),
                        "the error first, before the warnings of files listed earlier: " + shown);
                assertTrue(shown.contains("a-canh-bao.md"), "the warnings too: " + shown);
                assertTrue(shown.contains("sửa:"), "how to fix it: " + shown);
                assertFalse(r.body().contains("Nội dung tin"), "no page of the last good output: " + path);
                assertTrue(r.body().contains(DevServer.EVENTS_PATH), "live reload still listens: " + path);
            }
            HttpResponse<String> css = send(preview, "/_assets/css/trang.css");
            assertEquals(200, css.statusCode(), "what pages load still loads");

            Files.writeString(source, good);
            assertTrue(preview.rebuild().ok());
            assertTrue(get(preview, page).contains("Nội dung tin Tin một"), "the page is back");
            assertEquals(404, send(preview, "/khong-co-trang-nay/").statusCode());
        }
    }

    private String get(Preview preview, String path) throws Exception {
        HttpResponse<String> r = send(preview, path);
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

    private HttpResponse<String> send(Preview preview, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + preview.port() + path))
                .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    }
}
