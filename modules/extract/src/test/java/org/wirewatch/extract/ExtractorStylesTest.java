package org.wirewatch.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirewatch.extract.Corpus.extract;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.IncidentMention;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.SourceType;
import org.wirewatch.schema.SubEventType;

/** Agency styles the development corpus does not use: AP datelines, inverted attribution, updated tolls. */
class ExtractorStylesTest {

    @Test
    void shouldReadAnApDatelineAndABreakdownWhenARoadsideBombKillsChildren() {
        ReportExtraction x = extract(
                "2023-06-22T10:00:00Z",
                "Roadside bomb kills nine civilians in Afghanistan's" + " Helmand",
                "KABUL, Afghanistan (AP) \u2014 A roadside bomb struck a minibus in southern Helmand"
                        + " province on Thursday, killing nine civilians including four children, a provincial spokesman said.");

        IncidentMention i = x.getIncidents().get(0);
        assertThat(i.getSubEventType()).isEqualTo(SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED);
        assertThat(i.getLocation().getAdmin1Code()).isEqualTo("AF-HEL");
        assertThat(i.getKilled().getBest()).isEqualTo(9);
        assertThat(i.getChildrenKilled()).isEqualTo(4);
        assertThat(i.getCiviliansKilled()).isEqualTo(9);
        assertThat(x.getClaims()).singleElement().satisfies(c -> {
            assertThat(c.getSource().getName()).isEqualTo("provincial spokesman");
            assertThat(c.getKilled()).isEqualTo(9);
        });
    }

    @Test
    void shouldTakeTheRisenTollAndTheNightBeforeWhenATollIsUpdated() {
        ReportExtraction x = extract(
                "2019-06-17T12:00:00Z",
                "Death toll in Nigeria mosque bombing rises to 30",
                "MAIDUGURI, Nigeria (Reuters) - The death toll from a triple suicide bombing in Konduga in Nigeria's"
                        + " Borno state has risen to 30, emergency officials said on Monday.\n\nAt least 40 people were"
                        + " wounded in the attack on Sunday night, said Usman Kachalla, head of the state emergency"
                        + " management agency.");

        IncidentMention i = x.getIncidents().get(0);
        assertThat(i.getSubEventType()).isEqualTo(SubEventType.SUICIDE_BOMB);
        assertThat(i.getEventDate()).isEqualTo(LocalDate.of(2019, 6, 16));
        assertThat(i.getLocation().getAdmin1Code()).isEqualTo("NG-BO");
        assertThat(i.getKilled().getBest()).isEqualTo(30);
        assertThat(i.getInjured().getBest()).isEqualTo(40);
        assertThat(x.getClaims()).anySatisfy(c -> {
            assertThat(c.getSpeaker()).isEqualTo("Usman Kachalla");
            assertThat(c.getInjured()).isEqualTo(40);
        });
    }

    @Test
    void shouldRecordAnAbductionWithoutADeathTollWhenStudentsAreKidnapped() {
        ReportExtraction x = extract(
                "2021-02-26T15:00:00Z",
                "Gunmen abduct 73 students in Nigeria's Zamfara",
                "GUSAU, Nigeria - Gunmen abducted 73 students from a school in Zamfara state on Wednesday, police"
                        + " said.");

        IncidentMention i = x.getIncidents().get(0);
        assertThat(i.getSubEventType()).isEqualTo(SubEventType.ABDUCTION_FORCED_DISAPPEARANCE);
        assertThat(i.getAbducted()).isEqualTo(73);
        assertThat(i.getKilled()).isNull();
        assertThat(i.getEventDate()).isEqualTo(LocalDate.of(2021, 2, 24));
    }

    @Test
    void shouldReadARecaptureByStateForcesAsGovernmentRegainingTerritoryWhenAVillageIsRetaken() {
        ReportExtraction x = extract(
                "2023-08-28T09:00:00Z",
                "Ukraine says it recaptured village of Robotyne",
                "KYIV (Reuters) - Ukrainian forces have recaptured the village of Robotyne in the southern"
                        + " Zaporizhzhia region, Deputy Defence Minister Hanna Maliar said on Monday.");

        IncidentMention i = x.getIncidents().get(0);
        assertThat(i.getSubEventType()).isEqualTo(SubEventType.GOVERNMENT_REGAINS_TERRITORY);
        assertThat(i.getLocation().getAdmin1Code()).isEqualTo("UA-23");
        assertThat(i.getLocation().getPlace()).isEqualTo("Robotyne");
    }

    @Test
    void shouldAttributeAQuoteToTheSpeakerNamedAfterSaidWhenTheVerbComesFirst() {
        ReportExtraction x = extract(
                "2024-03-02T10:00:00Z",
                "Hospital says 12 bodies recovered after Mali market" + " attack",
                "BAMAKO - Gunmen on motorbikes opened fire on a market in central Mali's Mopti region on"
                        + " Friday. \u201CWe have recovered 12 bodies so far,\u201D said Ali Hassan, a doctor at the district"
                        + " hospital. The army said it was hunting the attackers.");

        IncidentMention i = x.getIncidents().get(0);
        assertThat(i.getSubEventType()).isEqualTo(SubEventType.ATTACK);
        assertThat(i.getKilled().getBest()).isEqualTo(12);
        assertThat(i.getLocation().getGeoPrecision()).isNotEqualTo(org.wirewatch.schema.GeoPrecision.PLACE);
        assertThat(x.getClaims()).singleElement().satisfies(c -> {
            assertThat(c.getKind()).isEqualTo(ClaimKind.FIGURE);
            assertThat(c.getSpeaker()).isEqualTo("Ali Hassan");
            assertThat(c.getSource().getType()).isEqualTo(SourceType.MEDICAL);
        });
    }
}
