package org.wirewatch.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.EventType;
import org.wirewatch.schema.IncidentGrade;
import org.wirewatch.schema.SourceType;
import org.wirewatch.schema.SubEventType;

/**
 * The dashboard's map, filters, time range, grouped alerts and evidence links in a real (headless) Chromium, on
 * records shaped like the demo's ({@link DashboardData} plus the Abu Husn strike). Leaves
 * {@code target/dashboard-1400.png}, {@code target/dashboard-400.png} and the page-weight figures in
 * {@code target/dashboard-figures.txt}.
 */
@org.wirewatch.testkit.WithKafka
class DashboardViewsBrowserIT {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardViewsBrowserIT.class);
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    /** DashboardData's incidents and the Abu Husn strike. */
    static final int INCIDENTS = DashboardData.INCIDENTS + 1;

    static final int LOCATED = DashboardData.LOCATED + 1;
    /** Countries in the bundled Natural Earth 1:110m outlines. */
    static final int COUNTRIES = 177;

    static FeedFixture feed;
    static Browser browser;

    @BeforeAll
    static void start(final org.wirewatch.testkit.KafkaBroker kafka) throws Exception {
        feed = new FeedFixture(kafka, FeedConfig.defaults(), 3);
        DashboardData.publish(feed, TODAY);
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
        feed.send(
                FeedEventType.INCIDENT,
                "sy-abu-husn",
                DashboardData.at(
                        34.74,
                        40.83,
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
                                2)));
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> feed.feed.view().incidentCount() >= INCIDENTS
                        && feed.feed.view().alertCount() >= 4);
        browser = new Browser(1400, 1000);
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

    @BeforeEach
    void desktop() {
        browser.resize(1400, 1000);
    }

    private static WebDriver open(final String query) {
        browser.driver.get(feed.url("/" + query));
        new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.attributeToBe(By.id("status"), "data-state", "live"));
        return browser.driver;
    }

    private static List<WebElement> all(final String css) {
        return browser.driver.findElements(By.cssSelector(css));
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(5));
    }

    /** The data-id of every element the selector finds, read in one script so a redraw cannot stale them. */
    @SuppressWarnings("unchecked")
    private static List<String> ids(final String css) {
        return (List<String>) ((JavascriptExecutor) browser.driver)
                .executeScript("return [...document.querySelectorAll(arguments[0])].map(e => e.dataset.id);", css);
    }

    /** The "in range" figure of a region's row, or null when the row is not shown. */
    private static String inRange(final String region) {
        // Read in one script: the table is redrawn whenever a tally arrives, which would stale a found element.
        return (String) ((JavascriptExecutor) browser.driver)
                .executeScript("const c = document.querySelector(\"#regions tr[data-code='" + region
                        + "'] td.in-range\");" + " return c ? c.textContent : null;");
    }

    @Test
    void shouldDrawEveryCountryAndOneMarkerPerLocatedIncidentWhenOpened() throws IOException {
        // when: a window tall enough for the screenshot to show list, map and tallies together
        browser.resize(1400, 1150);
        open("");

        // then
        waiting().until(d -> all("#map circle.marker").size() == LOCATED);
        assertThat(all("#incidents li.incident")).hasSize(INCIDENTS);
        assertThat(all("#map path.country")).hasSize(COUNTRIES);
        assertThat(all("#map path.country[data-code='SY']").get(0).getAttribute("d"))
                .isNotBlank();
        assertThat(ids("#map circle.marker"))
                .containsExactlyInAnyOrder("sy-abu-husn", "ng-rann", "pk-quetta-blast", "af-laghman");
        // countries shaded by their 7-day tally: Syria's strike is today, Nigeria's 12 days ago
        assertThat(all("#map path.country[data-code='SY']").get(0).getAttribute("style"))
                .contains("fill");
        assertThat(all("#map path.country[data-code='NG']").get(0).getAttribute("style"))
                .doesNotContain("fill");
        assertThat(browser.consoleProblems()).isEmpty();
        final Path shot = browser.screenshot("dashboard-1400.png");
        assertThat(Files.size(shot)).isGreaterThan(20_000);
    }

    @Test
    void shouldNarrowListAndMapAndKeepTheFilterInTheUrlWhenAFilterIsSet() {
        // given
        final WebDriver d = open("");
        waiting().until(x -> all("#map circle.marker").size() == LOCATED);

        // when: battles only
        new Select(d.findElement(By.id("f-type"))).selectByValue("BATTLES");

        // then: the Somali clash alone, which has no coordinates, so no marker
        waiting().until(x -> all("#incidents li.incident").size() == 1);
        assertThat(ids("#incidents li.incident").get(0)).isEqualTo("so-hilowle");
        assertThat(all("#map circle.marker")).isEmpty();
        assertThat(d.getCurrentUrl()).contains("eventType=BATTLES");

        // and when the page is opened from such a URL, with a country and a minimum toll
        open("?region=NG&minKilled=50");
        waiting().until(x -> all("#incidents li.incident").size() == 1);
        assertThat(ids("#map circle.marker")).containsExactly("ng-rann");
        assertThat(new Select(d.findElement(By.id("f-region")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("NG");
        assertThat(d.findElement(By.id("f-min")).getAttribute("value")).isEqualTo("50");

        // and a click on a country on the map filters the list to it
        d.findElement(By.id("f-reset")).click();
        waiting().until(x -> all("#incidents li.incident").size() == INCIDENTS);
        ((JavascriptExecutor) d)
                .executeScript(
                        "document.querySelector(\"#map path.country[data-code='PK']\").dispatchEvent(new MouseEvent('click'))");
        waiting().until(x -> all("#incidents li.incident").size() == 1);
        assertThat(ids("#incidents li.incident").get(0)).isEqualTo("pk-quetta-blast");
        assertThat(d.getCurrentUrl()).contains("region=PK");
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void shouldChangeTheTalliesAndTheListWhenTheTimeRangeChanges() {
        // given: the last 30 days
        final WebDriver d = open("");
        waiting().until(x -> inRange("NG") != null);
        assertThat(inRange("NG")).isEqualTo("76");
        assertThat(inRange("SY")).isEqualTo("43");

        // when: the last 7 days
        d.findElement(By.cssSelector("input[name=range][value='7d']")).click();

        // then: Nigeria's strike 12 days ago leaves the tallies and the list
        waiting().until(x -> inRange("NG") == null);
        assertThat(inRange("PK")).isEqualTo("22");
        assertThat(ids("#incidents li.incident")).containsExactly("sy-abu-husn", "pk-quetta-blast", "af-laghman");

        // when: the last 24 hours
        d.findElement(By.cssSelector("input[name=range][value='1d']")).click();
        waiting().until(x -> inRange("PK") == null);
        assertThat(inRange("SY")).isEqualTo("43");
        assertThat(all("#incidents li.incident")).hasSize(1);

        // when: dates that hold only Nigeria's strike
        open("?range=dates&from=" + TODAY.minusDays(14) + "&to=" + TODAY.minusDays(10));
        waiting().until(x -> "76".equals(inRange("NG")));
        assertThat(inRange("SY")).isNull();
        assertThat(ids("#incidents li.incident")).containsExactly("ng-rann");
        assertThat(d.findElement(By.id("range-head")).getText()).isEqualTo("5 DAYS");
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void shouldShowOneAlertPerIncidentWithItsReasonsWhenSeveralRulesFired() {
        // when
        open("");
        waiting().until(x -> all("#alerts .alert").size() == DashboardData.ALERT_SUBJECTS);

        // then: one line per subject, however many rules fired on it
        final List<WebElement> lines = all("#alerts .alert");
        assertThat(lines)
                .extracting(e -> e.getAttribute("data-alert-id"))
                .containsExactlyInAnyOrder(
                        "INCIDENT|sy-abu-husn", "REGION_SPIKE|SY-DY|" + TODAY, "MASS_CASUALTY|ng-rann");
        final WebElement syria =
                browser.driver.findElement(By.cssSelector("#alerts .alert[data-alert-id='INCIDENT|sy-abu-husn']"));
        assertThat(syria.getAttribute("class")).contains("CRITICAL");
        assertThat(syria.findElements(By.cssSelector(".reason")))
                .extracting(WebElement::getText)
                .containsExactly(
                        "43 killed in Abu Husn, Deir ez-Zor, Syria",
                        "17 children killed in Abu Husn",
                        "Contested toll in Abu Husn: 43 killed");
        final WebElement nigeria =
                browser.driver.findElement(By.cssSelector("#alerts .alert[data-alert-id='MASS_CASUALTY|ng-rann']"));
        assertThat(nigeria.findElements(By.cssSelector(".reason"))).hasSize(2);
        assertThat(browser.driver.findElement(By.id("count-alerts")).getText()).isEqualTo("3");
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void shouldLinkEachFigureToItsSentenceAndNameTheReportsWhenACardIsRead() {
        // given
        final WebDriver d = open("");
        final WebElement card =
                waiting().until(x -> x.findElement(By.cssSelector("li.incident[data-id='sy-abu-husn']")));

        // then: the reports it was built from
        assertThat(card.findElement(By.cssSelector(".built")).getText()).isEqualTo("Built from AFP v1");

        // when: the toll is clicked
        card.findElement(By.cssSelector("a.figure")).click();

        // then: its sentence is shown and marked
        final WebElement hit = waiting().until(x -> card.findElement(By.cssSelector(".evidence .sentence.hit")));
        assertThat(hit.getText()).contains("killed 43 people");

        // when: a claim is clicked, its own sentence is marked
        card.findElement(By.cssSelector("a.claim.DENIAL")).click();
        waiting()
                .until(x -> card.findElement(By.cssSelector(".evidence .sentence.hit"))
                        .getText()
                        .contains("US-led coalition said so."));

        // and a marker on the map opens its incident
        ((JavascriptExecutor) d)
                .executeScript(
                        "document.querySelector(\"#map circle.marker[data-id='ng-rann']\").dispatchEvent(new MouseEvent('click'))");
        final WebElement rann = d.findElement(By.cssSelector("li.incident[data-id='ng-rann']"));
        waiting().until(x -> rann.getAttribute("class").contains("selected"));
        assertThat(rann.findElement(By.cssSelector(".evidence")).isDisplayed()).isTrue();
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void shouldListAClaimUnderItsNewIncidentOnlyWhenItMovesToAnother() {
        // given: a claim on one incident, shown on its card
        open("");
        final String claimId = "urn:test:moving#c1";
        final String chip = "a.claim[title^='Moving Monitor']";
        feed.send(
                FeedEventType.CLAIM,
                claimId,
                TestRecords.claim(claimId, "af-laghman", "Moving Monitor", SourceType.MONITOR, ClaimKind.FIGURE, 9));
        waiting()
                .until(x -> !x.findElements(By.cssSelector("li.incident[data-id='af-laghman'] " + chip))
                        .isEmpty());

        // when: its incident is re-keyed, or its mention joins another incident, and the claim follows
        feed.send(
                FeedEventType.CLAIM,
                claimId,
                TestRecords.claim(
                        claimId, "pk-quetta-blast", "Moving Monitor", SourceType.MONITOR, ClaimKind.FIGURE, 9));

        // then: it is listed under the incident it belongs to now, and no longer under the one it left
        waiting()
                .until(x -> !x.findElements(By.cssSelector("li.incident[data-id='pk-quetta-blast'] " + chip))
                        .isEmpty());
        assertThat(all("li.incident[data-id='af-laghman'] " + chip)).isEmpty();
        feed.send(FeedEventType.CLAIM, claimId, null);
        waiting().until(x -> x.findElements(By.cssSelector(chip)).isEmpty());
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void shouldFitAPhoneScreenWithoutSidewaysScrollingWhen400PixelsWide() throws IOException {
        // given
        browser.resize(400, 900);

        // when
        final WebDriver d = open("");
        waiting().until(x -> all("#map circle.marker").size() == LOCATED);

        // then
        final long scrollWidth =
                (Long) ((JavascriptExecutor) d).executeScript("return document.documentElement.scrollWidth");
        final long viewport = (Long) ((JavascriptExecutor) d).executeScript("return window.innerWidth");
        assertThat(scrollWidth).isLessThanOrEqualTo(viewport);
        assertThat(d.findElement(By.id("map")).getSize().getWidth()).isLessThanOrEqualTo((int) viewport);
        final Path shot = browser.screenshot("dashboard-400.png");
        assertThat(Files.size(shot)).isGreaterThan(10_000);
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void shouldServeTheFaviconAndReportThePageWeightWhenLoaded() throws Exception {
        // given: the favicon the page names
        final HttpResponse<byte[]> icon = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(feed.url("/favicon.svg")))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(new String(icon.body(), StandardCharsets.UTF_8)).startsWith("<svg");

        // when: the page is loaded with an empty cache, as on a first visit
        browser.driver.get("about:blank");
        browser.clearCache();
        final WebDriver d = open("");
        waiting()
                .until(x -> ((JavascriptExecutor) x)
                                        .executeScript(
                                                "return performance.getEntriesByName('wirewatch-rendered').length")
                                instanceof Long n
                        && n > 0);

        // then: every part of the page came from the feed itself, and what it weighs is written down
        @SuppressWarnings("unchecked")
        final Map<String, Object> figures = (Map<String, Object>)
                ((JavascriptExecutor) d)
                        .executeScript(
                                "const nav = performance.getEntriesByType('navigation')[0];"
                                        + "const res = performance.getEntriesByType('resource');"
                                        + "const paint = performance.getEntriesByName('first-contentful-paint')[0];"
                                        + "return { origins: [...new Set(res.map(r => new URL(r.name).origin))],"
                                        + " bytes: nav.transferSize + res.reduce((n, r) => n + r.transferSize, 0),"
                                        + " decoded: nav.decodedBodySize + res.reduce((n, r) => n + r.decodedBodySize, 0),"
                                        + " requests: res.length + 1,"
                                        + " firstPaintMs: Math.round(paint ? paint.startTime : -1),"
                                        + " renderedMs: Math.round(performance.getEntriesByName('wirewatch-rendered')[0].startTime) };");
        assertThat((List<Object>) figures.get("origins"))
                .containsOnly((Object) feed.url("").replaceAll("/$", ""));
        final String line = "transferred " + figures.get("bytes") + " bytes (" + figures.get("decoded")
                + " decoded) in "
                + figures.get("requests") + " requests; first contentful paint " + figures.get("firstPaintMs")
                + " ms; list, map and tallies drawn " + figures.get("renderedMs") + " ms after navigation start";
        LOG.info("Dashboard page weight: {}", line);
        Files.writeString(Path.of("target", "dashboard-figures.txt"), line + System.lineSeparator());
        assertThat(((Number) figures.get("bytes")).longValue()).isPositive();
        assertThat(browser.consoleProblems()).isEmpty();
    }
}
