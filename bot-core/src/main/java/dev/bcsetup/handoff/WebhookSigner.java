package dev.bcsetup.handoff;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs hand-off webhooks: {@code v1=} and the hex HMAC-SHA256 of {@code timestamp + "." + body} under
 * {@code HANDOFF_WEBHOOK_SECRET}. The receiver recomputes it and refuses old timestamps (see the README).
 */
public final class WebhookSigner {

    public static final String SIGNATURE_HEADER = "X-Handoff-Signature";
    public static final String TIMESTAMP_HEADER = "X-Handoff-Timestamp";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private final byte[] secret;

    public WebhookSigner(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(long epochSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    /** Constant-time check of a received signature, as a receiver would do it. */
    public boolean verify(long epochSeconds, String body, String signature) {
        return signature != null && MessageDigest.isEqual(
                sign(epochSeconds, body).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "WebhookSigner[secret hidden]";
    }
}
