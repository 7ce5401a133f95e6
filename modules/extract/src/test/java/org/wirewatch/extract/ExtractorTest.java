package org.wirewatch.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirewatch.extract.Corpus.extract;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirewatch.common.json.AvroJson;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.EvidenceSpan;
import org.wirewatch.schema.ExtractionStatus;
import org.wirewatch.schema.IncidentMention;
import org.wirewatch.schema.Recency;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.SubEventType;
import org.wirewatch.schema.WireReport;

/** Whole reports written for these tests: other countries, agencies and styles than the development corpus. */
class ExtractorTest {

    private static final Extractor extractor = Corpus.extractor();

    private static List<IncidentMention> current(ReportExtraction x) {
        return x.getIncidents().stream()
                .filter(i -> i.getRecency() == Recency.CURRENT)
                .toList();
    }

    @Test
    void shouldReadAnAmbushOfSoldiersAsAClashWithItsTollWhenTheArmyReportsIt() {
        // given: Monday 2 September 2019
        ReportExtraction x = extract(
                "2019-09-02T18:00:00Z",
                "Jihadists kill 11 soldiers in Burkina Faso ambush",
                "OUAGADOUGOU (AFP) - Gunmen ambushed a military convoy in northern Burkina Faso on Sunday, killing"
                        + " 11 soldiers and wounding 12 others, the army said in a statement.\n\nThe attack took place near"
                        + " Djibo, the army said, adding that reinforcements had been sent.");

        // then
        assertThat(x.getStatus()).isEqualTo(ExtractionStatus.EXTRACTED);
        IncidentMention i = current(x).get(0);
        assertThat(i.getSubEventType()).isEqualTo(SubEventType.ARMED_CLASH);
        assertThat(i.getLocation().getCountryCode()).isEqualTo("BF");
        assertThat(i.getEventDate()).isEqualTo(LocalDate.of(2019, 9, 1));
        assertThat(i.getKilled().getBest()).isEqualTo(11);
        assertThat(i.getInjured().getBest()).isEqualTo(12);
        assertThat(x.getClaims()).anySatisfy(c -> {
            assertThat(c.getKind()).isEqualTo(ClaimKind.FIGURE);
            assertThat(c.getKilled()).isEqualTo(11);
            assertThat(c.getSource().getName()).isEqualTo("Burkinabe army"); // "the army" of the report's country
        });
    }

    @Test
    void shouldReadAnAttackOnVillagersAsViolenceAgainstCiviliansWhenNoArmedSideIsHit() {
        ReportExtraction x = extract(
                "2021-05-04T09:00:00Z",
                "Suspected rebels kill 26 villagers in eastern Congo",
                "BENI, Democratic Republic of Congo (Reuters) - Suspected rebels killed at least 26 villagers with"
                        + " machetes and guns in an overnight raid on a village in North Kivu province, a local official"
                        + " said on Tuesday.");

        IncidentMention i = current(x).get(0);
        assertThat(i.getSubEventType()).isEqualTo(SubEventType.ATTACK);
        assertThat(i.getLocation().getCountryCode()).isEqualTo("CD");
        assertThat(i.getLocation().getAdmin1Code()).isEqualTo("CD-NK");
        assertThat(i.getKilled().getBest()).isEqualTo(26);
        assertThat(i.getDateToleranceDays()).isEqualTo(1);
    }

    @Test
    void shouldOpenASecondIncidentWhenTheReportSaysElsewhere() {
        ReportExtraction x = extract(
                "2019-05-11T15:00:00Z",
                "Air strikes kill nine in Syria's Hama",
                "BEIRUT (Reuters) - Air strikes killed nine civilians in the town of Kafr Nabuda in Hama province"
                        + " on Saturday, the Syrian Observatory for Human Rights said.\n\nElsewhere, shelling killed three"
                        + " people in Idlib province, the monitor said.");

        List<IncidentMention> incidents = current(x);
        assertThat(incidents).hasSize(2);
        assertThat(incidents.get(0).getLocation().getAdmin1Code()).isEqualTo("SY-HM");
        assertThat(incidents.get(1).getSubEventType()).isEqualTo(SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK);
        assertThat(incidents.get(1).getLocation().getAdmin1Code()).isEqualTo("SY-ID");
        assertThat(incidents.get(1).getKilled().getBest()).isEqualTo(3);
    }

