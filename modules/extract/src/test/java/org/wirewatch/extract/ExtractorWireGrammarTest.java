package org.wirewatch.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirewatch.extract.Corpus.extract;

import org.junit.jupiter.api.Test;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.GeoPrecision;
import org.wirewatch.schema.PubStatus;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.SubEventType;
import org.wirewatch.schema.WireReport;

/**
 * Constructions of wire English met in reports written elsewhere, one test per construction, each on sentences
 * written for the test: a withdrawal, a source named more narrowly than its lexicon entry, ...
 */
class ExtractorWireGrammarTest {

    @Test
    void shouldExtractNothingFromAWithdrawal() {
        WireReport usable = Corpus.report(
                "urn:test:withdrawn",
                "2024-03-02T10:00:00Z",
                "Blast kills 7 in Kandahar",
                "KANDAHAR, Afghanistan (AP) - A bomb exploded at a bus station in Kandahar on Saturday, killing seven"
                        + " people, police said.");
        WireReport withdrawn = WireReport.newBuilder(usable)
                .setVersion(2)
                .setPubStatus(PubStatus.CANCELED)
                .build();

        assertThat(Corpus.extractor().extract(usable).getIncidents()).hasSize(1);
        ReportExtraction x = Corpus.extractor().extract(withdrawn);
        assertThat(x.getIncidents()).isEmpty();
        assertThat(x.getClaims()).isEmpty();
    }

