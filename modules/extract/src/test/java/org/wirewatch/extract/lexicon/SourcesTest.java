package org.wirewatch.extract.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wirewatch.schema.SourceType;

class SourcesTest {

    private static final Sources SOURCES = Sources.load();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            the Syrian Observatory for Human Rights said.          | -  | Syrian Observatory for Human Rights | MONITOR
            the Britain-based monitor said.                        | SY | Syrian Observatory for Human Rights | MONITOR
            the monitor said.                                      | -  | monitor                             | MONITOR
            according to the SOHR.                                 | -  | Syrian Observatory for Human Rights | MONITOR
            according to Airwars.                                  | -  | Airwars                             | MONITOR
            ACLED data showed.                                     | -  | ACLED                               | MONITOR
            the interior ministry said.                            | -  | interior ministry                   | GOVERNMENT
            The Health Ministry said.                              | -  | health ministry                     | GOVERNMENT
            the Defence Ministry said.                             | -  | defence ministry                    | GOVERNMENT
            a government spokesman said.                           | -  | government                          | GOVERNMENT
            the provincial governor said.                          | -  | governor                            | GOVERNMENT
            doctors at the scene said.                             | -  | medics                              | MEDICAL
            hospital officials said.                               | -  | hospital                            | MEDICAL
            Medecins Sans Frontieres said.                         | -  | Medecins Sans Frontieres            | MEDICAL
            MSF said.                                              | -  | Medecins Sans Frontieres            | MEDICAL
            the Sudan Doctors Network said.                        | -  | Sudan Doctors Network               | MEDICAL
            OCHA said.                                             | -  | OCHA                                | UN_NGO
            the United Nations said.                               | -  | United Nations                      | UN_NGO
            UNICEF said.                                           | -  | UNICEF                              | UN_NGO
            the ICRC said.                                         | -  | Red Cross                           | UN_NGO
            Human Rights Watch said.                               | -  | Human Rights Watch                  | UN_NGO
            Amnesty International said.                            | -  | Amnesty International               | UN_NGO
            state television reported.                             | -  | state media                         | MEDIA
            a local official said.                                 | -  | local official                      | LOCAL_OFFICIAL
            the district governor said.                            | -  | local official                      | LOCAL_OFFICIAL
            a village elder said.                                  | -  | local official                      | LOCAL_OFFICIAL
            police said.                                           | -  | police                              | LOCAL_OFFICIAL
            witnesses said.                                        | -  | witnesses                           | WITNESS
            residents said.                                        | -  | witnesses                           | WITNESS
            survivors said.                                        | -  | witnesses                           | WITNESS
            the Taliban said.                                      | -  | Taliban                             | BELLIGERENT
            al-Shabaab said.                                       | -  | al-Shabaab                          | BELLIGERENT
            the Russian Defence Ministry said.                     | -  | Russian defence ministry            | GOVERNMENT
            Afghanistan's interior ministry said.                  | -  | Afghan interior ministry            | GOVERNMENT
            the Sudan Doctors' Network said.                       | -  | Sudan Doctors Network               | MEDICAL
            the El Fasher Resistance Committees said.              | -  | Resistance Committees               | MONITOR
            Iraqi military sources said.                           | -  | Iraqi military                      | BELLIGERENT
            the Tehreek-i-Taliban Pakistan said.                   | -  | Tehrik-i-Taliban Pakistan (TTP)     | BELLIGERENT
            """)
    void shouldClassifySourceWhenNamedInAttribution(String text, String hint, String canonical, SourceType type) {
        List<SourceMention> found = SOURCES.find(text, hint);

        assertThat(found).as("sources in: %s", text).isNotEmpty();
        assertThat(found.get(0).canonicalName()).isEqualTo(canonical);
        assertThat(found.get(0).type()).isEqualTo(type);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Observatory chief Rami Abdel Rahman                    | Syrian Observatory for Human Rights | MONITOR
            a spokesman for the US-led coalition                   | US-led coalition                    | BELLIGERENT
            a senior police officer                                | local official                      | LOCAL_OFFICIAL
            a spokesman for the health ministry                    | health ministry                     | GOVERNMENT
            Abdifatah Mohamed, a police officer in the region      | local official                      | LOCAL_OFFICIAL
            the World Health Organization's representative         | World Health Organization           | UN_NGO
            """)
    void shouldResolveAttributionPhraseToMostSpecificSource(String phrase, String canonical, SourceType type) {
        SourceMention m = SOURCES.resolve(phrase).orElseThrow();

        assertThat(m.canonicalName()).isEqualTo(canonical);
        assertThat(m.type()).isEqualTo(type);
    }

    @Test
    void shouldNotMatchCommonWordsAsSourcesWhenLowerCase() {
        assertThat(SOURCES.find("who knows what happened at dawn, and an amnesty was offered"))
                .extracting(SourceMention::canonicalName)
                .doesNotContain("World Health Organization", "news media", "Amnesty International");
    }

    @Test
    void shouldReturnEmptyWhenPhraseNamesNoSource() {
        assertThat(SOURCES.resolve("he added")).isEmpty();
        assertThat(SOURCES.resolve("")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Colonel Abdou Sidibe                            | ML | Malian military     | BELLIGERENT
            the army spokeswoman in Sagaing, Captain Thet Su | MM | Myanmar military   | BELLIGERENT
            Maj. Gen. Omar Yusuf                            | NG | Nigerian military   | BELLIGERENT
            a security source                               | -  | local official      | LOCAL_OFFICIAL
            two villagers and a health worker               | -  | witnesses           | WITNESS
            local media                                     | -  | news media          | MEDIA
            an AFP tally                                    | -  | news media          | MEDIA
            state television                                | -  | state media         | MEDIA
            the UN human rights office                      | -  | UN human rights office | UN_NGO
            a community leader                              | -  | local official      | LOCAL_OFFICIAL
            """)
    void shouldResolveTitlesListsAndUnnamedSourcesWhenAttributed(
            String phrase, String hint, String canonical, SourceType type) {
        SourceMention m = SOURCES.resolve(phrase, hint).orElseThrow();

        assertThat(m.canonicalName()).isEqualTo(canonical);
        assertThat(m.type()).isEqualTo(type);
    }
}
