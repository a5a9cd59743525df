package org.fittrackee.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.fittrackee.keycloak.testing.AdminApi;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver. Each browser has a profile of
 * its own, so no Keycloak session or cookie carries over from one user to the next.
 */
final class ChromiumBrowser implements AutoCloseable {

    // Debian's paths; -De2e.chromium and -De2e.chromedriver point elsewhere on other systems.
    static final Path CHROMIUM = Path.of(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER =
            Path.of(System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver"));

    private static final Duration PAGE_WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Path profile;

    private ChromiumBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static boolean isInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Skips the calling test, rather than failing the build, on a machine without Chromium. */
    static void assumeInstalled() {
        assumeTrue(
                isInstalled(),
                "The end-to-end tests need Chromium at "
                        + CHROMIUM
                        + " and chromedriver at "
                        + CHROMEDRIVER
                        + ": apt-get install chromium chromium-driver (.ci/run does), or set"
                        + " -De2e.chromium and -De2e.chromedriver");
    }

    static ChromiumBrowser start() throws IOException {
        Path profile = Files.createTempDirectory("fittrackee-e2e-chromium-");
        ChromeOptions options = new ChromeOptions();
        // Both paths are given so that Selenium Manager never runs: it would try to download a
        // browser or a driver, and this machine reaches no such site.
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .usingAnyFreePort()
                        .build();
        return new ChromiumBrowser(new ChromeDriver(service, options), profile);
    }

    void open(URI url) {
        driver.get(url.toString());
    }

    /** Waits for the element with the id and returns it. */
    WebElement await(String id) {
        return new WebDriverWait(driver, PAGE_WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /** Waits for a visible button or link with exactly this text, and clicks it. */
    void click(String text) {
        String xpath =
                "//button[normalize-space()='%1$s'] | //a[normalize-space()='%1$s']"
                        .formatted(text);
        new WebDriverWait(driver, PAGE_WAIT)
                .until(ExpectedConditions.elementToBeClickable(By.xpath(xpath)))
                .click();
    }

    /** Waits for the element with the id to be clickable, and clicks it. */
    void clickId(String id) {
        new WebDriverWait(driver, PAGE_WAIT)
                .until(ExpectedConditions.elementToBeClickable(By.id(id)))
                .click();
    }

    /** Waits until some visible element of the page shows exactly this text. */
    void awaitText(String text) {
        new WebDriverWait(driver, PAGE_WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(withText(text)));
    }

    /** Waits until no element of the page shows this text any more. */
    void awaitNoText(String text) {
        new WebDriverWait(driver, PAGE_WAIT)
                .until(ExpectedConditions.invisibilityOfElementLocated(withText(text)));
    }

    private static By withText(String text) {
        return By.xpath("//*[normalize-space(text())='" + text + "']");
    }

    /** Fills in and sends Keycloak's login form, which must be on the page or on its way. */
    void logIn(AdminApi.TestUser user) {
        WebElement form = await("kc-form-login");
        form.findElement(By.name("username")).sendKeys(user.username());
        form.findElement(By.name("password")).sendKeys(user.password());
        form.findElement(By.name("login")).click();
    }

    /** Presses a button of the consent form: {@code accept} or {@code cancel}. */
    void answerConsent(String button) {
        await("kc-oauth").findElement(By.name(button)).click();
    }

    /** Waits until the browser is on a page whose address starts with the prefix. */
    URI awaitAddressStartingWith(String prefix) {
        new WebDriverWait(driver, PAGE_WAIT)
                .until(browser -> browser.getCurrentUrl().startsWith(prefix));
        return URI.create(driver.getCurrentUrl());
    }

    String title() {
        return driver.getTitle();
    }

    /** Saves what the browser shows as a PNG under the screenshot directory. */
    Path screenshot(String name) throws IOException {
        Path directory =
                Files.createDirectories(
                        Path.of(System.getProperty("e2e.screenshots.dir", "target/screenshots")));
        Path file = directory.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    /** Best effort: a profile left in the temporary directory must not fail a test. */
    private void deleteProfile() {
        try (Stream<Path> paths = Files.walk(profile)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete the browser profile " + profile + ": " + e);
        }
    }
}
