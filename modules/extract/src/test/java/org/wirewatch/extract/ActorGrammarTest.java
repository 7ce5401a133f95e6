package org.wirewatch.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirewatch.extract.Corpus.extract;

import org.junit.jupiter.api.Test;
import org.wirewatch.schema.IncidentMention;
import org.wirewatch.schema.ReportExtraction;

/**
 * How wire copy names who did it, one test per construction, each on sentences written for the test: the group
 * named only after the lead, ...
 */
class ActorGrammarTest {

    @Test
    void shouldTakeTheNamedGroupThatActsInALaterSentenceWhenTheLeadOnlyDescribesIt() {
        ReportExtraction x = extract(
                "2024-06-09T12:00:00Z",
                "Raid on farming village leaves 14 dead",
                "KHARTOUM (AFP) - Paramilitaries killed 14 people in a raid on a farming village east of the capital,"
                        + " a medical group said on Sunday.\n\nThe Rapid Support Forces stormed the village of Wad Habib"
                        + " on Saturday evening and looted the market, according to residents.");

        IncidentMention raid = x.getIncidents().get(0);
        assertThat(raid.getActor()).isNotNull();
        assertThat(raid.getActor().getName()).isEqualTo("Rapid Support Forces (RSF)");
    }

    @Test
    void shouldTakeTheSubjectOfAKillingToldByItsManner() {
        ReportExtraction x = extract(
                "2024-02-12T09:00:00Z",
                "Villagers killed in Kasai",
                "KANANGA, DR Congo (AFP) - Gunmen hacked to death seven villagers near Kananga on Sunday, the"
                        + " provincial governor said.");

        IncidentMention raid = x.getIncidents().get(0);
        assertThat(raid.getActor()).isNotNull();
        assertThat(raid.getActor().getName()).isEqualTo("gunmen");
    }

    @Test
    void shouldTakeTheSubjectOfTheEntryThatOpensAShooting() {
        ReportExtraction x = extract(
                "2024-09-16T14:00:00Z",
                "Nine killed in shooting at Celaya restaurant",
                "CELAYA, Mexico (Wire) - Gunmen burst into a restaurant in the city of Celaya in Guanajuato state late"
                        + " Saturday and opened fire, killing nine diners, local authorities said on Sunday.");

        IncidentMention shooting = x.getIncidents().get(0);
        assertThat(shooting.getActor()).isNotNull();
        assertThat(shooting.getActor().getName()).isEqualTo("gunmen");
    }

    @Test
    void shouldNotTakeAGroupThatALaterSentenceSaysDidNotAct() {
        ReportExtraction x = extract(
                "2024-06-09T12:00:00Z",
                "Raid on farming village leaves 14 dead",
                "KHARTOUM (AFP) - Paramilitaries killed 14 people in a raid on a farming village east of the capital,"
                        + " a medical group said on Sunday.\n\nThe army denied that the Rapid Support Forces stormed"
                        + " the village of Wad Habib on Saturday evening.");

        IncidentMention raid = x.getIncidents().get(0);
        assertThat(raid.getActor() == null ? null : raid.getActor().getName())
                .isNotEqualTo("Rapid Support Forces (RSF)");
    }

    @Test
    void shouldNotTakeASourceWhoseAttributionClosesAClauseForTheAttacker() {
        ReportExtraction x = extract(
                "2024-06-09T12:00:00Z",
                "Two attacks on army posts",
                "NIAMEY (AFP) - Suspected jihadists killed six soldiers near the border with Mali on Saturday, the army"
                        + " said, and three more soldiers died in a second attack on Sunday.");

        IncidentMention first = x.getIncidents().get(0);
        assertThat(first.getActor().getName()).isEqualTo("jihadists");
        assertThat(first.getActor().getQualifier()).isEqualTo("suspected");
    }

    @Test
    void shouldTakeAGroupNamedBeforeItsAttackerNounAndViolentVerb() {
        ReportExtraction x = extract(
                "2024-03-15T12:00:00Z",
                "Bomber hits market in Baidoa",
                "MOGADISHU (Reuters) - A blast at a market in Baidoa on Friday killed seven people, a regional official"
                        + " said.\n\nA witness said an al-Shabaab suicide bomber attacked the stalls near the bus station.");

        IncidentMention blast = x.getIncidents().get(0);
        assertThat(blast.getActor()).isNotNull();
        assertThat(blast.getActor().getName()).isEqualTo("al-Shabaab");
    }

    @Test
    void shouldNotTakeThePartyThatFoiledAnAttackForItsAuthor() {
        ReportExtraction x = extract(
                "2024-03-15T12:00:00Z",
                "Checkpoint bombing foiled in Kismayo",
                "MOGADISHU (Reuters) - Soldiers foiled a car bomb attack on a checkpoint in Kismayo on Thursday, killing"
                        + " the driver, officials said.");

        IncidentMention foiled = x.getIncidents().get(0);
        assertThat(foiled.getActor() == null ? null : foiled.getActor().getName())
                .isNotEqualTo("Somali army");
    }

    @Test
    void shouldTakeACountedPartyForTheVictimsEvenWhenTheFigureIsInterrupted() {
        ReportExtraction x = extract(
                "2024-03-15T12:00:00Z",
                "Nine policemen dead in assault on station",
                "KADUNA, Nigeria (Reuters) - The state commissioner said on Friday that 9 policemen, two inspectors among"
                        + " them, and at least six attackers had died after bandits stormed a police station in Birnin Gwari"
                        + " overnight.");

        IncidentMention assault = x.getIncidents().get(0);
        assertThat(assault.getActor()).isNotNull();
        assertThat(assault.getActor().getName()).isEqualTo("bandits");
    }

