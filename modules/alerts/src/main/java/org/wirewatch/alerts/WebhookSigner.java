package org.wirewatch.alerts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.wirewatch.schema.Alert;

/**
 * The webhook signature. A receiver recomputes
 * {@code hex(HMAC-SHA256(secret, X-Wirewatch-Timestamp + "." + body))} and compares it, in constant time, with the
 * {@code X-Wirewatch-Signature: sha256=<hex>} header. Covering the timestamp as well as the body lets a receiver
 * reject a captured request replayed later (e.g. older than five minutes) without trusting an unsigned header.
 */
public final class WebhookSigner {

    public static final String SIGNATURE_HEADER = "X-Wirewatch-Signature";
    public static final String TIMESTAMP_HEADER = "X-Wirewatch-Timestamp";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    public static final String ALERT_ID_HEADER = "X-Wirewatch-Alert-Id";
    public static final String ATTEMPT_HEADER = "X-Wirewatch-Delivery-Attempt";

    private final byte[] secret;

    public WebhookSigner(final String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The header value: {@code sha256=<lower-case hex>}. */
    public String sign(final long epochSeconds, final String body) {
        try {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** What a receiver does: true when the header matches, compared in constant time. */
    public boolean verify(final long epochSeconds, final String body, final String header) {
        return header != null
                && MessageDigest.isEqual(
                        sign(epochSeconds, body).getBytes(StandardCharsets.US_ASCII),
                        header.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The idempotency key of an alert: one per published version of an alert (its id, severity and reasons, each
     * with its severity), the unit a receiver deduplicates. Every update of an alert adds a reason or raises a
     * severity, so its key is new; a redelivery of the same version carries the same key.
     */
    public static String idempotencyKey(final Alert alert) {
        return alert.getAlertId() + "|" + alert.getSeverity().name() + "|" + SubjectAlert.signature(alert);
    }
}
