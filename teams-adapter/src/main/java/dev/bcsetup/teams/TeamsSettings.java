package dev.bcsetup.teams;

import java.net.URI;
import java.util.Optional;

/**
 * What the Teams side needs from the configuration. No {@code appId} means emulator mode: no JWT check,
 * replies without a token, and only loopback service URLs, for local testing.
 *
 * @param openIdMetadataUrl where the Bot Framework's signing keys are published; tests point it at a fake
 */
public record TeamsSettings(
        Optional<String> appId,
        Optional<String> appPassword,
        boolean singleTenant,
        Optional<String> tenantId,
        Optional<URI> publicBaseUrl,
        Optional<String> engineersChannel,
        Optional<String> openIdMetadataUrl) {

    public TeamsSettings {
        if (appId.isPresent() && appPassword.isEmpty()) {
            throw new IllegalArgumentException("an app ID needs its password");
        }
        if (singleTenant && tenantId.isEmpty()) {
            throw new IllegalArgumentException("a single-tenant bot needs its tenant ID");
        }
    }

    /** Emulator mode: no registration, so nothing is authenticated. */
    public boolean emulator() {
        return appId.isEmpty();
    }
}
