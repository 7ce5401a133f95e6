package org.wirewatch.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirewatch.extract.Corpus.extract;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.EventType;
import org.wirewatch.schema.IncidentMention;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.SubEventType;

/**
 * The ACLED event and sub-event type of constructions met in reports written elsewhere, one test per failure
 * class, each on sentences written for the test: who the armed words name (the attacker or the target), riots,
 * how a bomb was carried or launched, deaths at a protest, a clause of another event at the same time; and the
 * toll when a headline rounds it.
 */
class EventTypeGrammarTest {

    private static IncidentMention first(ReportExtraction x) {
        assertThat(x.getIncidents()).isNotEmpty();
        return x.getIncidents().get(0);
    }

    @Test
    void shouldReadAnArmedGroupNamedBeforeItsAttackAsTheAttackerNotATarget() {
        ReportExtraction x = extract(
                "2024-06-10T09:00:00Z",
                "Militia attack on farming village kills 14 in central Mali",
                "MOPTI, Mali (Reuters) - Fourteen villagers were killed in a militia attack on a farming village"
                        + " near Bankass on Sunday, local officials said.");

        assertThat(first(x).getSubEventType()).isEqualTo(SubEventType.ATTACK);
        assertThat(first(x).getEventType()).isEqualTo(EventType.VIOLENCE_AGAINST_CIVILIANS);
    }

    @Test
    void shouldReadAnAdministrativePostOrAnAidConvoyAsACivilianTarget() {
        ReportExtraction post = extract(
                "2024-06-10T09:00:00Z",
                "Jihadists kill nine in western Niger",
                "NIAMEY (AFP) - Jihadists attacked the administrative post of Tillia in Niger's Tahoua region on"
                        + " Friday, killing nine residents, the interior ministry said.");
        ReportExtraction convoy = extract(
                "2024-06-10T09:00:00Z",
                "Gunmen open fire on food aid convoy in Darfur, killing 6",
                "KHARTOUM (AP) - Gunmen opened fire on a food aid convoy near Nyala on Saturday, killing six"
                        + " drivers, a relief agency said.");

        assertThat(first(post).getSubEventType()).isEqualTo(SubEventType.ATTACK);
        assertThat(first(convoy).getSubEventType()).isEqualTo(SubEventType.ATTACK);
    }

    @Test
    void shouldNotTakeForcesInAStretchWithoutTheEventForTheTarget() {
        ReportExtraction x = extract(
                "2024-06-10T09:00:00Z",
                "Gunmen kill 12 farmers in Benue",
                "MAKURDI, Nigeria (Reuters) - Police said on Saturday that gunmen had killed 12 farmers in Benue"
                        + " State on Friday, and that soldiers were combing the bush for the attackers.");

        assertThat(first(x).getSubEventType()).isEqualTo(SubEventType.ATTACK);
    }

    @Test
    void shouldReadARepelledAssaultOrGunBattlesAsAnArmedClash() {
        ReportExtraction repelled = extract(
                "2024-06-10T09:00:00Z",
                "Villagers and police repel bandit assault in Katsina",
                "KATSINA, Nigeria (AP) - Villagers joined police on Saturday to beat back an assault by bandits"
                        + " on Dutsinma, and nine of the attackers were killed, a police spokesman said.");
        ReportExtraction battles = extract(
                "2024-06-10T09:00:00Z",
                "Seven dead in Tripoli street fighting",
                "TRIPOLI, Lebanon (Reuters) - Gunmen fired on a funeral procession in Tripoli on Saturday, setting"
                        + " off gun battles in which seven people were killed, the Red Cross said.");

        assertThat(first(repelled).getSubEventType()).isEqualTo(SubEventType.ARMED_CLASH);
        assertThat(first(battles).getSubEventType()).isEqualTo(SubEventType.ARMED_CLASH);
    }

