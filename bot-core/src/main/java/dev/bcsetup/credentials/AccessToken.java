package dev.bcsetup.credentials;

import java.util.Objects;

/** The store-level API access token: the secret that authenticates every request. */
public record AccessToken(String value) {

    public AccessToken {
        Objects.requireNonNull(value, "access token");
    }

    @Override
    public String toString() {
        return "AccessToken[" + Secrets.masked(value) + "]";
    }
}
