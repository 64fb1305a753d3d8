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

/**
 * Signs Bot Framework channel tokens (RS256) as the Bot Connector does, with a key published through
 * OpenID metadata and a JWKS that the fake connector serves, so the SDK's real validation runs against them.
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

    /** A token the channel would send: for {@code audience} (the app ID) and {@code serviceUrl}, valid for {@code life}. */
    public String token(String audience, String serviceUrl, Instant issuedAt, Duration life) {
        ObjectNode claims = JSON.createObjectNode();
        claims.put("iss", ISSUER).put("aud", audience).put("serviceurl", serviceUrl)
                .put("nbf", issuedAt.getEpochSecond() - 5).put("iat", issuedAt.getEpochSecond())
                .put("exp", issuedAt.plus(life).getEpochSecond());
        return "Bearer " + sign(claims);
    }

    private String sign(ObjectNode claims) {
        ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT").put("kid", keyId);
        String signed = B64.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
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