    @Test
    void shouldReadAPrisonRiotAsMobViolenceButRiotPoliceAsNoRiot() {
        ReportExtraction riot = extract(
                "2024-06-10T09:00:00Z",
                "Riot at Guatemalan jail leaves 7 inmates dead",
                "GUATEMALA CITY (AP) - Seven inmates were killed on Monday in a riot between rival gangs at a prison"
                        + " in Escuintla, officials said.");
        ReportExtraction police = extract(
                "2024-06-10T09:00:00Z",
                "Riot police kill 3 protesters in Conakry",
                "CONAKRY (Reuters) - Riot police fired live rounds at protesters in Conakry on Monday, killing"
                        + " three, a rights group said.");

        assertThat(first(riot).getSubEventType()).isEqualTo(SubEventType.MOB_VIOLENCE);
        assertThat(first(riot).getEventType()).isEqualTo(EventType.RIOTS);
        assertThat(first(police).getSubEventType()).isEqualTo(SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS);
    }

    @Test
    void shouldReadABombingAsASuicideBombWhenALaterSentenceSaysTheBomberWoreIt() {
        ReportExtraction said = extract(
                "2024-06-10T09:00:00Z",
                "Bombing at Kabul wedding hall kills 30",
                "KABUL (AP) - A bombing at a wedding hall in western Kabul killed 30 guests on Saturday, police"
                        + " said.\n\nThe attacker detonated an explosive vest among the guests, a police spokesman"
                        + " added.");
        ReportExtraction hedged = extract(
                "2024-06-10T09:00:00Z",
                "Bombing at Kabul wedding hall kills 30",
                "KABUL (AP) - A bombing at a wedding hall in western Kabul killed 30 guests on Saturday, police"
                        + " said.\n\nOfficials said it was unclear whether a suicide bomber or a planted device"
                        + " caused it.");

        assertThat(first(said).getSubEventType()).isEqualTo(SubEventType.SUICIDE_BOMB);
        assertThat(first(hedged).getSubEventType()).isEqualTo(SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED);
    }

    @Test
    void shouldReadAnAssaultOpenedWithASuicideBombingAsASuicideBomb() {
        ReportExtraction assault = extract(
                "2024-06-10T09:00:00Z",
                "Militants storm army base in Khost, killing 12 soldiers",
                "KHOST, Afghanistan (Wire) - Militants stormed an army base near Khost before dawn on Monday, killing"
                        + " 12 soldiers, officials said.\n\nThe attackers first drove an explosives-laden truck into the"
                        + " gate, then one of them blew himself up inside the compound before a gunfight with troops,"
                        + " the defence ministry said.");
        ReportExtraction foiled = extract(
                "2024-06-10T09:00:00Z",
                "Militants storm army base in Khost, killing 12 soldiers",
                "KHOST, Afghanistan (Wire) - Militants stormed an army base near Khost before dawn on Monday, killing"
                        + " 12 soldiers, officials said.\n\nGuards foiled a suicide bombing at the gate before the gunmen"
                        + " forced their way in, the defence ministry said.");

        // ACLED codes an assault that a suicide bombing opens as the suicide bomb; a foiled one leaves the clash
        assertThat(first(assault).getSubEventType()).isEqualTo(SubEventType.SUICIDE_BOMB);
        assertThat(first(foiled).getSubEventType()).isEqualTo(SubEventType.ARMED_CLASH);
    }

    @Test
    void shouldReadAHostageTakingAsAnAbductionEvenWhenTheVictimsAircraftBurns() {
        ReportExtraction x = extract(
                "2024-06-10T09:00:00Z",
                "Aid pilot held hostage by rebels in South Kivu",
                "BUKAVU, DR Congo (Wire) - A Kenyan pilot flying for an aid charity is being held hostage by rebels in"
                        + " South Kivu province, who demand the release of their comrades, officials said on Monday."
                        + "\n\nPhotos from the landing strip showed the burnt-out wreckage of his aircraft.");

        assertThat(first(x).getSubEventType()).isEqualTo(SubEventType.ABDUCTION_FORCED_DISAPPEARANCE);
        assertThat(first(x).getEventType()).isEqualTo(EventType.VIOLENCE_AGAINST_CIVILIANS);
    }

