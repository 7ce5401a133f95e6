package org.wirewatch.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirewatch.extract.Corpus.extract;

import org.junit.jupiter.api.Test;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.IncidentMention;
import org.wirewatch.schema.ReportExtraction;

/**
 * How wires name a source between commas: the outlet a source talks to is never the source ("told AFP"), a
 * description after a name ("X, a coalition of ..., said", "X, run by ..., said") leaves the name speaking, and
 * "N bodies and M wounded" are two counts, not one sum.
 */
class ExtractorSourcePhrasingTest {

    @Test
    void shouldTakeTheSubjectNotTheOutletWhenASourceToldAnAgency() {
        ReportExtraction x = extract(
                "2024-02-11T09:00:00Z",
                "Shelling kills 12 in Sudan's Kadugli",
                "KHARTOUM (AFP) - Shells hit a residential district of Kadugli on Saturday, killing at least 12"
                        + " people, witnesses said.\n\nA surgeon at the Kadugli Teaching Hospital, one of two still open in"
                        + " the city, told AFP by phone that the hospital had received 12 bodies and 30 wounded people.");

        IncidentMention i = x.getIncidents().get(0);
        assertThat(i.getKilled().getBest()).isEqualTo(12);
        assertThat(i.getInjured().getBest()).isEqualTo(30);
        assertThat(x.getClaims()).extracting(c -> c.getSource().getName()).noneMatch(n -> n.contains("AFP"));
    }

    @Test
    void shouldLetTheNamedGroupSpeakWhenADescriptionFollowsItsName() {
        ReportExtraction x = extract(
                "2024-07-08T12:00:00Z",
                "Air strike kills nine villagers in Myanmar",
                "YANGON (Reuters) - A military air strike on a village in Myanmar's Kayin state killed nine people on"
                        + " Sunday.\n\nThe Karen National Union (KNU), an ethnic armed group in eastern Myanmar, said in a"
                        + " statement that nine villagers had been killed and 11 wounded.");

        assertThat(x.getClaims())
                .extracting(c -> c.getSource().getName())
                .anyMatch(n -> n.contains("Karen National Union"))
                .noneMatch(n -> n.contains("ethnic armed group"));
    }

    @Test
    void shouldSkipAParticipialDescriptionBetweenTheSourceAndItsVerb() {
        ReportExtraction x = extract(
                "2024-09-03T15:00:00Z",
                "Blast wounds 14 at Idlib market",
                "IDLIB, Syria (AP) \u2014 A car bomb exploded in a crowded market in the town of Sarmada on Tuesday,"
                        + " wounding at least 14 people.\n\nThe Al-Rahma clinic in Sarmada, run by a Turkish charity, said it"
                        + " had treated 14 wounded people.");

        Claim clinic = x.getClaims().stream()
                .filter(c -> Integer.valueOf(14).equals(c.getInjured()))
                .findFirst()
                .orElseThrow();
        assertThat(clinic.getSource().getName()).doesNotContain("charity").contains("Rahma");
    }

    @Test
    void shouldReadBodiesAndWoundedAsTwoCountsWhenJoinedByAnd() {
        ReportExtraction x = extract(
                "2024-04-21T08:00:00Z",
                "Attack on Borno village kills 9",
                "MAIDUGURI, Nigeria (AFP) - Gunmen attacked a village in Nigeria's Borno state on Saturday, medics"
                        + " said, adding that they had received 9 bodies and 17 wounded people.");

        IncidentMention i = x.getIncidents().get(0);
        assertThat(i.getKilled().getBest()).isEqualTo(9);
        assertThat(i.getInjured().getBest()).isEqualTo(17);
    }

    @Test
    void shouldNameAStateBodyByItsCountrysAdjectiveWhenTheReportPutsTheCountryAsAPossessive() {
        ReportExtraction x = extract(
                "2024-03-12T10:00:00Z",
                "Soldiers killed in Guatemala border clash",
                "GUATEMALA CITY (AFP) - Guatemala's armed forces said Monday that three soldiers had been killed in a"
                        + " clash with smugglers near the border town of La Mesilla.");

        assertThat(x.getClaims())
                .filteredOn(c -> Integer.valueOf(3).equals(c.getKilled()))
                .singleElement()
                .satisfies(c -> assertThat(c.getSource().getName()).isEqualTo("Guatemalan armed forces"));
    }

