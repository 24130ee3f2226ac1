package vn.trang.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import vn.trang.Fixture;
import vn.trang.editor.EditorFiles;
import vn.trang.pipeline.BuildOptions;
import vn.trang.pipeline.Progress;
import vn.trang.serve.Preview;

/**
 * Decap CMS's preview pane in Chromium shows what {@code trang serve} renders: the site's editor
 * page (as the build writes it, with Decap's in-browser test backend instead of Git, so no Git
 * server is needed) on the preview server, a new news item typed in, and in the pane first the
 * missing summary's diagnostic, then, with the summary and the date filled, the page with the
 * typed title in the theme's h1 and the theme's stylesheet. Screenshots
 * go to target/preview-pane/.
 */
@ExtendWith(SharedBrowser.class)
class PreviewPaneBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String TITLE = "Hội nghị thử khung xem trước";

    @Test
    void thePaneShowsTheEntryAsTrangRendersIt(@TempDir Path tmp, Browser browser) throws Exception {
        Path decap = Fixture.REPO.resolve(EditorFiles.INSTALLED);
        Browser.require("preview pane browser test", Files.isRegularFile(decap.resolve("decap-cms.js")) ? List.of()
                : List.of(EditorFiles.INSTALLED + " (cd editor && npm ci)"));

        Fixture f = Fixture.standard(tmp.resolve("du-an"));
        Files.createDirectories(f.root.resolve("editor"));
        Files.createSymbolicLink(f.root.resolve("editor/node_modules"), Fixture.REPO.resolve("editor/node_modules"));
        BuildOptions options = BuildOptions.defaults(f.root, f.out()).withDrafts(true);
        Path shots = Fixture.REPO.resolve("generator/target/preview-pane");
        Files.createDirectories(shots);
        try (Preview preview = new Preview(options, 0, r -> { }, m -> { })) {
            assertTrue(preview.start(false, Progress.NONE).ok());
            Path editor = testEditor(f.out().resolve(Fixture.DEPT + "/quan-tri"), f.out().resolve(Fixture.DEPT + "/quan-tri-thu"));
            String origin = "http://127.0.0.1:" + preview.port();
            browser.forget(origin); // Decap's test backend keeps its user in localStorage
            ChromeDriver driver = browser.driver();
            // wide enough for Decap's form and preview pane side by side
            driver.manage().window().setSize(new Dimension(1400, 1000));
            try {
                driver.get(origin + "/" + Fixture.DEPT + "/" + editor.getFileName()
                        + "/#/collections/tin-tuc/new");
                // the test backend's login: one button
                until(driver, d -> d.findElements(By.cssSelector("button")).stream().findFirst().orElse(null)).click();
                WebElement title = until(driver, d -> d.findElements(By.cssSelector("[id^='title-field']")).stream()
                        .findFirst().orElse(null));
                title.sendKeys(TITLE);
                String missing = inPane(driver, d -> {
                    List<WebElement> box = d.findElements(By.id("trang-xem-truoc-loi"));
                    return !box.isEmpty() && box.get(0).getText().contains("summary") ? box.get(0).getText() : null;
                });
                assertTrue(missing.contains("content/" + Fixture.DEPT + "/tin-tuc/"), missing);
                Files.write(shots.resolve("1-thieu-tom-tat.png"), driver.getScreenshotAs(OutputType.BYTES));

                until(driver, d -> d.findElements(By.cssSelector("[id^='summary-field']")).stream().findFirst().orElse(null))
                        .sendKeys("Tóm tắt gõ trong trình soạn thảo");
                // the date of publication: Decap's "now" button, the first one on the form
                until(driver, d -> d.findElements(By.xpath("//button[contains(., 'Ngay lúc này')]")).stream()
                        .findFirst().orElse(null)).click();
                String h1 = inPane(driver, d -> {
                    List<WebElement> heading = d.findElements(By.cssSelector("main h1, h1"));
                    return !heading.isEmpty() && heading.get(0).getText().contains(TITLE) ? heading.get(0).getText() : null;
                });
                assertTrue(h1.contains(TITLE), h1);
                String css = inPane(driver, d -> (String) ((ChromeDriver) driver).executeScript(
                        "var l=document.querySelector('link[rel=stylesheet]');return l&&l.href;"));
                assertTrue(css.endsWith("/_assets/css/trang.css"), css);
                Files.write(shots.resolve("2-trang-xem-truoc.png"), driver.getScreenshotAs(OutputType.BYTES));
            } finally {
                driver.manage().window().setSize(new Dimension(Browser.WIDTH, Browser.HEIGHT));
            }
        }
    }

    /**
     * The site's editor page as the build wrote it, beside a copy of its config.yml that keeps
     * entries in the browser (Decap's test-repo backend) instead of a Git server.
     */
    private static Path testEditor(Path built, Path copy) throws IOException {
        Files.createDirectories(copy);
        Files.copy(built.resolve("index.html"), copy.resolve("index.html"));
        String config = Files.readString(built.resolve("config.yml"))
                .replaceFirst("(?s)\nbackend:\n(  [^\n]*\n)+", "\nbackend:\n  name: test-repo\n")
                .replace("local_backend: true\n", "").replace("publish_mode: editorial_workflow\n", "");
        Files.writeString(copy.resolve("config.yml"), config);
        return copy;
    }

    /** Polls the top page until {@code probe} gives a value. */
    private static <T> T until(WebDriver driver, Function<WebDriver, T> probe) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            driver.switchTo().defaultContent();
            try {
                T v = probe.apply(driver);
                if (v != null) {
                    return v;
                }
            } catch (RuntimeException stale) {
                // the page is still being built by React
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not found within " + WAIT + " in " + driver.getPageSource());
    }

    /** Polls the page inside Trang's frame, inside Decap's preview frame, until {@code probe} gives a value. */
    private static <T> T inPane(WebDriver driver, Function<WebDriver, T> probe) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            try {
                driver.switchTo().defaultContent();
                for (WebElement decapFrame : driver.findElements(By.tagName("iframe"))) {
                    driver.switchTo().defaultContent();
                    driver.switchTo().frame(decapFrame);
                    List<WebElement> ours = driver.findElements(By.cssSelector("iframe[title='Bản xem trước']"));
                    if (!ours.isEmpty()) {
                        driver.switchTo().frame(ours.get(0));
                        last = driver.getPageSource();
                        T v = probe.apply(driver);
                        if (v != null) {
                            driver.switchTo().defaultContent();
                            return v;
                        }
                    }
                }
            } catch (RuntimeException stale) {
                // a frame replaced while looking
            }
            Thread.sleep(300);
        }
        driver.switchTo().defaultContent();
        throw new AssertionError("the preview pane did not show it within " + WAIT + "; last seen: " + last);
    }
}
