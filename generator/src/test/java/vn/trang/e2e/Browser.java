package vn.trang.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The browser of the browser tests: Debian's Chromium, headless, through chromedriver, one for
 * the whole test JVM. The first test that asks starts it; JUnit quits it once, after the last test
 * (it lives in the launcher session's store, see {@link SharedBrowser}). Starting Chromium costs
 * seconds on a small CI machine, and nothing a test checks depends on a new process.
 *
 * <p>Each {@link #driver()} hands it back as a test expects to find it: one window of 1280×900, no
 * emulated device, on {@code about:blank}, the performance log emptied. A test that needs another
 * size sets it and restores it (or leaves it to the next {@code driver()}). Storage is per origin
 * and each test serves on its own port; a test whose page keeps state in the browser (Decap's
 * signed-in user) clears its origin first ({@link #forget}), as a port can come back.
 *
 * <p>Without chromium or chromedriver (or what else a test needs) a test is skipped with the
 * reason, so {@code mvn verify} passes on a machine without a browser; under CI ({@code CI=true})
 * that is a failure, so a broken install cannot pass silently. Overrides:
 * {@code -Dtrang.chromium=}, {@code -Dtrang.chromedriver=}.
 */
final class Browser {

    static final int WIDTH = 1280;
    static final int HEIGHT = 900;

    /** Held, so the level set on it is not lost to garbage collection. */
    static final java.util.logging.Logger SELENIUM_DEVTOOLS_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    private final ExtensionContext.Store store;

    Browser(ExtensionContext.Store store) {
        this.store = store;
    }

    /** A program: the system property, or the first name found on PATH. */
    static Path find(String property, String... names) {
        String given = System.getProperty(property);
        if (given != null && !given.isBlank()) {
            Path p = Path.of(given);
            return Files.isExecutable(p) ? p : null;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            for (String name : names) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p) && Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    static Path chromium() {
        return find("trang.chromium", "chromium", "chromium-browser");
    }

    static Path chromedriver() {
        return find("trang.chromedriver", "chromedriver");
    }

    /**
     * Why {@code test} cannot run here, or null: chromium or chromedriver missing, or any of
     * {@code alsoMissing} (what the test itself needs and did not find, with how to install it).
     * Under CI a reason is a failure. Printed as a warning, for the run's log.
     */
    static String unavailable(String test, List<String> alsoMissing) {
        List<String> missing = new ArrayList<>();
        if (chromium() == null) {
            missing.add("chromium (apt-get install chromium)");
        }
        if (chromedriver() == null) {
            missing.add("chromedriver (apt-get install chromium-driver)");
        }
        missing.addAll(alsoMissing);
        if (missing.isEmpty()) {
            return null;
        }
        String why = test + " skipped, missing: " + String.join("; ", missing) + " — .ci/run installs them";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("under CI the browser test must run; " + why);
        }
        System.err.println("[WARNING] " + why);
        return why;
    }

    /** {@link #unavailable}, as an abort of the running test. */
    static void require(String test, List<String> alsoMissing) {
        String why = unavailable(test, alsoMissing);
        Assumptions.assumeTrue(why == null, why);
    }

    /**
     * The shared browser, started on first use, as a test expects to find it. A browser that no
     * longer answers (crashed in an earlier test) is replaced.
     */
    ChromeDriver driver() {
        Running running = store.getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class);
        try {
            running.reset();
        } catch (WebDriverException gone) {
            store.remove(Running.class, Running.class).close();
            running = store.getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class);
            running.reset();
        }
        return running.driver;
    }

    /** Clears what the browser keeps for an origin ({@code http://127.0.0.1:port}): storage, cookies, cache. */
    void forget(String origin) {
        driver().executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
    }

    /** Chromium and its profile folder; closed by JUnit with the session's store, at the end of the run. */
    private record Running(ChromeDriver driver, Path profile) implements AutoCloseable {

        static Running start() {
            try {
                // Selenium looks for a DevTools binding matching the browser on start and warns when
                // the browser is newer; the tests use none (executeCdpCommand goes through chromedriver).
                SELENIUM_DEVTOOLS_LOG.setLevel(Level.SEVERE);
                Path profile = Files.createTempDirectory("trang-chromium-");
                ChromeOptions options = new ChromeOptions();
                options.setBinary(chromium().toFile());
                options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                        "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=" + WIDTH + "," + HEIGHT,
                        "--user-data-dir=" + profile);
                // the network requests of a page, for BrowserAccessibilityTest
                LoggingPreferences logs = new LoggingPreferences();
                logs.enable(LogType.PERFORMANCE, Level.ALL);
                options.setCapability("goog:loggingPrefs", logs);
                ChromeDriverService service = new ChromeDriverService.Builder()
                        .usingDriverExecutable(chromedriver().toFile()).usingAnyFreePort().build();
                ChromeDriver driver = new ChromeDriver(service, options);
                driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(60));
                return new Running(driver, profile);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** One window, 1280×900, no emulation, blank, and no log of what came before. */
        void reset() {
            List<String> windows = new ArrayList<>(driver.getWindowHandles());
            for (String w : windows.subList(1, windows.size())) {
                driver.switchTo().window(w).close();
            }
            driver.switchTo().window(windows.get(0));
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
            driver.get("about:blank");
            driver.manage().logs().get(LogType.PERFORMANCE);
        }

        @Override
        public void close() {
            try {
                driver.quit();
            } finally {
                try (Stream<Path> s = Files.walk(profile)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // a temp folder; the OS cleans it eventually
                }
            }
        }
    }
}
