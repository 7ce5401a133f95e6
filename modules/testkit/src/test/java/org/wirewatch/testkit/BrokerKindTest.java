package org.wirewatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class BrokerKindTest {

    @Test
    void shouldChooseEmbeddedWhenNothingIsSet() {
        assertThat(BrokerKind.parse(null)).isEqualTo(BrokerKind.EMBEDDED);
        assertThat(BrokerKind.parse(" ")).isEqualTo(BrokerKind.EMBEDDED);
    }

    @Test
    void shouldChooseTestcontainersWhenAskedInAnyCase() {
        assertThat(BrokerKind.parse("Testcontainers")).isEqualTo(BrokerKind.TESTCONTAINERS);
    }

    @Test
    void shouldNameTheChoicesWhenTheValueIsUnknown() {
        assertThatThrownBy(() -> BrokerKind.parse("docker"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wirewatch.it.broker=docker")
                .hasMessageContaining("embedded, testcontainers");
    }

    @Test
    void shouldFailWithAClearMessageWhenTestcontainersIsRequestedWithoutDocker() {
        assertThatThrownBy(() -> ContainerBroker.start(() -> false))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("no Docker engine is reachable")
                .hasMessageContaining("-Dwirewatch.it.broker=embedded");
    }
}