    @Test
    void shouldNotTakeAForceThatHelpedBeatBackAnAssaultForItsAuthor() {
        ReportExtraction x = extract(
                "2024-03-15T12:00:00Z",
                "Soldiers and villagers repel dawn raid on market town",
                "MAIDUGURI, Nigeria (Reuters) - Villagers took up arms alongside soldiers on Sunday to beat back a dawn"
                        + " assault on their market town, killing 11 of the attackers, a local official said.");

        IncidentMention raid = x.getIncidents().get(0);
        assertThat(raid.getActor() == null ? null : raid.getActor().getName())
                .isNotEqualTo("government forces")
                .isNotEqualTo("Nigerian army");
    }

    @Test
    void shouldTakeThePartyWhoseLeaderSaysHisMenCarriedOutTheAttack() {
        ReportExtraction x = extract(
                "2024-03-15T12:00:00Z",
                "Shelling of market kills nine in South Sudan",
                "JUBA (Reuters) - Shells struck a market in the South Sudanese town of Yei on Monday, killing nine"
                        + " people, a local official said.\n\nThomas Lokwe, leader of the National Salvation Front, said"
                        + " on Tuesday that his fighters had shelled the town because government troops were massing"
                        + " there.");

        IncidentMention shelling = x.getIncidents().get(0);
        assertThat(shelling.getActor()).isNotNull();
        assertThat(shelling.getActor().getName()).isEqualTo("National Salvation Front");
    }

    @Test
    void shouldNotTakeThePartyWhoseLeaderSaysHisMenHadNoPartInTheAttack() {
        ReportExtraction x = extract(
                "2024-03-15T12:00:00Z",
                "Shelling of market kills nine in South Sudan",
                "JUBA (Reuters) - Shells struck a market in the South Sudanese town of Yei on Monday, killing nine"
                        + " people, a local official said.\n\nThomas Lokwe, leader of the National Salvation Front, said"
                        + " on Tuesday that his fighters had not shelled the town.");

        IncidentMention shelling = x.getIncidents().get(0);
        assertThat(shelling.getActor() == null ? null : shelling.getActor().getName())
                .isNotEqualTo("National Salvation Front");
    }

    @Test
    void shouldTakeTheGangALaterSentenceNamesOverAnUnnamedDrugGangInTheHeadline() {
        ReportExtraction x = extract(
                "2024-03-15T12:00:00Z",
                "Drug gang kills 12 at rural bar",
                "MORELIA, Mexico (AP) - Gunmen burst into a bar in the Mexican state of Michoacan late on Saturday and"
                        + " opened fire, killing 12 people, state prosecutors said.\n\nThe Rio Verde gang claimed"
                        + " responsibility for the shooting in banners left near the bar.");

        IncidentMention shooting = x.getIncidents().get(0);
        assertThat(shooting.getActor()).isNotNull();
        assertThat(shooting.getActor().getName()).isEqualTo("Rio Verde gang");
    }

    @Test
    void shouldNotTakeThePartyWhoseSpokesmanTellsOfTheAttackForItsAuthor() {
        ReportExtraction x = extract(
                "2024-03-15T12:00:00Z",
                "Night raid on Cite Soleil leaves nine dead",
                "PORT-AU-PRINCE, Haiti (AP) - Marie Joseph, a spokeswoman for the Haitian National Police, said nine"
                        + " people were killed when armed men raided homes in Cite Soleil overnight.");

        IncidentMention raid = x.getIncidents().get(0);
        assertThat(raid.getActor() == null ? null : raid.getActor().getName()).isNotEqualTo("Haitian police");
    }

    @Test
    void shouldTakeBothSidesOfAFightToldAsANounBetweenTwoParties() {
        ReportExtraction x = extract(
                "2024-03-15T12:00:00Z",
                "Clashes in eastern Congo leave 19 dead",
                "GOMA (Reuters) - At least 19 people were killed on Tuesday in Masisi territory, local officials said."
                        + "\n\nThe fighting between M23 rebels and CODECO militiamen began at dawn near a market.");

        IncidentMention clash = x.getIncidents().get(0);
        assertThat(clash.getActor()).isNotNull();
        assertThat(clash.getActor().getName()).isEqualTo("M23 and CODECO");
    }

    @Test
    void shouldTakeTheSideOfAFightTheReportNamesOverTheUnnamedOneOfTheLead() {
        ReportExtraction x = extract(
                "2024-03-15T12:00:00Z",
                "Gang violence in port city jail leaves 31 dead",
                "QUITO (Reuters) - At least 31 inmates died on Sunday in a riot at the main jail of the port city of"
                        + " Esmeraldas, prison officials said.\n\nThe violence broke out shortly after midnight between"
                        + " members of the rival Rio Verde and Los Lobos gangs, a guard said.");

        IncidentMention riot = x.getIncidents().get(0);
        assertThat(riot.getActor()).isNotNull();
        assertThat(riot.getActor().getName()).contains("gang");
    }

    @Test
    void shouldTakeTheGroupSeenClaimingResponsibilityOverTheGunmenOfTheLead() {
        ReportExtraction x = extract(
                "2024-01-07T12:00:00Z",
                "Nine shot dead at Mexican cockfight",
                "CULIACAN, Mexico (AP) - Gunmen shot dead nine people at a cockfight in a village in Sinaloa state on"
                        + " Saturday night, prosecutors said.\n\nHours later, a banner signed by members of the Los"
                        + " Halcones cartel appeared on a bridge, claiming responsibility for the mass shooting.");

        IncidentMention shooting = x.getIncidents().get(0);
        assertThat(shooting.getActor()).isNotNull();
        assertThat(shooting.getActor().getName()).isEqualTo("Los Halcones cartel");
    }

    @Test
    void shouldTakeAPartyDescribedBetweenItAndItsViolentVerbInALaterSentence() {
        ReportExtraction x = extract(
                "2024-01-10T12:00:00Z",
                "Gunmen kill 14 in raids on Sokoto hamlets",
                "SOKOTO, Nigeria (Reuters) - Gunmen killed 14 people in overnight raids on two hamlets in Sokoto state,"
                        + " police said on Tuesday.\n\nA police spokesman said bandits riding motorcycles attacked the"
                        + " hamlets shortly after midnight and set fire to granaries.");

        IncidentMention raids = x.getIncidents().get(0);
        assertThat(raids.getActor()).isNotNull();
        assertThat(raids.getActor().getName()).isEqualTo("bandits");
    }

