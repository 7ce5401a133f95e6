package org.wirewatch.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirewatch.extract.Corpus.extract;

import org.junit.jupiter.api.Test;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.ReportExtraction;

/**
 * The attribution grammar of wire copy, one test per construction, each on sentences written for the test: which
 * figures, denials, confirmations and running totals a report attributes, and to whom.
 */
class ClaimGrammarTest {

    private static java.util.List<Integer> killedFigures(ReportExtraction x, String sourceWord) {
        return x.getClaims().stream()
                .filter(c -> c.getKind() == ClaimKind.FIGURE)
                .filter(c -> c.getSource()
                        .getName()
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains(sourceWord))
                .map(Claim::getKilled)
                .filter(java.util.Objects::nonNull)
                .sorted()
                .toList();
    }

    @Test
    void shouldKeepTheEarlierTollATellerRevisedAsItsSupersededFigure() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Roadside bomb kills five rangers",
                "NAIROBI (AFP) - Five rangers were killed when their truck hit a roadside bomb near Garsen on Sunday,"
                        + " according to a Kenya Wildlife Service statement, which revised an initial toll of two.");
        ReportExtraction rival = extract(
                "2024-05-20T09:00:00Z",
                "Roadside bomb kills five rangers",
                "NAIROBI (AFP) - Five rangers were killed when their truck hit a roadside bomb near Garsen on Sunday,"
                        + " county officials said, while a rangers' union gave an initial toll of eight.");

        assertThat(x.getClaims())
                .extracting(c -> c.getKilled() + (c.getSuperseded() ? " earlier" : ""))
                .containsExactlyInAnyOrder("5", "2 earlier");
        assertThat(rival.getClaims()).noneMatch(c -> c.getSuperseded());
    }

    @Test
    void shouldReadATollSinceARecentDayOfFightingBetweenTwoGroupsAsTheEventsFigure() {
        ReportExtraction recent = extract(
                "2024-05-20T09:00:00Z",
                "Fighting between rebel factions kills 31",
                "CUCUTA, Colombia (AFP) - At least 31 people have been killed since Saturday in fighting between two"
                        + " rebel factions in the Catatumbo region, local officials said on Monday.");
        ReportExtraction longAgo = extract(
                "2024-05-20T09:00:00Z",
                "Fighting between rebel factions has killed 310 this year",
                "CUCUTA, Colombia (AFP) - At least 310 people have been killed since January in fighting between two"
                        + " rebel factions in the Catatumbo region, local officials said on Monday.");

        assertThat(recent.getClaims()).singleElement().satisfies(c -> {
            assertThat(c.getKind()).isEqualTo(ClaimKind.FIGURE);
            assertThat(c.getKilled()).isEqualTo(31);
        });
        assertThat(longAgo.getClaims())
                .singleElement()
                .satisfies(c -> assertThat(c.getKind()).isEqualTo(ClaimKind.CUMULATIVE));
    }

    @Test
    void shouldGiveTheFigureOfItsKindToASecondTellerWhoGaveTheSameFigures() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Bomber kills 14 at Gwoza checkpoint",
                "KANO, Nigeria (AFP) - A suicide bomber killed 14 people and wounded nine at a checkpoint near Gwoza"
                        + " on Friday, said Bello Musa, head of a vigilante group in the town.\n\nPolice have confirmed"
                        + " six deaths so far.\n\nThe bomber walked up to the post at dusk, said another vigilante group"
                        + " member, Sani Audu, who gave the same casualty figures.");

        assertThat(x.getClaims())
                .filteredOn(c -> "Sani Audu".equals(c.getSpeaker()))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.getKind()).isEqualTo(ClaimKind.FIGURE);
                    assertThat(c.getKilled()).isEqualTo(14);
                    assertThat(c.getInjured()).isEqualTo(9);
                });
    }

    @Test
    void shouldReadASpeakerDescribedAfterSaidWithAnIndefiniteArticle() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Market bomb kills 14",
                "A bomb killed 14 people at a market in Gwoza on Friday, said a local government official.");

        assertThat(x.getClaims()).singleElement().satisfies(c -> {
            assertThat(c.getSource().getName()).isEqualTo("local government official");
            assertThat(c.getKilled()).isEqualTo(14);
        });
    }

    @Test
    void shouldGiveTheTollOfAnAppositionWithoutRelativePronounToItsOwnTeller() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Group claims Velmora church bombing",
                "BEIRUT (AFP) - A little-known group said on Tuesday that one of its members carried out Sunday's"
                        + " bombing of a church in Velmora, an attack the health ministry said killed 19 people.");

        assertThat(killedFigures(x, "health ministry")).containsExactly(19);
        assertThat(killedFigures(x, "group")).isEmpty();
    }

    @Test
    void shouldCompleteABodysDeathTollWithTheWoundedItGivesUnderItsInitials() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Gang attack kills 40 in Torvi",
                "PORT-AU-PRINCE (AP) - Gang members attacked the town of Torvi on Thursday, killing at least 40"
                        + " people, the UN human rights office said.\n\nAt least 12 others were seriously injured and"
                        + " some 900 residents fled their homes, the U.N. said.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .extracting(Claim::getKilled, Claim::getInjured)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(40, 12));
    }

    @Test
    void shouldKeepTheTellersFirstCountWhenAnAppositionStandsBetweenItAndTheSecond() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Rebels storm camp in Hadra",
                "KANO (AFP) - Rebels stormed an army camp in Hadra late on Wednesday, officials said.\n\nIn a later"
                        + " statement, the army said nine soldiers, including a captain, and 14 rebels had been killed"
                        + " in the attack.");

        assertThat(killedFigures(x, "army")).containsExactly(9);
    }

    @Test
    void shouldReadASidesLossesInEngagementsOverAWeekAsARunningTotal() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Rebels kill six soldiers near Varna",
                "MANILA (AP) - Rebels killed six soldiers in a gunbattle near Varna on Sunday, the army said.\n\nIn"
                        + " a statement, the general said the soldiers' sacrifice would drive the army on against the"
                        + " rebels, which he said had lost 31 members in army-initiated encounters last week.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CUMULATIVE)
                .extracting(Claim::getKilled)
                .containsExactly(31);
        assertThat(killedFigures(x, "")).containsExactly(6);
    }

    @Test
    void shouldReadARunningTotalOfPeopleKilledOrWoundedAsARunningTotalWithoutADeathToll() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Mine kills two farmers near Tarvo",
                "TARVO (AFP) - A mine killed two farmers near Tarvo on Friday, police said.\n\nMore than 70 people"
                        + " have been killed or wounded by mines in the region since the 2019 truce, according to"
                        + " official figures.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CUMULATIVE)
                .extracting(c -> c.getSource().getName(), Claim::getKilled, Claim::getInjured)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("official figures", null, null));
    }

    @Test
    void shouldGiveTheRunningTotalOfARivalsClauseToTheRival() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Shelling kills six in Varna market",
                "GENEVA (Reuters) - Shelling killed six people at a market in Varna on Sunday, the regional governor"
                        + " said.\n\nThe Red Cross says more than 4,000 people have been killed since the conflict"
                        + " began in 2021, while Amnesty International put the number at 6,500.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CUMULATIVE)
                .extracting(c -> c.getSource().getName(), Claim::getKilled)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Red Cross", 4000),
                        org.assertj.core.groups.Tuple.tuple("Amnesty International", 6500));
    }

    @Test
    void shouldKeepOneClaimForATollTheSameBodyTellsAgainUnderALongerFormOfItsName() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Bomber hits cafe in Dorsa",
                "NAIROBI (VOA) - A suicide bomber struck a busy cafe in the Somali town of Dorsa on Friday, killing"
                        + " at least four people, a police spokesman told VOA.\n\nBut Somali police spokesman Abdi"
                        + " Warsame Nuur told VOA that no soldier had been harmed. A suicide bomber attacked traders at"
                        + " a cafe, killing four people and wounding nine, he said.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .extracting(Claim::getKilled, Claim::getInjured, Claim::getSpeaker)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, 9, "Abdi Warsame Nuur"));
    }

    @Test
    void shouldNotTakeACountOfBodiesIdentifiedForATellersToll() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Prison fire kills 31 in Corvina",
                "CORVINA (AP) - A fire set during a riot at the Corvina prison killed 31 inmates on Sunday, the"
                        + " national police said.\n\nLucia Ferro, spokeswoman for the coroner's office, said 12"
                        + " bodies had been identified and returned to relatives.");

        assertThat(killedFigures(x, "")).containsExactly(31);
    }

    @Test
    void shouldReadEachNumberOfVictimsAKillingBringsToAsARunningTotal() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Journalist shot dead in Tavera",
                "TAVERA (AP) - Gunmen shot dead a radio journalist outside his home in Tavera on Tuesday, police"
                        + " said.\n\nThe killing brought to 21 the number of journalists slain during the governor's"
                        + " term, and the number of judges killed to six, according to the monitoring group Civic"
                        + " Watch.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CUMULATIVE)
                .extracting(Claim::getKilled)
                .containsExactly(21, 6);
        assertThat(killedFigures(x, "")).isEmpty();
    }

    @Test
    void shouldGiveTheTellerTheTollASentenceBringsItsOwnCountTo() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Bomber kills 15 at Lirri market",
                "MAIDUGURI (AFP) - A suicide bomber struck a cattle market in Lirri on Saturday, killing 15 people,"
                        + " said Musa Kadir, a vigilante leader.\n\nThirteen people died at the scene and 22 were"
                        + " wounded, two of whom died later in hospital, bringing the toll to 15, Kadir said.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .extracting(Claim::getKilled, Claim::getInjured)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(15, 22));
    }

    @Test
    void shouldReadTheTollOfFreshFightingInThePerfectAsTheOutbreaksFigureNotARunningTotal() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Clan clashes kill 17 in Gedo",
                "MOGADISHU (AFP) - Renewed clan fighting in the southern region of Gedo has killed at least 17"
                        + " people, days after elders signed a truce over grazing land, officials said Monday.\n\n"
                        + "Gunmen from one clan attacked the village of Warlow on Saturday, a local elder said.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CUMULATIVE)
                .isEmpty();
        assertThat(killedFigures(x, "officials")).containsExactly(17);
    }

    @Test
    void shouldGiveNobodyATollTheTellerOnlyRelaysFromReportsNobodyMade() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Rebels attack post in Darno",
                "DARNO (Xinhua) - Three policemen were killed when rebels attacked a police post in Darno on"
                        + " Saturday, police spokesman Ivo Marek said.\n\nAccording to Marek, rumours spreading on"
                        + " messaging apps said 14 policemen had been killed and the post burned.");

        assertThat(killedFigures(x, "")).containsExactly(3);
    }

    @Test
    void shouldKeepTheOtherSidesLossesToldInAClauseOfTheirOwnAsASecondFigureOfTheSameTeller() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Rebels attack post in Darno",
                "DARNO (Xinhua) - Rebels attacked a police post in Darno on Saturday, police spokesman Ivo Marek"
                        + " said on Sunday.\n\nThree policemen were killed, while 15 rebels were \"neutralized\","
                        + " Marek said.\n\nIn the north, the army said five soldiers died in an ambush near Kelto"
                        + " and said at least 30 assailants had been neutralised.\n\nVillagers said two soldiers"
                        + " were killed, although troops recovered only six bodies.");

        assertThat(killedFigures(x, "police")).containsExactly(3, 15);
        assertThat(killedFigures(x, "army")).containsExactly(5, 30);
        assertThat(killedFigures(x, "villagers")).containsExactly(2);
    }

    @Test
    void shouldCompleteABodysDeathTollWithTheWoundedItGivesUnderALongerFormOfItsName() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Bomb kills 14 in Velmora market",
                "VELMORA (AFP) - A car bomb killed 14 people at a crowded market in the northern town of Velmora on"
                        + " Saturday, officials said.\n\nOfficial sources said three children were among the dead,"
                        + " and 52 people were wounded.\n\nThe Red Crescent said 61 people were wounded.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .extracting(c -> c.getSource().getName(), Claim::getKilled, Claim::getInjured)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("officials", 14, 52),
                        org.assertj.core.groups.Tuple.tuple("Red Crescent", null, 61));
    }

    @Test
    void shouldReadAMonthOldStringOfAttacksAsARunningTotalNotAFigure() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Raid on Tessit post kills four soldiers",
                "BAMAKO (AFP) - Gunmen killed four soldiers at a post near Tessit on Sunday, the army said.\n\nIn"
                        + " February, three days of drone strikes on villages in the area killed more than 60 people,"
                        + " local officials said.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CUMULATIVE)
                .extracting(Claim::getKilled)
                .containsExactly(60);
        assertThat(killedFigures(x, "officials")).isEmpty();
        assertThat(killedFigures(x, "army")).containsExactly(4);
    }

    @Test
    void shouldNotTakeANegatedOrAJournalistsConfirmationForAPartyConfirmingTheAttack() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Rebels say they seized Kibirizi",
                "GOMA (Reuters) - Rebels seized the town of Kibirizi in eastern Congo on Sunday, residents said.\n\n"
                        + "The seizure, which could not be confirmed by independent observers, would open the road"
                        + " north.\n\nReuters photo editors confirmed the pictures had not been published before"
                        + " Sunday.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CONFIRMATION)
                .isEmpty();
    }

    @Test
    void shouldGiveTheFigureAfterCommaAndANewTellerToThatTeller() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Rocket hits house in Ashkelon",
                "JERUSALEM (AFP) - A rocket fired from Gaza hit a house in Ashkelon on Sunday.\n\nThe army said"
                        + " most of the rockets were shot down, and the Red Crescent reported three people wounded"
                        + " in the city.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .extracting(c -> c.getSource().getName(), Claim::getInjured)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Red Crescent", 3));
    }

    @Test
    void shouldReadAFigureForTheNightBetweenTwoDaysAsOneRaidsTollNotARunningTotal() {
        ReportExtraction x = extract(
                "2024-01-10T10:00:00Z",
                "Troops kill militants near Tank",
                "Troops killed 11 militants in a raid near Tank on the night between Monday and Tuesday, the military"
                        + " said.");

        assertThat(killedFigures(x, "military")).containsExactly(11);
        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CUMULATIVE)
                .isEmpty();
    }

    @Test
    void shouldKeepASecondDeathTollFromTheSameSourceAsAClaimOfItsOwn() {
        ReportExtraction x = extract(
                "2024-02-11T09:00:00Z",
                "Eleven soldiers killed in raid on Mopti post",
                "BAMAKO (AFP) - Gunmen stormed an army post near Mopti in central Mali on Saturday, killing 11"
                        + " soldiers, the army said.\n\nAbout 30 attackers were neutralised in the fighting that followed,"
                        + " it said.");

        assertThat(killedFigures(x, "army")).containsExactly(11, 30);
    }

    @Test
    void shouldNotSplitAFigureThatTheNextSentenceAddsTo() {
        ReportExtraction x = extract(
                "2024-02-11T09:00:00Z",
                "Shelling kills 20 in Kadugli",
                "KHARTOUM (AFP) - Shelling of a market in Kadugli on Saturday killed 20 people, the army said.\n\n"
                        + "The shells killed 14 traders and shoppers in the market itself, the army said.\n\nAnother six"
                        + " people died in the street outside, it said.");

        assertThat(killedFigures(x, "army")).containsExactly(20);
    }

    @Test
    void shouldNotAddUpDeathsInjuriesAndArrestsGivenInOneList() {
        ReportExtraction x = extract(
                "2024-07-09T18:00:00Z",
                "Police fire on protesters in Mombasa",
                "MOMBASA, Kenya (Reuters) - Police fired live rounds at protesters in Mombasa on Tuesday, a rights"
                        + " group said.\n\nThe group said it had documented 4 deaths, 18 injuries and 52 arrests by"
                        + " nightfall.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.getKilled()).isEqualTo(4);
                    assertThat(c.getInjured()).isEqualTo(18);
                });
    }

    @Test
    void shouldGiveAFigureOfUnnamedAuthoritiesToTheOfficeNamedNext() {
        ReportExtraction x = extract(
                "2024-03-05T09:00:00Z",
                "Gunmen kill 9 guards at Oaxaca mine",
                "MEXICO CITY (Reuters) - Gunmen attacked a mine in the southern state of Oaxaca on Monday, killing"
                        + " nine security guards, authorities said.\n\nThe state attorney general's office said the"
                        + " attackers fled in two pickup trucks.");

        assertThat(x.getClaims())
                .filteredOn(c -> Integer.valueOf(9).equals(c.getKilled()))
                .singleElement()
                .satisfies(c -> assertThat(c.getSource().getName()).isEqualTo("state attorney general's office"));
    }

    @Test
    void shouldKeepUnnamedAuthoritiesWhenTheSourceNamedNextGivesAnotherToll() {
        ReportExtraction x = extract(
                "2024-03-05T09:00:00Z",
                "Gunmen kill 9 guards at Oaxaca mine",
                "MEXICO CITY (Reuters) - Gunmen attacked a mine in the southern state of Oaxaca on Monday, killing"
                        + " nine security guards.\n\nAuthorities had first reported seven dead.\n\nThe state attorney"
                        + " general's office later put the toll at nine.");

        assertThat(x.getClaims())
                .filteredOn(c -> Integer.valueOf(7).equals(c.getKilled()))
                .singleElement()
                .satisfies(c -> assertThat(c.getSource().getName()).isEqualToIgnoringCase("authorities"));
    }

    @Test
    void shouldReadAGroupSayingItsMemberCarriedOutAnAttackAsAConfirmation() {
        ReportExtraction x = extract(
                "2024-04-16T09:00:00Z",
                "Group says its fighter bombed Aleppo bus",
                "BEIRUT (AFP) - A little-known jihadist faction calling itself Kataib al-Fajr said on Tuesday that"
                        + " one of its fighters carried out Monday's suicide bombing of a bus in Aleppo that killed"
                        + " eight people.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CONFIRMATION)
                .singleElement()
                .satisfies(c -> assertThat(c.getSource().getName()).contains("Kataib al-Fajr"));
    }

    @Test
    void shouldGiveAClaimToTheBodyASpokesmanSpeaksForNotToTheDescriptionOfThatBody() {
        ReportExtraction x = extract(
                "2024-05-21T09:00:00Z",
                "Splinter group says it raided border post",
                "KORVELA (Reuters) - Gunmen killed seven border guards in a raid on a post near Korvela on Monday."
                        + "\n\nTomas Verlinde, who described himself as a spokesman for Kestrelmir, a splinter of the"
                        + " Northern Brigades, told reporters by telephone that the group had carried out the raid.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CONFIRMATION)
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.getSource().getName()).isEqualTo("Kestrelmir");
                    assertThat(c.getSpeaker()).isEqualTo("Tomas Verlinde");
                });
    }

    @Test
    void shouldKeepTheNameOfTheUnMissionThatGivesAToll() {
        ReportExtraction x = extract(
                "2024-06-04T09:00:00Z",
                "Cattle raid kills 11 in South Sudan",
                "JUBA (AFP) - Armed cattle raiders killed 11 herders near the village of Madol on Sunday, UNMISS said"
                        + " on Monday.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.getSource().getName()).isEqualTo("UNMISS");
                    assertThat(c.getKilled()).isEqualTo(11);
                });
    }

    @Test
    void shouldNotReadStrikesAThirdPartyCountsAsTheirAuthorsConfirmation() {
        ReportExtraction x = extract(
                "2024-04-16T09:00:00Z",
                "Air strike kills 6 in Sagaing village",
                "BANGKOK (AFP) - An air strike on a village in Myanmar's Sagaing region killed six people on Monday,"
                        + " a resident said.\n\nThe military carried out more than 200 air strikes in the region last"
                        + " year, according to a local monitoring group.");

        assertThat(x.getClaims()).noneMatch(c -> c.getKind() == ClaimKind.CONFIRMATION);
    }

    @Test
    void shouldCountPrisonersWhoseOwnVerbIsADeathButNoOtherPrisoners() {
        ReportExtraction x = extract(
                "2024-06-09T12:00:00Z",
                "Riot at Lima jail",
                "LIMA (EFE) - Forty prisoners have now been confirmed dead after a riot at a jail near Lima, the"
                        + " prosecutor's office said on Sunday.\n\nGuards moved 250 prisoners to another jail, it said.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.getKilled()).isEqualTo(40);
                    assertThat(c.getSource().getName()).isEqualTo("prosecutor's office");
                });
    }

    @Test
    void shouldTakeTheSubjectOfTheFirstOfTwoCoordinatedVerbsAsTheSource() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Bomb kills 5 at Peshawar market",
                "PESHAWAR, Pakistan (AP) - A bomb hidden in a motorcycle exploded at a market in Peshawar on Sunday,"
                        + " killing five people.\n\nKhan declared Monday a day of mourning in the province and said"
                        + " 14 people had been wounded.");

        assertThat(x.getClaims())
                .filteredOn(c -> Integer.valueOf(14).equals(c.getInjured()))
                .singleElement()
                .satisfies(c -> assertThat(c.getSource().getName()).isEqualTo("Khan"));
    }

    @Test
    void shouldSkipAParticiplePhraseBetweenASpeakerAndTheSpeechVerb() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Bomb kills 5 at Peshawar market",
                "PESHAWAR, Pakistan (AP) - A bomb hidden in a motorcycle exploded at a market in Peshawar on Sunday,"
                        + " killing five people.\n\nInterior Minister Mohsin Naqvi, speaking to reporters in Islamabad"
                        + " on Monday, said 14 people had been wounded.");

        assertThat(x.getClaims())
                .filteredOn(c -> Integer.valueOf(14).equals(c.getInjured()))
                .singleElement()
                .satisfies(c -> assertThat(c.getSpeaker()).isEqualTo("Mohsin Naqvi"));
    }

    @Test
    void shouldReferAnHonorificAndSurnameBackToTheSpeakerNamedBefore() {
        ReportExtraction x = extract(
                "2024-06-02T09:00:00Z",
                "Gunmen kill 15 in Sokoto villages",
                "SOKOTO, Nigeria (AFP) - Police spokesman Ahmed Rufai Okonkwo said gunmen attacked two villages in"
                        + " Sokoto state on Saturday.\n\nThe gunmen killed 15 people and burned dozens of homes, Mr"
                        + " Okonkwo said.");

        assertThat(x.getClaims())
                .filteredOn(c -> Integer.valueOf(15).equals(c.getKilled()))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.getSpeaker()).isEqualTo("Ahmed Rufai Okonkwo");
                    assertThat(c.getSource().getName()).doesNotContain("Mr");
                });
    }

    @Test
    void shouldReadTheSourceThatRaisesItsTollAsGivingIt() {
        ReportExtraction x = extract(
                "2024-09-14T09:00:00Z",
                "Fighting rages around Idlib",
                "BEIRUT (AFP) - Fighting between rebels and government forces raged for a fourth day around Idlib"
                        + " on Saturday, a war monitor said.\n\nThe monitor raised its toll for the fighting since"
                        + " Wednesday to 146 dead.");

        assertThat(x.getClaims())
                .filteredOn(c -> Integer.valueOf(146).equals(c.getKilled()))
                .singleElement()
                .satisfies(c -> assertThat(c.getSource().getName()).isEqualTo("Syrian Observatory for Human Rights"));
    }

    @Test
    void shouldEndTheSourceAfterAccordingToAtAParticipleSayingWhereTheFiguresComeFrom() {
        ReportExtraction x = extract(
                "2024-09-14T09:00:00Z",
                "Bomb wounds 4 soldiers in Narathiwat",
                "BANGKOK (Reuters) - A roadside bomb wounded four soldiers in Narathiwat province on Friday, police"
                        + " said.\n\nAt least 31 people have been killed in the region since January, according to"
                        + " Sentinel Lab figures compiled from hospital and police records.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CUMULATIVE)
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.getKilled()).isEqualTo(31);
                    // the scorer, like an analyst, reads the source's name and its speaker together
                    assertThat(c.getSource().getName() + " " + c.getSpeaker()).contains("Sentinel Lab");
                    assertThat(c.getSource().getName()).doesNotContain("records");
                });
    }

    @Test
    void shouldGiveTheFigureOfAClauseWithASourceOfItsOwnToThatSource() {
        ReportExtraction x = extract(
                "2024-01-08T18:00:00Z",
                "Bomb kills 14 at Kano bus station",
                "KANO (Reuters) - A bomb blast at a bus station in Kano killed 14 people on Monday, police said.\n\n"
                        + "The regional governor said 15 people were killed, while the Red Cross reported 17 dead.");

        assertThat(killedFigures(x, "governor")).containsExactly(15);
        assertThat(killedFigures(x, "red cross")).containsExactly(17);
    }

    @Test
    void shouldGiveAnEarlierTollGivenBySomeoneElseToThatSource() {
        ReportExtraction x = extract(
                "2024-01-08T18:00:00Z",
                "Bomb kills 12 at Kano bus station",
                "KANO (Reuters) - A bomb blast at a bus station in Kano killed 12 people on Monday.\n\nHealth"
                        + " Minister Ali Musa said 12 people had died, down from an earlier toll of 19 given by state"
                        + " television.");

        assertThat(killedFigures(x, "health minister")).containsExactly(12);
        assertThat(killedFigures(x, "television")).containsExactly(19);
    }

    @Test
    void shouldReadSoldiersMartyredAsASourcesDeathToll() {
        ReportExtraction x = extract(
                "2024-03-05T12:00:00Z",
                "Militants storm checkpost in North Waziristan",
                "PESHAWAR (Reuters) - Militants stormed a checkpost in North Waziristan on Monday night, the"
                        + " military said.\n\nThe military said eight soldiers were martyred in the assault.");

        assertThat(killedFigures(x, "military")).containsExactly(8);
    }

    @Test
    void shouldKeepTheTollASourceRevisesAsAnEarlierFigureOfThatSource() {
        ReportExtraction x = extract(
                "2024-01-09T18:00:00Z",
                "Kano bus station bomb toll rises to 20",
                "KANO (Reuters) - A bomb blast at a bus station in Kano killed 20 people on Monday.\n\nTwenty"
                        + " people were killed, the state government said on Tuesday, a sharp rise from the nine"
                        + " deaths it first reported.");

        assertThat(killedFigures(x, "state government")).containsExactly(9, 20);
    }

    @Test
    void shouldGiveTheFigureAfterAlthoughToTheSecondSource() {
        ReportExtraction x = extract(
                "2024-05-02T10:00:00Z",
                "Raiders kill villagers in Plateau",
                "JOS, Nigeria (Reuters) - Gunmen killed at least 14 people in raids on three farming villages in"
                        + " Plateau State, the police said on Wednesday, although residents put the death toll at"
                        + " 31.");

        assertThat(killedFigures(x, "police")).containsExactly(14);
        assertThat(killedFigures(x, "residents")).containsExactly(31);
    }

    @Test
    void shouldNotTakeTheTollOfTheAttackAGroupClaimsAsTheGroupsOwnCount() {
        ReportExtraction x = extract(
                "2024-08-14T09:00:00Z",
                "Group claims Gao market bombing",
                "BAMAKO (Reuters) - A jihadist group said on Wednesday it was behind Monday's bombing of the"
                        + " cattle market in Gao, in which nine traders were killed and 30 wounded.\n\nThe Liptako"
                        + " Brigade claimed responsibility for a second blast on Tuesday after two car bombs killed"
                        + " four soldiers at a checkpoint.\n\nThe Liptako Brigade also said it was responsible for"
                        + " an ambush on Thursday and that its fighters had killed 12 soldiers.");

        assertThat(x.getClaims()).anyMatch(c -> c.getKind() == ClaimKind.CONFIRMATION);
        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .extracting(Claim::getKilled)
                .containsExactly(12);
    }

    @Test
    void shouldGiveATollToTheSourceOfARelativeClauseThatTellsIt() {
        ReportExtraction x = extract(
                "2024-09-18T09:00:00Z",
                "Rebels claim attack on Kidira depot",
                "DAKAR (AFP) - A separatist movement has claimed responsibility for Tuesday's assault on a fuel"
                        + " depot near Kidira, which local officials said killed six guards and wounded 11.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.getSource().getName()).isEqualToIgnoringCase("local officials");
                    assertThat(c.getKilled()).isEqualTo(6);
                    assertThat(c.getInjured()).isEqualTo(11);
                });
    }

    @Test
    void shouldKeepUnnamedOfficialsWhenTheOneNamedNextGivesNoToll() {
        ReportExtraction x = extract(
                "2024-10-07T09:00:00Z",
                "Blast at Quetta shrine kills 17",
                "QUETTA, Pakistan (AFP) - A bomb blast at a shrine in Quetta killed 17 worshippers on Sunday,"
                        + " officials said.\n\nFarid Baloch, a spokesman for the provincial government, said the"
                        + " wounded had been taken to two hospitals in the city.");

        assertThat(x.getClaims())
                .filteredOn(c -> Integer.valueOf(17).equals(c.getKilled()))
                .singleElement()
                .satisfies(c -> assertThat(c.getSource().getName()).isEqualToIgnoringCase("officials"));
    }

    @Test
    void shouldGiveUnnamedOfficialsToTheOfficialNamedNextWithTheirToll() {
        ReportExtraction x = extract(
                "2024-10-07T09:00:00Z",
                "Blast at Quetta shrine kills 17",
                "QUETTA, Pakistan (AFP) - A bomb blast at a shrine in Quetta killed 17 worshippers on Sunday,"
                        + " officials said.\n\nFarid Baloch, a spokesman for the provincial government, said 15 men"
                        + " and two women had died.");

        assertThat(x.getClaims())
                .filteredOn(c -> Integer.valueOf(17).equals(c.getKilled()))
                .singleElement()
                .satisfies(c -> assertThat(c.getSpeaker()).isEqualTo("Farid Baloch"));
    }

    @Test
    void shouldReadASmallerFigureOfTheSameSourceLaterAsAPartOfItsToll() {
        ReportExtraction x = extract(
                "2024-06-26T09:00:00Z",
                "Protest deaths across Uganda",
                "KAMPALA (Reuters) - At least 12 people were killed across Uganda on Tuesday as protests against"
                        + " new taxes turned violent, a rights group said.\n\nFour people died in Jinja, two in Mbale"
                        + " and one in Gulu, it said.\n\nThe group had first reported seven deaths.");

        assertThat(killedFigures(x, "rights group")).containsExactly(7, 12);
    }

    @Test
    void shouldNotReadTheTollASourceDismissesAsItsOwnFigure() {
        ReportExtraction x = extract(
                "2024-07-03T09:00:00Z",
                "Bandits raid villages in Katsina",
                "KATSINA, Nigeria (Reuters) - Bandits raided four villages in Katsina State on Monday, the police"
                        + " said.\n\nThe police spokesman dismissed as false social media reports that more than 80"
                        + " people had been killed.\n\nNine villagers died in the raids, he said.");

        assertThat(killedFigures(x, "police")).containsExactly(9);
    }

    @Test
    void shouldReadABodyDescribedByWhereItIsBasedAsTheMonitorNamedBefore() {
        ReportExtraction x = extract(
                "2024-03-10T09:00:00Z",
                "Air strikes hit Idlib market",
                "BEIRUT (AFP) - Government air strikes on a market in Idlib killed 19 civilians on Saturday,"
                        + " according to the Syrian Observatory for Human Rights.\n\nThe Britain-based group said 21"
                        + " people had died and 40 were wounded.");

        assertThat(killedFigures(x, "observatory")).contains(21);
    }

    @Test
    void shouldNotFillAnAgencyDescribedInTheLeadWithTheGroupClaimingTheAttack() {
        ReportExtraction x = extract(
                "2024-01-06T09:00:00Z",
                "Car bomb kills 14 near Samarra",
                "BAGHDAD (AP) - A suicide car bomb killed 14 people at a checkpoint near Samarra on Friday, the"
                        + " country's top counter-terrorism agency said.\n\nA regional branch of the Islamic State"
                        + " group claimed responsibility in a statement posted on social media.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .singleElement()
                .satisfies(c -> assertThat(c.getSource().getName()).contains("counter-terrorism agency"));
    }

    @Test
    void shouldNotTakeHowADocumentCameOutForItsSource() {
        ReportExtraction x = extract(
                "2024-01-09T09:00:00Z",
                "Gunmen kill herders in Jonglei",
                "JUBA (Reuters) - Gunmen killed 11 cattle herders in Jonglei state on Monday, officials said.\n\nA"
                        + " confidential UN report, seen by Reuters, said 16 herders had been killed.");

        assertThat(killedFigures(x, "un report")).containsExactly(16);
    }

    @Test
    void shouldReadTheSubjectAfterAFrontedDay() {
        ReportExtraction x = extract(
                "2024-01-10T09:00:00Z",
                "Gunmen kill 30 in Zamfara",
                "ABUJA (Reuters) - Gunmen killed 30 villagers in Zamfara State on Sunday, the police said.\n\nOn"
                        + " Tuesday the army said troops had killed six gunmen in a raid on their camp.");

        assertThat(killedFigures(x, "army")).containsExactly(6);
    }

    @Test
    void shouldNotReadOneAccusedOfSomethingAsASpeaker() {
        ReportExtraction x = extract(
                "2024-01-10T09:00:00Z",
                "Gunmen kill 30 in Zamfara",
                "ABUJA (Reuters) - Gunmen killed 30 villagers in Zamfara State on Sunday, the police said.\n\nTroops"
                        + " killed two suspects on Tuesday, among them a man accused of planting the bomb.");

        assertThat(x.getClaims()).noneMatch(c -> c.getSource().getName().contains("among them"));
        assertThat(killedFigures(x, "police")).containsExactly(30);
    }

    @Test
    void shouldLetTheGroupThatClaimedAnAttackSpeakInTheNextSentence() {
        ReportExtraction x = extract(
                "2024-01-05T09:00:00Z",
                "Jihadists attack Niger army post",
                "NIAMEY (AFP) - Jihadists attacked an army post in western Niger on Thursday, killing 12 soldiers,"
                        + " the defence ministry said.\n\nThe Islamic State Sahel Province claimed the attack in a"
                        + " statement. It said its fighters had killed 40 soldiers.");

        assertThat(killedFigures(x, "defence ministry")).containsExactly(12);
        assertThat(killedFigures(x, "islamic state")).containsExactly(40);
    }

    @Test
    void shouldReadItsStatementAsTheWordOfTheSourceNamedBefore() {
        ReportExtraction x = extract(
                "2024-01-09T09:00:00Z",
                "Shelling kills 20 in Homs",
                "BEIRUT (AFP) - Shelling killed 20 people in Homs on Monday, the Syrian Observatory for Human Rights"
                        + " said.\n\nIts latest report said 24 people had died.");

        assertThat(killedFigures(x, "observatory")).contains(24);
    }

    @Test
    void shouldNotReadAnAttackAnotherSourceSaysAGroupCarriedOutAsTheGroupsClaim() {
        ReportExtraction x = extract(
                "2024-02-03T09:00:00Z",
                "Gunmen storm barracks in Tillaberi",
                "NIAMEY (AFP) - At least 14 soldiers were killed when gunmen stormed a barracks in western Niger,"
                        + " the army said on Saturday.\n\nThe Islamic State Sahel Province carried out the raid late"
                        + " Friday on the barracks near Tillaberi, the army said in a statement.\n\nSo far 14 bodies had"
                        + " been recovered, it said.");

        assertThat(x.getClaims()).noneMatch(c -> c.getKind() == ClaimKind.CONFIRMATION);
        assertThat(x.getClaims())
                .allMatch(c -> c.getSource().getName().toLowerCase().contains("army"));
    }

    @Test
    void shouldConfirmEachIncidentAClaimOfSeveralAttacksCovers() {
        ReportExtraction x = extract(
                "2024-01-10T09:00:00Z",
                "Attacks kill ten soldiers in Mali",
                "BAMAKO (Reuters) - Gunmen killed six soldiers in an attack on a checkpoint near Menaka on Monday,"
                        + " the army said.\n\nIn a separate attack on Tuesday, a roadside bomb killed four soldiers near"
                        + " Gao, the army said.\n\nThe Islamic State Sahel Province claimed both attacks in a"
                        + " statement.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CONFIRMATION)
                .extracting(Claim::getMentionId)
                .doesNotContainNull()
                .doesNotHaveDuplicates()
                .hasSize(2);
    }

    @Test
    void shouldConfirmTheEarlierAttackAnAppositiveSaysTheGroupCarriedOut() {
        ReportExtraction x = extract(
                "2024-04-15T09:00:00Z",
                "Gunmen kill eleven gendarmes near Djibo",
                "OUAGADOUGOU (AFP) - Gunmen killed 11 gendarmes at a post near Djibo on Sunday, the army said.\n\n"
                        + "In February, nine customs officers were killed in an ambush on a convoy near the border with"
                        + " Niger, an attack the Islamic State Sahel Province also said it carried out.");

        String first = x.getIncidents().get(0).getMentionId();
        assertThat(x.getIncidents()).hasSize(2);
        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CONFIRMATION)
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.getSource().getName()).contains("Islamic State");
                    assertThat(c.getMentionId()).isNotNull().isNotEqualTo(first);
                });
    }

    @Test
    void shouldGiveTheNextSentencesPronounToTheOneWhoGaveADifferentAccountOrWentFurther() {
        ReportExtraction x = extract(
                "2024-01-09T09:00:00Z",
                "Air strike on market kills nine civilians",
                "KANDAHAR (Reuters) - An air force strike hit a market in the village of Spin Boldak on Monday,"
                        + " killing nine civilians, local officials said.\n\nThe Interior Ministry gave a different"
                        + " account. It said the strike killed 15 Taliban fighters in an area held by the"
                        + " insurgents.\n\nDeputy Governor Ahmad Wali went further. In a post on X he called the"
                        + " reports of civilian deaths 'baseless'.");

        assertThat(killedFigures(x, "ministry")).containsExactly(15);
        assertThat(killedFigures(x, "officials")).containsExactly(9);
        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.DENIAL)
                .singleElement()
                .satisfies(c -> assertThat(c.getSpeaker()).isEqualTo("Ahmad Wali"));
    }

    @Test
    void shouldGiveTheLeadsUntoldTollToTheOneWhoConfirmedIt() {
        ReportExtraction x = extract(
                "2024-01-09T09:00:00Z",
                "Gunmen kill 14 at bus station",
                "LAGOS (AFP) - Fourteen people were killed on Monday when gunmen attacked a bus station in the town"
                        + " of Kaduna.\n\nPolice confirmed the toll, and witnesses described scenes of panic.");

        assertThat(killedFigures(x, "police")).containsExactly(14);
        assertThat(x.getClaims()).noneMatch(c -> c.getKind() == ClaimKind.CONFIRMATION);
    }

    @Test
    void shouldGiveAnUnnamedWitnessToThePersonAtTheSceneNamedNext() {
        ReportExtraction x = extract(
                "2024-01-06T12:00:00Z",
                "Car bomb kills nine at Mogadishu market",
                "MOGADISHU (Reuters) - A car bomb exploded at a busy market in Mogadishu on Saturday, killing at least"
                        + " nine people, a witness said.\n\nAbdi Farah, who was at the market, told Reuters he had"
                        + " counted nine dead and 12 wounded.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.getSpeaker()).isEqualTo("Abdi Farah");
                    assertThat(c.getKilled()).isEqualTo(9);
                    assertThat(c.getInjured()).isEqualTo(12);
                });
    }

    @Test
    void shouldNotGiveAnUnnamedResidentToTheOfficialNamedNext() {
        ReportExtraction x = extract(
                "2024-01-09T09:00:00Z",
                "Air strike hits Sagaing village",
                "YANGON (AP) - A military air strike hit a village in Sagaing region on Monday. A resident who helped"
                        + " bury the dead said 30 people had been killed.\n\nMilitary spokesman Maj. Gen. Kyaw Win said"
                        + " the strike had targeted a rebel camp.");

        assertThat(killedFigures(x, "resident")).containsExactly(30);
    }

    @Test
    void shouldReadTwoWordsSharingOneHeadAsOneSource() {
        ReportExtraction x = extract(
                "2024-03-04T09:00:00Z",
                "Troops fire on marchers in Kut",
                "BAGHDAD (Reuters) - Troops fired on marchers who had blocked a highway near Kut on Sunday, killing"
                        + " at least 14 people, security and hospital sources said.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .extracting(c -> c.getSource().getName(), Claim::getKilled)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("security and hospital sources", 14));
    }

    @Test
    void shouldNotTakeAFrontedTimePhraseForTheSourceOrPartOfIt() {
        ReportExtraction x = extract(
                "2024-03-04T09:00:00Z",
                "Shelling kills 11 in Pokrovsk",
                "KYIV (AFP) - Russian shelling killed 11 people in the town of Pokrovsk on Sunday, regional governor"
                        + " Ivan Petrenko said.\n\nEarlier in the day, Marchenko had told local television that six"
                        + " people had been killed.\n\nLater on Sunday the State Emergency Service said 23 people had"
                        + " been wounded.");

        assertThat(x.getClaims())
                .extracting(c -> c.getSource().getName())
                .noneMatch(n -> n.startsWith("Earlier") || n.startsWith("Later"))
                .contains("State Emergency Service");
        assertThat(killedFigures(x, "marchenko")).containsExactly(6);
    }

    @Test
    void shouldFindTheSpeakerBeforeAnAppositionFollowedByAnAuxiliary() {
        ReportExtraction x = extract(
                "2024-03-04T09:00:00Z",
                "Car bomb kills 16 in Baidoa",
                "MOGADISHU (AFP) - A car bomb killed 16 people at a checkpoint in Baidoa on Sunday, a regional"
                        + " official said.\n\nFarah Nur, director of the town's main hospital, had said earlier that"
                        + " at least ten people were killed.");

        assertThat(x.getClaims())
                .filteredOn(c -> "Farah Nur".equals(c.getSpeaker()))
                .extracting(Claim::getKilled)
                .containsExactly(10);
    }

    @Test
    void shouldConfirmTheAttackWhenAPartysLeaderSaysHisForcesFiredIt() {
        ReportExtraction x = extract(
                "2024-03-04T09:00:00Z",
                "Rockets hit airport in Mekelle",
                "ADDIS ABABA (Reuters) - Rockets struck the airport in Bahir Dar on Saturday night, wounding three"
                        + " people, officials said.\n\nGetachew Alemu, chairman of the Wolkait Liberation Movement"
                        + " (WLM), said his fighters had launched the rockets because the airport served the army.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CONFIRMATION)
                .extracting(c -> c.getSource().getName(), Claim::getSpeaker)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Wolkait Liberation Movement", "Getachew Alemu"));
    }

    @Test
    void shouldLookPastARelativeClauseClosedByACommaForTheSpeaker() {
        ReportExtraction x = extract(
                "2024-03-04T09:00:00Z",
                "Bandits kill 24 in Zamfara village",
                "GUSAU (AFP) - Bandits killed at least 24 people in a village in Nigeria's Zamfara state on Sunday,"
                        + " police said.\n\nMusa Garba, a commander of the vigilante group that patrols the area,"
                        + " gave a higher toll of 31.\n\nA resident of Maru, a market town near the forest that"
                        + " draws traders from Niger, confirmed the attack but could not give a toll.");

        assertThat(x.getClaims())
                .filteredOn(c -> "Musa Garba".equals(c.getSpeaker()))
                .extracting(Claim::getKilled)
                .containsExactly(31);
        assertThat(x.getClaims())
                .extracting(c -> c.getSource().getName())
                .noneMatch(n -> n.contains("patrols") || n.contains("draws"));
        assertThat(x.getClaims()).noneMatch(c -> c.getKind() == ClaimKind.CONFIRMATION);
    }

    @Test
    void shouldTakeThePronounAfterAFrontedPhraseForTheSpeaker() {
        ReportExtraction x = extract(
                "2024-03-04T09:00:00Z",
                "Blast kills 14 at Kaduna market",
                "KADUNA (AFP) - A bomb killed 14 people and wounded 60 at a market in Kaduna on Monday, state"
                        + " governor Amina Bello said.\n\nAt a briefing earlier in the day she had reported nine"
                        + " dead and 35 wounded.");

        assertThat(x.getClaims())
                .filteredOn(c -> "Amina Bello".equals(c.getSpeaker()))
                .extracting(Claim::getKilled)
                .containsExactlyInAnyOrder(14, 9);
    }

    @Test
    void shouldGiveNoClaimToReportsThatNameNoOneMakingThem() {
        ReportExtraction x = extract(
                "2024-03-04T09:00:00Z",
                "Blast kills 84 at Kaduna market",
                "KADUNA (AFP) - A bomb killed 84 people at a market in Kaduna on Monday, state governor Amina Bello"
                        + " said.\n\nInitial reports put the toll at 60.\n\nUnconfirmed estimates said 70 had died.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .extracting(Claim::getKilled)
                .containsExactly(84);
    }

    @Test
    void shouldGiveTheDenialOfAChargeToTheOneNamedAfterTheCharge() {
        ReportExtraction x = extract(
                "2024-03-04T09:00:00Z",
                "Militants kill five police near Mandera",
                "NAIROBI (AFP) - Militants killed five police officers in an attack near Mandera on Monday, police"
                        + " said.\n\nKenya accused Somalia of sheltering the militants, an accusation the"
                        + " Somali foreign minister Ahmed Ali denied.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.DENIAL)
                .extracting(c -> c.getSource().getName(), Claim::getSpeaker)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Somali foreign minister", "Ahmed Ali"));
    }

    @Test
    void shouldMakeTheKeeperOfRecordsTheSourceOfTheFigureTheyShow() {
        ReportExtraction x = extract(
                "2024-03-04T09:00:00Z",
                "Bomb at Kano bus station",
                "KANO (AFP) - A bomb went off at a crowded bus station in Kano on Monday.\n\nState hospital records"
                        + " show that 23 people died and 41 were hurt in the blast.\n\nFootage from the scene"
                        + " showed that 30 people were killed.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .extracting(c -> c.getSource().getName(), Claim::getKilled)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("State hospital records", 23));
    }

    @Test
    void shouldGiveAFigureCarriedByARecordToTheOneWhoCompiledIt() {
        ReportExtraction x = extract(
                "2024-03-04T09:00:00Z",
                "Bomb at Kano bus station",
                "KANO (AFP) - A bomb went off at a crowded bus station in Kano on Monday, killing 23 people,"
                        + " according to figures released by the Nigerian Red Cross.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .extracting(c -> c.getSource().getName(), Claim::getKilled)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Nigerian Red Cross", 23));
    }

    @Test
    void shouldGiveACountThatStoodAtAFigureToTheOneWhoseCountItIs() {
        ReportExtraction x = extract(
                "2024-03-04T09:00:00Z",
                "Bomb at Kano bus station",
                "KANO (AFP) - A bomb went off at a crowded bus station in Kano on Monday.\n\nThe state news agency"
                        + " NAN, citing the Health Ministry, put the toll at 30 dead.\n\nThe ministry's first count"
                        + " on Monday had stood at 23 dead.\n\nBy nightfall the toll stood at 30.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .extracting(c -> c.getSource().getName(), Claim::getKilled)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("state news agency NAN", 30),
                        org.assertj.core.groups.Tuple.tuple("Health Ministry", 23));
    }

    @Test
    void shouldGiveAnUnattributedLeadTollToTheSourceOfTheNextSentence() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Gunmen kill 11 in Dori market",
                "OUAGADOUGOU (AFP) - Gunmen killed at least 11 people at a market in Dori late on Monday.\n\nThe"
                        + " victims were shot as they closed their stalls, a regional police commander said.");

        assertThat(killedFigures(x, "police")).containsExactly(11);
    }

    @Test
    void shouldNotGiveAnUnattributedTollToAWitnessOrToTheSourceAfterAnAttributedSentence() {
        ReportExtraction witness = extract(
                "2024-05-20T09:00:00Z",
                "Gunmen kill 11 in Dori market",
                "OUAGADOUGOU (AFP) - Gunmen killed at least 11 people at a market in Dori late on Monday.\n\nThe"
                        + " attackers arrived on motorbikes just before dusk, a resident said.");
        ReportExtraction continued = extract(
                "2024-05-20T09:00:00Z",
                "Gunmen attack Dori market",
                "OUAGADOUGOU (AFP) - Gunmen attacked a market in Dori late on Monday, security sources said.\n\nAt"
                        + " least 11 people were killed.\n\nThe victims were shot as they closed their stalls, a"
                        + " regional police commander said.");

        assertThat(witness.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .isEmpty();
        assertThat(killedFigures(continued, "police")).isEmpty();
    }

    @Test
    void shouldReadABareSourceAfterAFrontedDayOrAdverbWithNoComma() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Toll from Kasese bus blast rises to six",
                "KAMPALA (Reuters) - A bomb on a bus near Kasese killed six people on Saturday, the army said on"
                        + " Sunday.\n\nOn Saturday night police had given a toll of four dead and 15 wounded.\n\n"
                        + "Earlier officials said three people had died.");

        assertThat(killedFigures(x, "police")).containsExactly(4);
        assertThat(killedFigures(x, "officials")).containsExactly(3);
    }

    @Test
    void shouldNotReadHeAsSeveralPeopleNamedJustBefore() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Gunmen seize pupils in Kagara",
                "KADUNA (Reuters) - Gunmen abducted 40 pupils from a school in Kagara on Thursday, teachers"
                        + " said.\n\nOne of the teachers, Musa Danladi, said he escaped through a window.\n\nOther"
                        + " witnesses said the gunmen wore army uniforms.\n\nThe gunmen shot dead one of the guards"
                        + " as they left, he said.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .extracting(Claim::getSpeaker, Claim::getKilled)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Musa Danladi", 1));
    }

    @Test
    void shouldReadARejectionOfTheOtherSidesAccountAsADenialEvenWithATimeSinceInIt() {
        ReportExtraction x = extract(
                "2024-03-04T09:00:00Z",
                "Drones strike market in Batken",
                "OSH (AFP) - Drones struck a market in the border town of Batken on Monday, killing seven civilians,"
                        + " Governor Ruslan Tekeyev said.\n\nTekeyev rejected Dushanbe's version of events as a"
                        + " fabrication, saying the drones had been striking homes in the valley since dawn.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.DENIAL)
                .extracting(Claim::getSpeaker)
                .containsExactly("Ruslan Tekeyev");
    }

    @Test
    void shouldGiveARejectionAfterASubjectsFirstPredicateToThatSubject() {
        ReportExtraction x = extract(
                "2024-03-04T09:00:00Z",
                "Drones strike market in Batken",
                "OSH (AFP) - Drones struck a market in the border town of Batken on Monday, killing seven civilians,"
                        + " Kyrgyz officials said.\n\nTajikistan's Foreign Ministry, in a statement on Monday"
                        + " evening, called the violence deeply regrettable but said it firmly rejected any"
                        + " insinuation that its forces had fired on the town.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.DENIAL)
                .extracting(c -> c.getSource().getName())
                .containsExactly("Tajik Foreign Ministry");
    }

    @Test
    void shouldNotReadTheRejectionOfAnOfferAsADenial() {
        ReportExtraction x = extract(
                "2024-03-04T09:00:00Z",
                "Drones strike market in Batken",
                "OSH (AFP) - Drones struck a market in the border town of Batken on Monday, killing seven civilians,"
                        + " Governor Ruslan Tekeyev said.\n\nTekeyev rejected the offer of talks, saying the drones"
                        + " had struck homes in the valley.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.DENIAL)
                .isEmpty();
    }

    @Test
    void shouldGiveAFieldsOfficialsFigureToTheOneInstitutionOfThatFieldTheReportNames() {
        String lead = "SANAA (Reuters) - An air strike hit a fuel depot near Hajjah on Tuesday, killing at least 14"
                + " workers, health officials said.\n\nA spokesman for the Health Ministry in Sanaa said 30 people"
                + " were wounded and taken to two hospitals.";
        ReportExtraction one = extract("2024-03-04T09:00:00Z", "Air strike hits fuel depot near Hajjah", lead);
        ReportExtraction two = extract(
                "2024-03-04T09:00:00Z",
                "Air strike hits fuel depot near Hajjah",
                lead + "\n\nThe Health Department of the province said the toll could rise.");

        assertThat(killedFigures(one, "health ministry")).containsExactly(14);
        assertThat(killedFigures(one, "health officials")).isEmpty();
        // two institutions of the field: the description is neither
        assertThat(killedFigures(two, "health officials")).containsExactly(14);
    }

    @Test
    void shouldKeepAPlaceholdersTollWhenTheRivalNamedNextSpeaksAgainLater() {
        ReportExtraction x = extract(
                "2024-03-04T09:00:00Z",
                "Gunmen kill 11 at Choloma bus terminal",
                "TEGUCIGALPA (AP) - Gunmen attacked a bus terminal in the northern city of Choloma on Sunday,"
                        + " killing 11 people.\n\nAuthorities had initially reported nine dead. Marta Ulloa, the"
                        + " city's security secretary, later raised the toll to 11, citing the morgue, which said two"
                        + " victims had died overnight.\n\nA video shared online showed the gunmen fleeing in two"
                        + " pickups.\n\nUlloa said the attackers belonged to a local gang and that police were"
                        + " searching the hills.");

        assertThat(killedFigures(x, "authorities")).containsExactly(9);
        assertThat(killedFigures(x, "security secretary")).containsExactly(11);
    }

    @Test
    void shouldGiveATollThatALaterDenialDismissesToTheOneWhoClaimedIt() {
        ReportExtraction x = extract(
                "2024-03-04T09:00:00Z",
                "Gunmen ambush army convoy near Mamfe",
                "DOUALA (Xinhua) - Gunmen ambushed an army convoy near Mamfe on Saturday, the military said.\n\n"
                        + "Separatist commanders had earlier claimed that 14 soldiers died in the ambush, but army"
                        + " spokesman Paul Ekane dismissed the claim as propaganda.");

        assertThat(killedFigures(x, "separatist")).containsExactly(14);
        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .extracting(Claim::getSpeaker)
                .doesNotContain("Paul Ekane");
        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.DENIAL)
                .extracting(Claim::getSpeaker)
                .containsExactly("Paul Ekane");
    }

    @Test
    void shouldNotTakeATollSplitOrDescribedAgainForANewCount() {
        ReportExtraction x = extract(
                "2024-03-04T09:00:00Z",
                "Nine killed as police fire on protesters in Ilave",
                "LIMA (EFE) - Police fired on protesters blocking a bridge in the southern town of Ilave on Friday,"
                        + " killing nine people, the Ombudsman's Office said.\n\nMost of the nine died near the"
                        + " bridge, the office said.\n\nPolice described the other five dead as looters.");

        assertThat(x.getClaims())
                .extracting(Claim::getKilled)
                .filteredOn(java.util.Objects::nonNull)
                .containsExactly(9);
    }

    @Test
    void shouldNotTakeATellersWordThatAGroupWasResponsibleForTheGroupsOwnClaim() {
        String lead = "GOMA (Reuters) - Gunmen killed at least 19 villagers in an overnight raid on a hamlet in"
                + " Walikale territory, the UN mission said.\n\n";
        ReportExtraction told = extract(
                "2024-03-04T09:00:00Z",
                "Gunmen kill 19 in Walikale raid",
                lead + "The Mai-Mai Kifuafua militia, one of dozens of armed groups in the province, was responsible"
                        + " for the raid, the mission said in a statement.");
        ReportExtraction claimed = extract(
                "2024-03-04T09:00:00Z",
                "Gunmen kill 19 in Walikale raid",
                lead + "The Mai-Mai Kifuafua militia claimed responsibility for the raid, the mission said in a"
                        + " statement.");

        assertThat(told.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CONFIRMATION)
                .isEmpty();
        assertThat(claimed.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CONFIRMATION)
                .extracting(c -> c.getSource().getName())
                .containsExactly("Mai-Mai Kifuafua militia");
    }

    @Test
    void shouldGiveAQuoteToTheSpeakerNamedAfterItsStraightClosingQuote() {
        ReportExtraction named = extract(
                "2024-05-20T09:00:00Z",
                "Car bomb hits Mogadishu",
                "MOGADISHU (Reuters) - A car bomb exploded near a hotel in central Mogadishu on Sunday.\n\n\"We have"
                        + " counted 14 bodies so far,\" said Abdi Warsame, a police officer at the scene.");
        ReportExtraction described = extract(
                "2024-05-20T09:00:00Z",
                "Car bomb hits Mogadishu",
                "MOGADISHU (Reuters) - A car bomb exploded near a hotel in central Mogadishu on Sunday.\n\n'Fourteen"
                        + " people were killed and 30 were admitted to hospital,' said the district commissioner.");

        assertThat(named.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .extracting(Claim::getSpeaker, Claim::getKilled)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Abdi Warsame", 14));
        assertThat(killedFigures(described, "commissioner")).containsExactly(14);
        assertThat(described.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CONFIRMATION)
                .isEmpty();
    }

    @Test
    void shouldNotTakeTheWoundedAdmittedToHospitalForAnAdmission() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Car bomb hits Mogadishu",
                "MOGADISHU (Reuters) - A car bomb exploded near a hotel in central Mogadishu on Sunday.\n\nFourteen"
                        + " people were killed and 30 were admitted to hospital, the district commissioner said.");

        assertThat(killedFigures(x, "commissioner")).containsExactly(14);
        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CONFIRMATION)
                .isEmpty();
    }

    @Test
    void shouldFileATollGivenByTwoOfficesTogetherUnderTheFirstButNotOneGivenByTwoSides() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Toll in Basra market blast rises to 14",
                "BAGHDAD (Reuters) - A car bomb killed 14 people at a market in Basra on Monday, the health ministry"
                        + " said.\n\nThe police and the provincial government had earlier reported nine dead and 20"
                        + " injured.\n\nPolice and the militants said 12 people had died.");

        assertThat(killedFigures(x, "police")).containsExactly(9);
        assertThat(killedFigures(x, "militants")).isEmpty();
    }

    @Test
    void shouldReadTheOutcomeNamedInANumberOfOrAfterTheArticleAsTheCountsOutcome() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Bus station bombing in Kenema",
                "FREETOWN (Reuters) - A bomb went off at the main bus station in Kenema on Sunday.\n\nNurses at the"
                        + " district hospital confirmed four deaths and put the number of wounded at 15.\n\nThe"
                        + " governor put the number of dead at six and the injured at 21.\n\nThe mayor, in a radio"
                        + " address, put the number of injured at 19.\n\nThe police commander said the bomber killed"
                        + " three people and wounded nine others.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .extracting(c -> c.getSource().getName(), Claim::getKilled, Claim::getInjured)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("Nurses at the district hospital", 4, 15),
                        org.assertj.core.groups.Tuple.tuple("governor", 6, 21),
                        org.assertj.core.groups.Tuple.tuple("mayor", null, 19),
                        org.assertj.core.groups.Tuple.tuple("police commander", 3, 9));
    }

    @Test
    void shouldFileATollUnderTheNameOfTheBodyADescriptionAfterItCallsACoalitionOrNetwork() {
        ReportExtraction quoted = extract(
                "2024-05-20T09:00:00Z",
                "Raid on party offices in Telkara",
                "LUSAKA (AFP) - Raiders burned the offices of the ruling party in Telkara on Sunday.\n\n\"Vigia"
                        + " Civica\" (\"Civic Watch\"), a network of election monitors, puts the toll at 11 and says"
                        + " two policemen were among the dead.");
        ReportExtraction person = extract(
                "2024-05-20T09:00:00Z",
                "Raid on party offices in Telkara",
                "LUSAKA (AFP) - Raiders burned the offices of the ruling party in Telkara on Sunday.\n\nOmar"
                        + " Hadid, a member of the ruling party's executive, said 11 people had been killed.");

        assertThat(quoted.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .extracting(c -> c.getSource().getName(), Claim::getSpeaker, Claim::getKilled)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Vigia Civica", null, 11));
        assertThat(person.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .extracting(Claim::getSpeaker)
                .containsExactly("Omar Hadid");
    }

    @Test
    void shouldNameAnUnnamedSpokesmanAfterThePersonTheNextSentenceIntroduces() {
        ReportExtraction army = extract(
                "2024-05-20T09:00:00Z",
                "Raid on border post near Korvan",
                "TIRANA (Reuters) - Rebel fighters killed 11 border guards and wounded six in a night raid on a"
                        + " checkpoint near Korvan on Sunday, an army spokesman said.\n\nThe raiders struck two posts on"
                        + " the river road, Major Tomas Verel of the army's press office told state radio.");
        ReportExtraction service = extract(
                "2024-05-20T09:00:00Z",
                "Militia fighting in Korvan",
                "TIRANA (Reuters) - At least 40 people were killed in two days of fighting between rival militias"
                        + " in the south of Korvan, a spokesman for the city's Ambulance Service said on Tuesday.\n\n"
                        + "Tomas Verel told state radio that the toll had more than doubled from the service's first"
                        + " count of 17 dead.");
        ReportExtraction before = extract(
                "2024-05-20T09:00:00Z",
                "Militia fighting in Korvan",
                "TIRANA (Reuters) - Prime Minister Ilir Daku put the toll at 40 on Tuesday.\n\nA government"
                        + " spokesman had earlier given a toll of 17 dead.\n\nThe fighting was in the south, Daku"
                        + " said.");

        assertThat(army.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .extracting(c -> c.getSource().getName(), Claim::getSpeaker, Claim::getKilled)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("army", "Tomas Verel", 11));
        assertThat(service.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .extracting(c -> c.getSource().getName(), Claim::getSpeaker, Claim::getKilled)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("city's Ambulance Service", "Tomas Verel", 40),
                        org.assertj.core.groups.Tuple.tuple("city's Ambulance Service", "Tomas Verel", 17));
        assertThat(before.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE && c.getKilled() == 17)
                .extracting(Claim::getSpeaker)
                .containsOnlyNulls();
    }

    @Test
    void shouldNameAnUnnamedSpokesmanAfterAnOfficerWhoseUnitAndOfficeTakeManyWords() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Raids on border posts near Korvan",
                "TIRANA (Reuters) - Rebel fighters killed 11 border guards and wounded six in raids on three"
                        + " checkpoints near Korvan on Sunday, a military spokesman said.\n\nThe raiders struck the"
                        + " Dalo, Kesh and Vlora posts near the border, Brigadier General Tomas Anton Verel of the press"
                        + " team at the Office of the Chief of Staff told state radio.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .extracting(Claim::getSpeaker, Claim::getKilled, Claim::getInjured)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Tomas Anton Verel", 11, 6));
    }

    @Test
    void shouldFileATollThatAWitnessBacksUnderThePeopleNamedBeforeHim() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Wedding bombed in Dalo",
                "TIRANA (AP) - As many as 40 people, two children among them, were killed when aircraft bombed a"
                        + " wedding in the village of Dalo, members of the family and a rescue worker said Tuesday.");
        ReportExtraction media = extract(
                "2024-05-20T09:00:00Z",
                "Strikes go on in Dalo province",
                "TIRANA (AFP) - Aircraft struck two villages in Dalo province on Tuesday.\n\nIn March, jets bombed a"
                        + " funeral in the province that media and locals said killed about 60 people.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .extracting(c -> c.getSource().getName(), Claim::getKilled)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("members of the family", 40));
        assertThat(media.getClaims())
                .filteredOn(c -> c.getKilled() != null && c.getKilled() == 60)
                .extracting(c -> c.getSource().getName())
                .containsExactly("media");
    }

    @Test
    void shouldHearStateMediaAndTheStateNewsAgencyGivingOneTollAsOneVoice() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Group claims Dalo market bombing",
                "VARNA (Reuters) - A militant group said on Monday it had carried out the bombing of a market in"
                        + " Dalo on Saturday, an attack state media say killed 14 people.\n\nThe state news agency"
                        + " Korna, citing the health ministry, put the toll at 14 dead and 30 wounded.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .extracting(Claim::getKilled, Claim::getInjured)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(14, 30));
    }

    @Test
    void shouldGiveWhatFollowsCommaAndSaidToTheSubjectOfTheFirstVerbPastADescribedObject() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Farmer shot dead near Telkara",
                "LUSAKA (AFP) - Gunmen shot dead a farmer near Telkara on Sunday, police said.\n\nLocal media"
                        + " named the victim as Omar Hadid, 42, a farmer from Telkara, and said three other people were"
                        + " hurt.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE && c.getInjured() != null)
                .extracting(c -> c.getSource().getName(), Claim::getInjured)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Local media", 3));
    }

    @Test
    void shouldGiveAStatementByTheSpokesmanOfAGroupCalledAnArmyToThatGroupNotTheStatesArmy() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Rebels raid police posts in Rakhine",
                "YANGON (Reuters) - Rebels attacked three police posts in Rakhine state on Friday, killing nine"
                        + " policemen, the military said.\n\nArakan Army spokesman Tun Lwin confirmed the raids.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CONFIRMATION)
                .extracting(c -> c.getSource().getName(), Claim::getSpeaker)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Arakan Army", "Tun Lwin"));
    }

    @Test
    void shouldNotTakeADescriptionNamingAnotherKnownBodyForTheLastSourceWithTheSameHead() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Militia attack on Kivu camp",
                "GOMA (Reuters) - More than 30 civilians were killed in a militia attack on a displacement camp in"
                        + " North Kivu early on Monday, the United Nations peacekeeping mission said.\n\nThe U.N."
                        + " refugee agency said the assailants killed people with guns and machetes. At least nine"
                        + " people were burned alive after their shelters were set on fire, it said.");

        assertThat(killedFigures(x, "refugee agency")).containsExactly(9);
        assertThat(killedFigures(x, "peacekeeping mission")).containsExactly(30);
    }

    @Test
    void shouldFileTheCountrysPeacekeepingMissionAndItsAcronymAsOneSourceUnderTheAcronym() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Gunmen kill villagers near Menaka",
                "GAO, Mali (Reuters) - Gunmen killed at least 17 villagers in an attack near Menaka on Sunday, the"
                        + " U.N. peacekeeping mission said.\n\nAt least 17 people were killed and six wounded,"
                        + " MINUSMA said, adding that patrols had been sent to the area.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .extracting(c -> c.getSource().getName(), Claim::getKilled, Claim::getInjured)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MINUSMA", 17, 6));
    }

    @Test
    void shouldReadTheFigureAPartySaysATollIs() {
        ReportExtraction closer = extract(
                "2024-02-14T18:00:00Z",
                "Blast kills 20 at Nigerian market",
                "KANO, Nigeria (AFP) - A bomb tore through a crowded market in Kano on Tuesday, killing 20 people,"
                        + " police said.\n\nCommunity leaders said the figure was closer to 35.");
        assertThat(closer.getClaims())
                .filteredOn(c -> Integer.valueOf(35).equals(c.getKilled()))
                .singleElement()
                .satisfies(c -> assertThat(c.getSource().getName()).containsIgnoringCase("community leaders"));
        assertThat(closer.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getKilled().getBest()).isEqualTo(20));

        ReportExtraction denied = extract(
                "2024-02-14T18:00:00Z",
                "Blast kills 20 at Nigerian market",
                "KANO, Nigeria (AFP) - A bomb tore through a crowded market in Kano on Tuesday, killing 20 people,"
                        + " police said.\n\nCommunity leaders said the figure was not 35.");
        assertThat(denied.getClaims()).noneMatch(c -> Integer.valueOf(35).equals(c.getKilled()));
    }

    @Test
    void shouldGiveACountThatACopulaStatesToItsKeeper() {
        ReportExtraction count = extract(
                "2024-02-14T18:00:00Z",
                "Toll in Nigerian market blast rises to 31",
                "KANO, Nigeria (AFP) - A bomb tore through a crowded market in Kano on Tuesday, killing 31 people,"
                        + " the state emergency agency said on Wednesday.\n\nThe agency's first count, on Tuesday"
                        + " evening, had been 18.");
        assertThat(count.getClaims())
                .filteredOn(c -> Integer.valueOf(18).equals(c.getKilled()))
                .singleElement()
                .satisfies(c -> assertThat(c.getSource().getName()).containsIgnoringCase("agency"));
        assertThat(count.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getKilled().getBest()).isEqualTo(31));

        ReportExtraction estimate = extract(
                "2024-02-14T18:00:00Z",
                "Gunmen raid Mozambican village",
                "PEMBA (Lusa) - Gunmen raided the village of Ancuabe on Tuesday night and set dozens of huts on fire."
                        + "\n\nThe district administrator, Paulo Nhaca, told reporters the raiders had come from the"
                        + " forest. His first estimate was that eight villagers had died.");
        assertThat(estimate.getClaims())
                .filteredOn(c -> Integer.valueOf(8).equals(c.getKilled()))
                .singleElement()
                .satisfies(c -> assertThat(c.getSpeaker()).isEqualTo("Paulo Nhaca"));
    }

    @Test
    void shouldReadTheStateForcesTellingTheirOwnStrikeAsAConfirmation() {
        ReportExtraction x = extract(
                "2024-03-11T09:00:00Z",
                "Jets bomb rebel depot near Tessalit",
                "BAMAKO (AFP) - Malian army jets bombed a rebel fuel depot near Tessalit on Sunday, residents said."
                        + "\n\nAn army spokesman, Colonel Oumar Dembele, said the aircraft had destroyed the depot and"
                        + " struck two pickup trucks parked beside it.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CONFIRMATION)
                .singleElement()
                .satisfies(c -> assertThat(c.getSpeaker() + " " + c.getSource().getName())
                        .contains("Dembele"));
    }

    @Test
    void shouldReadADefenceMinistrySayingItStruckAsAConfirmationButNotOneTellingStrikesOnItsSide() {
        ReportExtraction own = extract(
                "2024-03-11T09:00:00Z",
                "Warplanes strike hideouts in northern Iraq",
                "ERBIL (AFP) - Turkish warplanes struck hideouts near Amadiya in northern Iraq on Sunday,"
                        + " residents said.\n\nThe defence ministry said it had carried out the strikes on caves and"
                        + " depots used by the militants.");
        ReportExtraction told = extract(
                "2024-03-11T09:00:00Z",
                "Shells hit Tovuz homes",
                "BAKU (AFP) - Armenian artillery shelled houses in Tovuz on Sunday, the regional governor said."
                        + "\n\nThe defence ministry said the town had been shelled from positions across the border.");

        assertThat(own.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CONFIRMATION)
                .singleElement()
                .satisfies(c -> assertThat(c.getSource().getName()).containsIgnoringCase("defence ministry"));
        assertThat(told.getClaims()).noneMatch(c -> c.getKind() == ClaimKind.CONFIRMATION);
    }

    @Test
    void shouldReadTheStateForcesSayingWhatTheirStrikesWereForAsAConfirmationButNotAMinistrySayingIt() {
        ReportExtraction own = extract(
                "2024-03-11T09:00:00Z",
                "Jets strike rebel depot near Tessalit",
                "BAMAKO (AFP) - Malian army jets struck a rebel fuel depot near Tessalit on Sunday, killing four"
                        + " guards, residents said.\n\nThe Malian army said the strikes were intended to cut the"
                        + " rebels off from their supplies.");
        ReportExtraction told = extract(
                "2024-03-11T09:00:00Z",
                "Shells hit Tovuz homes",
                "BAKU (AFP) - Armenian artillery shelled houses in Tovuz on Sunday, the regional governor said."
                        + "\n\nThe defence ministry said the shelling was meant to drive villagers from the border.");

        assertThat(own.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CONFIRMATION)
                .singleElement()
                .satisfies(c -> assertThat(c.getSource().getName()).containsIgnoringCase("army"));
        assertThat(told.getClaims()).noneMatch(c -> c.getKind() == ClaimKind.CONFIRMATION);
    }

    @Test
    void shouldReadAPartySayingNoneOfAGroupWasHarmedAsADenialButNotNoOneKilled() {
        ReportExtraction group = extract(
                "2024-03-11T09:00:00Z",
                "Grenade hits market stall in Kisumu",
                "NAIROBI (AP) - A grenade thrown into a market stall in Kisumu on Sunday wounded seven traders,"
                        + " witnesses said.\n\nPolice spokesman Juma Okello told reporters that traders had been the"
                        + " target and that no police officer or guard had been harmed.");
        ReportExtraction nobody = extract(
                "2024-03-11T09:00:00Z",
                "Grenade hits market stall in Kisumu",
                "NAIROBI (AP) - A grenade thrown into a market stall in Kisumu on Sunday wounded seven traders,"
                        + " witnesses said.\n\nPolice spokesman Juma Okello told reporters that no one had been"
                        + " killed.");

        assertThat(group.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.DENIAL)
                .singleElement()
                .satisfies(c -> assertThat(c.getSpeaker() + " " + c.getSource().getName())
                        .contains("Okello"));
        assertThat(nobody.getClaims()).noneMatch(c -> c.getKind() == ClaimKind.DENIAL);
    }

    @Test
    void shouldNotReadTheStateForcesTellingAClashTheyFoughtAsAConfirmation() {
        ReportExtraction x = extract(
                "2024-03-11T09:00:00Z",
                "Soldiers and rebels clash near Tessalit",
                "BAMAKO (AFP) - Malian soldiers clashed with rebels near Tessalit on Sunday, residents said.\n\nA"
                        + " captain and a sergeant had died in the fighting, the army said.");

        assertThat(x.getClaims()).noneMatch(c -> c.getKind() == ClaimKind.CONFIRMATION);
    }

    @Test
    void shouldNotReadAnOfficialAcknowledgingTheGroupsClaimAsAConfirmation() {
        ReportExtraction x = extract(
                "2024-03-11T09:00:00Z",
                "Jihadists kill soldiers near Banikoara",
                "COTONOU (Reuters) - Jihadists killed 14 soldiers at a post near Banikoara on Friday, the army said."
                        + "\n\nThe militants said they had killed 30. Government spokesman Paul Adjovi acknowledged"
                        + " the militants' claim, saying the losses were heavy.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CONFIRMATION)
                .noneMatch(c -> String.valueOf(c.getSpeaker()).contains("Adjovi"));
    }

    @Test
    void shouldNotReadAGroupsRecordOfEarlierClaimsAsAConfirmationOfTheAttack() {
        ReportExtraction several = extract(
                "2024-03-11T09:00:00Z",
                "Gunmen kill six police near Dori",
                "OUAGADOUGOU (AFP) - Gunmen killed six police officers at a checkpoint near Dori on Monday, the"
                        + " security ministry said.\n\nNo group has claimed the attack. The Ansaroul Islam group has"
                        + " claimed several raids on police posts in the region in recent months.");
        ReportExtraction previously = extract(
                "2024-03-11T09:00:00Z",
                "Gunmen kill six police near Dori",
                "OUAGADOUGOU (AFP) - Gunmen killed six police officers at a checkpoint near Dori on Monday, the"
                        + " security ministry said.\n\nAnsaroul Islam has previously claimed attacks on police posts"
                        + " in the region.");

        assertThat(several.getClaims()).noneMatch(c -> c.getKind() == ClaimKind.CONFIRMATION);
        assertThat(previously.getClaims()).noneMatch(c -> c.getKind() == ClaimKind.CONFIRMATION);
    }

    @Test
    void shouldNotReadTheDenialOfALongStandingChargeAsADenialOfTheAttack() {
        ReportExtraction old = extract(
                "2024-03-11T09:00:00Z",
                "Border guards killed in clash near Arauquita",
                "BOGOTA (AFP) - Rebels killed three border guards near Arauquita on Sunday, the army said.\n\nThe"
                        + " government has long accused its neighbour of harbouring the rebels, a charge Caracas denies.");
        ReportExtraction fresh = extract(
                "2024-03-11T09:00:00Z",
                "Border guards killed in clash near Arauquita",
                "BOGOTA (AFP) - Rebels killed three border guards near Arauquita on Sunday, the army said.\n\nThe"
                        + " government accused its neighbour of harbouring the rebels, a charge Caracas denies.");

        assertThat(old.getClaims()).noneMatch(c -> c.getKind() == ClaimKind.DENIAL);
        assertThat(fresh.getClaims()).anyMatch(c -> c.getKind() == ClaimKind.DENIAL);
    }

    @Test
    void shouldGiveTheFigureToItsTellerAndTheDenialToWhoAnswersTheCharge() {
        ReportExtraction x = extract(
                "2024-09-16T14:00:00Z",
                "Militia accused of killing 26 in Ituri village",
                "BUNIA, DR Congo (Wire) - CODECO militiamen killed at least 26 villagers in an attack on Djugu on"
                        + " Sunday, rights workers said on Monday, a charge the militia denied.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .singleElement()
                .satisfies(c -> assertThat(c.getSource().getName()).isEqualTo("rights workers"));
        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.DENIAL)
                .singleElement()
                .satisfies(c -> assertThat(c.getSource().getName()).isEqualTo("CODECO"));
    }

    @Test
    void shouldNotKeepADescribedDenierThatLaterSentencesSpellOutAsNamedParties() {
        ReportExtraction x = extract(
                "2024-03-11T09:00:00Z",
                "Bomb kills four in Izmir market",
                "ANKARA (AP) - A bomb killed four people in a market in Izmir on Sunday, the governor said."
                        + " Kurdish groups strongly denied any connection.\n\nPolice detained 12 suspects overnight."
                        + "\n\nThe PKK denied involvement in a statement posted online.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.DENIAL)
                .extracting(c -> c.getSource().getName())
                .containsExactly("PKK");
    }

    @Test
    void shouldReadConfirmedToTheAgencyThatAsTellingNotAsAPartyConfirming() {
        ReportExtraction told = extract(
                "2024-03-11T09:00:00Z",
                "Rebels seize Rubare",
                "GOMA (AFP) - Rebels seized the town of Rubare in eastern Congo on Sunday after heavy fighting,"
                        + " residents said.\n\nA local administrator confirmed to AFP that the rebels had taken"
                        + " control of Rubare and two nearby villages.");
        ReportExtraction confirmed = extract(
                "2024-03-11T09:00:00Z",
                "Rebels seize Rubare",
                "GOMA (AFP) - Rebels seized the town of Rubare in eastern Congo on Sunday after heavy fighting,"
                        + " residents said.\n\nThe provincial governor confirmed the capture of Rubare.");

        assertThat(told.getClaims()).noneMatch(c -> c.getKind() == ClaimKind.CONFIRMATION);
        assertThat(confirmed.getClaims()).anyMatch(c -> c.getKind() == ClaimKind.CONFIRMATION);
    }

    @Test
    void shouldReadTheRejectedClaimsOfAGroupAsNoClaimOfResponsibilityByTheOneRejectingThem() {
        ReportExtraction x = extract(
                "2024-03-11T09:00:00Z",
                "Militants storm army post in Zhob",
                "QUETTA (AFP) - Militants stormed an army post in Zhob on Tuesday, killing four soldiers, the army"
                        + " said.\n\nThe Pakistani Taliban claimed the attack in a statement.\n\nThe army rejected"
                        + " the Taliban's claims and insisted the attack had been repulsed.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CONFIRMATION)
                .extracting(c -> c.getSource().getName())
                .containsExactly("Pakistani Taliban");
        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.DENIAL)
                .extracting(c -> c.getSource().getName())
                .containsExactly("Pakistani army");
    }

    @Test
    void shouldReadTheStateForcesTollOfTheirOwnOperationAsAFigureOnlyButAGroupsAsAConfirmationToo() {
        ReportExtraction forces = extract(
                "2024-03-11T09:00:00Z",
                "Troops kill 12 militants near Wana",
                "PESHAWAR (AFP) - The military said troops killed 12 militants in a raid on a hideout near Wana in"
                        + " South Waziristan on Monday night.");
        ReportExtraction group = extract(
                "2024-03-11T09:00:00Z",
                "Rebels ambush convoy near Hpakant",
                "YANGON (AFP) - The Kachin Independence Army said its fighters killed nine soldiers in an ambush on"
                        + " an army convoy near Hpakant on Monday.");

        assertThat(forces.getClaims()).noneMatch(c -> c.getKind() == ClaimKind.CONFIRMATION);
        assertThat(killedFigures(forces, "military")).containsExactly(12);
        assertThat(group.getClaims()).anyMatch(c -> c.getKind() == ClaimKind.CONFIRMATION);
    }

    @Test
    void shouldReadAPartySayingItLostNoFightersAsADenial() {
        ReportExtraction x = extract(
                "2024-03-11T09:00:00Z",
                "Army retakes Kombolcha after rebel pullout",
                "ADDIS ABABA (AFP) - Government troops retook the town of Kombolcha on Friday after rebel fighters"
                        + " pulled out overnight, residents said.\n\nThe Tigray People's Liberation Front said its"
                        + " fighters had crossed the river in good order and that it had lost no fighters in the"
                        + " withdrawal.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.DENIAL)
                .singleElement()
                .satisfies(c -> assertThat(c.getSource().getName()).contains("Tigray"));
    }

    @Test
    void shouldGiveAClaimByMembersOfAGangToTheGang() {
        ReportExtraction video = extract(
                "2024-03-11T09:00:00Z",
                "Gunmen kill 9 in Tlacotepec bar",
                "MEXICO CITY (AP) - Gunmen killed nine people in a bar in Tlacotepec in Guerrero state on Saturday,"
                        + " state prosecutors said.\n\nHours later, a video posted on social media showed men who"
                        + " identified themselves as members of the Rojos gang claiming responsibility for the"
                        + " killings.");
        ReportExtraction men = extract(
                "2024-03-11T09:00:00Z",
                "Gunmen kill 9 in Tlacotepec bar",
                "MEXICO CITY (AP) - Gunmen killed nine people in a bar in Tlacotepec in Guerrero state on Saturday,"
                        + " state prosecutors said.\n\nHours later, men who identified themselves as members of the"
                        + " Rojos gang claimed responsibility for the killings in a video posted on social media.");

        for (ReportExtraction x : java.util.List.of(video, men)) {
            assertThat(x.getClaims())
                    .filteredOn(c -> c.getKind() == ClaimKind.CONFIRMATION)
                    .singleElement()
                    .satisfies(c -> assertThat(c.getSource().getName()).contains("Rojos"));
        }
    }

    @Test
    void shouldReadALeaderSayingOurForcesHaveTakenOverTheTownAsAConfirmation() {
        ReportExtraction x = extract(
                "2024-03-11T09:00:00Z",
                "Army says it has retaken Anefis",
                "BAMAKO (AFP) - Malian troops retook the town of Anefis from separatist rebels on Monday, residents"
                        + " said.\n\n\"This morning our brave soldiers and gendarmes have taken over Anefis,\" interim"
                        + " president Colonel Amadou Keita wrote on X.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CONFIRMATION)
                .singleElement()
                .satisfies(c -> assertThat(c.getSpeaker()).isEqualTo("Amadou Keita"));
    }

    @Test
    void shouldGiveTheClauseAfterAndItsOwnKnownSourceAndKeepAFieldsAuthoritiesForThatField() {
        ReportExtraction x = extract(
                "2024-08-20T09:00:00Z",
                "Nine killed in Oruro prison riot",
                "LA PAZ (EFE) - Nine inmates were killed on Monday in a riot at the prison of Oruro, the prosecutor's"
                        + " office said.\n\nEarlier the prosecutor's office had confirmed six deaths in the riot, and"
                        + " departmental health authorities said at least 27 people had been injured.\n\nThe office"
                        + " also reported an escape attempt during the night.");

        assertThat(x.getClaims())
                .filteredOn(c -> Integer.valueOf(27).equals(c.getInjured()))
                .singleElement()
                .satisfies(c -> assertThat(c.getSource().getName()).contains("health authorities"));
        assertThat(x.getClaims())
                .filteredOn(c -> Integer.valueOf(6).equals(c.getKilled()))
                .singleElement()
                .satisfies(c -> assertThat(c.getInjured()).isNull());
    }

    @Test
    void shouldGiveTheFigureToTheSubjectOfAPassiveQuotedAsSaying() {
        ReportExtraction x = extract(
                "2024-10-03T11:00:00Z",
                "Shelling kills 14 in border district",
                "ISLAMABAD, Oct. 3 (Xinhua) -- Cross-border shelling on a village in the Kurram district on Wednesday"
                        + " killed 14 people, a district official was quoted as saying by the state news agency.");

        assertThat(killedFigures(x, "official")).containsExactly(14);
    }

    @Test
    void shouldLetLeadersWhoGaveATollStandForThePersonNamedNextWithTheSameToll() {
        ReportExtraction x = extract(
                "2024-09-14T10:00:00Z",
                "Gunmen kill 11 hunters in Adamawa",
                "YOLA, Nigeria (AFP) - Gunmen attacked a camp of local hunters near Mubi on Friday night, killing at"
                        + " least 11 people, vigilante leaders said.\n\n\"Eleven of our men were killed when the gunmen"
                        + " opened fire,\" said Musa Garba, head of a hunters' association in Mubi district.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.getKilled()).isEqualTo(11);
                    assertThat(c.getSpeaker()).isEqualTo("Musa Garba");
                });
    }

    @Test
    void shouldReadABareBodyWordAsTheOneBodyOfThatKindTheReportNamesInFull() {
        ReportExtraction x = extract(
                "2024-11-08T16:00:00Z",
                "Bomb kills four at Kismayo market",
                "WASHINGTON (VOA) - A bomb hidden in a vegetable cart exploded at a market in Kismayo on Thursday,"
                        + " killing at least four people, a police spokesman told VOA.\n\nTraders said the market had"
                        + " reopened only a week ago.\n\nJubaland police spokesman Abdi Warsame Yusuf told reporters"
                        + " that four people had been killed and nine wounded.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.FIGURE)
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.getKilled()).isEqualTo(4);
                    assertThat(c.getInjured()).isEqualTo(9);
                });
    }

    @Test
    void shouldGiveAStateForcesStatementTheOfficerOfAUnitNamedNext() {
        ReportExtraction x = extract(
                "2024-06-10T09:00:00Z",
                "Rebels kill nine soldiers in Arauca ambush",
                "BOGOTA (AFP) - ELN rebels killed nine soldiers in an ambush near Saravena in Arauca on Sunday, the army"
                        + " said. The patrol had been clearing mines on a rural road, it said.\n\nBrig. Gen. Mateo"
                        + " Salcedo, who heads Joint Task Force Quiron, said troops had clashed with the rebels at dawn"
                        + " near a rural school.");

        assertThat(x.getClaims())
                .filteredOn(c -> Integer.valueOf(9).equals(c.getKilled()))
                .singleElement()
                .satisfies(c -> assertThat(c.getSpeaker()).isEqualTo("Mateo Salcedo"));
    }

    @Test
    void shouldNotTakeWhatWasSaidAfterSaidTheForASpeakerWhenTheSubjectStandsBeforeTheVerb() {
        ReportExtraction x = extract(
                "2024-06-12T09:00:00Z",
                "Gunmen kill six soldiers in Cauca",
                "POPAYAN, Colombia (AFP) - Dissident guerrillas killed six soldiers at a checkpoint in Cauca on"
                        + " Tuesday, the army said.\n\nGeneral Ramiro Olaya, who heads the Third Division, said the"
                        + " ambush began shortly before midnight near a bridge.");

        assertThat(x.getClaims())
                .filteredOn(c -> Integer.valueOf(6).equals(c.getKilled()))
                .singleElement()
                .satisfies(c -> assertThat(c.getSpeaker()).isEqualTo("Ramiro Olaya"));
    }

    @Test
    void shouldReadRejectingWhatItCalledFalseAllegationsAsADenial() {
        ReportExtraction x = extract(
                "2024-03-11T09:00:00Z",
                "Drone strike hits Ber market",
                "BAMAKO (AFP) - A drone strike hit a market in Ber in northern Mali on Sunday, killing 11 people, local"
                        + " officials said.\n\nThe Malian army said it had targeted a rebel position. It rejected what"
                        + " it called \"false allegations\" of civilian deaths.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.DENIAL)
                .singleElement()
                .satisfies(c -> assertThat(c.getSource().getName()).contains("army"));
    }

    @Test
    void shouldGiveTheDenialInARelativeClauseToTheOneItNames() {
        ReportExtraction x = extract(
                "2024-03-11T09:00:00Z",
                "Gunmen fire on pilgrims' bus near Reasi",
                "SRINAGAR (AP) - Gunmen fired on a bus carrying pilgrims near Reasi on Sunday, killing six people,"
                        + " police said.\n\nPolice said they suspected fighters of Lashkar-e-Taiba were behind the"
                        + " attack, which the group's affiliate The Resistance Front denied.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.DENIAL)
                .singleElement()
                .satisfies(c -> assertThat(c.getSource().getName()).contains("Resistance Front"));
    }

    @Test
    void shouldGiveAClaimOfResponsibilityToTheSubjectBeforeAnApposition() {
        ReportExtraction x = extract(
                "2024-03-11T09:00:00Z",
                "Bomb kills seven in Jalalabad market",
                "KABUL (Xinhua) - A bomb killed seven people in a market in Jalalabad on Tuesday, police said.\n\nThe"
                        + " Islamic State Khorasan Province (ISKP), the regional branch of the Islamic State (IS)"
                        + " group, claimed responsibility for the attack in a statement released late Tuesday.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CONFIRMATION)
                .singleElement()
                .satisfies(c -> assertThat(c.getSource().getName()).contains("Khorasan"));
    }

    @Test
    void shouldConfirmEveryTownOfOneStrikeOnCoordinatedSitesThatAPartyClaims() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Rebels claim rocket attacks on two airports",
                "ADDIS ABABA (Reuters) - The Oromo Liberation Army claimed responsibility on Saturday for rocket"
                        + " attacks on the airports of Dessie and Kombolcha late on Friday.");

        assertThat(x.getIncidents()).hasSize(2);
        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CONFIRMATION)
                .extracting(Claim::getMentionId)
                .containsExactlyInAnyOrderElementsOf(x.getIncidents().stream()
                        .map(org.wirewatch.schema.IncidentMention::getMentionId)
                        .toList());
    }

    @Test
    void shouldReadAnOrdinalVictimWhoDiedAsTheTellersCountOfTheDead() {
        String lead = "NAIROBI (AFP) - A grenade blast wounded 30 people at a bus stop in Wajir on Monday, police"
                + " said.\n\n";
        ReportExtraction third = extract(
                "2024-05-20T09:00:00Z",
                "Grenade blast at Wajir bus stop",
                lead + "A third victim of the blast died in hospital overnight, the county commissioner, Hassan"
                        + " Abdi, said.");
        ReportExtraction fraction = extract(
                "2024-05-20T09:00:00Z",
                "Grenade blast at Wajir bus stop",
                lead + "A fifth of the victims were schoolchildren, the county commissioner, Hassan Abdi, said.");

        assertThat(killedFigures(third, "commissioner")).containsExactly(3);
        assertThat(killedFigures(fraction, "commissioner")).isEmpty();
    }

    @Test
    void shouldConfirmTheAttacksAClaimCountsBeyondTheIncidentsThatTellThem() {
        String lead = "DAKAR (AFP) - Gunmen attacked two army posts near Kidira on Tuesday, killing nine soldiers, the"
                + " army said.\n\n";
        ReportExtraction both = extract(
                "2024-05-20T09:00:00Z",
                "Jihadists attack two army posts",
                lead + "Both attacks were claimed by the Group for the Support of Islam and Muslims (JNIM).");
        ReportExtraction uncounted = extract(
                "2024-05-20T09:00:00Z",
                "Jihadists attack two army posts",
                lead + "The Group for the Support of Islam and Muslims (JNIM) claimed the attacks, which also killed"
                        + " both drivers of a supply truck.");

        assertThat(both.getIncidents()).hasSize(1);
        assertThat(both.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CONFIRMATION)
                .extracting(Claim::getMentionId)
                .containsExactlyInAnyOrder(both.getIncidents().get(0).getMentionId(), null);
        assertThat(uncounted.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CONFIRMATION)
                .singleElement()
                .satisfies(c -> assertThat(c.getMentionId()).isNotNull());
        ReportExtraction year = extract(
                "2024-05-20T09:00:00Z",
                "Jihadists attack two army posts",
                lead + "The Group for the Support of Islam and Muslims (JNIM), which carried out the 2019 attacks on"
                        + " Boulkessi, claimed the raid.");
        assertThat(year.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CONFIRMATION)
                .noneMatch(c -> c.getMentionId() == null);
    }

    @Test
    void shouldLeaveAClaimOfAnAttackOnAnotherDayOutOfTheIncidentItsSentenceFollows() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Bomber kills 14 at Quetta mosque",
                "QUETTA (AFP) - A suicide bomber killed 14 people at a mosque in Quetta on Friday, police said.\n\n"
                        + "Jundullah claimed the bombing in a call to AFP.\n\nThe group has previously claimed attacks"
                        + " on pilgrims in Mastung, and said it was behind the killing of nine engineers at a dam"
                        + " site in Chitral in March.");

        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CONFIRMATION)
                .extracting(Claim::getMentionId)
                .containsExactlyInAnyOrder(x.getIncidents().get(0).getMentionId(), null);

        ReportExtraction nextDay = extract(
                "2024-05-20T09:00:00Z",
                "Bomber kills 14 at Quetta mosque",
                "QUETTA (AFP) - A suicide bomber killed 14 people at a mosque in Quetta on Friday, police said.\n\n"
                        + "Jundullah claimed the attack on Saturday in a call to AFP.");
        assertThat(nextDay.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CONFIRMATION)
                .singleElement()
                .satisfies(c -> assertThat(c.getMentionId())
                        .isEqualTo(nextDay.getIncidents().get(0).getMentionId()));
    }

    @Test
    void shouldGiveAClaimOfResponsibilityToTheIncidentOfTheTownItNames() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Bombs kill 20 in two Iraqi towns",
                "BAGHDAD (Reuters) - A car bomb killed 14 people at a market in Baquba on Thursday, police said.\n\n"
                        + "Elsewhere, a suicide bomber killed six soldiers at a checkpoint in Samarra on Thursday, army"
                        + " officials said.\n\nIslamic State claimed responsibility for the Samarra bombing in a"
                        + " statement on its Amaq news agency.");

        assertThat(x.getIncidents()).hasSize(2);
        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CONFIRMATION)
                .singleElement()
                .satisfies(c -> assertThat(c.getMentionId())
                        .isEqualTo(x.getIncidents().get(1).getMentionId()));
    }

    @Test
    void shouldGiveTheTellerAtTheEndOfATwoTollSentenceBothTolls() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Protesters killed in Iraq",
                "BAGHDAD (Reuters) - Iraqi security forces shot dead at least 14 protesters on Thursday in a day of"
                        + " unrest across the country.\n\nFive people were killed in Kut, where police fired live"
                        + " ammunition at protesters near a bridge, and nine died in clashes in Amarah, medical sources"
                        + " said.");

        assertThat(killedFigures(x, "medical")).containsExactly(5, 9);
    }

    @Test
    void shouldEndTheClaimantOfAnAttackClaimedByAPartyWhereTheSceneBegins() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Bomb kills 11 in Kabul minibus",
                "KABUL (Xinhua) - At least 11 people were killed when a bomb ripped through a minibus in Kabul on"
                        + " Wednesday, police said.\n\nIn March, a suicide bombing claimed by ISKP outside a bank in"
                        + " the southern city of Kandahar killed 21 people.");

        assertThat(x.getIncidents()).hasSize(2);
        assertThat(x.getClaims())
                .filteredOn(c -> c.getKind() == ClaimKind.CONFIRMATION)
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.getSource().getName()).contains("ISKP");
                    assertThat(c.getMentionId())
                            .isEqualTo(x.getIncidents().get(1).getMentionId());
                });
    }

    @Test
    void shouldReadAVagueTollAsARunningTotalOnlyOverAPeriod() {
        ReportExtraction summary = extract(
                "2024-05-20T09:00:00Z",
                "Drone strikes kill dozens in Oromia towns",
                "NAIROBI (BBC) - Dozens of civilians have been killed in drone strikes on towns in Ethiopia's Oromia"
                        + " region, residents say, as fighting goes on between federal forces and rebels.\n\nA resident"
                        + " of Nekemte said a drone hit a market on Sunday. At least 12 people were killed, he said.");
        ReportExtraction period = extract(
                "2024-05-20T09:00:00Z",
                "Drone strike kills 12 in Nekemte",
                "NAIROBI (BBC) - A drone hit a market in Nekemte on Sunday, killing at least 12 people, a resident"
                        + " said.\n\nThe Ethiopian Human Rights Commission has reported dozens of civilians killed in"
                        + " drone strikes since the offensive began in the region.");

        assertThat(summary.getClaims()).noneMatch(c -> c.getKind() == ClaimKind.CUMULATIVE);
        assertThat(period.getClaims()).anyMatch(c -> c.getKind() == ClaimKind.CUMULATIVE);
    }
}
