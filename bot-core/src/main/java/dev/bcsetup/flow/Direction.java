package dev.bcsetup.flow;

/** Which way the merchant's data moves, which decides whether scopes need Modify or Read-only. */
public enum Direction {
    TO_BIGCOMMERCE(Access.MODIFY),
    FROM_BIGCOMMERCE(Access.READ_ONLY);

    private final Access access;

    Direction(Access access) {
        this.access = access;
    }

    /** The access every scope needs for a migration in this direction. */
    public Access access() {
        return access;
    }
}