    @Test
    void shouldReadAMissileOrBombLaunchedFromAnAircraftAsAnAirStrike() {
        ReportExtraction fired = extract(
                "2024-06-10T09:00:00Z",
                "Missiles kill six guards at arms depot near Hama",
                "BEIRUT (AFP) - Jets fired four missiles at an arms depot near Hama on Tuesday, killing six"
                        + " guards, a war monitor said.");
        ReportExtraction dropped = extract(
                "2024-06-10T09:00:00Z",
                "Bomb kills 11 in Sagaing market",
                "YANGON (Reuters) - A bomb dropped on a market in Monywa on Tuesday killed 11 people, residents"
                        + " said.");

        assertThat(first(fired).getSubEventType()).isEqualTo(SubEventType.AIR_DRONE_STRIKE);
        assertThat(first(dropped).getSubEventType()).isEqualTo(SubEventType.AIR_DRONE_STRIKE);
    }

    @Test
    void shouldReadDeathsAtAProtestWithNoArmedGroupNamedAsExcessiveForce() {
        ReportExtraction x = extract(
                "2024-06-10T09:00:00Z",
                "Eight dead as fuel price protests sweep Nigeria",
                "ABUJA (Reuters) - At least eight people died on Monday as protests over fuel prices spread across"
                        + " Nigeria, a rights group said.");

        assertThat(first(x).getSubEventType()).isEqualTo(SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS);
        assertThat(first(x).getEventType()).isEqualTo(EventType.PROTESTS);
    }

    @Test
    void shouldPreferAnExactTollCloseToTheHeadlinesApproximateOne() {
        ReportExtraction rounded = extract(
                "2024-06-10T09:00:00Z",
                "Nearly 40 killed in attack on Borno village",
                "MAIDUGURI, Nigeria (AP) - Gunmen killed 38 villagers in an attack on Kukawa in Borno State on"
                        + " Sunday, local officials said.");
        ReportExtraction far = extract(
                "2024-06-10T09:00:00Z",
                "Nearly 40 killed in attack on Borno village",
                "MAIDUGURI, Nigeria (AP) - Gunmen killed 12 villagers in an attack on Kukawa in Borno State on"
                        + " Sunday, local officials said.");

        assertThat(first(rounded).getKilled().getBest()).isEqualTo(38);
        assertThat(first(rounded).getKilled().getHigh()).isEqualTo(40);
        assertThat(first(far).getKilled().getBest()).isEqualTo(40);
    }

    @Test
    void shouldLeaveOutAClauseOfAnotherEventAtTheSameTimeButKeepTheCauseOfTheDeaths() {
        ReportExtraction other = extract(
                "2024-06-10T09:00:00Z",
                "Militants claim Kabul bus station attack that killed nine as rockets hit capital",
                "KABUL (AP) - Militants claimed responsibility on Monday for a gun attack on a bus station in Kabul"
                        + " that killed nine passengers, moments before rockets struck the city's diplomatic"
                        + " quarter.");
        ReportExtraction cause = extract(
                "2024-06-10T09:00:00Z",
                "Seven killed as rockets hit Donetsk market",
                "DONETSK (Reuters) - Seven people were killed on Saturday as rockets hit a crowded market in"
                        + " Donetsk, local officials said.");

        assertThat(first(other).getSubEventType()).isEqualTo(SubEventType.ATTACK);
        assertThat(first(cause).getSubEventType()).isEqualTo(SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK);
    }

