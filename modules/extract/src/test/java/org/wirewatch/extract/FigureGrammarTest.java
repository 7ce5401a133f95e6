package org.wirewatch.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirewatch.extract.Corpus.extract;

import org.junit.jupiter.api.Test;
import org.wirewatch.schema.ReportExtraction;

/**
 * How wire English gives an incident's figures (killed, injured, civilians, children): one test per construction,
 * each on sentences written for the test.
 */
class FigureGrammarTest {

    @Test
    void shouldCountTheNextOrdinalVictimWhoDiedLaterIntoTheToll() {
        ReportExtraction x = extract(
                "2024-02-14T18:00:00Z",
                "Roadside bomb hits patrol near Wajir",
                "NAIROBI (AFP) - Two reservists were killed on the spot and a third later died of his wounds when"
                        + " their patrol struck a roadside bomb near Wajir on Tuesday, the county commissioner said.");
        ReportExtraction notNext = extract(
                "2024-02-14T18:00:00Z",
                "Roadside bomb hits patrol near Wajir",
                "NAIROBI (AFP) - Two reservists were killed on the spot and a fifth vehicle was damaged when their"
                        + " patrol struck a roadside bomb near Wajir on Tuesday, the county commissioner said.");

        assertThat(x.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getKilled().getBest()).isEqualTo(3));
        assertThat(notNext.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getKilled().getBest()).isEqualTo(2));
    }

    @Test
    void shouldCountThePeopleTakenToHospitalOrTreatedThereAsInjured() {
        ReportExtraction taken = extract(
                "2024-02-14T18:00:00Z",
                "Gunmen kill nine traders in northeast Nigeria market",
                "MAIDUGURI, Nigeria (Reuters) - Gunmen raided a cattle market in Gwoza in Borno State on Tuesday,"
                        + " killing nine traders, while four others were taken to hospital with burns, a police"
                        + " spokesman said.");
        assertThat(taken.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getInjured().getBest()).isEqualTo(4));

        ReportExtraction treated = extract(
                "2024-02-14T18:00:00Z",
                "Blast kills six at bus station in Pakistan",
                "QUETTA, Pakistan (AP) - A bomb tore through a bus station in Quetta on Tuesday, killing six people."
                        + "\n\nEleven passengers were being treated at a city hospital, a doctor said.");
        assertThat(treated.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getInjured().getBest()).isEqualTo(11));

        ReportExtraction hospitalized = extract(
                "2024-02-14T18:00:00Z",
                "Stampede after blast at stadium",
                "LAGOS (AFP) - An explosion near a football stadium in Kano on Tuesday killed two people, and 23"
                        + " fans were hospitalised, officials said.");
        assertThat(hospitalized.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getInjured().getBest()).isEqualTo(23));

        ReportExtraction critical = extract(
                "2024-02-14T18:00:00Z",
                "Gunmen kill 12 at Burundi bar",
                "BUJUMBURA (AFP) - Gunmen opened fire in a bar in Gitega on Tuesday night, killing 12 people.\n\nFive"
                        + " other customers were in critical condition, police said.");
        assertThat(critical.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getInjured().getBest()).isEqualTo(5));
    }

    @Test
    void shouldCountAttackersTheArmySaysItNeutralisedButNotTheDevicesItNeutralised() {
        ReportExtraction attackers = extract(
                "2024-09-16T14:00:00Z",
                "Niger army says it killed 25 jihadists",
                "NIAMEY (Wire) - Niger's army said on Monday it had 'neutralised' about 25 terrorists in an air strike"
                        + " near Ayorou in the Tillaberi region on Sunday.");
        assertThat(attackers.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getKilled().getBest()).isEqualTo(25));

        ReportExtraction devices = extract(
                "2024-09-16T14:00:00Z",
                "Niger army defuses roadside bombs",
                "NIAMEY (Wire) - Soldiers neutralised three explosive devices on a road near Ayorou in the Tillaberi"
                        + " region on Sunday, the army said.");
        assertThat(devices.getIncidents())
                .allSatisfy(i -> assertThat(i.getKilled()).isNull());
    }

    @Test
    void shouldNotCountTheSourcesAfterACommaAsOneMoreGroupOfVictims() {
        ReportExtraction x = extract(
                "2024-09-16T14:00:00Z",
                "Drone strike on minibus kills 18 in Amhara",
                "ADDIS ABABA (Wire) - A drone strike on a minibus near the town of Debre Tabor in Ethiopia's Amhara"
                        + " region killed about 18 passengers, three residents and a nurse told the agency.");

        assertThat(x.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getKilled().getHigh()).isEqualTo(18));
    }

    @Test
    void shouldCountTheOneCompanionNamedAfterACountWithTheirOwnDeterminer() {
        ReportExtraction x = extract(
                "2024-09-16T14:00:00Z",
                "Roadside bomb kills six police in Gadchiroli",
                "NAGPUR, India (Wire) - Maoist rebels killed six police commandos and their driver on Monday when a"
                        + " roadside bomb hit their van in Gadchiroli district of Maharashtra state, police said.");

        assertThat(x.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getKilled().getBest()).isEqualTo(7));
    }

    @Test
    void shouldCountOneWoundedVictimNamedWithoutACount() {
        ReportExtraction active = extract(
                "2024-02-14T18:00:00Z",
                "Roadside bomb hits minibus in Kenya's north",
                "NAIROBI (Reuters) - A roadside bomb struck a minibus near Elwak in Mandera County on Tuesday,"
                        + " injuring the driver, police said.");
        assertThat(active.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getInjured().getBest()).isEqualTo(1));

        ReportExtraction passive = extract(
                "2024-02-14T18:00:00Z",
                "Gunmen kill two traders in Mexican market",
                "MEXICO CITY (AP) - Gunmen killed two traders at a market in Uruapan in Michoacan state on Tuesday,"
                        + " and a woman was seriously wounded, prosecutors said.");
        assertThat(passive.getIncidents()).singleElement().satisfies(i -> {
            assertThat(i.getKilled().getBest()).isEqualTo(2);
            assertThat(i.getInjured().getBest()).isEqualTo(1);
        });
    }

    @Test
    void shouldAddTwoCountsOfDifferentSidesToldWithTheirOwnVerbsInOneClause() {
        ReportExtraction lead = extract(
                "2024-02-14T18:00:00Z",
                "Attack on police post in Bannu",
                "PESHAWAR (Reuters) - Militants attacked a police post in Bannu on Tuesday night, officials said."
                        + "\n\nSeven policemen were killed and three attackers died in the gunfight that followed.");
        assertThat(lead.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getKilled().getBest()).isEqualTo(10));

        // the headline counts one side; the sum told later counts every dead of the incident
        ReportExtraction headline = extract(
                "2024-02-14T18:00:00Z",
                "Nine soldiers killed as militants storm army post in North Waziristan",
                "MIRANSHAH, Pakistan (AFP) - Militants stormed an army post near Mir Ali in North Waziristan on"
                        + " Tuesday, the military said.\n\nNine soldiers were killed and all four attackers were shot"
                        + " dead, it said.");
        assertThat(headline.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getKilled().getBest()).isEqualTo(13));

        // the same noun twice, or figures set against each other, are no parts of one toll
        ReportExtraction rival = extract(
                "2024-02-14T18:00:00Z",
                "Clashes in Jonglei",
                "JUBA (AFP) - Police said 12 people were killed in clashes in Bor on Tuesday, while residents said"
                        + " 20 people were killed.");
        assertThat(rival.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getKilled().getBest()).isEqualTo(12));
    }

    @Test
    void shouldCountSingularVictimsListedAfterTheKillVerb() {
        ReportExtraction listed = extract(
                "2024-02-14T18:00:00Z",
                "Ambush in Kunar",
                "ASADABAD, Afghanistan (Reuters) - Insurgents killed the district governor of Asadabad, his deputy and"
                        + " a bodyguard in an ambush in Kunar province on Tuesday, police said.");
        assertThat(listed.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getKilled().getBest()).isEqualTo(3));

        // the noun after a comma that goes on to say it is who told it, not another victim
        ReportExtraction teller = extract(
                "2024-02-14T18:00:00Z",
                "Bomb kills police chief in Kunar",
                "ASADABAD, Afghanistan (Reuters) - A roadside bomb in Kunar province on Tuesday killed the district"
                        + " police chief, the provincial governor said.");
        assertThat(teller.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getKilled().getBest()).isEqualTo(1));
    }

    @Test
    void shouldReadChildrenFromABreakdownBetweenDashesOrNamedAfterItsVerb() {
        ReportExtraction dashes = extract(
                "2024-02-14T18:00:00Z",
                "Shell hits market in Sudan's Darfur",
                "KHARTOUM (AFP) - Ten people - six children, three women and a man - were killed when a shell"
                        + " hit a market in El Fasher on Tuesday, medics said.");
        assertThat(dashes.getIncidents()).singleElement().satisfies(i -> {
            assertThat(i.getKilled().getBest()).isEqualTo(10);
            assertThat(i.getChildrenKilled()).isEqualTo(6);
        });

        ReportExtraction predicate = extract(
                "2024-02-14T18:00:00Z",
                "Air strike on school kills 15 in Sudan",
                "KHARTOUM (Reuters) - An air strike hit a school in Nyala on Tuesday, killing 15 people, local"
                        + " officials said.\n\nNine of the dead were children, they said.");
        assertThat(predicate.getIncidents()).singleElement().satisfies(i -> {
            assertThat(i.getKilled().getBest()).isEqualTo(15);
            assertThat(i.getChildrenKilled()).isEqualTo(9);
        });
    }

    @Test
    void shouldCountTheDeadUnderEighteenAsChildren() {
        ReportExtraction x = extract(
                "2024-02-14T18:00:00Z",
                "Troops fire on marchers in Tigray",
                "MEKELLE, Ethiopia (AFP) - Troops opened fire on marchers in Adigrat on Tuesday, killing 14 people,"
                        + " the regional health bureau said.\n\nFour of the dead were under 18, it said.");
        assertThat(x.getIncidents()).singleElement().satisfies(i -> {
            assertThat(i.getKilled().getBest()).isEqualTo(14);
            assertThat(i.getChildrenKilled()).isEqualTo(4);
        });
    }

    @Test
    void shouldNotGiveAnIncidentAPartysRunningTotalToldLaterWithNoDayOrPlace() {
        ReportExtraction total = extract(
                "2024-09-20T10:00:00Z",
                "Army retakes Lalibela from rebels",
                "ADDIS ABABA (AFP) - Ethiopia's army has retaken the town of Lalibela from the rebels, the army said"
                        + " on Thursday.\n\nThe region's president has said government forces have killed 2,300"
                        + " rebel fighters.");
        assertThat(total.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getKilled()).isNull());

        // claimed as the toll of the event told, it stays the incident's
        ReportExtraction claimed = extract(
                "2024-09-20T10:00:00Z",
                "Rebels storm army camp in Amhara",
                "ADDIS ABABA (AFP) - Rebels stormed an army camp near Lalibela on Wednesday, the army said.\n\nThe"
                        + " rebels said they had overrun the camp and claimed to have killed 60 soldiers.");
        assertThat(claimed.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getKilled().getBest()).isEqualTo(60));
    }

    @Test
    void shouldCountTheNamedVictimWithTheMembersOfHisFamilyKilledWithHim() {
        ReportExtraction family = extract(
                "2024-02-14T18:00:00Z",
                "Village chief killed with family in Burundi",
                "BUJUMBURA (AFP) - A village chief and three members of his family were killed when gunmen broke into"
                        + " their house in Gitega on Tuesday night, police said.");
        assertThat(family.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getKilled().getBest()).isEqualTo(4));
        assertThat(family.getClaims())
                .singleElement()
                .satisfies(c -> assertThat(c.getKilled()).isEqualTo(4));

        ReportExtraction guards = extract(
                "2024-02-14T18:00:00Z",
                "Mayor killed in ambush in Mexico",
                "MEXICO CITY (AP) - The mayor of Uruapan and two of his bodyguards died when gunmen ambushed their car"
                        + " on Tuesday, prosecutors said.");
        assertThat(guards.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getKilled().getBest()).isEqualTo(3));
    }

    @Test
    void shouldCountTheBodiesOfACountedGroupAsTheDead() {
        ReportExtraction recovered = extract(
                "2024-02-14T18:00:00Z",
                "Bodies of miners found after raid in Congo",
                "GOMA (Reuters) - Rescuers recovered the bodies of eleven miners on Tuesday after militiamen attacked"
                        + " a gold mine near Walikale, a provincial official said.");
        assertThat(recovered.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getKilled().getBest()).isEqualTo(11));
        assertThat(recovered.getClaims())
                .filteredOn(c -> Integer.valueOf(11).equals(c.getKilled()))
                .isNotEmpty();
    }

    @Test
    void shouldCountThePeopleWhoSufferedOrSustainedWoundsAsInjured() {
        ReportExtraction suffered = extract(
                "2024-01-10T10:00:00Z",
                "Drone hits village in Russia",
                "A drone struck a house in the village of Krasnoye on Tuesday. Two men suffered shrapnel wounds and a"
                        + " woman was killed, the governor said.");
        assertThat(suffered.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getInjured().getBest()).isEqualTo(2));

        ReportExtraction sustained = extract(
                "2024-01-10T10:00:00Z",
                "Bus attacked in Nigeria",
                "Gunmen attacked a bus near Kaduna on Monday. Four passengers sustained gunshot wounds, police said.");
        assertThat(sustained.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getInjured().getBest()).isEqualTo(4));
    }

    @Test
    void shouldKeepTheFirstPartOfALeadTollWhoseEventNamedItsVillagesInTheSentenceBefore() {
        ReportExtraction x = extract(
                "2024-03-08T10:00:00Z",
                "Bandits kill 17 in raids on Katsina villages",
                "KATSINA, Nigeria (Reuters) - Bandits killed 17 people in two days of raids on villages in the Safana"
                        + " and Batsari areas of Katsina State, police said on Friday.\n\nAccording to police, armed"
                        + " men on motorcycles stormed three villages in Safana on March 5. When vigilantes tried to"
                        + " stop them, the bandits opened fire, killing eleven people, a police spokesman said.\n\nOn"
                        + " March 6, the gunmen killed six farmers in Batsari, he added.");
        assertThat(x.getIncidents()).extracting(i -> i.getKilled().getBest()).containsExactly(11, 6);
    }

    @Test
    void shouldCountTheDriversOfCountedVehiclesAsTheDead() {
        ReportExtraction x = extract(
                "2024-03-08T10:00:00Z",
                "Troops stop truck bombs in Mali",
                "BAMAKO (AFP) - Soldiers foiled an attack on a base near Gao on Thursday, firing on three trucks packed"
                        + " with explosives and killing the drivers of three vehicles, the army said.");
        assertThat(x.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getKilled().getBest()).isEqualTo(3));
    }

    @Test
    void shouldCountTheWoundedWhoLaterDiedAsTheDeadOfTheirGroup() {
        ReportExtraction x = extract(
                "2024-03-08T10:00:00Z",
                "Mortar fire hits market in Sudan",
                "KHARTOUM (AFP) - Mortar shells struck a market in Omdurman on Thursday, wounding 14 civilians, four of"
                        + " whom later died, medics said.");
        assertThat(x.getIncidents()).singleElement().satisfies(i -> {
            assertThat(i.getKilled().getBest()).isEqualTo(4);
            assertThat(i.getCiviliansKilled()).isEqualTo(4);
        });
    }

    @Test
    void shouldReadACountWithItsOwnBreakdownAmongThemAsTheTotal() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Troops raid bandit camp",
                "GUSAU, Nigeria (AFP) - Troops killed 14 bandits, three commanders among them, in a raid on a forest"
                        + " camp near Zurmi on Tuesday, the army said.");

        assertThat(x.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getKilled().getBest()).isEqualTo(14));
        assertThat(x.getClaims())
                .singleElement()
                .satisfies(c -> assertThat(c.getKilled()).isEqualTo(14));
    }

    @Test
    void shouldKeepACountOfBodiesApartFromAVagueCountOfWoundedAfterIt() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Shelling hits Kadugli market",
                "KHARTOUM (AFP) - Kadugli Teaching Hospital received 12 bodies and dozens of wounded after"
                        + " paramilitary shelling of the city's main market on Tuesday, its director Omer Bakheit"
                        + " said.");

        assertThat(x.getIncidents()).singleElement().satisfies(i -> {
            assertThat(i.getKilled().getBest()).isEqualTo(12);
            assertThat(i.getInjured().getVague()).isTrue();
        });
    }

    @Test
    void shouldCountThePeopleMurderedAsKilled() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Gunmen kill farmers near Tarbaj",
                "NAIROBI (AFP) - Gunmen murdered four farmers near Tarbaj on Sunday, police said.");
        ReportExtraction report = extract(
                "2024-05-20T09:00:00Z",
                "Clashes in Tibu",
                "BOGOTA (EFE) - Fighting between two armed groups in Tibu has left at least 30 dead since Saturday,"
                        + " officials said.\n\nBy Saturday night there was already an official report of 12 people"
                        + " murdered, the town's ombudsman, Carlos Pardo, told Caracol Radio.");

        assertThat(x.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getKilled().getBest()).isEqualTo(4));
        assertThat(report.getClaims())
                .filteredOn(c -> c.getSource().getName().contains("ombudsman"))
                .singleElement()
                .satisfies(c -> assertThat(c.getKilled()).isEqualTo(12));
    }

    @Test
    void shouldCountThePeopleReportedKilled() {
        ReportExtraction x = extract(
                "2024-05-20T09:00:00Z",
                "Raid on Koro village",
                "BAMAKO (AFP) - Nine villagers were initially reported killed in a raid by gunmen on Koro village on"
                        + " Tuesday, a local official said.\n\nEleven people have now been officially reported killed,"
                        + " the mayor, Issa Traore, said.");

        assertThat(x.getIncidents())
                .singleElement()
                .satisfies(i -> assertThat(i.getKilled().getHigh()).isEqualTo(11));
        assertThat(x.getClaims())
                .filteredOn(c -> c.getSource().getName().contains("mayor"))
                .singleElement()
                .satisfies(c -> assertThat(c.getKilled()).isEqualTo(11));
    }
}
