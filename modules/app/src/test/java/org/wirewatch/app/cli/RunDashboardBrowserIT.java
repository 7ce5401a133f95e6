package org.wirewatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.wirewatch.app.Pipeline;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;
import org.wirewatch.feed.FeedStage;
import org.wirewatch.ingest.IngestStage;

/**
 * The whole of {@code wirewatch run} on ephemeral ports with the dashboard open in headless Debian Chromium: a
 * report pushed to the ingest endpoint becomes an incident on the page within 3 seconds. Saves
 * {@code target/run-dashboard.png}.
 */
class RunDashboardBrowserIT {

    @TempDir
    Path dir;

    @Test
    void shouldShowAPushedReportsIncidentOnTheDashboardWithinThreeSecondsWhenRunning() throws Exception {
        final Settings settings = Settings.of(Map.of(
                CoreConfig.DATA_DIR,
                dir.resolve("data").toString(),
                CoreConfig.EMBEDDED_KAFKA_PORT,
                "0",
                CoreConfig.EMBEDDED_REGISTRY_PORT,
                "0",
                CoreConfig.HTTP_PORT,
                "0",
                "wirewatch.ingest.inbox.dir",
                dir.resolve("inbox").toString()));
        try (Pipeline pipeline = Pipeline.start(settings, RunCommand.stages())) {
            final FeedStage feed = FeedCommand.find(pipeline.stages(), FeedStage.class);
            final IngestStage ingest = FeedCommand.find(pipeline.stages(), IngestStage.class);
            await().atMost(Duration.ofSeconds(90)).until(pipeline::ready);
            final String base = "http://localhost:" + feed.port();

            final WebDriver browser = chromium(dir.resolve("profile"));
            try {
                // given the dashboard open and live
                browser.get(base + "/");
                new WebDriverWait(browser, Duration.ofSeconds(15))
                        .until(ExpectedConditions.attributeToBe(By.id("status"), "data-state", "live"));

                // and the pipeline warmed up by a first report (one-time costs: schema registration, first
                // transactions)
                final LocalDate today = LocalDate.now(ZoneOffset.UTC);
                final HttpClient http = HttpClient.newHttpClient();
                push(http, base, ingest.httpToken(), "text/plain", "03-wire-pk-quetta.txt", today);
                new WebDriverWait(browser, Duration.ofSeconds(60))
                        .ignoring(StaleElementReferenceException.class)
                        .until(d -> d.findElement(By.id("incidents")).getText().contains("Quetta"));

                // when the seed story is pushed, dated today
                final long pushedAt = System.nanoTime();
                push(http, base, ingest.httpToken(), "application/json", "01-afp-sy-abu-husn.json", today);

                // then its incident is on the page within 3 s
                final WebElement card = new WebDriverWait(browser, Duration.ofSeconds(3))
                        .ignoring(StaleElementReferenceException.class)
                        .until(d -> {
                            final List<WebElement> cards = d.findElements(By.cssSelector("#incidents li.incident"));
                            return cards.stream()
                                    .filter(c -> c.getText().contains("Abu Husn"))
                                    .findFirst()
                                    .orElse(null);
                        });
                final long elapsedMs = (System.nanoTime() - pushedAt) / 1_000_000;
                assertThat(elapsedMs).isLessThan(3_000);
                assertThat(browser.findElement(By.cssSelector(
                                        "#incidents li.incident[data-id='" + card.getAttribute("data-id") + "'] .best"))
                                .getText())
                        .isEqualTo("43");
                // and the tallies follow: Deir ez-Zor's 30-day column counts the strike
                new WebDriverWait(browser, Duration.ofSeconds(30))
                        .ignoring(StaleElementReferenceException.class)
                        .until(d -> d.findElements(By.cssSelector("#regions tr")).stream()
                                .anyMatch(r -> r.getText().startsWith("Deir ez-Zor")
                                        && r.getText().contains("43")));
                Files.createDirectories(Path.of("target"));
                Files.write(
                        Path.of("target", "run-dashboard.png"),
                        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            } finally {
                browser.quit();
            }
        }
    }

    private static void push(
            final HttpClient http,
            final String base,
            final String token,
            final String type,
            final String sample,
            final LocalDate today)
            throws Exception {
        final String report = DemoCommand.render(DemoCommand.read(sample), today, java.time.Clock.systemUTC());
        final HttpResponse<String> res = http.send(
                HttpRequest.newBuilder(URI.create(base + "/v1/reports"))
                        .header("Content-Type", type)
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(report))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(res.body()).isEqualTo(202);
    }

    /** Headless Debian Chromium through the system chromedriver (no Selenium Manager download). */
    private static WebDriver chromium(final Path profile) throws Exception {
        Files.createDirectories(profile);
        final String driver = System.getProperty("wirewatch.chromedriver", "/usr/bin/chromedriver");
        System.setProperty("webdriver.chrome.driver", driver);
        final ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("wirewatch.chromium", "/usr/bin/chromium"));
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
                "--window-size=1440,900",
                "--lang=en-GB");
        return new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(driver))
                        .usingAnyFreePort()
                        .build(),
                options);
    }
}
