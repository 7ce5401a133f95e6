package org.wirewatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    @Test
    void shouldMatchAnIndependentHmacWhenSigning() {
        // given: python3 -c "import
        // hmac,hashlib;print(hmac.new(b'key',b'1700000000.{\"a\":1}',hashlib.sha256).hexdigest())"
        final WebhookSigner signer = new WebhookSigner("key");

        // when
        final String header = signer.sign(1_700_000_000L, "{\"a\":1}");

        // then
        assertThat(header).isEqualTo("sha256=a438e398bfafc57e4396bb7fc2304422f0f768e965d073ca313cb52e22e6ad03");
    }

    @Test
    void shouldRejectWhenTheBodyOrTimestampChanged() {
        // given
        final WebhookSigner signer = new WebhookSigner("a-webhook-secret-of-32-characters");
        final String header = signer.sign(1_700_000_000L, "{\"a\":1}");

        // then
        assertThat(signer.verify(1_700_000_000L, "{\"a\":1}", header)).isTrue();
        assertThat(signer.verify(1_700_000_001L, "{\"a\":1}", header)).isFalse();
        assertThat(signer.verify(1_700_000_000L, "{\"a\":2}", header)).isFalse();
        assertThat(new WebhookSigner("another-secret-of-32-characters!!").verify(1_700_000_000L, "{\"a\":1}", header))
                .isFalse();
        assertThat(signer.verify(1_700_000_000L, "{\"a\":1}", null)).isFalse();
    }

    @Test
    void shouldKeyIdempotencyByAlertSeverityAndReasonsWhenDelivering() {
        final org.wirewatch.schema.Alert toll = AlertFixtures.alert(
                org.wirewatch.schema.AlertRule.MASS_CASUALTY, org.wirewatch.schema.AlertSeverity.WARNING);
        final org.wirewatch.schema.Alert kids = AlertFixtures.alert(
                org.wirewatch.schema.AlertRule.CHILDREN_KILLED, org.wirewatch.schema.AlertSeverity.CRITICAL);
        final org.wirewatch.schema.Alert both =
                SubjectAlert.of("INCIDENT|inc-1", List.of(toll, kids)).orElseThrow();

        assertThat(WebhookSigner.idempotencyKey(both))
                .isEqualTo("INCIDENT|inc-1|CRITICAL|MASS_CASUALTY:WARNING,CHILDREN_KILLED:CRITICAL");
    }
}
