package dev.bcsetup.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs Bot Framework channel tokens (RS256) as the Bot Connector does, with a key published through
 * OpenID metadata and a JWKS that the fake connector serves, so the SDK's real validation runs against them.
 * Forgeries too: any issuer, audience, service URL or lifetime ({@link Claims}), a key ID that was never
 * published, no signature at all ({@code alg: none}), or an HMAC keyed with the public key.
 */
public final class TokenMinter {

    public static final String ISSUER = "https://api.botframework.com";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final String keyId;

    public TokenMinter(String keyId) {
        this.keyId = keyId;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes this key's JWKS and the OpenID metadata naming it; returns the metadata URL. */
    public String publish(FakeBotConnector connector) {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        ObjectNode jwks = JSON.createObjectNode();
        ObjectNode jwk = jwks.putArray("keys").addObject();
        jwk.put("kty", "RSA").put("use", "sig").put("kid", keyId).put("alg", "RS256")
                .put("n", B64.encodeToString(unsigned(key.getModulus())))
                .put("e", B64.encodeToString(unsigned(key.getPublicExponent())));
        jwk.putArray("endorsements").add("msteams");
        String keysUrl = connector.publishDocument("keys", jwks.toString());
        ObjectNode metadata = JSON.createObjectNode();
        metadata.put("issuer", ISSUER).put("jwks_uri", keysUrl);
        metadata.putArray("id_token_signing_alg_values_supported").add("RS256");
        return connector.publishDocument("metadata", metadata.toString());
    }

    /** What a token claims; {@link #genuine} is what the channel sends, the {@code with...} copies are forgeries. */
    public record Claims(String issuer, String audience, String serviceUrl, Instant notBefore, Instant issuedAt,
                         Instant expiresAt) {

        /** As the channel issues them: from the Bot Framework, for {@code audience}, valid from 5 s before issue for {@code life}. */
        public static Claims genuine(String audience, String serviceUrl, Instant issuedAt, Duration life) {
            return new Claims(ISSUER, audience, serviceUrl, issuedAt.minusSeconds(5), issuedAt, issuedAt.plus(life));
        }

        public Claims withIssuer(String value) {
            return new Claims(value, audience, serviceUrl, notBefore, issuedAt, expiresAt);
        }

        public Claims withNotBefore(Instant value) {
            return new Claims(issuer, audience, serviceUrl, value, issuedAt, expiresAt);
        }

        public Claims withExpiry(Instant value) {
            return new Claims(issuer, audience, serviceUrl, notBefore, issuedAt, value);
        }

        ObjectNode json() {
            ObjectNode claims = JSON.createObjectNode();
            claims.put("iss", issuer).put("aud", audience).put("serviceurl", serviceUrl)
                    .put("nbf", notBefore.getEpochSecond()).put("iat", issuedAt.getEpochSecond())
                    .put("exp", expiresAt.getEpochSecond());
            return claims;
        }
    }

    /** A token the channel would send: for {@code audience} (the app ID) and {@code serviceUrl}, valid for {@code life}. */
    public String token(String audience, String serviceUrl, Instant issuedAt, Duration life) {
        return token(Claims.genuine(audience, serviceUrl, issuedAt, life));
    }

    /** {@code claims} signed RS256 with this minter's key, naming its key ID. */
    public String token(Claims claims) {
        return "Bearer " + signRsa(header("RS256", keyId), claims.json());
    }

    /** {@code claims} signed with this minter's key but naming {@code otherKeyId}, a key the JWKS may not hold. */
    public String tokenNamingKey(Claims claims, String otherKeyId) {
        return "Bearer " + signRsa(header("RS256", otherKeyId), claims.json());
    }

    /** {@code claims} with {@code alg: none} and an empty signature, as in the classic JWT bypass. */
    public String unsignedToken(Claims claims) {
        return "Bearer " + unsigned(header("none", keyId), claims.json()) + ".";
    }

    /**
     * {@code claims} signed HS256 with this minter's published public key as the HMAC secret: the key-confusion
     * forgery, which works against a validator that takes the algorithm from the token.
     */
    public String hmacWithPublicKey(Claims claims) {
        String unsigned = unsigned(header("HS256", keyId), claims.json());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.getPublic().getEncoded(), "HmacSHA256"));
            return "Bearer " + unsigned + "." + B64.encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode header(String algorithm, String keyId) {
        return JSON.createObjectNode().put("alg", algorithm).put("typ", "JWT").put("kid", keyId);
    }

    private static String unsigned(ObjectNode header, ObjectNode claims) {
        return B64.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
    }

    private String signRsa(ObjectNode header, ObjectNode claims) {
        String signed = unsigned(header, claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }
}
