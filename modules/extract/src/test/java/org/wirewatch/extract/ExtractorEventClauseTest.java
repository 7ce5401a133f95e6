package org.wirewatch.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirewatch.extract.Corpus.extract;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.EventType;
import org.wirewatch.schema.IncidentMention;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.SubEventType;

/**
 * The incident is read from the clause that tells the event, not from the dateline or the reporting clause: its
 * day, its place, its kind and every toll the report adds up.
 */
class ExtractorEventClauseTest {

    @Test
    void shouldDateTheEventNotTheDatelineWhenTheDatelineNamesALongCountryAndADay() {
        ReportExtraction x = extract(
                "2024-03-09T11:00:00Z",
                "Militia raid kills 12 villagers in east Congo",
                "GOMA, Democratic Republic of Congo, March 9 (Reuters) - Militiamen killed at least 12 villagers in"
                        + " a raid late on Friday on a settlement in North Kivu province, local officials said on"
                        + " Saturday.");

        IncidentMention i = x.getIncidents().get(0);
        assertThat(i.getEventDate()).isEqualTo(LocalDate.of(2024, 3, 8));
        assertThat(i.getLocation().getAdmin1Code()).isEqualTo("CD-NK");
        assertThat(i.getLocation().getPlace()).isNotEqualTo("Goma");
        assertThat(x.getClaims())
                .noneSatisfy(c -> assertThat(c.getSource().getName()).contains("Congo"));
    }

    @Test
    void shouldNotPlaceTheEventInTheDatelineCityWhenTheAgencyIsFollowedByAFullStopAndADash() {
        ReportExtraction x = extract(
                "2024-08-03T20:00:00Z",
                "Bomb wounds six guards at Ecuador prison",
                "Quito, Aug 3 (EFE).- A bomb exploded on Friday outside a prison in Ecuador's Guayas province,"
                        + " wounding six guards, police said.");

        IncidentMention i = x.getIncidents().get(0);
        assertThat(i.getLocation().getAdmin1Code()).isEqualTo("EC-G");
        assertThat(i.getLocation().getPlace()).isNotEqualTo("Quito");
        assertThat(i.getEventDate()).isEqualTo(LocalDate.of(2024, 8, 2));
        assertThat(i.getInjured().getBest()).isEqualTo(6);
    }

    @Test
    void shouldTakeTheDayOfTheEventClauseWhenTheLeadOnlyDatesTheStatement() {
        ReportExtraction x = extract(
                "2024-05-16T09:00:00Z",
                "Helicopter fire kills 20 in Sudan village",
                "KHARTOUM (AP) \u2014 Army helicopters killed 20 people in a village in Sudan's South Kordofan state,"
                        + " witnesses said Thursday.\n\nThe raid on the village on Tuesday evening was the deadliest in the"
                        + " state since the war began in April last year.");

        IncidentMention i = x.getIncidents().get(0);
        assertThat(i.getEventDate()).isEqualTo(LocalDate.of(2024, 5, 14));
        assertThat(i.getKilled().getBest()).isEqualTo(20);
    }

    @Test
    void shouldAddAttackersNeutralisedToTheHighEndWhenAnotherFigureComesBetween() {
        ReportExtraction x = extract(
                "2023-09-11T08:00:00Z",
                "Eight soldiers killed in attack in central Mali",
                "BAMAKO: Eight soldiers were killed and five others wounded on Sunday when jihadists attacked a"
                        + " military post near Boni in central Mali, the army said in a statement.\n\nAbout fifteen"
                        + " assailants were also neutralised, the statement said.");

        IncidentMention i = x.getIncidents().get(0);
        assertThat(i.getKilled().getBest()).isEqualTo(8);
        assertThat(i.getKilled().getHigh()).isEqualTo(23);
        assertThat(i.getInjured().getBest()).isEqualTo(5);
    }

    @Test
    void shouldCountTheInjuredWhenAnAdverbStandsBeforeTheVerb() {
        ReportExtraction x = extract(
                "2024-02-02T15:00:00Z",
                "Gunmen kill nine at Honduras football pitch",
                "TEGUCIGALPA, Honduras (AP) \u2014 Gunmen opened fire on a crowd at a football pitch in the city of"
                        + " San Pedro Sula on Thursday, killing nine people, police said.\n\nAt least 11 others were"
                        + " critically wounded, a hospital spokeswoman said.");

        IncidentMention i = x.getIncidents().get(0);
        assertThat(i.getKilled().getBest()).isEqualTo(9);
        assertThat(i.getInjured().getBest()).isEqualTo(11);
    }

    @Test
    void shouldCodeAnAttackOnCiviliansWhenTheAttackersNameContainsForcesAndTheTargetIsADisplacementCamp() {
        ReportExtraction x = extract(
                "2024-06-10T12:00:00Z",
                "Paramilitaries kill 23 at Darfur displacement camp",
                "EL FASHER, Sudan: Fighters from the paramilitary Rapid Support Forces (RSF) killed 23 people in an"
                        + " attack on a camp for displaced people in North Darfur on Sunday, local activists said.");

        IncidentMention i = x.getIncidents().get(0);
        assertThat(i.getSubEventType()).isEqualTo(SubEventType.ATTACK);
        assertThat(i.getEventType()).isEqualTo(EventType.VIOLENCE_AGAINST_CIVILIANS);
    }

    @Test
    void shouldCodeAnAbductionWhenOneCaptiveWasAlsoShot() {
        ReportExtraction x = extract(
                "2024-01-16T10:00:00Z",
                "Gunmen abduct 40 villagers in northwest Nigeria",
                "GUSAU, Nigeria - Gunmen on Monday kidnapped 40 villagers in a raid on a village in Nigeria's"
                        + " Zamfara state, shooting dead one man who tried to flee, police said.");

        IncidentMention i = x.getIncidents().get(0);
        assertThat(i.getSubEventType()).isEqualTo(SubEventType.ABDUCTION_FORCED_DISAPPEARANCE);
        assertThat(i.getAbducted()).isEqualTo(40);
        assertThat(i.getEventDate()).isEqualTo(LocalDate.of(2024, 1, 15));
    }

    @Test
    void shouldKeepOnlyTheCountryWhenASecondEventIsElsewhereInTheCountry() {
        ReportExtraction x = extract(
                "2023-02-11T15:00:00Z",
                "Gunmen kill 14 villagers in northwest Nigeria",
                "GUSAU, Nigeria (AP) \u2014 Gunmen killed 14 villagers in an attack on a village in Zamfara state"
                        + " on Friday, police said.\n\nThe attack came two days after three police officers were killed in"
                        + " an ambush in the north-east of the country on Wednesday.");

        assertThat(x.getIncidents()).hasSizeGreaterThanOrEqualTo(2);
        IncidentMention village = x.getIncidents().get(0);
        assertThat(village.getLocation().getAdmin1Code()).isEqualTo("NG-ZA");
        IncidentMention ambush = x.getIncidents().stream()
                .filter(m -> m.getEventDate().equals(LocalDate.of(2023, 2, 8)))
                .findFirst()
                .orElseThrow();
        assertThat(ambush.getLocation().getCountryCode()).isEqualTo("NG");
        assertThat(ambush.getLocation().getAdmin1Code()).isNull();
        assertThat(ambush.getKilled().getBest()).isEqualTo(3);
    }
}
