package org.wirewatch.streams.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.common.Topics;
import org.wirewatch.common.json.AvroJson;
import org.wirewatch.embedded.TopicCreator;
import org.wirewatch.extract.Extractor;
import org.wirewatch.schema.PubStatus;
import org.wirewatch.schema.WireReport;
import org.wirewatch.streams.StreamSerdes;
import org.wirewatch.streams.reprocess.Reprocess;
import org.wirewatch.testkit.KafkaBroker;
import org.wirewatch.testkit.WithKafka;

/**
 * A reprocess converges to a fresh replay: the development corpus (with one story withdrawn) goes through the pipeline
 * with deliberately weakened rules ({@link WeakenedRules}), normalize is restarted with the real ones and
 * {@link Reprocess} sends the archive again while the last reports of the corpus arrive live. The final incidents,
 * claims, tallies and extractions must be those of a fresh replay of the same reports with the real rules, key for key
 * and byte for byte as plain JSON, incident ids included ({@code docs/architecture.md#semantics-11}).
 */
@WithKafka(catalogue = true)
class ReprocessIT {

    private static final Logger LOG = LoggerFactory.getLogger(ReprocessIT.class);
    private static final int LIVE = 5;

    KafkaBroker kafka;

    @Test
    void shouldConvergeToAFreshReplayWhenArchiveIsReprocessedWithNewRulesWhileLiveReportsArrive(@TempDir final Path dir)
            throws Exception {
        // given: the corpus, one story withdrawn by a later version, the last few reports held back to arrive live
        final List<WireReport> reports = new ArrayList<>(Replay.inPublicationOrder(Corpus.reports(Corpus.DEV)));
        final WireReport withdrawn = reports.get(3);
        final List<WireReport> archived = new ArrayList<>(reports.subList(0, reports.size() - LIVE));
        archived.add(WireReport.newBuilder(withdrawn)
                .setVersion(withdrawn.getVersion() + 1)
                .setPubStatus(PubStatus.CANCELED)
                .build());
        final List<WireReport> live = reports.subList(reports.size() - LIVE, reports.size());
        final List<WireReport> all = new ArrayList<>(archived);
        all.addAll(live);
        final WeakenedRules.Weakened weak = WeakenedRules.extractor(Files.createDirectories(dir.resolve("weak")));
        // Loading the rules takes seconds: one real extractor serves the fresh replay and the restarted normalize.
        final Extractor real = Extractor.create();
        final String realVersion = real.version();
        assertThat(weak.version()).isNotEqualTo(realVersion);

        // the reference: a fresh replay of every report with the real rules
        final Tables fresh;
        try (RunningStage stage = new RunningStage(
                kafka,
                kafka.uniqueName("fresh"),
                "mock://" + UUID.randomUUID(),
                dir.resolve("fresh"),
                "normalize,consolidate,tally",
                real::extract)) {
            send(stage.serdes(), all);
            stage.drainedTallies();
            fresh = Tables.read(kafka, stage.serdes());
        }
        resetCatalogueTopics();

        // when: the archive is extracted by the weakened rules
        final String registry = "mock://" + UUID.randomUUID();
        final String app = kafka.uniqueName("reprocess");
        final Path state = dir.resolve("state");
        final Tables weakened;
        try (RunningStage downstream = new RunningStage(kafka, app, registry, state, "consolidate,tally", null)) {
            try (RunningStage normalize = new RunningStage(kafka, app, registry, state, "normalize", weak.extract())) {
                send(normalize.serdes(), archived);
                awaitDrained(downstream, normalize);
                weakened = Tables.read(kafka, normalize.serdes());
            }
            // and normalize restarts with the real rules, the archive is reprocessed, and live reports keep coming
            try (RunningStage normalize = new RunningStage(kafka, app, registry, state, "normalize", real::extract)) {
                final CompletableFuture<Void> liveReports = CompletableFuture.runAsync(() -> {
                    for (final WireReport r : live) {
                        send(normalize.serdes(), List.of(r));
                    }
                });
                final long started = System.nanoTime();
                final Reprocess.Copy copy = Reprocess.copyArchive(
                        kafka.admin(), Map.of(), kafka.bootstrapServers(), Instant.now(), p -> {});
                assertThat(Reprocess.awaitReextracted(
                                kafka.admin(), app + "-normalize", copy, Duration.ofSeconds(60), p -> {}))
                        .as("every copy re-extracted")
                        .isTrue();
                LOG.info(
                        "Reprocess: {} reports re-extracted in {} ms",
                        copy.copied(),
                        (System.nanoTime() - started) / 1_000_000);
                liveReports.get(30, TimeUnit.SECONDS);
                awaitDrained(downstream, normalize);
                final Tables reprocessed = Tables.read(kafka, normalize.serdes());

                // then the weakened rules made a difference, beyond their version and the reports still to come
                assertThat(weakened.extractions())
                        .isNotEmpty()
                        .allSatisfy(l -> assertThat(l).contains(weak.version()));
                assertThat(weakened.extractions().stream().map(l -> l.replace(weak.version(), realVersion)))
                        .as("weakened extractions unlike any of the fresh replay")
                        .filteredOn(l -> !fresh.extractions().contains(l))
                        .hasSizeGreaterThanOrEqualTo(3);
                assertThat(weakened.tallies())
                        .as("weakened tallies unlike any of the fresh replay")
                        .filteredOn(l -> !fresh.tallies().contains(l))
                        .isNotEmpty();
                assertThat(weakened.incidents().stream().map(l -> l.replace(weak.version(), realVersion)))
                        .as("weakened incidents unlike any of the fresh replay")
                        .filteredOn(l -> !fresh.incidents().contains(l))
                        .isNotEmpty();
                // and the reprocess undid it
                assertThat(reprocessed.extractions()).as("extractions").isEqualTo(fresh.extractions());
                assertThat(reprocessed.incidents()).as("incidents").isEqualTo(fresh.incidents());
                assertThat(reprocessed.claims()).as("claims").isEqualTo(fresh.claims());
                assertThat(reprocessed.tallies()).as("tallies").isEqualTo(fresh.tallies());
                // every extraction, claim and incident names the real rules; the withdrawn story stays withdrawn
                assertThat(reprocessed.extractions())
                        .allSatisfy(l -> assertThat(l).contains(realVersion));
                assertThat(reprocessed.incidents())
                        .isNotEmpty()
                        .allSatisfy(l -> assertThat(l).contains(realVersion));
                assertThat(reprocessed.extractions()).noneMatch(l -> l.contains(withdrawn.getUri()));
                // each live report was extracted once, as the version it is
                for (final WireReport r : live) {
                    assertThat(reprocessed.extractions())
                            .filteredOn(l -> l.contains("\"reportUri\":\"" + r.getUri() + "\""))
                            .hasSize(1);
                }

                // and a second run, with nothing left to change, writes nothing downstream
                final Map<String, Long> before = extractionOffsets();
                final Reprocess.Copy again = Reprocess.copyArchive(
                        kafka.admin(), Map.of(), kafka.bootstrapServers(), Instant.now(), p -> {});
                assertThat(Reprocess.awaitReextracted(
                                kafka.admin(), app + "-normalize", again, Duration.ofSeconds(60), p -> {}))
                        .isTrue();
                assertThat(again.copied()).isGreaterThanOrEqualTo(all.size());
                assertThat(dataRecordsSince(before, normalize.serdes()))
                        .as("extractions written by a rerun")
                        .isZero();
            }
        }
    }

