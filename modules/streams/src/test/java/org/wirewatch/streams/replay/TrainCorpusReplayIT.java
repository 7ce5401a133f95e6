package org.wirewatch.streams.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.WireReport;
import org.wirewatch.testkit.KafkaBroker;
import org.wirewatch.testkit.WithKafka;

/**
 * Replays the training corpus, written by other hands, through the three topologies on a broker of its own (a
 * broker that has carried another corpus would add that corpus's reports to these tallies).
 */
@WithKafka(catalogue = true)
class TrainCorpusReplayIT {

    private static final Logger LOG = LoggerFactory.getLogger(TrainCorpusReplayIT.class);

    KafkaBroker kafka;

    /**
     * The training corpus, written by other hands, through the same pipeline: a ratchet just under the figures the
     * extraction reaches on it (every tally miss there is an extraction miss; GoldReplayIT shows consolidation and
     * tally exact on gold), so that a change which loses ground on unseen reports fails the build.
     */
    @Test
    void shouldHoldTheTrainCorpusTallyFiguresWhenItIsReplayed() throws Exception {
        try (RunningStage running = new RunningStage(kafka, "train", "normalize,consolidate,tally")) {
            final List<WireReport> reports = Replay.inPublicationOrder(Corpus.reports(Corpus.TRAIN));
            final TreeMap<String, CasualtyTally> tallies = CorpusReplayIT.replay(kafka, running, reports);

            final TallyScorer.Score score = TallyScorer.score(Corpus.TRAIN, tallies.values());
            LOG.info(
                    "Train replay: {} reports, {} tallies; tally_regions_exact {}, tally_abs_error_share {},"
                            + " tally_extra_incidents {}; misses {}",
                    reports.size(),
                    tallies.size(),
                    score.regionsExact(),
                    score.absErrorShare(),
                    score.extraIncidents(),
                    score.misses());
            assertThat(reports).hasSize(120);
            assertThat(score.regionsExact())
                    .as("share of regions with an exact tally; misses %s", score.misses())
                    .isGreaterThanOrEqualTo(TRAIN_REGIONS_EXACT_FLOOR);
            assertThat(score.extraIncidents())
                    .as("incidents beyond the gold; misses %s", score.misses())
                    .isLessThanOrEqualTo(TRAIN_EXTRA_INCIDENTS_CEILING);
        }
    }

    // reached at this commit: 0.964 and 2 as score.py --tallies counts them (TallyScorer follows its rule); the
    // issue's targets are 0.90 and 2 (README). The floor leaves one region of slack. Its own broker: on the
    // development corpus's broker the train stage read those reports too, and its figures were the two corpora's
    // together
    private static final double TRAIN_REGIONS_EXACT_FLOOR = 0.95;
    private static final int TRAIN_EXTRA_INCIDENTS_CEILING = 2;
}