    @Test
    void shouldTakeTheOneGangTheReportNamesForSuspectedGangMembers() {
        ReportExtraction x = extract(
                "2024-01-10T12:00:00Z",
                "Police and residents repel assault on Kenscoff",
                "PORT-AU-PRINCE, Haiti (AP) - Police and residents beat back an assault on the hillside district of"
                        + " Kenscoff on Tuesday, killing 15 of the attackers, a police spokesman said.\n\nThe leader of"
                        + " the Ti Zorro gang had threatened the district in a video posted last week.\n\nWitnesses said"
                        + " the assault began at dawn when a bus packed with suspected gang members drove up the main road.");

        IncidentMention assault = x.getIncidents().get(0);
        assertThat(assault.getActor()).isNotNull();
        assertThat(assault.getActor().getName()).isEqualTo("Ti Zorro gang");
        assertThat(assault.getActor().getQualifier()).isEqualTo("suspected");
    }

    @Test
    void shouldKeepUnnamedGangsWhenTheReportNamesTwoGangs() {
        ReportExtraction x = extract(
                "2024-01-10T12:00:00Z",
                "Police and residents repel assault on Kenscoff",
                "PORT-AU-PRINCE, Haiti (AP) - Police and residents beat back an assault on the hillside district of"
                        + " Kenscoff on Tuesday, killing 15 of the attackers, a police spokesman said.\n\nThe Ti Zorro"
                        + " gang and the Bwa Kale gang have fought over the road for months.\n\nWitnesses said the"
                        + " assault began at dawn when a bus packed with suspected gang members drove up the main road.");

        IncidentMention assault = x.getIncidents().get(0);
        assertThat(assault.getActor()).isNotNull();
        assertThat(assault.getActor().getName()).isEqualTo("gangs");
    }

    @Test
    void shouldTakeAGroupWrittenRightBeforeTheAttackWordForItsAuthor() {
        ReportExtraction x = extract(
                "2024-01-06T12:00:00Z",
                "Six police killed in Baidoa raid",
                "MOGADISHU (Reuters) - Gunmen stormed a police post in Baidoa on Friday and killed six officers, a police"
                        + " spokesman said.\n\nThe raid came a day after soldiers foiled an al Shabaab suicide attack on"
                        + " a hotel in Kismayo, killing the driver of the car.");

        IncidentMention foiled = x.getIncidents().stream()
                .filter(i -> "Kismayo".equals(i.getLocation().getPlace()))
                .findFirst()
                .orElseThrow();
        assertThat(foiled.getActor()).isNotNull();
        assertThat(foiled.getActor().getName()).isEqualTo("al-Shabaab");
    }

    @Test
    void shouldTakeTheGroupTheReportNamedForAnAttackByTheGroup() {
        ReportExtraction x = extract(
                "2024-01-06T12:00:00Z",
                "Nine soldiers killed in ambush near Jowhar",
                "MOGADISHU (Anadolu) - Al-Shabaab militants ambushed an army convoy near Jowhar on Friday, killing nine"
                        + " soldiers, an officer said.\n\nOn Tuesday, a roadside bombing by the group in the town of"
                        + " Balcad killed four traders.");

        IncidentMention bombing = x.getIncidents().stream()
                .filter(i -> "Balcad".equals(i.getLocation().getPlace()))
                .findFirst()
                .orElseThrow();
        assertThat(bombing.getActor()).isNotNull();
        assertThat(bombing.getActor().getName()).isEqualTo("al-Shabaab");
    }

    @Test
    void shouldNameTheInsurgencyTheOfficialsCallTerroristsByTheReportsCountry() {
        ReportExtraction mozambique = extract(
                "2024-01-09T12:00:00Z",
                "Mozambique: terrorists kill seven in Macomia",
                "MAPUTO (Lusa) - Terrorists killed seven villagers in an overnight raid on a village in Macomia district,"
                        + " in Cabo Delgado province, local sources said on Monday.");
        ReportExtraction thailand = extract(
                "2024-01-08T12:00:00Z",
                "Roadside bomb kills two rangers in Yala",
                "YALA, Thailand (Bangkok Post) - A roadside bomb killed two rangers on patrol in Bannang Sata district of"
                        + " Yala province on Sunday morning.\n\nA district official blamed 'terrorists' for the blast.");

        assertThat(mozambique.getIncidents().get(0).getActor().getName())
                .isEqualTo("Islamist insurgents (Ansar al-Sunna)");
        assertThat(thailand.getIncidents().get(0).getActor()).isNotNull();
        assertThat(thailand.getIncidents().get(0).getActor().getName()).isEqualTo("separatist insurgents");
    }

    @Test
    void shouldKeepTheOfficialsWordTerroristsWhereNoInsurgencyIsKnownForTheCountry() {
        ReportExtraction x = extract(
                "2024-01-09T12:00:00Z",
                "Terrorists kill five farmers in Borno",
                "MAIDUGURI, Nigeria (Reuters) - Terrorists killed five farmers in their fields near the town of Bama on"
                        + " Monday, a local official said.");

        assertThat(x.getIncidents().get(0).getActor().getName()).isEqualTo("terrorists");
    }

