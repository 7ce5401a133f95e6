package org.wirewatch.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirewatch.extract.Corpus.extract;

import org.junit.jupiter.api.Test;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.PubStatus;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.WireReport;

/**
 * Constructions of wire English met in reports written elsewhere, one test per construction, each on sentences
 * written for the test: a withdrawal, a source named more narrowly than its lexicon entry, ...
 */
class ExtractorWireGrammarTest {

    @Test
    void shouldExtractNothingFromAWithdrawal() {
        WireReport usable = Corpus.report("urn:test:withdrawn", "2024-03-02T10:00:00Z", "Blast kills 7 in Kandahar",
                "KANDAHAR, Afghanistan (AP) - A bomb exploded at a bus station in Kandahar on Saturday, killing seven"
                + " people, police said.");
        WireReport withdrawn = WireReport.newBuilder(usable).setVersion(2).setPubStatus(PubStatus.CANCELED).build();

        assertThat(Corpus.extractor().extract(usable).getIncidents()).hasSize(1);
        ReportExtraction x = Corpus.extractor().extract(withdrawn);
        assertThat(x.getIncidents()).isEmpty();
        assertThat(x.getClaims()).isEmpty();
    }

    @Test
    void shouldKeepTheReportsNarrowerNameForASourceTheLexiconKnowsMoreBroadly() {
        ReportExtraction x = extract("2024-05-12T09:00:00Z", "Clashes kill 4 in Tripoli",
                "BEIRUT (Reuters) - Gunmen clashed in the northern city of Tripoli on Saturday, killing four people,"
                + " a Lebanese army source said.");

        Claim figure = x.getClaims().stream().filter(c -> Integer.valueOf(4).equals(c.getKilled())).findFirst()
                .orElseThrow();
        assertThat(figure.getSource().getName()).isEqualToIgnoringCase("Lebanese army source");
    }
}
