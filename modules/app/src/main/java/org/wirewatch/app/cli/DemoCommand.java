package org.wirewatch.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wirewatch.app.Pipeline;
import org.wirewatch.feed.FeedStage;
import org.wirewatch.feed.FeedView;
import org.wirewatch.ingest.IngestStage;
import org.wirewatch.schema.Alert;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.TallyWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch demo}: {@code run}, then the bundled sample reports (ninjs, NewsML-G2 and plain text; several
 * countries; a second agency on the same strike, a toll update and a withdrawal) dropped one by one into the ingest
 * drop folder, the path any agency's files take. Their dates are set relative to today so that the 1/7/30-day
 * tallies are live. Prints the dashboard URL and a summary, then keeps running until Ctrl-C.
 */
@Command(
        name = "demo",
        description = {
            "Runs the pipeline ('run') and feeds it the bundled sample reports at a readable pace through"
                    + " the ingest drop folder, then prints where to look and what came out (incidents, regions, alerts).",
            "Keeps running until Ctrl-C unless --exit is given."
        })
public final class DemoCommand implements Callable<Integer> {

    private static final String DIR = "/org/wirewatch/app/demo/";
    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\{\\{(ts|ymd|dow|md):(-?\\d+)(?::(\\d{2}):(\\d{2}))?}}");

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--pace",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            defaultValue = "2s",
            description = "Pause between two reports (default: ${DEFAULT-VALUE}).")
    Duration pace;

    @Option(names = "--exit", description = "Stop once the summary is printed instead of running on.")
    boolean exit;

    @Option(
            names = "--settle",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            defaultValue = "60s",
            description = "Longest wait for the pipeline to finish the last report (default: ${DEFAULT-VALUE}).")
    Duration settle;

    @Override
    public Integer call() throws Exception {
        final PrintWriter out = spec.commandLine().getOut();
        final Pipeline pipeline = Pipeline.start(config.settings(), RunCommand.stages());
        final Thread hook = new Thread(pipeline::close, "wirewatch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            final FeedStage feed = FeedCommand.find(pipeline.stages(), FeedStage.class);
            final IngestStage ingest = FeedCommand.find(pipeline.stages(), IngestStage.class);
            final String url = "http://localhost:" + feed.port() + "/";
            out.printf("Wirewatch demo: dashboard on %s (open it now to watch the reports arrive)%n", url);
            out.flush();
            Warmup.warmUpAndAwaitReady(pipeline, pipeline.ownRegistry(), RunCommand.READY_LIMIT);
            await(pipeline::ready, Duration.ofMinutes(2));

            final List<String> names = sampleNames();
            final Path inbox = ingest.inbox();
            out.printf(
                    "Pushing %d sample reports into the drop folder %s, one every %s:%n",
                    names.size(),
                    inbox.toAbsolutePath(),
                    pace.toMillis() % 1000 == 0 ? pace.toSeconds() + "s" : pace.toMillis() + "ms");
            out.flush();
            final LocalDate today = LocalDate.now(ZoneOffset.UTC);
            for (int i = 0; i < names.size(); i++) {
                final String name = names.get(i);
                final String text = render(read(name), today, Clock.systemUTC());
                drop(inbox, name, text);
                out.printf("  [%2d/%d] %-42s %s%n", i + 1, names.size(), name, headline(name, text));
                out.flush();
                Thread.sleep(pace.toMillis());
            }
            awaitQuiet(feed.view(), settle);
            summary(out, feed, url);
            if (exit) {
                return 0;
            }
            out.println("Running; Ctrl-C stops it.");
            out.flush();
            pipeline.awaitClosed();
            return 0;
        } finally {
            if (exit) {
                pipeline.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (final IllegalStateException e) {
                    // already shutting down
                }
            }
        }
    }

    /** The sample file names, in push order. */
    static List<String> sampleNames() {
        final List<String> names = new ArrayList<>();
        try (InputStream in = DemoCommand.class.getResourceAsStream(DIR + "reports.list")) {
            if (in == null) {
                throw new IllegalStateException("demo samples missing from the jar");
            }
            final BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    names.add(line);
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    static String read(final String name) {
        try (InputStream in = DemoCommand.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("demo sample " + name + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fills the date placeholders relative to {@code today}; instants never lie in the future. */
    static String render(final String template, final LocalDate today, final Clock clock) {
        final Matcher m = PLACEHOLDER.matcher(template);
        final StringBuilder b = new StringBuilder();
        while (m.find()) {
            final LocalDate day = today.plusDays(Long.parseLong(m.group(2)));
            final String value = switch (m.group(1)) {
                case "ts" -> {
                    final LocalTime time = m.group(3) == null
                            ? LocalTime.NOON
                            : LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
                    Instant t = day.atTime(time).toInstant(ZoneOffset.UTC);
                    final Instant now = clock.instant().minusSeconds(60);
                    if (t.isAfter(now)) {
                        t = now;
                    }
                    yield DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
                }
                case "ymd" -> DateTimeFormatter.BASIC_ISO_DATE.format(day);
                case "dow" -> day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
                default -> day.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + day.getDayOfMonth();
            };
            m.appendReplacement(b, Matcher.quoteReplacement(value));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** Writes under a temporary name, then renames: the drop folder never reads a half-written file. */
    private static void drop(final Path inbox, final String name, final String text) throws IOException {
        Files.createDirectories(inbox);
        final Path tmp = inbox.resolve(name + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String headline(final String name, final String text) {
        final String format = name.endsWith(".xml") ? "NewsML-G2" : name.endsWith(".txt") ? "text" : "ninjs";
        if (text.contains("\"canceled\"")) {
            return "(" + format + ") withdrawal of an earlier story";
        }
        final Matcher m = Pattern.compile("\"headline\":\\s*\"([^\"]+)\"|<headline>([^<]+)</headline>")
                .matcher(text);
        final String h = m.find()
                ? (m.group(1) != null ? m.group(1) : m.group(2))
                : text.strip().lines().findFirst().orElse("");
        return "(" + format + ") " + h;
    }

    /** Waits until the feed's view has not changed for a few seconds, or the limit passes. */
    private static void awaitQuiet(final FeedView view, final Duration limit) throws InterruptedException {
        final long deadline = System.nanoTime() + limit.toNanos();
        String last = "";
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            final String now =
                    view.incidentCount() + "/" + view.claimCount() + "/" + view.tallyCount() + "/" + view.alertCount();
            if (!now.equals(last)) {
                last = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > Duration.ofSeconds(4).toNanos()) {
                return;
            }
            Thread.sleep(250);
        }
    }

    private static void await(final java.util.function.BooleanSupplier condition, final Duration limit)
            throws InterruptedException {
        final long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    private static void summary(final PrintWriter out, final FeedStage feed, final String url) {
        final FeedView view = feed.view();
        out.println();
        out.printf(
                "Done. %d incidents, %d claims, %d alerts. Open %s%n",
                view.incidentCount(), view.claimCount(), view.alertCount(), url);
        final LocalDate today = LocalDate.now(ZoneOffset.UTC);
        final List<CasualtyTally> week = new ArrayList<>();
        for (final String code : view.regions()) {
            // Regions whose every incident was withdrawn have no window any more: nothing to show.
            view.tally(code, TallyWindow.P7D, today).ifPresent(week::add);
        }
        if (!week.isEmpty()) {
            out.printf("%d regions; killed in the last 7 days (best figure):%n", week.size());
            for (final CasualtyTally t : week) {
                out.printf(
                        "  %-7s %-28s %4d killed in %d incident(s)%n",
                        t.getRegionCode(),
                        view.regionName(t.getRegionCode()),
                        t.getKilled().getBest() == null ? 0 : t.getKilled().getBest(),
                        t.getIncidents());
            }
        }
        final List<Alert> alerts = view.alerts(10);
        if (!alerts.isEmpty()) {
            out.println("Alerts:");
            alerts.forEach(a -> out.printf("  %-8s %s%n", a.getSeverity(), a.getTitle()));
        }
        out.println("Try: curl -N " + url + "v1/stream   ·   curl " + url + "v1/incidents   ·   curl " + url
                + "v1/regions");
        out.flush();
    }
}