    @Test
    void shouldNameAStatesForcesWithTheStateItselfAsAnalystsNameEither() {
        ReportExtraction strike = extract(
                "2024-01-09T12:00:00Z",
                "Strike on Damascus suburb kills five",
                "BEIRUT (AFP) - An Israeli strike on a building in the Damascus suburb of Qudsaya killed five people on"
                        + " Monday, a war monitor said.");
        ReportExtraction raid = extract(
                "2024-01-09T12:00:00Z",
                "Air strikes hit Sagaing villages",
                "CHIANG MAI (Reuters) - Myanmar junta jets bombed two villages in Sagaing region on Sunday, killing"
                        + " eleven people, residents said.");

        assertThat(strike.getIncidents().get(0).getActor().getName()).isEqualTo("Israeli military (Israel)");
        assertThat(raid.getIncidents().get(0).getActor().getName()).isEqualTo("Myanmar military");
    }

    @Test
    void shouldTakeTheCountrysPoliceForDeathsAtAProtestWhenNoForceIsNamed() {
        ReportExtraction x = extract(
                "2024-01-09T12:00:00Z",
                "Four killed at Tamale fuel protest",
                "ACCRA (Reuters) - Four people were killed on Monday at a protest against fuel prices in the northern city"
                        + " of Tamale, a rights group said.");

        IncidentMention protest = x.getIncidents().get(0);
        assertThat(protest.getActor()).isNotNull();
        assertThat(protest.getActor().getName()).isEqualTo("Ghanaian police");
    }

    @Test
    void shouldTakeTheProtestersForAViolentDemonstration() {
        ReportExtraction x = extract(
                "2024-01-10T12:00:00Z",
                "Protesters ransack governor's office in Gafsa",
                "TUNIS (AFP) - Protesters angry at water cuts ransacked the governor's office in Gafsa on Tuesday and set"
                        + " fire to two cars, witnesses said.");

        IncidentMention riot = x.getIncidents().get(0);
        assertThat(riot.getActor()).isNotNull();
        assertThat(riot.getActor().getName()).isEqualTo("protesters");
    }

    @Test
    void shouldNotTakeThePartyThatSaysAnotherPartyStruckForTheAttacker() {
        ReportExtraction x = extract(
                "2024-01-05T12:00:00Z",
                "Drone strike on silo kills four",
                "QAMISHLI, Syria (AFP) - The Syrian Democratic Forces said Turkish drones had struck a grain silo near"
                        + " Amuda on Thursday, killing four workers.");

        assertThat(x.getIncidents().get(0).getActor().getName()).isEqualTo("Turkish military (Turkey)");
    }

    @Test
    void shouldKeepThePartyThatSaysItStruckWhenNoOtherPartyActs() {
        ReportExtraction x = extract(
                "2024-01-06T12:00:00Z",
                "Army says 20 militants killed near Jilib",
                "MOGADISHU (Reuters) - The Somali army said it had killed 20 al Shabaab fighters in an operation near"
                        + " Jilib on Friday.");

        assertThat(x.getIncidents().get(0).getActor().getName()).isEqualTo("Somali army (Somalia)");
    }

    @Test
    void shouldTakeThePartySaidToHaveLaidTheMinesOfABlastThatNamesNoAttacker() {
        ReportExtraction x = extract(
                "2024-01-10T12:00:00Z",
                "Landmine kills tractor driver near Balakliia",
                "KHARKIV, Ukraine (Reuters) - A tractor driver was killed when his tractor hit a landmine in a field near"
                        + " Balakliia on Tuesday, regional officials said.\n\nOfficials said the fields around the town"
                        + " had been mined by Russian forces during the occupation.");

        IncidentMention blast = x.getIncidents().get(0);
        assertThat(blast.getActor()).isNotNull();
        assertThat(blast.getActor().getName()).isEqualTo("Russian forces (Russia)");
        assertThat(blast.getActor().getQualifier()).isEqualTo("alleged");
    }

    @Test
    void shouldTakeTheStateThatDeniesInvolvementForTheAllegedAuthorOfAnUnattributedStrike() {
        String lead = "BEIRUT (Reuters) - Warplanes bombed a market in the town of Sarmada in Syria's Idlib province on"
                + " Sunday, killing 12 people, a war monitor said.";
        ReportExtraction denied = extract(
                "2024-01-08T12:00:00Z",
                "Air raid on Idlib market kills 12",
                lead + "\n\nRussia's defence ministry denied any involvement in the raid.");
        ReportExtraction silent = extract("2024-01-08T12:00:00Z", "Air raid on Idlib market kills 12", lead);

        assertThat(denied.getIncidents().get(0).getActor().getName()).isEqualTo("Russian forces (Russia)");
        assertThat(denied.getIncidents().get(0).getActor().getQualifier()).isEqualTo("alleged");
        assertThat(silent.getIncidents().get(0).getActor().getName()).isEqualTo("Syrian regime forces (Syria)");
    }

    @Test
    void shouldNotTakeThePartyThatHoldsTheBombedTownsForTheAttacker() {
        ReportExtraction x = extract(
                "2024-01-08T12:00:00Z",
                "Air strikes on Rakhine towns kill nine",
                "CHIANG MAI (Reuters) - Three towns held by the Arakan Army were bombed on Sunday, killing nine"
                        + " civilians, residents said.");

        IncidentMention strikes = x.getIncidents().get(0);
        assertThat(strikes.getActor() == null ? null : strikes.getActor().getName())
                .isNotEqualTo("Arakan Army");
    }

    @Test
    void shouldTakeTheBlamedPartyAfterANameBackingIt() {
        ReportExtraction x = extract(
                "2024-01-09T12:00:00Z",
                "Car bomb kills six police in Lahj",
                "ADEN, Yemen (AP) - A car bomb exploded outside a police station in the southern city of Lahj on Monday,"
                        + " killing six officers, officials said.\n\nThe interior minister blamed the Iran-backed Houthi"
                        + " rebels for the bombing.");

        IncidentMention bombing = x.getIncidents().get(0);
        assertThat(bombing.getActor()).isNotNull();
        assertThat(bombing.getActor().getName()).isEqualTo("Houthis (Houthi movement, Ansar Allah)");
        assertThat(bombing.getActor().getQualifier()).isEqualTo("alleged");
    }

