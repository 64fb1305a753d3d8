package dev.bcsetup.credentials;

import java.util.Objects;

/** A checked set of store-level API credentials; {@code toString()} never shows the token. */
public record Credentials(StoreHash storeHash, ClientId clientId, AccessToken accessToken) {

    public Credentials {
        Objects.requireNonNull(storeHash, "storeHash");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(accessToken, "accessToken");
    }

    /** The canonical API path, as the migration team expects it. */
    public String apiPath() {
        return storeHash.apiPath();
    }
}