    @Test
    void shouldKeepLastMonthsBombingAsBackgroundWhenMentionedInPassing() {
        ReportExtraction x = extract(
                "2022-06-20T12:00:00Z",
                "Car bomb kills 8 in Mogadishu",
                "MOGADISHU (Reuters) - A car bomb killed at least eight people near a busy market in Mogadishu on"
                        + " Monday, police said.\n\nThe attack came weeks after last month's bombing of a hotel that"
                        + " killed 20 people.");

        assertThat(current(x)).singleElement().satisfies(i -> {
            assertThat(i.getSubEventType()).isEqualTo(SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED);
            assertThat(i.getKilled().getBest()).isEqualTo(8);
        });
        assertThat(x.getIncidents()).anySatisfy(i -> {
            assertThat(i.getRecency()).isEqualTo(Recency.BACKGROUND);
            assertThat(i.getKilled().getBest()).isEqualTo(20);
        });
    }

    @Test
    void shouldRecordARunningTotalAsACumulativeClaimAndNeverAsAnIncidentWhenAttributed() {
        ReportExtraction x = extract(
                "2023-03-07T10:00:00Z",
                "Drone strike kills five in Yemen's Marib",
                "SANAA - A drone strike killed five fighters in Marib province on Tuesday, tribal sources said."
                        + "\n\nThe United Nations says more than 150,000 people have been killed since the war began.");

        assertThat(x.getIncidents())
                .allSatisfy(i -> assertThat(
                                i.getKilled() == null ? null : i.getKilled().getBest())
                        .isNotEqualTo(150_000));
        assertThat(x.getClaims()).anySatisfy(c -> {
            assertThat(c.getKind()).isEqualTo(ClaimKind.CUMULATIVE);
            assertThat(c.getKilled()).isEqualTo(150_000);
            assertThat(c.getMentionId()).isNull();
        });
    }

    @Test
    void shouldRecordADenialWhenTheAccusedPartyDeniesIt() {
        ReportExtraction x = extract(
                "2024-01-15T08:00:00Z",
                "Shelling kills four in Khartoum market",
                "KHARTOUM - Artillery shells hit a crowded market in Khartoum on Sunday, killing four people,"
                        + " medics said. The army blamed the Rapid Support Forces. The RSF denied any involvement.");

        assertThat(x.getClaims()).anySatisfy(c -> {
            assertThat(c.getKind()).isEqualTo(ClaimKind.DENIAL);
            assertThat(c.getSource().getName()).containsIgnoringCase("Rapid Support Forces");
        });
    }

    @Test
    void shouldAnswerNotRelevantWithNoIncidentsWhenNothingViolentHappened() {
        ReportExtraction x = extract(
                "2024-02-01T08:00:00Z",
                "Central bank raises rates to curb inflation",
                "NAIROBI (Reuters) - Kenya's central bank raised its benchmark rate by 200 basis points on Tuesday"
                        + " to 13%, the highest in 12 years, citing a weaker shilling.");

        assertThat(x.getStatus()).isEqualTo(ExtractionStatus.NOT_RELEVANT);
        assertThat(x.getIncidents()).isEmpty();
        assertThat(x.getClaims()).isEmpty();
    }

    @Test
    void shouldDetectAnotherLanguageWhenTheTextIsNotEnglishWhateverItDeclares() {
        ReportExtraction x = extract(
                "2024-02-01T08:00:00Z",
                "Au moins 12 morts dans une attaque au Niger",
                "NIAMEY (AFP) - Au moins douze soldats ont été tués dans une attaque contre un poste de l'armée"
                        + " dans l'ouest du pays, selon le ministère de la Défense, qui a précisé que les assaillants"
                        + " étaient venus à moto.");

        assertThat(x.getStatus()).isEqualTo(ExtractionStatus.UNSUPPORTED_LANGUAGE);
        assertThat(x.getLanguage()).isEqualTo("fr");
        assertThat(x.getIncidents()).isEmpty();
    }

