package org.wirewatch.extract.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActorsTest {

    private static final Actors ACTORS = Actors.load();

    private static ActorMention first(String text, String hint) {
        List<ActorMention> found = ACTORS.find(text, hint);
        assertThat(found).as("actors in: %s", text).isNotEmpty();
        return found.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            US-led coalition air strikes killed 43.                 | US-led coalition        | COALITION | US
            Anti-IS coalition raids kill 43 in east Syria.          | US-led coalition        | COALITION | US
            The U.S.-led coalition said it struck.                  | US-led coalition        | COALITION | US
            IS fighters withdrew into the desert.                   | Islamic State           | ISLAMIST  | -
            ISIS claimed the attack.                                | Islamic State           | ISLAMIST  | -
            Daesh militants attacked.                               | Islamic State           | ISLAMIST  | -
            The Islamic State group said.                           | Islamic State           | ISLAMIST  | -
            The SDF announced an assault.                           | Syrian Democratic Forces (SDF) | REBEL    | SY
            Houthi rebels fired missiles.                           | Houthis (Houthi movement, Ansar Allah) | REBEL | YE
            Ansar Allah said it downed a jet.                       | Houthis (Houthi movement, Ansar Allah) | REBEL | YE
            The Saudi-led coalition denied it.                      | Saudi-led coalition     | COALITION | SA
            Taliban fighters seized the district.                   | Taliban                 | ISLAMIST  | AF
            The Pakistani Taliban claimed the bombing.              | Tehrik-i-Taliban Pakistan (TTP) | ISLAMIST | PK
            The TTP said it carried out the attack.                 | Tehrik-i-Taliban Pakistan (TTP) | ISLAMIST | PK
            Al Shabaab fighters raided a police station.            | al-Shabaab              | ISLAMIST  | SO
            Suspected Boko Haram gunmen killed 47.                  | Boko Haram              | ISLAMIST  | NG
            ISWAP fighters overran a base.                          | ISWAP                   | ISLAMIST  | NG
            JNIM claimed the ambush.                                | JNIM                    | ISLAMIST  | ML
            Al-Qaeda's North African franchise claimed it.          | AQIM                    | ISLAMIST  | ML
            The Rapid Support Forces shelled the city.              | Rapid Support Forces (RSF) | MILITIA   | SD
            Wagner mercenaries were seen.                           | Wagner Group            | PMC       | RU
            M23 rebels advanced on Goma.                            | M23                     | REBEL     | CD
            ADF militants killed 30 villagers.                      | Allied Democratic Forces (ADF) | ISLAMIST | CD
            Hamas fired rockets.                                    | Hamas                   | ISLAMIST  | PS
            Hezbollah said.                                         | Hezbollah               | ISLAMIST  | LB
            The IDF said it struck.                                 | Israeli military        | STATE_MILITARY | IL
            Turkish shelling of Kurdish militia positions.          | Turkish military        | STATE_MILITARY | TR
            Russian warplanes bombed a village.                     | Russian forces          | STATE_MILITARY | RU
            Ukrainian forces shelled the city.                      | Ukrainian forces        | STATE_MILITARY | UA
            Nigerian troops repelled the attack.                    | Nigerian military       | STATE_MILITARY | NG
            Sudan's army retook the bridge.                         | Sudanese Armed Forces   | STATE_MILITARY | SD
            A U.S. drone struck a compound.                         | US military             | STATE_MILITARY | US
            Unidentified gunmen opened fire.                        | gunmen                  | UNKNOWN_GUNMEN | -
            Suspected jihadists stormed the camp.                   | militants               | MILITANTS | -
            Armed bandits abducted 30 pupils.                       | bandits                 | CRIMINAL  | -
            Baloch separatists attacked a convoy.                   | Baloch Liberation Army (BLA) | REBEL | PK
            The Balochistan Liberation Army claimed it.             | Baloch Liberation Army (BLA) | REBEL | PK
            The Islamic State-linked Sinai Province said it.        | Sinai Province          | ISLAMIST  | EG
            Wilayat Sinai fighters ambushed a checkpoint.           | Sinai Province          | ISLAMIST  | EG
            Jaish al-Adl gunmen raided a border post.               | Jaish al-Adl            | ISLAMIST  | IR
            """)
    void shouldFindActorWithCanonicalNameWhenAliasIsUsed(String text, String canonical, String kind, String cc) {
        ActorMention m = first(text, null);

        assertThat(m.canonicalName()).isEqualTo(canonical);
        assertThat(m.kind()).isEqualTo(kind);
        assertThat(m.countryCode()).isEqualTo(cc);
        assertThat(text.substring(m.start(), m.end())).isEqualTo(m.surface());
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Regime forces retook the last IS foothold.  | SY | Syrian regime forces
            Government forces shelled the town.         | SY | Syrian regime forces
            The army said it killed 20 militants.       | NG | Nigerian military
            Coalition air strikes hit the village.      | SY | US-led coalition
            Coalition air raids killed 31 civilians.    | YE | Saudi-led coalition
            Police said the bomb went off.              | PK | Pakistani police
            """)
    void shouldNameGenericPartyByCountryHintWhenNoCountryWordPrecedesIt(String text, String hint, String canonical) {
        assertThat(first(text, hint).canonicalName()).isEqualTo(canonical);
        assertThat(first(text, hint).countryCode()).isEqualTo(hint);
    }

    @Test
    void shouldKeepGenericNameWhenNoCountryIsKnown() {
        ActorMention m = first("Government forces shelled the town.", null);

        assertThat(m.canonicalName()).isEqualTo("government forces");
        assertThat(m.countryCode()).isNull();
        assertThat(m.generic()).isTrue();
    }

    @Test
    void shouldPreferCountryWordOverHintWhenBothExist() {
        ActorMention m = first("Russian warplanes bombed Idlib.", "SY");

        assertThat(m.canonicalName()).isEqualTo("Russian forces");
        assertThat(m.surface()).isEqualTo("Russian warplanes");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "This is how it works, he said.",
                "The air strike killed 12.",
                "Drones were seen over the city.",
                "She said it was his choice.",
                "A suicide bomber blew himself up.",
            })
    void shouldNotFindActorWhenNoneIsNamed(String text) {
        assertThat(ACTORS.find(text, null)).isEmpty();
    }

    @Test
    void shouldFindAllActorsInTextOrder() {
        String text = "The SDF, backed by the US-led coalition, fought IS near Hajin while Turkish troops shelled "
                + "YPG positions.";

        assertThat(ACTORS.find(text))
                .extracting(ActorMention::canonicalName)
                .containsExactly(
                        "Syrian Democratic Forces (SDF)",
                        "US-led coalition",
                        "Islamic State",
                        "Turkish military",
                        "YPG");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            A Turkish drone hit a car near the border.              | Turkish drone      | Turkish military  | TR
            Russian missiles slammed into a power plant.            | Russian missiles   | Russian forces    | RU
            An Israeli strike flattened a house.                    | Israeli strike     | Israeli military  | IL
            Kenyan air strikes hit the camp.                        | Kenyan air strikes | Kenyan military   | KE
            Pakistani artillery fire struck the village.            | Pakistani artillery fire | Pakistani military | PK
            """)
    void shouldNameStateMilitaryWhenDemonymPrecedesWeapon(String text, String surface, String canonical, String cc) {
        ActorMention m = first(text, null);

        assertThat(m.surface()).isEqualTo(surface);
        assertThat(m.canonicalName()).isEqualTo(canonical);
        assertThat(m.countryCode()).isEqualTo(cc);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "A Lebanon strike was reported.",
                "The Ukraine drone programme grew.",
            })
    void shouldNotNameStateWhenCountryNameOnlyLocatesWeapon(String text) {
        assertThat(ACTORS.find(text, null)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The Islamic State-linked Mozambique Liberation Front (MLF) claimed it.         | MLF  | REBEL
            An IS-affiliated Union of Mujahideen of the Sahel (UMS) fighter was killed.   | UMS  | ISLAMIST
            The al-Qaeda-aligned Support Group for Islam and Muslims (JNIM) said so.      | JNIM | ISLAMIST
            The Movement for the Salvation of Azawad (MSA) repelled the assault.         | MSA  | REBEL
            """)
    void shouldNameGroupByAcronymWhenLongNameIsFollowedByItInBrackets(String text, String canonical, String kind) {
        List<ActorMention> found = ACTORS.find(text, null);

        assertThat(found).extracting(ActorMention::canonicalName).containsExactly(canonical);
        assertThat(found.get(0).kind()).isEqualTo(kind);
    }

    @Test
    void shouldNotStretchLongNameOverDatelineWhenAcronymFollows() {
        String text = "DAKAR, March 3 (Reuters) - Patriotic Liberation Front (PLF) fighters raided a base.";

        ActorMention m = first(text, null);

        assertThat(m.canonicalName()).isEqualTo("PLF");
        assertThat(m.surface()).isEqualTo("Patriotic Liberation Front (PLF)");
    }

    @Test
    void shouldNotTakeInstitutionForArmedGroupWhenAcronymFollowsItsName() {
        assertThat(ACTORS.find("The World Food Programme (WFP) said aid was blocked.", null))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The Kraze Baryè gang torched dozens of homes.            | Kraze Baryè gang  | CRIMINAL
            Members of the Lendu Ngiti militia raided the market.     | Lendu Ngiti militia | MILITIA
            Gunmen of the Tierra Caliente cartel ambushed police.     | Tierra Caliente cartel | CRIMINAL
            Members of the Calle 9 gang opened fire on the bus.       | Calle 9 gang      | CRIMINAL
            Fighters of the 15 Brigade shelled the port.              | 15 Brigade        | MILITIA
            """)
    void shouldNameGangOrMilitiaAsWrittenWhenHeadNounFollowsName(String text, String canonical, String kind) {
        ActorMention m = ACTORS.find(text, "HT").stream()
                .filter(a -> a.canonicalName().equals(canonical))
                .findFirst()
                .orElseThrow(() -> new AssertionError(ACTORS.find(text, "HT").toString()));

        assertThat(m.kind()).isEqualTo(kind);
        assertThat(m.generic()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Herders attacked settlers in the valley.",
                "Two soldiers were listed as KIA after the battle.",
                "Amal Clooney spoke at the hearing.",
            })
    void shouldNotTakeAmbiguousWordForArmedGroupWhenUsedInItsCommonSense(String text) {
        assertThat(ACTORS.find(text, null)).noneMatch(a -> a.countryCode() != null);
    }

    @Test
    void shouldNotTakeACountOrAYearForTheNameOfAGang() {
        assertThat(ACTORS.find("Police killed 12 gang members in 2019 gang raids.", null))
                .extracting(ActorMention::canonicalName)
                .containsExactly("police", "gangs");
    }

    @Test
    void shouldKeepGenericGangsWhenOnlyANationalityPrecedesThem() {
        assertThat(ACTORS.find("Haitian gangs stormed the port.", null))
                .extracting(ActorMention::canonicalName)
                .containsExactly("gangs");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Dissidents of the former FARC set off the blast.                | CO | FARC dissidents
            FARC dissidents attacked a police post in Jamundi.              | CO | FARC dissidents
            ELN guerrillas blew up a pipeline.                              | CO | ELN
            The Clan del Golfo imposed a curfew.                            | CO | Clan del Golfo
            CJNG gunmen set fire to vehicles.                               | MX | CJNG
            KIA fighters overran an outpost.                                | MM | Kachin Independence Army (KIA)
            The Arakan Army seized the town.                                | MM | Arakan Army
            The junta's aircraft bombed a school.                           | MM | Myanmar military
            The junta's troops torched the village.                         | ML | Malian military
            Fano militiamen ambushed a convoy.                              | ET | Fano
            OLA rebels abducted 20 passengers.                              | ET | Oromo Liberation Army (OLA)
            ENDF troops shelled the town.                                   | ET | Ethiopian military
            Suspected al-Shabaab insurgents beheaded three men.             | MZ | Ansar al-Sunna (al-Shabaab)
            Ambazonian fighters burned a school.                            | CM | Ambazonian separatists
            Asaib Ahl al-Haq fighters deployed to the border.               | IQ | Asaib Ahl al-Haq
            LNA warplanes struck the airbase.                               | LY | Libyan National Army (LNA)
            Giants Brigades repelled a Houthi attack.                       | YE | Giants Brigades
            Maoist rebels triggered a landmine in Chhattisgarh.            | IN | Maoist rebels (CPI-Maoist)
            The Resistance Front claimed the killing.                       | IN | The Resistance Front
            NPA guerrillas ambushed a patrol.                               | PH | New People's Army (NPA)
            Abu Sayyaf militants beheaded a hostage.                        | PH | Abu Sayyaf
            Viv Ansanm gunmen attacked the suburb.                          | HT | Viv Ansanm
            """)
    void shouldFindRegionalArmedGroupsWhenNamedByAnyCommonForm(String text, String hint, String canonical) {
        assertThat(first(text, hint).canonicalName()).isEqualTo(canonical);
    }
}