    @Test
    void shouldTakeTheNamedPartyTheAuthoritiesSuspectWasBehindTheAttack() {
        ReportExtraction x = extract(
                "2024-05-12T12:00:00Z",
                "Gunmen kill five at roadside market in Borno",
                "MAIDUGURI, Nigeria (AP) - Suspected militants opened fire on a roadside market near the town of Bama"
                        + " on Saturday, killing five traders, police said.\n\nNo group has claimed the shooting. A"
                        + " police spokesman said officers believed Boko Haram fighters were behind it. Soldiers and"
                        + " police launched a search of the surrounding bush.");

        IncidentMention shooting = x.getIncidents().get(0);
        assertThat(shooting.getActor()).isNotNull();
        assertThat(shooting.getActor().getName()).isEqualTo("Boko Haram");
        assertThat(shooting.getActor().getQualifier()).isEqualTo("suspected");
    }

    @Test
    void shouldNotTakeAPartyThatDeniesBeingBehindTheAttack() {
        ReportExtraction x = extract(
                "2024-05-12T12:00:00Z",
                "Gunmen kill five at roadside market in Borno",
                "MAIDUGURI, Nigeria (AP) - Gunmen opened fire on a roadside market near the town of Bama on Saturday,"
                        + " killing five traders, police said.\n\nA man who said he spoke for the insurgents denied that"
                        + " Boko Haram fighters were behind the shooting.");

        IncidentMention shooting = x.getIncidents().get(0);
        assertThat(shooting.getActor() == null ? null : shooting.getActor().getName())
                .isNotEqualTo("Boko Haram");
    }

    @Test
    void shouldTakeTheNamedGroupTheAttackersAreSaidToBelongTo() {
        ReportExtraction x = extract(
                "2024-08-04T12:00:00Z",
                "Gunmen kill six at a bar in Guanajuato",
                "MEXICO CITY (Reuters) - Gunmen burst into a bar in the central state of Guanajuato late on Saturday and"
                        + " shot dead six men, the state prosecutor's office said.\n\nAn official said investigators"
                        + " thought the attackers belonged to a local cell of the Jalisco New Generation Cartel.");

        IncidentMention shooting = x.getIncidents().get(0);
        assertThat(shooting.getActor()).isNotNull();
        assertThat(shooting.getActor().getName()).isEqualTo("CJNG");
        assertThat(shooting.getActor().getQualifier()).isEqualTo("suspected");
    }

    @Test
    void shouldTakeTheNameLocalPeopleGiveTheAttackers() {
        ReportExtraction x = extract(
                "2024-09-20T12:00:00Z",
                "Militants kill four villagers in eastern Congo",
                "KINSHASA (Reuters) - Militants killed four villagers with machetes near Oicha in North Kivu province"
                        + " on Thursday night, a local official said.\n\nThe attackers, whom residents call the ADF,"
                        + " also burned a clinic before withdrawing into the forest.");

        IncidentMention attack = x.getIncidents().get(0);
        assertThat(attack.getActor()).isNotNull();
        assertThat(attack.getActor().getName()).isEqualTo("Allied Democratic Forces (ADF)");
        assertThat(attack.getActor().getQualifier()).isNull();
    }

    @Test
    void shouldNotGiveASuspectedAttackTheAuthorOfAClaimCoveringOtherAttacks() {
        ReportExtraction x = extract(
                "2024-06-10T12:00:00Z",
                "Suspected jihadists kill four police in Benin",
                "COTONOU (AFP) - Four police officers were killed in a suspected jihadist attack on a checkpoint near"
                        + " Karimama on Sunday, security sources said.\n\nIn March, 12 soldiers were killed in an attack"
                        + " on an army post near Malanville, and in May nine more soldiers died in the same area. Both"
                        + " attacks were claimed by the Islamic State Sahel Province.");

        IncidentMention checkpoint = x.getIncidents().get(0);
        assertThat(checkpoint.getActor()).isNotNull();
        assertThat(checkpoint.getActor().getName()).isEqualTo("jihadists");
        assertThat(checkpoint.getActor().getQualifier()).isEqualTo("suspected");
    }

    @Test
    void shouldNotTakeAPartyHyphenedToAParticipleForTheOneActing() {
        ReportExtraction x = extract(
                "2024-06-10T12:00:00Z",
                "Alliance seizes border town in Syria",
                "BEIRUT (AFP) - The jihadist-led alliance took control of the border town of Tal Abyad on Sunday after"
                        + " a day of fighting that killed 14 soldiers, a war monitor said.");

        IncidentMention capture = x.getIncidents().get(0);
        assertThat(capture.getActor() == null ? null : capture.getActor().getName())
                .isNotEqualTo("jihadists");
    }

    @Test
    void shouldTakeTheGroupWhoseFlagTheAttackersCarriedAsTheSuspectedAuthor() {
        ReportExtraction x = extract(
                "2024-07-20T12:00:00Z",
                "Gunmen kill 31 at church in northern Mozambique",
                "MAPUTO (Reuters) - Gunmen killed 31 worshippers at a church in the northern town of Macomia on"
                        + " Friday, the provincial governor said.\n\nAbout a dozen attackers flying the flag of the"
                        + " Islamic State group arrived on foot and opened fire during the evening service, he said.");

        IncidentMention attack = x.getIncidents().get(0);
        assertThat(attack.getActor()).isNotNull();
        assertThat(attack.getActor().getName()).isEqualTo("Islamic State");
        assertThat(attack.getActor().getQualifier()).isEqualTo("suspected");
    }

    @Test
    void shouldReadTheAdjectiveOfASuspectedAttackAsItsUnnamedAuthors() {
        ReportExtraction x = extract(
                "2024-06-10T12:00:00Z",
                "Suspected jihadist attack kills four police in Benin",
                "COTONOU (AFP) - Four police officers were killed in a suspected jihadist attack on a checkpoint near"
                        + " Karimama on Sunday, security sources said.");

        IncidentMention checkpoint = x.getIncidents().get(0);
        assertThat(checkpoint.getActor()).isNotNull();
        assertThat(checkpoint.getActor().getName()).isEqualTo("jihadists");
    }