    @Test
    void shouldReadAStateForcesRaidOnSuspectsAsAnArmedClash() {
        ReportExtraction raided = extract(
                "2024-06-10T09:00:00Z",
                "Three suspects killed in Mombasa police operation",
                "NAIROBI, Kenya (Wire) - Police officers raided a hideout in Mombasa overnight, killing three"
                        + " suspects and arresting five others, the police said on Monday.");
        ReportExtraction raid = extract(
                "2024-06-10T09:00:00Z",
                "Toll from Sao Paulo police operation rises to 14",
                "SAO PAULO (Wire) - The death toll from Saturday's police raid on a hillside neighbourhood of Sao"
                        + " Paulo rose to 14, officials said. Thirteen suspected gang members and one officer died"
                        + " in the operation.");
        ReportExtraction shooting = extract(
                "2024-06-10T09:00:00Z",
                "Police kill three traders in Mombasa",
                "NAIROBI, Kenya (Wire) - Police opened fire on traders in Mombasa on Sunday, killing three people,"
                        + " witnesses said.");

        assertThat(first(raided).getSubEventType()).isEqualTo(SubEventType.ARMED_CLASH);
        assertThat(first(raided).getEventType()).isEqualTo(EventType.BATTLES);
        assertThat(first(raid).getSubEventType()).isEqualTo(SubEventType.ARMED_CLASH);
        assertThat(first(shooting).getSubEventType()).isEqualTo(SubEventType.ATTACK);
    }

    @Test
    void shouldReadVigilantesAsAnArmedSide() {
        ReportExtraction x = extract(
                "2024-06-10T09:00:00Z",
                "Bandits kill two vigilantes in Katsina",
                "KATSINA, Nigeria (Wire) - Armed bandits killed two vigilantes near a village in Katsina State on"
                        + " Sunday, police said.");

        assertThat(first(x).getSubEventType()).isEqualTo(SubEventType.ARMED_CLASH);
    }

    @Test
    void shouldReadAClashAmongInmatesAsMobViolence() {
        ReportExtraction prison = extract(
                "2024-06-10T09:00:00Z",
                "Eleven dead in clashes at Tegucigalpa jail",
                "TEGUCIGALPA, Honduras (Wire) - Eleven inmates were killed on Sunday in clashes between rival"
                        + " factions inside a jail near Tegucigalpa, the security ministry said.");
        ReportExtraction battle = extract(
                "2024-06-10T09:00:00Z",
                "Eleven dead in clashes near Tegucigalpa",
                "TEGUCIGALPA, Honduras (Wire) - Eleven people were killed on Sunday in clashes between soldiers"
                        + " and a drug gang near Tegucigalpa, the security ministry said.");

        assertThat(first(prison).getSubEventType()).isEqualTo(SubEventType.MOB_VIOLENCE);
        assertThat(first(prison).getEventType()).isEqualTo(EventType.RIOTS);
        assertThat(first(battle).getSubEventType()).isEqualTo(SubEventType.ARMED_CLASH);
    }

    @Test
    void shouldTakeTheLeadsAttackOverAHeadlinesLooseClashes() {
        ReportExtraction x = extract(
                "2024-06-10T09:00:00Z",
                "Fresh South Sudan clashes kill 17",
                "JUBA (Wire) - Gunmen attacked the village of Pakwar in Pibor county and killed 17 people, a county"
                        + " official said on Monday.");
        ReportExtraction clash = extract(
                "2024-06-10T09:00:00Z",
                "Fresh South Sudan clashes kill 17",
                "JUBA (Wire) - Gunmen clashed with soldiers near the village of Pakwar in Pibor county, killing 17"
                        + " people, a county official said on Monday.");

        assertThat(first(x).getSubEventType()).isEqualTo(SubEventType.ATTACK);
        assertThat(first(clash).getSubEventType()).isEqualTo(SubEventType.ARMED_CLASH);
    }

