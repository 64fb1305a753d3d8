package dev.bcsetup.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialCipherTest {

    private static final String SECRET = "{\"accessToken\":\"abcdefghij0123456789klmnopqrstu\"}";
    private final KeyRing oldRing = KeyRing.parse("old:" + KeyRingTest.KEY_A);
    private final KeyRing rotated = KeyRing.parse("new:" + KeyRingTest.KEY_B + ",old:" + KeyRingTest.KEY_A);

    @Test
    void sealsAndOpensWithTheSameRecordId() {
        CredentialCipher cipher = new CredentialCipher(oldRing, new SecureRandom());

        String sealed = cipher.seal(SECRET, "handoff-1");

        assertThat(sealed).startsWith("old:").doesNotContain("abcdefghij");
        assertThat(cipher.open(sealed, "handoff-1")).isEqualTo(SECRET);
        assertThat(cipher.seal(SECRET, "handoff-1")).isNotEqualTo(sealed);
    }

    @Test
    void aSecretMovedToAnotherRecordDoesNotOpen() {
        CredentialCipher cipher = new CredentialCipher(oldRing, new SecureRandom());
        String sealed = cipher.seal(SECRET, "handoff-1");

        assertThatThrownBy(() -> cipher.open(sealed, "handoff-2"))
                .isInstanceOf(CredentialCipher.SealedSecretException.class)
                .hasMessageNotContaining("abcdefghij");
    }

    @Test
    void anAlteredSecretDoesNotOpen() {
        CredentialCipher cipher = new CredentialCipher(oldRing, new SecureRandom());
        String sealed = cipher.seal(SECRET, "handoff-1");
        byte[] data = Base64.getDecoder().decode(sealed.substring(4));
        data[20] ^= 1;

        assertThatThrownBy(() -> cipher.open("old:" + Base64.getEncoder().encodeToString(data), "handoff-1"))
                .hasMessageContaining("altered or misplaced");
    }

    @Test
    void afterRotationOldRecordsOpenAndCanBeResealedWithTheNewKey() {
        String sealedBefore = new CredentialCipher(oldRing, new SecureRandom()).seal(SECRET, "handoff-1");
        CredentialCipher cipher = new CredentialCipher(rotated, new SecureRandom());

        assertThat(cipher.needsResealing(sealedBefore)).isTrue();
        String resealed = cipher.reseal(sealedBefore, "handoff-1");

        assertThat(resealed).startsWith("new:");
        assertThat(cipher.needsResealing(resealed)).isFalse();
        assertThat(cipher.open(resealed, "handoff-1")).isEqualTo(SECRET);
        assertThat(cipher.open(sealedBefore, "handoff-1")).isEqualTo(SECRET);
    }

    @Test
    void aRecordSealedWithARetiredKeySaysWhichKeyIsMissing() {
        String sealed = new CredentialCipher(rotated, new SecureRandom()).seal(SECRET, "handoff-1");

        assertThatThrownBy(() -> new CredentialCipher(oldRing, new SecureRandom()).open(sealed, "handoff-1"))
                .hasMessage("the stored secret was sealed with key new, which CREDENTIALS_KEY lacks");
    }
}
