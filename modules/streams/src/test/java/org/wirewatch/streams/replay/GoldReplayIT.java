package org.wirewatch.streams.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.common.Topics;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.streams.StreamSerdes;
import org.wirewatch.streams.StreamsStage;
import org.wirewatch.streams.StreamsStageConfig;
import org.wirewatch.testkit.KafkaBroker;
import org.wirewatch.testkit.WithKafka;

/**
 * The consolidation and tally semantics on real reports, on the embedded broker: the analyst gold of the
 * development corpus, published as extractions, must give the gold tallies. Two outlets on one blast, a story
 * updated from 10 to 22 dead, background events and cumulative totals are all in it.
 */
@WithKafka(catalogue = true)
class GoldReplayIT {

  private static final Logger LOG = LoggerFactory.getLogger(GoldReplayIT.class);

  KafkaBroker kafka;
  private StreamsStage stage;

  @AfterEach
  void stop() {
    if (stage != null) {
      stage.close();
    }
  }

  @Test
  void shouldReproduceGoldTalliesWhenGoldExtractionsAreConsolidated() throws Exception {
    // given
    final String registry = "mock://" + UUID.randomUUID();
    final Settings settings = Settings.of(Map.of(
        CoreConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
        CoreConfig.SCHEMA_REGISTRY_URL, registry,
        CoreConfig.DATA_DIR, Path.of(System.getProperty("java.io.tmpdir"), "gold-it-" + UUID.randomUUID()).toString(),
        CoreConfig.APPLICATION_ID, kafka.uniqueName("gold"),
        StreamsStageConfig.TOPOLOGIES, "consolidate,tally"));
    stage = new StreamsStage(CoreConfig.from(settings), StreamsStageConfig.from(settings),
        e -> LOG.error("fatal", e));
    stage.start();
    await().atMost(60, TimeUnit.SECONDS).until(stage::ready);
    final StreamSerdes serdes = StreamSerdes.forRegistry(registry, Map.of());
    final List<ReportExtraction> extractions = GoldExtractions.of(Corpus.DEV).stream()
        .sorted(Comparator.comparing(ReportExtraction::getPublishedAt).thenComparing(ReportExtraction::getReportUri)
            .thenComparing(ReportExtraction::getReportVersion))
        .toList();

    // when
    try (KafkaProducer<String, ReportExtraction> producer = new KafkaProducer<>(
        Map.of("bootstrap.servers", kafka.bootstrapServers()), new StringSerializer(),
        serdes.extraction().serializer())) {
      for (final ReportExtraction e : extractions) {
        producer.send(new ProducerRecord<>(Topics.EXTRACTIONS, e.getReportUri(), e));
      }
    }
    assertThat(Replay.awaitCaughtUp(kafka.admin(), Map.of(), kafka.bootstrapServers(), stage.sourceTopicsByGroup(),
        Duration.ofSeconds(90))).isTrue();
    final TreeMap<String, CasualtyTally> tallies = Replay.readTallies(Map.of(), kafka.bootstrapServers(),
        serdes.tally());

    // then
    final TallyScorer.Score score = TallyScorer.score(Corpus.DEV, tallies.values());
    LOG.info("Gold replay: tally_regions_exact {}, tally_extra_incidents {}, misses {}", score.regionsExact(),
        score.extraIncidents(), score.misses());
    assertThat(score.extraIncidents()).as("incidents counted twice").isZero();
    assertThat(score.misses()).isEmpty();
    assertThat(score.regionsExact()).isEqualTo(1.0);
    // and the stores answer as the topic says (interactive queries, one instance)
    final org.wirewatch.common.query.TallyQueries queries = stage.tallyQueries().orElseThrow();
    assertThat(queries.regions()).containsAll(tallies.values().stream().map(CasualtyTally::getRegionCode).toList());
    for (final CasualtyTally t : tallies.values()) {
      assertThat(queries.tally(t.getRegionCode(), t.getWindow(), t.getWindowEnd())).contains(t);
    }
  }
}