    @Test
    void shouldCallClashesInWhichProtestersFoughtAViolentDemonstration() {
        ReportExtraction x = extract(
                "2024-02-14T18:00:00Z",
                "Two dead as rival student groups clash in Kenya",
                "NAIROBI (Reuters) - The worst clashes were in Kisumu, where two people died as protesters battled"
                        + " ruling party youth wingers near the bus park on Tuesday, witnesses said.");
        assertThat(first(x).getSubEventType()).isEqualTo(SubEventType.VIOLENT_DEMONSTRATION);

        // gunfire at a protest, with no protesters fighting, stays a clash
        ReportExtraction gunfire = extract(
                "2024-02-14T18:00:00Z",
                "Gunmen clash near protest in Kisumu",
                "NAIROBI (Reuters) - Clashes between two armed groups broke out near a protest in Kisumu on Tuesday,"
                        + " killing three people, witnesses said.");
        assertThat(first(gunfire).getSubEventType()).isEqualTo(SubEventType.ARMED_CLASH);
    }

    @Test
    void shouldReadAnUnspecifiedBlastAsTheWeaponALaterSentenceNames() {
        ReportExtraction rockets = extract(
                "2024-06-10T09:00:00Z",
                "Five killed in attack on Berbera fuel depot",
                "BERBERA, Somalia (Wire) - Two explosions struck a fuel depot at the port of Berbera on Sunday,"
                        + " killing five workers, port officials said.\n\nThe regional administration said"
                        + " insurgents had fired three rockets at the depot from the hills to the south.");
        ReportExtraction drones = extract(
                "2024-06-10T09:00:00Z",
                "Blast at Berbera fuel depot kills five",
                "BERBERA, Somalia (Wire) - A blast struck a fuel depot at the port of Berbera on Sunday, killing"
                        + " five workers, port officials said.\n\nA harbour guard said he had seen two drones"
                        + " circling the depot just before it.");
        // the drone that air defences brought down is not the one that struck
        ReportExtraction downed = extract(
                "2024-06-10T09:00:00Z",
                "Blast at Berbera fuel depot kills five",
                "BERBERA, Somalia (Wire) - A blast struck a fuel depot at the port of Berbera on Sunday, killing"
                        + " five workers, port officials said.\n\nMinutes before the blast at the depot, guards had shot"
                        + " down a drone over the port, the regional administration said.");

        assertThat(List.of(
                        first(rockets).getSubEventType(),
                        first(rockets).getEventType(),
                        first(drones).getSubEventType(),
                        first(downed).getSubEventType()))
                .containsExactly(
                        SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK,
                        EventType.EXPLOSIONS_REMOTE_VIOLENCE,
                        SubEventType.AIR_DRONE_STRIKE,
                        SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED);
    }

    @Test
    void shouldReadABombGivenAWeightAsDroppedFromTheAir() {
        // only aircraft bombs are sold by weight: "a 500-pound bomb", "two 250 kg bombs"
        ReportExtraction glued = extract(
                "2024-06-10T09:00:00Z",
                "School destroyed in Magway village",
                "YANGON (Wire) - Two 500-pound bombs flattened a school in Pauk township on Thursday, killing four"
                        + " pupils, a teacher said.");
        ReportExtraction spaced = extract(
                "2024-06-10T09:00:00Z",
                "Clinic destroyed in Magway village",
                "YANGON (Wire) - A 250 kg bomb struck a clinic in Pauk township on Thursday, killing three"
                        + " patients, a nurse said.");
        ReportExtraction planted = extract(
                "2024-06-10T09:00:00Z",
                "Bomb kills three at Pauk market",
                "YANGON (Wire) - A bomb hidden in a rice sack went off at the market in Pauk on Thursday, killing"
                        + " three traders, a police officer said.");

        assertThat(List.of(
                        first(glued).getSubEventType(),
                        first(spaced).getSubEventType(),
                        first(planted).getSubEventType()))
                .containsExactly(
                        SubEventType.AIR_DRONE_STRIKE,
                        SubEventType.AIR_DRONE_STRIKE,
                        SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED);
    }