    @Test
    void shouldNotTakeTheForceWhoseSiteWasHitForTheAttacker() {
        ReportExtraction x = extract(
                "2024-01-08T12:00:00Z",
                "Attack on police station in Turbat kills three",
                "QUETTA, Pakistan (Reuters) - A militant group claimed an attack on a police station in the town of"
                        + " Turbat on Monday that killed three officers, officials said.");

        IncidentMention attack = x.getIncidents().get(0);
        assertThat(attack.getActor() == null ? null : attack.getActor().getName())
                .isNotEqualTo("Pakistani police");
    }

    @Test
    void shouldNameAnUnlistedGroupWithAParticleBeforeItsDescribingHead() {
        ReportExtraction x = extract(
                "2024-03-04T12:00:00Z",
                "Gunmen kill nine at market in Kassala",
                "KHARTOUM (AFP) - Gunmen from the Liwa al-Sabr militant group shot dead nine traders at a cattle market"
                        + " in Kassala state on Sunday, local officials said.");

        IncidentMention market = x.getIncidents().get(0);
        assertThat(market.getActor()).isNotNull();
        assertThat(market.getActor().getName()).isEqualTo("Liwa al-Sabr");
    }

    @Test
    void shouldNameAnUnlistedGroupWhoseNameIsACodeOfDigitsAndCapitals() {
        ReportExtraction x = extract(
                "2024-03-04T12:00:00Z",
                "Herders killed in Central African Republic",
                "BANGUI (AFP) - Fighters of the 7G armed group killed five herders near Bozoum on Saturday, a local"
                        + " official said.");

        IncidentMention herders = x.getIncidents().get(0);
        assertThat(herders.getActor()).isNotNull();
        assertThat(herders.getActor().getName()).isEqualTo("7G");
    }

    @Test
    void shouldNameAGroupThatCallsItselfByTheNameItGives() {
        ReportExtraction x = extract(
                "2024-03-04T12:00:00Z",
                "Bomb kills six in Iraq",
                "BAGHDAD (Reuters) - A roadside bomb killed six pilgrims south of Kirkuk on Monday, and a little-known"
                        + " group calling itself Kataib Ahl al-Thar claimed the attack.");

        IncidentMention bomb = x.getIncidents().get(0);
        assertThat(bomb.getActor()).isNotNull();
        assertThat(bomb.getActor().getName()).isEqualTo("Kataib Ahl al-Thar");
    }

    @Test
    void shouldNameAnUnlistedRebelGroupAndAMilitiaWithAParticle() {
        ReportExtraction rebels = extract(
                "2024-03-04T12:00:00Z",
                "Soldiers killed in Chad",
                "N'DJAMENA (AFP) - The Tibesti Renewal rebel group killed eight soldiers in an ambush in the north of"
                        + " Chad on Friday, the army said.");
        ReportExtraction militia = extract(
                "2024-03-04T12:00:00Z",
                "Villagers killed in Darfur",
                "KHARTOUM (AFP) - Members of the Ansar bin Hamid militia killed four villagers in North Darfur on"
                        + " Friday, residents said.");

        assertThat(rebels.getIncidents().get(0).getActor().getName()).isEqualTo("Tibesti Renewal");
        assertThat(militia.getIncidents().get(0).getActor().getName()).isEqualTo("Ansar bin Hamid militia");
    }

    @Test
    void shouldNotNameAGroupAfterTheStateItComesFrom() {
        ReportExtraction x = extract(
                "2024-03-04T12:00:00Z",
                "Villagers killed in Chad",
                "N'DJAMENA (AFP) - A Sudanese armed group killed six villagers near the border town of Adre on"
                        + " Friday, officials said.");

        IncidentMention raid = x.getIncidents().get(0);
        assertThat(raid.getActor() == null ? null : raid.getActor().getName())
                .isNotIn("Sudanese", "Sudanese armed group");
    }

    @Test
    void shouldSuspectTheReportsOneNamedArmedGroupOfABlastNoSentenceAttributes() {
        ReportExtraction x = extract(
                "2024-05-11T12:00:00Z",
                "Roadside bomb wounds four soldiers in the north",
                "OUAGADOUGOU (AFP) - A roadside bomb wounded four soldiers on a patrol near Djibo on Saturday, a"
                        + " security source said.\n\nThe patrol was escorting a supply convoy when the device went off."
                        + "\n\nAnsarul Islam has stepped up its use of such devices on the roads of the province since"
                        + " the spring, according to a regional analyst.");

        IncidentMention blast = x.getIncidents().get(0);
        assertThat(blast.getActor()).isNotNull();
        assertThat(blast.getActor().getName()).isEqualTo("Ansarul Islam");
        assertThat(blast.getActor().getQualifier()).isEqualTo("suspected");
    }

    @Test
    void shouldNotSuspectAGroupWhenTheReportNamesTwoAndNeitherActs() {
        ReportExtraction x = extract(
                "2024-05-11T12:00:00Z",
                "Roadside bomb wounds four soldiers in the north",
                "OUAGADOUGOU (AFP) - A roadside bomb wounded four soldiers on a patrol near Djibo on Saturday, a"
                        + " security source said.\n\nThe patrol was escorting a supply convoy when the device went off."
                        + "\n\nAnsarul Islam and Islamic State Sahel both operate on the roads of the province,"
                        + " according to a regional analyst.");

        IncidentMention blast = x.getIncidents().get(0);
        assertThat(blast.getActor() == null ? null : blast.getActor().getName())
                .isNotIn("Ansarul Islam", "Islamic State Sahel");
    }

