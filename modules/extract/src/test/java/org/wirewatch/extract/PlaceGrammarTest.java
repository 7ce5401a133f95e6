package org.wirewatch.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirewatch.extract.Corpus.extract;

import org.junit.jupiter.api.Test;
import org.wirewatch.schema.GeoPrecision;
import org.wirewatch.schema.IncidentMention;
import org.wirewatch.schema.Location;
import org.wirewatch.schema.ReportExtraction;

/**
 * How wire copy says where it happened, one test per construction, each on sentences written for the test: a
 * town owned by its country ("Nigeria's Maiduguri"), a landmark and the village near it, ...
 */
class PlaceGrammarTest {

    @Test
    void shouldPlaceATownItsCountryOwnsInThatTownsRegion() {
        ReportExtraction x = extract(
                "2024-02-10T12:00:00Z",
                "Market blast kills nine in Nigeria's Maiduguri",
                "Nine traders were killed on Friday when a bomb went off at a cattle market, police said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getCountryCode()).isEqualTo("NG");
        assertThat(where.getPlace()).isEqualTo("Maiduguri");
        assertThat(where.getAdmin1Code()).isEqualTo("NG-BO");
    }

    @Test
    void shouldKeepATownAbroadAfterAScenePrepositionWhenTheOnlyCountryNamedIsTheAttackers() {
        ReportExtraction onACity = extract(
                "2024-02-10T12:00:00Z",
                "Glide bomb kills five at supermarket",
                "A Russian glide bomb hit a supermarket in the southern city of Zaporizhzhia on Friday, killing five"
                        + " people, the regional governor said.");
        ReportExtraction onATown = extract(
                "2024-02-10T12:00:00Z",
                "Air strike kills seven at school",
                "An Israeli air strike on a school in Deir al-Balah killed seven people on Friday, the civil defence"
                        + " agency said.");

        Location city = onACity.getIncidents().get(0).getLocation();
        assertThat(city.getCountryCode()).isEqualTo("UA");
        assertThat(city.getPlace()).isEqualTo("Zaporizhzhia");
        assertThat(city.getAdmin1Code()).isEqualTo("UA-23");
        Location town = onATown.getIncidents().get(0).getLocation();
        assertThat(town.getCountryCode()).isEqualTo("PS");
        assertThat(town.getAdmin1Code()).isEqualTo("PS-DEB");
    }

    @Test
    void shouldStillDropATownAbroadThatNoScenePrepositionPlacesTheEventIn() {
        ReportExtraction x = extract(
                "2024-02-10T12:00:00Z",
                "Five killed in shootout",
                "Police in Iran said five men were killed in a shootout on Friday. The suspects had earlier been seen"
                        + " by a witness named Salerno.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getCountryCode()).isEqualTo("IR");
        assertThat(where.getPlace()).isNull();
    }

    @Test
    void shouldKeepANameItsCountryOwnsAsTheRegionWhenATownOfThatNameIsSmall() {
        ReportExtraction x = extract(
                "2024-02-10T12:00:00Z",
                "Gunmen kill six at a wedding in Mexico's Sinaloa",
                "Gunmen opened fire on guests at a wedding on Saturday night, killing six people, prosecutors said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getAdmin1Code()).isEqualTo("MX-SIN");
        assertThat(where.getGeoPrecision()).isEqualTo(GeoPrecision.ADMIN1);
        assertThat(where.getLatitude()).isNull();
    }

    @Test
    void shouldTakeTheVillageTheReportNamesOverTheTownItIsNear() {
        ReportExtraction x = extract(
                "2024-02-10T12:00:00Z",
                "Twelve soldiers killed near Burkina's Ouahigouya",
                "OUAGADOUGOU (AFP) - Suspected jihadists killed 12 soldiers in northern Burkina Faso on Friday, the army"
                        + " said.\n\nThe unit was attacked at dawn near the village of Toessin-Pella, a security source"
                        + " said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Toessin-Pella");
        assertThat(where.getAdmin1Code()).isEqualTo("BF-10");
    }

    @Test
    void shouldTakeTheRegionOfTheVillageALaterSentenceNamesWhenTheLeadGivesOnlyADirection() {
        ReportExtraction x = extract(
                "2024-01-09T12:00:00Z",
                "Niger mourns 40 killed in attack",
                "NIAMEY (AFP) - Niger's government on Tuesday declared three days of mourning after 40 people were"
                        + " killed in an attack in the south of the country.\n\nMonday's attack targeted a convoy led by"
                        + " the chief of Garin Dogo, in the Maradi region near the Nigerian border, the government said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Garin Dogo");
        assertThat(where.getAdmin1Code()).isEqualTo("NE-4");
    }

    @Test
    void shouldPlaceAnEventInACapitalNamedOnlyByItsRole() {
        ReportExtraction owned = extract(
                "2024-04-20T12:00:00Z",
                "Car bomb kills 8 in Mali's capital",
                "A car bomb exploded outside a hotel on Friday evening, killing eight people, the security ministry said.");
        ReportExtraction bare = extract(
                "2024-04-20T12:00:00Z",
                "Grenade attack in Mali",
                "BAMAKO (AFP) - A grenade thrown into a bar in the capital on Friday killed three people in Mali, police"
                        + " said.");

        assertThat(owned.getIncidents().get(0).getLocation().getPlace()).isEqualTo("Bamako");
        assertThat(bare.getIncidents().get(0).getLocation().getPlace()).isEqualTo("Bamako");
        assertThat(bare.getIncidents().get(0).getLocation().getAdmin1Code()).isEqualTo("ML-BKO");
    }

    @Test
    void shouldNotPlaceAnEventInTheCapitalItIsMeasuredFrom() {
        ReportExtraction x = extract(
                "2024-04-20T12:00:00Z",
                "Gunmen kill 5 in Mali",
                "BAMAKO (AFP) - Gunmen killed five herders in a village 200 kilometres north of the capital on Friday, a"
                        + " local official said in Mali.");

        assertThat(x.getIncidents().get(0).getLocation().getPlace()).isNotEqualTo("Bamako");
    }

    @Test
    void shouldPlaceAVillageTheGazetteerLacksInTheRegionNamedWithItsTypeRightAfterIt() {
        ReportExtraction x = extract(
                "2024-03-05T12:00:00Z",
                "Shelling kills 9 in eastern Congo",
                "GOMA, Congo (AFP) - At least nine civilians were killed when shells hit the market of Kabizo-Mutwanga in"
                        + " North Kivu province on Monday, local officials said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Kabizo-Mutwanga");
        assertThat(where.getAdmin1Code()).isEqualTo("CD-NK");
    }

    @Test
    void shouldKeepAVillageTheGazetteerLacksWhereverTheReportNamesItAgainBare() {
        ReportExtraction x = extract(
                "2024-01-10T12:00:00Z",
                "Rebels take eastern Congo town",
                "GOMA (Reuters) - Rebels seized the town of Kalembe on Tuesday after two days of fighting, local officials"
                        + " said, and thousands of residents fled south.\n\nAbout 30,000 people had settled in Ruvaka, in"
                        + " North Kivu province, before the rebels advanced.\n\nEleven civilians were killed on Sunday"
                        + " when mortar rounds landed on the market of Ruvaka, witnesses said.");

        IncidentMention shelling = x.getIncidents().stream()
                .filter(i -> i.getKilled() != null && i.getKilled().getBest() == 11)
                .findFirst()
                .orElseThrow();
        assertThat(shelling.getLocation().getPlace()).isEqualTo("Ruvaka");
        assertThat(shelling.getLocation().getAdmin1Code()).isEqualTo("CD-NK");
    }

    @Test
    void shouldNotPlaceAnEventInTheCityOfAMixedCaseDatelineWithAColon() {
        ReportExtraction x = extract(
                "2024-06-12T12:00:00Z",
                "Gunfight in Manipur leaves six dead",
                "Kolkata: Six people were killed in a gunfight between armed groups in the Torbung area of Manipur late on"
                        + " Monday, police said.");

        assertThat(x.getIncidents()).hasSize(1);
        assertThat(x.getIncidents().get(0).getLocation().getAdmin1Code()).isEqualTo("IN-MN");
    }

    @Test
    void shouldPlaceAHamletMeasuredFromATownInThatTownsRegionRatherThanTheDistrictNamedLater() {
        ReportExtraction x = extract(
                "2024-01-08T12:00:00Z",
                "Seven labourers shot dead",
                "Karachi: Gunmen killed seven labourers at a construction site late on Sunday, police said.\n\nThe"
                        + " labourers were shot in Dasht Kaur, a hamlet about 40km from Turbat, shortly before midnight, a"
                        + " police officer said. Dasht Kaur is a settlement under Kech district.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Dasht Kaur");
        assertThat(where.getAdmin1Code()).isEqualTo("PK-BA");
    }

    @Test
    void shouldNameTheRegionAsThePlaceAtRegionPrecisionWhenTheReportGivesNoTown() {
        ReportExtraction x = extract(
                "2024-05-11T12:00:00Z",
                "Roadside bomb kills district governor in Afghanistan's Paktika",
                "A roadside bomb killed a district governor and his driver on Friday in the eastern province of"
                        + " Paktika, a provincial spokesman said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getAdmin1Code()).isEqualTo("AF-PKA");
        assertThat(where.getPlace()).isEqualTo(where.getAdmin1Name());
        assertThat(where.getGeoPrecision()).isEqualTo(GeoPrecision.ADMIN1);
        assertThat(where.getLatitude()).isNull();
    }

    @Test
    void shouldTakeTheTownAWitnessIsAResidentOfWhenTheLeadGivesOnlyTheRegion() {
        ReportExtraction x = extract(
                "2024-01-08T12:00:00Z",
                "Drone strikes kill seven in Ethiopia's Amhara",
                "ADDIS ABABA (Reuters) - Drone strikes killed seven people in a market town in Ethiopia's Amhara region"
                        + " on Sunday, residents said.\n\nA resident of Kulmesk, who asked not to be named, said two"
                        + " drones hit the market as traders were packing up.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Kulmesk");
        assertThat(where.getAdmin1Code()).isEqualTo("ET-AM");
    }

    @Test
    void shouldNotTakeACapitalThatStandsForItsGovernmentForThePlace() {
        ReportExtraction x = extract(
                "2024-01-10T12:00:00Z",
                "Four police killed in attack in Pakistan",
                "Gunmen from the Baloch Liberation Front, which Islamabad blacklists as a terrorist group, attacked a"
                        + " police post in the town of Mand in Balochistan province on Tuesday, killing four officers,"
                        + " police said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Mand");
        assertThat(where.getAdmin1Code()).isEqualTo("PK-BA");
    }

    @Test
    void shouldNotTakeTheTownOfTheHospitalTheWoundedWereTakenToForThePlace() {
        ReportExtraction named = extract(
                "2024-01-09T12:00:00Z",
                "Six killed in attack on minibus",
                "Gunmen killed six passengers when they opened fire on a minibus in eastern Afghanistan on Monday,"
                        + " officials said. Four wounded passengers were taken to the Jalalabad regional hospital.");
        ReportExtraction in = extract(
                "2024-01-09T12:00:00Z",
                "Six killed in attack on minibus",
                "Gunmen killed six passengers when they opened fire on a minibus in eastern Afghanistan on Monday,"
                        + " officials said. Four wounded passengers were being treated at a hospital in Jalalabad.");

        assertThat(named.getIncidents().get(0).getLocation().getAdmin1Code()).isNotEqualTo("AF-NAN");
        assertThat(in.getIncidents().get(0).getLocation().getAdmin1Code()).isNotEqualTo("AF-NAN");
    }

    @Test
    void shouldKeepTheTownOfAHospitalThatWasTheTarget() {
        ReportExtraction x = extract(
                "2024-01-09T12:00:00Z",
                "Strike on hospital kills 12",
                "An air strike hit the main hospital in Khan Younis on Monday, killing 12 people, health officials said.");

        assertThat(x.getIncidents().get(0).getLocation().getPlace()).isEqualTo("Khan Younis");
    }

    @Test
    void shouldNotTakeTheTownsARoadIsNamedAfterForThePlace() {
        ReportExtraction x = extract(
                "2024-01-09T12:00:00Z",
                "Five police killed by roadside bomb in Pakistan",
                "A roadside bomb tore through a police van on the Peshawar-Torkham highway in Khyber district on Monday,"
                        + " killing five policemen, officials said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Khyber");
        assertThat(where.getAdmin1Code()).isEqualTo("PK-KP");
    }

    @Test
    void shouldPlaceAVillageAnAppositionLocatesAfterToAndLeaveItOutOfTheDatelinesRegion() {
        ReportExtraction x = extract(
                "2024-01-09T12:00:00Z",
                "Thirty-one soldiers killed in Burkina attack",
                "OUAGADOUGOU (AFP) - Jihadists killed 31 soldiers in an attack on an army unit in northern Burkina Faso"
                        + " on Monday, the army said.\n\nThe unit had been sent to Tindila, in Loroum province, to"
                        + " escort supply convoys, it said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Tindila");
        assertThat(where.getAdmin1Code()).isNotEqualTo("BF-03");
    }

    @Test
    void shouldGiveThePlaceAsTheReportSpellsItRatherThanTheGazetteersMainName() {
        ReportExtraction x = extract(
                "2024-01-09T12:00:00Z",
                "Bomb kills three in Afghan city",
                "A bomb hidden in a cart exploded in a busy street of Jalalabad on Monday, killing three people, the"
                        + " provincial police said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Jalalabad");
        assertThat(where.getAdmin1Code()).isEqualTo("AF-NAN");
        assertThat(where.getLatitude()).isNotNull();
    }

    @Test
    void shouldTakeTheSiteASentenceSaysTheKillingsTookPlaceInOverATownNamedForOtherReasons() {
        ReportExtraction x = extract(
                "2024-01-08T12:00:00Z",
                "Fighting kills 14 in Colombia",
                "BOGOTA (Reuters) - Fighting between two armed groups killed 14 people in Colombia's Cauca department on"
                        + " Saturday, officials said.\n\nThe governor, speaking to reporters in Popayan, called for"
                        + " calm.\n\nThe killings took place in the municipality of Argelia, the ombudsman said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Argelia");
        assertThat(where.getAdmin1Code()).isEqualTo("CO-CAU");
    }

    @Test
    void shouldPutALaterIncidentInTheTownWhenItHappenedInTheTown() {
        ReportExtraction x = extract(
                "2024-01-08T12:00:00Z",
                "Suicide bomber kills 12 in Somali town",
                "MOGADISHU (Reuters) - A suicide bomber killed 12 people at a cattle market in the central Somali town of"
                        + " Beledweyne on Sunday, police said.\n\nOn Friday, a roadside bomb in the town killed two"
                        + " soldiers, residents said.");

        assertThat(x.getIncidents()).hasSize(2);
        assertThat(x.getIncidents().get(1).getLocation().getPlace()).isEqualTo("Beledweyne");
        assertThat(x.getIncidents().get(1).getLocation().getGeoPrecision()).isEqualTo(GeoPrecision.PLACE);
    }

    @Test
    void shouldPlaceANameAnAppositionPutsOnTheOutskirtsOfATownInThatTownsRegion() {
        ReportExtraction x = extract(
                "2024-01-08T12:00:00Z",
                "Gunmen kill five farmers in Cameroon",
                "Gunmen killed five farmers on Sunday when they raided Tsilaba, on the outskirts of the town of Garoua,"
                        + " local officials said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Tsilaba");
        assertThat(where.getAdmin1Code()).isEqualTo("CM-NO");
    }

    @Test
    void shouldTakeTheTownAnAppositionNamesAsTheRegionsCapital() {
        String lead = "KABUL (dpa) - A suicide bomber killed nine people in the eastern Afghan province of Kunar on"
                + " Tuesday, officials said.\n\n";
        ReportExtraction before = extract(
                "2024-01-09T12:00:00Z",
                "Suicide bomber kills nine in Afghanistan",
                lead
                        + "The bomber struck a crowd outside the governor's compound in the provincial capital, Sarbandi.");
        ReportExtraction after = extract(
                "2024-01-09T12:00:00Z",
                "Suicide bomber kills nine in Afghanistan",
                lead + "The bomber struck a crowd outside the main bazaar of Sarbandi, the capital of the province.");

        for (ReportExtraction x : java.util.List.of(before, after)) {
            Location where = x.getIncidents().get(0).getLocation();
            assertThat(where.getPlace()).isEqualTo("Sarbandi");
            assertThat(where.getAdmin1Code()).isEqualTo("AF-KNR");
        }
    }

    @Test
    void shouldTakeTheVillageTheReportNamesOverTheAreaAroundATown() {
        ReportExtraction x = extract(
                "2024-01-09T12:00:00Z",
                "Gunmen kill 11 in central Mali",
                "BAMAKO (Reuters) - Gunmen killed 11 villagers on Tuesday in the Douentza area of Mali's Mopti region,"
                        + " local officials said.\n\nThe attackers raided Tinkoulma village at dawn and set fire to"
                        + " granaries, one official said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Tinkoulma");
        assertThat(where.getAdmin1Code()).isEqualTo("ML-5");
    }

    @Test
    void shouldTakeTheVillageOverATownWhoseNameStandsForItsRegionBeforeASiteNoun() {
        ReportExtraction x = extract(
                "2024-01-09T12:00:00Z",
                "Air raid on Hama village kills nine",
                "BEIRUT (Reuters) - Warplanes killed nine people overnight in rebel-held Hama province, a war monitor"
                        + " said on Monday.\n\nThe monitor said the jets that struck Qasr Tayba, in the northern Hama"
                        + " countryside, were Russian.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Qasr Tayba");
        assertThat(where.getAdmin1Code()).isEqualTo("SY-HM");
    }

    @Test
    void shouldFindTheRegionOfATownSpelledWithADoubledLetterTheGazetteerDoesNotHave() {
        ReportExtraction x = extract(
                "2024-01-08T12:00:00Z",
                "Bomb kills four Somali soldiers",
                "MOGADISHU (Reuters) - A roadside bomb killed four soldiers on Monday outside the town of Jowhaar, a"
                        + " police officer said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Jowhaar");
        assertThat(where.getAdmin1Code()).isEqualTo("SO-SD");
    }

    @Test
    void shouldPlaceANameBeforeAnAreaOfAKnownPlaceInThatPlacesRegion() {
        ReportExtraction x = extract(
                "2024-01-08T12:00:00Z",
                "Nine Chadian soldiers killed",
                "N'DJAMENA (Reuters) - Suspected Boko Haram fighters killed nine Chadian soldiers on Sunday when they"
                        + " attacked an army post at Ngarwa in the Lake Chad area, the army said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Ngarwa");
        assertThat(where.getAdmin1Code()).isEqualTo("TD-LC");
    }

    @Test
    void shouldMakeNoTownOfAFacilityBeforeAnArea() {
        ReportExtraction x = extract(
                "2024-01-08T12:00:00Z",
                "Six students killed in Uganda",
                "KAMPALA (Reuters) - Gunmen killed six students on Saturday at Rwentanga Technical Institute in the"
                        + " Kasese area, police said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Kasese");
        assertThat(where.getAdmin1Code()).isEqualTo("UG-W");
    }

    @Test
    void shouldTakeTheDatelinesTownWhenTheLeadCallsItThisTown() {
        ReportExtraction x = extract(
                "2024-01-09T12:00:00Z",
                "Cameroon city buries 14 killed at bus station",
                "GAROUA, Cameroon (AP) \u2014 Residents of this northern city buried 14 people on Sunday, a day after"
                        + " gunmen opened fire on a crowded bus station, police said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Garoua");
        assertThat(where.getAdmin1Code()).isEqualTo("CM-NO");
    }

    @Test
    void shouldTakeTheRegionACompassWordBeforeTheCountryNamesWhenTheCountryHasOne() {
        ReportExtraction named = extract(
                "2024-01-07T12:00:00Z",
                "Four killed at Zambian roadblock",
                "LUSAKA (Reuters) - Armed robbers killed four people at a roadblock in eastern Zambia on Saturday, police"
                        + " said.");
        ReportExtraction none = extract(
                "2024-01-07T12:00:00Z",
                "Four killed at Malian roadblock",
                "BAMAKO (Reuters) - Armed robbers killed four people at a roadblock in eastern Mali on Saturday, police"
                        + " said.");

        Location where = named.getIncidents().get(0).getLocation();
        assertThat(where.getAdmin1Code()).isEqualTo("ZM-03");
        assertThat(where.getGeoPrecision()).isEqualTo(GeoPrecision.ADMIN1);
        assertThat(none.getIncidents().get(0).getLocation().getAdmin1Code()).isNull();
    }

    @Test
    void shouldGiveAnIndonesianTownItsProvinceNotItsIslandGroup() {
        ReportExtraction x = extract(
                "2024-01-07T12:00:00Z",
                "Bomb kills three at Indonesian bus terminal",
                "JAKARTA (Reuters) - A bomb killed three people at a bus terminal in Bandung on Saturday, police said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Bandung");
        assertThat(where.getAdmin1Code()).isEqualTo("ID-JB");
    }

    @Test
    void shouldGiveAVillageTheRegionOfTheSecondLevelDivisionAnAppositionPlacesItIn() {
        ReportExtraction x = extract(
                "2024-01-10T12:00:00Z",
                "Herders kill 14 farmers in central Nigeria",
                "Herders killed 14 farmers on Tuesday in Tse Adoor, a village in Kwande local government area, police"
                        + " in Nigeria said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Tse Adoor");
        assertThat(where.getAdmin1Code()).isEqualTo("NG-BE");
    }

    @Test
    void shouldTakeASecondLevelDivisionNamedWithItsLevelWordAsThePlaceWhenNoTownIsNamed() {
        ReportExtraction x = extract(
                "2024-01-10T12:00:00Z",
                "Nine police killed in Burkina",
                "Militants stormed a police post in Burkina Faso's Kouritenga province on Monday, killing nine officers,"
                        + " the army said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Kouritenga");
        assertThat(where.getAdmin1Code()).isEqualTo("BF-04");
        assertThat(where.getLatitude()).isNull();
    }

    @Test
    void shouldKeepADivisionOfTheReportsCountryOverATownOfThatNameAbroad() {
        // Bam is a province of Burkina Faso and a town in Iran
        ReportExtraction x = extract(
                "2024-01-10T12:00:00Z",
                "Eleven civilians killed in Burkina market attack",
                "Jihadists killed 11 civilians on Sunday in an attack on a market in Bam province, the government of"
                        + " Burkina Faso said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getCountryCode()).isEqualTo("BF");
        assertThat(where.getAdmin1Code()).isEqualTo("BF-05");
    }

    @Test
    void shouldTakeADivisionOfTheReportsCountryWithoutItsLevelWordWhenNoTownHasItsName() {
        ReportExtraction x = extract(
                "2024-01-10T12:00:00Z",
                "Gunmen kill six worshippers in Nigeria",
                "Gunmen killed six worshippers at a church in Ogbaru on Sunday, Nigerian police said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Ogbaru");
        assertThat(where.getAdmin1Code()).isEqualTo("NG-AN");
    }

    @Test
    void shouldTakeTheVillageOverTheDivisionItsSentenceNamesFirst() {
        ReportExtraction x = extract(
                "2024-01-06T12:00:00Z",
                "Five police killed in Afghan checkpoint attack",
                "In Balkhab district of Afghanistan, gunmen killed five policemen at a checkpoint in the village of"
                        + " Tokhta Gul on Friday, officials said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Tokhta Gul");
        assertThat(where.getAdmin1Code()).isEqualTo("AF-SAR");
    }

    @Test
    void shouldNotLetADivisionOfAnotherCountryPullAReportAbroad() {
        // Bam is a province of Burkina Faso and a town and county in Iran
        ReportExtraction x = extract(
                "2024-01-08T12:00:00Z",
                "Two police killed in Iran",
                "Gunmen killed two police officers at a checkpoint in Bam county on Sunday, Iranian state media said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getCountryCode()).isEqualTo("IR");
        assertThat(where.getAdmin1Code()).isEqualTo("IR-08");
    }

    @Test
    void shouldGiveATownTheFinerRegionItsSecondLevelDivisionNamesWhenGeoNamesFirstLevelIsCoarser() {
        // GeoNames puts Palestinian towns in "Gaza Strip" or "West Bank"; ISO 3166-2 regions are the governorates,
        // GeoNames' second level
        ReportExtraction x = extract(
                "2024-01-10T12:00:00Z",
                "Strike kills seven in northern Gaza",
                "An Israeli air strike on a house in Beit Lahia killed seven members of one family on Tuesday,"
                        + " Palestinian medics said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Beit Lahia");
        assertThat(where.getAdmin1Code()).isEqualTo("PS-NGZ");
    }

    @Test
    void shouldGiveATownTheRegionGeoNamesSpellsOtherwiseThanIso() {
        // GeoNames "Northern Bahr al Ghazal", ISO 3166-2 "Northern Bahr el Ghazal"
        ReportExtraction x = extract(
                "2024-01-07T12:00:00Z",
                "Cattle raid kills 11 in South Sudan",
                "Gunmen killed 11 people in a cattle raid near Aweil on Saturday, a South Sudan army spokesman said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Aweil");
        assertThat(where.getAdmin1Code()).isEqualTo("SS-BN");
    }

    @Test
    void shouldGiveADivisionOfARegionCarvedOutAfterTheIsoTableTheRegionItWasCarvedFrom() {
        // Intan Jaya regency lies in Central Papua, carved out of Papua (ID-PA) in 2022
        ReportExtraction x = extract(
                "2024-01-09T12:00:00Z",
                "Two workers shot dead in Indonesia",
                "Separatist fighters shot dead two construction workers on Monday in Intan Jaya regency, Indonesian"
                        + " police said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Intan Jaya");
        assertThat(where.getAdmin1Code()).isEqualTo("ID-PA");
    }

    @Test
    void shouldTakeTheDivisionTheLevelWordNamesOverATownOfTheSameNameElsewhereInTheCountry() {
        // Puncak is a regency of Papua and a town in West Java
        ReportExtraction x = extract(
                "2024-01-05T12:00:00Z",
                "Two teachers killed in Indonesia",
                "Gunmen shot dead two teachers on Thursday in Puncak regency, the Indonesian army said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Puncak");
        assertThat(where.getAdmin1Code()).isEqualTo("ID-PA");
    }

    @Test
    void shouldPlaceAnEarlierStrikeNearAnotherCityThereRatherThanInTheMainIncidentsRegion() {
        ReportExtraction x = extract(
                "2024-02-10T12:00:00Z",
                "Toll from drone strike on Hama depot rises to 11",
                "HAMA, Syria (AFP) - The toll from Tuesday's drone strike on a fuel depot in Hama has risen to 11, a"
                        + " monitor said on Thursday.\n\nTwo weeks ago, air raids near Homs killed 27 people,"
                        + " according to the monitor.");

        IncidentMention earlier = x.getIncidents().stream()
                .filter(i -> i.getKilled() != null && i.getKilled().getBest() == 27)
                .findFirst()
                .orElseThrow();
        assertThat(earlier.getLocation().getAdmin1Code()).isEqualTo("SY-HI");
    }

    @Test
    void shouldLeaveATollToldForTownsOfSeveralRegionsInNoneOfThem() {
        ReportExtraction x = extract(
                "2024-02-10T12:00:00Z",
                "Market bombs kill seven in northern Nigeria",
                "ABUJA (Reuters) - Bombs hidden in market stalls in Kano, Kaduna and Bauchi killed seven people on"
                        + " Saturday, police said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getCountryCode()).isEqualTo("NG");
        assertThat(where.getAdmin1Code()).isNull();
        assertThat(where.getGeoPrecision()).isEqualTo(GeoPrecision.COUNTRY);
    }

    @Test
    void shouldLeaveATollSpreadAcrossTheCountryInNoRegionWhenALaterSentenceNamesOneVictimsTown() {
        ReportExtraction x = extract(
                "2024-02-10T12:00:00Z",
                "Parcel bombs kill five across Kenya",
                "NAIROBI (AFP) - Parcel bombs went off in post offices across Kenya on Monday, killing five people,"
                        + " police said.\n\nOne of the dead was a clerk who was killed in Eldoret when the parcel"
                        + " he was sorting exploded.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getCountryCode()).isEqualTo("KE");
        assertThat(where.getAdmin1Code()).isNull();
    }

    @Test
    void shouldLeaveATollInNoRegionWhenTheReportSaysTheDeathsWereInTownsOfSeveralRegions() {
        ReportExtraction x = extract(
                "2024-02-10T12:00:00Z",
                "Police fire on protesters in Malawi, dozens dead",
                "LILONGWE (AP) - Police opened fire on crowds protesting fuel prices on Tuesday, killing at least 23"
                        + " people, officials said.\n\nThe deaths occurred mainly in the capital, Lilongwe, and the"
                        + " southern cities of Blantyre and Zomba, a minister said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getCountryCode()).isEqualTo("MW");
        assertThat(where.getAdmin1Code()).isNull();
    }

    @Test
    void shouldKeepTheCapitalsOwnRegionWhenAnotherTownIsCoordinatedAfterItsApposition() {
        ReportExtraction x = extract(
                "2024-02-10T12:00:00Z",
                "Police kill two protesters in Malawi",
                "Police shot dead two protesters on Monday in the capital, Lilongwe, and arrested dozens in the"
                        + " southern city of Blantyre, officials said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Lilongwe");
        assertThat(where.getAdmin1Code()).isEqualTo("MW-C");
    }

    @Test
    void shouldPlaceAVenueOnTheEdgeOfACityRegionInTheRegionAroundItAtTheTownNamed() {
        ReportExtraction x = extract(
                "2024-02-10T12:00:00Z",
                "Shopping centre shooting kills 14 near St Petersburg",
                "Gunmen opened fire in a crowded shopping centre on St Petersburg's northern edge on Friday, killing"
                        + " 14 people, investigators said. The mall in Vsevolozhsk was evacuated.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getAdmin1Code()).isEqualTo("RU-LEN");
        assertThat(where.getPlace()).isEqualTo("Vsevolozhsk");
    }

    @Test
    void shouldPlaceAnEventInTheCountrysideOutsideACityRegionInTheRegionAroundIt() {
        ReportExtraction x = extract(
                "2024-02-10T12:00:00Z",
                "Grenade kills six at Ethiopian bus station",
                "ADDIS ABABA (Reuters) - A grenade thrown into a crowded bus station in the countryside outside Addis"
                        + " Ababa killed six people on Sunday, police said.");

        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getAdmin1Code()).isEqualTo("ET-OR");
        assertThat(where.getGeoPrecision()).isEqualTo(GeoPrecision.ADMIN1);
    }

    @Test
    void shouldNotPlaceABorderFightInTheCapitalThatReportedTheOtherSidesDead() {
        ReportExtraction x = extract(
                "2024-02-10T12:00:00Z",
                "Dozens killed in Ethiopia-Eritrea border clashes",
                "ADDIS ABABA (Reuters) - At least 30 Ethiopian soldiers were killed in clashes with Eritrean forces"
                        + " along the disputed frontier, officials said on Friday, while Asmara reported 12 of its own"
                        + " troops dead.");

        for (IncidentMention i : x.getIncidents()) {
            assertThat(i.getLocation().getAdmin1Code()).isNotEqualTo("ER-MA");
            assertThat(i.getLocation().getPlace()).isNotEqualTo("Asmara");
        }
        assertThat(x.getIncidents()).isNotEmpty();
    }

    @Test
    void shouldPlaceAFightThatNamesTwoCountriesEquallyInTheCountryTheReportIsFiledFrom() {
        for (String[] dateline : new String[][] {{"ADDIS ABABA", "ET"}, {"ASMARA", "ER"}}) {
            ReportExtraction x = extract(
                    "2024-02-10T12:00:00Z",
                    "Border clash kills 20 soldiers",
                    dateline[0] + " (Reuters) - Ethiopian and Eritrean troops clashed overnight along the border,"
                            + " killing at least 20 soldiers, officials said on Tuesday.");

            assertThat(x.getIncidents().get(0).getLocation().getCountryCode())
                    .as(dateline[0])
                    .isEqualTo(dateline[1]);
        }
    }

    @Test
    void shouldNotPlaceAnEventInTheTownSomeoneComesFrom() {
        ReportExtraction originally = extract(
                "2024-01-10T10:00:00Z",
                "Trader shot dead in northeast Nigeria",
                "KANO (Reuters) - Gunmen shot dead a trader originally from Maiduguri at a market in Potiskum on"
                        + " Tuesday, police said.");
        ReportExtraction fighters = extract(
                "2024-01-10T10:00:00Z",
                "Police post attacked in Nigeria",
                "KANO (Reuters) - Three fighters from Maiduguri attacked a police post in Potiskum on Tuesday, killing"
                        + " two officers, police said.");
        ReportExtraction nativeOf = extract(
                "2024-01-10T10:00:00Z",
                "Guard killed in Nigeria",
                "KANO (Reuters) - A guard, a native of Maiduguri, was killed on Tuesday when gunmen stormed a bank in"
                        + " Potiskum, police said.");

        for (ReportExtraction x : new ReportExtraction[] {originally, fighters, nativeOf}) {
            Location where = x.getIncidents().get(0).getLocation();
            assertThat(where.getPlace()).isEqualTo("Potiskum");
            assertThat(where.getAdmin1Code()).isEqualTo("NG-YO");
        }
    }

    @Test
    void shouldReadABareGazaAsTheTerritoryAndGazaCityAsTheCitysGovernorate() {
        ReportExtraction strip = extract(
                "2024-05-10T12:00:00Z",
                "Air strikes kill 14 in Gaza",
                "Air strikes killed 14 people in Gaza on Thursday, the health ministry said.");
        Location territory = strip.getIncidents().get(0).getLocation();
        assertThat(territory.getCountryCode()).isEqualTo("PS");
        assertThat(territory.getPlace()).isEqualTo("Gaza");
        assertThat(territory.getAdmin1Code()).isNull();

        ReportExtraction city = extract(
                "2024-05-10T12:00:00Z",
                "Air strike kills six in Gaza City",
                "An air strike on a house in Gaza City killed six people on Thursday, medics said.");
        assertThat(city.getIncidents().get(0).getLocation().getAdmin1Code()).isEqualTo("PS-GZA");
    }

    @Test
    void shouldGiveAGovernorateNamedAfterItsSeatTheSeatsName() {
        ReportExtraction jericho = extract(
                "2024-05-10T12:00:00Z",
                "Farmer killed in West Bank",
                "A farmer was shot dead near Jericho on Thursday, the Palestinian health ministry said.");
        assertThat(jericho.getIncidents().get(0).getLocation().getAdmin1Code()).isEqualTo("PS-JRH");

        ReportExtraction hodeidah = extract(
                "2024-05-10T12:00:00Z",
                "Air strikes kill nine in Yemen",
                "Air strikes killed nine fishermen in Hodeidah province on Thursday, Houthi media said.");
        assertThat(hodeidah.getIncidents().get(0).getLocation().getAdmin1Code()).isEqualTo("YE-HU");
    }

    @Test
    void shouldPlaceAStrikeOnAPortOrTerminalInItsRegion() {
        ReportExtraction x = extract(
                "2024-05-10T12:00:00Z",
                "Strikes hit Yemen fuel terminal",
                "Strikes on the Ras Isa oil terminal killed 11 dock workers on Thursday, Houthi officials said.");
        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).startsWith("Ras Isa");
        assertThat(where.getAdmin1Code()).isEqualTo("YE-HU");
    }

    @Test
    void shouldPlaceAnAttackInANationalParkAndAVillageOnItsEdgeInThePartsRegion() {
        ReportExtraction park = extract(
                "2024-05-10T12:00:00Z",
                "Rangers killed in Benin park",
                "COTONOU (AFP) - Gunmen killed four rangers on patrol in Pendjari National Park on Thursday, the park's"
                        + " managers said.");
        assertThat(park.getIncidents().get(0).getLocation().getAdmin1Code()).isEqualTo("BJ-AK");

        ReportExtraction village = extract(
                "2024-05-10T12:00:00Z",
                "Soldiers killed in northern Benin",
                "COTONOU (AFP) - Six soldiers were killed when gunmen attacked an army post in northern Benin on"
                        + " Thursday, security sources said.\n\nA resident of Tindagou, a village on the edge of W"
                        + " National Park, said the attackers came on motorcycles.");
        Location where = village.getIncidents().get(0).getLocation();
        assertThat(where.getPlace()).isEqualTo("Tindagou");
        assertThat(where.getAdmin1Code()).isEqualTo("BJ-AL");
    }

    @Test
    void shouldGiveALaterIncidentOfTheDayThatNamesNoSiteNoRegionOfTheMainIncident() {
        ReportExtraction x = extract(
                "2024-05-10T12:00:00Z",
                "Roadside bomb kills four soldiers in Kenya's Mandera",
                "NAIROBI (AFP) - Four soldiers were killed on Thursday when their truck hit a roadside bomb near"
                        + " Elwak in Mandera county, police said.\n\nLater the same day a convoy carrying a member"
                        + " of parliament was ambushed, killing three police officers.");
        assertThat(x.getIncidents()).hasSize(2);
        assertThat(x.getIncidents().get(0).getLocation().getAdmin1Code()).isNotNull();
        Location later = x.getIncidents().get(1).getLocation();
        assertThat(later.getCountryCode()).isEqualTo("KE");
        assertThat(later.getAdmin1Code()).isNull();

        ReportExtraction there = extract(
                "2024-05-10T12:00:00Z",
                "Roadside bomb kills four soldiers in Kenya's Mandera",
                "NAIROBI (AFP) - Four soldiers were killed on Thursday when their truck hit a roadside bomb near"
                        + " Elwak in Mandera county, police said.\n\nLater the same day a second bomb went off near"
                        + " the market, killing two traders there.");
        assertThat(there.getIncidents()).hasSize(2);
        assertThat(there.getIncidents().get(1).getLocation().getAdmin1Code())
                .isEqualTo(there.getIncidents().get(0).getLocation().getAdmin1Code());
    }

    @Test
    void shouldPlaceAnEventOnARoadBetweenTownsOfTwoRegionsOnTheRoadInNoRegion() {
        ReportExtraction x = extract(
                "2024-05-10T12:00:00Z",
                "Gunmen kill three travellers in Nigeria",
                "KANO (Reuters) - Gunmen killed three travellers on the Maiduguri-Damaturu road on Tuesday, police"
                        + " said.");
        Location where = x.getIncidents().get(0).getLocation();
        assertThat(where.getCountryCode()).isEqualTo("NG");
        assertThat(where.getPlace()).isEqualTo("Maiduguri-Damaturu road");
        assertThat(where.getAdmin1Code()).isNull();
    }
}