    @Test
    void shouldPointEveryEvidenceSpanAtTheTextItQuotesWhenExtracting() {
        WireReport report = Corpus.report(
                Corpus.load().get(0).report().getUri(),
                "2018-11-17T16:00:00Z",
                Corpus.load().get(0).report().getHeadline(),
                Corpus.load().get(0).report().getBody());
        ReportExtraction x = extractor.extract(report);
        String text = Extractor.reportText(report);

        List<EvidenceSpan> spans = new java.util.ArrayList<>();
        x.getIncidents().forEach(i -> spans.addAll(i.getEvidence()));
        x.getClaims().forEach(c -> spans.addAll(c.getEvidence()));
        assertThat(spans).isNotEmpty();
        assertThat(spans)
                .allSatisfy(s ->
                        assertThat(text.substring(s.getStart(), s.getEnd())).isEqualTo(s.getText()));
        assertThat(x.getIncidents()).allSatisfy(i -> assertThat(i.getEvidence()).isNotEmpty());
        assertThat(x.getClaims()).allSatisfy(c -> assertThat(c.getEvidence()).isNotEmpty());
    }

    @Test
    void shouldGiveByteIdenticalOutputAndUriIdsWhenExtractingTwice() {
        WireReport report = Corpus.load().get(0).report();

        String first = AvroJson.toJson(extractor.extract(report));
        String second = AvroJson.toJson(extractor.extract(report));

        assertThat(first).isEqualTo(second);
        ReportExtraction x = extractor.extract(report);
        assertThat(x.getIncidents().get(0).getMentionId()).isEqualTo(report.getUri() + "#1");
        assertThat(x.getClaims().get(0).getClaimId()).isEqualTo(report.getUri() + "#c1");
    }

    @Test
    void shouldExtractTheSeedStoryExactlyWhenGivenTheAbuHusnReport() {
        ReportExtraction x = extractor.extract(Corpus.load().get(0).report());

        IncidentMention strike = x.getIncidents().get(0);
        assertThat(strike.getSubEventType()).isEqualTo(SubEventType.AIR_DRONE_STRIKE);
        assertThat(strike.getLocation().getAdmin1Code()).isEqualTo("SY-DY");
        assertThat(strike.getLocation().getPlace()).isEqualTo("Abu Husn");
        assertThat(strike.getEventDate()).isEqualTo(LocalDate.of(2018, 11, 17));
        assertThat(strike.getActor().getName()).isEqualTo("US-led coalition");
        assertThat(List.of(
                        strike.getKilled().getLow(),
                        strike.getKilled().getBest(),
                        strike.getKilled().getHigh()))
                .containsOnly(43);
        assertThat(strike.getChildrenKilled()).isEqualTo(17);
        assertThat(x.getIncidents())
                .noneMatch(i -> i.getKilled() != null && i.getKilled().getBest() == 1100);
        List<Claim> claims = x.getClaims();
        assertThat(claims).anySatisfy(c -> {
            assertThat(c.getKind()).isEqualTo(ClaimKind.FIGURE);
            assertThat(c.getSource().getName()).isEqualTo("Syrian Observatory for Human Rights");
            assertThat(c.getKilled()).isEqualTo(43);
        });
        assertThat(claims)
                .filteredOn(c -> c.getSource().getName().equals("US-led coalition"))
                .extracting(Claim::getKind)
                .contains(ClaimKind.CONFIRMATION, ClaimKind.DENIAL, ClaimKind.CUMULATIVE);
        assertThat(claims)
                .filteredOn(c -> c.getKind() == ClaimKind.CUMULATIVE)
                .hasSize(2)
                .allSatisfy(c -> assertThat(c.getMentionId()).isNull());
    }
}