    @Test
    void shouldAllegeAnAirStrikeOfThePartyTheReportSaysAloneFliesAircraft() {
        ReportExtraction x = extract(
                "2024-02-18T12:00:00Z",
                "Air strike on market kills 12, witnesses say",
                "JUBA (AFP) - An air strike hit a cattle market near the town of Nasir on Saturday, killing 12 people,"
                        + " witnesses said.\n\nThe national army is the only side in the fighting that flies"
                        + " warplanes, and army spokesmen did not answer calls.");

        IncidentMention strike = x.getIncidents().get(0);
        assertThat(strike.getActor()).isNotNull();
        assertThat(strike.getActor().getName()).startsWith("South Sudan");
        assertThat(strike.getActor().getQualifier()).isEqualTo("alleged");
    }

    @Test
    void shouldAllegeAnAirStrikeOfThePartyNamedAfterOnlyWithAircraft() {
        ReportExtraction x = extract(
                "2024-02-18T12:00:00Z",
                "Drone strike on a wedding kills nine, residents say",
                "NIAMEY (AFP) - A drone strike hit a wedding party near Tillaberi on Saturday, killing nine guests,"
                        + " residents said.\n\nOnly the army has armed drones in the region, where jihadists also"
                        + " operate.");

        IncidentMention strike = x.getIncidents().get(0);
        assertThat(strike.getActor()).isNotNull();
        assertThat(strike.getActor().getName()).startsWith("Niger");
        assertThat(strike.getActor().getQualifier()).isEqualTo("alleged");
    }

    @Test
    void shouldPresumeALaterAirStrikeAbroadOfTheAirForceOfTheFirstStrikeNotOfTheOpeningAttack() {
        ReportExtraction x = extract(
                "2024-08-10T18:00:00Z",
                "Militants storm army post in Borno",
                "ABUJA (Reuters) - Boko Haram fighters stormed an army post in Borno state on Friday, killing nine"
                        + " soldiers, the army said.\n\nNigerian warplanes struck militant camps near Lake Chad on Saturday,"
                        + " killing 40 fighters, the air force said.\n\nIn neighbouring Niger, an air strike on an island"
                        + " village killed six fishermen on Saturday, a local official told Reuters.");

        IncidentMention abroad = x.getIncidents().stream()
                .filter(i -> "NE".equals(i.getLocation().getCountryCode()))
                .findFirst()
                .orElseThrow();
        assertThat(abroad.getActor()).isNotNull();
        assertThat(abroad.getActor().getName()).startsWith("Nigerian");
        assertThat(abroad.getActor().getQualifier()).isEqualTo("presumed");
    }

    @Test
    void shouldTakeTheAllianceThatLedTheOffensiveNotAMemberNamedInAnApposition() {
        ReportExtraction x = extract(
                "2024-03-08T12:00:00Z",
                "Allied fighters retake northern town",
                "BAGHDAD (Reuters) - Iraqi fighters backed by Tehran, among them the Kataib Hezbollah militia, drove"
                        + " Islamic State out of the town of Baiji on Friday, a security source said.\n\nThe town fell"
                        + " a week into an offensive against the militants there by the Popular Mobilisation Forces.");

        IncidentMention capture = x.getIncidents().get(0);
        assertThat(capture.getActor()).isNotNull();
        assertThat(capture.getActor().getName()).isEqualTo("Popular Mobilisation Forces");
    }

    @Test
    void shouldNotTakeAGroupThatOnlyGivesThePlaceItsName() {
        ReportExtraction x = extract(
                "2024-11-04T12:00:00Z",
                "Army jets bomb two Shan towns",
                "CHIANG MAI - Myanmar military jets bombed the town of Kyaukme on Saturday, wounding five people,"
                        + " residents said.\n\nIn Hsipaw, as the Arakan Army calls Thibaw, a bomb hit a market on"
                        + " Sunday, killing four people.");

        IncidentMention market = x.getIncidents().stream()
                .filter(i -> i.getKilled() != null
                        && Integer.valueOf(4).equals(i.getKilled().getBest()))
                .findFirst()
                .orElseThrow();
        assertThat(market.getActor()).isNotNull();
        assertThat(market.getActor().getName()).isEqualTo("Myanmar military");
    }

    @Test
    void shouldNameTheSidesThatAClashPittedAgainstEachOther() {
        ReportExtraction x = extract(
                "2024-07-16T12:00:00Z",
                "Six killed in clashes in Misrata",
                "TRIPOLI (Xinhua) - Six people were killed in clashes between rival armed groups in the city of"
                        + " Misrata on Monday, a hospital official said.\n\nWitnesses said the fighting pitted the"
                        + " Halbous Brigade against the Mahjoub Brigade near the port.");

        IncidentMention clash = x.getIncidents().get(0);
        assertThat(clash.getActor()).isNotNull();
        assertThat(clash.getActor().getName()).isEqualTo("Halbous Brigade and Mahjoub Brigade");
    }

    @Test
    void shouldReferAnAllianceOpeningTheIncidentsSentenceToTheGroupNamedBefore() {
        ReportExtraction x = extract(
                "2024-05-25T12:00:00Z",
                "Rebels take provincial capital",
                "BAMAKO (AFP) - JNIM and allied fighters have entered the town of Menaka, a security source said on"
                        + " Saturday.\n\nThe jihadist-led alliance seized the town hall and the prison on Friday night,"
                        + " residents said.");

        IncidentMention capture = x.getIncidents().get(0);
        assertThat(capture.getActor()).isNotNull();
        assertThat(capture.getActor().getName()).isEqualTo("JNIM");
    }

    @Test
    void shouldNameGunmenByTheNameTheReportSaysTheRegionGivesThem() {
        ReportExtraction x = extract(
                "2024-09-14T12:00:00Z",
                "Gunmen kidnap 40 villagers in Zamfara",
                "ABUJA (Reuters) - Gunmen kidnapped 40 villagers from a farming settlement in Nigeria's Zamfara state on"
                        + " Friday, a local official said.\n\nArmed groups, known locally as bandits, raid villages across"
                        + " the north-west for cattle and ransom.");

        IncidentMention kidnap = x.getIncidents().get(0);
        assertThat(kidnap.getActor()).isNotNull();
        assertThat(kidnap.getActor().getName()).isEqualTo("bandits");
    }

