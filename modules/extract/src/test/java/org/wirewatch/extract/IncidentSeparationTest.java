package org.wirewatch.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirewatch.extract.Corpus.extract;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.IncidentMention;
import org.wirewatch.schema.Recency;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.SubEventType;

/**
 * How a report's sentences become one incident or several, and on which day each happened: one test per
 * construction of wire English, each on sentences written for the test.
 */
class IncidentSeparationTest {

    @Test
    void shouldKeepATollRevisedOnALaterDayInTheIncidentItRevises() {
        ReportExtraction x = extract(
                "2024-05-12T20:00:00Z",
                "Militia clashes kill at least 19 in eastern Congo",
                "BUNIA, Congo (Reuters) - At least 19 people were killed on Saturday in clashes between two rival"
                        + " militias in the Djugu territory of Ituri province, a local official said.\n\nThe provincial"
                        + " governor put the toll a little higher on Sunday evening, saying rescuers had recovered 21"
                        + " bodies from the fields around the village.");

        assertThat(x.getIncidents()).singleElement().satisfies(i -> {
            assertThat(i.getEventDate()).isEqualTo(LocalDate.parse("2024-05-11"));
            assertThat(i.getKilled().getHigh()).isEqualTo(21);
        });
    }

    @Test
    void shouldDateAnEventSomeDaysBeforeTheMainOneAFewDaysBack() {
        ReportExtraction x = extract(
                "2024-03-14T18:00:00Z",
                "Car bomb kills seven soldiers in Baidoa",
                "MOGADISHU (VOA) - A car bomb exploded at an army checkpoint in Baidoa on Thursday, killing seven"
                        + " soldiers, officials said.\n\nDays earlier, gunmen stormed a police station in Kismayo, killing"
                        + " four officers.");

        assertThat(x.getIncidents()).hasSize(2);
        IncidentMention earlier = x.getIncidents().stream()
                .filter(i -> i.getKilled() != null && i.getKilled().getBest() == 4)
                .findFirst()
                .orElseThrow();
        // "days earlier": more than a day, less than a week before the main event
        assertThat(earlier.getEventDate()).isBetween(LocalDate.parse("2024-03-08"), LocalDate.parse("2024-03-12"));
        assertThat(earlier.getDateToleranceDays()).isBetween(2, 4);
    }

    @Test
    void shouldSeparateTheEarlierEventARaidCameAfter() {
        ReportExtraction x = extract(
                "2024-06-13T17:00:00Z",
                "Gunmen kill nine villagers in central Mali",
                "BAMAKO (AFP) - Gunmen killed nine villagers in a raid on Diallassagou in central Mali's Bankass area"
                        + " on Wednesday, local officials said.\n\nThe raid came after an assault on an army post in"
                        + " the region earlier this week in which 11 soldiers were killed.");

        assertThat(x.getIncidents()).hasSize(2);
        assertThat(x.getIncidents().get(0).getKilled().getBest()).isEqualTo(9);
        assertThat(x.getIncidents().get(1).getKilled().getBest()).isEqualTo(11);
        assertThat(x.getIncidents().get(1).getEventDate()).isBefore(LocalDate.parse("2024-06-13"));
    }

    @Test
    void shouldDateTheEventADayBeforeTheOneNamedByItsDay() {
        ReportExtraction x = extract(
                "2024-06-13T17:00:00Z",
                "Gunmen kill nine villagers in central Mali",
                "BAMAKO (AFP) - Gunmen killed nine villagers in a raid on Diallassagou in central Mali's Bankass area"
                        + " on Wednesday, local officials said.\n\nWednesday's raid came a day after suspected jihadists"
                        + " killed four traders at a cattle market in Djenne.");

        assertThat(x.getIncidents()).hasSize(2);
        assertThat(x.getIncidents().get(1).getKilled().getBest()).isEqualTo(4);
        assertThat(x.getIncidents().get(1).getEventDate()).isEqualTo(LocalDate.parse("2024-06-11"));
    }

    @Test
    void shouldGiveEachTownOfACoordinatedStrikeItsOwnIncident() {
        ReportExtraction x = extract(
                "2024-02-18T09:00:00Z",
                "Rebels shell two towns in Ethiopia's Amhara",
                "ADDIS ABABA (Reuters) - Rebel fighters shelled the markets of Dessie and Kombolcha in Ethiopia's"
                        + " Amhara region on Saturday, the regional government said. There was no word on casualties.");

        assertThat(x.getIncidents()).hasSize(2);
        assertThat(x.getIncidents().get(0).getLocation().getPlace()).isNotEqualTo("Kombolcha");
        assertThat(x.getIncidents().get(1).getLocation().getPlace()).isEqualTo("Kombolcha");
        assertThat(x.getIncidents().get(1).getEventDate())
                .isEqualTo(x.getIncidents().get(0).getEventDate());
        assertThat(x.getIncidents().get(1).getSubEventType())
                .isEqualTo(x.getIncidents().get(0).getSubEventType());
        assertThat(x.getIncidents().get(1).getKilled()).isNull();
    }

    @Test
    void shouldKeepOneIncidentForATollOverTwoTownsAndForARoadBetweenThem() {
        ReportExtraction total = extract(
                "2024-02-18T09:00:00Z",
                "Shelling kills 12 in Ethiopia's Amhara",
                "ADDIS ABABA (Reuters) - Rebel shelling of Dessie and Kombolcha in Ethiopia's Amhara region killed 12"
                        + " people on Saturday, the regional government said.");
        ReportExtraction road = extract(
                "2024-02-18T09:00:00Z",
                "Gunmen ambush bus in Ethiopia's Amhara",
                "ADDIS ABABA (Reuters) - Gunmen ambushed a bus on the road between Dessie and Kombolcha in Ethiopia's"
                        + " Amhara region on Saturday, the regional government said.");

        assertThat(total.getIncidents()).hasSize(1);
        assertThat(road.getIncidents()).hasSize(1);
    }

