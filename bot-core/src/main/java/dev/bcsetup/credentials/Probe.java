package dev.bcsetup.credentials;

import dev.bcsetup.flow.Scope;
import java.util.Objects;
import java.util.Optional;

/**
 * One request the validator sends, relative to {@code /stores/{hash}}: a cheap read, or a write
 * with an empty {@code {}} body that BigCommerce refuses before it could change anything.
 */
public record Probe(Kind kind, Optional<Scope> scope, String method, String path) {

    /** What a probe proves. */
    public enum Kind {
        /** The token belongs to the store ({@code GET /v2/time}). */
        AUTHENTICATION,
        /** The scope can be read. */
        READ,
        /** The scope can be modified. */
        WRITE
    }

    public Probe {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scope, "scope");
        if (!method.equals("GET") && !method.equals("POST")) {
            // Probes only read, or write an empty body; a DELETE without filters can wipe a whole resource.
            throw new IllegalArgumentException("probes use GET or POST only");
        }
        if (!path.startsWith("/v2/") && !path.startsWith("/v3/")) {
            throw new IllegalArgumentException("a probe path starts with /v2/ or /v3/");
        }
    }

    /** Whether the request carries the empty JSON body. */
    public boolean write() {
        return method.equals("POST");
    }
}
