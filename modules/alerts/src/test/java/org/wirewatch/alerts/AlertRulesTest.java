package org.wirewatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.wirewatch.common.config.ConfigException;

class AlertRulesTest {

    private static final String VALID = """
      massCasualty: {enabled: true, minKilled: 5, criticalKilled: 20}
      childrenKilled: {enabled: false, minChildren: 1, criticalChildren: 10}
      regionSpike: {enabled: true, minKilled: 20, factor: 2.5, criticalKilled: 100, baselineDays: 14}
      contestedToll: {enabled: true, criticalKilled: 50}
      """;

    @Test
    void shouldReadTheDocumentedDefaultsWhenNoFileIsGiven() {
        // when
        final AlertRules rules = AlertRules.defaults();

        // then
        assertThat(rules.massCasualty().minKilled()).isEqualTo(10);
        assertThat(rules.childrenKilled().minChildren()).isEqualTo(1);
        assertThat(rules.regionSpike().baselineDays()).isEqualTo(7);
        assertThat(rules.regionSpike().factor()).isEqualTo(3.0);
        assertThat(rules.contestedToll().enabled()).isTrue();
    }

    @Test
    void shouldReadAUsersFileWhenOneIsGiven() throws Exception {
        // given
        final Path file = Files.createTempFile("rules", ".yaml");
        Files.writeString(file, VALID);

        // when
        final AlertRules rules = AlertRules.load(file);

        // then
        assertThat(rules.massCasualty().minKilled()).isEqualTo(5);
        assertThat(rules.childrenKilled().enabled()).isFalse();
        assertThat(rules.regionSpike().baselineDays()).isEqualTo(14);
    }

    @Test
    void shouldRejectAMisspeltOrMissingFieldWhenParsing() {
        assertThatThrownBy(() -> AlertRules.parse(VALID.replace("minKilled: 5", "minKilled: 5, minKiled: 4")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("minKiled");
        assertThatThrownBy(() -> AlertRules.parse(VALID.replace("minKilled: 5, ", "")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("minKilled");
    }

    @Test
    void shouldReportEveryOutOfRangeThresholdWhenSeveralAreWrong() {
        // when / then
        assertThatThrownBy(() -> AlertRules.parse(
                        VALID.replace("factor: 2.5", "factor: 0.5").replace("criticalKilled: 20", "criticalKilled: 2")))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .hasSize(2)
                                .anySatisfy(p -> assertThat(p).contains("regionSpike.factor"))
                                .anySatisfy(p -> assertThat(p).contains("massCasualty.criticalKilled")));
    }
}
