package org.wirewatch.extract.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GazetteerTest {

    private static final Gazetteer GAZ = Gazetteer.load();

    private static Optional<GeoMention> first(String text, String surfaceStartsWith) {
        return GAZ.find(text).stream()
                .filter(m -> m.surface().startsWith(surfaceStartsWith))
                .findFirst();
    }

    private static GeoMention only(String text, String surfaceStartsWith) {
        return first(text, surfaceStartsWith)
                .orElseThrow(() -> new AssertionError(
                        "no mention starting with '" + surfaceStartsWith + "' in: " + text + " -> " + GAZ.find(text)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Fighting continued in Syria on Monday.                          | Syria           | SY
            Rebels in DR Congo seized a town.                               | DR Congo        | CD
            The DRC army said it repelled the attack.                       | DRC             | CD
            Officials in the US condemned the raid.                         | US              | US
            Troops from the U.S. arrived.                                   | U.S.            | US
            Unrest spread across Côte d'Ivoire and Burkina Faso.            | Côte d'Ivoire   | CI
            Clashes erupted in Burkina Faso overnight.                      | Burkina Faso    | BF
            Myanmar's junta bombed a village.                               | Myanmar         | MM
            The attack in Burma killed nine.                                | Burma           | MM
            Gunmen in the Central African Republic killed 12.               | Central African Republic | CF
            Türkiye sent troops.                                            | Türkiye         | TR
            South Sudan's army said.                                        | South Sudan     | SS
            """)
    void shouldFindCountryWhenTheTextNamesItOrAShortForm(String text, String surface, String code) {
        GeoMention m = only(text, surface);

        assertThat(m.kind()).isEqualTo(GeoKind.COUNTRY);
        assertThat(m.countryCode()).isEqualTo(code);
        assertThat(m.surface()).isEqualTo(surface);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Syrian troops advanced.                  | Syrian    | SY
            Two Afghan soldiers died.                | Afghan    | AF
            Eleven Malian soldiers were killed.      | Malian    | ML
            Nigerien forces said.                    | Nigerien  | NE
            Nigerian forces said.                    | Nigerian  | NG
            Yemenis fled the fighting.               | Yemenis   | YE
            """)
    void shouldFindDemonymAsCountryHintWhenNationalityIsNamed(String text, String surface, String code) {
        GeoMention m = only(text, surface);

        assertThat(m.kind()).isEqualTo(GeoKind.DEMONYM);
        assertThat(m.countryCode()).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Strikes hit the Deir Ezzor province of Syria.                      | Deir Ezzor province     | SY-DY
            Fighting in Deir ez-Zor governorate continued, Syrian sources said. | Deir ez-Zor governorate | SY-DY
            Shelling in Dayr az Zawr Governorate killed three Syrian soldiers. | Dayr az Zawr Governorate | SY-DY
            Strikes hit Deir al-Zor province, Syrian state media said.         | Deir al-Zor province    | SY-DY
            Police in Khyber Pakhtunkhwa province said.                        | Khyber Pakhtunkhwa province | PK-KP
            A blast in Baluchistan killed four, Pakistani police said.         | Baluchistan             | PK-BA
            A blast in Balochistan province killed four.                       | Balochistan province    | PK-BA
            Boko Haram attacked villages in Borno state.                       | Borno state             | NG-BO
            Fighting in North Darfur intensified.                              | North Darfur            | SD-DN
            Shelling in the Donetsk region killed two.                         | Donetsk region          | UA-14
            Russian troops pushed into the Donetsk oblast.                     | Donetsk oblast          | UA-14
            Militants attacked in Somalia's Middle Shabelle region.            | Middle Shabelle region  | SO-SD
            Air raids hit Yemen's northern al-Jawf province.                   | al-Jawf province        | YE-JA
            Gunmen struck in the western province of Farah, Afghan officials said. | Farah               | AF-FRA
            Clashes in Aleppo province left 12 dead, Syrian activists said.    | Aleppo province         | SY-HL
            A bomb exploded in Nangarhar province.                             | Nangarhar province      | AF-NAN
            Militants stormed a base in Cabo Delgado province.                 | Cabo Delgado province   | MZ-P
            M23 rebels advanced in North Kivu.                                 | North Kivu              | CD-NK
            Fighting raged in Tigray, Ethiopia.                                | Tigray                  | ET-TI
            Border guards were ambushed in Sistan and Baluchestan province.    | Sistan and Baluchestan province | IR-11
            """)
    void shouldFindFirstLevelRegionWhenWrittenInAnyCommonSpelling(String text, String surface, String code) {
        GeoMention m = only(text, surface.split(" ")[0]);

        assertThat(m.kind()).isEqualTo(GeoKind.ADMIN1);
        assertThat(m.admin1Code()).isEqualTo(code);
        assertThat(m.countryCode()).isEqualTo(code.substring(0, 2));
        assertThat(m.surface()).isEqualTo(surface);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Deir Ezzor", "Deir ez-Zor", "Dayr az Zawr", "Deir al-Zor", "Deir el-Zor"})
    void shouldResolveBareRegionNameToItsRegionWhetherCityOrProvinceIsMeant(String spelling) {
        GeoMention m = only("Fighting spread in " + spelling + " on Sunday, Syrian activists said.", "D");

        assertThat(m.admin1Code()).isEqualTo("SY-DY");
        assertThat(m.kind()).isIn(GeoKind.ADMIN1, GeoKind.PLACE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            A missile hit the station in Kramatorsk on Friday.               | Kramatorsk | UA | UA-14
            A bomb exploded in Quetta, Pakistani police said.                | Quetta     | PK | PK-BA
            The RSF shelled El Fasher again.                                 | El Fasher  | SD | SD-DN
            Al Shabaab raided a police station in Afgoi, Somali police said. | Afgoi      | SO | SO-SH
            Jets struck Idlib city overnight, a Syrian monitor said.         | Idlib      | SY | SY-ID
            A suicide bomber struck in Maiduguri, Nigeria.                   | Maiduguri  | NG | NG-BO
            Gunmen killed 12 near Kidal, Malian officials said.              | Kidal      | ML | ML-8
            Rockets fell on Mosul.                                           | Mosul      | IQ | IQ-NI
            Houthi drones targeted Marib city, Yemeni officials said.        | Marib      | YE | YE-MA
            Two blasts shook a market in Zahedan, Iranian media said.        | Zahedan    | IR | IR-11
            A gas depot burned outside Isfahan, Iranian state TV reported.   | Isfahan    | IR | IR-10
            Police stations were attacked in Mashhad, Iran.                  | Mashhad    | IR | IR-09
            Gunmen raided an army post in the Lake Chad area, Chad's army said. | Lake Chad | TD | TD-LC
            Jihadists hit a fishing camp on Lake Chad, Nigerian police said.  | Lake Chad  | NG | NG-BO
            """)
    void shouldFindPopulatedPlaceWithItsRegionWhenInGazetteer(String text, String surface, String cc, String admin1) {
        GeoMention m = only(text, surface);

        assertThat(m.kind()).isEqualTo(GeoKind.PLACE);
        assertThat(m.countryCode()).isEqualTo(cc);
        assertThat(m.admin1Code()).isEqualTo(admin1);
        assertThat(m.latitude()).isNotNull();
        assertThat(m.population()).isPositive();
    }

    @Test
    void shouldPlaceUnknownVillageInRegionWhenCuedAsVillageOfXInYProvince() {
        String text = "Coalition air strikes early Saturday on the village of Abu Husn in Deir Ezzor province "
                + "killed 36 people.";

        GeoMention village = only(text, "Abu Husn");

        assertThat(village.kind()).isEqualTo(GeoKind.PLACE);
        assertThat(village.surface()).isEqualTo("Abu Husn");
        assertThat(village.countryCode()).isEqualTo("SY");
        assertThat(village.admin1Code()).isEqualTo("SY-DY");
        assertThat(village.outsideGazetteer()).isTrue();
        assertThat(only(text, "Deir").kind()).isEqualTo(GeoKind.ADMIN1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Gunmen stormed Kafr Batna, a town in Rif Dimashq, killing four.                        | Kafr Batna  | SY | SY-RD
            The militants took the Wuro Baba village near Borno's Gwoza, Nigerian police said.       | Wuro Baba   | NG | NG-BO
            Fighting in the Shuhada district of Kandahar province killed six.                        | Shuhada     | AF | AF-KAN
            Jets bombed the hamlet of Tell Tamr al-Gharbi in Hasakeh province.                       | Tell Tamr al-Gharbi | SY | SY-HA
            Police said gunmen attacked Kofar Dutse village in Zamfara state.                        | Kofar Dutse | NG | NG-ZA
            Rebels torched Ngolo Tanga, a community in Congo's eastern province of Ituri.             | Ngolo Tanga | CD | CD-IT
            Insurgents raided Nkonga Wiri, a settlement in Mozambique's northern province of Cabo Delgado. | Nkonga Wiri | MZ | MZ-P
            Troops clashed with rebels in the town of Tungo Bale in Colombia's Narino department.     | Tungo Bale | CO | CO-NAR
            Soldiers killed two men in Menka Abo, a locality in Cameroon's North West region.          | Menka Abo  | CM | CM-NW
            A bomb went off in the Ruba Nuevo neighbourhood of Celaya, in Mexico's Guanajuato state.  | Ruba Nuevo | MX | MX-GUA
            Gunmen killed a farmer in Kalpo Shari district of Borno state, police said.                | Kalpo Shari | NG | NG-BO
            Gunmen killed five in the Dereig Kalma sub-district of Nyala, in Sudan's South Darfur state. | Dereig Kalma | SD | SD-DS
            """)
    void shouldPlaceCuedPlaceInsideNamedRegion(String text, String surface, String cc, String admin1) {
        GeoMention m = only(text, surface);

        assertThat(m.kind()).isEqualTo(GeoKind.PLACE);
        assertThat(m.surface()).isEqualTo(surface);
        assertThat(m.countryCode()).isEqualTo(cc);
        assertThat(m.admin1Code()).isEqualTo(admin1);
    }

    @Test
    void shouldGiveCuedPlaceTheTextsOnlyRegionWhenNoRegionFollowsTheCue() {
        String text = "U.S.-backed fighters drove Islamic State out of the town of al-Shadadi on Friday. "
                + "Al-Shadadi lies in Syria's Hasaka province, near the Iraqi border.";

        GeoMention town = only(text, "al-Shadadi");

        assertThat(town.countryCode()).isEqualTo("SY");
        assertThat(town.admin1Code()).isEqualTo("SY-HA");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Police said the blast killed four.",
                "Mobile phone networks were cut.",
                "Victoria Nuland met the minister.",
                "There is hope for a ceasefire, Hope said.",
                "Said Ahmed, a resident, said four were killed.",
                "A spokesman, Sean Ryan, told AFP that no civilians were hit.",
                "Observatory chief Rami Abdel Rahman said.",
                "The Islamic State group claimed the attack.",
                "In August the army announced an offensive.",
                "On Saturday, the coalition said it had struck.",
                "The Interior Ministry said on Tuesday.",
                "Reading the statement, the president said.",
                "us and them, said the witness.",
                "Rapid Support Forces fighters looted the market.",
                "President Joe Biden met his aides at the White House.",
                "Hassan said the attackers came at night.",
                "Omar and Khalid were among the dead.",
                "Sahel. West Africa.",
                "He met the Red Cross delegation.",
            })
    void shouldNotFindPlaceWhenWordIsAPersonOrCommonWord(String text) {
        List<GeoMention> found = GAZ.find(text);

        assertThat(found)
                .filteredOn(m -> m.kind() == GeoKind.PLACE || m.kind() == GeoKind.ADMIN1)
                .isEmpty();
    }

    @Test
    void shouldPreferPlaceInCountryOfTheTextWhenNameIsAmbiguous() {
        String sy = "Regime forces shelled Tripoli, the monitor said, as Syrian jets flew over.";
        String ly = "Militias clashed in Tripoli, Libyan officials said.";
        String lb = "Clashes in Tripoli killed two, Lebanese security sources said.";

        assertThat(only(ly, "Tripoli").countryCode()).isEqualTo("LY");
        assertThat(only(lb, "Tripoli").countryCode()).isEqualTo("LB");
        assertThat(GAZ.find(sy, Set.of("LB")).stream()
                        .filter(m -> m.surface().equals("Tripoli"))
                        .findFirst()
                        .map(GeoMention::countryCode))
                .contains("LB");
    }

    @Test
    void shouldKeepWorldCityWhenAnotherCountryIsMentionedOnce() {
        String text = "Officials from America flew to Cairo on Monday.";

        assertThat(only(text, "Cairo").countryCode()).isEqualTo("EG");
    }

    @Test
    void shouldPreferCountryNamedJustBeforeWhenRegionNameExistsInSeveralCountries() {
        String text = "Saudi-led coalition jets struck Yemen's northern al-Jawf province, a Saudi official said.";

        assertThat(only(text, "al-Jawf").admin1Code()).isEqualTo("YE-JA");
    }

    @Test
    void shouldGiveCuedPlaceCountryAndRegionOfTheTextsPlacesWhenNoCountryIsNamed() {
        String text =
                "QUETTA: A bomb went off in the Bacha Khan Chowk area of the city on Tuesday, Quetta police said.";

        GeoMention area = only(text, "Bacha Khan Chowk");

        assertThat(area.countryCode()).isEqualTo("PK");
        assertThat(area.admin1Code()).isEqualTo("PK-BA");
    }

    @Test
    void shouldNotMoveCuedDistrictToAnotherRegionWhenTheTextNamesItsOwnRegion() {
        String text = "Taliban fighters seized the centre of Kohistan district in Afghanistan's Badakhshan province "
                + "on Friday. Kohistan is the third district of the province to fall.";

        List<GeoMention> kohistan = GAZ.find(text).stream()
                .filter(m -> m.surface().equals("Kohistan"))
                .toList();

        assertThat(kohistan).hasSize(2).allSatisfy(m -> {
            assertThat(m.countryCode()).isEqualTo("AF");
            assertThat(m.admin1Code()).isIn("AF-BDS", null);
        });
    }

    @Test
    void shouldUseExternalCountryHintWhenTextNamesNoCountry() {
        String text = "Gunmen attacked the market in Mubi on Sunday.";

        List<GeoMention> found = GAZ.find(text, Set.of("NG"));

        assertThat(found)
                .extracting(GeoMention::surface, GeoMention::countryCode)
                .contains(org.assertj.core.groups.Tuple.tuple("Mubi", "NG"));
    }

    @Test
    void shouldReturnNonOverlappingMentionsInTextOrder() {
        String text = "KABUL, Afghanistan: Taliban fighters seized a district centre in north-eastern "
                + "Afghanistan's Badakhshan province, and an official was shot dead in Farah, officials in Kabul said.";

        List<GeoMention> found = GAZ.find(text);

        assertThat(found)
                .extracting(GeoMention::surface)
                .containsExactly("KABUL", "Afghanistan", "Afghanistan", "Badakhshan province", "Farah", "Kabul");
        for (int i = 1; i < found.size(); i++) {
            assertThat(found.get(i).start())
                    .isGreaterThanOrEqualTo(found.get(i - 1).end());
        }
        for (GeoMention m : found) {
            assertThat(text.substring(m.start(), m.end())).isEqualTo(m.surface());
        }
    }

    @Test
    void shouldNameCountriesAndRegionsByCode() {
        assertThat(GAZ.countryName("SY")).contains("Syria");
        assertThat(GAZ.countryName("cd")).contains("Democratic Republic of the Congo");
        assertThat(GAZ.admin1Name("SY-DY")).contains("Deir ez-Zor");
        assertThat(GAZ.countryName("QQ")).isEmpty();
    }

    @Test
    void shouldLoadOnceAndFindTheSameWhenCalledFromManyThreads() throws Exception {
        String text = "Air strikes on the village of Abu Husn in Deir Ezzor province killed 43, the monitor said.";
        List<GeoMention> expected = Gazetteer.load().find(text);

        List<List<GeoMention>> results = java.util.concurrent.ForkJoinPool.commonPool()
                .submit(() -> java.util.stream.IntStream.range(0, 64)
                        .parallel()
                        .mapToObj(i -> Gazetteer.load().find(text))
                        .toList())
                .get();

        assertThat(Gazetteer.load()).isSameAs(GAZ);
        assertThat(results).allSatisfy(r -> assertThat(r).isEqualTo(expected));
    }

    @Test
    void shouldNotTakeForeignNamesakeWhenCuedPlaceLiesInTheTextsCountry() {
        String text = "In Congo's Ituri province, militiamen attacked the Bambu Kivi camp near the town of Bule "
                + "overnight, officials said.";

        GeoMention camp = only(text, "Bambu Kivi");
        GeoMention town = only(text, "Bule");

        assertThat(camp.countryCode()).isEqualTo("CD");
        assertThat(camp.admin1Code()).isEqualTo("CD-IT");
        assertThat(town.countryCode()).isEqualTo("CD");
    }

    @Test
    void shouldNotTakeRegionOfAnotherCountryWhenItsNameEndsALongerName() {
        String text = "Rebels ambushed soldiers near Daet in Camarines Norte province, the Philippine army said.";

        assertThat(GAZ.find(text)).noneMatch(m -> "GW".equals(m.countryCode()));
    }

    @Test
    void shouldFindASecondLevelDivisionOnlyInACountryTheTextIsAbout() {
        GeoMention home = only("Nigerian troops patrolled Kwande local government area on Monday.", "Kwande");
        List<GeoMention> abroad = GAZ.find("Kenyan troops patrolled Kwande local government area on Monday.");

        assertThat(home.kind()).isEqualTo(GeoKind.PLACE);
        assertThat(home.division()).isTrue();
        assertThat(home.outsideGazetteer()).isFalse();
        assertThat(home.countryCode()).isEqualTo("NG");
        assertThat(home.admin1Code()).isEqualTo("NG-BE");
        assertThat(home.surface()).isEqualTo("Kwande");
        assertThat(abroad).noneMatch(m -> m.surface().startsWith("Kwande"));
    }
}
