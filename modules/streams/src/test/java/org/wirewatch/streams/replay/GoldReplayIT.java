package org.wirewatch.streams.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.common.Topics;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.ReportExtraction;
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

    @Test
    void shouldReproduceGoldTalliesWhenGoldExtractionsAreConsolidated() throws Exception {
        try (RunningStage running = new RunningStage(kafka, "gold", "consolidate,tally")) {
            // given
            final List<ReportExtraction> extractions = GoldExtractions.of(Corpus.DEV).stream()
                    .sorted(Comparator.comparing(ReportExtraction::getPublishedAt)
                            .thenComparing(ReportExtraction::getReportUri)
                            .thenComparing(ReportExtraction::getReportVersion))
                    .toList();

            // when
            try (KafkaProducer<String, ReportExtraction> producer = new KafkaProducer<>(
                    Map.of("bootstrap.servers", kafka.bootstrapServers()),
                    new StringSerializer(),
                    running.serdes().extraction().serializer())) {
                for (final ReportExtraction e : extractions) {
                    producer.send(new ProducerRecord<>(Topics.EXTRACTIONS, e.getReportUri(), e));
                }
            }
            final TreeMap<String, CasualtyTally> tallies = running.drainedTallies();

            // then
            final TallyScorer.Score score = TallyScorer.score(Corpus.DEV, tallies.values());
            LOG.info(
                    "Gold replay: tally_regions_exact {}, tally_extra_incidents {}, misses {}",
                    score.regionsExact(),
                    score.extraIncidents(),
                    score.misses());
            assertThat(score.extraIncidents()).as("incidents counted twice").isZero();
            assertThat(score.misses()).isEmpty();
            assertThat(score.regionsExact()).isEqualTo(1.0);
            // and the stores answer as the topic says (interactive queries, one instance)
            final org.wirewatch.common.query.TallyQueries queries =
                    running.stage().tallyQueries().orElseThrow();
            assertThat(queries.regions())
                    .containsAll(tallies.values().stream()
                            .map(CasualtyTally::getRegionCode)
                            .toList());
            for (final CasualtyTally t : tallies.values()) {
                assertThat(queries.tally(t.getRegionCode(), t.getWindow(), t.getWindowEnd()))
                        .contains(t);
            }
        }
    }
}
