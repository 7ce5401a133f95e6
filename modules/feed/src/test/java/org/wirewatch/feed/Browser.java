package org.wirewatch.feed;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium through the system chromedriver: no Selenium Manager download, a fresh profile per run.
 * CI installs {@code chromium} and {@code chromium-driver}; without them the browser tests fail rather than skip.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("wirewatch.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("wirewatch.chromedriver", "/usr/bin/chromedriver");

    final WebDriver driver;
    private final Path profile;

    Browser(final int width, final int height) throws IOException {
        profile = Files.createTempDirectory(Path.of("target"), "chromium-profile");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        final ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + width + "," + height,
                "--force-device-scale-factor=1",
                "--lang=en-GB");
        // The page's console, so a test can require it to stay free of errors.
        final org.openqa.selenium.logging.LoggingPreferences logs =
                new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        final ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    /** The console's warnings and errors since the last call. */
    java.util.List<String> consoleProblems() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                .map(e -> e.getLevel() + " " + e.getMessage())
                .toList();
    }

    /** Empties the HTTP cache, so the next load transfers everything, as a first visit does. */
    void clearCache() {
        ((org.openqa.selenium.chromium.HasCdp) driver)
                .executeCdpCommand("Network.clearBrowserCache", java.util.Map.of());
    }

    void resize(final int width, final int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    Path screenshot(final String name) throws IOException {
        final Path out = Path.of("target", name).toAbsolutePath();
        Files.write(out, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return out;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
