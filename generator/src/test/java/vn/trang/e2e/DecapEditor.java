package vn.trang.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Decap CMS as an editor uses it, driven through Chromium: what a person clicks and types, found
 * by what the person sees — the Vietnamese texts of Decap's {@code vi} locale ("Đăng nhập",
 * "Lưu", "Công bố ngay") and the labels Trang's config gives each field — never by Decap's
 * generated class names. A field is its {@code <label for>}: Decap names the input
 * {@code <key>-field-<n>}, the number changing with each form.
 */
final class DecapEditor {

    static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path shots;
    private int shot;
    private final long started = System.nanoTime();

    DecapEditor(ChromeDriver driver, Path shots) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(100));
        this.wait.ignoring(StaleElementReferenceException.class);
        this.shots = shots;
    }

    /** Opens a site's editor as a new person: whoever was signed in on this browser is signed out. */
    void signIn(String editorUrl) {
        if (driver.getCurrentUrl().startsWith("http")) {
            // Decap keeps the signed-in user in localStorage; each person here has her own decap-server
            js("localStorage.clear(); return 1;");
            driver.get("about:blank"); // a full load of the editor below, not a change of its #hash
        }
        driver.get(editorUrl);
        click(button("Đăng nhập"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//a[normalize-space()='Biên tập']")));
    }

    /** The form of a new item of a collection (its Decap name: the section's folder). */
    void newEntry(String collection) {
        js("location.hash = arguments[0]; return 1;", "#/collections/" + collection + "/new");
        wait.until(d -> visible(labelFor("title")));
    }

    /** "Biên tập": the board of items in draft, in review and ready. */
    void workflow() {
        js("location.hash = '#/workflow'; return 1;");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[normalize-space()='Quy trình biên tập']")));
    }

    /** An item the workflow shows, opened from its card (whose title contains {@code title}). */
    void openFromWorkflow(String title) {
        workflow();
        click(By.xpath("//a[contains(@href,'entries/')][.//*[contains(normalize-space(), " + literal(title) + ")]]"));
        wait.until(d -> visible(labelFor("title")));
    }

    void type(String field, String text) {
        WebElement input = field(field);
        input.sendKeys(text);
    }

    /** A date or date and time, as the browser's own picker would set it ({@code 2026-12-01T08:30}). */
    void setDate(String field, String value) {
        // The native picker's typed form depends on the browser's language; its value does not.
        WebElement input = field(field);
        js("const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;"
                + "set.call(arguments[0], arguments[1]);"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true})); return 1;", input, value);
        wait.until(d -> value.equals(input.getAttribute("value")));
    }

    /** Chooses an option of a select (Decap's searchable list) by typing part of it and taking the match. */
    void choose(WebElement select, String typed, String optionText) {
        scroll(select);
        select.sendKeys(typed);
        click(By.xpath("//*[contains(@id,'-option-')][contains(normalize-space(), " + literal(optionText) + ")]"));
    }

    void choose(String field, String typed, String optionText) {
        choose(field(field), typed, optionText);
    }

    /** Uploads an image through the media library and uses it for {@code field}. */
    void image(String field, Path file) {
        WebElement container = container(field);
        scroll(container);
        container.findElement(By.xpath(".//button[normalize-space()='Chọn một hình']")).click();
        WebElement upload = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[type=file]")));
        upload.sendKeys(file.toAbsolutePath().toString());
        String name = file.getFileName().toString();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[normalize-space()=" + literal(name) + "]")));
        click(button("Lấy những cái đã chọn"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=file]")));
    }

    /** Types into the Markdown body (the rich-text editor). */
    void body(String text) {
        WebElement editable = container("body").findElement(By.cssSelector("[contenteditable=true]"));
        scroll(editable);
        editable.click();
        editable.sendKeys(text);
    }

    /** Opens a collapsed group (an object field), e.g. the relations. */
    void expand(String field) {
        WebElement container = container(field);
        scroll(container);
        container.findElement(By.cssSelector("[data-testid=expand-button]")).click();
    }

    /** Adds an item to a list field by its button ("Add …", as Decap 3.16's vi locale leaves it) and returns the item's select for {@code subfield}. */
    WebElement addItem(String listField, String subfield) {
        WebElement container = container(listField);
        List<WebElement> before = container.findElements(labelFor(subfield));
        WebElement add = container.findElement(By.xpath(".//button[starts-with(normalize-space(), 'Add ')]"));
        scroll(add);
        add.click();
        wait.until(d -> container.findElements(labelFor(subfield)).size() > before.size());
        List<WebElement> labels = container.findElements(labelFor(subfield));
        return driver.findElement(By.id(labels.get(labels.size() - 1).getAttribute("for")));
    }

    /** "Lưu": saves the item on its branch; waits until Decap says so. */
    void save() {
        click(button("Lưu"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[normalize-space()='Mục đã được lưu']")));
        wait.until(d -> statusButton() != null);
    }

    /** The status menu of a saved item: "Bản nháp", "Đang xét duyệt" (in review), "Sẵn sàng" (ready). */
    void setStatus(String status) {
        click(statusButton());
        click(By.xpath("//*[@role='menuitem'][normalize-space()=" + literal(status) + "]"));
        wait.until(d -> {
            WebElement now = statusButton(); // re-rendered while the change is saved
            return now != null && now.getText().endsWith(status);
        });
    }

    /** "Công bố" → "Công bố ngay", confirmed: the reviewer merges the item into main. */
    void publishNow() {
        click(By.xpath("//*[@aria-haspopup='true'][normalize-space()='Công bố']"));
        click(By.xpath("//*[@role='menuitem'][normalize-space()='Công bố ngay']"));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[normalize-space()='Mục đã được công bố']")));
    }

    /** The field validation messages Decap shows, as text (empty when the form is valid). */
    List<String> errors() {
        return driver.findElements(By.cssSelector("[class*=ControlErrorsList] li")).stream()
                .map(WebElement::getText).toList();
    }

    /** A screenshot of the viewport as {@code NN-name.png}; returns the file. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(shots);
            Path file = shots.resolve(String.format("%02d-%s.png", ++shot, name));
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            System.out.printf("editor: %s at %d ms%n", file.getFileName(), (System.nanoTime() - started) / 1_000_000);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scrolls a field into the middle of the form, for a screenshot of it. */
    void show(String field) {
        scroll(container(field));
    }

    WebDriver driver() {
        return driver;
    }

    private WebElement statusButton() {
        return driver.findElements(By.xpath("//*[@aria-haspopup='true'][starts-with(normalize-space(), 'Trạng')]"))
                .stream().findFirst().orElse(null);
    }

    /** The input of the first visible field named {@code key}. */
    private WebElement field(String key) {
        WebElement label = wait.until(d -> d.findElements(labelFor(key)).stream().filter(WebElement::isDisplayed)
                .findFirst().orElse(null));
        WebElement input = driver.findElement(By.id(label.getAttribute("for")));
        scroll(input);
        return input;
    }

    /** The box around the first visible field named {@code key}: its label, widget, hint and errors. */
    private WebElement container(String key) {
        WebElement label = wait.until(d -> d.findElements(labelFor(key)).stream().filter(WebElement::isDisplayed)
                .findFirst().orElse(null));
        return label.findElement(By.xpath("ancestor::*[@aria-label][1]"));
    }

    private static By labelFor(String key) {
        return By.cssSelector("label[for^='" + key + "-field-']");
    }

    private static By button(String text) {
        return By.xpath("//button[normalize-space()=" + literal(text) + "]");
    }

    private boolean visible(By by) {
        return driver.findElements(by).stream().anyMatch(WebElement::isDisplayed);
    }

    /** Finds and clicks again while React re-renders the element under the pointer (a board loading, a toast). */
    private void click(By by) {
        wait.until(d -> {
            try {
                WebElement e = d.findElement(by);
                if (!e.isDisplayed() || !e.isEnabled()) {
                    return false;
                }
                scroll(e);
                e.click();
                return true;
            } catch (NoSuchElementException | StaleElementReferenceException | ElementClickInterceptedException gone) {
                return false;
            }
        });
    }

    private void click(WebElement e) {
        scroll(e);
        wait.until(ExpectedConditions.elementToBeClickable(e)).click();
    }

    private void scroll(WebElement e) {
        js("arguments[0].scrollIntoView({block: 'center'}); return 1;", e);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** An XPath string literal of any text. */
    private static String literal(String s) {
        if (!s.contains("'")) {
            return "'" + s + "'";
        }
        return "concat('" + s.replace("'", "', \"'\", '") + "')";
    }
}
