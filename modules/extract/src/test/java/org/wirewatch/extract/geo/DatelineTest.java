package org.wirewatch.extract.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatelineTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            BEIRUT: US-led coalition air strikes killed 43.                    | BEIRUT     | LB | LB-BA | -       | -       | US-led
            KABUL, Afghanistan (AP) — A suicide bomber struck.                 | KABUL      | AF | AF-KAB | AP     | -       | A suicide
            EL FASHER, Sudan: At least 53 people were killed.                  | EL FASHER  | SD | SD-DN | -       | -       | At least
            Quetta, Pakistan, Aug 8 (Reuters) - A bomb exploded.               | Quetta     | PK | PK-BA | Reuters | Aug 8   | A bomb
            MOGADISHU, Jan. 5 (Xinhua) -- Al-Shabaab militants attacked.       | MOGADISHU  | SO | SO-BN | Xinhua  | Jan. 5  | Al-Shabaab
            KYIV (Reuters) - At least 39 people were killed.                   | KYIV       | UA | UA-30 | Reuters | -       | At least
            PESHAWAR, Pakistan - At least six people were killed.              | PESHAWAR   | PK | PK-KP | -       | -       | At least
            GLION, Switzerland (Reuters) - The two sides agreed.               | GLION      | CH | -     | Reuters | -       | The two
            ABUJA, March 5 (Xinhua) - Gunmen killed 47 villagers.              | ABUJA      | NG | NG-FC | Xinhua  | March 5 | Gunmen
            UNITED NATIONS (AP) — The Security Council met.                    | UNITED NATIONS | - | -  | AP      | -       | The Security
            MAIDUGURI, Nigeria, Feb 3, 2024 (AFP) — Jets bombed a camp.        | MAIDUGURI  | NG | NG-BO | AFP     | Feb 3, 2024 | Jets
            BAMAKO/DAKAR (Reuters) - Gunmen killed 12 traders.                 | BAMAKO     | ML | -     | Reuters | -       | Gunmen
            Karachi: Two policemen were shot dead at a checkpoint.             | Karachi    | PK | PK-SD | -       | -       | Two policemen
            """)
    void shouldParseDatelineWhenStoryOpensWithOne(
            String body, String place, String cc, String admin1, String agency, String date, String textStartsWith) {
        Optional<Dateline> d = Dateline.parse(body);

        assertThat(d).isPresent();
        assertThat(d.get().place()).isEqualTo(place);
        assertThat(d.get().countryCode()).isEqualTo(cc);
        if (admin1 != null) {
            assertThat(d.get().admin1Code()).isEqualTo(admin1);
        }
        assertThat(d.get().agency()).isEqualTo(agency);
        assertThat(d.get().date()).isEqualTo(date);
        assertThat(body.substring(d.get().textStart())).startsWith(textStartsWith);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "Local pro-democracy activists said an assault killed 25.",
                "US-led coalition air strikes Saturday killed 43 people.",
                "Eleven Malian soldiers died on Monday - the government said.",
                "At least 44 people died: the heaviest toll this year.",
                "Police: two men were arrested after the raid.",
                "Victoria: a survivor tells her story.",
                "",
            })
    void shouldFindNoDatelineWhenStoryOpensWithASentence(String body) {
        assertThat(Dateline.parse(body)).isEmpty();
    }
}
