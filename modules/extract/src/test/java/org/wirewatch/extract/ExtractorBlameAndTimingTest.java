package org.wirewatch.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirewatch.extract.Corpus.extract;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.IncidentMention;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.SubEventType;

/**
 * Who is blamed, who only tells, and when the other events of a report happened: the party a report blames is the
 * actor when nobody is named as the attacker, the party closing a sentence with "said" is a source, relative days
 * count from the main event, and the day of a statement is no event day.
 */
class ExtractorBlameAndTimingTest {

    @Test
    void shouldTakeTheBlamedPartyAsActorWhenNoSentenceNamesTheAttacker() {
        ReportExtraction x = extract(
                "2024-11-20T10:00:00Z",
                "Bomb wounds four soldiers in southern Philippines",
                "COTABATO, Philippines (AP) \u2014 A roadside bomb exploded next to an army truck in Maguindanao on"
                        + " Wednesday morning, wounding four soldiers, police said.\n\nNo group claimed responsibility, but"
                        + " the military blamed the Abu Sayyaf for the attack.");

        IncidentMention i = x.getIncidents().get(0);
        assertThat(i.getActor()).isNotNull();
        assertThat(i.getActor().getName()).contains("Abu Sayyaf");
        assertThat(i.getActor().getQualifier()).isEqualTo("alleged");
    }

    @Test
    void shouldNotTakeTheSpeakerAsActorWhenTheAttributionClosesTheSentence() {
        ReportExtraction x = extract(
                "2024-05-03T19:00:00Z",
                "Shells hit camp near Goma, killing 9",
                "GOMA, Democratic Republic of Congo, May 3 (Reuters) - Shells struck a camp for displaced people near"
                        + " Goma on Friday, killing at least nine people, the army and a local aid group said.");

        IncidentMention i = x.getIncidents().get(0);
        assertThat(i.getKilled().getBest()).isEqualTo(9);
        assertThat(i.getActor() == null ? null : i.getActor().getName()).isNull();
    }

    @Test
    void shouldDateAnEarlierEventFromTheMainEventWhenTheReportSaysADayAfter() {
        ReportExtraction x = extract(
                "2024-03-15T09:40:00Z",
                "Gunmen storm hotel in Mogadishu, killing 9",
                "MOGADISHU, Somalia (AP) \u2014 Gunmen stormed a hotel in Somalia's capital late Thursday, killing at"
                        + " least nine people, police said.\n\nThe assault came a day after four soldiers died when their"
                        + " patrol was ambushed in the Lower Shabelle region.");

        assertThat(x.getIncidents()).hasSize(2);
        assertThat(x.getIncidents().get(0).getEventDate()).isEqualTo(LocalDate.of(2024, 3, 14));
        IncidentMention ambush = x.getIncidents().get(1);
        assertThat(ambush.getEventDate()).isEqualTo(LocalDate.of(2024, 3, 13));
        assertThat(ambush.getKilled().getBest()).isEqualTo(4);
        assertThat(ambush.getLocation().getAdmin1Code()).isEqualTo("SO-SH");
    }

    @Test
    void shouldDateAnAttackOverTheWeekendToTheLastSunday() {
        ReportExtraction x = extract(
                "2024-02-20T14:00:00Z",
                "Rebels kill 15 villagers in Central African Republic",
                "BANGUI, Feb 20 (Reuters) - Rebels killed at least 15 civilians in an attack on a village in the"
                        + " Ouham-Pende prefecture over the weekend, the United Nations said on Tuesday.");

        IncidentMention i = x.getIncidents().get(0);
        assertThat(i.getEventDate()).isEqualTo(LocalDate.of(2024, 2, 18));
        assertThat(i.getDateToleranceDays()).isEqualTo(1);
    }

    @Test
    void shouldTakeTheExactDayALaterSentenceGivesForAnAttackToldAsLastWeek() {
        ReportExtraction x = extract(
                "2025-03-13T15:00:00Z",
                "Senegal says 31 police killed in border attack",
                "DAKAR (Wire) - Thirty-one police officers were killed in an attack by gunmen on a checkpoint near the"
                        + " town of Kidira last week, the interior ministry said on Thursday.\n\nThe minister gave the"
                        + " toll at a news conference on the March 5 attack near the border with Mali.");

        IncidentMention i = x.getIncidents().get(0);
        assertThat(i.getEventDate()).isEqualTo(LocalDate.of(2025, 3, 5));
        assertThat(i.getDateToleranceDays()).isZero();
    }

    @Test
    void shouldDateAnIncidentToldWithoutADayNoLaterThanTheDayItsSourceSpoke() {
        ReportExtraction x = extract(
                "2024-09-16T14:00:00Z",
                "Air strike on village school kills 11 in Kachin",
                "YANGON (Wire) - A military air strike on a village school in Myanmar's Kachin state killed at least"
                        + " 11 people, most of them pupils, a local relief group said Saturday.");

        IncidentMention i = x.getIncidents().get(0);
        assertThat(i.getEventDate()).isEqualTo(LocalDate.of(2024, 9, 14));
        assertThat(i.getDateToleranceDays()).isEqualTo(1);
    }