    @Test
    void shouldReadTheDayAfterAnAbbreviatedMonth() {
        ReportExtraction x = extract(
                "2024-10-12T08:00:00Z",
                "Suicide bomber kills 6 at Kunduz mosque",
                "KABUL (AFP) - A suicide bomber killed six worshippers at a mosque in Kunduz on Friday, police said."
                        + "\n\nThe same group claimed a bombing at a checkpoint in Baghlan on Oct. 3 that killed two"
                        + " guards.");

        assertThat(x.getIncidents())
                .filteredOn(i -> i.getKilled() != null && i.getKilled().getBest() == 2)
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.getEventDate()).isEqualTo(LocalDate.parse("2024-10-03"));
                    assertThat(i.getDateToleranceDays()).isZero();
                });
    }

    @Test
    void shouldPlaceAnEventNamedInANeighbouringCountryThere() {
        ReportExtraction x = extract(
                "2024-06-10T10:00:00Z",
                "Drone strike kills 12 at El Fasher market",
                "KHARTOUM (Reuters) - A drone strike on a market in El Fasher killed 12 people on Sunday, local"
                        + " activists said.\n\nIn neighbouring Chad, seven people were wounded when a mortar round landed"
                        + " in a camp near the border, a UN official said.");

        assertThat(x.getIncidents()).hasSize(2);
        assertThat(x.getIncidents().get(0).getLocation().getCountryCode()).isEqualTo("SD");
        assertThat(x.getIncidents().get(1).getLocation().getCountryCode()).isEqualTo("TD");
        assertThat(x.getIncidents().get(1).getInjured().getBest()).isEqualTo(7);
    }

    @Test
    void shouldNotPlaceAnEventWhereItsTellerTravelled() {
        ReportExtraction x = extract(
                "2024-06-10T10:00:00Z",
                "Drone strike kills 12 at El Fasher market",
                "KHARTOUM (Reuters) - A drone strike on a market in El Fasher killed 12 people on Sunday, local"
                        + " activists said.\n\nThe army said its air defences shot down two drones over the city, army"
                        + " chief Abdel Fattah al-Burhan said before leaving for a summit in Ethiopia.");

        assertThat(x.getIncidents())
                .extracting(i -> i.getLocation().getCountryCode())
                .containsOnly("SD");
    }

    @Test
    void shouldDateTheEventByTheDayAfterWhichAnAsideIsTold() {
        ReportExtraction x = extract(
                "2024-08-16T15:00:00Z",
                "Gunmen kill 14 at village wedding in Zamfara",
                "GUSAU, Nigeria (AP) - Mourners in the farming village of Kadisau held funerals on Friday, a day after"
                        + " gunmen on motorcycles attacked a wedding party and shot dead 14 guests, local officials"
                        + " said.\n\nThe attackers fled into the nearby forest, residents said.");

        assertThat(x.getIncidents()).singleElement().satisfies(i -> {
            assertThat(i.getEventDate()).isEqualTo(LocalDate.parse("2024-08-15"));
            assertThat(i.getKilled().getBest()).isEqualTo(14);
        });
    }

    @Test
    void shouldNotGiveOneIncidentATollThatAddsUpSeveralPlaces() {
        ReportExtraction x = extract(
                "2024-03-06T16:00:00Z",
                "Troops kill 31 protesters across Myanmar",
                "YANGON (Reuters) - Security forces shot dead 31 protesters on Tuesday, witnesses said.\n\nIn"
                        + " Mandalay, soldiers fired on a march, killing 18 people, a rescue worker said. Nine people were killed in"
                        + " Yangon and four were killed in Monywa, residents said.");

        assertThat(x.getIncidents())
                .allSatisfy(i -> assertThat(
                                i.getKilled() == null ? null : i.getKilled().getBest())
                        .isNotEqualTo(31));
    }

    @Test
    void shouldKeepATollWhosePartsNameNoPlaces() {
        ReportExtraction x = extract(
                "2024-03-06T16:00:00Z",
                "Bus bomb kills 12 in Quetta",
                "QUETTA, Pakistan (AP) - A bomb tore through a bus in Quetta on Tuesday, killing 12 people, police"
                        + " said.\n\nSeven people died at the scene and five more died in hospital, a doctor said.");

        assertThat(x.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getKilled().getBest()).isEqualTo(12));
    }

    @Test
    void shouldSeparateAFrontedTownWithAnEventAndADayOfItsOwnButNoToll() {
        ReportExtraction x = extract(
                "2024-05-15T18:00:00Z",
                "Gunmen kill five farmers in northeast Nigeria",
                "MAIDUGURI, Nigeria (Reuters) - Gunmen killed five farmers near Maiduguri on Tuesday, police said.\n\n"
                        + "In Konduga, insurgents stormed a market and set fire to stalls on Tuesday evening, residents"
                        + " said.");

        assertThat(x.getIncidents()).hasSize(2);
        assertThat(x.getIncidents().get(1).getLocation().getPlace()).isEqualTo("Konduga");
        assertThat(x.getIncidents().get(1).getKilled()).isNull();
    }

    @Test
    void shouldKeepAFrontedTownWhereASpecificEventIsOnlyTalkedOfInTheMainIncident() {
        ReportExtraction x = extract(
                "2024-05-15T18:00:00Z",
                "Gunmen kill five farmers in northeast Nigeria",
                "MAIDUGURI, Nigeria (Reuters) - Gunmen killed five farmers near Maiduguri on Tuesday, police said.\n\n"
                        + "In Konduga, the insurgents used loudspeakers in the market, saying suicide bombers would"
                        + " soon come for the town.");

        assertThat(x.getIncidents()).singleElement();
    }

    @Test
    void shouldSeparateACrowdBurningABuildingElsewhereFromTheShootingOfProtesters() {
        ReportExtraction x = extract(
                "2024-05-16T18:00:00Z",
                "Iraqi police kill 12 protesters in Basra after party office torched",
                "BAGHDAD (Reuters) - Iraqi police shot dead 12 protesters in Basra on Wednesday after demonstrators"
                        + " torched a party office, medical sources said.\n\nIn Amarah, demonstrators torched the"
                        + " provincial council building on Wednesday evening, witnesses said.");

        assertThat(x.getIncidents()).hasSize(2);
        // the crowd's arson in the lead is what the shooting came after: the main event stays the shooting
        assertThat(x.getIncidents().get(0).getSubEventType())
                .isEqualTo(SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS);
        assertThat(x.getIncidents().get(1).getSubEventType()).isEqualTo(SubEventType.VIOLENT_DEMONSTRATION);
        assertThat(x.getIncidents().get(1).getKilled()).isNull();
    }

    @Test
    void shouldNotCountTheDaysOfARelativeDateAmongTheDead() {
        ReportExtraction x = extract(
                "2024-01-10T12:00:00Z",
                "Farmers shot dead in southern Thailand",
                "Seven days earlier, two farmers were shot dead in Narathiwat, Thailand, police said.");

        assertThat(x.getIncidents())
                .filteredOn(i -> i.getKilled() != null)
                .extracting(i -> i.getKilled().getBest())
                .containsExactly(2);
    }

    @Test
    void shouldNotTakeAFigureSpreadOverSeveralEventsForAnIncidentsToll() {
        ReportExtraction x = extract(
                "2024-01-09T12:00:00Z",
                "Roadside bomb kills three soldiers in western Niger",
                "NIAMEY (Reuters) - Three soldiers were killed on Monday when their truck hit a roadside bomb near"
                        + " Tera, two days after 11 gendarmes died in three separate ambushes in the same region, the"
                        + " army said.");

        // the 11 adds up three other events: no incident's toll, not even as its highest figure
        assertThat(x.getIncidents()).allSatisfy(i -> {
            if (i.getKilled() != null) {
                assertThat(i.getKilled().getHigh()).isNotEqualTo(11);
            }
        });
        assertThat(x.getIncidents().get(0).getKilled().getBest()).isEqualTo(3);
    }

    @Test
    void shouldNotTakeAFigureTheSourceRejectsIntoTheToll() {
        ReportExtraction x = extract(
                "2024-01-08T15:00:00Z",
                "Bandits kill 12 in northwest Nigeria raid",
                "GUSAU, Nigeria (AFP) - Gunmen killed 12 people in a raid on a farming village in Zurmi district on"
                        + " Sunday, police said.\n\nA police spokesman dismissed as false social media reports that"
                        + " over 60 villagers had died in the attack.");

        assertThat(x.getIncidents()).singleElement().satisfies(i -> {
            assertThat(i.getKilled().getBest()).isEqualTo(12);
            assertThat(i.getKilled().getHigh()).isEqualTo(12);
        });
    }

    @Test
    void shouldSeparateAnotherEventLaterTheSameDayWithItsOwnToll() {
        ReportExtraction x = extract(
                "2024-01-10T12:00:00Z",
                "Gunmen kill four worshippers in Kaduna church attack",
                "KADUNA, Nigeria (Reuters) - Gunmen killed four worshippers at a church in Kajuru on Tuesday, police"
                        + " said.\n\nLater that day a police patrol was ambushed on the road to Kachia, killing three"
                        + " officers, a police spokesman said.");

        assertThat(x.getIncidents()).hasSize(2);
        assertThat(x.getIncidents().get(0).getKilled().getLow()).isEqualTo(4);
        assertThat(x.getIncidents().get(1).getKilled().getBest()).isEqualTo(3);
        // no day of its own: the day of the event told before it
        assertThat(x.getIncidents().get(1).getEventDate()).isEqualTo(LocalDate.parse("2024-01-09"));
    }

    @Test
    void shouldKeepMoreDeadReportedHoursLaterInTheirIncident() {
        ReportExtraction x = extract(
                "2024-01-10T12:00:00Z",
                "Gunmen kill four worshippers in Kaduna church attack",
                "KADUNA, Nigeria (Reuters) - Gunmen killed four worshippers at a church in Kajuru on Tuesday, police"
                        + " said.\n\nHours later, a police spokesman said two more worshippers had died of their"
                        + " wounds.");

        assertThat(x.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getKilled().getHigh()).isEqualTo(6));
    }

    @Test
    void shouldNotOpenAnIncidentAtARegionOfAnotherCountryWhereOnlyASpeakerIs() {
        ReportExtraction x = extract(
                "2024-01-09T12:00:00Z",
                "Five deminers kidnapped in Kunduz",
                "KABUL (AFP) - Gunmen kidnapped five deminers in Kunduz province on Monday, officials said.\n\nA U.N."
                        + " spokeswoman told reporters in Geneva that gunmen had seized the team at a checkpoint.");

        assertThat(x.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getLocation().getCountryCode()).isEqualTo("AF"));
    }

    @Test
    void shouldNotOpenAnIncidentAtTheRegionOfTheSpeakerBeforeTheSpeechVerb() {
        ReportExtraction x = extract(
                "2024-01-09T12:00:00Z",
                "Five deminers kidnapped in Kunduz",
                "KABUL (AFP) - Gunmen kidnapped five deminers in Kunduz province on Monday, officials said.\n\nAn aid"
                        + " worker at the agency's office in Herat said three of them were local staff, and a provincial"
                        + " official said unidentified gunmen stopped the team near Imam Sahib.");

        assertThat(x.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getLocation().getAdmin1Code()).isEqualTo("AF-KDZ"));
    }

    @Test
    void shouldNotOpenAnIncidentAtARegionNamedWhileTheSentenceGoesOnAboutTheSameEvent() {
        ReportExtraction x = extract(
                "2024-01-11T12:00:00Z",
                "Grenade attack kills three in Guwahati",
                "GUWAHATI, India (PTI) - A grenade attack at a bus stand in Guwahati killed three people on Wednesday,"
                        + " police said.\n\nThe grenade landed beside a coach bound for Meghalaya, and the blast also"
                        + " shattered the windows of a nearby bus.");

        assertThat(x.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getLocation().getAdmin1Code()).isEqualTo("IN-AS"));
    }

    @Test
    void shouldNotOpenAnIncidentForTheStateOfThingsByALaterDay() {
        ReportExtraction x = extract(
                "2024-01-06T18:00:00Z",
                "Troops kill 14 protesters in Central African capital",
                "BANGUI (AP) - Security forces shot dead 14 demonstrators in Bangui on Thursday, a hospital official"
                        + " said.\n\nBy Saturday morning the capital was quiet, though there were reports of sporadic"
                        + " clashes on its northern edge.");

        assertThat(x.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getEventDate()).isEqualTo(LocalDate.parse("2024-01-04")));
    }

    @Test
    void shouldSeparateAnEventReportedAsEarlierTheSameDay() {
        ReportExtraction x = extract(
                "2024-01-10T12:00:00Z",
                "Insurgents kill eight in northern Mozambique",
                "PEMBA, Mozambique (Lusa) - Insurgents killed eight villagers in an attack on Nangade town on Tuesday,"
                        + " local officials said.\n\nResidents also reported that earlier in the day, three fishermen"
                        + " mending their nets at Quionga village were beheaded.");

        assertThat(x.getIncidents()).hasSize(2);
        assertThat(x.getIncidents().get(1).getKilled().getBest()).isEqualTo(3);
        assertThat(x.getIncidents().get(1).getEventDate()).isEqualTo(LocalDate.parse("2024-01-09"));
    }

    @Test
    void shouldKeepATollGivenEarlierTheSameDayAsAnEarlierFigure() {
        ReportExtraction x = extract(
                "2024-01-10T12:00:00Z",
                "Insurgents kill eight in northern Mozambique",
                "PEMBA, Mozambique (Lusa) - Insurgents killed eight villagers in an attack on Nangade town on Tuesday,"
                        + " local officials said.\n\nEarlier in the day, a district official had said at least five"
                        + " people were killed.");

        assertThat(x.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getKilled().getLow()).isEqualTo(8));
    }

    @Test
    void shouldNotCountAnEarlierCountOfTheTollAmongTheCredibleFigures() {
        ReportExtraction x = extract(
                "2024-01-06T12:00:00Z",
                "Suicide bomber kills 14 at Kunduz mosque",
                "KABUL (Reuters) - A suicide bomber killed 14 worshippers at a mosque in Kunduz on Friday, the"
                        + " provincial health department said on Saturday.\n\nThe department's first count on Friday had"
                        + " stood at six dead, while a hospital gave an initial toll of 11 killed.");

        assertThat(x.getIncidents()).singleElement().satisfies(i -> {
            assertThat(i.getKilled().getLow()).isEqualTo(14);
            assertThat(i.getKilled().getBest()).isEqualTo(14);
        });
    }

    @Test
    void shouldNotAddTheHeadlinesOthersToTheLeadsOthers() {
        ReportExtraction x = extract(
                "2024-01-10T12:00:00Z",
                "Mayor, four other officials killed in South Sudan ambush",
                "JUBA (AFP) - The mayor of Yei, Joseph Lado, and four other officials were killed when gunmen ambushed"
                        + " their convoy on Tuesday, police said.");

        assertThat(x.getIncidents()).singleElement().satisfies(i -> {
            assertThat(i.getKilled().getBest()).isEqualTo(5);
            assertThat(i.getKilled().getHigh()).isEqualTo(5);
        });
    }

    @Test
    void shouldNotTakeAHeadlineTotalOfTwoIncidentsForTheFirstOnesToll() {
        ReportExtraction x = extract(
                "2024-01-08T12:00:00Z",
                "Cattle raids kill at least 21 in South Sudan",
                "BOR, South Sudan (AFP) - Raiders attacked the village of Maar in Twic East county on Sunday and killed"
                        + " 18 people, a county official said.\n\nA local chief gave a higher count of 20 dead for"
                        + " Maar.\n\nIn a second raid, on Pakeer village, three herders were killed, the official said.");

        // 21 = 18 at Maar + 3 at Pakeer, with a rival figure for Maar in between
        assertThat(x.getIncidents()).hasSize(2);
        assertThat(x.getIncidents().get(0).getKilled().getBest()).isEqualTo(18);
        assertThat(x.getIncidents().get(0).getKilled().getHigh()).isLessThan(21);
    }

    @Test
    void shouldNotDateAnIncidentByThePastASuperlativeComparesItWith() {
        ReportExtraction x = extract(
                "2024-01-11T12:00:00Z",
                "Air strike on Somali market kills 31",
                "MOGADISHU (Reuters) - An air strike on a market in southern Somalia killed at least 31 people, local"
                        + " elders said on Thursday, the deadliest strike since troops from Kenya crossed the border last"
                        + " month.");

        // "since ... last month" is the period compared with: no second, month-old incident, no date from it
        assertThat(x.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getEventDate()).isAfter(LocalDate.parse("2024-01-05")));
    }

    @Test
    void shouldSeparateTheEarlierEventAFirstAttackSinceNames() {
        ReportExtraction x = extract(
                "2024-01-09T12:00:00Z",
                "Bomb wounds four rangers in Yala",
                "YALA, Thailand (BenarNews) - A roadside bomb wounded four rangers in Bannang Sata district on Monday,"
                        + " police said.\n\nMonday's blast was the first attack in the province since two rubber tappers"
                        + " were shot dead on their plantation in Raman district five days earlier.");

        assertThat(x.getIncidents()).hasSize(2);
        assertThat(x.getIncidents().get(0).getKilled()).isNull();
        assertThat(x.getIncidents().get(1).getKilled().getBest()).isEqualTo(2);
        assertThat(x.getIncidents().get(1).getEventDate()).isEqualTo(LocalDate.parse("2024-01-03"));
    }

    @Test
    void shouldKeepALaterParagraphWithTheDaysFirstIncidentAfterALaterAside() {
        ReportExtraction x = extract(
                "2024-01-10T12:00:00Z",
                "Market bomb kills 12 in Yemen's Marib",
                "SANAA (AP) - A bomb tore through a crowded market in Marib on Tuesday, killing 12 people, officials"
                        + " said.\n\nHours later, another explosion shook an army base outside the city. There were no"
                        + " reports of casualties there.\n\nA government minister blamed the rebels for the market"
                        + " bombing. A rebel spokesman denied the group had any involvement.");

        assertThat(x.getIncidents()).hasSize(2);
        String market = x.getIncidents().get(0).getMentionId();
        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.DENIAL)
                .singleElement()
                .satisfies(c -> assertThat(c.getMentionId()).isEqualTo(market));
        assertThat(x.getIncidents().get(0).getActor()).isNotNull();
    }

    @Test
    void shouldSeparateAFrontedTownGivenWithADescription() {
        ReportExtraction x = extract(
                "2024-01-10T12:00:00Z",
                "Car bomb kills six soldiers in Basra",
                "BASRA, Iraq (Reuters) - A car bomb killed six soldiers at a checkpoint in Basra on Tuesday, security"
                        + " sources said.\n\nIn the nearby oil town of Zubair, gunmen shot dead three guards outside a"
                        + " tribal leader's home, police said.");

        assertThat(x.getIncidents()).hasSize(2);
        assertThat(x.getIncidents().get(0).getKilled().getLow()).isEqualTo(6);
        assertThat(x.getIncidents().get(1).getKilled().getBest()).isEqualTo(3);
    }

    @Test
    void shouldGiveEachTollOfATwoClauseSentenceItsOwnIncident() {
        ReportExtraction x = extract(
                "2024-01-12T18:00:00Z",
                "Police fire on protesters in three Afghan cities",
                "KABUL (Reuters) - Security forces fired on protesters in three cities on Friday.\n\nThree people were"
                        + " killed in Herat, where police used live rounds near the governor's office, and nine died in"
                        + " clashes in Kandahar, officials said.");

        IncidentMention kandahar = x.getIncidents().stream()
                .filter(i -> "Kandahar".equals(i.getLocation().getPlace()))
                .findFirst()
                .orElseThrow();
        IncidentMention herat = x.getIncidents().stream()
                .filter(i -> "Herat".equals(i.getLocation().getPlace()))
                .findFirst()
                .orElseThrow();
        assertThat(kandahar.getKilled().getBest()).isEqualTo(9);
        assertThat(herat.getKilled().getBest()).isEqualTo(3);
        // told as the same kind of event, by the same hands, as the first clause
        assertThat(kandahar.getSubEventType()).isEqualTo(herat.getSubEventType());
        assertThat(kandahar.getActor().getName()).isEqualTo(herat.getActor().getName());
    }

    @Test
    void shouldGiveATownToldAfterWhileInItsOwnIncidentWithItsOwnToll() {
        ReportExtraction x = extract(
                "2024-01-10T18:00:00Z",
                "Rockets hit two Afghan provincial capitals",
                "KABUL (AP) - Rockets struck two provincial capitals in eastern Afghanistan on Tuesday, officials"
                        + " said.\n\nIn Ghazni, a rocket hit a bazaar and killed four shopkeepers, while in Gardez three"
                        + " rockets landed near the governor's compound and wounded nine people.");

        IncidentMention ghazni = byPlace(x, "Ghazni");
        IncidentMention gardez = byPlace(x, "Gardez");
        assertThat(ghazni.getKilled().getBest()).isEqualTo(4);
        assertThat(ghazni.getInjured()).isNull();
        assertThat(gardez.getInjured().getBest()).isEqualTo(9);
        assertThat(gardez.getEventDate()).isEqualTo(ghazni.getEventDate());
    }

    @Test
    void shouldGiveATownToldAfterWhileInItsOwnIncidentWhenOnlyDamageIsTold() {
        ReportExtraction x = extract(
                "2024-01-10T18:00:00Z",
                "Jets bomb two towns in central Myanmar",
                "YANGON (Reuters) - Military aircraft bombed towns in central Myanmar on Monday, residents said."
                        + "\n\nIn Myingyan, a bomb hit a market and burned down a school, while in Pakokku two bombs"
                        + " levelled a clinic and a pagoda.");

        IncidentMention first = byPlace(x, "Myingyan");
        IncidentMention second = byPlace(x, "Pakokku");
        // the second clause names no weapon the triggers know: it is told as the same kind of event as the first
        assertThat(second.getSubEventType()).isEqualTo(first.getSubEventType());
        assertThat(second.getEventDate()).isEqualTo(first.getEventDate());
    }

    @Test
    void shouldNotMakeAnIncidentOfAWhileInClauseThatTellsNoEvent() {
        ReportExtraction x = extract(
                "2024-01-10T18:00:00Z",
                "Jets bomb a town in central Myanmar",
                "YANGON (Reuters) - Military aircraft bombed a town in central Myanmar on Monday, residents said."
                        + "\n\nIn Myingyan, a bomb hit a market and burned down a school, while in Pakokku officials"
                        + " met to plan relief for the town.");

        assertThat(x.getIncidents())
                .noneMatch(i -> "Pakokku".equals(i.getLocation().getPlace()));
    }

    @Test
    void shouldGiveATownOfALeadTotalOverSeveralTownsItsOwnIncidentWhenItsTollIsTold() {
        ReportExtraction x = extract(
                "2024-02-10T18:00:00Z",
                "Nine killed as fuel price protests spread across Punjab",
                "LAHORE (Reuters) - At least nine people were killed on Friday as protesters fought police in Lahore,"
                        + " Multan and Faisalabad, officials said.\n\nIn Multan, four protesters died when police opened"
                        + " fire on a march near the district court, a hospital official said.");

        IncidentMention multan = byPlace(x, "Multan");
        assertThat(multan.getKilled().getBest()).isEqualTo(4);
        assertThat(multan.getEventDate()).isEqualTo(LocalDate.parse("2024-02-09"));
    }

    private static IncidentMention byPlace(ReportExtraction x, String place) {
        return x.getIncidents().stream()
                .filter(i -> place.equals(i.getLocation().getPlace()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no incident in " + place + ": " + x.getIncidents()));
    }

    @Test
    void shouldKeepATollAddedTownByTownInOneIncident() {
        ReportExtraction x = extract(
                "2024-01-12T18:00:00Z",
                "Shelling kills 12 civilians in Ukraine's Kharkiv region",
                "KYIV (AFP) - Russian shelling killed 12 civilians in the Kharkiv region on Friday, officials said."
                        + "\n\nSeven people were killed at a bus stop in Kupiansk, and five more died in Izium, the"
                        + " regional governor said.");

        assertThat(x.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getKilled().getBest()).isEqualTo(12));
    }

    @Test
    void shouldSeparateAnAbductionToldAsPeopleSeizedElsewhere() {
        ReportExtraction x = extract(
                "2024-09-11T12:00:00Z",
                "Gunmen kill seven traders in Nigeria's Kwara",
                "KANO, Nigeria (Reuters) - Gunmen on motorcycles shot dead seven traders at a market in Ilorin in"
                        + " Kwara State on Tuesday, police said.\n\nThe shooting came a day after armed men seized about"
                        + " 40 farm workers near Lokoja in Kogi State, a local councillor said.");

        assertThat(x.getIncidents()).hasSize(2);
        assertThat(x.getIncidents().get(1).getSubEventType()).isEqualTo(SubEventType.ABDUCTION_FORCED_DISAPPEARANCE);
        assertThat(x.getIncidents().get(1).getLocation().getAdmin1Code()).isEqualTo("NG-KO");
        assertThat(x.getIncidents().get(1).getKilled()).isNull();
    }

    @Test
    void shouldNotTakeFightersOrWeaponsSeizedForAnAbduction() {
        ReportExtraction x = extract(
                "2024-09-11T12:00:00Z",
                "Gunmen kill seven traders in Nigeria's Kwara",
                "KANO, Nigeria (Reuters) - Gunmen on motorcycles shot dead seven traders at a market in Ilorin in"
                        + " Kwara State on Tuesday, police said.\n\nA day earlier, soldiers seized 12 suspected militants"
                        + " and about 40 rifles near Lokoja in Kogi State, a local councillor said.");

        assertThat(x.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getKilled().getBest()).isEqualTo(7));
    }

    @Test
    void shouldNotDateAnUndatedSideIncidentByAPastEventToldInALaterParagraph() {
        ReportExtraction x = extract(
                "2024-08-07T15:00:00Z",
                "Gunmen kill nine soldiers in western Niger",
                "NIAMEY (AFP) - Gunmen ambushed an army patrol near Tillaberi on Monday, killing nine soldiers, the"
                        + " defence ministry said.\n\nSeparately, the army said troops killed 14 militants in a raid on"
                        + " a camp near Ayorou.\n\nThe group has claimed several raids on army posts in recent"
                        + " months. In March, it said it was behind an attack on a base in Diffa in which 15"
                        + " soldiers were killed.");

        IncidentMention raid = x.getIncidents().stream()
                .filter(i -> i.getKilled() != null && i.getKilled().getBest() == 14)
                .findFirst()
                .orElseThrow();
        // the raid, told with no day of its own, is of the main ambush's days, not of March
        assertThat(raid.getEventDate()).isEqualTo(LocalDate.parse("2024-08-05"));
        assertThat(raid.getRecency()).isEqualTo(Recency.CURRENT);
        assertThat(x.getIncidents())
                .filteredOn(i -> i.getKilled() != null && i.getKilled().getBest() == 15)
                .singleElement()
                .satisfies(i -> assertThat(i.getRecency()).isEqualTo(Recency.BACKGROUND));
    }

    @Test
    void shouldNotPlaceAnEventInTheCountryWhereAClaimingGroupIsBased() {
        ReportExtraction x = extract(
                "2024-08-07T15:00:00Z",
                "Jihadists kill 20 soldiers in northern Burkina",
                "OUAGADOUGOU (AFP) - Jihadists killed 20 soldiers in an attack on an army post near Djibo on Sunday,"
                        + " the army said.\n\nJama'at Nusrat al-Islam wal Muslimeen, an al Qaeda affiliate based in"
                        + " Mali, had earlier said it had killed 40 soldiers in the attack.");

        assertThat(x.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getLocation().getCountryCode()).isEqualTo("BF"));
    }

    @Test
    void shouldNotCountTheTollOfAnEarlierEventInAnAppendedWeekAfterClause() {
        ReportExtraction x = extract(
                "2024-08-09T15:00:00Z",
                "Roadside bomb wounds six in Nigeria's Kaduna",
                "KADUNA, Nigeria (Reuters) - A roadside bomb wounded four soldiers and two farmers near Kajuru on"
                        + " Thursday, the army said, a week after bandits shot dead three herders at a market in"
                        + " Birnin Gwari.");

        IncidentMention bomb = x.getIncidents().get(0);
        assertThat(bomb.getInjured().getBest()).isEqualTo(6);
        // the three herders died a week earlier, in another event: no dead in Thursday's blast
        assertThat(bomb.getKilled()).isNull();
    }

    @Test
    void shouldSeparateAnAirStrikeToldWithoutAFigureInAReportOfAnotherKindOfEvent() {
        ReportExtraction x = extract(
                "2024-08-07T15:00:00Z",
                "Sudan forces kill 11 protesters in Omdurman",
                "KHARTOUM (AFP) - Security forces opened fire on protesters marching on the presidential palace in"
                        + " Omdurman on Tuesday, killing 11 people, medics said.\n\nThe army said its warplanes had"
                        + " also struck two weapons depots of the paramilitary forces in Bahri.");

        assertThat(x.getIncidents()).hasSize(2);
        assertThat(x.getIncidents().get(1).getSubEventType()).isEqualTo(SubEventType.AIR_DRONE_STRIKE);
        assertThat(x.getIncidents().get(1).getKilled()).isNull();
        assertThat(x.getIncidents().get(1).getEventDate()).isEqualTo(LocalDate.parse("2024-08-06"));
    }

    @Test
    void shouldDateAnAirStrikeToldAfterASpeechVerbByItsOwnDay() {
        ReportExtraction x = extract(
                "2024-08-07T15:00:00Z",
                "Jihadists kill 14 soldiers in northern Burkina",
                "OUAGADOUGOU (AFP) - Jihadists killed 14 soldiers in an attack on an army post near Djibo on Sunday,"
                        + " the army said.\n\nThe fighting went on for three hours on Sunday afternoon, a resident"
                        + " said, adding that drones had hit positions of the attackers on Saturday.");

        assertThat(x.getIncidents()).hasSize(2);
        assertThat(x.getIncidents().get(1).getSubEventType()).isEqualTo(SubEventType.AIR_DRONE_STRIKE);
        assertThat(x.getIncidents().get(1).getEventDate()).isEqualTo(LocalDate.parse("2024-08-03"));
    }

    @Test
    void shouldKeepAnAirStrikeGivenAsTheCauseOfTheDeadOrReferredBackToInTheIncidentTold() {
        ReportExtraction cause = extract(
                "2024-08-07T15:00:00Z",
                "Explosions kill 40 at Homs school",
                "DAMASCUS (AFP) - Two explosions tore through a school in Homs on Tuesday, killing 40 people, the"
                        + " governor said.\n\nAn opposition group said about 35 pupils had died when government"
                        + " aircraft hit the school.");
        ReportExtraction again = extract(
                "2024-08-07T15:00:00Z",
                "Sudan forces kill 11 protesters in Omdurman",
                "KHARTOUM (AFP) - Security forces opened fire on protesters marching on the presidential palace in"
                        + " Omdurman on Tuesday, killing 11 people, medics said.\n\nThe warplanes struck the crowd"
                        + " again later, witnesses said.");

        assertThat(cause.getIncidents()).hasSize(1);
        assertThat(again.getIncidents()).hasSize(1);
    }

    @Test
    void shouldTakeATownEnteredByAnArmedForceAsAGainOfTerritoryDespiteAPeriodInALaterClause() {
        ReportExtraction x = extract(
                "2024-09-20T10:00:00Z",
                "Ethiopian forces enter Lalibela as rebels withdraw",
                "ADDIS ABABA (AFP) - Ethiopian troops entered the northern town of Lalibela on Tuesday, the army said,"
                        + " a day after the rebels who had held it since August withdrew.");

        assertThat(x.getIncidents()).singleElement().satisfies(i -> {
            assertThat(i.getSubEventType()).isEqualTo(SubEventType.GOVERNMENT_REGAINS_TERRITORY);
            assertThat(i.getLocation().getPlace()).isEqualTo("Lalibela");
            assertThat(i.getEventDate()).isEqualTo(LocalDate.parse("2024-09-17"));
            assertThat(i.getRecency()).isEqualTo(Recency.CURRENT);
        });
    }

    @Test
    void shouldNotTakeAnEntryWithoutAnArmedForceOrATownForAnEvent() {
        ReportExtraction x = extract(
                "2024-09-20T10:00:00Z",
                "Talks on Ethiopia ceasefire enter third week",
                "ADDIS ABABA (AFP) - Talks between the government and the rebels entered a third week on Tuesday,"
                        + " mediators said, as aid workers entered the northern town of Lalibela for the first time"
                        + " in a month.");

        assertThat(x.getIncidents()).isEmpty();
    }

    @Test
    void shouldNotDateARetakenTownByItsCaptureRecalledInARelativeClause() {
        ReportExtraction x = extract(
                "2024-09-20T10:00:00Z",
                "Sudan army retakes Singa",
                "PORT SUDAN (Reuters) - Sudan's army has retaken the town of Singa in Sennar state from the Rapid"
                        + " Support Forces, whose seizure of the town in June forced thousands to flee.");

        // the June capture only explains the name: the retaking is the report's own, recent event
        assertThat(x.getIncidents()).singleElement().satisfies(i -> {
            assertThat(i.getSubEventType()).isEqualTo(SubEventType.GOVERNMENT_REGAINS_TERRITORY);
            assertThat(i.getEventDate()).isAfter(LocalDate.parse("2024-09-10"));
            assertThat(i.getRecency()).isEqualTo(Recency.CURRENT);
        });
    }

    @Test
    void shouldNotDateAnUndatedIncidentByAnOldDayToldInALaterParagraphWithNoEvent() {
        ReportExtraction x = extract(
                "2024-09-20T10:00:00Z",
                "Air raid on market kills nine",
                "Nine people were killed when aircraft bombed a market in the village of Tabit, a rebel spokesman"
                        + " said.\n\nThe group's leader was detained on August 2.");

        assertThat(x.getIncidents()).singleElement().satisfies(i -> {
            assertThat(i.getKilled().getBest()).isEqualTo(9);
            assertThat(i.getEventDate()).isAfter(LocalDate.parse("2024-09-10"));
            assertThat(i.getRecency()).isEqualTo(Recency.CURRENT);
        });
    }

    @Test
    void shouldSeparateAnotherActToldWithAlsoAtATownOfItsOwnThatNoGazetteerHolds() {
        ReportExtraction x = extract(
                "2024-09-17T10:00:00Z",
                "Gunmen kill 15 in Papua",
                "JAYAPURA, Indonesia (AP) - Gunmen killed 14 road workers at a camp in Papua province on Sunday, police"
                        + " said.\n\nSurvivors told police that the gunmen also attacked a police post in Wanduri and"
                        + " killed an officer.");

        assertThat(x.getIncidents()).hasSize(2);
        assertThat(x.getIncidents().get(0).getKilled().getBest()).isEqualTo(14);
        assertThat(x.getIncidents().get(1)).satisfies(i -> {
            assertThat(i.getKilled().getBest()).isEqualTo(1);
            assertThat(i.getLocation().getPlace()).isEqualTo("Wanduri");
            // told with no day of its own: the day of the killings just told, by the same gunmen
            assertThat(i.getEventDate()).isEqualTo(LocalDate.parse("2024-09-15"));
            assertThat(i.getActor().getName())
                    .isEqualTo(x.getIncidents().get(0).getActor().getName());
        });
    }

    @Test
    void shouldKeepAnotherActToldWithAlsoAtTheSameSiteInTheIncident() {
        ReportExtraction x = extract(
                "2024-09-17T10:00:00Z",
                "Gunmen kill 15 in Papua",
                "JAYAPURA, Indonesia (AP) - Gunmen killed 14 road workers at a camp in Papua province on Sunday, police"
                        + " said.\n\nSurvivors told police that the gunmen also attacked a truck near the camp and"
                        + " killed its driver.");

        assertThat(x.getIncidents()).singleElement();
    }

    @Test
    void shouldNotPlaceAnIncidentInACapitalThatReportedItsToll() {
        ReportExtraction x = extract(
                "2024-09-18T10:00:00Z",
                "Dozens killed in border clashes",
                "NAIROBI (Reuters) - At least 30 soldiers were killed in clashes along the border between Ethiopia and"
                        + " Eritrea on Tuesday, Addis Ababa said, while Asmara reported 12 of its own troops dead.");

        // "Asmara reported": the government gave a toll; nothing happened in the city
        assertThat(x.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getLocation().getPlace()).isNotEqualTo("Asmara"));
    }

    @Test
    void shouldGiveTheSecondTollOfASentenceTheDayOfTheFirstNotOneALaterSentenceGivesAnotherEvent() {
        ReportExtraction x = extract(
                "2024-05-16T15:00:00Z",
                "Protesters killed in southern Iraq",
                "BAGHDAD (Reuters) - Three people were killed in Basra, where police fired tear gas at protesters, and"
                        + " nine died in clashes in Karbala, hospital sources said.\n\nIn Karbala, the provincial"
                        + " council building was set on fire after demonstrators broke in late on Tuesday.");

        IncidentMention karbala = x.getIncidents().stream()
                .filter(i -> i.getKilled() != null && i.getKilled().getBest() == 9)
                .findFirst()
                .orElseThrow();
        assertThat(karbala.getEventDate()).isEqualTo(x.getIncidents().get(0).getEventDate());
        assertThat(karbala.getEventDate()).isEqualTo(LocalDate.parse("2024-05-16"));
    }

    @Test
    void shouldGiveATownOfTheLeadsTotalWhoseOneNamedVictimIsSetOffByAppositionsAnIncidentOfItsOwn() {
        ReportExtraction x = extract(
                "2024-01-10T10:00:00Z",
                "Five killed as protests spread in Nigeria",
                "LAGOS — At least five people were killed and dozens injured on Tuesday as protesters fought police in"
                        + " Ibadan, Ilorin and Oyo, police said.\n\nIn Ilorin, three people died when police fired on a"
                        + " crowd near the central market.\n\nIn Oyo, Musa Bello, 30, a trader at the central market and"
                        + " an organiser of the march, was killed in police firing in front of the palace around noon."
                        + " More than 40 people were injured there.");

        IncidentMention oyo = x.getIncidents().stream()
                .filter(i -> "Oyo".equals(i.getLocation().getPlace()))
                .findFirst()
                .orElseThrow();
        assertThat(oyo.getKilled().getBest()).isEqualTo(1);
        assertThat(oyo.getInjured().getBest()).isEqualTo(40);
        for (IncidentMention i : x.getIncidents()) {
            if ("Ilorin".equals(i.getLocation().getPlace())) {
                assertThat(i.getInjured()).isNull(); // the wounded of the next town are not Ilorin's
            }
        }
    }

    @Test
    void shouldTellATollAtASitePlacedByItsDistanceFromTheTownOfAnEarlierIncidentApart() {
        ReportExtraction x = extract(
                "2024-05-12T20:00:00Z",
                "Shelling kills 11 in Sudan's El Fasher",
                "KHARTOUM (Reuters) - At least 11 civilians were killed when shells hit the centre of El Fasher on"
                        + " Saturday, hospital sources said.\n\nA confidential note by an aid agency, obtained by"
                        + " Reuters, said fighters also fired rockets at the Abu Garoun displacement camp, four"
                        + " kilometres from El Fasher, wounding nine people, three of whom later died.");

        assertThat(x.getIncidents()).hasSize(2);
        assertThat(x.getIncidents().get(0).getKilled().getBest()).isEqualTo(11);
        IncidentMention camp = x.getIncidents().get(1);
        assertThat(camp.getKilled().getBest()).isEqualTo(3);
        assertThat(camp.getLocation().getPlace()).isEqualTo("Abu Garoun");
        assertThat(camp.getLocation().getAdmin1Code()).isEqualTo("SD-DN");
    }

    @Test
    void shouldTellTheNextOfSeveralCountedStrikesAsAnIncidentAtTheirTownWithNoDead() {
        ReportExtraction x = extract(
                "2024-04-08T12:00:00Z",
                "Air strikes kill 12 in northern Burkina Faso, witnesses say",
                "OUAGADOUGOU (AFP) - A farmer from Djibo told AFP that two separate air strikes hit the outskirts of the"
                        + " town on Saturday. Twelve people died in the first, he said.\n\nThe second hit an empty"
                        + " cattle market, and there were no casualties.");

        assertThat(x.getIncidents()).hasSize(2);
        IncidentMention second = x.getIncidents().get(1);
        assertThat(second.getKilled().getBest()).isZero();
        assertThat(second.getLocation().getPlace()).isEqualTo("Djibo");
        assertThat(second.getEventDate()).isEqualTo(x.getIncidents().get(0).getEventDate());
    }

    @Test
    void shouldKeepTheSecondAttackerOfOneAttackInIt() {
        ReportExtraction x = extract(
                "2024-04-08T12:00:00Z",
                "Suicide bombers kill 12 at army base in northern Burkina Faso",
                "OUAGADOUGOU (AFP) - Two suicide bombers attacked an army base in Djibo on Saturday, killing 12"
                        + " soldiers, officials said. The first blew himself up at the gate. The second bomber"
                        + " detonated his vest inside the compound.");

        assertThat(x.getIncidents()).singleElement();
    }

    @Test
    void shouldTellATollWithItsOwnDayAndAnotherKindOfActApartFromAnUndatedOne() {
        ReportExtraction x = extract(
                "2024-06-09T15:00:00Z",
                "Rebels seize Sudanese town of Kadugli",
                "KHARTOUM (AFP) - Rebel fighters seized most of Kadugli, including the governor's office and the"
                        + " central prison, a local monitor said on Sunday.\n\nThe monitor said 14 army air strikes on"
                        + " the state had killed six civilians and wounded 20.\n\nState radio said three civilians were killed when the rebels"
                        + " shelled a clinic in Kadugli on Friday.");

        IncidentMention shelling = x.getIncidents().stream()
                .filter(i -> i.getSubEventType() == SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK)
                .findFirst()
                .orElseThrow();
        assertThat(shelling.getKilled().getBest()).isEqualTo(3);
        assertThat(shelling.getEventDate()).isEqualTo(LocalDate.parse("2024-06-07"));
        IncidentMention strikes = x.getIncidents().stream()
                .filter(i -> i.getSubEventType() == SubEventType.AIR_DRONE_STRIKE)
                .findFirst()
                .orElseThrow();
        assertThat(strikes.getKilled().getBest()).isEqualTo(6);
        assertThat(strikes.getEventDate()).isNotEqualTo(LocalDate.parse("2024-06-07"));
    }

    @Test
    void shouldGiveATownFrontedByForTheTollTheNextSentenceToldThere() {
        ReportExtraction x = extract(
                "2024-04-16T09:00:00Z",
                "Gunmen storm two police stations in Balochistan, Pakistan",
                "QUETTA, Pakistan (Reuters) - Gunmen stormed two police stations in Pakistan's Balochistan province on"
                        + " Monday night, killing nine policemen, a provincial official said.\n\nIn Kharan, five"
                        + " policemen were killed and three wounded before the attackers were driven off, the official"
                        + " said.\n\nFor Awaran he had no final count because gunmen still held part of the compound."
                        + " By morning, he said, four policemen had died there and six were wounded.");

        assertThat(x.getIncidents()).hasSize(3);
        IncidentMention second = x.getIncidents().stream()
                .filter(i -> "Awaran".equals(i.getLocation().getPlace()))
                .findFirst()
                .orElseThrow();
        assertThat(second.getKilled().getBest()).isEqualTo(4);
        assertThat(second.getInjured().getBest()).isEqualTo(6);
        assertThat(second.getEventDate()).isEqualTo(LocalDate.parse("2024-04-15"));
    }

    @Test
    void shouldNotDateAnIncidentByTheDayOfAMarchHeldForItsVictim() {
        ReportExtraction x = extract(
                "2024-05-22T15:00:00Z",
                "Villagers march to demand release of abducted priest",
                "ENUGU, Nigeria (AP) - Hundreds of villagers marched through Nsukka on Tuesday to demand the release"
                        + " of a Catholic priest, whose kidnapping has alarmed the church.\n\nFather Emeka Obi was"
                        + " seized from his parish house on Saturday night, the diocese said.");

        assertThat(x.getIncidents()).singleElement().satisfies(i -> {
            assertThat(i.getSubEventType()).isEqualTo(SubEventType.ABDUCTION_FORCED_DISAPPEARANCE);
            assertThat(i.getEventDate()).isEqualTo(LocalDate.parse("2024-05-18"));
        });
    }
}