    @Test
    void shouldNameThePartyADocumentSeenByAnAgencyAccusesNotTheDocumentsAuthor() {
        ReportExtraction x = extract(
                "2024-03-08T10:00:00Z",
                "Shells hit village in eastern Congo",
                "GOMA (AFP) - A report by the UN mission MONUSCO, seen by AFP, accused the M23 of firing shells at a"
                        + " village near Sake on Tuesday, killing six civilians.");
        assertThat(x.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getActor().getName()).isEqualTo("M23"));
    }

    @Test
    void shouldTakeTheStatesWhoseAdjectivesOpenTheAttacksOwnNounPhrase() {
        ReportExtraction x = extract(
                "2024-02-22T11:00:00Z",
                "Market town hit from the air",
                "BEIRUT (AFP) - A market town in Syria's north-west came under fire on Wednesday, a war monitor said."
                        + "\n\nElsewhere, eleven Russian and Syrian government air strikes on farms outside Maarat"
                        + " al-Numan killed three shepherds and wounded eight, the monitor said.");

        IncidentMention strikes = x.getIncidents().stream()
                .filter(i -> i.getKilled() != null && i.getKilled().getBest() == 3)
                .findFirst()
                .orElseThrow();
        assertThat(strikes.getActor()).isNotNull();
        assertThat(strikes.getActor().getName()).contains("Russia").contains("Syria");
    }

    @Test
    void shouldTakeTheGroupThatAClauseAfterItNamesAsActingNotThePartyOrderedToPursueIt() {
        ReportExtraction x = extract(
                "2024-07-18T10:00:00Z",
                "Boko Haram fighters kill eight soldiers near Dikwa",
                "MAIDUGURI, Nigeria (AFP) - Boko Haram fighters killed eight soldiers in an ambush near Dikwa on"
                        + " Wednesday, military sources said.\n\nThe state governor ordered the army to crush the group"
                        + " after it beheaded three farmers near Monguno last week.");

        IncidentMention farmers = x.getIncidents().stream()
                .filter(i -> "Monguno".equals(i.getLocation().getPlace()))
                .findFirst()
                .orElseThrow();
        assertThat(farmers.getActor()).isNotNull();
        assertThat(farmers.getActor().getName()).isEqualTo("Boko Haram");
    }

    @Test
    void shouldNotTakeThePartyAGerundAfterAResponsibilityCueActsOnAsTheAuthor() {
        ReportExtraction x = extract(
                "2024-10-03T09:00:00Z",
                "Aid worker held hostage by rebels in northern Mali",
                "BAMAKO (AFP) - A French aid worker is being held hostage by rebels near Kidal, his employer said on"
                        + " Thursday.\n\nA rebel spokesman said the worker was in good health and that foreign"
                        + " governments were responsible for arming the Malian army.");

        IncidentMention kidnap = x.getIncidents().get(0);
        assertThat(kidnap.getActor()).isNotNull();
        assertThat(kidnap.getActor().getName()).doesNotContain("Mali");
    }

    @Test
    void shouldNameTheArmedYouthOfACattleRaidAsTheParty() {
        ReportExtraction x = extract(
                "2024-12-02T10:00:00Z",
                "Cattle raid kills 11 near Rumbek",
                "JUBA (Reuters) - Armed youths raided a cattle camp near Rumbek on Sunday, killing 11 herders and"
                        + " driving off hundreds of cows, a county official said.");

        IncidentMention raid = x.getIncidents().get(0);
        assertThat(raid.getActor()).isNotNull();
        assertThat(raid.getActor().getName()).isEqualTo("armed youth");
    }

    @Test
    void shouldTakeThePartyTheLeadNamesForAnEarlierIncidentToldByItsDay() {
        ReportExtraction x = extract(
                "2024-03-08T09:00:00Z",
                "Roadside bomb wounds four soldiers in Thailand's Pattani",
                "PATTANI, Thailand (Reuters) - A roadside bomb wounded four soldiers on patrol in Thailand's Pattani"
                        + " province on Thursday, police said, five days after suspected insurgents shot dead two"
                        + " village guards in neighbouring Yala.\n\nThursday's blast was the first attack reported in"
                        + " the province since the two guards were shot dead at their post in Yala five days earlier.");

        IncidentMention guards = x.getIncidents().stream()
                .filter(i -> i.getKilled() != null && i.getKilled().getBest() == 2)
                .findFirst()
                .orElseThrow();
        assertThat(guards.getActor()).isNotNull();
        assertThat(guards.getActor().getName()).isEqualTo("insurgents");
        assertThat(guards.getActor().getQualifier()).isEqualTo("suspected");
    }

    @Test
    void shouldTakeTheStateThatFiredThatDayForARocketIncidentNamingNoParty() {
        ReportExtraction x = extract(
                "2024-05-14T08:00:00Z",
                "Missiles hit power plant near Lviv",
                "KYIV (AFP) - Missiles struck a power plant near Lviv on Monday night, killing two workers, the"
                        + " regional governor said.\n\nRussia fired more than 40 missiles at Ukraine on Monday night,"
                        + " the air force said, and most were shot down.\n\nIn neighbouring Moldova, a farmer was"
                        + " killed near Larga when pieces of a rocket fell on his field, police said.");

        IncidentMention farmer = x.getIncidents().stream()
                .filter(i -> "MD".equals(i.getLocation().getCountryCode()))
                .findFirst()
                .orElseThrow();
        assertThat(farmer.getActor()).isNotNull();
        assertThat(farmer.getActor().getName()).isEqualTo("Russia");
    }
}