    @Test
    void shouldReadAnExplosivesLadenVehicleAsABombOfItsOwnNotTheMainIncidentsWeapon() {
        ReportExtraction x = extract(
                "2024-06-10T09:00:00Z",
                "Suicide bomber kills seven at Kismayo hotel",
                "KISMAYO, Somalia (Wire) - A suicide bomber blew himself up in the lobby of a hotel in Kismayo on"
                        + " Monday, killing seven guests, police said.\n\nA week earlier, an explosive-laden truck"
                        + " detonated outside a police station in the town of Jowhar, killing at least 11 people.");

        assertThat(x.getIncidents()).hasSize(2);
        assertThat(x.getIncidents().get(1).getSubEventType()).isEqualTo(SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED);
    }

    @Test
    void shouldReadAnAttackWithAVehiclePackedWithExplosivesAsABombing() {
        ReportExtraction x = extract(
                "2024-06-10T09:00:00Z",
                "Rebels attack police station in Cauca",
                "POPAYAN, Colombia (Wire) - Three police officers were killed when rebels attacked a police station in"
                        + " Suarez, in the southwestern department of Cauca, with a van loaded with explosives on"
                        + " Sunday, the police said.");

        ReportExtraction drone = extract(
                "2024-06-10T09:00:00Z",
                "Drone hits police station in Cauca",
                "POPAYAN, Colombia (Wire) - A drone laden with explosives struck a police station in Suarez, in the"
                        + " southwestern department of Cauca, on Sunday, killing three officers, the police said.");

        assertThat(first(x).getSubEventType()).isEqualTo(SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED);
        assertThat(first(drone).getSubEventType()).isEqualTo(SubEventType.AIR_DRONE_STRIKE);
    }

    @Test
    void shouldReadABareBombInAReportOfAnAirRaidAsOneOfTheRaidsBombs() {
        String lead = "YANGON (Wire) - Military aircraft dropped bombs on three towns in Sagaing region on Monday,"
                + " killing five farmers in Ye-U, residents said.\n\n";
        ReportExtraction bare = extract(
                "2024-06-10T09:00:00Z",
                "Jets bomb three towns in Sagaing",
                lead + "In Shwebo, a bomb hit a rice mill, wounding two workers, a town elder said.");
        ReportExtraction roadside = extract(
                "2024-06-10T09:00:00Z",
                "Jets bomb three towns in Sagaing",
                lead + "In Shwebo, a roadside bomb hit a lorry, wounding two workers, a town elder said.");

        assertThat(bare.getIncidents()).hasSize(2);
        assertThat(roadside.getIncidents()).hasSize(2);
        assertThat(List.of(
                        bare.getIncidents().get(0).getSubEventType(),
                        bare.getIncidents().get(1).getSubEventType(),
                        roadside.getIncidents().get(1).getSubEventType()))
                .containsExactly(
                        SubEventType.AIR_DRONE_STRIKE,
                        SubEventType.AIR_DRONE_STRIKE,
                        SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED);
    }

    @Test
    void shouldCallPitchedBattlesOfProtestersAndTheirRivalsAViolentDemonstration() {
        ReportExtraction x = extract(
                "2024-06-10T09:00:00Z",
                "Three dead as students and ruling party youth fight in Chittagong",
                "CHITTAGONG, Bangladesh (Wire) - Three people died after being beaten near the university gate on"
                        + " Monday, where protesters and ruling party youth activists fought pitched battles with"
                        + " sticks and stones, witnesses said.");

        assertThat(first(x).getSubEventType()).isEqualTo(SubEventType.VIOLENT_DEMONSTRATION);
    }

    @Test
    void shouldReadACaptiveHeldHostageAsAnAbduction() {
        ReportExtraction x = extract(
                "2024-08-21T08:00:00Z",
                "Two surveyors held hostage by gunmen in Zamfara",
                "GUSAU, Nigeria (Reuters) - Two surveyors working on a dam near Gusau are being held hostage by gunmen"
                        + " who stopped their vehicle on Monday, the state police said.");

        assertThat(first(x).getSubEventType()).isEqualTo(SubEventType.ABDUCTION_FORCED_DISAPPEARANCE);
        assertThat(first(x).getEventType()).isEqualTo(EventType.VIOLENCE_AGAINST_CIVILIANS);
    }
}
