package dev.bcsetup.handoff;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets for storage with AES-256-GCM (an AEAD). The sealed text names the key id, so records
 * stay readable after a new key is introduced, and binds an associated value (the record's id) so a
 * sealed secret copied onto another record fails to open.
 */
public final class CredentialCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeyRing keys;
    private final SecureRandom random;

    public CredentialCipher(KeyRing keys, SecureRandom random) {
        this.keys = keys;
        this.random = random;
    }

    /** {@code keyId:base64(nonce || ciphertext || tag)}. */
    public String seal(String plaintext, String associated) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.primaryKey(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return keys.primaryId() + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    public String open(String sealed, String associated) {
        int colon = sealed.indexOf(':');
        if (colon < 0) {
            throw new SealedSecretException("the stored secret is not in keyId:data form");
        }
        String keyId = sealed.substring(0, colon);
        byte[] key = keys.key(keyId).orElseThrow(() ->
                new SealedSecretException("the stored secret was sealed with key " + keyId + ", which CREDENTIALS_KEY lacks"));
        try {
            byte[] data = Base64.getDecoder().decode(sealed.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SealedSecretException("the stored secret does not open with key " + keyId + ": altered or misplaced");
        }
    }

    /** Whether a sealed secret was made with an older key and should be sealed again. */
    public boolean needsResealing(String sealed) {
        return !sealed.startsWith(keys.primaryId() + ":");
    }

    /** The same secret sealed with the current primary key. */
    public String reseal(String sealed, String associated) {
        return seal(open(sealed, associated), associated);
    }

    /** A stored secret that cannot be opened; the message never holds key material or plaintext. */
    public static final class SealedSecretException extends RuntimeException {
        public SealedSecretException(String message) {
            super(message);
        }
    }
}