    @Test
    void shouldNotOpenAnIncidentForTheDayAStatementWasRead() {
        ReportExtraction x = extract(
                "2024-12-12T16:00:00Z",
                "Niger says 10 soldiers killed in west",
                "NIAMEY (AFP) - Ten soldiers were killed on Tuesday when their unit came under attack in the"
                        + " Tillaberi region, the defence ministry said.\n\nIn a statement read on state television late"
                        + " Wednesday, the ministry said the assailants had been repelled in a counter-offensive supported"
                        + " by air strikes.");

        assertThat(x.getIncidents()).hasSize(1);
        assertThat(x.getIncidents().get(0).getEventDate()).isEqualTo(LocalDate.of(2024, 12, 10));
    }

    @Test
    void shouldCodeGuidedAerialBombsAsAnAirStrike() {
        ReportExtraction x = extract(
                "2024-08-31T08:00:00Z",
                "Russian glide bombs kill 6 in Kharkiv",
                "KHARKIV, Ukraine -- Russian aircraft dropped guided aerial bombs on Kharkiv on Friday afternoon,"
                        + " killing six people and injuring 97, the regional governor said.");

        assertThat(x.getIncidents().get(0).getSubEventType()).isEqualTo(SubEventType.AIR_DRONE_STRIKE);
    }

    @Test
    void shouldAttributeAFigureToLocalSourcesWhenTheReportQuotesThem() {
        ReportExtraction x = extract(
                "2024-06-08T15:00:00Z",
                "Car bomb kills 5 civilians in northwestern Syria",
                "ANKARA\n\nA car bomb attack killed five civilians and injured 14 others in the town of Afrin in"
                        + " northwestern Syria on Saturday, according to local sources.");

        assertThat(x.getClaims()).anySatisfy(c -> {
            assertThat(c.getKind()).isEqualTo(ClaimKind.FIGURE);
            assertThat(c.getSource().getName()).isEqualTo("local sources");
            assertThat(c.getKilled()).isEqualTo(5);
        });
    }

    @Test
    void shouldCountASideAsKilledWhenItLostMen() {
        ReportExtraction x = extract(
                "2024-12-12T16:00:00Z",
                "Army post attacked in western Niger",
                "NIAMEY (AFP) - Jihadists attacked an army post in the Tillaberi region on Tuesday and the army lost"
                        + " at least 15 soldiers, a security source said.");

        assertThat(x.getIncidents().get(0).getKilled().getBest()).isEqualTo(15);
    }

    @Test
    void shouldKeepAnAnonymousSourceAnonymousWhenAnOrganisationIsNamedOnlyInALaterParagraph() {
        ReportExtraction x = extract(
                "2024-01-16T09:00:00Z",
                "Separatists blamed for killing of 20 in Cameroon",
                "YAOUNDE: Suspected separatist fighters killed at least 20 people in an overnight raid on a village"
                        + " in Cameroon's South West region, a local official told AFP on Tuesday.\n\nThe gunmen burned"
                        + " houses, said the official. A security source put the toll at 23.\n\nThe conflict in the two"
                        + " English-speaking regions has killed more than 6,000 people since 2017, according to the"
                        + " International Crisis Group.");

        assertThat(x.getClaims()).noneSatisfy(c -> {
            assertThat(c.getSource().getName()).isEqualTo("International Crisis Group");
            assertThat(c.getKind()).isEqualTo(ClaimKind.FIGURE);
        });
        assertThat(x.getClaims()).noneSatisfy(c -> assertThat(c.getKilled()).isEqualTo(2));
    }

    @Test
    void shouldRecordThePartysFigureWhenItClaimsTheAttackAndGivesAToll() {
        ReportExtraction x = extract(
                "2024-10-25T13:20:00Z",
                "7 soldiers killed in militant attack in NW Pakistan",
                "ISLAMABAD, Oct. 25 (Xinhua) -- Seven soldiers were killed when militants attacked a check post in"
                        + " North Waziristan on Thursday night, the military said on Friday.\n\nA spokesman for the"
                        + " Pakistani Taliban claimed responsibility for the attack, saying that 12 soldiers had been"
                        + " killed.");

        assertThat(x.getClaims()).anySatisfy(c -> {
            assertThat(c.getKind()).isEqualTo(ClaimKind.FIGURE);
            assertThat(c.getKilled()).isEqualTo(12);
            assertThat(c.getSource().getName()).contains("Taliban");
        });
        assertThat(x.getClaims()).anySatisfy(c -> {
            assertThat(c.getKind()).isEqualTo(ClaimKind.CONFIRMATION);
            assertThat(c.getSource().getName()).contains("Taliban");
        });
    }
}
