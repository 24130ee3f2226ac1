package vn.trang.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import vn.trang.serve.DevServer;

/**
 * The header on a phone: at 390×844 (a common phone) the notice, the unit's name, the search
 * form and the folded menu leave the page's first content above 300 px, and the menu opens
 * without JavaScript ("Danh mục", a {@code <details>}); at 1280 px every menu item is in view.
 * Viewport screenshots are left in {@code <build folder>/screenshots/mobile-*.png}. Skipped,
 * like {@link BrowserAccessibilityTest}, when Chromium is not installed (a failure under CI).
 */
@ExtendWith(SharedBrowser.class)
class MobileHeaderBrowserTest {

    /** Where content must start on a phone: the header may take at most this much of the screen. */
    static final int MAX_TOP = 300;

    static final Map<String, String> PAGES = Map.of(
            "portal-home", "/",
            "unit-home", "/so-tai-chinh/",
            "document", "/van-ban/06-ct-ubnd/",
            "procedure", "/so-xay-dung/thu-tuc/cap-giay-phep-xay-dung-moi-cong-trinh-cap-dac-biet-cap-i-cap-ii/");

    /** The first element of main that takes room: where the page's own content starts. */
    static final String CONTENT_TOP = "const m = document.querySelector('main');"
            + "for (const e of m.children) { const r = e.getBoundingClientRect();"
            + " if (r.height > 0) return Math.round(r.top + window.scrollY); }"
            + "return -1;";

    static String skipped;
    static DevServer server;
    static ChromeDriver driver;
    static String base;
    static Path screenshots;

    @BeforeAll
    static void start(Browser browser) throws Exception {
        skipped = Browser.unavailable("mobile header browser test", List.of());
        if (skipped != null) {
            return;
        }
        Path out = DemoBuild.out();
        screenshots = DemoBuild.artifacts("screenshots");
        Files.createDirectories(screenshots);
        server = new DevServer(() -> out, 0, false);
        server.start();
        base = "http://127.0.0.1:" + server.port();
        driver = browser.driver();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    void open(String path, int width, int height) throws InterruptedException {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
        driver.get(base + path);
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!"complete".equals(driver.executeScript("return document.readyState;"))) {
            if (System.nanoTime() > until) {
                fail("page did not finish loading: " + path);
            }
            Thread.sleep(50);
        }
    }

    /** What the screen shows, as a citizen sees it on arrival. */
    void screenshot(String name) throws IOException {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        Files.write(screenshots.resolve("mobile-" + name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    @Test
    void onAPhoneContentStartsAbove300PxAndTheFoldedMenuOpens() throws Exception {
        Assumptions.assumeTrue(skipped == null, () -> skipped);
        List<String> tooLow = new ArrayList<>();
        for (Map.Entry<String, String> p : PAGES.entrySet()) {
            open(p.getValue(), 390, 844);
            screenshot(p.getKey() + "-390");
            Number top = (Number) driver.executeScript(CONTENT_TOP);
            if (top.intValue() < 0 || top.intValue() >= MAX_TOP) {
                tooLow.add(p.getKey() + ": content starts at " + top + " px");
            }
            List<WebElement> full = driver.findElements(By.cssSelector(".main-nav .menu-full a"));
            assertTrue(full.stream().noneMatch(WebElement::isDisplayed), p.getKey() + ": the full menu row is hidden");
            List<WebElement> folded = driver.findElements(By.cssSelector(".main-nav .menu-fold a"));
            assertFalse(folded.isEmpty(), p.getKey() + ": the menu is in the fold");
            assertTrue(folded.stream().noneMatch(WebElement::isDisplayed), p.getKey() + ": folded on arrival");
            driver.findElement(By.cssSelector(".main-nav .menu-fold summary")).click();
            assertTrue(folded.stream().allMatch(WebElement::isDisplayed), p.getKey() + ": every item shows once opened");
            screenshot(p.getKey() + "-390-menu");
        }
        assertTrue(tooLow.isEmpty(), "the header takes too much of a 390×844 screen: " + tooLow);
    }

    @Test
    void onAWideScreenTheWholeMenuIsInView() throws Exception {
        Assumptions.assumeTrue(skipped == null, () -> skipped);
        for (Map.Entry<String, String> p : PAGES.entrySet()) {
            open(p.getValue(), 1280, 900);
            screenshot(p.getKey() + "-1280");
            List<WebElement> full = driver.findElements(By.cssSelector(".main-nav .menu-full a"));
            assertFalse(full.isEmpty(), p.getKey());
            assertTrue(full.stream().allMatch(WebElement::isDisplayed), p.getKey() + ": every item in the row");
            assertEquals(0, driver.findElements(By.cssSelector(".main-nav .menu-fold summary")).stream()
                    .filter(WebElement::isDisplayed).count(), p.getKey() + ": no fold on a wide screen");
        }
    }
}
