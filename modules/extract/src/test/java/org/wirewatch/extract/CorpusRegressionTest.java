package org.wirewatch.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wirewatch.common.json.AvroJson;
import org.wirewatch.schema.ReportExtraction;

/**
 * Extracts the whole development corpus, writes the JSON lines to target/corpus-out.jsonl (the input of
 * eval/score.py) and fails when the scorer's figures fall below the targets of the extraction issue.
 */
class CorpusRegressionTest {

    private static final Map<String, JsonNode> GOLD = new LinkedHashMap<>();
    private static final Map<String, JsonNode> PREDICTED = new LinkedHashMap<>();
    private static ExtractionScore score;

    @BeforeAll
    static void extractCorpus() throws IOException {
        Extractor extractor = Extractor.create();
        List<String> lines = new ArrayList<>();
        for (Corpus.Entry e : Corpus.load()) {
            ReportExtraction x = extractor.extract(e.report());
            String json = AvroJson.toJson(x);
            lines.add(json);
            GOLD.put(e.stem(), e.gold());
            PREDICTED.put(e.stem(), Corpus.JSON.readTree(json));
        }
        Path out = Path.of("target", "corpus-out.jsonl");
        Files.createDirectories(out.getParent());
        Files.write(out, lines, StandardCharsets.UTF_8);
        score = ExtractionScore.score(GOLD, PREDICTED);
        score.metrics.forEach((k, v) -> System.out.printf("%-32s %.3f%n", k, v));
        score.misses.forEach(m -> System.out.println("  " + m));
    }

    @Test
    void shouldFindIncidentsWhenScoringTheDevelopmentCorpus() {
        assertThat(score.metrics.get("incident_f1")).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void shouldReadTollsRegionsTypesAndDatesWhenScoringTheDevelopmentCorpus() {
        assertThat(score.metrics.get("killed_accuracy")).isGreaterThanOrEqualTo(0.90);
        assertThat(score.metrics.get("admin1_accuracy")).isGreaterThanOrEqualTo(0.90);
        assertThat(score.metrics.get("sub_event_type_accuracy")).isGreaterThanOrEqualTo(0.85);
        assertThat(score.metrics.get("date_accuracy")).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void shouldAttributeClaimsWhenScoringTheDevelopmentCorpus() {
        assertThat(score.metrics.get("claims_recall")).isGreaterThanOrEqualTo(0.80);
        assertThat(score.metrics.get("claims_precision")).isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void shouldNeverLeakNonIncidentFiguresWhenScoringTheDevelopmentCorpus() {
        assertThat(score.metrics.get("leaks")).isZero();
    }
}
