package org.wirewatch.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.ExtractionStatus;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.WireReport;

/** Odd input gets an answer, never an exception: truncated stories, empty bodies, huge numbers. */
class ExtractorRobustnessTest {

    private static Extractor extractor;

    @BeforeAll
    static void load() {
        extractor = Extractor.create();
    }

    @Test
    void shouldAnswerEveryTruncationOfTheCorpusWhenStoriesAreCutAnywhere() {
        for (Corpus.Entry e : Corpus.load()) {
            String body = e.report().getBody();
            for (int cut = 0; cut < body.length(); cut += Math.max(1, body.length() / 9)) {
                WireReport r = Corpus.report(
                        e.report().getUri(), "2020-01-01T00:00:00Z", e.report().getHeadline(), body.substring(0, cut));
                assertThatCode(() -> extractor.extract(r))
                        .as("%s cut at %d", e.stem(), cut)
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void shouldAnswerNotRelevantWhenTheBodyIsEmpty() {
        ReportExtraction x = extractor.extract(Corpus.report("urn:test:empty", "2020-01-01T00:00:00Z", "", ""));

        assertThat(x.getStatus()).isEqualTo(ExtractionStatus.NOT_RELEVANT);
    }

    @Test
    void shouldNeverTakeAnAbsurdNumberAsATollWhenOneAppears() {
        ReportExtraction x = extractor.extract(Corpus.report(
                "urn:test:huge",
                "2020-01-01T00:00:00Z",
                "Blast kills 9,999,999,999,999 in Kabul",
                "KABUL - A blast killed 9,999,999,999,999 people in Kabul" + " on Monday, police said."));

        assertThat(x.getIncidents()).allSatisfy(i -> assertThat(i.getKilled()).isNull());
    }
}