    private void send(final StreamSerdes serdes, final List<WireReport> reports) {
        try (KafkaProducer<String, WireReport> producer =
                Replay.producer(Map.of(), kafka.bootstrapServers(), serdes.report())) {
            Replay.produce(producer, reports, n -> {});
        }
    }

    private void awaitDrained(final RunningStage downstream, final RunningStage normalize) throws Exception {
        final Map<String, java.util.Set<String>> groups =
                new HashMap<>(normalize.stage().sourceTopicsByGroup());
        groups.putAll(downstream.stage().sourceTopicsByGroup());
        assertThat(Replay.awaitCaughtUp(
                        kafka.admin(), Map.of(), kafka.bootstrapServers(), groups, Duration.ofSeconds(90)))
                .as("pipeline caught up")
                .isTrue();
    }

    /** Deletes and recreates the catalogue topics, so the second pipeline starts from nothing. */
    private void resetCatalogueTopics() {
        final List<String> names = Topics.catalogue().stream()
                .map(t -> t.name())
                .filter(n -> n.startsWith("wirewatch."))
                .toList();
        kafka.admin().deleteTopics(names);
        await().atMost(30, TimeUnit.SECONDS)
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> {
                    final var created = TopicCreator.createMissing(kafka.admin(), Topics.catalogue())
                            .created();
                    return kafka.admin().listTopics().names().get().containsAll(names) && created != null;
                });
    }

    private Map<String, Long> extractionOffsets() throws Exception {
        final Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest =
                new HashMap<>();
        for (int p = 0; p < Topics.spec(Topics.EXTRACTIONS).partitions(); p++) {
            latest.put(
                    new org.apache.kafka.common.TopicPartition(Topics.EXTRACTIONS, p),
                    org.apache.kafka.clients.admin.OffsetSpec.latest());
        }
        return kafka.admin().listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(
                        e -> e.getKey().toString(), e -> e.getValue().offset()));
    }

    /** Extraction records (not transaction markers) written after the given end offsets. */
    private long dataRecordsSince(final Map<String, Long> ends, final StreamSerdes serdes) {
        return Replay.readTopic(
                        Map.of(),
                        kafka.bootstrapServers(),
                        Topics.EXTRACTIONS,
                        serdes.extraction().deserializer())
                .stream()
                .filter(r -> r.offset()
                        >= ends.get(new org.apache.kafka.common.TopicPartition(r.topic(), r.partition()).toString()))
                .count();
    }

    /**
     * The pipeline's tables as they stand, one line per record sorted by key: the key, a tab and the plain JSON of the
     * value. Incidents and claims are compared with their ids as published: an incident's id is a function of its
     * members ({@code docs/architecture.md#semantics-11}), so a reprocess gives the ids a fresh replay gives.
     */
    record Tables(List<String> extractions, List<String> incidents, List<String> claims, List<String> tallies) {

        static Tables read(final KafkaBroker kafka, final StreamSerdes serdes) {
            return new Tables(
                    lines(table(kafka, Topics.EXTRACTIONS, serdes.extraction().deserializer())),
                    lines(table(kafka, Topics.INCIDENTS, serdes.incident().deserializer())),
                    lines(table(kafka, Topics.CLAIMS, serdes.claim().deserializer())),
                    lines(table(kafka, Topics.TALLIES, serdes.tally().deserializer())));
        }

        private static <V> TreeMap<String, V> table(
                final KafkaBroker kafka, final String topic, final Deserializer<V> values) {
            final TreeMap<String, V> out = new TreeMap<>();
            for (final ConsumerRecord<String, V> r :
                    Replay.readTopic(Map.of(), kafka.bootstrapServers(), topic, values)) {
                if (r.value() == null) {
                    out.remove(r.key());
                } else {
                    out.put(r.key(), r.value());
                }
            }
            return out;
        }

        private static <V extends SpecificRecord> List<String> lines(final TreeMap<String, V> table) {
            return table.entrySet().stream()
                    .map(e -> e.getKey() + "\t" + AvroJson.toJson(e.getValue()))
                    .toList();
        }
    }
}