    @Test
    void shouldPresumeALaterAttackOfTheSameKindIsByTheLeadsNamedAttackerButSaySo() {
        ReportExtraction x = extract(
                "2024-08-20T10:00:00Z",
                "Russian missiles kill 9 in Kharkiv",
                "KHARKIV, Ukraine (AP) - Russian missiles hit a supermarket in Kharkiv on Monday, killing nine people,"
                        + " the regional governor said.\n\nIt was the third such strike this month. On August 11, a missile"
                        + " attack on a market in Kostiantynivka killed 12 people.\n\nIn Kharkiv, police dispersed a protest"
                        + " by residents on Tuesday.");

        assertThat(x.getIncidents()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(x.getIncidents().get(0).getActor().getName()).isEqualTo("Russian forces (Russia)");
        assertThat(x.getIncidents().get(0).getActor().getQualifier()).isNull();
        assertThat(x.getIncidents())
                .filteredOn(i -> i.getKilled() != null && i.getKilled().getBest() == 12)
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.getActor().getName()).isEqualTo("Russian forces (Russia)");
                    assertThat(i.getActor().getQualifier()).isEqualTo("presumed");
                });
    }

    @Test
    void shouldNameAMonitorTheReportDescribesByTheMonitorItsCountryMeans() {
        ReportExtraction x = extract(
                "2024-05-12T09:00:00Z",
                "Strike on Homs depot kills 11",
                "BEIRUT (AFP) - An air strike on an arms depot near Homs in central Syria on Saturday killed 11"
                        + " fighters, a war monitor said.");

        assertThat(x.getClaims())
                .filteredOn(c -> Integer.valueOf(11).equals(c.getKilled()))
                .singleElement()
                .satisfies(c -> assertThat(c.getSource().getName()).isEqualTo("Syrian Observatory for Human Rights"));
    }

    @Test
    void shouldKeepTheReportsNarrowerNameForASourceTheLexiconKnowsMoreBroadly() {
        ReportExtraction x = extract(
                "2024-05-12T09:00:00Z",
                "Clashes kill 4 in Tripoli",
                "BEIRUT (Reuters) - Gunmen clashed in the northern city of Tripoli on Saturday, killing four people,"
                        + " a Lebanese army source said.");

        Claim figure = x.getClaims().stream()
                .filter(c -> Integer.valueOf(4).equals(c.getKilled()))
                .findFirst()
                .orElseThrow();
        assertThat(figure.getSource().getName()).isEqualToIgnoringCase("Lebanese army source");
    }

    @Test
    void shouldCountKillingsToldAsAManner() {
        ReportExtraction hacked = extract(
                "2024-02-12T09:00:00Z",
                "Villagers killed in Kasai",
                "KANANGA, DR Congo (AFP) - Seven villagers were hacked to death near Kananga on Sunday, the provincial"
                        + " governor said.");
        ReportExtraction burned = extract(
                "2024-02-12T09:00:00Z",
                "Villagers killed in Kasai",
                "KANANGA, DR Congo (AFP) - Militiamen burned alive seven villagers near Kananga on Sunday, the"
                        + " provincial governor said.");

        assertThat(hacked.getIncidents())
                .extracting(i -> i.getKilled().getBest())
                .containsExactly(7);
        assertThat(burned.getIncidents())
                .extracting(i -> i.getKilled().getBest())
                .containsExactly(7);
    }

    @Test
    void shouldCountPeopleDescribedAsLocalButNotAnHourInLocalTime() {
        ReportExtraction x = extract(
                "2024-02-12T09:00:00Z",
                "Policemen killed in Kasai",
                "KANANGA, DR Congo (AFP) - Nine local policemen were killed in an ambush near Kananga on Sunday, the"
                        + " provincial governor said.");
        ReportExtraction hour = extract(
                "2024-02-12T09:00:00Z",
                "Camp attacked in Kasai",
                "KANANGA, DR Congo (AFP) - Militiamen attacked an army camp near Kananga at nine local time on Sunday,"
                        + " killing four soldiers, the provincial governor said.");

        assertThat(x.getIncidents()).extracting(i -> i.getKilled().getBest()).containsExactly(9);
        assertThat(hour.getIncidents()).extracting(i -> i.getKilled().getBest()).containsExactly(4);
    }

    @Test
    void shouldNeverTurnATotalOverYearsOrAWholeWarIntoAnIncidentToll() {
        ReportExtraction x = extract(
                "2023-06-20T10:00:00Z",
                "Militia raid kills 6 in Ituri",
                "BUNIA, DR Congo (AFP) - Rebels killed six villagers in an overnight raid in Ituri province on Monday,"
                        + " a local official said.\n\nThe four-week war last year killed more than 3,000 people on both"
                        + " sides.\n\nThe regional governor said last week that insurgents had carried out 2,100 attacks in"
                        + " four years, claiming about 9,000 lives.");

        assertThat(x.getIncidents())
                .extracting(i -> i.getKilled() == null ? null : i.getKilled().getBest())
                .containsExactly(6);
        assertThat(x.getClaims())
                .anyMatch(c -> c.getKind() == ClaimKind.CUMULATIVE
                        && Integer.valueOf(9000).equals(c.getKilled()));
    }

    @Test
    void shouldReadAFigureFromOneDayToAnotherAsATotalAndAFigureFromAnEventAsItsToll() {
        ReportExtraction x = extract(
                "2023-03-03T18:00:00Z",
                "Troops fire on Kassala protesters, 5 dead",
                "KHARTOUM (Reuters) - Troops opened fire on protesters in the eastern Sudanese city of Kassala on"
                        + " Thursday, killing five people, a medical source said.\n\nA rights group said 23 people had been"
                        + " killed and 300 wounded across several states from Monday to Thursday.\n\nA doctor put the toll"
                        + " from Thursday's shooting at five.");

        assertThat(x.getIncidents())
                .extracting(i -> i.getKilled() == null ? null : i.getKilled().getBest())
                .doesNotContain(23)
                .contains(5);
        assertThat(x.getClaims())
                .anyMatch(c -> c.getKind() == ClaimKind.CUMULATIVE
                        && Integer.valueOf(23).equals(c.getKilled()))
                .noneMatch(c -> c.getKind() == ClaimKind.CUMULATIVE
                        && Integer.valueOf(5).equals(c.getKilled()));
    }

    @Test
    void shouldNameAnUnnamedPartyAsTheReportWordsIt() {
        ReportExtraction x = extract(
                "2023-04-16T10:00:00Z",
                "Jihadists kill 12 soldiers in Niger",
                "NIAMEY (AFP) - Suspected jihadists killed 12 soldiers in an ambush near the Malian border on"
                        + " Saturday, the defence ministry said.");

        assertThat(x.getIncidents().get(0).getActor().getName()).isEqualTo("jihadists");
    }

    @Test
    void shouldNeverPlaceAnIncidentInATownOfACountryTheReportNeverBringsUp() {
        ReportExtraction x = extract(
                "2019-09-24T10:00:00Z",
                "Insurgents kill 10 in Cabo Delgado raid",
                "MAPUTO (AIM) - Insurgents killed at least ten people in a raid on the village of Mbau in Mocimboa da"
                        + " Praia district on Monday. \"Sala da Paz\", a coalition of election observers, puts the toll at 15.");

        assertThat(x.getIncidents())
                .isNotEmpty()
                .allSatisfy(i -> assertThat(i.getLocation().getCountryCode()).isEqualTo("MZ"));
    }

    @Test
    void shouldPlaceAnEventNearASmallPlaceAtThatPlaceButNeverAtABigCityUsedAsALandmark() {
        ReportExtraction town = extract(
                "2023-04-16T10:00:00Z",
                "Ten soldiers killed in Burkina ambush",
                "OUAGADOUGOU (AFP) - Gunmen killed 10 soldiers on Saturday near Djibo in northern Burkina Faso, the"
                        + " army said.");
        ReportExtraction city = extract(
                "2023-04-16T10:00:00Z",
                "Blast near Kabul kills 4",
                "KABUL (Reuters) - A roadside bomb killed four police officers on Sunday on a highway outside Kabul,"
                        + " officials said.");

        assertThat(town.getIncidents().get(0).getLocation().getPlace()).isEqualTo("Djibo");
        // the city is no place of the event: at most its province, named at the region's precision
        assertThat(city.getIncidents().get(0).getLocation().getGeoPrecision()).isNotEqualTo(GeoPrecision.PLACE);
        assertThat(city.getIncidents().get(0).getLocation().getLatitude()).isNull();
    }

    @Test
    void shouldPlaceANameThatAnAppositionLocatesInADistrict() {
        ReportExtraction x = extract(
                "2024-03-08T10:00:00Z",
                "Gunmen kill 9 in Plateau",
                "JOS, Nigeria (Premium Times) - Gunmen killed nine villagers in an attack on Dorowa Babuje, in the"
                        + " Barkin Ladi local government area of Plateau State, on Thursday, police said.");

        assertThat(x.getIncidents().get(0).getLocation().getPlace()).isEqualTo("Dorowa Babuje");
        assertThat(x.getIncidents().get(0).getLocation().getAdmin1Code()).isEqualTo("NG-PL");
    }

    @Test
    void shouldPlaceAnAttackOnARoadBetweenTwoTownsAtTheFirst() {
        ReportExtraction x = extract(
                "2024-05-25T10:00:00Z",
                "Roadside bomb kills 3 Kenyan soldiers",
                "NAIROBI (AFP) - Three soldiers were killed on Friday when their truck hit a roadside bomb on the road"
                        + " between Hulugho and Kolbio in Garissa county, police said.");

        assertThat(x.getIncidents().get(0).getLocation().getPlace()).isEqualTo("Hulugho");
    }

    @Test
    void shouldReadStateForcesShootingProtestersAsExcessiveForceAndAMobAsMobViolence() {
        ReportExtraction protest = extract(
                "2023-03-03T18:00:00Z",
                "Police kill 4 protesters in Conakry",
                "CONAKRY (AFP) - Police opened fire on protesters in the Guinean capital on Thursday, killing four"
                        + " people, a rights group said.");
        ReportExtraction mob = extract(
                "2023-03-03T18:00:00Z",
                "Mob kills 2 suspected thieves in Uganda",
                "KAMPALA (Reuters) - A mob beat two men to death in a market in Mbale on Thursday after accusing them"
                        + " of theft, police said.");

        assertThat(protest.getIncidents().get(0).getSubEventType())
                .isEqualTo(SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS);
        assertThat(mob.getIncidents().get(0).getSubEventType()).isEqualTo(SubEventType.MOB_VIOLENCE);
    }

    @Test
    void shouldFileAJointStatementOfTwoNamedBodiesUnderTheFirstAndLetTheCitingAgencySpeak() {
        ReportExtraction joint = extract(
                "2024-06-01T10:00:00Z",
                "Mine kills 3 in Karabakh",
                "BAKU (Trend) - A landmine blast killed three deminers on Friday, the Interior Ministry and the"
                        + " Mine Action Agency said in a joint statement.");
        ReportExtraction citing = extract(
                "2024-06-01T10:00:00Z",
                "Clashes kill 5 guards in Sistan",
                "TEHRAN (AFP) - Five border guards were killed in clashes with militants on Friday. The state news"
                        + " agency IRNA, citing a police statement, said five guards had been killed.");

        assertThat(joint.getClaims()).extracting(c -> c.getSource().getName()).contains("Interior Ministry");
        assertThat(citing.getClaims())
                .extracting(c -> c.getSource().getName())
                .anyMatch(n -> n.contains("IRNA"))
                .noneMatch(n -> n.contains("citing"));
    }

    @Test
    void shouldLeaveAnAdverbBeforeTheVerbOutOfTheSourcesName() {
        ReportExtraction x = extract(
                "2024-06-01T10:00:00Z",
                "Bomb kills 6 in Diyarbakir",
                "DIYARBAKIR, Turkey (Reuters) - A car bomb killed six people on Friday, officials said. Kurdish groups"
                        + " strongly denied any involvement.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.DENIAL)
                .extracting(c -> c.getSource().getName())
                .containsExactly("Kurdish groups");
    }

    @Test
    void shouldDateAnEventByTheDayItHappenedNotTheDayItsTollRoseOrItWasClaimedOrFiled() {
        ReportExtraction risen = extract(
                "2024-03-11T09:00:00Z",
                "Market bombing toll rises to 31",
                "KANO, Nigeria (AFP) - The death toll from a bombing at a crowded market in the town of Gwoza rose to"
                        + " 31 on Monday, officials said. The bomber struck on Saturday as traders were packing up.");
        ReportExtraction claimed = extract(
                "2024-03-08T09:00:00Z",
                "IS claims bombing that killed 12 in Mosul",
                "BAGHDAD (AFP) - The Islamic State group on Friday claimed a bombing that killed 12 people at a"
                        + " checkpoint in Mosul. The bomb went off on Wednesday evening, police said.");
        ReportExtraction filed = extract(
                "2019-02-15T01:30:00Z",
                "Blast kills 9 soldiers in Kupwara",
                "Srinagar, Feb 15 (PTI) At least nine soldiers were killed when a roadside bomb hit their vehicle in"
                        + " Kupwara district on Thursday, officials said.");

        assertThat(risen.getIncidents().get(0).getEventDate()).isEqualTo(java.time.LocalDate.of(2024, 3, 9));
        assertThat(claimed.getIncidents().get(0).getEventDate()).isEqualTo(java.time.LocalDate.of(2024, 3, 6));
        assertThat(filed.getIncidents().get(0).getEventDate()).isEqualTo(java.time.LocalDate.of(2019, 2, 14));
    }

    @Test
    void shouldCountOneDeadWhenANamedOrSingleVictimWasKilledInThePassive() {
        ReportExtraction x = extract(
                "2024-05-02T09:00:00Z",
                "Journalist shot dead in Sinaloa",
                "CULIACAN, Mexico (AP) - Local journalist Ramon Cardenas was shot dead outside his home in Culiacan"
                        + " on Wednesday, state prosecutors said.");

        assertThat(x.getIncidents().get(0).getKilled().getBest()).isEqualTo(1);
    }

    @Test
    void shouldNotPlaceAnEventInTheNeighbourNamedAsALandmarkNorReadBareCongoAsCongoBrazzaville() {
        ReportExtraction border = extract(
                "2023-06-17T09:00:00Z",
                "Rebels kill 9 at Ugandan village near Congo border",
                "KAMPALA, Uganda (AP) - Suspected rebels killed nine villagers in western Uganda near the border"
                        + " with Congo on Friday, police said.");
        ReportExtraction congo = extract(
                "2023-06-17T09:00:00Z",
                "Militia kills 12 in eastern Congo",
                "GOMA (Reuters) - A militia killed 12 people in an attack on a village in eastern Congo's Ituri"
                        + " province on Friday, a local official said.");

        assertThat(border.getIncidents().get(0).getLocation().getCountryCode()).isEqualTo("UG");
        assertThat(congo.getIncidents().get(0).getLocation().getCountryCode()).isEqualTo("CD");
    }

    @Test
    void shouldReadASlashedAgencyDatelineAsNoPartOfTheStory() {
        ReportExtraction x = extract(
                "2024-08-14T10:00:00Z",
                "Drone hits car in Vasilyevka, wounding two",
                "BELGOROD, August 14. /TASS/. Ukrainian troops attacked a car with a drone in the village of"
                        + " Vasilyevka, wounding two people, the regional governor wrote on Telegram.");

        assertThat(x.getIncidents().get(0).getActor().getName()).isEqualTo("Ukrainian forces (Ukraine)");
    }

    @Test
    void shouldReadAGroupClaimingTheAttacksAsAConfirmationAndTheirPerpetrator() {
        ReportExtraction x = extract(
                "2024-05-02T09:00:00Z",
                "Twin blasts kill 14 in Quetta",
                "QUETTA, Pakistan (AFP) - A bomb killed 14 people at a bus station in Quetta on Wednesday, police"
                        + " said. The Balochistan Liberation Front claimed both bombings in a statement.");

        assertThat(x.getClaims())
                .anyMatch(c -> c.getKind() == ClaimKind.CONFIRMATION
                        && c.getSource().getName().contains("Balochistan Liberation Front"));
    }

    @Test
    void shouldCountOneFigureOverTwoCoordinatedNounsAndNameTheSubjectOfTheViolentVerbAsTheActor() {
        ReportExtraction x = extract(
                "2023-09-05T18:00:00Z",
                "Forty soldiers and volunteers killed in Burkina",
                "OUAGADOUGOU (AFP) - Forty soldiers and civilian auxiliaries were killed on Monday when suspected"
                        + " jihadists attacked an army unit in Burkina Faso's Sahel region, the general staff said.");

        assertThat(x.getIncidents().get(0).getKilled().getBest()).isEqualTo(40);
        assertThat(x.getIncidents().get(0).getActor().getName()).isEqualTo("jihadists");
    }

    @Test
    void shouldNotMakeTheNarrativesTollTheFigureOfTheGroupThatClaimedTheAttack() {
        ReportExtraction x = extract(
                "2024-01-05T09:00:00Z",
                "IS claims bombing that killed 30 in Kabul",
                "KABUL (AFP) - The Islamic State group on Friday claimed a bombing that killed 30 people at a market"
                        + " in Kabul on Thursday, police said.");

        assertThat(x.getClaims())
                .noneMatch(c -> c.getKind() == ClaimKind.FIGURE
                        && c.getSource().getName().contains("Islamic State"));
        assertThat(x.getClaims())
                .anyMatch(c -> c.getKind() == ClaimKind.CONFIRMATION
                        && c.getSource().getName().contains("Islamic State"));
    }

    @Test
    void shouldReadEveryTenseOfPuttingOrGivingATollAsAFigureClaim() {
        ReportExtraction x = extract(
                "2024-01-05T09:00:00Z",
                "Raid on Cabo Delgado village kills 11",
                "PEMBA, Mozambique (Lusa) - Insurgents killed 11 villagers in a raid on a village in Cabo Delgado on"
                        + " Thursday, police said. The Peace Observatory puts the toll at 14. A district official had earlier"
                        + " given a count of nine dead.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .extracting(Claim::getKilled)
                .contains(14, 9);
    }

    @Test
    void shouldDateTheEventByADayThatOwnsIt() {
        ReportExtraction x = extract(
                "2024-03-13T09:00:00Z",
                "Toll from Sana'a strike rises to 19",
                "SANAA (Reuters) - The death toll from Monday's air strike on a market in Sanaa has risen to 19,"
                        + " health officials said on Wednesday.");

        assertThat(x.getIncidents().get(0).getEventDate()).isEqualTo(java.time.LocalDate.of(2024, 3, 11));
    }

    @Test
    void shouldNotPlaceAnEventInTheCountryItIsBlamedOn() {
        ReportExtraction x = extract(
                "2024-09-17T20:00:00Z",
                "Exploding radios kill six across Lebanon; Hezbollah blames Israel",
                "BEIRUT (AFP) - Hand-held radios used by Hezbollah members blew up across Lebanon on Tuesday, killing"
                        + " six people, the health minister said, in blasts the group blamed on Israel.");

        assertThat(x.getIncidents())
                .isNotEmpty()
                .allSatisfy(i -> assertThat(i.getLocation().getCountryCode()).isEqualTo("LB"));
    }

    @Test
    void shouldKeepAnEventsTollWhenTheSentenceComparesItWithTheYearOrTheWar() {
        ReportExtraction x = extract(
                "2024-03-13T09:00:00Z",
                "Clashes kill 31 in Tripoli suburbs",
                "TRIPOLI (AFP) - At least 31 people were killed and 80 wounded in two days of fighting between rival"
                        + " militias in Tripoli, medics said on Wednesday, in the deadliest violence to hit the capital this"
                        + " year.");

        assertThat(x.getIncidents()).extracting(i -> i.getKilled().getBest()).containsExactly(31);
        assertThat(x.getClaims()).noneMatch(c -> c.getKind() == ClaimKind.CUMULATIVE);
    }

    @Test
    void shouldKeepTheCapitalisedEndOfABodysNameInTheName() {
        ReportExtraction x = extract(
                "2024-07-09T09:00:00Z",
                "Rights body says 12 killed in Kenya protests",
                "NAIROBI (The Star) - At least 12 people were killed during protests in Nairobi on Monday, the Kenya"
                        + " National Commission on Human Rights said.");

        assertThat(x.getClaims())
                .extracting(c -> c.getSource().getName())
                .contains("Kenya National Commission on Human Rights");
    }

    @Test
    void shouldTakeTheVillageALaterSentenceNamesWhenTheLeadGivesOnlyARegion() {
        ReportExtraction x = extract(
                "2023-04-16T10:00:00Z",
                "Ten soldiers killed in northern Burkina",
                "OUAGADOUGOU (AFP) - Gunmen killed ten soldiers in northern Burkina Faso on Saturday, the army said."
                        + "\n\nThe unit came under attack near the village of Tanwalbougou, a security source said.");

        assertThat(x.getIncidents()).hasSize(1);
        assertThat(x.getIncidents().get(0).getLocation().getPlace()).isEqualTo("Tanwalbougou");
    }

    @Test
    void shouldKeepARunningTotalAsAClaimWhenTheReportHasNoEventOfItsOwn() {
        ReportExtraction x = extract(
                "2021-08-24T10:00:00Z",
                "Over 30,000 killed in a decade of insurgency, says governor",
                "MAIDUGURI, Nigeria (Reuters) - More than 30,000 people have been killed in the state in ten years of"
                        + " insurgency, the state governor said on Tuesday.");

        assertThat(x.getIncidents()).isEmpty();
        assertThat(x.getClaims()).singleElement().satisfies(c -> {
            assertThat(c.getKind()).isEqualTo(ClaimKind.CUMULATIVE);
            assertThat(c.getKilled()).isEqualTo(30000);
            assertThat(c.getMentionId()).isNull();
        });
    }

    @Test
    void shouldReadAHeadlinesPresentTenseTollAndLeaveTheTotalItClimbsTo() {
        ReportExtraction x = extract(
                "2023-01-10T08:00:00Z",
                "Eleven die in Cusco clashes as protest toll climbs to 39",
                "LIMA (EFE) - Police clashed with protesters in the Peruvian city of Cusco on Monday, the health"
                        + " ministry said.");

        assertThat(x.getIncidents()).extracting(i -> i.getKilled().getBest()).containsExactly(11);
    }

    @Test
    void shouldOpenASecondIncidentWhenASentenceFrontsAnotherTownWithItsOwnToll() {
        ReportExtraction x = extract(
                "2025-10-20T10:00:00Z",
                "Junta jets bomb two Shan towns",
                "CHIANG MAI (AFP) - Air strikes on Kyaukme in Myanmar's Shan state killed four civilians on Sunday, a"
                        + " local rescue group said.\n\nIn Lashio, a bomb hit a monastery, wounding three novices, residents said.");

        assertThat(x.getIncidents()).hasSize(2);
    }

    @Test
    void shouldCountMartyrsAsDeadWhenAnOfficialGivesTheirNumber() {
        ReportExtraction x = extract(
                "2024-01-04T16:00:00Z",
                "Twin blasts in Kerman kill dozens",
                "TEHRAN (AFP) - Two bombs exploded at a memorial ceremony in Kerman on Wednesday. The interior"
                        + " minister told state television that the number of martyrs stood at 84.");

        assertThat(x.getClaims()).anyMatch(c -> Integer.valueOf(84).equals(c.getKilled()));
    }

    @Test
    void shouldReadHavingNothingToDoWithItAndRejectingAnySuggestionAsDenials() {
        ReportExtraction x = extract(
                "2024-01-04T16:00:00Z",
                "Bomb kills 9 in Diyarbakir",
                "DIYARBAKIR, Turkey (Reuters) - A car bomb killed nine people in Diyarbakir on Wednesday, police"
                        + " said. The PKK said it had nothing to do with the bombing. Damascus rejected any suggestion that"
                        + " it was behind the attack.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.DENIAL)
                .hasSize(2);
    }

    @Test
    void shouldNotDateAnEventByTheDayMourningWasDeclared() {
        ReportExtraction x = extract(
                "2021-11-04T15:00:00Z",
                "Mali declares mourning after 30 killed",
                "BAMAKO (AA) - Mali's government on Thursday declared three days of national mourning after 30"
                        + " people were killed in an attack on a convoy near Ansongo on Tuesday, officials said.");

        assertThat(x.getIncidents().get(0).getEventDate()).isEqualTo(java.time.LocalDate.of(2021, 11, 2));
    }

    @Test
    void shouldNotDateAnUndatedIncidentByAnOldEventALaterSentenceRecalls() {
        ReportExtraction x = extract(
                "2023-06-17T07:40:00Z",
                "Rebels kill 41 at Ugandan school",
                "KAMPALA, Uganda (AP) - Suspected rebels killed 41 people in a late-night raid on a school in western"
                        + " Uganda, a local mayor said Saturday.\n\nIn June 1998, 80 students were burned to death in an"
                        + " attack on a technical institute near the border.");

        assertThat(x.getIncidents())
                .filteredOn(i -> i.getRecency() == org.wirewatch.schema.Recency.CURRENT)
                .extracting(i -> i.getKilled().getBest())
                .containsExactly(41);
    }

    @Test
    void shouldOpenAnotherIncidentWhenASentenceOpensWithAnOrdinalRaid() {
        ReportExtraction x = extract(
                "2022-03-14T09:00:00Z",
                "Cattle raiders kill 11 in Warrap",
                "KUAJOK, South Sudan (AFP) - Armed youths killed 11 herders at a cattle camp in Tonj North on"
                        + " Sunday, the county commissioner said.\n\nIn a second raid, on Maperdit village, three boys were"
                        + " killed and hundreds of cows were driven off, he said.");

        assertThat(x.getIncidents()).extracting(i -> i.getKilled().getBest()).containsExactlyInAnyOrder(11, 3);
    }

    @Test
    void shouldKnowAGroupByTheAdjectiveThatNamesIt() {
        ReportExtraction x = extract(
                "2023-08-02T11:00:00Z",
                "Two police killed in Maoist IED blast in Bijapur",
                "RAIPUR (PTI) - Two policemen died on Tuesday when a landmine went off under their vehicle in"
                        + " Bijapur district, police said.");

        assertThat(x.getIncidents().get(0).getActor().getName()).contains("Maoist");
    }

    @Test
    void shouldReadACountWhoseWordsStandInScareQuotes() {
        ReportExtraction x = extract(
                "2023-10-05T18:00:00Z",
                "Air strikes hit militant camps after Ankara attack",
                "ANKARA (AA) - Turkish jets struck militant positions in northern Iraq on Thursday. The defence"
                        + " ministry said 31 \"terrorists\" had been \"neutralised\" in the strikes.");

        assertThat(x.getClaims()).anyMatch(c -> Integer.valueOf(31).equals(c.getKilled()));
    }

    @Test
    void shouldCountVictimsOfACoordinatedParticiple() {
        ReportExtraction x = extract(
                "2022-07-19T08:00:00Z",
                "Gunmen attack farmers in Zamfara",
                "GUSAU, Nigeria (Reuters) - Four farmers were shot and killed in Zamfara state on Monday, police"
                        + " said.");

        assertThat(x.getIncidents()).extracting(i -> i.getKilled().getBest()).containsExactly(4);
    }

    @Test
    void shouldFindTheVerbOfACountPastAParticiplePhrase() {
        ReportExtraction x = extract(
                "2022-07-19T08:00:00Z",
                "Insurgents raid Cabo Delgado village",
                "MAPUTO (Lusa) - Three women fetching water at a well near Nangade, in Cabo Delgado province, were"
                        + " beheaded on Sunday, local sources said.");

        assertThat(x.getIncidents()).extracting(i -> i.getKilled().getBest()).containsExactly(3);
    }

    @Test
    void shouldGiveEveryAttackTheAuthorOfAClaimThatCoversThemAll() {
        ReportExtraction x = extract(
                "2021-03-12T15:00:00Z",
                "Bombs kill police in northeast Nigeria",
                "MAIDUGURI, Nigeria (AFP) - A roadside bomb killed three policemen near Dikwa on Thursday, officials"
                        + " said.\n\nOn Tuesday, two soldiers died when their truck hit a mine outside Gajiram.\n\nISWAP"
                        + " claimed responsibility for both blasts in a statement.");

        assertThat(x.getIncidents())
                .hasSize(2)
                .allSatisfy(i -> assertThat(i.getActor().getName()).isEqualTo("ISWAP"));
    }

    @Test
    void shouldKeepTheClaimOfAPartyThatAnotherOnlyRelays() {
        ReportExtraction x = extract(
                "2024-09-18T12:00:00Z",
                "Dozens killed in attack on Bamako training school",
                "BAMAKO (Reuters) - Gunmen attacked a gendarmerie training school in Bamako on Tuesday, killing"
                        + " dozens, security sources said. JNIM claimed responsibility and said it had killed more than 70"
                        + " gendarmes, according to the Critical Threats Project.");

        assertThat(x.getClaims())
                .filteredOn(c -> Integer.valueOf(70).equals(c.getKilled()))
                .extracting(c -> c.getSource().getName())
                .containsExactly("JNIM");
    }

    @Test
    void shouldNameAStatesForcesThatSpeakByTheReportsWordForThem() {
        ReportExtraction x = extract(
                "2023-02-20T10:00:00Z",
                "Twelve soldiers killed in Niger ambush",
                "NIAMEY (AFP) - Twelve Nigerien soldiers were killed in an ambush near Tillaberi on Sunday, the"
                        + " army said.");

        assertThat(x.getClaims())
                .filteredOn(c -> Integer.valueOf(12).equals(c.getKilled()))
                .extracting(c -> c.getSource().getName())
                .singleElement()
                .asString()
                .endsWith("army");
    }

    @Test
    void shouldReadATollThatRisesAfterALongSubject() {
        ReportExtraction x = extract(
                "2022-05-08T16:00:00Z",
                "Toll from school bombing in Luhansk rises to 60",
                "KYIV (Reuters) - The death toll from a Russian air strike on the basement of a village school in the"
                        + " eastern region of Luhansk rose to 60 on Sunday, the regional"
                        + " governor said.");

        assertThat(x.getClaims())
                .anyMatch(c ->
                        c.getKind() == ClaimKind.FIGURE && Integer.valueOf(60).equals(c.getKilled()));
    }

    @Test
    void shouldKeepASecondVictimInTheIncidentThatKilledTheFirst() {
        ReportExtraction x = extract(
                "2021-06-12T09:00:00Z",
                "Market grenade toll rises to two in Kathua",
                "KATHUA (PTI) - A grenade exploded at a vegetable market in Kathua on Thursday, killing one trader."
                        + " A second victim died in hospital, taking the toll to two, police said.");

        assertThat(x.getIncidents()).hasSize(1);
    }
}
