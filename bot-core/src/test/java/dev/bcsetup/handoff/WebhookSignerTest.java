package dev.bcsetup.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    private static final String BODY = "{\"reference\":\"BC-TEST\"}";
    private final WebhookSigner signer = new WebhookSigner("whsec-test-0123456789");

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        // Computed independently: printf '1764115200.{body}' | openssl dgst -sha256 -hmac whsec-test-0123456789
        assertThat(signer.sign(1764115200L, BODY))
                .isEqualTo("v1=964d824f3a71640512ffc852d62a17a1430680b6f48bd9cb62ec547c290ef570");
    }

    @Test
    void verifiesOnlyTheExactTimestampAndBody() {
        String signature = signer.sign(1764115200L, BODY);

        assertThat(signer.verify(1764115200L, BODY, signature)).isTrue();
        assertThat(signer.verify(1764115201L, BODY, signature)).isFalse();
        assertThat(signer.verify(1764115200L, BODY + " ", signature)).isFalse();
        assertThat(new WebhookSigner("another-secret-000").verify(1764115200L, BODY, signature)).isFalse();
        assertThat(signer.verify(1764115200L, BODY, null)).isFalse();
        assertThat(signer.toString()).doesNotContain("whsec");
    }
}