    @Test
    void shouldKeepTheBodyThatSpokeWhenTheLexiconFilesItUnderSeveralForces() {
        ReportExtraction x = extract(
                "2024-06-02T15:00:00Z",
                "Ambush kills six in Manipur",
                "IMPHAL, June 2 (PTI) Six Assam Rifles personnel were killed when militants ambushed their patrol near"
                        + " Moreh in Manipur's Tengnoupal district on Sunday, the Assam Rifles said.");

        assertThat(x.getClaims())
                .filteredOn(c -> Integer.valueOf(6).equals(c.getKilled()))
                .singleElement()
                .satisfies(c -> assertThat(c.getSource().getName()).isEqualTo("Assam Rifles"));
    }

    @Test
    void shouldReadWordsQuotedInsideARelativeClauseAsPartOfTheSubject() {
        ReportExtraction relative = extract(
                "2024-05-11T18:00:00Z",
                "Car bomb kills 8 in Izmir",
                "ANKARA (AFP) - A car bomb exploded near a bus station in Izmir on Saturday afternoon.\n\nInterior"
                        + " Minister Kemal Oztas, who called the blast a \"cowardly act of terror\", had earlier put the"
                        + " toll at eight dead and 31 injured.");
        assertThat(relative.getClaims())
                .filteredOn(c -> Integer.valueOf(8).equals(c.getKilled()))
                .singleElement()
                .satisfies(c -> assertThat(c.getSpeaker()).isEqualTo("Kemal Oztas"));
    }

    @Test
    void shouldReadAQuotedTitleAfterTheAsPartOfTheSubject() {
        ReportExtraction title = extract(
                "2024-05-11T18:00:00Z",
                "Insurgents behead villagers in Niassa",
                "MAPUTO (Lusa) - Insurgents raided the village of Mecula in Niassa province on Thursday night.\n\n"
                        + "Reporters for the \"Northern Crisis Monitor\", published by a Maputo rights group, speak of"
                        + " seven dead.");
        assertThat(title.getClaims())
                .filteredOn(c -> Integer.valueOf(7).equals(c.getKilled()))
                .singleElement()
                .satisfies(c -> assertThat(c.getSource().getName()).contains("Northern Crisis Monitor"));
    }

    @Test
    void shouldFileARoleOfANamedBodyUnderTheBodyWithTheRoleAfterIt() {
        ReportExtraction x = extract(
                "2024-07-19T08:00:00Z",
                "Bandits kill 23 in Sokoto village",
                "SOKOTO, Nigeria (AFP) - Bandits on motorcycles raided a village in Nigeria's Sokoto state on Thursday,"
                        + " killing 23 people, an official of the Sokoto State Government said.");

        assertThat(x.getClaims())
                .filteredOn(c -> Integer.valueOf(23).equals(c.getKilled()))
                .singleElement()
                .satisfies(c -> assertThat(c.getSource().getName()).isEqualTo("Sokoto State Government official"));
    }

    @Test
    void shouldSkipADistanceBetweenCommasOnTheWayBackToTheSource() {
        ReportExtraction x = extract(
                "2024-04-02T13:00:00Z",
                "Shelling hits village near El Obeid",
                "KHARTOUM (AFP) - Shells struck the village of Um Sumeima in North Kordofan on Monday, residents"
                        + " said.\n\nA doctor at the teaching hospital in El Obeid, some 40 kilometres away, told AFP it"
                        + " had received 31 wounded.");

        assertThat(x.getClaims())
                .filteredOn(c -> Integer.valueOf(31).equals(c.getInjured()))
                .singleElement()
                .satisfies(c -> assertThat(c.getSource().getName()).contains("hospital"));
    }
}
