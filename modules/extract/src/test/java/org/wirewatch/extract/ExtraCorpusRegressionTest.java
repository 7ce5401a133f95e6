package org.wirewatch.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The extra corpus (src/test/resources/corpus/extra: countries, agencies and styles the development corpus lacks)
 * must keep the extraction issue's field targets, so that a rule tuned to one set does not quietly break the other.
 * Claims precision is held to a lower floor here: separate claims by an organisation and its office ("United
 * Nations" and "the U.N. human rights office") still count as extra.
 */
class ExtraCorpusRegressionTest {

    private static ExtractionScore score;

    @BeforeAll
    static void extractCorpus() {
        List<Corpus.Entry> entries = Corpus.loadExtra();
        assertThat(entries).hasSizeGreaterThanOrEqualTo(24);
        score = ExtractionScore.ofCorpus(entries);
        score.metrics.forEach((k, v) -> System.out.printf("extra %-32s %.3f%n", k, v));
        score.misses.forEach(m -> System.out.println("  extra " + m));
    }

    @Test
    void shouldFindIncidentsAndTheirTollsWhenScoringTheExtraCorpus() {
        assertThat(score.metrics.get("incident_f1")).isGreaterThanOrEqualTo(0.90);
        assertThat(score.metrics.get("killed_accuracy")).isGreaterThanOrEqualTo(0.90);
        assertThat(score.metrics.get("leaks")).isZero();
    }

    @Test
    void shouldReadRegionsTypesAndDatesWhenScoringTheExtraCorpus() {
        assertThat(score.metrics.get("admin1_accuracy")).isGreaterThanOrEqualTo(0.85);
        assertThat(score.metrics.get("sub_event_type_accuracy")).isGreaterThanOrEqualTo(0.85);
        assertThat(score.metrics.get("date_accuracy")).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void shouldAttributeClaimsWhenScoringTheExtraCorpus() {
        assertThat(score.metrics.get("claims_recall")).isGreaterThanOrEqualTo(0.80);
        assertThat(score.metrics.get("claims_precision")).isGreaterThanOrEqualTo(0.70);
    }

    @Test
    void shouldNameTheAttackerWhenScoringTheExtraCorpus() {
        // the weakest field: a floor that catches a rule change losing actors, not a target
        assertThat(score.metrics.get("actor_accuracy")).isGreaterThanOrEqualTo(0.60);
    }
}
