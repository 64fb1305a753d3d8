package dev.bcsetup.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingTest {

    static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    static final String KEY_B = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void theFirstKeyEncryptsAndEveryKeyIsKnownById() {
        KeyRing ring = KeyRing.parse("new:" + KEY_B + ", old:" + KEY_A);

        assertThat(ring.primaryId()).isEqualTo("new");
        assertThat(ring.key("old")).isPresent();
        assertThat(ring.key("other")).isEmpty();
        assertThat(ring.toString()).isEqualTo("KeyRing[new, old]").doesNotContain(KEY_A);
    }

    @Test
    void malformedKeysAreNamedWithoutTheirMaterial() {
        String shortKey = Base64.getEncoder().encodeToString("too short".getBytes());
        assertThatThrownBy(() -> KeyRing.parse("k1:" + shortKey)).hasMessage(
                "key k1 must be 32 bytes (openssl rand -base64 32)").hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> KeyRing.parse(KEY_A)).hasMessageContaining("id:base64key");
        assertThatThrownBy(() -> KeyRing.parse("K1:" + KEY_A)).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> KeyRing.parse("k1:not*base64")).hasMessage("key k1 is not valid base64");
        assertThatThrownBy(() -> KeyRing.parse("k1:" + KEY_A + ",k1:" + KEY_B)).hasMessage("key id k1 appears twice");
    }

    @Test
    void localModeMakesAPrivateKeyFileOnceAndReusesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data").resolve("credentials.key");
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

        KeyRing first = KeyRing.loadOrCreate(file, new SecureRandom(), clock);
        KeyRing again = KeyRing.loadOrCreate(file, new SecureRandom(), clock);

        assertThat(first.primaryId()).isEqualTo("local-20261125");
        assertThat(again.primaryKey()).isEqualTo(first.primaryKey());
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }
}
