package dev.bcsetup.credentials;

import java.util.Objects;

/** The API account's client ID: not secret, but BigCommerce ignores it, so only its format is checked. */
public record ClientId(String value) {

    public ClientId {
        Objects.requireNonNull(value, "client ID");
    }

    @Override
    public String toString() {
        return "ClientId[" + Secrets.abbreviated(value) + "]";
    }
}
