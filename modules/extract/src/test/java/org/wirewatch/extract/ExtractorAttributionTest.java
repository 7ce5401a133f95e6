package org.wirewatch.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirewatch.extract.Corpus.extract;

import org.junit.jupiter.api.Test;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.SourceType;

/** Who gave a figure or confirmed an attack: lists of sources, anonymous sources, parties telling their own strike. */
class ExtractorAttributionTest {

    @Test
    void shouldKeepAnAnonymousSourceAndReadAPartysOwnStrikeAsConfirmationWhenBothSpeak() {
        ReportExtraction x = extract(
                "2024-06-10T18:00:00Z",
                "Israeli drone strike kills two in south Lebanon",
                "BEIRUT: An Israeli drone strike on a car near the town of Bint Jbeil killed two Hezbollah members on"
                        + " Sunday, a security source told AFP.\n\nThe Israeli military said its aircraft had struck a"
                        + " Hezbollah operative in the area.\n\nSince October, more than 400 people have been killed in"
                        + " Lebanon, according to an AFP tally.\n\nElsewhere, Hezbollah said it fired rockets at an Israeli"
                        + " army base.");

        assertThat(x.getClaims()).anySatisfy(c -> {
            assertThat(c.getKind()).isEqualTo(ClaimKind.FIGURE);
            assertThat(c.getSource().getName()).isEqualTo("security source");
            assertThat(c.getKilled()).isEqualTo(2);
        });
        assertThat(x.getClaims()).anySatisfy(c -> {
            assertThat(c.getKind()).isEqualTo(ClaimKind.CONFIRMATION);
            assertThat(c.getSource().getName()).isEqualTo("Israeli military");
        });
        assertThat(x.getClaims()).allSatisfy(c -> assertThat(c.getSpeaker()).isNotEqualTo("Elsewhere"));
    }

    @Test
    void shouldGiveTheFigureToTheFirstSourceWhenWitnessesAndMedicsAreListed() {
        ReportExtraction x = extract(
                "2024-06-10T12:00:00Z",
                "Car bomb kills seven at Mogadishu market",
                "MOGADISHU: A car bomb killed seven people at a market in Mogadishu on Sunday, three residents and a"
                        + " nurse at the city hospital said.");

        assertThat(x.getClaims()).singleElement().satisfies(c -> {
            assertThat(c.getKind()).isEqualTo(ClaimKind.FIGURE);
            assertThat(c.getSource().getName()).isEqualTo("residents");
            assertThat(c.getSource().getType()).isEqualTo(SourceType.WITNESS);
            assertThat(c.getKilled()).isEqualTo(7);
        });
    }

    @Test
    void shouldNotLendAnUnnamedOfficialsFigureToTheInstitutionThatSpeaksNext() {
        ReportExtraction x = extract(
                "2024-06-10T12:00:00Z",
                "Gunmen kill nine villagers in central Nigeria",
                "LAGOS: Gunmen killed nine villagers in Nigeria's Plateau state on Sunday, a local official said.\n\n"
                        + "Police confirmed the attack and said officers had been deployed.");

        assertThat(x.getClaims()).anySatisfy(c -> {
            assertThat(c.getKind()).isEqualTo(ClaimKind.FIGURE);
            assertThat(c.getSource().getName()).isEqualTo("local official");
            assertThat(c.getKilled()).isEqualTo(9);
        });
        assertThat(x.getClaims()).anySatisfy(c -> {
            assertThat(c.getKind()).isEqualTo(ClaimKind.CONFIRMATION);
            assertThat(c.getSource().getName()).containsIgnoringCase("police");
        });
    }

    @Test
    void shouldLeaveATimePhraseOutOfTheSourceNameWhenItFollowsTheSpeaker() {
        ReportExtraction x = extract(
                "2024-06-10T12:00:00Z",
                "Roadside bomb kills four Somali soldiers",
                "NAIROBI: A roadside bomb killed four soldiers in Somalia's Lower Shabelle region on Sunday, a"
                        + " military officer said.\n\nA government spokesman last week denied that troops had withdrawn"
                        + " from the area.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.DENIAL)
                .singleElement()
                .satisfies(c -> assertThat(c.getSource().getName())
                        .doesNotContain("week")
                        .doesNotContain("last"));
    }
}
