package org.wirewatch.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.EventType;
import org.wirewatch.schema.IncidentGrade;
import org.wirewatch.schema.SourceType;
import org.wirewatch.schema.SubEventType;
import org.wirewatch.testkit.KafkaBroker;
import org.wirewatch.testkit.WithKafka;

/**
 * The dashboard in a real (headless) Chromium against a feed on the embedded broker: what is on the topics shows,
 * and an incident published while the page is open appears at the top within 3 seconds. Leaves
 * {@code target/dashboard.png} for a look.
 */
@WithKafka
class DashboardBrowserIT {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    static FeedFixture feed;
    static Browser browser;

    @BeforeAll
    static void start(final KafkaBroker kafka) throws Exception {
        feed = new FeedFixture(kafka, FeedConfig.defaults(), 3);
        DashboardData.publish(feed, TODAY);
        await().atMost(Duration.ofSeconds(10)).until(() -> feed.feed.view().incidentCount() >= DashboardData.INCIDENTS);
        browser = new Browser(1440, 900);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (feed != null) {
            feed.close();
        }
    }

    @Test
    void shouldShowAPublishedIncidentAtTheTopWithinThreeSecondsWhenThePageIsOpen() throws Exception {
        // given the dashboard showing what the topics hold, connected to the stream
        browser.driver.get(feed.url("/"));
        final WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.attributeToBe(By.id("status"), "data-state", "live"));
        assertThat(browser.driver.findElements(By.cssSelector("#incidents li.incident")))
                .hasSize(DashboardData.INCIDENTS);

        // when an incident is published
        feed.send(
                FeedEventType.CLAIM,
                "urn:wire:sy-01#c1",
                TestRecords.claim(
                        "urn:wire:sy-01#c1",
                        "sy-abu-husn",
                        "Syrian Observatory for Human Rights",
                        SourceType.MONITOR,
                        ClaimKind.FIGURE,
                        43));
        feed.send(
                FeedEventType.CLAIM,
                "urn:wire:sy-01#c2",
                TestRecords.claim(
                        "urn:wire:sy-01#c2",
                        "sy-abu-husn",
                        "US-led coalition",
                        SourceType.BELLIGERENT,
                        ClaimKind.DENIAL,
                        null));
        final long sentAt = System.nanoTime();
        feed.send(
                FeedEventType.INCIDENT,
                "sy-abu-husn",
                TestRecords.incident(
                        "sy-abu-husn",
                        "SY",
                        "SY-DY",
                        "Deir ez-Zor",
                        "Abu Husn",
                        TODAY,
                        EventType.EXPLOSIONS_REMOTE_VIOLENCE,
                        SubEventType.AIR_DRONE_STRIKE,
                        "US-led coalition",
                        TestRecords.figure(36, 43, 43),
                        17,
                        IncidentGrade.CONTESTED,
                        2));

        // then it is the first card within 3 s, with the claims side by side
        final WebElement first = new WebDriverWait(browser.driver, Duration.ofSeconds(3)).until(d -> {
            final List<WebElement> cards = d.findElements(By.cssSelector("#incidents li.incident"));
            return !cards.isEmpty() && "sy-abu-husn".equals(cards.get(0).getAttribute("data-id")) ? cards.get(0) : null;
        });
        final long elapsedMs = (System.nanoTime() - sentAt) / 1_000_000;
        assertThat(elapsedMs).isLessThan(3_000);
        assertThat(first.findElement(By.cssSelector(".place")).getText()).isEqualTo("Abu Husn");
        assertThat(first.findElement(By.cssSelector(".best")).getText()).isEqualTo("43");
        assertThat(first.findElement(By.cssSelector(".range")).getText()).isEqualTo("36–43–43");
        assertThat(first.findElement(By.cssSelector(".claims")).getText())
                .contains("SOHR: 43 killed")
                .contains("US-led coalition: denies");
        assertThat(first.findElement(By.cssSelector(".extra")).getText()).contains("17 children");

        // and the regions table and alert banner reflect the topics
        wait.until(d -> d.findElements(By.cssSelector("#regions tr")).size() >= 4);
        assertThat(browser.driver.findElement(By.id("regions")).getText())
                .contains("Deir ez-Zor")
                .contains("Balochistan");
        assertThat(browser.driver.findElements(By.cssSelector("#regions svg rect")))
                .isNotEmpty();
        assertThat(browser.driver.findElement(By.id("alerts")).getText()).contains("killed");

        await().pollDelay(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).until(() -> true);
        final Path shot = browser.screenshot("dashboard.png");
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }
}
